import { CliArgs } from '../cli/args';
import { UsageError } from '../load/migrate-table';
import { DynamoLoader } from '../fixtures/dynamo-loader';
import { ExportWriter } from '../fixtures/export-writer';
import { generateFixtures } from '../fixtures/generate';
import { CommandIo } from './migrate';

/** `fixtures --scale N --out DIR [--load-endpoint URL]`: a legacy data set with SCHEMA.md's quirks. */
export async function fixturesCommand(args: CliArgs, io: CommandIo): Promise<number> {
  const scale = args.optionalInt('scale', 1);
  if (scale === null) throw new UsageError('fixtures needs --scale N');
  const outDir = args.string('out');
  const endpoint = args.string('load-endpoint');
  if (!outDir && !endpoint)
    throw new UsageError('fixtures needs --out DIR and/or --load-endpoint URL');
  const writer = outDir ? new ExportWriter(outDir, args.int('files', 2, 1)) : null;
  const loader = endpoint ? new DynamoLoader(endpoint, args.string('table-prefix') ?? '') : null;
  await loader?.createTables();
  const summary = await generateFixtures(
    { scale, seed: args.int('seed', 42) },
    async (table, item) => {
      await writer?.write(table, item);
      await loader?.write(table, item);
    },
  );
  await writer?.close();
  await loader?.close();
  io.out(
    JSON.stringify(
      { counts: summary.counts, expectedRejects: summary.rejects.length, login: summary.login },
      null,
      2,
    ),
  );
  return 0;
}
