import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { kidOf } from '@dailies/auth';
import { resolveSigningKeys } from './secrets';

// Only sources that need no database: the database fallback is covered by the platform tests.
const noDatabase = 'postgresql://unused.invalid/none';

describe('resolveSigningKeys', () => {
  const secretFile = async (content: string) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jwt-'));
    await writeFile(path.join(dir, 'jwt'), content);
    return path.join(dir, 'jwt');
  };

  it('prefers the key ring, then the secret file, then JWT_SECRET', async () => {
    const ring = `new:${'n'.repeat(32)},old:${'o'.repeat(32)}`;
    const file = await secretFile(`${'f'.repeat(40)}\n`);
    expect(
      (await resolveSigningKeys(noDatabase, { JWT_SIGNING_KEYS: ring, JWT_SECRET_FILE: file })).map(
        (k) => k.kid,
      ),
    ).toEqual(['new', 'old']);
    expect(
      await resolveSigningKeys(noDatabase, { JWT_SECRET_FILE: file, JWT_SECRET: 'j'.repeat(32) }),
    ).toEqual([{ kid: kidOf('f'.repeat(40)), secret: 'f'.repeat(40) }]);
    expect(await resolveSigningKeys(noDatabase, { JWT_SECRET: 'j'.repeat(32) })).toEqual([
      { kid: kidOf('j'.repeat(32)), secret: 'j'.repeat(32) },
    ]);
  });

  it('reads a key ring from a mounted secret file, one key per line', async () => {
    const file = await secretFile(`b:${'b'.repeat(32)}\na:${'a'.repeat(32)}\n`);
    const keys = await resolveSigningKeys(noDatabase, { JWT_SECRET_FILE: file });
    expect(keys.map((k) => k.kid)).toEqual(['b', 'a']);
  });

  it('refuses a secret file with a short secret', async () => {
    const file = await secretFile('too-short');
    await expect(resolveSigningKeys(noDatabase, { JWT_SECRET_FILE: file })).rejects.toThrow(
      /fewer than 32/,
    );
  });
});
