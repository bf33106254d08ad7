import { assertTestDatabase, databaseNameOf, withDatabase } from './test-database';

describe('the test database guard', () => {
  it('refuses databases whose name does not say test', () => {
    expect(() => assertTestDatabase('postgresql://localhost:5432/dailies')).toThrow(
      /must contain "test"/,
    );
    expect(() => assertTestDatabase('postgresql://localhost:5432/production')).toThrow();
    expect(() => assertTestDatabase('postgresql://localhost:5432/dailies_test_abc')).not.toThrow();
  });

  it('reads and swaps database names in URLs', () => {
    expect(databaseNameOf('postgresql://u:p@h:1/some_db?sslmode=disable')).toBe('some_db');
    expect(withDatabase('postgresql://u:p@h:1/a?sslmode=disable', 'b_test')).toBe(
      'postgresql://u:p@h:1/b_test?sslmode=disable',
    );
  });
});
