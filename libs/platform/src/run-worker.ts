import { Type } from '@nestjs/common';
import { ConfigError } from '@dailies/config';
import { DataFolderInUseError } from '@dailies/db';
import { reportProcessErrors } from './report-process-errors';
import { RunningWorker, startWorker } from './start-worker';
import { stopOnSignals } from './stop-on-signals';

/** The `main` of a worker process (apps/cron): start without a web server, stop on signals. */
export async function runWorker(name: string, modules: Type<unknown>[]): Promise<void> {
  let worker: RunningWorker;
  try {
    worker = await startWorker({ modules });
  } catch (error) {
    console.error(
      // Refusals a user can fix are one line; anything else keeps its stack for a bug report.
      error instanceof ConfigError || error instanceof DataFolderInUseError
        ? error.message
        : `${name} failed to start: ${String((error as Error)?.stack ?? error)}`,
    );
    process.exit(1);
  }
  console.log(`${name} ready\n  Health     ${worker.healthUrl}/ready`);
  reportProcessErrors(worker.app);
  stopOnSignals(() => worker.close());
}
