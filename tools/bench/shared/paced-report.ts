import { ChildServer, LoopWindow } from './child-server';
import { paced, PacedResult } from './paced';

export interface PacedEvidence {
  name: string;
  result: PacedResult;
  /** The server's own loop and GC over the same window (when it runs with the probe). */
  server?: LoopWindow;
}

/** One paced run against a server, with the server's loop-probe window over exactly that run. */
export async function pacedWithEvidence(
  name: string,
  server: ChildServer,
  options: Parameters<typeof paced>[0],
): Promise<PacedEvidence> {
  await server.probe(); // starts the window
  const result = await paced(options);
  const window = await server.probe();
  return { name, result, server: window };
}

export const PACED_HEADER =
  `${'paced run'.padEnd(40)}  rate/s  p50 ms  p95 ms  p99 ms | generator: ` +
  `send lag p95/max ms, p95 from sent, busy | server: loop delay p99/max ms, busy, gc n/total/max ms`;

export function formatPaced({ name, result: r, server: s }: PacedEvidence): string {
  const g = r.generator;
  const serverCells = s
    ? `${s.loopDelayMs.p99}/${s.loopDelayMs.max}, ${Math.round(s.utilisation * 100)} %, ` +
      `${s.gc.count}/${s.gc.totalMs}/${s.gc.maxMs}`
    : '—';
  return (
    `${name.padEnd(40)} ${String(r.rps).padStart(7)} ${r.p50.toFixed(1).padStart(7)} ` +
    `${r.p95.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} | ` +
    `${g.sendLagP95}/${g.sendLagMax}, ${g.fromSentP95}, ${Math.round(g.utilisation * 100)} % | ` +
    serverCells
  );
}
