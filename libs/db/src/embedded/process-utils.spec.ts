import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import {
  argumentsOf,
  freeLoopbackPort,
  isAlive,
  processState,
  terminate,
  waitUntil,
} from './process-utils';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

function run(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('isAlive', () => {
  it('is true for a running process and false once it has exited and been reaped', async () => {
    const child = run('sleep', ['30']);
    const pid = child.pid as number;
    expect(isAlive(pid)).toBe(true);
    child.kill('SIGKILL');
    await exited(child);
    expect(isAlive(pid)).toBe(false);
  });

  it('is false for a zombie, which its parent never reaps', async () => {
    // The shell starts a short sleep, then becomes a long one that never waits for it.
    const parent = run('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 30']);
    const pid = await new Promise<number>((resolve) =>
      parent.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    expect(await waitUntil(() => processState(pid) === 'Z', 3000)).toBe(true);
    expect(isAlive(pid)).toBe(false);
  });
});

describe('argumentsOf', () => {
  it('returns a process’s arguments, empty ones included', async () => {
    // A shell that stays alive (`; :` keeps it from exec-ing sleep) with an empty last argument.
    // (`sleep 30 ''` would not do: sleep refuses the empty interval and exits at once.)
    const child = run('sh', ['-c', 'sleep 30; :', 'sh', '']);
    const pid = child.pid as number;
    // Right after fork the child is still between fork and exec, when /proc shows no arguments.
    expect(await waitUntil(() => argumentsOf(pid)[0] === 'sh', 3000)).toBe(true);
    expect(argumentsOf(pid)).toEqual(['sh', '-c', 'sleep 30; :', 'sh', '']);
  });

  it('returns nothing for a process that does not exist', () => {
    expect(argumentsOf(2 ** 22 + 1)).toEqual([]);
  });
});

describe('terminate', () => {
  it('ends a process with the polite signal', async () => {
    const child = run('sleep', ['30']);
    await terminate(child.pid as number, 'SIGTERM', 2000);
    await exited(child);
    expect(child.signalCode).toBe('SIGTERM');
  });

  it('falls back to SIGKILL when the polite signal is ignored', async () => {
    const child = run('sh', ['-c', "trap '' INT; exec sleep 30"]);
    await new Promise((r) => setTimeout(r, 100)); // let the shell install its trap
    const startedAt = Date.now();
    await terminate(child.pid as number, 'SIGINT', 300);
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});

describe('freeLoopbackPort', () => {
  it('returns a port that can be bound on 127.0.0.1', async () => {
    const port = await freeLoopbackPort();
    expect(port).toBeGreaterThan(0);
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise((r) => server.close(r));
  });
});
