import 'reflect-metadata';
import { Client } from 'pg';
import type { ParsedMail } from 'mailparser';
import { notificationKinds } from '@dailies/core';
import { Jobs, TestClock } from '@dailies/jobs';
import {
  joinAccountWithConsent,
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`eventually: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let counter = 0;
async function signUp(anon: TestClient, name: string) {
  const email = `${name.toLowerCase()}-${++counter}-${Date.now()}@example.com`;
  const res = await signUpAndLogIn(anon, {
    email,
    password: 'a-long-enough-password',
    name,
  });
  expect(res.status).toBe(201);
  return {
    client: anon.as(res.body.accessToken),
    userId: res.body.user.id as string,
    accountId: res.body.accountId as string,
    teamId: res.body.teamId as string,
    email,
  };
}

/** A digest carries one-click unsubscribe headers (transactional mail does not). */
const headerLine = (mail: ParsedMail, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line;
const isDigest = (mail: ParsedMail) => headerLine(mail, 'list-unsubscribe-post') !== undefined;
const to = (mail: ParsedMail) =>
  mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;

/**
 * The digest job end to end, on the scheduled path: the notifications consumer queues a comment
 * for a daily digest, the jobs clock moves across the night Los Angeles leaves daylight saving
 * time, the schedule fires the job (SendDigestsCommand), the send loop speaks SMTP to the test
 * server. Someone who turned e-mail off gets the in-app notification and no digest.
 */
describe('e-mail digests on the schedule', () => {
  let platform: TestPlatform;
  let db: Client;
  // 07:50 PST on 1 November 2026: daylight saving time ended at 02:00 local this night.
  const clock = new TestClock(new Date('2026-11-01T15:50:00Z'));
  /** Jumps the jobs clock (tick() would replay every 2-second poll of every worker on the way). */
  const jumpTo = async (iso: string) => {
    await clock.setTime(new Date(new Date(iso).getTime() - 60_000));
    await clock.tick(60_000);
  };

  beforeAll(async () => {
    platform = await startTestPlatform(
      [ApiV2Module],
      { JOBS_ENABLED: 'true', NOTIFICATIONS_DIGEST_HOUR: '8' },
      { clock },
    );
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  it('mails a Los Angeles user their daily digest at 08:00 local after the DST change, and nothing to one who turned digests off', async () => {
    const anon = new TestClient(platform.baseUrl);
    const owner = await signUp(anon, 'Owner');
    const la = await signUp(anon, 'Lena');
    const off = await signUp(anon, 'Otto');
    // Uma's address stops being verified after she joined: no digest for her (issue 12).
    const uma = await signUp(anon, 'Uma');
    await db.query(`UPDATE users SET timezone = 'America/Los_Angeles' WHERE id = ANY($1::uuid[])`, [
      [la.userId, uma.userId],
    ]);
    const never = Object.fromEntries(notificationKinds.map((kind) => [kind, { email: 'never' }]));
    const prefs = await off.client.put('/v2/me/notification-preferences', { defaults: never });
    expect(prefs.status).toBe(200);

    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, { name: 'Cut' });
    for (const user of [la, off, uma]) {
      await joinAccountWithConsent(owner.client, owner.accountId, user);
      const added = await owner.client.post(`/v2/projects/${project.body.id}/collaborators`, {
        userId: user.userId,
        role: 'reviewer',
      });
      expect(added.status).toBe(201);
    }
    const file = await owner.client.post(`/v2/assets/${project.body.rootAssetId}/children`, {
      type: 'file',
      name: 'shot_010.mov',
      filetype: 'video/mp4',
      filesize: 2048,
    });
    const comment = await owner.client.post(`/v2/assets/${file.body.id}/comments`, {
      text: 'Grade too warm?',
    });
    expect(comment.status).toBe(201);

    // The consumer queued Lena's comment notification for her daily digest, Otto's for none.
    const queued = async (userId: string) =>
      (
        await db.query(
          `SELECT e.cadence FROM notification_emails e JOIN notifications n ON n.id = e.notification_id
           WHERE e.user_id = $1 AND n.kind = 'comment'`,
          [userId],
        )
      ).rows;
    await eventually(
      () => queued(la.userId),
      (rows) => rows.length === 1,
    );
    expect(await queued(la.userId)).toEqual([{ cadence: 'daily' }]);
    await eventually(
      () => queued(uma.userId),
      (rows) => rows.length === 1,
    );
    await db.query(`UPDATE users SET email_confirmed = false WHERE id = $1`, [uma.userId]);
    await eventually(
      async () =>
        (
          await db.query(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'comment'`, [
            off.userId,
          ])
        ).rowCount,
      (n) => n === 1,
    );
    expect(await queued(off.userId)).toEqual([]);
    // The comment happened on the afternoon before the change (the jobs clock is in the past).
    await db.query(
      `UPDATE notifications SET created_at = '2026-10-31T20:00:00Z' WHERE user_id = ANY($1::uuid[])`,
      [[la.userId, off.userId, uma.userId]],
    );
    await db.query(
      `UPDATE notification_emails SET send_after = '2026-10-31T20:00:00Z' WHERE user_id = ANY($1::uuid[])`,
      [[la.userId, uma.userId]],
    );

    const jobs = platform.app.get(Jobs);
    const completedRuns = async () =>
      (await jobs.history('send-digests')).filter((r) => r.state === 'completed').length;
    const digests = () =>
      db.query(
        `SELECT user_id::text, window_end, status FROM email_deliveries WHERE kind = 'digest'`,
      );

    // 07:50 → 08:05 local: the 08:00 PST run (16:00 UTC; it was 15:00 UTC while on PDT).
    const before = await completedRuns();
    await jumpTo('2026-11-01T16:05:00Z');
    await eventually(completedRuns, (n) => n > before);
    const rows = (await eventually(digests, (r) => r.rows[0]?.status === 'sent')).rows;
    expect(rows).toEqual([
      { user_id: la.userId, window_end: new Date('2026-11-01T16:00:00Z'), status: 'sent' },
    ]);

    const server = platform.mail!;
    const mail = await eventually(
      async () => server.received.filter((m) => to(m) === la.email && isDigest(m)),
      (m) => m.length > 0,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('Grade too warm?');
    expect(mail[0]!.text).toContain(`/projects/${project.body.id}`);
    expect(headerLine(mail[0]!, 'list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(headerLine(mail[0]!, 'list-unsubscribe')).toContain('/email/unsubscribe?token=');
    expect(server.received.filter((m) => to(m) === off.email && isDigest(m))).toEqual([]);
    expect(server.received.filter((m) => to(m) === uma.email && isDigest(m))).toEqual([]);

    // The next run (08:20) finds the window recorded: no second digest.
    const after = await completedRuns();
    await jumpTo('2026-11-01T16:20:00Z');
    await eventually(completedRuns, (n) => n > after);
    expect((await digests()).rows).toHaveLength(1);
    const event = await db.query(
      `SELECT payload FROM events WHERE name = 'notification.digest_queued' AND subject_id = $1`,
      [la.userId],
    );
    expect(event.rows).toEqual([
      {
        payload: {
          cadence: 'daily',
          windowEnd: '2026-11-01T16:00:00.000Z',
          count: 1,
          deliveryKey: `digest:${la.userId}:2026-11-01T16:00:00.000Z`,
        },
      },
    ]);
  }, 90_000);
});
