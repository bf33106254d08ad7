import type { DmmfDatamodel, DmmfDefault, DmmfField, DmmfModel } from './prisma-dmmf';
import { arrayLiteral, normaliseLiteral } from './literals';
import type {
  ColumnDefault,
  ColumnShape,
  ForeignKeyShape,
  IndexShape,
  ReferentialAction,
  SchemaShape,
  TableShape,
} from './schema-shape';

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * What `prisma migrate` would create for these models on PostgreSQL (relationMode
 * "foreignKeys", the default), in the shape of SchemaShape.
 */
export function expectedSchema(datamodel: DmmfDatamodel): SchemaShape {
  const enums = new Map<string, string[]>();
  const enumDbNames = new Map<string, string>();
  const enumValueDbNames = new Map<string, Map<string, string>>();
  for (const e of datamodel.enums) {
    const dbName = e.dbName ?? e.name;
    enumDbNames.set(e.name, dbName);
    enums.set(
      dbName,
      e.values.map((v) => v.dbName ?? v.name),
    );
    enumValueDbNames.set(e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name])));
  }

  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tables = new Map<string, TableShape>();
  for (const model of datamodel.models) {
    if (model.schema) {
      throw new Error(
        `Model ${model.name} uses @@schema: the drift check supports one schema only.`,
      );
    }
    const table = tableName(model);
    const columns = new Map<string, ColumnShape>();
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const type = columnType(field, enumDbNames);
      columns.set(columnName(field), {
        name: columnName(field),
        field: field.name,
        type,
        // Prisma renders scalar lists without NOT NULL but accepts either; see compare.ts.
        nullable: !field.isRequired,
        default: columnDefault(field, type, enumValueDbNames.get(field.type)),
      });
    }
    tables.set(table, {
      name: table,
      model: model.name,
      columns,
      ...keysAndIndexes(model, datamodel),
      foreignKeys: foreignKeys(model, models),
    });
  }
  return { tables, enums };
}

export function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}

function fieldColumn(model: DmmfModel, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`Model ${model.name} has no field ${fieldName}`);
  return columnName(field);
}

/** Prisma's scalar types on PostgreSQL when no @db.* native type is given. */
const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** @db.* native types, as PostgreSQL's format_type prints the column type they create. */
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Text: () => 'text',
  Char: ([n]) => `character(${n ?? 1})`,
  VarChar: ([n]) => (n ? `character varying(${n})` : 'character varying'),
  Bit: ([n]) => `bit(${n ?? 1})`,
  VarBit: ([n]) => (n ? `bit varying(${n})` : 'bit varying'),
  Uuid: () => 'uuid',
  Xml: () => 'xml',
  Inet: () => 'inet',
  Citext: () => 'citext',
  Boolean: () => 'boolean',
  Integer: () => 'integer',
  SmallInt: () => 'smallint',
  BigInt: () => 'bigint',
  Oid: () => 'oid',
  DoublePrecision: () => 'double precision',
  Real: () => 'real',
  Decimal: ([p, s]) => (p ? `numeric(${p},${s ?? 0})` : 'numeric'),
  Money: () => 'money',
  Timestamp: ([p]) => `timestamp(${p ?? 6}) without time zone`,
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Date: () => 'date',
  Time: ([p]) => `time(${p ?? 6}) without time zone`,
  Timetz: ([p]) => `time(${p ?? 6}) with time zone`,
  Json: () => 'json',
  JsonB: () => 'jsonb',
  ByteA: () => 'bytea',
};

function columnType(field: DmmfField, enumDbNames: Map<string, string>): string {
  let type: string;
  if (field.kind === 'enum') {
    type = `enum ${enumDbNames.get(field.type) ?? field.type}`;
  } else if (field.nativeType) {
    const [name, args] = field.nativeType;
    const native = NATIVE_TYPES[name];
    type = native ? native(args) : `@db.${name}(${args.join(',')}) (unknown to the drift check)`;
  } else {
    type = SCALAR_TYPES[field.type] ?? field.type;
  }
  return field.isList ? `${type}[]` : type;
}

/** Defaults Prisma Client fills in itself: the column has none. */
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

function columnDefault(
  field: DmmfField,
  type: string,
  enumValues: Map<string, string> | undefined,
): ColumnDefault {
  const value: DmmfDefault | undefined = field.default;
  if (value === undefined) return { kind: 'none' };
  if (Array.isArray(value)) {
    const elementType = type.replace(/\[\]$/, '');
    const items = value.map((v) => {
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      return normaliseLiteral(elementType, enumValues?.get(text) ?? text);
    });
    return { kind: 'value', value: arrayLiteral(items) };
  }
  if (typeof value === 'object') {
    if (value.name === 'autoincrement' || value.name === 'sequence')
      return { kind: 'autoincrement' };
    if (value.name === 'now') return { kind: 'now' };
    if (value.name === 'dbgenerated') {
      const sql = value.args[0];
      return sql === undefined ? { kind: 'any' } : { kind: 'expression', sql: String(sql) };
    }
    if (CLIENT_SIDE_DEFAULTS.has(value.name)) return { kind: 'none' };
    return { kind: 'expression', sql: `${value.name}(${value.args.join(', ')})` };
  }
  const text = enumValues ? (enumValues.get(String(value)) ?? String(value)) : String(value);
  return { kind: 'value', value: normaliseLiteral(type, text) };
}

function keysAndIndexes(
  model: DmmfModel,
  datamodel: DmmfDatamodel,
): Pick<TableShape, 'primaryKey' | 'indexes'> {
  const table = tableName(model);
  const result: Pick<TableShape, 'primaryKey' | 'indexes'> = { indexes: [] };
  for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
    const columns = index.fields.map((f) => fieldColumn(model, f.name));
    switch (index.type) {
      case 'id':
        result.primaryKey = {
          name: index.dbName ?? constraintName(table, [], '_pkey'),
          columns,
        };
        break;
      case 'unique':
      case 'normal': {
        const unique = index.type === 'unique';
        const shape: IndexShape = {
          name: index.dbName ?? constraintName(table, columns, unique ? '_key' : '_idx'),
          unique,
          method: (index.algorithm ?? 'btree').toLowerCase(),
          columns: index.fields.map((f, i) => ({
            name: columns[i],
            descending: f.sortOrder === 'desc',
          })),
        };
        result.indexes.push(shape);
        break;
      }
      default:
        throw new Error(`Model ${model.name}: ${index.type} indexes do not exist on PostgreSQL.`);
    }
  }
  return result;
}

const PRISMA_ACTIONS: Record<string, ReferentialAction> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

function foreignKeys(model: DmmfModel, models: Map<string, DmmfModel>): ForeignKeyShape[] {
  const table = tableName(model);
  const result: ForeignKeyShape[] = [];
  for (const field of model.fields) {
    if (field.kind !== 'object') continue;
    const target = models.get(field.type);
    if (!target) throw new Error(`Model ${model.name}.${field.name}: no model ${field.type}`);
    const from = field.relationFromFields ?? [];
    if (from.length === 0) {
      const opposite = target.fields.find(
        (f) => f.kind === 'object' && f.relationName === field.relationName && f !== field,
      );
      if (field.isList && opposite?.isList) {
        throw new Error(
          `${model.name}.${field.name} is an implicit many-to-many relation; the drift check ` +
            'does not model its join table. Use an explicit join model.',
        );
      }
      continue;
    }
    const columns = from.map((f) => fieldColumn(model, f));
    const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
    const onUpdate = field.relationOnUpdate ?? 'Cascade';
    result.push({
      // Prisma's default; @relation(map: …) is not in the DMMF, so names are not compared.
      name: constraintName(table, columns, '_fkey'),
      columns,
      referencedTable: tableName(target),
      referencedColumns: (field.relationToFields ?? []).map((f) => fieldColumn(target, f)),
      onDelete: PRISMA_ACTIONS[onDelete],
      onUpdate: PRISMA_ACTIONS[onUpdate],
    });
  }
  return result;
}

/**
 * Prisma's default constraint and index names on PostgreSQL: `{table}_pkey`,
 * `{table}_{columns}_key` (unique), `{table}_{columns}_idx`, `{table}_{columns}_fkey`, cut to
 * fit 63 bytes before the suffix (as psl's ConstraintNames does).
 */
export function constraintName(table: string, columns: string[], suffix: string): string {
  const base = columns.length > 0 ? `${table}_${columns.join('_')}` : table;
  const limit = MAX_IDENTIFIER_BYTES - Buffer.byteLength(suffix);
  return `${truncateUtf8(base, limit)}${suffix}`;
}

function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}
