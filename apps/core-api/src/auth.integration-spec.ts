import { CommandBus } from '@nestjs/cqrs';
import { hashPassword } from '@dailies/auth';
import { LockUserCommand } from '@dailies/core';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import bcrypt from 'bcryptjs';
import { Client } from 'pg';
import { v7 } from 'uuid';
import { ApiV2Module } from '@dailies/api-v2';
import { signUp } from './testing/fixtures';

describe('auth over HTTP', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let db: Client;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module], {
      LOGIN_MAX_FAILURES_PER_EMAIL: '3',
      LOGIN_MAX_FAILURES_PER_IP: '50',
    });
    anon = new TestClient(platform.baseUrl);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
  });

  it('rotates refresh tokens and revokes the family when a rotated one is reused', async () => {
    const user = await signUp(anon, 'Rotator');
    const first = await anon.post('/v2/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toEqual(user.refreshToken);
    const second = await anon.post('/v2/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);

    // The first token was already spent: presenting it again is theft, so the session dies.
    const reuse = await anon.post('/v2/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.status).toBe(401);
    expect(
      (await anon.post('/v2/auth/refresh', { refreshToken: second.body.refreshToken })).status,
    ).toBe(401);
    expect((await anon.as(second.body.accessToken).get('/v2/me')).status).toBe(401);
    const { rows } = await db.query(
      `SELECT name FROM events WHERE name = 'session.reuse_detected' AND subject_id = $1`,
      [user.userId],
    );
    expect(rows).toHaveLength(1);
  });

  it('answers unknown emails and wrong passwords alike, then throttles with Retry-After', async () => {
    const user = await signUp(anon, 'Throttled');
    const unknown = await anon.post('/v2/auth/login', {
      email: 'nobody@example.com',
      password: 'whatever-123',
    });
    const wrong = await anon.post('/v2/auth/login', {
      email: user.email,
      password: 'wrong-password',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.detail).toEqual(wrong.body.detail);

    await anon.post('/v2/auth/login', { email: user.email, password: 'wrong-password' });
    await anon.post('/v2/auth/login', { email: user.email, password: 'wrong-password' });
    const blocked = await anon.post('/v2/auth/login', {
      email: user.email,
      password: user.password,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses locked users even with the right password', async () => {
    const user = await signUp(anon, 'Locked');
    // Locked as support locks: a command whose event also ends the sessions cached as live.
    const staff = { type: 'staff' as const, id: '00000000-0000-7000-8000-000000000001' };
    await platform.app
      .get(CommandBus)
      .execute(new LockUserCommand(staff, { userId: user.userId, reason: 'abuse report #7' }));
    expect(
      (await anon.post('/v2/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(403);
    expect((await user.client.get('/v2/me')).status).toBe(401);
  });

  it('accepts a legacy bcrypt digest and rehashes it with scrypt', async () => {
    const id = v7();
    const legacy = bcrypt.hashSync('legacy-secret-99', 4).replace(/^\$2b\$/, '$2a$');
    await db.query(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, 'legacy@example.com', 'Legacy', $2)`,
      [id, legacy],
    );
    const login = await anon.post('/v2/auth/login', {
      email: 'legacy@example.com',
      password: 'legacy-secret-99',
    });
    expect(login.status).toBe(200);
    const { rows } = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [id],
    );
    expect(rows[0].password_hash).toMatch(/^\$scrypt\$/);
    expect(
      (
        await anon.post('/v2/auth/login', {
          email: 'legacy@example.com',
          password: 'legacy-secret-99',
        })
      ).status,
    ).toBe(200);
    expect(await hashPassword('x')).not.toEqual(rows[0].password_hash);
  });

  it('signs in with a hash of the old scrypt parameters (N=2^15) and rewrites it at N=2^17', async () => {
    const id = v7();
    const old = await hashPassword('old-params-secret', { N: 2 ** 15, r: 8, p: 1 });
    await db.query(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, 'old-scrypt@example.com', 'Old', $2)`,
      [id, old],
    );
    const login = (password: string) =>
      anon.post('/v2/auth/login', { email: 'old-scrypt@example.com', password });
    expect((await login('old-params-secret')).status).toBe(200);
    const { rows } = await db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [id],
    );
    expect(rows[0].password_hash).toMatch(/^\$scrypt\$N=131072,r=8,p=1\$/);
    expect((await login('old-params-secret')).status).toBe(200);
    expect((await login('wrong-params-secret')).status).toBe(401);
  });

  it('logs out: the access token and its refresh token stop working at once', async () => {
    const user = await signUp(anon, 'Leaver');
    expect((await user.client.post('/v2/auth/logout')).status).toBe(204);
    expect((await user.client.get('/v2/me')).status).toBe(401);
    expect((await anon.post('/v2/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(
      401,
    );
  });

  it('issues personal API tokens that work as Bearer tokens until revoked', async () => {
    const user = await signUp(anon, 'Integrator');
    const created = await user.client.post('/v2/me/api-tokens', { name: 'CI upload' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^dly_pat_/);
    const viaToken = anon.as(created.body.token);
    expect((await viaToken.get('/v2/me')).body.id).toBe(user.userId);
    // An API token cannot mint more API tokens.
    expect((await viaToken.post('/v2/me/api-tokens', { name: 'more' })).status).toBe(403);

    const listed = await user.client.get('/v2/me/api-tokens');
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        id: created.body.id,
        name: 'CI upload',
        lastUsedAt: expect.any(String),
      }),
    ]);
    expect(listed.body.data[0]).not.toHaveProperty('token');
    const { rows } = await db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [
      created.body.id,
    ]);
    expect(rows[0].token_hash).not.toContain(created.body.token);

    expect((await user.client.delete(`/v2/me/api-tokens/${created.body.id}`)).status).toBe(204);
    expect((await viaToken.get('/v2/me')).status).toBe(401);
  });

  it('answers sign-up alike for a new and a taken address; the owner of a taken one is told by e-mail', async () => {
    const user = await signUp(anon, 'Original');
    const fresh = await anon.post('/v2/auth/signup', {
      email: `fresh-${Date.now()}@example.com`,
      password: 'another-password',
      name: 'Fresh',
    });
    // Taken, whatever the case of the address.
    const dup = await anon.post('/v2/auth/signup', {
      email: user.email.toUpperCase(),
      password: 'another-password',
      name: 'Copy',
    });
    expect([fresh.status, dup.status]).toEqual([202, 202]);
    expect(dup.body).toEqual(fresh.body);
    expect(dup.body).toEqual({ status: 'accepted' });
    expect(dup.headers.get('content-type')).toEqual(fresh.headers.get('content-type'));

    // The owner, not the caller, learns that someone tried: sign-in and reset links.
    const smtp = platform.mail!;
    const notes = () =>
      smtp.received.filter(
        (m) =>
          m.subject === 'Someone tried to sign up with your address' &&
          m.to &&
          !Array.isArray(m.to) &&
          m.to.value[0]?.address === user.email,
      );
    const deadline = Date.now() + 10_000;
    while (notes().length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const [note] = notes();
    expect(note).toBeDefined();
    expect(note!.text).toMatch(/https?:\/\/[^\s]+\/login\b/);
    expect(note!.text).toMatch(/https?:\/\/[^\s]+\/forgot-password\b/);
    expect(String(note!.html)).toContain('/forgot-password');
    expect(note!.text).not.toContain('another-password');

    // Nothing was created or changed: one user with that address, whose password still works.
    const { rows } = await db.query('SELECT name FROM users WHERE email = $1', [user.email]);
    expect(rows).toEqual([{ name: 'Original' }]);
    expect(
      (await anon.post('/v2/auth/login', { email: user.email, password: 'another-password' }))
        .status,
    ).toBe(401);
    expect(
      (await anon.post('/v2/auth/login', { email: user.email, password: user.password })).status,
    ).toBe(200);

    // Trying again within the hour mails no second note (no mail flood through sign-up).
    expect(
      (
        await anon.post('/v2/auth/signup', {
          email: user.email,
          password: 'another-password',
          name: 'Again',
        })
      ).status,
    ).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(notes()).toHaveLength(1);
  });

  it('refuses weak passwords and missing names with field errors', async () => {
    const weak = await anon.post('/v2/auth/signup', {
      email: 'weak@example.com',
      password: 'short',
      name: '',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'name',
      'password',
    ]);
  });
});
