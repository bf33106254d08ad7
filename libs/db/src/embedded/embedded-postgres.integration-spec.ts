import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataFolderInUseError } from './data-folder-lock';
import { EmbeddedPostgresServer } from './embedded-postgres';
import { isAlive, waitUntil } from './process-utils';
import type { ChildReport } from './testing/embedded-postgres-child';

// Crash recovery of the embedded PostgreSQL, each case in its own data folder under the system's
// temporary folder. The crashes are real: a child process (testing/embedded-postgres-child.ts)
// starts the server and commits a row, then is SIGKILLed.

const ROOT = path.resolve(__dirname, '../../../..');
const CHILD_SCRIPT = 'libs/db/src/embedded/testing/embedded-postgres-child.ts';
const DATABASE = 'crash_test';

const dataDirs: string[] = [];
const servers: EmbeddedPostgresServer[] = [];
const children: ChildProcess[] = [];
const sleepers: ChildProcess[] = [];

function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-embedded-test-'));
  // mkdtemp makes it 0700; as root, PostgreSQL runs as `postgres`, which must be able to enter.
  fs.chmodSync(dir, 0o755);
  dataDirs.push(dir);
  return dir;
}

function newServer(dataDir: string): EmbeddedPostgresServer {
  const server = new EmbeddedPostgresServer({ dataDir, database: DATABASE });
  servers.push(server);
  return server;
}

function pidFileOf(dataDir: string): string {
  return path.join(dataDir, 'postgres', 'postmaster.pid');
}

async function query<T extends object>(url: string, sql: string, params: unknown[] = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function notes(url: string): Promise<string[]> {
  const rows = await query<{ body: string }>(url, 'SELECT body FROM notes ORDER BY body');
  return rows.map((r) => r.body);
}

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Runs the fixture in its own process group; resolves with its report once it has written. */
async function startChild(
  dataDir: string,
  note: string,
): Promise<{ child: ChildProcess; report: ChildReport }> {
  const child = spawn(process.execPath, ['tools/scripts/run-ts.cjs', CHILD_SCRIPT, dataDir, note], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const report = await new Promise<ChildReport>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as ChildReport);
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`child exited (${code ?? signal}) before reporting: ${stderr}`)),
    );
  });
  return { child, report };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
  for (const child of children.splice(0)) {
    // Whatever a failed case left of the child's group (its PostgreSQL included).
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const sleeper of sleepers.splice(0)) sleeper.kill('SIGKILL');
});

afterAll(() => {
  for (const dir of dataDirs) {
    // Retried: a PostgreSQL killed by the clean-up above may still be exiting.
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
});

describe('EmbeddedPostgresServer', () => {
  it('keeps its data across a clean stop and start, without initialising again', async () => {
    const dataDir = newDataDir();
    const first = newServer(dataDir);
    const url = await first.start();
    await query(url, 'CREATE TABLE notes (body text NOT NULL)');
    await query(url, 'INSERT INTO notes (body) VALUES ($1)', ['before the restart']);
    const initialisedAt = fs.readFileSync(path.join(dataDir, 'postgres.initialised'), 'utf8');
    await first.stop();
    expect(await accepts(url)).toBe(false);
    expect(fs.existsSync(pidFileOf(dataDir))).toBe(false);

    const second = newServer(dataDir);
    const again = await second.start();
    expect(await notes(again)).toEqual(['before the restart']);
    // Stopping the first instance again leaves the server that now has the folder alone.
    await first.stop();
    expect(await accepts(again)).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'postgres.initialised'), 'utf8')).toBe(initialisedAt);
  });

  it('recovers after its process group was SIGKILLed, with committed data only', async () => {
    const dataDir = newDataDir();
    const { child, report } = await startChild(dataDir, 'committed');
    // embedded-postgres's exit hooks were removed: shutdown (signals, pm2's "shutdown"
    // message) is the application's to order.
    expect(report.listenedEvents).toEqual([]);
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited(child);
    // PostgreSQL died with the group and left its lock file behind: a real crash.
    expect(await waitUntil(() => !isAlive(report.postmasterPid), 5000)).toBe(true);
    expect(fs.readFileSync(pidFileOf(dataDir), 'utf8').split('\n')[0]).toBe(
      String(report.postmasterPid),
    );

    const url = await newServer(dataDir).start();
    expect(await notes(url)).toEqual(['committed']);
  });

  it('shuts down a PostgreSQL orphaned by a SIGKILLed parent, then starts', async () => {
    const dataDir = newDataDir();
    const { child, report } = await startChild(dataDir, 'committed');
    child.kill('SIGKILL');
    await exited(child);
    // The orphan still holds the folder and serves on its port.
    expect(isAlive(report.postmasterPid)).toBe(true);
    expect(await accepts(report.url)).toBe(true);

    const url = await newServer(dataDir).start();
    expect(isAlive(report.postmasterPid)).toBe(false);
    expect(await accepts(report.url)).toBe(false);
    // The orphan's open transaction was rolled back; what it committed is there.
    expect(await notes(url)).toEqual(['committed']);
  });

  describe('with a stale postmaster.pid naming a live process that is not PostgreSQL', () => {
    // PostgreSQL itself ignores a lock file naming its own parent (here: this test process), so
    // that case passes either way; for another live process of its user it refuses to start
    // ("lock file already exists"), and only the recovery can help.
    it.each([
      ['an unrelated process of PostgreSQL’s user', () => spawnSleeper()],
      ['this test process', () => process.pid],
    ])('starts anyway: %s, which it leaves alone', async (_, livePid) => {
      const dataDir = newDataDir();
      const first = newServer(dataDir);
      const url = await first.start();
      await query(url, 'CREATE TABLE notes (body text NOT NULL)');
      await query(url, 'INSERT INTO notes (body) VALUES ($1)', ['kept']);
      const lockFile = fs.readFileSync(pidFileOf(dataDir), 'utf8');
      await first.stop();

      const pid = livePid();
      const stale = lockFile.replace(/^\d+/, String(pid));
      fs.writeFileSync(pidFileOf(dataDir), stale);

      const again = await newServer(dataDir).start();
      expect(await notes(again)).toEqual(['kept']);
      expect(isAlive(pid)).toBe(true);
    });
  });

  it('re-initialises a half-initialised data folder (cluster present, ready marker missing)', async () => {
    const dataDir = newDataDir();
    const clusterDir = path.join(dataDir, 'postgres');
    fs.mkdirSync(clusterDir);
    fs.writeFileSync(path.join(clusterDir, 'PG_VERSION'), '18\n');
    fs.writeFileSync(path.join(clusterDir, 'left-by-a-crashed-initdb'), '');

    const url = await newServer(dataDir).start();
    expect(fs.existsSync(path.join(clusterDir, 'left-by-a-crashed-initdb'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres.initialised'))).toBe(true);
    expect(await query(url, 'SELECT current_database() AS db')).toEqual([{ db: DATABASE }]);
  });

  it('initialises again when the cluster folder is gone but the ready marker is not', async () => {
    const dataDir = newDataDir();
    const first = newServer(dataDir);
    await first.start();
    await first.stop();
    fs.rmSync(path.join(dataDir, 'postgres'), { recursive: true });

    const url = await newServer(dataDir).start();
    expect(await query(url, 'SELECT current_database() AS db')).toEqual([{ db: DATABASE }]);
  });

  it('restarts a PostgreSQL that died under it, on the same URL, with its data', async () => {
    const dataDir = newDataDir();
    const server = newServer(dataDir);
    const url = await server.start();
    await query(url, 'CREATE TABLE notes (body text NOT NULL)');
    await query(url, 'INSERT INTO notes (body) VALUES ($1)', ['kept']);
    const pid = Number(fs.readFileSync(pidFileOf(dataDir), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !isAlive(pid), 5000);

    await waitUntil(() => server.restarts === 1, 15_000);
    expect(await notes(url)).toEqual(['kept']);
    const newPid = Number(fs.readFileSync(pidFileOf(dataDir), 'utf8').split('\n')[0]);
    expect(newPid).not.toBe(pid);
  });

  it('stops at once right after PostgreSQL died, and does not restart it afterwards', async () => {
    const dataDir = newDataDir();
    const server = newServer(dataDir);
    const url = await server.start();
    const pid = Number(fs.readFileSync(pidFileOf(dataDir), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await waitUntil(() => !isAlive(pid), 5000);

    let timer: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([
      server.stop().then(() => 'stopped'),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('still stopping after 5 s'), 5000);
      }),
    ]);
    clearTimeout(timer);
    expect(stopped).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await accepts(url)).toBe(false);
  });

  it('refuses a second process on the same data folder and leaves the first one serving', async () => {
    const dataDir = newDataDir();
    const { report } = await startChild(dataDir, 'first');
    await expect(newServer(dataDir).start()).rejects.toThrow(DataFolderInUseError);
    await expect(newServer(dataDir).start()).rejects.toThrow(/already running on the data folder/);
    expect(isAlive(report.postmasterPid)).toBe(true);
    expect(await notes(report.url)).toEqual(['first']);
  });

  it('explains, as root, a data folder the postgres user cannot enter', async () => {
    const dataDir = newDataDir();
    fs.chmodSync(dataDir, 0o700);
    const starting = newServer(dataDir).start();
    if (process.getuid?.() === 0) {
      await expect(starting).rejects.toThrow(/cannot enter the data folder .*chmod o\+x/);
    } else {
      // Not root: PostgreSQL runs as this user, who owns the folder.
      await expect(starting).resolves.toMatch(/^postgresql:/);
    }
  });
});

/**
 * A live process of the user PostgreSQL runs as (`postgres` when we are root). PostgreSQL takes
 * a lock file naming another user's process for stale (it may not signal it); one of its own
 * user's makes it refuse to start.
 */
function spawnSleeper(): number {
  const asPostgres =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
        }
      : {};
  const sleeper = spawn('sleep', ['60'], { stdio: 'ignore', ...asPostgres });
  sleepers.push(sleeper);
  return sleeper.pid as number;
}
