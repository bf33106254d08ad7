import { DATABASE_ONLY_INDEXES, IGNORED_TABLES, type AllowedDatabaseOnlyIndex } from './allowlist';
import type {
  ColumnDefault,
  ColumnShape,
  ForeignKeyShape,
  IndexShape,
  SchemaShape,
  TableShape,
} from './schema-shape';

export interface CompareOptions {
  allowedIndexes?: readonly AllowedDatabaseOnlyIndex[];
  ignoredTables?: readonly string[];
}

/**
 * Every difference between what Prisma expects and what the database has, one readable line
 * each, sorted. An empty list means no drift.
 */
export function compareSchemas(
  expected: SchemaShape,
  actual: SchemaShape,
  options: CompareOptions = {},
): string[] {
  const allowed = options.allowedIndexes ?? DATABASE_ONLY_INDEXES;
  const ignored = new Set(options.ignoredTables ?? IGNORED_TABLES.map((t) => t.name));
  const out: string[] = [];

  for (const [name, labels] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) out.push(`enum ${q(name)} is missing from the database`);
    else if (found.join() !== labels.join()) {
      out.push(
        `enum ${q(name)}: the database has labels (${found.join(', ')}), ` +
          `Prisma expects (${labels.join(', ')})`,
      );
    }
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name))
      out.push(`enum ${q(name)} exists in the database but not in the Prisma schema`);
  }

  for (const [name, table] of expected.tables) {
    const found = actual.tables.get(name);
    if (!found) out.push(`table ${q(name)} (model ${table.model}) is missing from the database`);
    else compareTable(table, found, allowed, out);
  }
  for (const name of actual.tables.keys()) {
    if (!expected.tables.has(name) && !ignored.has(name)) {
      out.push(`table ${q(name)} exists in the database but not in the Prisma schema`);
    }
  }
  for (const entry of allowed) {
    const table = actual.tables.get(entry.table);
    if (
      table &&
      expected.tables.has(entry.table) &&
      !table.indexes.some((i) => i.name === entry.name)
    ) {
      out.push(
        `index ${q(entry.name)} on ${q(entry.table)} is allowlisted as database-only ` +
          '(schema-drift/allowlist.ts) but missing from the database',
      );
    }
  }
  return out.sort();
}

function compareTable(
  expected: TableShape,
  actual: TableShape,
  allowed: readonly AllowedDatabaseOnlyIndex[],
  out: string[],
): void {
  const t = q(expected.name);
  for (const [name, column] of expected.columns) {
    const found = actual.columns.get(name);
    if (!found)
      out.push(
        `column ${t}.${q(name)} (${expected.model}.${column.field}) is missing from the database`,
      );
    else compareColumn(`${t}.${q(name)}`, column, found, out);
  }
  for (const name of actual.columns.keys()) {
    if (!expected.columns.has(name))
      out.push(`column ${t}.${q(name)} exists in the database but not in the Prisma schema`);
  }

  const pk = expected.primaryKey;
  const foundPk = actual.primaryKey;
  if (pk && !foundPk)
    out.push(
      `table ${t}: primary key ${q(pk.name)} (${pk.columns.join(', ')}) is missing from the database`,
    );
  else if (!pk && foundPk)
    out.push(
      `table ${t}: the database has primary key ${q(foundPk.name)} (${foundPk.columns.join(', ')}), Prisma expects none`,
    );
  else if (pk && foundPk) {
    if (pk.columns.join() !== foundPk.columns.join()) {
      out.push(
        `table ${t}: primary key is (${foundPk.columns.join(', ')}) in the database, Prisma expects (${pk.columns.join(', ')})`,
      );
    }
    if (pk.name !== foundPk.name)
      out.push(
        `table ${t}: primary key is named ${q(foundPk.name)} in the database, Prisma expects ${q(pk.name)}`,
      );
  }

  compareIndexes(expected, actual, allowed, out);
  compareForeignKeys(expected, actual, out);
}

function compareColumn(
  label: string,
  expected: ColumnShape,
  actual: ColumnShape,
  out: string[],
): void {
  if (expected.type !== actual.type)
    out.push(
      `column ${label}: type is ${actual.type} in the database, Prisma expects ${expected.type}`,
    );
  // Prisma creates scalar lists without NOT NULL and maps either back to a list field.
  if (expected.nullable !== actual.nullable && !expected.type.endsWith('[]')) {
    out.push(
      `column ${label}: ${actual.nullable ? 'nullable' : 'NOT NULL'} in the database, ` +
        `Prisma expects ${expected.nullable ? 'nullable' : 'NOT NULL'}`,
    );
  }
  if (!sameDefault(expected.default, actual.default)) {
    out.push(
      `column ${label}: default is ${describeDefault(actual.default)} in the database, Prisma expects ${describeDefault(expected.default)}`,
    );
  }
}

function sameDefault(expected: ColumnDefault, actual: ColumnDefault): boolean {
  switch (expected.kind) {
    case 'any':
      return actual.kind !== 'none';
    case 'value':
      return actual.kind === 'value' && actual.value === expected.value;
    case 'expression':
      return normaliseSql(expected.sql) === normaliseSql(describeDefault(actual));
    default:
      return actual.kind === expected.kind;
  }
}

function describeDefault(d: ColumnDefault): string {
  switch (d.kind) {
    case 'none':
      return 'none';
    case 'any':
      return 'some dbgenerated() expression';
    case 'autoincrement':
      return 'autoincrement (a sequence)';
    case 'now':
      return 'now()';
    case 'value':
      return `'${d.value}'`;
    case 'expression':
      return d.sql;
  }
}

function normaliseSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().toLowerCase();
}

function describeIndex(table: string, index: IndexShape): string {
  const columns = index.columns.map((c) => `${c.name}${c.descending ? ' DESC' : ''}`).join(', ');
  return (
    `${index.unique ? 'unique ' : ''}index ${q(index.name)} on ${q(table)} ` +
    `${index.method === 'btree' ? '' : `USING ${index.method} `}(${columns})` +
    (index.include ? ` INCLUDE (${index.include.join(', ')})` : '') +
    (index.predicate ? ` WHERE ${index.predicate}` : '')
  );
}

function indexDefinition(index: IndexShape): string {
  return describeIndex('', { ...index, name: '' });
}

function compareIndexes(
  expected: TableShape,
  actual: TableShape,
  allowed: readonly AllowedDatabaseOnlyIndex[],
  out: string[],
): void {
  const table = expected.name;
  const unmatchedActual = new Set(actual.indexes);
  const unmatchedExpected: IndexShape[] = [];
  // Same name: compare what they index.
  for (const index of expected.indexes) {
    const found = actual.indexes.find((i) => i.name === index.name);
    if (!found) {
      unmatchedExpected.push(index);
      continue;
    }
    unmatchedActual.delete(found);
    if (indexDefinition(found) !== indexDefinition(index)) {
      out.push(
        `${describeIndex(table, found)} in the database, Prisma expects ${describeIndex(table, index)}`,
      );
    }
  }
  // Same definition under another name: a naming difference.
  for (const index of unmatchedExpected) {
    const found = [...unmatchedActual].find((i) => indexDefinition(i) === indexDefinition(index));
    if (found) {
      unmatchedActual.delete(found);
      out.push(`${describeIndex(table, index)}: named ${q(found.name)} in the database`);
    } else {
      out.push(`${describeIndex(table, index)} is missing from the database`);
    }
  }
  for (const index of unmatchedActual) {
    const entry = allowed.find((a) => a.table === table && a.name === index.name);
    if (!entry) {
      out.push(
        `${describeIndex(table, index)} exists in the database but not in the Prisma schema`,
      );
    } else if (
      !index.unique !== !entry.unique ||
      index.columns.map((c) => c.name).join() !== entry.columns.join() ||
      index.columns.some((c) => c.descending) ||
      (index.predicate ?? '') !== (entry.predicate ?? '')
    ) {
      out.push(
        `${describeIndex(table, index)} differs from its entry in schema-drift/allowlist.ts`,
      );
    }
  }
}

function describeForeignKey(table: string, fk: ForeignKeyShape): string {
  return `foreign key ${q(table)} (${fk.columns.join(', ')}) → ${q(fk.referencedTable)} (${fk.referencedColumns.join(', ')})`;
}

function compareForeignKeys(expected: TableShape, actual: TableShape, out: string[]): void {
  const table = expected.name;
  const key = (fk: ForeignKeyShape) =>
    `${fk.columns.join()}→${fk.referencedTable}(${fk.referencedColumns.join()})`;
  const unmatched = new Set(actual.foreignKeys);
  for (const fk of expected.foreignKeys) {
    const found = [...unmatched].find((f) => key(f) === key(fk));
    if (!found) {
      out.push(`${describeForeignKey(table, fk)} is missing from the database`);
      continue;
    }
    unmatched.delete(found);
    if (found.onDelete !== fk.onDelete) {
      out.push(
        `${describeForeignKey(table, fk)}: ON DELETE ${found.onDelete} in the database, Prisma expects ON DELETE ${fk.onDelete}`,
      );
    }
    if (found.onUpdate !== fk.onUpdate) {
      out.push(
        `${describeForeignKey(table, fk)}: ON UPDATE ${found.onUpdate} in the database, Prisma expects ON UPDATE ${fk.onUpdate}`,
      );
    }
  }
  for (const fk of unmatched) {
    out.push(
      `${describeForeignKey(table, fk)} (${q(fk.name)}) exists in the database but not in the Prisma schema`,
    );
  }
}

function q(name: string): string {
  return `"${name}"`;
}
