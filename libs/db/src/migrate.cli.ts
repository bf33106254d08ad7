import { runMigrations } from './migrate';

// `npm run migrate`: applies pending migrations against DATABASE_URL, then exits. This is what a
// one-off migration job runs (docker/); `npm start` does the same under the same lock.
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set: `npm run migrate` needs the database to migrate.');
    process.exit(2);
  }
  const applied = await runMigrations(url, { log: (m) => console.log(m) });
  console.log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
}

main().catch((error: unknown) => {
  console.error('migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
