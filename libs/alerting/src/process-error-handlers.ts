import { ErrorAlerts } from './error-alerts';

export interface ProcessErrorLog {
  fatal(error: unknown, message: string): void;
  error(error: unknown, message: string): void;
}

/**
 * The last resort: errors nothing caught. An uncaught exception leaves the process in an unknown
 * state, so it is reported, written (at most `flushTimeoutMs`) and the process exits 1 as Node
 * would have; an unhandled rejection is reported and logged and the process goes on. Returns a
 * function that removes the handlers (tests, shutdown).
 */
export function installProcessErrorHandlers(
  alerts: ErrorAlerts,
  log: ProcessErrorLog,
  options: { flushTimeoutMs?: number; exit?: (code: number) => void } = {},
): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const onException = (error: unknown) => {
    log.fatal(error, 'uncaught exception; exiting');
    alerts.report(error, 'process');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, options.flushTimeoutMs ?? 2000);
    });
    void Promise.race([alerts.flush(), timeout]).finally(() => {
      clearTimeout(timer);
      exit(1);
    });
  };
  const onRejection = (reason: unknown) => {
    log.error(reason, 'unhandled promise rejection');
    alerts.report(reason, 'process');
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
