export * from './definition';
export * from './ids';
export * from './raw';
export * from './reasons';
export * from './rules/sibling-order';
export * from './tables';
export * from './values';
export * from './current';
