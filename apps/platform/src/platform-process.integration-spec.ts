import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startOnDataDir } from './testing/data-dir-platform';

function postgresPidsFor(dataDir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return fs
          .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
          .includes(path.join(dataDir, 'postgres'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/**
 * The one-command start as a user runs it: the platform in a child process on the embedded
 * PostgreSQL in its own DATA_DIR. SIGTERM stops everything; SIGKILL of the whole tree followed by
 * a restart comes back on the same data.
 */
describe('the platform process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-platform-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => {
    for (const pid of postgresPidsFor(dataDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts fast, survives kill -9 of its process tree, keeps its data, and stops cleanly on SIGTERM', async () => {
    const t0 = Date.now();
    const first = startOnDataDir(dataDir);
    const base = await first.ready;
    const startupMs = Date.now() - t0;
    expect(startupMs).toBeLessThan(15_000);

    const login = await fetch(`${base}/v2/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@dailies.dev', password: 'dailies-demo-2026' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = (await (
      await fetch(`${base}/v2/me`, { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as {
      accounts: { id: string }[];
    };
    const accountId = me.accounts[0].id;
    const team = await fetch(`${base}/v2/accounts/${accountId}/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ name: 'Survives the crash' }),
    });
    expect(team.status).toBe(201);

    // Crash: the whole process group, PostgreSQL included, dies at once.
    process.kill(-first.child.pid!, 'SIGKILL');
    await waitFor(() => postgresPidsFor(dataDir).length === 0, 5000);

    const second = startOnDataDir(dataDir);
    const base2 = await second.ready;
    const relogin = await fetch(`${base2}/v2/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@dailies.dev', password: 'dailies-demo-2026' }),
    });
    expect(relogin.status).toBe(200);
    const token2 = ((await relogin.json()) as { accessToken: string }).accessToken;
    const teams = (await (
      await fetch(`${base2}/v2/accounts/${accountId}/teams`, {
        headers: { authorization: `Bearer ${token2}` },
      })
    ).json()) as {
      data: { name: string }[];
    };
    expect(teams.data.map((t) => t.name)).toContain('Survives the crash');

    const exited = new Promise<number | null>((resolve) =>
      second.child.on('exit', (code) => resolve(code)),
    );
    const t1 = Date.now();
    second.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - t1).toBeLessThan(5000);
    expect(await waitFor(() => postgresPidsFor(dataDir).length === 0, 3000)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 90_000);
});
