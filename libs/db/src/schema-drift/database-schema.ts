import type { ClientBase } from 'pg';
import { arrayLiteral, normaliseLiteral } from './literals';
import type {
  ColumnDefault,
  ForeignKeyShape,
  IndexShape,
  ReferentialAction,
  SchemaShape,
  TableShape,
} from './schema-shape';

/**
 * Reads tables (ordinary and partitioned), columns, enums, primary keys, indexes and foreign
 * keys of one schema from information_schema and pg_catalog. Views, sequences, CHECK and
 * exclusion constraints, triggers and functions are not read.
 */
export async function readDatabaseSchema(
  client: ClientBase,
  schema = 'public',
): Promise<SchemaShape> {
  const tables = new Map<string, TableShape>();
  const { rows: tableRows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE'
      ORDER BY table_name`,
    [schema],
  );
  for (const { table_name } of tableRows) {
    tables.set(table_name, {
      name: table_name,
      columns: new Map(),
      indexes: [],
      foreignKeys: [],
    });
  }

  const { rows: columnRows } = await client.query<{
    table_name: string;
    column_name: string;
    type: string;
    is_enum: boolean;
    enum_name: string | null;
    is_array: boolean;
    nullable: boolean;
    default_sql: string | null;
    is_identity: boolean;
    generated: string;
  }>(
    `SELECT c.relname AS table_name,
            a.attname AS column_name,
            format_type(a.atttypid, a.atttypmod) AS type,
            COALESCE(et.typtype, t.typtype) = 'e' AS is_enum,
            COALESCE(et.typname, t.typname) AS enum_name,
            et.oid IS NOT NULL AS is_array,
            NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS default_sql,
            a.attidentity <> '' AS is_identity,
            a.attgenerated AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  for (const row of columnRows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    const type = row.is_enum
      ? `enum ${row.enum_name}${row.is_array ? '[]' : ''}`
      : canonicalType(row.type);
    let columnDefault: ColumnDefault;
    if (row.generated) {
      columnDefault = {
        kind: 'expression',
        sql: `GENERATED ALWAYS AS (${row.default_sql}) STORED`,
      };
    } else if (row.is_identity) {
      columnDefault = { kind: 'autoincrement' };
    } else {
      columnDefault = parseDefault(row.default_sql, type);
    }
    table.columns.set(row.column_name, {
      name: row.column_name,
      type,
      nullable: row.nullable,
      default: columnDefault,
    });
  }

  const { rows: indexRows } = await client.query<{
    table_name: string;
    index_name: string;
    is_primary: boolean;
    is_unique: boolean;
    method: string;
    predicate: string | null;
    key_columns: { name: string | null; expression: string | null; descending: boolean }[];
    include_columns: string[] | null;
  }>(
    `SELECT t.relname AS table_name,
            i.relname AS index_name,
            ix.indisprimary AS is_primary,
            ix.indisunique AS is_unique,
            am.amname AS method,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            (SELECT json_agg(json_build_object(
                      'name', a.attname,
                      'expression', CASE WHEN ix.indkey[k.i] = 0
                                         THEN pg_get_indexdef(ix.indexrelid, k.i + 1, true) END,
                      'descending', (ix.indoption[k.i] & 1) = 1)
                    ORDER BY k.i)
               FROM generate_series(0, ix.indnkeyatts - 1) AS k(i)
               LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k.i]
            ) AS key_columns,
            (SELECT json_agg(a.attname ORDER BY k.i)
               FROM generate_series(ix.indnkeyatts, ix.indnatts - 1) AS k(i)
               JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[k.i]
            ) AS include_columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = $1
      ORDER BY t.relname, i.relname`,
    [schema],
  );
  for (const row of indexRows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    const columns = row.key_columns.map((c) => ({
      name: c.name ?? `(${c.expression})`,
      descending: c.descending,
    }));
    if (row.is_primary) {
      table.primaryKey = { name: row.index_name, columns: columns.map((c) => c.name) };
      continue;
    }
    const index: IndexShape = {
      name: row.index_name,
      unique: row.is_unique,
      method: row.method,
      columns,
    };
    if (row.predicate) index.predicate = row.predicate;
    if (row.include_columns?.length) index.include = row.include_columns;
    table.indexes.push(index);
  }

  const { rows: fkRows } = await client.query<{
    table_name: string;
    constraint_name: string;
    referenced_table: string;
    columns: string[];
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS table_name,
            c.conname AS constraint_name,
            r.relname AS referenced_table,
            (SELECT json_agg(a.attname ORDER BY k.ord)
               FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT json_agg(a.attname ORDER BY k.ord)
               FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
            ) AS referenced_columns,
            c.confdeltype AS on_delete,
            c.confupdtype AS on_update
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f' AND n.nspname = $1 AND c.conparentid = 0
      ORDER BY t.relname, c.conname`,
    [schema],
  );
  for (const row of fkRows) {
    const table = tables.get(row.table_name);
    if (!table) continue;
    const fk: ForeignKeyShape = {
      name: row.constraint_name,
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: ACTIONS[row.on_delete],
      onUpdate: ACTIONS[row.on_update],
    };
    table.foreignKeys.push(fk);
  }

  const { rows: enumRows } = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
       FROM pg_type t
       JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = $1
      GROUP BY t.typname
      ORDER BY t.typname`,
    [schema],
  );
  const enums = new Map(enumRows.map((r) => [r.name, r.labels]));
  return { tables, enums };
}

/** pg_constraint.confdeltype / confupdtype. */
const ACTIONS: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Timestamp and time types without a precision have precision 6, which Prisma spells out. */
export function canonicalType(formatted: string): string {
  return formatted.replace(/^(timestamp|time) (with|without) time zone/, '$1(6) $2 time zone');
}

/** A default as pg_get_expr prints it, e.g. `nextval('x_seq'::regclass)`, `'UTC'::text`, `0`. */
export function parseDefault(sql: string | null, type: string): ColumnDefault {
  if (sql === null) return { kind: 'none' };
  const text = sql.trim();
  if (/^nextval\('[^']+'::regclass\)$/.test(text)) return { kind: 'autoincrement' };
  if (/^(now\(\)|CURRENT_TIMESTAMP|transaction_timestamp\(\))$/i.test(text)) return { kind: 'now' };
  const constant = parseConstant(text);
  if (constant !== undefined) return { kind: 'value', value: normaliseLiteral(type, constant) };
  // A list default as Prisma writes it, `ARRAY['a', 'b']::text[]`, prints as an ARRAY[…] of
  // constants; as a literal, `'{a,b}'::text[]`, it is a constant already.
  const array = /^ARRAY\[(.*)\](?:::[\w\s."[\]]+)?$/s.exec(text);
  if (array && type.endsWith('[]')) {
    const items = splitTopLevel(array[1]).map(parseConstant);
    if (items.every((i) => i !== undefined)) {
      const elementType = type.slice(0, -2);
      return {
        kind: 'value',
        value: arrayLiteral(items.map((i) => normaliseLiteral(elementType, i as string))),
      };
    }
  }
  return { kind: 'expression', sql: text };
}

/** The value of a constant as pg_get_expr prints it (`'UTC'::text`, `0`, `true`). */
function parseConstant(text: string): string | undefined {
  const quoted = /^'((?:[^']|'')*)'(?:::[\w\s."[\](),]+)?$/.exec(text.trim());
  if (quoted) return quoted[1].replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text.trim()) || /^(true|false)$/.test(text.trim())) {
    return text.trim();
  }
  return undefined;
}

/** Splits `'a'::text, 'b, c'::text` at the commas outside quotes and brackets. */
function splitTopLevel(list: string): string[] {
  if (list.trim() === '') return [];
  const parts: string[] = [];
  let depth = 0;
  let inQuote = false;
  let current = '';
  for (const ch of list) {
    if (ch === "'") inQuote = !inQuote;
    else if (!inQuote && (ch === '(' || ch === '[')) depth++;
    else if (!inQuote && (ch === ')' || ch === ']')) depth--;
    if (ch === ',' && !inQuote && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts;
}
