export * from './project.exports';
export * from './asset.exports';
export * from './comment.exports';
export * from './review-link.exports';
export * from './events';
export * from './policies/project-policy';
export * from './policies/project-rules';
