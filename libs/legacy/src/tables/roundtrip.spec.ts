import fc from 'fast-check';
import type { LegacyTable, LegacyTableName } from '../definition';
import { cleanRecords, inOrder } from '../testing/arbitraries';
import { LEGACY_TABLES } from '.';

describe('legacy table definitions: new → old after old → new', () => {
  for (const [name, table] of Object.entries(LEGACY_TABLES) as [
    string,
    LegacyTable<unknown, unknown>,
  ][]) {
    it(`is the identity on clean ${name} records`, () => {
      fc.assert(
        fc.property(cleanRecords[name as LegacyTableName], (generated) => {
          const raw = inOrder(table, generated);
          const parsed = table.parse(raw);
          if (!parsed.ok) throw new Error(`${name}: ${parsed.rejection.message}`);
          expect(table.toLegacy(table.toNew(parsed.value))).toEqual(raw);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('every definition describes exactly the attributes of its records', () => {
    for (const [name, table] of Object.entries(LEGACY_TABLES) as [
      string,
      LegacyTable<unknown, unknown>,
    ][]) {
      const sample = fc.sample(cleanRecords[name as LegacyTableName], 1)[0];
      expect(Object.keys(sample).sort()).toEqual([...table.attributes].sort());
    }
  });
});
