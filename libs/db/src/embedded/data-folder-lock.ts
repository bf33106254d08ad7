import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export class DataFolderInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another Dailies process is already running on the data folder ${dataDir}. Stop it first, ` +
        'or start this one with another DATA_DIR (or with DATABASE_URL).',
    );
    this.name = 'DataFolderInUseError';
  }
}

/**
 * One live process per data folder. The lock is a listening socket in Linux's abstract namespace
 * named after the folder's real path: the kernel lets only one process bind it and frees it the
 * instant that process dies (even by SIGKILL), so there is no stale lock file to judge by pids or
 * process names. Written by hand because the maintained lock-file packages (proper-lockfile &
 * co.) detect staleness by mtime, which would let a second start steal a live folder after a
 * pause, or refuse a dead one until the timeout runs out.
 */
export class DataFolderLock {
  private server?: net.Server;

  constructor(private readonly dataDir: string) {}

  /** The socket name: `\0dailies-data-<sha256 of the folder's real path>` (abstract, no file). */
  get socketName(): string {
    const real = fs.realpathSync(path.resolve(this.dataDir));
    const digest = crypto.createHash('sha256').update(real).digest('hex').slice(0, 32);
    return `\0dailies-data-${digest}`;
  }

  async acquire(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new DataFolderInUseError(this.dataDir) : error),
      );
      server.listen(this.socketName, () => resolve());
    });
    // The lock must not keep the process alive on its own.
    server.unref();
    this.server = server;
  }

  async release(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
