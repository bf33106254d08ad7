import fs from 'node:fs';
import { Client } from 'pg';
import type { AllowedDatabaseOnlyIndex } from './allowlist';
import { compareSchemas } from './compare';
import { readDatabaseSchema } from './database-schema';
import { expectedSchema } from './expected-schema';
import { getDmmf, PRISMA_SCHEMA_PATH } from './prisma-dmmf';

export interface SchemaDriftOptions {
  /** The Prisma schema file; prisma/schema.prisma by default. */
  schemaPath?: string;
  /** The Prisma schema itself, instead of a file. */
  schemaText?: string;
  /** The PostgreSQL schema the models live in; `?schema=` of the URL, else `public`. */
  dbSchema?: string;
  /** Replaces DATABASE_ONLY_INDEXES of allowlist.ts. */
  allowedIndexes?: readonly AllowedDatabaseOnlyIndex[];
  /** Replaces IGNORED_TABLES of allowlist.ts. */
  ignoredTables?: readonly string[];
}

/**
 * Compares what Prisma's models expect with what the database at `databaseUrl` has: tables,
 * columns, types, nullability, defaults, enums, primary keys, unique and plain indexes, and
 * foreign keys with their ON DELETE/ON UPDATE actions. Returns one readable line per difference
 * (none when in step). CHECK constraints, views, sequences, triggers and the names of foreign
 * keys are not compared.
 */
export async function findSchemaDrift(
  databaseUrl: string,
  options: SchemaDriftOptions = {},
): Promise<string[]> {
  const schemaText =
    options.schemaText ?? fs.readFileSync(options.schemaPath ?? PRISMA_SCHEMA_PATH, 'utf8');
  const expected = expectedSchema(getDmmf(schemaText));
  const dbSchema = options.dbSchema ?? new URL(databaseUrl).searchParams.get('schema') ?? 'public';
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const actual = await readDatabaseSchema(client, dbSchema);
    return compareSchemas(expected, actual, options);
  } finally {
    await client.end();
  }
}
