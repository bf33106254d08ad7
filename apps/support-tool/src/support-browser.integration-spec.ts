import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, TestPlatform } from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { totpCode } from '@dailies/core';
import { SupportToolModule } from '@dailies/support-tool';
import { launchChromium, seriousAxeViolations } from './testing/browser';
import { migrateLegacyExport } from './testing/dynasaur';
import { buildSupportScene, SupportScene } from './testing/scene';

jest.setTimeout(30_000);

/** A staff member's day in a real headless Chromium, axe-core checking every page. */
describe('support tool in a browser', () => {
  let platform: TestPlatform;
  let db: Client;
  let browser: Browser;
  let page: Page;
  let scene: SupportScene;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-browser-'));

  const expectAccessible = async () => expect(await seriousAxeViolations(page)).toEqual([]);

  beforeAll(async () => {
    // The Operations page shows the job engine's history and dead letters: run it here.
    platform = await startTestPlatform([ApiV2Module, SupportToolModule], { JOBS_ENABLED: 'true' });
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    scene = await buildSupportScene(platform.app, platform.baseUrl, platform.databaseUrl);
    browser = await launchChromium();
    // bypassCSP only lets the test inject axe-core; the pages' own CSP still holds for htmx.
    page = await browser.newPage({ bypassCSP: true });
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
    await platform?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('signs in with the second factor, using the keyboard only', async () => {
    await page.goto(`${platform.baseUrl}/support/search`);
    expect(new URL(page.url()).pathname).toBe('/support/login');
    await expectAccessible();
    await page.focus('#email');
    await page.keyboard.type(scene.admin.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(scene.admin.password);
    await page.keyboard.press('Tab');
    await page.keyboard.type(totpCode(scene.admin.secret));
    await Promise.all([page.waitForURL('**/support/search'), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Search');
    await expectAccessible();
  });

  it('finds the customer as the staff member types (htmx, served locally)', async () => {
    await page.fill('#q', scene.customer.email);
    const link = page.locator(`#results a[href="/support/users/${scene.customer.userId}"]`);
    await link.waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(scene.customer.email);
    await expectAccessible();
    await Promise.all([page.waitForURL(`**/support/users/${scene.customer.userId}`), link.click()]);
    await expectAccessible();
  });

  it('locks the user with a reason', async () => {
    await page.fill('#lock-reason', 'Ticket 1234: shared password');
    await Promise.all([page.waitForURL('**?done=locked'), page.click('text=Lock user')]);
    await expect(page.locator('h1 .badge').textContent()).resolves.toBe('locked');
    const { rows } = await db.query('SELECT status FROM users WHERE id = $1', [
      scene.customer.userId,
    ]);
    expect(rows[0].status).toBe('locked');
    await expectAccessible();
  });

  it('views as the customer, read-only and recorded with both identities', async () => {
    await page.fill('#view-as-reason', 'Ticket 1234: what does Dana see?');
    await Promise.all([
      page.waitForURL('**/support/view-as/*'),
      page.click('text=View as Dana Editor'),
    ]);
    await expect(page.locator('main li', { hasText: 'Harbour Lights' }).count()).resolves.toBe(1);
    await expect(page.locator('main form').count()).resolves.toBe(0);
    const { rows } = await db.query(
      `SELECT g.reason, s.email FROM staff_view_as_grants g JOIN staff_users s ON s.id = g.staff_user_id
       WHERE g.user_id = $1`,
      [scene.customer.userId],
    );
    expect(rows).toEqual([
      { reason: 'Ticket 1234: what does Dana see?', email: scene.admin.email },
    ]);
    await expectAccessible();
  });

  it('resends the verification e-mail and an invitation from the user page, with reasons', async () => {
    await page.goto(`${platform.baseUrl}/support/users/${scene.customer.userId}`);
    await page.fill('#verification-reason', 'Ticket 1236: no verification mail');
    await Promise.all([
      page.waitForURL('**?done=verification+e-mail+sent'),
      page.click('text=Resend verification e-mail'),
    ]);
    await page.fill(`#invitation-reason-${scene.invitationId}`, 'Ticket 1237: guest lost it');
    await Promise.all([
      page.waitForURL('**?done=invitation+sent+again'),
      page.click('button:has-text("Resend invitation")'),
    ]);
    await expectAccessible();
    const { rows } = await db.query(
      `SELECT name, actor->>'reason' AS reason FROM events
        WHERE name IN ('user.verification_sent', 'invitation.resent') ORDER BY position`,
    );
    expect(rows).toEqual([
      { name: 'user.verification_sent', reason: 'Ticket 1236: no verification mail' },
      { name: 'invitation.resent', reason: 'Ticket 1237: guest lost it' },
    ]);
  });

  it('shows the account and restores a trashed folder', async () => {
    await page.goto(`${platform.baseUrl}/support/accounts/${scene.customer.accountId}`);
    await expect(page.locator('h2', { hasText: 'Members' }).count()).resolves.toBe(1);
    await expectAccessible();
    await page.goto(`${platform.baseUrl}/support/projects/${scene.projectId}`);
    await expectAccessible();
    // The asset tree, one folder at a time.
    await Promise.all([page.waitForURL('**?folder=*'), page.click('a:has-text("Dailies day 1")')]);
    await expect(page.locator('h2', { hasText: 'Assets in Dailies day 1' }).count()).resolves.toBe(
      1,
    );
    await expect(page.locator('main td', { hasText: 'Camera A' }).count()).resolves.toBe(1);
    await expectAccessible();
    await Promise.all([
      page.waitForURL(`**/support/projects/${scene.projectId}`),
      page.click('text=Top level'),
    ]);
    await page.fill(`#restore-reason-${scene.trashedAssetId}`, 'Ticket 1235: deleted by mistake');
    await Promise.all([
      page.waitForURL('**?done=restored'),
      page.click('button:has-text("Restore Old selects")'),
    ]);
    await expect(page.locator('text=The trash is empty.').count()).resolves.toBe(1);
    const { rows } = await db.query('SELECT deleted_at FROM assets WHERE id = $1', [
      scene.trashedAssetId,
    ]);
    expect(rows[0].deleted_at).toBeNull();
  });

  it('redrives a dead letter', async () => {
    await page.goto(`${platform.baseUrl}/support/operations`);
    await expectAccessible();
    const { consumer, eventId } = scene.deadLetter;
    await page.fill(`#redrive-reason-${consumer}-${eventId}`, 'Database back after failover');
    await Promise.all([
      page.waitForURL('**?done=redriven'),
      page.click('button:has-text("Redrive")'),
    ]);
    await expect(page.locator('text=No dead letters.').count()).resolves.toBe(1);
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM event_deliveries WHERE event_id = $1 AND state = 'dead'",
      [eventId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('retries every failed run of a job from the Jobs page', async () => {
    await page.goto(`${platform.baseUrl}/support/operations/jobs`);
    await expectAccessible();
    await page.fill('#retry-all-reason-purge-trash', 'Storage back after the outage');
    await Promise.all([
      page.waitForURL('**?done=1+failed+run(s)+retried'),
      page.click('button:has-text("Retry all 1 failed runs of purge-trash")'),
    ]);
    await expect(page.locator('text=Failed runs of purge-trash').count()).resolves.toBe(0);
    await expectAccessible();
  });

  it('shows a Dynasaur run of the legacy export and the mailbox, accessibly', async () => {
    await page.goto(`${platform.baseUrl}/support/operations/dynasaur`);
    await expect(page.locator('text=No Dynasaur runs recorded').count()).resolves.toBe(1);
    await migrateLegacyExport(platform.databaseUrl, workDir);
    await page.reload();
    await expectAccessible();
    await Promise.all([
      page.waitForURL('**/support/operations/dynasaur/*'),
      page.click('main table a'),
    ]);
    await expect(page.locator('h2', { hasText: 'Per table' }).count()).resolves.toBe(1);
    await expectAccessible();
    await page.goto(`${platform.baseUrl}/support/operations/mailbox`);
    await expectAccessible();
  }, 90_000);

  it('has an accessibility check that does find problems (not a vacuous pass)', async () => {
    await page.setContent('<html><body><img src="x.png"><button></button></body></html>');
    const ids = (await seriousAxeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
  });
});
