import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ApiV2Module } from '@dailies/api-v2';
import { JobsEngine } from '@dailies/jobs';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { SupportToolModule } from '@dailies/support-tool';
import { migrateLegacyExport } from './testing/dynasaur';
import { createStaff, FormClient } from './testing/staff-client';

const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The Operations pages: Dynasaur runs (recorded by Dynasaur itself), every job, the mailbox. */
describe('support tool: operations pages', () => {
  let platform: TestPlatform;
  let db: Client;
  let admin: FormClient;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-operations-'));
    // No SMTP server (an empty variable is unset): mail goes to DATA_DIR/mailbox, as with
    // `npm start` on a fresh machine. The platform runs the job handlers too.
    platform = await startTestPlatform([ApiV2Module, SupportToolModule], {
      JOBS_ENABLED: 'true',
      SMTP_URL: '',
      DATA_DIR: path.join(dir, 'data'),
    });
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    admin = new FormClient(platform.baseUrl);
    expect((await admin.signIn(await createStaff(platform, db, 'admin'))).status).toBe(303);
  });
  afterAll(async () => {
    await db.end();
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a Dynasaur run: per-table counts, rejects by reason with redacted samples', async () => {
    // The legacy sample export (or a generated one with SCHEMA.md's quirks: some records must be
    // rejected), migrated into the platform's database the way an operator does it.
    const summary = await migrateLegacyExport(platform.databaseUrl, dir);
    const rejectedTables = Object.entries(summary.tables).filter(([, t]) => t.rejected > 0);
    expect(rejectedTables.length).toBeGreaterThan(0);

    // Support staff (not admins) do not see operations.
    const support = new FormClient(platform.baseUrl);
    await support.signIn(await createStaff(platform, db, 'support'));
    expect((await support.get('/support/operations/dynasaur')).status).toBe(403);
    expect((await support.get('/support/operations/jobs')).status).toBe(403);

    const list = await admin.get('/support/operations/dynasaur');
    expect(list.status).toBe(200);
    const { rows } = await db.query<{ id: string; state: string }>(
      'SELECT id, state FROM dynasaur_runs',
    );
    expect(rows).toEqual([{ id: expect.any(String), state: 'succeeded' }]);
    expect(list.text).toContain(`/support/operations/dynasaur/${rows[0].id}`);
    expect(list.text).toContain('succeeded');

    const page = await admin.get(`/support/operations/dynasaur/${rows[0].id}`);
    expect(page.status).toBe(200);
    const n = (x: number) => x.toLocaleString('en-US');
    for (const [table, t] of Object.entries(summary.tables)) {
      // The per-table row: read, migrated, rejected — as Dynasaur's own summary says.
      expect(page.text).toContain(
        `<td><a href="#table-${table}">${table}</a></td><td>${n(t.read)}</td><td>${n(t.migrated)}</td><td>${n(t.rejected)}</td>`,
      );
      for (const [reason, count] of Object.entries(t.rejectedByReason))
        expect(page.text).toContain(`<td><code>${reason}</code></td><td>${n(count)}</td>`);
    }
    // Samples: at most five per table and reason, each a record Dynasaur really rejected.
    const samples = await db.query<{ table_name: string; reason: string; n: number }>(
      `SELECT table_name, reason, count(*)::int AS n FROM dynasaur_reject_samples
        WHERE run_id = $1 GROUP BY 1, 2`,
      [rows[0].id],
    );
    for (const [table, t] of rejectedTables)
      for (const [reason, count] of Object.entries(t.rejectedByReason))
        expect(samples.rows).toContainEqual({
          table_name: table,
          reason,
          n: Math.min(count, 5),
        });
    const sample = await db.query<{ legacy_id: string; message: string }>(
      'SELECT legacy_id, message FROM dynasaur_reject_samples WHERE run_id = $1 LIMIT 1',
      [rows[0].id],
    );
    expect(page.text).toContain(html(sample.rows[0].message));
    // Password digests never reach a page (Dynasaur redacts them from rejects).
    expect(page.text).not.toMatch(/\$2[aby]\$\d\d\$/);

    expect((await admin.get('/support/operations/dynasaur/not-a-run')).status).toBe(404);
  });

  it('lists every job with its history, and retries failed runs of a domain job', async () => {
    const engine = platform.app.get(JobsEngine);
    // A failed run of a domain job (as the engine leaves it after the last try).
    await engine.boss.send('purge-trash.dead', { limit: 10 });
    const page = await admin.get('/support/operations/jobs');
    expect(page.status).toBe(200);
    // The built-in and the domain's jobs alike.
    for (const job of ['prune-login-throttles', 'send-digests', 'purge-trash', 'reconcile-usage'])
      expect(page.text).toContain(`<h2 id="job-${job}">${job}</h2>`);
    expect(page.text).toContain('Failed runs of purge-trash');
    expect(page.text).toContain('Retry all 1 failed runs of purge-trash');

    const csrf = FormClient.csrfOf(page.text);
    expect(
      (await admin.post('/support/operations/jobs/retry', { _csrf: csrf, job: 'purge-trash' }))
        .status,
    ).toBe(400);
    const unknown = await admin.post('/support/operations/jobs/retry', {
      _csrf: csrf,
      job: 'no-such-job',
      reason: 'Ticket 60',
    });
    expect(unknown.status).toBe(404);
    const retried = await admin.post('/support/operations/jobs/retry', {
      _csrf: csrf,
      job: 'purge-trash',
      reason: 'Ticket 61: storage back',
    });
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).toContain('done=1+failed');

    // The retried run runs here (this platform runs the job handlers): history shows its start,
    // end, duration and outcome.
    const deadline = Date.now() + 20_000;
    let history = '';
    for (;;) {
      history = (await admin.get('/support/operations/jobs')).text;
      if (/<span class="badge completed">completed<\/span>/.test(history)) break;
      if (Date.now() > deadline) throw new Error('the retried purge-trash run did not complete');
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(history).not.toContain('Failed runs of purge-trash');
    expect(history).toMatch(
      /<td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d<\/td><td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d<\/td><td>\d+(\.\d)? m?s<\/td><td><span class="badge completed">completed<\/span><\/td>/,
    );
    const events = await db.query(
      "SELECT actor->>'reason' AS reason, payload->>'count' AS count FROM events WHERE name = 'operations.job_dead_letters_retried'",
    );
    expect(events.rows).toEqual([{ reason: 'Ticket 61: storage back', count: '1' }]);
  });

  it('shows the local mailbox without the secrets of mailed links', async () => {
    const email = `mona-${Date.now()}@example.com`;
    const signup = await new TestClient(platform.baseUrl).post('/v2/auth/signup', {
      email,
      password: 'a-long-enough-password',
      name: 'Mona Mailbox',
    });
    expect(signup.status).toBe(202);
    // The send loop writes the verification mail into the mailbox folder.
    const mailbox = path.join(dir, 'data', 'mailbox');
    const deadline = Date.now() + 10_000;
    while (!fs.existsSync(path.join(mailbox, 'index.jsonl')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const eml = fs.readdirSync(mailbox).find((f) => f.endsWith('.eml'))!;
    const token = /verify-email\?token=3D([\w-]+)|verify-email\?token=([\w-]+)/.exec(
      fs.readFileSync(path.join(mailbox, eml), 'utf8'),
    );
    expect(token).not.toBeNull();

    const page = await admin.get('/support/operations/mailbox');
    expect(page.status).toBe(200);
    expect(page.text).toContain(html(mailbox));
    expect(page.text).toContain(`To <strong>${email}</strong>`);
    expect(page.text).toContain('Confirm your e-mail address');
    expect(page.text).toContain('verify-email?token=[hidden]');
    expect(page.text).not.toContain((token![1] ?? token![2]).slice(0, 20));

    const support = new FormClient(platform.baseUrl);
    await support.signIn(await createStaff(platform, db, 'support'));
    expect((await support.get('/support/operations/mailbox')).status).toBe(403);
  });
});
