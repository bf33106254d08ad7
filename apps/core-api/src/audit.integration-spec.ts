import { CommandBus } from '@nestjs/cqrs';
import { ApiV2Module } from '@dailies/api-v2';
import { AuditConsumer } from '@dailies/consumer-audit';
import { DomainError, PurgeAuditLogCommand, TeamCreated } from '@dailies/core';
import { PrismaService } from '@dailies/db';
import { defineEvent, DomainEvent, systemActor } from '@dailies/events';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { z } from 'zod';
import { SignedUpUser, signUp } from './testing/fixtures';

/** An event no command raises, carrying what a careless payload might. */
class CarelessEvent extends defineEvent('test.careless', 1, z.record(z.string(), z.unknown())) {}

const DAY_MS = 24 * 60 * 60 * 1000;

interface Entry {
  eventId: string;
  action: string;
  occurredAt: string;
  actor: { type: string; id: string | null; detail: string | null };
  subject: { type: string; id: string };
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('audit log: every event, kept by the audit consumer, read by owners and admins', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let owner: SignedUpUser;
  let admin: SignedUpUser;
  let member: SignedUpUser;
  let outsider: SignedUpUser;
  let prisma: PrismaService;
  let consumer: AuditConsumer;
  let teamId: string;
  const log = (user: SignedUpUser, query = '') =>
    user.client.get(`/v2/accounts/${owner.accountId}/audit-log${query}`);

  async function join(user: SignedUpUser, role: 'admin' | 'member') {
    const invite = await owner.client.post(`/v2/accounts/${owner.accountId}/invitations`, {
      email: user.email,
      role,
    });
    const accepted = await user.client.post('/v2/invitations/accept', {
      token: invite.body.token,
    });
    expect(accepted.status).toBe(200);
  }

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module], {
      AUDIT_RETENTION_DAYS: '30',
    });
    anon = new TestClient(platform.baseUrl);
    prisma = platform.app.get(PrismaService);
    consumer = platform.app.get(AuditConsumer);
    owner = await signUp(anon, 'Owner');
    admin = await signUp(anon, 'Admin');
    member = await signUp(anon, 'Member');
    outsider = await signUp(anon, 'Outsider');
    await join(admin, 'admin');
    await join(member, 'member');
    const team = await owner.client.post(
      `/v2/accounts/${owner.accountId}/teams`,
      { name: 'Colour' },
      { 'x-request-id': 'audit-req-1' },
    );
    teamId = team.body.id;
    // Everything above went through the outbox to the consumer; wait until it is all in.
    await eventually(
      () => log(owner, '?action=team.created'),
      (res) => res.body.data?.some((e: Entry) => e.subject.id === teamId),
    );
  });
  afterAll(async () => {
    await platform.close();
  });

  it('records who did what to what, when, with the request id and IP, newest first', async () => {
    const res = await log(owner);
    expect(res.status).toBe(200);
    const entries: Entry[] = res.body.data;
    const created = entries.find((e) => e.action === 'team.created' && e.subject.id === teamId);
    expect(created).toMatchObject({
      actor: { type: 'user', id: owner.userId, detail: null },
      subject: { type: 'team', id: teamId },
      details: { name: 'Colour' },
      requestId: 'audit-req-1',
      ip: expect.any(String),
    });
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['account.created', 'invitation.created', 'invitation.accepted']),
    );
    const times = entries.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('is for owners and admins: members get 403, outsiders 404', async () => {
    expect((await log(admin)).status).toBe(200);
    const forbidden = await log(member);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');
    expect((await log(outsider)).status).toBe(404);
    expect((await anon.get(`/v2/accounts/${owner.accountId}/audit-log`)).status).toBe(401);
  });

  it('filters by action (exact or prefix), actor, subject and time', async () => {
    const byPrefix: Entry[] = (await log(owner, '?action=invitation.*')).body.data;
    expect(new Set(byPrefix.map((e) => e.action))).toEqual(
      new Set(['invitation.created', 'invitation.accepted']),
    );
    const exact: Entry[] = (await log(owner, '?action=invitation.created')).body.data;
    expect(exact).toHaveLength(2);
    expect(exact.every((e) => e.action === 'invitation.created')).toBe(true);

    const byAdmin: Entry[] = (await log(owner, `?actorId=${admin.userId}`)).body.data;
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(byAdmin.every((e) => e.actor.id === admin.userId)).toBe(true);

    const bySubject: Entry[] = (await log(owner, `?subjectType=team&subjectId=${teamId}`)).body
      .data;
    expect(bySubject.map((e) => e.action).sort()).toEqual(['team.created', 'team.member_added']);

    const all: Entry[] = (await log(owner)).body.data;
    const pivot = all.find((e) => e.action === 'team.created' && e.subject.id === teamId);
    const from = encodeURIComponent(pivot?.occurredAt ?? '');
    const since: Entry[] = (await log(owner, `?from=${from}`)).body.data;
    expect(since.every((e) => (pivot ? e.occurredAt >= pivot.occurredAt : false))).toBe(true);
    expect(since.some((e) => e.eventId === pivot?.eventId)).toBe(true);
    const before: Entry[] = (await log(owner, `?to=${from}`)).body.data;
    expect(before.every((e) => (pivot ? e.occurredAt < pivot.occurredAt : false))).toBe(true);
    expect(before.length + since.length).toBe(all.length);
  });

  it('answers bad filters with 400 naming the field', async () => {
    for (const [query, field] of [
      ['?from=yesterday', 'from'],
      ['?to=2026-13-45T99:00:00Z', 'to'],
      ['?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['?action=DROP TABLE', 'action'],
      ['?limit=0', 'limit'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ]) {
      const res = await log(owner, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const all: Entry[] = (await log(owner)).body.data;
    expect(all.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: Entry[]; nextCursor: string | null } } = await log(
        owner,
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((e) => e.eventId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.eventId));
  });

  it('is idempotent by event id: a redelivered event adds no second entry', async () => {
    const event = new TeamCreated({
      actor: { type: 'user', id: owner.userId },
      accountId: owner.accountId,
      teamId,
      subject: { type: 'team', id: teamId },
      payload: { name: 'Twice' },
    });
    await Promise.all([consumer.handle(event), consumer.handle(event)]);
    await consumer.handle(event);
    expect(await prisma.auditLogEntry.count({ where: { eventId: event.id } })).toBe(1);
  });

  it('never stores secrets: they are dropped at any depth, the rest kept', async () => {
    const event = new CarelessEvent({
      actor: { type: 'user', id: owner.userId, apiTokenId: 'tok-1' },
      accountId: owner.accountId,
      subject: { type: 'thing', id: 'x' },
      payload: {
        name: 'kept',
        password: 'hunter2-secret-value',
        nested: { refreshToken: 'rt-value', passwordHash: 'scrypt-value', size: 3 },
        items: [{ apiSecret: 's-value', id: 'i1' }],
      },
    });
    await consumer.handle(event);
    const row = await prisma.auditLogEntry.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(row.details).toEqual({ name: 'kept', nested: { size: 3 }, items: [{ id: 'i1' }] });
    expect(row.actorDetail).toBe('api_token:tok-1');
    // Nothing from the whole flow (sign-ups, invitations) leaked a password or token either.
    const leaks = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM audit_log
      WHERE details::text ~* '(password|secret|token|hash)"\\s*:' OR details::text LIKE '%a-long-enough-password%'
         OR details::text LIKE '%dly_inv_%'`;
    expect(leaks[0].n).toBe(0);
  });

  it('stores text PostgreSQL cannot hold (NUL) instead of failing the delivery', async () => {
    const event = new TeamCreated({
      actor: { type: 'anonymous', displayName: 'Eve\u0000', reviewLinkId: 'rl-1' },
      accountId: owner.accountId,
      subject: { type: 'team', id: teamId },
      payload: { name: 'nul\u0000name' },
    });
    await consumer.handle(event);
    const row = await prisma.auditLogEntry.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({
      actorType: 'anonymous',
      actorId: 'rl-1',
      actorDetail: 'Eve\uFFFD',
      details: { name: 'nul\uFFFDname' },
    });
  });

  it('purges entries older than AUDIT_RETENTION_DAYS, for system jobs only, and audits it', async () => {
    const at = (daysAgo: number): DomainEvent =>
      new TeamCreated({
        actor: systemActor('test'),
        accountId: owner.accountId,
        subject: { type: 'team', id: teamId },
        payload: { name: `${daysAgo} days ago` },
        occurredAt: new Date(Date.now() - daysAgo * DAY_MS),
      });
    const old = at(40);
    const recent = at(20);
    await Promise.all([consumer.handle(old), consumer.handle(recent)]);

    const commands = platform.app.get(CommandBus);
    const refused = commands.execute(
      new PurgeAuditLogCommand({ type: 'user', id: owner.userId }, {}),
    );
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'forbidden' });
    expect(await prisma.auditLogEntry.count({ where: { eventId: old.id } })).toBe(1);

    const result = await commands.execute(new PurgeAuditLogCommand(systemActor('cron')));
    expect(result.deletedCount).toBe(1);
    expect(Date.now() - result.before.getTime()).toBeGreaterThanOrEqual(30 * DAY_MS);
    expect(await prisma.auditLogEntry.count({ where: { eventId: old.id } })).toBe(0);
    expect(await prisma.auditLogEntry.count({ where: { eventId: recent.id } })).toBe(1);

    const purged = await eventually(
      () => prisma.auditLogEntry.findFirst({ where: { action: 'audit_log.purged' } }),
      (row) => row !== null,
    );
    expect(purged).toMatchObject({
      actorType: 'system',
      actorId: 'cron',
      details: { deletedCount: 1, retentionDays: 30 },
    });
  });
});
