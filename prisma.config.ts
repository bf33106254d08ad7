import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma is used for its client only: schema changes are SQL files in migrations/, applied by
// node-pg-migrate (libs/db). The URL here only satisfies the CLI; `generate` never connects.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
