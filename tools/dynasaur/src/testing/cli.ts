import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { parseCli } from '../cli/args';
import { runCommand } from '../commands';
import { RunControl } from '../load/migrate-table';
import { SilentProgress } from '../progress';

export const ROOT = path.resolve(__dirname, '../../../..');

/** Runs a dynasaur command in this process (no DYNASAUR_* environment), capturing stdout. */
export async function dynasaur(
  argv: string[],
  databaseUrl?: string,
): Promise<{ code: number; out: string }> {
  const args = parseCli(argv, {});
  const out: string[] = [];
  const code = await runCommand(args, {
    databaseUrl,
    out: (text) => out.push(text),
    log: () => undefined,
    progress: new SilentProgress(),
    control: new RunControl(args.optionalInt('max-errors', 0)),
  });
  return { code, out: out.join('\n') };
}

/** The CLI as its own process, as operators and containers run it. */
export function spawnDynasaur(argv: string[], env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--max-old-space-size=160',
      '--max-semi-space-size=4',
      path.join(ROOT, 'tools/scripts/run-ts.cjs'),
      'tools/dynasaur/src/main.ts',
      ...argv,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
