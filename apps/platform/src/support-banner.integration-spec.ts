import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresProcesses, startOnDataDir } from './testing/data-dir-platform';

/**
 * Issue 15's "done when": `npm start` (here: the platform as a user starts it, on a fresh
 * embedded PostgreSQL) prints the Support Tool's URL and how to create the first staff user, and
 * that URL serves the sign-in page.
 */
describe('npm start and the Support Tool', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-support-banner-'));
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => {
    for (const pid of postgresProcesses(dataDir)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the Support Tool URL and the command for the first staff user', async () => {
    const platform = startOnDataDir(dataDir);
    try {
      await platform.ready;
      const line = /Support\s+(http:\/\/\S+\/support)\s+\((.*)\)/.exec(platform.output());
      expect(line).not.toBeNull();
      expect(line![2]).toContain('npm run staff -- create --email');
      expect(line![2]).toContain('--role admin');
      const signIn = await fetch(`${line![1]}/login`);
      expect(signIn.status).toBe(200);
      expect(await signIn.text()).toContain('<form');
    } finally {
      platform.child.kill('SIGTERM');
      await platform.exited;
    }
  }, 90_000);
});
