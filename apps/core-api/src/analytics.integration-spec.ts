import { ApiV2Module } from '@dailies/api-v2';
import { AnalyticsConsumer, createAnalyticsSink } from '@dailies/consumer-analytics';
import { TeamCreated } from '@dailies/core';
import { PrismaService } from '@dailies/db';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { signUp } from './testing/fixtures';

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const subjectOf = (properties: unknown) =>
  (properties as Record<string, unknown> | null)?.subjectId;

describe('analytics: track records in the default table sink', () => {
  let platform: TestPlatform;
  let prisma: PrismaService;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module], {
      ANALYTICS_FLUSH_MS: '50',
    });
    prisma = platform.app.get(PrismaService);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('records every event of a flow as a track call, without personal data or secrets', async () => {
    const owner = await signUp(new TestClient(platform.baseUrl), 'Tracked');
    const team = await owner.client.post(`/v2/accounts/${owner.accountId}/teams`, {
      name: 'Secret Project Name',
    });
    const rows = await eventually(
      () => prisma.analyticsEvent.findMany({ where: { accountId: owner.accountId } }),
      (found) => found.some((r) => subjectOf(r.properties) === team.body.id),
    );
    const created = rows.find((r) => subjectOf(r.properties) === team.body.id);
    expect(created).toMatchObject({
      event: 'team.created',
      userId: owner.userId,
      anonymousId: null,
      properties: {
        accountId: owner.accountId,
        teamId: team.body.id,
        subjectType: 'team',
        subjectId: team.body.id,
      },
    });
    expect(rows.map((r) => r.event)).toEqual(expect.arrayContaining(['account.created']));
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Secret Project Name');
    expect(text).not.toContain(owner.email);
    expect(text).not.toContain(owner.password);
  });

  it('is idempotent by messageId: the same event handled twice is one record', async () => {
    const consumer = platform.app.get(AnalyticsConsumer);
    const owner = await signUp(new TestClient(platform.baseUrl), 'Twice');
    const event = new TeamCreated({
      actor: { type: 'user', id: owner.userId },
      accountId: owner.accountId,
      subject: { type: 'team', id: owner.teamId },
      payload: { name: 'x' },
    });
    await Promise.all([consumer.handle(event), consumer.handle(event)]);
    await consumer.handle(event);
    expect(await prisma.analyticsEvent.count({ where: { messageId: event.id } })).toBe(1);
  });

  it('refuses to start the Segment sink without a write key', () => {
    const settings = {
      ANALYTICS_SINK: 'segment' as const,
      ANALYTICS_ENDPOINT: 'http://127.0.0.1:9/v1/batch',
      ANALYTICS_WRITE_KEY: undefined,
    };
    expect(() => createAnalyticsSink(settings, prisma)).toThrow(/ANALYTICS_WRITE_KEY/);
  });
});
