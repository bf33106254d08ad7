import { ExportSource } from '../sources/export-source';
import { DynamoSource } from '../sources/dynamodb-source';
import { Source } from '../sources/source';
import { UsageError } from '../load/migrate-table';
import { CliArgs } from './args';

/** --source export needs --export-dir; dynamodb uses --endpoint (dynalite, a proxy) or AWS. */
export function sourceFromArgs(args: CliArgs, log: (message: string) => void): Source {
  const exportDir = args.string('export-dir');
  const kind = args.string('source') ?? (exportDir ? 'export' : 'dynamodb');
  if (kind === 'export') {
    if (!exportDir) throw new UsageError('--source export needs --export-dir DIR');
    return new ExportSource(exportDir);
  }
  if (kind !== 'dynamodb') throw new UsageError(`--source must be dynamodb or export, not ${kind}`);
  return new DynamoSource({
    endpoint: args.string('endpoint'),
    region: args.string('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    tablePrefix: args.string('table-prefix'),
    maxReadRate: args.optionalInt('max-read-rate', 1) ?? undefined,
    retryBaseMs: args.int('retry-base-ms', 100, 1),
    onRetry: log,
  });
}
