export * from './project.events';
export * from './asset.events';
export * from './comment.events';
export * from './review-link.events';
