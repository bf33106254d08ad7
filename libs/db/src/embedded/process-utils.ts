import fs from 'node:fs';
import net from 'node:net';

/**
 * Whether a process with this pid is running. A zombie (exited, not yet reaped by its parent)
 * is not: it holds no port and no files, and where nothing reaps orphans — a container whose
 * PID 1 is not an init — it would otherwise look alive forever.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = processState(pid);
  return state !== 'Z' && state !== 'X';
}

/** The state letter in /proc/<pid>/stat (R, S, D, Z, …), if readable. */
export function processState(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "<pid> (<command, which may contain spaces and parentheses>) <state> …"
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) || undefined;
  } catch {
    return undefined;
  }
}

/** The arguments a process was started with (argv[0] first); empty if it is gone or hidden. */
export function argumentsOf(pid: number): string[] {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((arg, i, all) => arg !== '' || i < all.length - 1);
  } catch {
    return [];
  }
}

export function commandLineOf(pid: number): string {
  return argumentsOf(pid).join(' ');
}

export async function waitUntil(
  check: () => boolean,
  timeoutMs: number,
  stepMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return check();
}

/**
 * Terminates a process politely, then firmly after `graceMs`; resolves once it is gone (or
 * after another `graceMs` if even SIGKILL does not end it, e.g. in uninterruptible sleep).
 */
export async function terminate(
  pid: number,
  politeSignal: NodeJS.Signals = 'SIGINT',
  graceMs = 5000,
): Promise<void> {
  if (!isAlive(pid)) return;
  try {
    process.kill(pid, politeSignal);
  } catch {
    return;
  }
  if (await waitUntil(() => !isAlive(pid), graceMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    return;
  }
  await waitUntil(() => !isAlive(pid), graceMs);
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
