import { CliArgs } from '../cli/args';
import { UsageError } from '../load/migrate-table';
import { fixturesCommand } from './fixtures';
import { CommandIo, migrateCommand } from './migrate';
import { statusCommand } from './status';
import { verifyCommand } from './verify';

export type { CommandIo } from './migrate';

/** Runs one CLI command; resolves to the process exit code. */
export function runCommand(args: CliArgs, io: CommandIo): Promise<number> {
  switch (args.command) {
    case 'migrate':
      return migrateCommand(args, io);
    case 'verify':
      return verifyCommand(args, io);
    case 'status':
      return statusCommand(io);
    case 'fixtures':
      return fixturesCommand(args, io);
    default:
      throw new UsageError(`unknown command ${args.command}`);
  }
}
