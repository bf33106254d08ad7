// Test data for everything that reads the legacy store (the migrator) or speaks its shape (the
// /v1 adapter): a deterministic legacy data set with SCHEMA.md's quirks.
export * from './fixtures';
