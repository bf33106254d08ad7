import { Pool, PoolClient } from 'pg';
import {
  LEGACY_TABLES,
  LegacyTable,
  LegacyTableName,
  LegacyValueError,
  readLegacyItem,
  storableText,
  UnreadableItem,
} from '@dailies/legacy';
import { CliArgs } from '../cli/args';
import { sourceFromArgs } from '../cli/sources';
import { copyInto, encodeCopyRow } from '../db/copy';
import { ensureStateSchema } from '../db/state';
import { UsageError } from '../load/migrate-table';
import { Source } from '../sources/source';
import { digest, VERIFY_SPECS } from '../verify/verify-specs';
import { INVARIANTS } from '../verify/invariants';
import { CommandIo } from './migrate';

const SHOW = 10;

export interface VerifyReport {
  table: LegacyTableName;
  source: number;
  migrated: number;
  rejected: number;
  differences: { kind: string; count: number; examples: string[] }[];
}

/**
 * Compares source and target: every source record is read and translated again; each one must
 * be either migrated with the same translated content (a checksum of what the record alone
 * decides, plus its optional user references) or in the rejects with the same parse reason; the
 * target must hold no legacy record the source lacks. Then the rules' invariants are checked on
 * the migrated data (roots, one-level replies, contiguous versions, unique sibling order, …).
 */
export async function verifyCommand(args: CliArgs, io: CommandIo): Promise<number> {
  const tables = args.tables();
  if (!io.databaseUrl) throw new UsageError('DATABASE_URL is not set');
  const source = sourceFromArgs(args, io.log);
  const pool = new Pool({
    connectionString: io.databaseUrl,
    max: 2,
    application_name: 'dynasaur-verify',
  });
  const reports: VerifyReport[] = [];
  try {
    await ensureStateSchema(pool);
    const client = await pool.connect();
    try {
      for (const table of tables) {
        reports.push(await verifyTable(client, source, table, args.int('segments', 4, 1)));
      }
      const invariantFailures: VerifyReport['differences'] = [];
      for (const invariant of INVARIANTS.filter((i) => tables.includes(i.table))) {
        const { rows } = await client.query<{ example: string }>(invariant.sql);
        if (rows.length > 0) {
          invariantFailures.push({
            kind: invariant.name,
            count: rows.length,
            examples: rows.slice(0, SHOW).map((r) => r.example),
          });
        }
      }
      const lines: string[] = [];
      for (const r of reports) {
        lines.push(
          `${r.table}: source ${r.source}, migrated ${r.migrated}, rejected ${r.rejected} — ` +
            (r.differences.length === 0
              ? 'no difference'
              : `${r.differences.length} kind(s) of difference`),
        );
        for (const d of r.differences)
          lines.push(`  ${d.kind}: ${d.count} (e.g. ${d.examples.join(', ')})`);
      }
      for (const d of invariantFailures)
        lines.push(`invariant ${d.kind}: ${d.count} (e.g. ${d.examples.join(', ')})`);
      const failed = reports.some((r) => r.differences.length > 0) || invariantFailures.length > 0;
      lines.push(failed ? 'verify: DIFFERENCES FOUND' : 'verify: source and target agree');
      io.out(lines.join('\n'));
      return failed ? 1 : 0;
    } finally {
      client.release();
    }
  } finally {
    io.progress.close();
    await pool.end();
    await source.close();
  }
}

async function verifyTable(
  client: PoolClient,
  source: Source,
  table: LegacyTableName,
  segments: number,
): Promise<VerifyReport> {
  const spec = VERIFY_SPECS[table];
  const definition = LEGACY_TABLES[table] as LegacyTable<unknown, unknown>;
  await client.query(`
    DROP TABLE IF EXISTS verify_src; DROP TABLE IF EXISTS verify_dst;
    CREATE TEMP TABLE verify_src (legacy_id text, parse_reject text, digest text, refs uuid[]);
    CREATE TEMP TABLE verify_dst (legacy_id text, digest text, refs uuid[]);`);

  // Source side: translate every record again.
  const tableSource = await source.open(table, segments);
  let lines: string[] = [];
  const flushSource = async () => {
    await copyInto(client, 'verify_src', ['legacy_id', 'parse_reject', 'digest', 'refs'], lines);
    lines = [];
  };
  for (let segment = 0; segment < tableSource.segments; segment++) {
    for await (const page of tableSource.pages(segment, null)) {
      for (const item of page.items) {
        const key =
          item !== null && typeof item === 'object' && !(item instanceof UnreadableItem)
            ? item.id
            : undefined;
        const id =
          key !== null && typeof key === 'object' && typeof key.S === 'string' && key.S !== ''
            ? storableText(key.S)
            : null;
        let reason: string | null = null;
        let content = null;
        try {
          const read = readLegacyItem(table, item);
          const parsed = read.ok ? definition.parse(read.raw) : null;
          if (!read.ok) reason = read.error.reason;
          else if (parsed?.ok) content = spec.fromNew(definition.toNew(parsed.value));
          else if (parsed) reason = parsed.rejection.reason;
        } catch (error) {
          if (!(error instanceof LegacyValueError)) throw error;
          reason = error.reason;
        }
        lines.push(
          encodeCopyRow([
            id,
            reason,
            content ? digest(content) : null,
            content ? content.refs : null,
          ]),
        );
        if (lines.length >= 2000) await flushSource();
      }
    }
  }
  await flushSource();

  // Target side: the migrated rows, read back in pages of legacy ids.
  let after = '';
  for (;;) {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT ${spec.select} FROM ${table} WHERE legacy_id IS NOT NULL AND legacy_id > $1 ORDER BY legacy_id LIMIT 2000`,
      [after],
    );
    if (rows.length === 0) break;
    await copyInto(
      client,
      'verify_dst',
      ['legacy_id', 'digest', 'refs'],
      rows.map((row) => {
        const content = spec.fromRow(row);
        return encodeCopyRow([String(row.legacy_id), digest(content), content.refs]);
      }),
    );
    after = String(rows[rows.length - 1].legacy_id);
  }
  await client.query(
    'CREATE INDEX ON verify_src (legacy_id); CREATE INDEX ON verify_dst (legacy_id); ANALYZE verify_src; ANALYZE verify_dst',
  );

  const differences: VerifyReport['differences'] = [];
  const check = async (kind: string, sql: string) => {
    const { rows } = await client.query<{ example: string }>(
      sql,
      sql.includes('$1') ? [table] : [],
    );
    if (rows.length > 0)
      differences.push({
        kind,
        count: rows.length,
        examples: rows.slice(0, SHOW).map((r) => r.example),
      });
  };
  const rejected = `EXISTS (SELECT 1 FROM dynasaur.rejects r WHERE r.table_name = $1 AND r.legacy_id = s.legacy_id)`;
  await check(
    'missing (neither migrated nor rejected)',
    `SELECT s.legacy_id AS example FROM verify_src s
     WHERE s.legacy_id IS NOT NULL AND s.parse_reject IS NULL
       AND NOT EXISTS (SELECT 1 FROM verify_dst d WHERE d.legacy_id = s.legacy_id) AND NOT ${rejected}`,
  );
  await check(
    'bad record not rejected for the same reason',
    `SELECT coalesce(s.legacy_id, '(no id)') || ' ' || s.parse_reject AS example FROM verify_src s
     WHERE s.parse_reject IS NOT NULL AND s.legacy_id IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM dynasaur.rejects r WHERE r.table_name = $1 AND r.legacy_id = s.legacy_id AND r.reason = s.parse_reject)`,
  );
  await check(
    'rejected but present in the target',
    `SELECT d.legacy_id AS example FROM verify_dst d
     JOIN dynasaur.rejects r ON r.table_name = $1 AND r.legacy_id = d.legacy_id`,
  );
  await check(
    'in the target but not in the source',
    `SELECT d.legacy_id AS example FROM verify_dst d
     WHERE NOT EXISTS (SELECT 1 FROM verify_src s WHERE s.legacy_id = d.legacy_id)`,
  );
  await check(
    'content differs',
    `SELECT s.legacy_id AS example FROM verify_src s JOIN verify_dst d USING (legacy_id)
     WHERE s.digest IS DISTINCT FROM d.digest`,
  );
  await check(
    'user references differ',
    `SELECT s.legacy_id AS example FROM verify_src s JOIN verify_dst d USING (legacy_id)
     WHERE d.refs IS DISTINCT FROM ARRAY(
       SELECT CASE WHEN EXISTS (SELECT 1 FROM users u WHERE u.id = x) THEN x END
       FROM unnest(s.refs) WITH ORDINALITY AS t (x, o) ORDER BY o)`,
  );
  const { rows: counts } = await client.query<{
    source: string;
    migrated: string;
    rejected: string;
    no_id: string;
    no_id_rejected: string;
  }>(
    `SELECT (SELECT count(*) FROM verify_src) AS source, (SELECT count(*) FROM verify_dst) AS migrated,
            (SELECT count(*) FROM dynasaur.rejects WHERE table_name = $1) AS rejected,
            (SELECT count(*) FROM verify_src WHERE legacy_id IS NULL) AS no_id,
            (SELECT count(*) FROM dynasaur.rejects WHERE table_name = $1 AND legacy_id IS NULL) AS no_id_rejected`,
    [table],
  );
  const c = counts[0];
  if (Number(c.source) !== Number(c.migrated) + Number(c.rejected)) {
    differences.push({
      kind: 'counts: source ≠ migrated + rejected',
      count: Math.abs(Number(c.source) - Number(c.migrated) - Number(c.rejected)),
      examples: [`${c.source} ≠ ${c.migrated} + ${c.rejected}`],
    });
  }
  if (Number(c.no_id) !== Number(c.no_id_rejected)) {
    differences.push({
      kind: 'records without an id not all rejected',
      count: Math.abs(Number(c.no_id) - Number(c.no_id_rejected)),
      examples: [`${c.no_id} in the source, ${c.no_id_rejected} rejected`],
    });
  }
  return {
    table,
    source: Number(c.source),
    migrated: Number(c.migrated),
    rejected: Number(c.rejected),
    differences,
  };
}
