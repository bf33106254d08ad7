import 'reflect-metadata';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { Jobs, TestClock } from '@dailies/jobs';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Two all-in-one platforms (`npm start` with its default JOBS_ENABLED) on one database: the
 * scheduled jobs of the one registry run in both, and each occurrence runs once.
 */
describe('scheduled jobs inside the platform', () => {
  let url: string;
  let db: Client;
  const platforms: TestPlatform[] = [];
  beforeAll(async () => {
    url = await createTestDatabase();
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    for (const p of platforms) await p.close();
    await db?.end();
    await dropTestDatabase(url);
  });

  it('two instances expire a review link once: one run, one review_link.expired event', async () => {
    // Just before a 5-minute boundary (the expiry schedule is */5 in UTC), near real time.
    const fiveMin = 5 * 60_000;
    const start = new Date(Math.ceil(Date.now() / fiveMin) * fiveMin - 60_000);
    const clock = new TestClock(start);
    for (let i = 0; i < 2; i++) {
      platforms.push(
        await startTestPlatform(
          platformFeatures,
          { JOBS_ENABLED: 'true' },
          { clock, databaseUrl: url },
        ),
      );
    }
    const [a, b] = platforms;
    const anon = new TestClient(a!.baseUrl);
    const signup = await signUpAndLogIn(anon, {
      email: `jobs-${Date.now()}@example.com`,
      password: 'a-long-enough-password',
      name: 'Owner',
    });
    expect(signup.status).toBe(201);
    const owner = anon.as(signup.body.accessToken);
    const project = await owner.post(`/v2/teams/${signup.body.teamId}/projects`, { name: 'P' });
    const file = await owner.post(`/v2/assets/${project.body.rootAssetId}/children`, {
      type: 'file',
      name: 'a.mov',
      filetype: 'video/mp4',
      filesize: 2048,
    });
    const link = async (name: string) =>
      (
        await owner.post(`/v2/projects/${project.body.id}/review-links`, {
          name,
          assetIds: [file.body.id],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        })
      ).body.id as string;
    const past = await link('Past');
    const future = await link('Future');
    // The API refuses a past expiry; age one link by hand.
    await db.query(`UPDATE review_links SET expires_at = $2 WHERE id = $1`, [
      past,
      new Date(start.getTime() - 3_600_000),
    ]);

    await clock.tick(90_000); // past the boundary: both instances see the occurrence
    const jobs = b!.app.get(Jobs);
    await waitFor(async () =>
      (await jobs.history('expire-review-links')).some((r) => r.state === 'completed'),
    );
    await new Promise((r) => setTimeout(r, 1500)); // a second run would have started by now
    const runs = await jobs.history('expire-review-links');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ state: 'completed', error: null });

    const { rows } = await db.query(
      `SELECT id::text, expired_at FROM review_links WHERE id = ANY($1::uuid[]) ORDER BY name`,
      [[past, future]],
    );
    expect(rows.find((r) => r.id === future).expired_at).toBeNull();
    expect(rows.find((r) => r.id === past).expired_at).not.toBeNull();
    const events = await db.query(
      `SELECT payload, actor FROM events WHERE name = 'review_link.expired' AND subject_id = $1`,
      [past],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].actor).toEqual({ type: 'system', name: 'expire-review-links' });
    expect(events.rows[0].payload).toMatchObject({ name: 'Past' });
  }, 60_000);
});
