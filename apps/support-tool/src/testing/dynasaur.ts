import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../../..');
const run = promisify(execFile);

/** Dynasaur as operators run it (`npm run dynasaur -- …`): its own process, DATABASE_URL set. */
export async function dynasaur(args: string[], databaseUrl?: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [path.join(ROOT, 'tools/scripts/run-ts.cjs'), 'tools/dynasaur/src/main.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
      maxBuffer: 16 << 20,
    },
  );
  return stdout;
}

export interface DynasaurSummary {
  tables: Record<
    string,
    { read: number; migrated: number; rejected: number; rejectedByReason: Record<string, number> }
  >;
}

/**
 * The legacy sample export next to the repository (`../shared/legacy/sample`, or
 * LEGACY_SAMPLE_DIR) when there is one; else a generated export with SCHEMA.md's quirks.
 */
async function legacyExport(workDir: string): Promise<string> {
  const sample = process.env.LEGACY_SAMPLE_DIR ?? path.resolve(ROOT, '../shared/legacy/sample');
  if (fs.existsSync(path.join(sample, 'users'))) return sample;
  const generated = path.join(workDir, 'export');
  await dynasaur(['fixtures', '--scale', '1', '--seed', '11', '--out', generated]);
  return generated;
}

/** Migrates a legacy export into the database with Dynasaur; returns Dynasaur's own summary. */
export async function migrateLegacyExport(
  databaseUrl: string,
  workDir: string,
): Promise<DynasaurSummary> {
  const exportDir = await legacyExport(workDir);
  const summaryFile = path.join(workDir, 'dynasaur-summary.json');
  await dynasaur(
    ['migrate', '--all', '--source', 'export', '--export-dir', exportDir, '--summary', summaryFile],
    databaseUrl,
  );
  return JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as DynasaurSummary;
}
