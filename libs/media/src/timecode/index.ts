export * from './frame-rate';
export * from './smpte';
export * from './media-time';
