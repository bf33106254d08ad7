export * from './project/project.events';
export * from './asset/asset.events';
export * from './comment/comment.events';
export * from './review-link/review-link.events';
