import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/**
 * How the benchmarks run a Dailies server: production mode, quiet logs, on an already migrated
 * and seeded database, with a signing key of its own (production refuses to keep it in the
 * database).
 */
export function benchServerEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    SEED_DEMO: 'false',
    OPENAPI_DOCS: 'false',
  };
}

export function freePort(): Promise<number> {
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

/** What stalled a server's event loop in a window (see loop-probe.cjs). */
export interface LoopWindow {
  seconds: number;
  loopDelayMs: { p50: number; p99: number; p999: number; max: number };
  utilisation: number;
  gc: { count: number; totalMs: number; maxMs: number; over5ms: number; major: number };
}

export interface ChildServer {
  url: string;
  pid: number;
  /** Starts a probe window and returns the previous one (`LoopWindow`), when started with a probe. */
  probe(): Promise<LoopWindow | undefined>;
  stop(): Promise<void>;
}

const probeScript = path.join(__dirname, 'loop-probe.cjs');

/**
 * Runs a TypeScript entry (through tools/scripts/run-ts.cjs) in its own process on a free port
 * and waits until GET /health/ready answers 200, so servers are measured apart from the load
 * generator, each in its own process.
 */
export async function startChildServer(
  entry: string,
  env: Record<string, string>,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
  options: { probe?: boolean } = {},
): Promise<ChildServer> {
  const port = await freePort();
  const probeFile = options.probe
    ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-probe-')), 'window.json')
    : undefined;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(probeFile ? ['-r', probeScript] : []),
      ...nodeArgs,
      path.join(root, 'tools/scripts/run-ts.cjs'),
      entry,
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ...(probeFile ? { LOOP_PROBE_FILE: probeFile } : {}),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not become ready in ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    probe: async () => {
      if (!probeFile) return undefined;
      const before = fs.existsSync(probeFile) ? fs.statSync(probeFile).mtimeMs : 0;
      child.kill('SIGUSR2');
      for (let i = 0; i < 100; i++) {
        if (fs.existsSync(probeFile) && fs.statSync(probeFile).mtimeMs !== before)
          return JSON.parse(fs.readFileSync(probeFile, 'utf8')) as LoopWindow;
        await new Promise((r) => setTimeout(r, 20));
      }
      return undefined;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
