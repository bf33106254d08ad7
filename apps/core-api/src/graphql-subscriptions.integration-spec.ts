import { GraphqlModule } from '@dailies/api-graphql';
import { ApiV2Module } from '@dailies/api-v2';
import { RunningPlatform, startPlatform } from '@dailies/platform';
import {
  startTestPlatform,
  TestClient,
  TestPlatform,
  addCollaboratorWithConsent,
  joinAccountWithConsent,
} from '@dailies/platform/testing';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signUp, SignedUpUser } from './testing/fixtures';

/** Live updates across two instances on one database, through a real graphql-ws client. */
describe('GraphQL subscriptions (graphql-ws) across instances', () => {
  let a: TestPlatform;
  let b: RunningPlatform;
  let owner: SignedUpUser;
  let reviewer: SignedUpUser;
  let stranger: SignedUpUser;
  let projectId: string;
  let fileId: string;
  const clients: Client[] = [];

  const wsUrl = (platform: RunningPlatform) => `${platform.baseUrl.replace(/^http/, 'ws')}/graphql`;

  function connect(
    platform: RunningPlatform,
    token: string | undefined,
    onClose?: (code: number) => void,
  ) {
    const client = createClient({
      url: wsUrl(platform),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
      on: { closed: (event) => onClose?.((event as { code: number }).code) },
    });
    clients.push(client);
    return client;
  }

  /** Collects what a subscription delivers; `errors` gets a refused subscription's errors. */
  function subscribe(client: Client, query: string, variables: Record<string, unknown>) {
    const received: any[] = [];
    const errors: unknown[] = [];
    const dispose = client.subscribe(
      { query, variables },
      {
        next: (value) => (value.errors ? errors.push(...value.errors) : received.push(value.data)),
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    );
    return { received, errors, dispose };
  }

  async function until(check: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const COMMENTS = `subscription($asset: ID!) { commentChanged(assetId: $asset) {
    kind eventId commentId comment { text author { id name } } } }`;

  beforeAll(async () => {
    a = await startTestPlatform([ApiV2Module, GraphqlModule]);
    b = await startPlatform({
      features: [ApiV2Module, GraphqlModule],
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: a.databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        MIGRATE_ON_START: 'false',
        DB_POOL_SIZE: '4',
        EVENTS_SWEEP_INTERVAL_MS: '200',
        EVENTS_SHUTDOWN_GRACE_MS: '2000',
        GRAPHQL_INTROSPECTION: 'false',
        GRAPHQL_KEEPALIVE_MS: '1000',
        // Either instance may send the queued mail: both to the test's SMTP server.
        SMTP_URL: a.mail!.url,
        EMAIL_SEND_INTERVAL_MS: '50',
      },
    });
    const anonymous = new TestClient(a.baseUrl);
    [owner, reviewer, stranger] = await Promise.all([
      signUp(anonymous, 'Owner'),
      signUp(anonymous, 'Reviewer'),
      signUp(anonymous, 'Stranger'),
    ]);
    const project = await owner.client.post(`/v2/teams/${owner.teamId}/projects`, { name: 'Live' });
    projectId = project.body.id;
    const file = await owner.client.post(`/v2/assets/${project.body.rootAssetId}/children`, {
      type: 'file',
      name: 'reel.mov',
    });
    fileId = file.body.id;
    const added = await addCollaboratorWithConsent(owner.client, projectId, reviewer, 'reviewer');
    expect(added.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await b?.close();
    await a?.close();
  });

  it('delivers the caller’s own new notifications, stored on any instance, and nobody else’s', async () => {
    const watcher = await signUp(new TestClient(a.baseUrl), 'Watcher');
    const NOTIFICATIONS = `subscription { notificationReceived { id kind title projectId commentId } }`;
    const mine = subscribe(connect(b, watcher.accessToken), NOTIFICATIONS, {});
    const owners = subscribe(connect(b, owner.accessToken), NOTIFICATIONS, {});
    await new Promise((resolve) => setTimeout(resolve, 500));

    // A member of the account is added directly, so they are told (an invitee accepts instead).
    await joinAccountWithConsent(owner.client, owner.accountId, watcher);
    const added = await owner.client.post(`/v2/projects/${projectId}/collaborators`, {
      userId: watcher.userId,
      role: 'reviewer',
    });
    expect(added.status).toBe(201);
    await until(() => mine.received.length >= 1);
    expect(mine.received[0].notificationReceived).toMatchObject({
      kind: 'added_to_project',
      projectId,
    });

    const comment = await owner.client.post(`/v2/assets/${fileId}/comments`, { text: 'Look here' });
    expect(comment.status).toBe(201);
    await until(() => mine.received.length >= 2);
    expect(mine.received[1].notificationReceived).toMatchObject({
      kind: 'comment',
      commentId: comment.body.id,
    });
    // The same notification is in the inbox the subscription announced.
    const inbox = await watcher.client.get('/v2/me/notifications');
    expect(inbox.body.data.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining(mine.received.map((r) => r.notificationReceived.id)),
    );
    // The owner acted: nothing for them.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(owners.received).toEqual([]);
    expect(owners.errors).toEqual([]);
    mine.dispose();
    owners.dispose();
  });

  it('delivers a comment committed on instance A to subscribers on instance B, and stops for a removed collaborator', async () => {
    const asReviewer = subscribe(connect(b, reviewer.accessToken), COMMENTS, { asset: fileId });
    const asOwner = subscribe(connect(b, owner.accessToken), COMMENTS, { asset: fileId });
    const assets = subscribe(
      connect(b, owner.accessToken),
      `subscription($p: ID!) { assetChanged(projectId: $p) { kind assetId asset { name } } }`,
      { p: projectId },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const first = await owner.client.post('/graphql', {
      query: `mutation($a: ID!) { createComment(assetId: $a, input: { text: "cut at 12" }) { id } }`,
      variables: { a: fileId },
    });
    const firstId = first.body.data.createComment.id;
    await until(() => asReviewer.received.length === 1 && asOwner.received.length === 1);
    expect(asReviewer.received[0].commentChanged).toMatchObject({
      kind: 'added',
      commentId: firstId,
      comment: { text: 'cut at 12', author: { id: owner.userId, name: 'Owner' } },
    });

    const renamed = await owner.client.patch(`/v2/assets/${fileId}`, { name: 'reel v2.mov' });
    expect(renamed.status).toBe(200);
    await until(() => assets.received.length === 1);
    expect(assets.received[0].assetChanged).toEqual({
      kind: 'updated',
      assetId: fileId,
      asset: { name: 'reel v2.mov' },
    });

    const removed = await owner.client.delete(
      `/v2/projects/${projectId}/collaborators/${reviewer.userId}`,
    );
    expect(removed.status).toBe(204);
    const second = await owner.client.post(`/v2/assets/${fileId}/comments`, { text: 'second' });
    expect(second.status).toBe(201);
    // The owner's subscription on the same instance proves the event arrived there…
    await until(() => asOwner.received.length === 2);
    expect(asOwner.received[1].commentChanged).toMatchObject({
      kind: 'added',
      commentId: second.body.id,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // …and the removed reviewer got nothing of it.
    expect(asReviewer.received).toHaveLength(1);
  });

  it('refuses what the caller may not see (NOT_FOUND) and sockets without a valid token', async () => {
    const refused = subscribe(connect(b, stranger.accessToken), COMMENTS, { asset: fileId });
    await until(() => refused.errors.length > 0);
    expect(JSON.stringify(refused.errors)).toContain('NOT_FOUND');

    let closedWith: number | undefined;
    const anonymous = subscribe(
      connect(b, undefined, (code) => (closedWith = code)),
      COMMENTS,
      {
        asset: fileId,
      },
    );
    await until(() => closedWith !== undefined);
    expect(anonymous.received).toHaveLength(0);
    expect(closedWith).not.toBe(1000);
  });

  it('answers introspection only where it is switched on', async () => {
    const query = { query: '{ __schema { queryType { name } } }' };
    const onA = await new TestClient(a.baseUrl).post('/graphql', query);
    expect(onA.body.data.__schema.queryType.name).toBe('Query');
    const onB = await new TestClient(b.baseUrl).post('/graphql', query);
    expect(onB.status).toBe(400);
    expect(onB.body.errors[0].message).toMatch(/introspection/i);
    // Without introspection, no "Did you mean …" hints at the schema either.
    const typo = { query: '{ mee { id } }' };
    expect(JSON.stringify((await new TestClient(a.baseUrl).post('/graphql', typo)).body)).toMatch(
      /Did you mean/,
    );
    const hidden = await new TestClient(b.baseUrl).post('/graphql', typo);
    expect(hidden.status).toBe(400);
    expect(JSON.stringify(hidden.body)).not.toMatch(/Did you mean/);
  });

  it('closes sockets with 1012 (reconnect) when the instance shuts down', async () => {
    let closedWith: number | undefined;
    const client = connect(b, owner.accessToken, (code) => (closedWith = code));
    subscribe(client, COMMENTS, { asset: fileId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await b.close();
    await until(() => closedWith !== undefined);
    expect(closedWith).toBe(1012);
  });
});
