// The projects context, one folder per aggregate; each folder's index.ts is its public API.
export * from './project';
export * from './asset';
export * from './comment';
export * from './review-link';
