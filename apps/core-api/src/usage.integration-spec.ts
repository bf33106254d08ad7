import { CommandBus } from '@nestjs/cqrs';
import { ApiV2Module } from '@dailies/api-v2';
import { UsageConsumer } from '@dailies/consumer-usage';
import {
  AssetCopied,
  AssetCreated,
  AssetDeleted,
  AssetHardDeleted,
  AssetRestored,
  AssetUploadCompleted,
  DomainError,
  ProjectDeleted,
  ReconcileUsageCommand,
  StorageQuota,
  UsageDrift,
} from '@dailies/core';
import { newId, PrismaService } from '@dailies/db';
import {
  DeliveryContext,
  DomainEvent,
  ProcessedEvents,
  systemActor,
  UnitOfWork,
} from '@dailies/events';
import { problemFromDomainError } from '@dailies/http';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { SignedUpUser, signUp } from './testing/fixtures';

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('usage: kept current from asset events, reconciled from the assets, enforced', () => {
  let platform: TestPlatform;
  let anon: TestClient;
  let prisma: PrismaService;
  let consumer: UsageConsumer;
  let processed: ProcessedEvents;

  /** A delivery context like the runtime's, for handing events to the consumer directly. */
  const contextFor = (event: DomainEvent): DeliveryContext => ({
    consumer: 'usage',
    eventId: event.id,
    attempt: 1,
    maxAttempts: 8,
    signal: new AbortController().signal,
    once: (effect) => processed.runOnce('usage', event.id, effect),
  });

  async function newProject(user: SignedUpUser) {
    const res = await user.client.post(`/v2/teams/${user.teamId}/projects`, { name: 'Cuts' });
    expect(res.status).toBe(201);
    return { projectId: res.body.id as string, rootAssetId: res.body.rootAssetId as string };
  }

  const usageOf = async (user: SignedUpUser) =>
    (await user.client.get(`/v2/accounts/${user.accountId}/usage`)).body;

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    anon = new TestClient(platform.baseUrl);
    prisma = platform.app.get(PrismaService);
    consumer = platform.app.get(UsageConsumer);
    processed = platform.app.get(ProcessedEvents);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('follows a sequence of asset events through the outbox (trash still counts)', async () => {
    const owner = await signUp(anon, 'Uploader');
    const { projectId, rootAssetId } = await newProject(owner);
    const scope = {
      actor: { type: 'user' as const, id: owner.userId },
      accountId: owner.accountId,
      teamId: owner.teamId,
      projectId,
    };
    const uow = platform.app.get(UnitOfWork);
    const commit = (...events: DomainEvent[]) =>
      uow.run(async (_tx, recorder) => {
        for (const e of events) recorder.record(e);
      });
    const expectUsage = async (storageBytes: number, assetCount: number) => {
      const usage = await eventually(
        () => usageOf(owner),
        (u) => u.storageBytes === storageBytes && u.assetCount === assetCount,
      );
      expect(usage).toMatchObject({ storageBytes, assetCount });
    };
    const [a, b, folder] = [newId(), newId(), newId()];
    const created = (id: string, type: 'file' | 'folder', filesize: number) =>
      new AssetCreated({
        ...scope,
        subject: { type: 'asset', id },
        payload: {
          parentId: rootAssetId,
          type,
          name: id,
          filetype: null,
          filesize,
          creatorId: null,
        },
      });
    const uploaded = (id: string, filesize: number) =>
      new AssetUploadCompleted({
        ...scope,
        subject: { type: 'asset', id },
        payload: { filesize, status: 'ready', filetype: 'video/mp4', creatorId: null },
      });
    const totals = (assetCount: number, fileCount: number, storageBytes: number) => ({
      assetCount,
      fileCount,
      storageBytes,
    });

    const before = await usageOf(owner);
    expect(before).toMatchObject({ storageBytes: 0, assetCount: 0, updatedAt: null });
    expect(before.storageLimitBytes).toBeGreaterThan(0);

    await commit(created(a, 'file', 0), created(b, 'file', 0), created(folder, 'folder', 0));
    await expectUsage(0, 2);
    await commit(uploaded(a, 500), uploaded(b, 300));
    await expectUsage(800, 2);
    await commit(
      new AssetCopied({
        ...scope,
        subject: { type: 'asset', id: newId() },
        payload: {
          sourceId: folder,
          copyId: newId(),
          parentId: rootAssetId,
          commentCount: 0,
          ...totals(3, 2, 800),
        },
      }),
    );
    await expectUsage(1600, 4);
    await commit(
      new AssetDeleted({
        ...scope,
        subject: { type: 'asset', id: b },
        payload: { parentId: rootAssetId, creatorId: null, ...totals(1, 1, 300) },
      }),
      new AssetRestored({
        ...scope,
        subject: { type: 'asset', id: b },
        payload: { parentId: rootAssetId, creatorId: null, ...totals(1, 1, 300) },
      }),
      new AssetDeleted({
        ...scope,
        subject: { type: 'asset', id: b },
        payload: { parentId: rootAssetId, creatorId: null, ...totals(1, 1, 300) },
      }),
    );
    // In the trash it still occupies storage.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expectUsage(1600, 4);
    await commit(
      new AssetHardDeleted({
        ...scope,
        subject: { type: 'asset', id: b },
        payload: { deletedAt: new Date().toISOString(), ...totals(1, 1, 300) },
      }),
    );
    await expectUsage(1300, 3);
    await commit(
      new ProjectDeleted({
        ...scope,
        subject: { type: 'project', id: projectId },
        payload: {
          name: 'Cuts',
          fileCount: 2,
          storageBytes: 1000,
          trashedFileCount: 1,
          trashedStorageBytes: 300,
        },
      }),
    );
    await expectUsage(0, 0);
    expect((await usageOf(owner)).updatedAt).toEqual(expect.any(String));
  });

  it('agrees with a recount after real asset commands over HTTP', async () => {
    const owner = await signUp(anon, 'Editor');
    const { projectId, rootAssetId } = await newProject(owner);
    const api = owner.client;
    const child = async (parentId: string, body: Record<string, unknown>) => {
      const res = await api.post(`/v2/assets/${parentId}/children`, body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const expectUsage = async (storageBytes: number, assetCount: number) => {
      const usage = await eventually(
        () => usageOf(owner),
        (u) => u.storageBytes === storageBytes && u.assetCount === assetCount,
      );
      expect(usage).toMatchObject({ storageBytes, assetCount });
    };
    const expectNoDrift = async () => {
      const [report]: UsageDrift[] = await platform.app
        .get(CommandBus)
        .execute(new ReconcileUsageCommand(systemActor('test'), { accountId: owner.accountId }));
      expect(report.drift).toEqual({ storageBytes: 0, assetCount: 0 });
    };

    const folder = await child(rootAssetId, { type: 'folder', name: 'Shots' });
    const a = await child(folder, { type: 'file', name: 'a.mov', filesize: 400 });
    const b = await child(rootAssetId, { type: 'file', name: 'b.mov', filesize: 600 });
    await expectUsage(0, 2);
    expect((await api.put(`/v2/assets/${a}/upload-complete`, {})).status).toBe(200);
    await expectUsage(400, 2);
    const copy = await api.post(`/v2/assets/${folder}/copy`, { parentId: rootAssetId });
    expect(copy.status).toBe(201);
    await expectUsage(800, 3);
    expect((await api.delete(`/v2/assets/${folder}`)).status).toBeLessThan(300);
    expect((await api.post(`/v2/assets/${folder}/restore`, {})).status).toBe(200);
    expect((await api.delete(`/v2/assets/${folder}`)).status).toBeLessThan(300);
    await expectNoDrift();
    expect((await api.put(`/v2/assets/${b}/upload-complete`, {})).status).toBe(200);
    await expectUsage(1400, 3);
    await expectNoDrift();
    expect((await api.delete(`/v2/projects/${projectId}`)).status).toBe(204);
    await expectUsage(0, 0);
    await expectNoDrift();
  });

  it('counts an event once however often it is delivered', async () => {
    const owner = await signUp(anon, 'Redelivered');
    const event = new AssetUploadCompleted({
      actor: { type: 'user', id: owner.userId },
      accountId: owner.accountId,
      subject: { type: 'asset', id: newId() },
      payload: { filesize: 1234, status: 'ready', filetype: null, creatorId: null },
    });
    await Promise.all([
      consumer.handle(event, contextFor(event)),
      consumer.handle(event, contextFor(event)),
    ]);
    await consumer.handle(event, contextFor(event));
    expect(await usageOf(owner)).toMatchObject({ storageBytes: 1234, assetCount: 0 });
  });

  it('is visible to members, not to outsiders', async () => {
    const owner = await signUp(anon, 'Visible');
    const outsider = await signUp(anon, 'Nosy');
    const res = await owner.client.get(`/v2/accounts/${owner.accountId}/usage`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(
      ['accountId', 'assetCount', 'storageBytes', 'storageLimitBytes', 'updatedAt'].sort(),
    );
    expect((await outsider.client.get(`/v2/accounts/${owner.accountId}/usage`)).status).toBe(404);
  });

  describe('reconcile', () => {
    let owner: SignedUpUser;
    let projectId: string;
    let rootAssetId: string;

    const insertAsset = (
      type: 'file' | 'folder',
      status: 'uploading' | 'ready' | 'failed',
      filesize: number,
      trashed = false,
    ) =>
      prisma.asset.create({
        data: {
          id: newId(),
          projectId,
          accountId: owner.accountId,
          parentId: rootAssetId,
          type,
          name: `${type}-${status}`,
          status,
          filesize: BigInt(filesize),
          deletedAt: trashed ? new Date() : null,
          trashRootId: null,
        },
      });

    beforeAll(async () => {
      owner = await signUp(anon, 'Drifter');
      ({ projectId, rootAssetId } = await newProject(owner));
      await insertAsset('file', 'ready', 1000);
      await insertAsset('file', 'failed', 24);
      await insertAsset('file', 'uploading', 5000);
      await insertAsset('file', 'ready', 200, true);
      await insertAsset('folder', 'ready', 0);
    });

    it('recomputes from the assets by the usage rule, writes it and reports the drift', async () => {
      await prisma.accountUsage.upsert({
        where: { accountId: owner.accountId },
        create: { accountId: owner.accountId, storageBytes: 7n, assetCount: 1 },
        update: { storageBytes: 7n, assetCount: 1 },
      });
      const commands = platform.app.get(CommandBus);
      const actor = { type: 'user' as const, id: owner.userId };
      const [report]: UsageDrift[] = await commands.execute(
        new ReconcileUsageCommand(actor, { accountId: owner.accountId }),
      );
      // Files: ready 1000 + failed 24 + trashed 200 hold bytes; the pending upload does not.
      expect(report).toEqual({
        accountId: owner.accountId,
        before: { storageBytes: 7, assetCount: 1 },
        after: { storageBytes: 1224, assetCount: 4 },
        drift: { storageBytes: 1217, assetCount: 3 },
      });
      expect(await usageOf(owner)).toMatchObject({ storageBytes: 1224, assetCount: 4 });

      const [again]: UsageDrift[] = await commands.execute(
        new ReconcileUsageCommand(actor, { accountId: owner.accountId }),
      );
      expect(again.drift).toEqual({ storageBytes: 0, assetCount: 0 });
      const recorded = await prisma.event.findMany({
        where: { accountId: owner.accountId, name: 'usage.reconciled' },
      });
      expect(recorded).toHaveLength(1);
      expect(recorded[0].payload).toMatchObject({ drift: { storageBytes: 1217, assetCount: 3 } });
    });

    it('allows for usage events committed but not yet applied by the consumer', async () => {
      const asset = await insertAsset('file', 'ready', 700);
      // An upload whose usage delivery is still waiting (due in an hour: the runtime leaves it).
      const event = new AssetUploadCompleted({
        actor: systemActor('test'),
        accountId: owner.accountId,
        subject: { type: 'asset', id: asset.id },
        payload: { filesize: 700, status: 'ready', filetype: null, creatorId: null },
      });
      await prisma.$executeRaw`
        INSERT INTO events (id, name, schema_version, occurred_at, actor, account_id,
          subject_type, subject_id, payload)
        VALUES (${event.id}::uuid, 'asset.upload_completed', 1, now(), '{"type":"system","name":"test"}',
          ${owner.accountId}::uuid, 'asset', ${asset.id}, ${JSON.stringify(event.payload)}::jsonb)`;
      await prisma.$executeRaw`
        INSERT INTO event_deliveries (event_id, consumer, event_position, subject_type, subject_id,
          available_at)
        SELECT id, 'usage', position, subject_type, subject_id, now() + interval '1 hour'
        FROM events WHERE id = ${event.id}::uuid`;

      const [report]: UsageDrift[] = await platform.app
        .get(CommandBus)
        .execute(new ReconcileUsageCommand(systemActor('cron'), { accountId: owner.accountId }));
      expect(report.after).toEqual({ storageBytes: 1224, assetCount: 5 });
      // The delivery arrives: kept usage now matches the assets exactly.
      await consumer.handle(event, contextFor(event));
      expect(await usageOf(owner)).toMatchObject({ storageBytes: 1924, assetCount: 5 });
      await prisma.$executeRaw`DELETE FROM event_deliveries WHERE event_id = ${event.id}::uuid`;
    });

    it('is for the owner, staff and system jobs; every account at once for staff and jobs', async () => {
      const commands = platform.app.get(CommandBus);
      const member = await signUp(anon, 'Helper');
      const invite = await owner.client.post(`/v2/accounts/${owner.accountId}/invitations`, {
        email: member.email,
        role: 'admin',
      });
      await member.client.post('/v2/invitations/accept', { token: invite.body.token });
      const outsider = await signUp(anon, 'Stranger');
      const attempt = (actorId: string, accountId?: string) =>
        commands.execute(
          new ReconcileUsageCommand({ type: 'user', id: actorId }, accountId ? { accountId } : {}),
        );
      await expect(attempt(member.userId, owner.accountId)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(attempt(outsider.userId, owner.accountId)).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(attempt(owner.userId)).rejects.toMatchObject({ code: 'forbidden' });

      await prisma.accountUsage.update({
        where: { accountId: owner.accountId },
        data: { assetCount: 99 },
      });
      const drifted: UsageDrift[] = await commands.execute(
        new ReconcileUsageCommand(systemActor('cron')),
      );
      expect(drifted.find((d) => d.accountId === owner.accountId)?.drift).toEqual({
        storageBytes: 0,
        assetCount: 5 - 99,
      });
      expect(drifted.every((d) => d.drift.storageBytes !== 0 || d.drift.assetCount !== 0)).toBe(
        true,
      );
    });
  });

  it('refuses bytes beyond the storage limit with a storage-limit-exceeded problem', async () => {
    const owner = await signUp(anon, 'Full');
    await prisma.account.update({
      where: { id: owner.accountId },
      data: { storageLimitBytes: 1000n },
    });
    await prisma.accountUsage.create({
      data: { accountId: owner.accountId, storageBytes: 900n, assetCount: 1 },
    });
    const quota = platform.app.get(StorageQuota);
    await expect(quota.assertRoom(prisma, owner.accountId, 100)).resolves.toBeUndefined();
    const refused = await quota.assertRoom(prisma, owner.accountId, 101n).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'storage_limit_exceeded' });
    expect(problemFromDomainError(refused as DomainError)).toMatchObject({
      type: 'https://dailies.dev/problems/storage-limit-exceeded',
      status: 409,
    });
    // An account that never counted anything has its whole limit.
    const fresh = await signUp(anon, 'Empty');
    await expect(quota.assertRoom(prisma, fresh.accountId, 2n ** 40n)).rejects.toMatchObject({
      code: 'storage_limit_exceeded',
    });
    await expect(quota.assertRoom(prisma, fresh.accountId, 1024)).resolves.toBeUndefined();
  });
});
