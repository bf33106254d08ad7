import 'reflect-metadata';
import { ConfigError } from '@dailies/config';
import { startCron } from './start-cron';

// The cron app: schedules and job workers, no web server (a probe port only).
async function main(): Promise<void> {
  const started = Date.now();
  const cron = await startCron().catch((error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `Dailies cron failed to start: ${String((error as Error)?.stack ?? error)}`,
    );
    process.exit(1);
  });
  console.log(
    [
      `Dailies cron ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  Health     http://localhost:${cron.healthPort}/health/ready`,
      `  Database   ${cron.embedded ? `embedded PostgreSQL in ${cron.config.dataDir}` : 'DATABASE_URL'}`,
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (running jobs get 10 s to finish)`);
    cron.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
