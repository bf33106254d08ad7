import { Client } from 'pg';
import { runMigrations } from '../migrate';
import { createEmptyTestDatabase, createTestDatabase, dropTestDatabase } from '../testing';
import { getDmmfFromFile } from './prisma-dmmf';
import { findSchemaDrift } from './schema-drift';

async function sql(url: string, statements: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

// A schema that uses what prisma/schema.prisma does not (yet): other scalar and native types,
// literal, list, dbgenerated and client-side defaults, enum values with @map, hash and
// descending indexes, explicit and over-long constraint names, default and explicit
// referential actions. WIDGETS_SQL is what `prisma migrate` renders for it.
const WIDGETS_SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Shade {
  light @map("LIGHT")
  dark

  @@map("shade")
}

model Widget {
  id        Int       @id @default(autoincrement())
  publicId  String    @unique @default(uuid()) @map("public_id") @db.Uuid
  price     Decimal   @default(1.50)
  ratio     Float     @default(0.5)
  count     BigInt    @default(-3)
  small     Int       @default(-1) @db.SmallInt
  active    Boolean   @default(true)
  meta      Json      @default("{\\"b\\": 1, \\"a\\": [true]}")
  tags      String[]  @default(["a", "b c"])
  code      String    @default(dbgenerated("md5((random())::text)")) @db.VarChar(32)
  label     String?   @db.Char(3)
  shade     Shade     @default(light)
  startsAt  DateTime  @default("2020-01-02T03:04:05Z") @map("starts_at")
  day       DateTime? @db.Date
  at        DateTime  @default(now()) @db.Timestamptz(3)
  updatedAt DateTime  @updatedAt @map("updated_at")
  payload   Bytes?
  ownerId   Int?      @map("owner_id")
  owner     Owner?    @relation("owned", fields: [ownerId], references: [id])
  makerId   Int       @map("maker_id")
  maker     Owner     @relation("made", fields: [makerId], references: [id], onDelete: Cascade, onUpdate: NoAction)

  @@unique([shade, count(sort: Desc)])
  @@index([ratio], type: Hash)
  @@index([price, active], map: "widget_price_active")
  @@map("widgets")
}

model Owner {
  id       Int      @id @default(autoincrement())
  longName String   @unique @map("a_very_long_column_name_that_goes_on_and_on_forever_and_ever")
  widgets  Widget[] @relation("owned")
  made     Widget[] @relation("made")
}
`;

const WIDGETS_SQL = [
  `CREATE TYPE shade AS ENUM ('LIGHT', 'dark')`,
  `CREATE TABLE "Owner" (
     id SERIAL NOT NULL,
     a_very_long_column_name_that_goes_on_and_on_forever_and_ever TEXT NOT NULL,
     CONSTRAINT "Owner_pkey" PRIMARY KEY (id))`,
  // Prisma cuts the name before its suffix; PostgreSQL alone would cut the suffix off.
  `CREATE UNIQUE INDEX "Owner_a_very_long_column_name_that_goes_on_and_on_forever_a_key"
     ON "Owner" (a_very_long_column_name_that_goes_on_and_on_forever_and_ever)`,
  `CREATE TABLE widgets (
     id SERIAL NOT NULL,
     public_id UUID NOT NULL,
     price DECIMAL(65,30) NOT NULL DEFAULT 1.50,
     ratio DOUBLE PRECISION NOT NULL DEFAULT 0.5,
     count BIGINT NOT NULL DEFAULT -3,
     small SMALLINT NOT NULL DEFAULT -1,
     active BOOLEAN NOT NULL DEFAULT true,
     meta JSONB NOT NULL DEFAULT '{"b": 1, "a": [true]}',
     tags TEXT[] DEFAULT ARRAY['a', 'b c']::TEXT[],
     code VARCHAR(32) NOT NULL DEFAULT md5((random())::text),
     label CHAR(3),
     shade shade NOT NULL DEFAULT 'LIGHT',
     starts_at TIMESTAMP(3) NOT NULL DEFAULT '2020-01-02 03:04:05 +00:00',
     day DATE,
     at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
     updated_at TIMESTAMP(3) NOT NULL,
     payload BYTEA,
     owner_id INTEGER,
     maker_id INTEGER NOT NULL,
     CONSTRAINT widgets_pkey PRIMARY KEY (id))`,
  `CREATE UNIQUE INDEX widgets_public_id_key ON widgets (public_id)`,
  `CREATE UNIQUE INDEX widgets_shade_count_key ON widgets (shade, count DESC)`,
  `CREATE INDEX widgets_ratio_idx ON widgets USING HASH (ratio)`,
  `CREATE INDEX widget_price_active ON widgets (price, active)`,
  `ALTER TABLE widgets ADD CONSTRAINT widgets_owner_id_fkey FOREIGN KEY (owner_id)
     REFERENCES "Owner" (id) ON DELETE SET NULL ON UPDATE CASCADE`,
  `ALTER TABLE widgets ADD CONSTRAINT widgets_maker_id_fkey FOREIGN KEY (maker_id)
     REFERENCES "Owner" (id) ON DELETE CASCADE ON UPDATE NO ACTION`,
];

describe('schema drift between prisma/schema.prisma and the SQL migrations', () => {
  const databases: string[] = [];
  afterAll(async () => {
    for (const url of databases) await dropTestDatabase(url);
  });

  it('finds none on a database migrated from empty', async () => {
    const url = await createEmptyTestDatabase();
    databases.push(url);

    // The check is not vacuous: before the migrations, every model and enum is missing.
    const { models, enums } = getDmmfFromFile();
    expect(models.length).toBeGreaterThan(0);
    expect(await findSchemaDrift(url)).toEqual(
      [
        ...models.map(
          (m) => `table "${m.dbName ?? m.name}" (model ${m.name}) is missing from the database`,
        ),
        ...enums.map((e) => `enum "${e.dbName ?? e.name}" is missing from the database`),
      ].sort(),
    );

    const applied = await runMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await findSchemaDrift(url)).toEqual([]);
  });

  it('reports each change made behind Prisma’s back, and nothing else', async () => {
    const url = await createTestDatabase();
    databases.push(url);
    expect(await findSchemaDrift(url)).toEqual([]);

    await sql(url, [
      // An added column, a dropped index, a changed default, a dropped NOT NULL, an extra table.
      'ALTER TABLE users ADD COLUMN nickname text',
      'DROP INDEX teams_account_id_idx',
      "ALTER TABLE users ALTER COLUMN timezone SET DEFAULT 'Europe/Berlin'",
      'ALTER TABLE users ALTER COLUMN name DROP NOT NULL',
      'CREATE TABLE scratch_notes (id bigint PRIMARY KEY, entry jsonb NOT NULL)',
      // And the other kinds the check covers.
      'ALTER TABLE invitations ALTER COLUMN email TYPE varchar(320)',
      'ALTER TABLE events ALTER COLUMN position DROP DEFAULT',
      'ALTER TABLE login_throttles ALTER COLUMN failures SET DEFAULT 1',
      'ALTER TABLE accounts ALTER COLUMN updated_at DROP DEFAULT',
      "ALTER TYPE account_plan ADD VALUE 'legacy'",
      'ALTER INDEX refresh_tokens_family_id_idx RENAME TO refresh_tokens_family',
      'DROP INDEX api_tokens_user_id_created_at_idx',
      'CREATE INDEX api_tokens_user_id_created_at_idx ON api_tokens (user_id, created_at DESC)',
      'CREATE INDEX users_name_idx ON users (name)',
      'CREATE UNIQUE INDEX invitations_one_open_per_email ON invitations (account_id, email) WHERE accepted_at IS NULL',
      'DROP INDEX memberships_one_owner_per_account',
      'ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_user_id_fkey',
      'ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE NO ACTION ON UPDATE CASCADE',
      'ALTER TABLE team_members DROP CONSTRAINT team_members_team_id_fkey',
    ]);

    expect(await findSchemaDrift(url)).toEqual(
      [
        'column "users"."nickname" exists in the database but not in the Prisma schema',
        'index "teams_account_id_idx" on "teams" (account_id) is missing from the database',
        `column "users"."timezone": default is 'Europe/Berlin' in the database, Prisma expects 'UTC'`,
        'column "users"."name": nullable in the database, Prisma expects NOT NULL',
        'table "scratch_notes" exists in the database but not in the Prisma schema',
        'column "invitations"."email": type is character varying(320) in the database, Prisma expects text',
        'column "events"."position": default is none in the database, Prisma expects autoincrement (a sequence)',
        `column "login_throttles"."failures": default is '1' in the database, Prisma expects '0'`,
        'column "accounts"."updated_at": default is none in the database, Prisma expects now()',
        'enum "account_plan": the database has labels (free, pro, team, enterprise, legacy), Prisma expects (free, pro, team, enterprise)',
        'index "refresh_tokens_family_id_idx" on "refresh_tokens" (family_id): named "refresh_tokens_family" in the database',
        'index "api_tokens_user_id_created_at_idx" on "api_tokens" (user_id, created_at DESC) in the database, Prisma expects index "api_tokens_user_id_created_at_idx" on "api_tokens" (user_id, created_at)',
        'index "users_name_idx" on "users" (name) exists in the database but not in the Prisma schema',
        'unique index "invitations_one_open_per_email" on "invitations" (account_id, email) WHERE (accepted_at IS NULL) exists in the database but not in the Prisma schema',
        'index "memberships_one_owner_per_account" on "memberships" is allowlisted as database-only (schema-drift/allowlist.ts) but missing from the database',
        'foreign key "api_tokens" (user_id) → "users" (id): ON DELETE NO ACTION in the database, Prisma expects ON DELETE CASCADE',
        'foreign key "team_members" (team_id) → "teams" (id) is missing from the database',
      ].sort(),
    );
  });

  it('maps Prisma types, defaults, names and referential actions as prisma migrate does', async () => {
    const url = await createEmptyTestDatabase();
    databases.push(url);
    await sql(url, WIDGETS_SQL);
    const options = { schemaText: WIDGETS_SCHEMA, allowedIndexes: [] };
    expect(await findSchemaDrift(url, options)).toEqual([]);

    await sql(url, [
      'ALTER TABLE widgets ALTER COLUMN at TYPE timestamptz',
      "ALTER TABLE widgets ALTER COLUMN tags SET DEFAULT ARRAY['a']::text[]",
      'ALTER TABLE widgets ALTER COLUMN meta SET DEFAULT \'{"a": [true], "b": 1}\'',
      'ALTER TABLE widgets ALTER COLUMN price SET DEFAULT 1.5000',
      "ALTER TABLE widgets ALTER COLUMN code SET DEFAULT 'x'",
      'ALTER TABLE widgets ALTER COLUMN public_id SET DEFAULT gen_random_uuid()',
      'ALTER TABLE widgets DROP CONSTRAINT widgets_owner_id_fkey',
      `ALTER TABLE widgets ADD CONSTRAINT widgets_owner_id_fkey FOREIGN KEY (owner_id)
         REFERENCES "Owner" (id) ON DELETE RESTRICT ON UPDATE CASCADE`,
      'DROP INDEX widgets_ratio_idx',
      'CREATE INDEX widgets_ratio_idx ON widgets (ratio)',
    ]);
    expect(await findSchemaDrift(url, options)).toEqual(
      [
        'column "widgets"."at": type is timestamp(6) with time zone in the database, Prisma expects timestamp(3) with time zone',
        `column "widgets"."tags": default is '{a}' in the database, Prisma expects '{a,"b c"}'`,
        `column "widgets"."code": default is 'x' in the database, Prisma expects md5((random())::text)`,
        'column "widgets"."public_id": default is gen_random_uuid() in the database, Prisma expects none',
        'foreign key "widgets" (owner_id) → "Owner" (id): ON DELETE RESTRICT in the database, Prisma expects ON DELETE SET NULL',
        'index "widgets_ratio_idx" on "widgets" (ratio) in the database, Prisma expects index "widgets_ratio_idx" on "widgets" USING hash (ratio)',
      ].sort(),
    );
  });
});
