export * from './form-bodies';
