import { parseArgs } from 'node:util';
import { LEGACY_TABLE_NAMES, LegacyTableName } from '@dailies/legacy';
import { UsageError } from '../load/migrate-table';

export const USAGE = `dynasaur — moves the legacy DynamoDB data into PostgreSQL (DATABASE_URL)

  migrate (--table <name> | --all) [--source dynamodb|export] [--endpoint URL] [--region R]
          [--table-prefix P] [--retry-base-ms MS] [--export-dir DIR] [--segments N] [--batch-rows N] [--batch-bytes N]
          [--max-read-rate items/s] [--limit N] [--dry-run] [--resume | --restart]
          [--rejects FILE] [--summary FILE] [--max-errors N]
  verify  (--table <name> | --all) [same source options] [--segments N]
  status
  fixtures --scale N [--out DIR] [--load-endpoint URL] [--seed S] [--files N]

Every option can also come from the environment as DYNASAUR_<OPTION> (e.g. DYNASAUR_EXPORT_DIR,
DYNASAUR_SEGMENTS); command-line options win. Tables: ${LEGACY_TABLE_NAMES.join(', ')}.
Exit codes: 0 done; 1 failed (or verify found differences); 2 usage; 3 stopped early
(--max-errors or a signal; continue with --resume).`;

const OPTIONS = {
  table: { type: 'string' },
  all: { type: 'boolean' },
  source: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'table-prefix': { type: 'string' },
  'export-dir': { type: 'string' },
  segments: { type: 'string' },
  'batch-rows': { type: 'string' },
  'batch-bytes': { type: 'string' },
  'max-read-rate': { type: 'string' },
  'retry-base-ms': { type: 'string' },
  limit: { type: 'string' },
  'dry-run': { type: 'boolean' },
  resume: { type: 'boolean' },
  restart: { type: 'boolean' },
  rejects: { type: 'string' },
  summary: { type: 'string' },
  'max-errors': { type: 'string' },
  scale: { type: 'string' },
  out: { type: 'string' },
  'load-endpoint': { type: 'string' },
  seed: { type: 'string' },
  files: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type OptionName = keyof typeof OPTIONS;

export interface CliArgs {
  command: string | undefined;
  string(name: OptionName): string | undefined;
  flag(name: OptionName): boolean;
  int(name: OptionName, fallback: number, min?: number): number;
  optionalInt(name: OptionName, min?: number): number | null;
  tables(): LegacyTableName[];
}

const envName = (name: string) => `DYNASAUR_${name.toUpperCase().replace(/-/g, '_')}`;

export function parseCli(argv: string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const raw = (name: OptionName): string | boolean | undefined => {
    const v = (values as Record<string, string | boolean | undefined>)[name];
    if (v !== undefined) return v;
    const fromEnv = env[envName(name)];
    if (fromEnv === undefined || fromEnv === '') return undefined;
    return OPTIONS[name].type === 'boolean' ? /^(1|true|yes)$/i.test(fromEnv) : fromEnv;
  };
  const args: CliArgs = {
    command: positionals[0],
    string: (name) => {
      const v = raw(name);
      return typeof v === 'string' ? v : undefined;
    },
    flag: (name) => raw(name) === true,
    int: (name, fallback, min = 0) => args.optionalInt(name, min) ?? fallback,
    optionalInt: (name, min = 0) => {
      const v = args.string(name);
      if (v === undefined) return null;
      const n = Number(v.replace(/_/g, ''));
      if (!Number.isInteger(n) || n < min)
        throw new UsageError(`--${name} must be an integer ≥ ${min}`);
      return n;
    },
    tables: () => {
      const table = args.string('table');
      if (args.flag('all') && table) throw new UsageError('pass either --table or --all, not both');
      if (args.flag('all')) return [...LEGACY_TABLE_NAMES];
      if (!table) throw new UsageError('pass --table <name> or --all');
      const names = table.split(',').map((t) => t.trim());
      for (const name of names) {
        if (!(LEGACY_TABLE_NAMES as readonly string[]).includes(name)) {
          throw new UsageError(`unknown table ${name} (one of ${LEGACY_TABLE_NAMES.join(', ')})`);
        }
      }
      // Always in load order, whatever order they were named in.
      return LEGACY_TABLE_NAMES.filter((t) => names.includes(t));
    },
  };
  return args;
}
