import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiV2Module } from '@dailies/api-v2';
import { totpCode } from '@dailies/core';
import { Jobs } from '@dailies/jobs';
import { startPlatform } from '@dailies/platform';
import { SupportToolModule } from '@dailies/support-tool';
import { launchChromium } from './testing/browser';
import { migrateLegacyExport } from './testing/dynasaur';
import { buildSupportScene } from './testing/scene';

// `npm run screenshots:support-tool`: every Support Tool page, on a throwaway embedded
// PostgreSQL with a small scene, rendered by headless Chromium into docs/support-tool/.
async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'docs/support-tool');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dailies-screenshots-'));
  fs.chmodSync(dataDir, 0o755); // the embedded PostgreSQL's own user must enter it
  const platform = await startPlatform({
    features: [ApiV2Module, SupportToolModule],
    env: {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      OPENAPI_DOCS: 'false',
    },
  });
  const browser = await launchChromium();
  try {
    const base = platform.baseUrl;
    const scene = await buildSupportScene(platform.app, base, platform.database.url);
    // A Dynasaur run of the legacy sample export, for the Dynasaur pages.
    await migrateLegacyExport(platform.database.url, dataDir);
    // A completed run of a domain job, for the Jobs page's history.
    const jobs = platform.app.get(Jobs, { strict: false });
    await jobs.enqueue('expire-review-links', {});
    for (let i = 0; i < 100; i++) {
      const [last] = await jobs.history('expire-review-links', 1);
      if (last?.state === 'completed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, bypassCSP: true });
    fs.mkdirSync(out, { recursive: true });
    const shoot = async (name: string) => {
      await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
      console.log(`  ${path.relative(process.cwd(), path.join(out, `${name}.png`))}`);
    };

    await page.goto(`${base}/support/login`);
    await page.fill('#email', scene.admin.email);
    await shoot('01-sign-in');
    await page.fill('#password', scene.admin.password);
    await page.fill('#code', totpCode(scene.admin.secret));
    await Promise.all([page.waitForURL('**/support/search'), page.click('button[type=submit]')]);
    await page.goto(`${base}/support/search?q=dana`);
    await shoot('02-search');
    await page.goto(`${base}/support/users/${scene.customer.userId}`);
    await shoot('03-user');
    await page.fill('#view-as-reason', 'Ticket 1234: what does Dana see?');
    await Promise.all([page.waitForURL('**/view-as/*'), page.click('text=View as Dana Editor')]);
    await shoot('04-view-as');
    await page.goto(`${base}/support/accounts/${scene.customer.accountId}`);
    await shoot('05-account');
    await page.goto(`${base}/support/projects/${scene.projectId}`);
    await shoot('06-project');
    await page.goto(`${base}/support/operations`);
    await shoot('07-operations');
    await page.goto(`${base}/support/users/not-a-user`);
    await shoot('08-error');
    await page.goto(`${base}/support/operations/jobs`);
    await shoot('09-jobs');
    await page.goto(`${base}/support/operations/dynasaur`);
    await shoot('10-dynasaur-runs');
    await Promise.all([
      page.waitForURL('**/support/operations/dynasaur/*'),
      page.click('main table a'),
    ]);
    await shoot('11-dynasaur-run');
    await page.goto(`${base}/support/operations/mailbox`);
    await shoot('12-mailbox');
  } finally {
    await browser.close();
    await platform.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`screenshots failed: ${String((error as Error)?.stack ?? error)}`);
  process.exit(1);
});
