import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DatabaseModule } from '@dailies/db';
import { createTestDatabase, dropTestDatabase } from '@dailies/db/testing';
import { Client } from 'pg';
import { EmailModule } from '../email.module';
import { EmailOutbox } from '../email-outbox';
import { TEST_FROM, TEST_PUBLIC_URL, TEST_SECRET } from '../testing/email-test-kit';
import { MailboxMailer } from '../transport/mailbox-mailer';

describe('one-click unsubscribe over HTTP', () => {
  let url: string;
  let app: NestFastifyApplication;
  let base: string;
  let outbox: EmailOutbox;

  beforeAll(async () => {
    url = await createTestDatabase();
    @Module({
      imports: [
        DatabaseModule.forRoot({ url, poolSize: 2 }),
        EmailModule.forRoot({
          config: {
            smtpUrl: null,
            from: TEST_FROM,
            unsubscribeMailto: 'unsubscribe@dailies.test',
            publicUrl: TEST_PUBLIC_URL,
            mailboxDir: '/nonexistent',
            signingSecret: TEST_SECRET,
            maxAttempts: 3,
            sendIntervalMs: 1000,
          },
          runSendLoop: false,
          mailer: new MailboxMailer('/nonexistent'),
        }),
      ],
    })
    class TestAppModule {}
    // As the platform's createHttpApp does: Fastify's JSON parser only, other media types 415.
    app = await NestFactory.create<NestFastifyApplication>(TestAppModule, new FastifyAdapter(), {
      logger: false,
      bodyParser: false,
    });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    outbox = app.get(EmailOutbox);
  });

  afterAll(async () => {
    await app.close();
    await dropTestDatabase(url);
  });

  async function suppressions() {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT address, list, reason::text FROM email_suppressions ORDER BY address',
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  /** The path and query of the link in the mail, against the test server. */
  function local(link: string): string {
    const u = new URL(link);
    return `${base}${u.pathname}${u.search}`;
  }

  const token = () =>
    outbox.tokens.sign({
      userId: '22222222-2222-4222-8222-222222222222',
      email: 'Ana@Example.com',
      list: 'digest',
    });

  it('GET shows a confirmation page with a POST form and unsubscribes nothing', async () => {
    const link = outbox.links.unsubscribe(token());
    expect(link.startsWith(`${TEST_PUBLIC_URL}/email/unsubscribe?token=`)).toBe(true);
    const response = await fetch(local(link));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('Stop sending digest e-mails to ana@example.com?');
    expect(page).toMatch(/<form method="post" action="\?token=u1\.[^"]+">/);
    expect(await suppressions()).toEqual([]);
  });

  it('POST with the RFC 8058 body (urlencoded or multipart) unsubscribes the address from that list, repeatably', async () => {
    const link = local(outbox.links.unsubscribe(token()));
    const multipart = new FormData();
    multipart.set('List-Unsubscribe', 'One-Click');
    for (const body of ['List-Unsubscribe=One-Click', multipart]) {
      const response = await fetch(link, {
        method: 'POST',
        ...(typeof body === 'string'
          ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }
          : { body }),
      });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(
        'ana@example.com will no longer receive digest e-mails.',
      );
    }
    expect(await suppressions()).toEqual([
      { address: 'ana@example.com', list: 'digest', reason: 'unsubscribe' },
    ]);
  });

  it('answers 400 for a missing or forged token and records nothing', async () => {
    const [version, , mac] = token().split('.');
    const forged = Buffer.from(
      JSON.stringify({
        u: '22222222-2222-4222-8222-222222222222',
        e: 'bob@example.com',
        l: 'digest',
      }),
    ).toString('base64url');
    const before = await suppressions();
    for (const path of [
      '/email/unsubscribe',
      `/email/unsubscribe?token=${version}.${forged}.${mac}`,
    ]) {
      expect((await fetch(`${base}${path}`)).status).toBe(400);
      const post = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(post.status).toBe(400);
    }
    expect(await suppressions()).toEqual(before);
  });

  it('accepts form bodies on the unsubscribe route only', async () => {
    const response = await fetch(`${base}/nowhere`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(response.status).toBe(415);
  });
});
