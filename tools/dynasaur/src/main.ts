import { parseCli, USAGE } from './cli/args';
import { CommandIo, runCommand } from './commands';
import { RunControl, UsageError } from './load/migrate-table';
import { ConfigError, parseConfig } from '@dailies/config';
import { createMetrics, monitoringConfigSchema, watchProcess } from '@dailies/monitoring/core';
import { MetricsProgress } from './metrics-progress';
import { BarProgress, LogProgress, Progress } from './progress';

/**
 * `npm run dynasaur -- <command> …`, and the entry of the dynasaur container. Logs are JSON lines
 * on stderr; the summary goes to stdout.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  if (args.flag('help') || !args.command) {
    process.stdout.write(`${USAGE}\n`);
    return args.command || args.flag('help') ? 0 : 2;
  }
  const log = (message: string) =>
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), msg: message })}\n`);
  const control = new RunControl(args.optionalInt('max-errors', 0));
  // SIGTERM (a container stopping) and Ctrl-C finish the batches in flight, then stop cleanly.
  const onSignal = (signal: string) => {
    log(`${signal}: finishing the batches in flight, then stopping`);
    control.stop(signal);
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  const shown: Progress = process.stderr.isTTY
    ? new BarProgress()
    : new LogProgress((line) => process.stderr.write(`${line}\n`));
  // With a metrics sink configured (METRICS_SINK, as every process), progress is also reported
  // as metrics tagged app:dynasaur, flushed on the interval and once more at the end.
  const monitoring = parseConfig(monitoringConfigSchema, process.env);
  const metrics =
    monitoring.METRICS_SINK === 'memory'
      ? undefined
      : createMetrics('dynasaur', monitoring, (error) =>
          log(`metrics: ${error instanceof Error ? error.message : String(error)}`),
        ).hub;
  metrics?.start();
  const stopProcessWatch = metrics ? watchProcess(metrics) : undefined;
  const io: CommandIo = {
    databaseUrl: process.env.DATABASE_URL,
    out: (text) => process.stdout.write(`${text}\n`),
    log,
    progress: metrics ? new MetricsProgress(shown, metrics) : shown,
    control,
  };
  try {
    return await runCommand(args, io);
  } finally {
    stopProcessWatch?.();
    await metrics?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // Peak memory of the run, for operators sizing the job (and for bench:migrate).
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), msg: 'exit', code, maxRssMb })}\n`,
    );
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`dynasaur: ${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      // A bad METRICS_* / DATADOG_* variable: what to fix, no stack.
      process.stderr.write(`dynasaur: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), msg: 'failed', error: error instanceof Error ? error.stack : String(error) })}\n`,
      );
      process.exitCode = 1;
    }
  },
);
