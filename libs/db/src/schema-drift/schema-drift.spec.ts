import { compareSchemas } from './compare';
import { canonicalType, parseDefault } from './database-schema';
import { constraintName, expectedSchema } from './expected-schema';
import { getDmmf } from './prisma-dmmf';
import type { SchemaShape, TableShape } from './schema-shape';

const datasource = 'datasource db {\n  provider = "postgresql"\n}\n';

describe('getDmmf', () => {
  it('reads models, defaults, native types and indexes from a schema', () => {
    const dmmf = getDmmf(`${datasource}
      model Note {
        id   String @id @db.Uuid
        body String @default("hi")
        @@index([body(sort: Desc)], map: "notes_by_body")
        @@map("notes")
      }`);
    expect(dmmf.models.map((m) => m.dbName)).toEqual(['notes']);
    const body = dmmf.models[0].fields.find((f) => f.name === 'body');
    expect(body?.default).toBe('hi');
    expect(dmmf.models[0].fields[0].nativeType).toEqual(['Uuid', []]);
    expect(dmmf.indexes).toContainEqual(
      expect.objectContaining({
        type: 'normal',
        dbName: 'notes_by_body',
        fields: [{ name: 'body', sortOrder: 'desc' }],
      }),
    );
  });

  it('rejects an invalid schema with Prisma’s message', () => {
    expect(() => getDmmf(`${datasource}model Broken {\n  id Int @id @default(nope())\n}`)).toThrow(
      /The Prisma schema is not valid: .*nope/s,
    );
  });
});

describe('expectedSchema', () => {
  const shape = expectedSchema(
    getDmmf(`${datasource}
      model Parent {
        id       String  @id @default(uuid()) @db.Uuid
        seen     DateTime @updatedAt
        children Child[] @relation("required")
        adopted  Child[] @relation("optional")
      }
      model Child {
        id         Int     @id @default(autoincrement())
        parentId   String  @db.Uuid
        parent     Parent  @relation("required", fields: [parentId], references: [id])
        guardianId String? @db.Uuid
        guardian   Parent? @relation("optional", fields: [guardianId], references: [id])
      }`),
  );

  it('gives client-side defaults (uuid(), @updatedAt) no database default', () => {
    const parent = shape.tables.get('Parent');
    expect(parent?.columns.get('id')?.default).toEqual({ kind: 'none' });
    expect(parent?.columns.get('seen')?.default).toEqual({ kind: 'none' });
    expect(shape.tables.get('Child')?.columns.get('id')?.default).toEqual({
      kind: 'autoincrement',
    });
  });

  it('defaults ON DELETE by optionality and ON UPDATE to CASCADE', () => {
    const fks = shape.tables.get('Child')?.foreignKeys ?? [];
    expect(fks.map((f) => [f.columns[0], f.onDelete, f.onUpdate])).toEqual([
      ['parentId', 'RESTRICT', 'CASCADE'],
      ['guardianId', 'SET NULL', 'CASCADE'],
    ]);
  });

  it('refuses implicit many-to-many relations instead of missing their join table', () => {
    expect(() =>
      expectedSchema(
        getDmmf(`${datasource}
          model A {
            id Int @id
            bs B[]
          }
          model B {
            id Int @id
            as A[]
          }`),
      ),
    ).toThrow(/implicit many-to-many/);
  });
});

describe('constraintName', () => {
  it('follows Prisma’s naming convention', () => {
    expect(constraintName('users', [], '_pkey')).toBe('users_pkey');
    expect(constraintName('users', ['email'], '_key')).toBe('users_email_key');
    expect(constraintName('events', ['account_id', 'position'], '_idx')).toBe(
      'events_account_id_position_idx',
    );
  });

  it('cuts long names before the suffix to 63 bytes, on a character boundary', () => {
    const name = constraintName('t', ['x'.repeat(70)], '_fkey');
    expect(name).toBe(`t_${'x'.repeat(56)}_fkey`);
    expect(Buffer.byteLength(name)).toBe(63);
    // 59 bytes are left for the name: 29 two-byte characters, not 29½.
    const accented = constraintName('é'.repeat(40), [], '_key');
    expect(accented).toBe(`${'é'.repeat(29)}_key`);
    expect(Buffer.byteLength(accented)).toBe(62);
  });
});

describe('parseDefault', () => {
  it.each([
    [null, 'text', { kind: 'none' }],
    ["nextval('events_position_seq'::regclass)", 'bigint', { kind: 'autoincrement' }],
    ['now()', 'timestamp(3) with time zone', { kind: 'now' }],
    ['CURRENT_TIMESTAMP', 'timestamp(3) without time zone', { kind: 'now' }],
    ["'UTC'::text", 'text', { kind: 'value', value: 'UTC' }],
    ["'it''s'::text", 'text', { kind: 'value', value: "it's" }],
    ["'free'::account_plan", 'enum account_plan', { kind: 'value', value: 'free' }],
    ["'-1'::integer", 'integer', { kind: 'value', value: '-1' }],
    ['1.50', 'numeric(65,30)', { kind: 'value', value: '1.5' }],
    ['\'{"b": 1, "a": 2}\'::jsonb', 'jsonb', { kind: 'value', value: '{"a":2,"b":1}' }],
    ["ARRAY['a'::text, 'b c'::text]", 'text[]', { kind: 'value', value: '{a,"b c"}' }],
    ['\'{a,"b c"}\'::text[]', 'text[]', { kind: 'value', value: '{a,"b c"}' }],
    ['gen_random_uuid()', 'uuid', { kind: 'expression', sql: 'gen_random_uuid()' }],
    ["'a'::text || 'b'::text", 'text', { kind: 'expression', sql: "'a'::text || 'b'::text" }],
  ])('%s (%s)', (sql, type, expected) => {
    expect(parseDefault(sql, type)).toEqual(expected);
  });

  it('spells out the implicit precision of timestamps', () => {
    expect(canonicalType('timestamp with time zone')).toBe('timestamp(6) with time zone');
    expect(canonicalType('timestamp(3) with time zone')).toBe('timestamp(3) with time zone');
    expect(canonicalType('time without time zone[]')).toBe('time(6) without time zone[]');
  });
});

describe('compareSchemas', () => {
  const base = (): SchemaShape => ({
    enums: new Map(),
    tables: new Map([
      [
        'memberships',
        {
          name: 'memberships',
          model: 'Membership',
          columns: new Map([
            [
              'account_id',
              {
                name: 'account_id',
                field: 'accountId',
                type: 'uuid',
                nullable: false,
                default: { kind: 'none' },
              },
            ],
          ]),
          indexes: [],
          foreignKeys: [],
        } satisfies TableShape,
      ],
    ]),
  });
  const partial = {
    name: 'one_owner',
    unique: true,
    method: 'btree',
    columns: [{ name: 'account_id', descending: false }],
    predicate: "(role = 'owner'::membership_role)",
  };
  const allowed = [
    {
      table: 'memberships',
      name: 'one_owner',
      unique: true,
      columns: ['account_id'],
      predicate: "(role = 'owner'::membership_role)",
      reason: 'test',
    },
  ];

  it('accepts a database-only index exactly as allowlisted', () => {
    const actual = base();
    actual.tables.get('memberships')?.indexes.push(partial);
    expect(compareSchemas(base(), actual, { allowedIndexes: allowed })).toEqual([]);
  });

  it('reports a database-only index that is not allowlisted, or differs from its entry', () => {
    const actual = base();
    actual.tables
      .get('memberships')
      ?.indexes.push({ ...partial, predicate: '(role = ANY (ARRAY[…]))' });
    expect(compareSchemas(base(), actual, { allowedIndexes: allowed })).toEqual([
      `unique index "one_owner" on "memberships" (account_id) WHERE (role = ANY (ARRAY[…])) differs from its entry in schema-drift/allowlist.ts`,
    ]);
    expect(compareSchemas(base(), actual, { allowedIndexes: [] })).toEqual([
      `unique index "one_owner" on "memberships" (account_id) WHERE (role = ANY (ARRAY[…])) exists in the database but not in the Prisma schema`,
    ]);
  });

  it('ignores pgmigrations only', () => {
    const actual = base();
    for (const name of ['pgmigrations', 'pgmigrations_old']) {
      actual.tables.set(name, { name, columns: new Map(), indexes: [], foreignKeys: [] });
    }
    expect(compareSchemas(base(), actual, { allowedIndexes: [] })).toEqual([
      'table "pgmigrations_old" exists in the database but not in the Prisma schema',
    ]);
  });
});
