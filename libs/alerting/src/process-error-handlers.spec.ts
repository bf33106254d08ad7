import { ErrorAlerts } from './error-alerts';
import { installProcessErrorHandlers } from './process-error-handlers';

/** A stand-in ErrorAlerts that records calls (the real one is covered by the integration test). */
function recordingAlerts() {
  const reports: { error: unknown; source: string }[] = [];
  let flushed = 0;
  const alerts = {
    report: (error: unknown, source: string) => reports.push({ error, source }),
    flush: async () => {
      flushed += 1;
    },
  } as unknown as ErrorAlerts;
  return { alerts, reports, flushed: () => flushed };
}

describe('installProcessErrorHandlers', () => {
  const logged: string[] = [];
  const log = {
    fatal: (_e: unknown, m: string) => logged.push(`fatal ${m}`),
    error: (_e: unknown, m: string) => logged.push(`error ${m}`),
  };
  beforeEach(() => logged.splice(0));

  it('reports an unhandled rejection and keeps the process running', () => {
    const { alerts, reports } = recordingAlerts();
    const exits: number[] = [];
    const uninstall = installProcessErrorHandlers(alerts, log, { exit: (c) => exits.push(c) });
    try {
      const reason = new Error('nobody awaited me');
      process.emit('unhandledRejection', reason, Promise.resolve());
      expect(reports).toEqual([{ error: reason, source: 'process' }]);
      expect(logged).toEqual(['error unhandled promise rejection']);
      expect(exits).toEqual([]);
    } finally {
      uninstall();
    }
  });

  it('reports an uncaught exception, writes it, then exits 1', async () => {
    const { alerts, reports, flushed } = recordingAlerts();
    let exited: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve) => (exited = resolve));
    const uninstall = installProcessErrorHandlers(alerts, log, { exit: exited });
    try {
      const error = new Error('state is broken');
      (process.emit as (event: string, ...args: unknown[]) => boolean)('uncaughtException', error);
      expect(await exit).toBe(1);
      expect(reports).toEqual([{ error, source: 'process' }]);
      expect(flushed()).toBe(1);
      expect(logged).toEqual(['fatal uncaught exception; exiting']);
    } finally {
      uninstall();
    }
  });

  it('removes its handlers', () => {
    const before = process.listenerCount('unhandledRejection');
    const uninstall = installProcessErrorHandlers(recordingAlerts().alerts, log);
    expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
    uninstall();
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
