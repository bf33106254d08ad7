import { GraphqlModule } from '@dailies/api-graphql';
import { ApiV2Module } from '@dailies/api-v2';
import {
  mailedToken,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { Client } from 'pg';
import { format } from 'prettier';
import { signUp, SignedUpUser } from './testing/fixtures';

/** A GraphQL request over real HTTP. */
async function gql(
  client: TestClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; data: any; errors?: any[] }> {
  const res = await client.post('/graphql', { query, variables });
  return { status: res.status, data: res.body?.data, errors: res.body?.errors };
}

/**
 * Counts the SQL statements this process sends while `fn` runs (every `pg` client: Prisma's
 * adapter and the plain pool), leaving out the event runtime's own background work.
 */
async function countStatements(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = Client.prototype.query;
  const patched = function (this: Client, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
    if (text && !/event|deliver|dead_letter|notify|listen|lease|watchdog/i.test(text))
      seen.push(text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  Client.prototype.query = patched as typeof Client.prototype.query;
  try {
    await fn();
  } finally {
    Client.prototype.query = original;
  }
  return seen;
}

/** Resolves once half a second passes without a statement (the background work is done). */
async function quiet(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const seen = await countStatements(() => new Promise((resolve) => setTimeout(resolve, 500)));
    if (seen.length === 0) return;
  }
  throw new Error('the background work did not settle');
}

const SCHEMA_FILE = path.resolve(__dirname, '../../../libs/api-graphql/schema.graphql');

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const NESTED = `query Review($id: ID!, $assets: Int!) {
  project(id: $id) {
    id name access
    rootAsset {
      children(first: $assets) {
        pageInfo { hasNextPage }
        edges { node {
          id name type
          comments(first: 10) {
            edges { node {
              id text timestamp likeCount likedByMe
              author { id name anonymous }
              replies { id text author { id name } }
            } }
          }
        } }
      }
    }
  }
}`;

describe('GraphQL /graphql', () => {
  let platform: TestPlatform;
  let anonymous: TestClient;
  let owner: SignedUpUser;
  let stranger: SignedUpUser;
  let viewer: SignedUpUser;
  let project: { id: string; rootAssetId: string };
  const files: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module, GraphqlModule]);
    anonymous = new TestClient(platform.baseUrl);
    [owner, stranger, viewer] = await Promise.all([
      signUp(anonymous, 'Owner'),
      signUp(anonymous, 'Stranger'),
      signUp(anonymous, 'Viewer'),
    ]);
    const created = await gql(
      owner.client,
      `mutation($team: ID!) { createProject(teamId: $team, input: { name: "Cut 3" }) { id rootAssetId } }`,
      { team: owner.teamId },
    );
    expect(created.errors).toBeUndefined();
    project = created.data.createProject;
    // Someone outside the account is invited (consent) and joins by accepting the mailed link.
    const added = await gql(
      owner.client,
      `mutation($p: ID!, $e: String!) { addCollaborator(projectId: $p, input: { email: $e, role: viewer }) { outcome collaborator { userId } invitation { email projectId projectRole status } } }`,
      { p: project.id, e: viewer.email },
    );
    expect(added.data.addCollaborator).toEqual({
      outcome: 'invited',
      collaborator: null,
      invitation: {
        email: viewer.email,
        projectId: project.id,
        projectRole: 'viewer',
        status: 'pending',
      },
    });
    const token = await mailedToken(viewer.email, 'invitations/accept');
    const accepted = await gql(
      viewer.client,
      `mutation($t: String!) { acceptInvitation(token: $t) { id } }`,
      { t: token },
    );
    expect(accepted.errors).toBeUndefined();
    // 50 files with 10 comments each (the first comment of each with a reply), through /v2.
    await inBatches([...Array(50).keys()], 10, async (i) => {
      const res = await owner.client.post(`/v2/assets/${project.rootAssetId}/children`, {
        type: 'file',
        name: `shot-${String(i).padStart(2, '0')}.mov`,
        filetype: 'video/quicktime',
      });
      files[i] = res.body.id;
    });
    await inBatches(
      files.flatMap((id) => [...Array(10).keys()].map((n) => ({ id, n }))),
      25,
      async ({ id, n }) => {
        const res = await owner.client.post(`/v2/assets/${id}/comments`, {
          text: `note ${n}`,
          timestamp: n * 24,
        });
        if (n === 0)
          await owner.client.post(`/v2/comments/${res.body.id}/replies`, { text: 'agreed' });
      },
    );
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('answers me with the same auth as /v2, and account → teams → projects', async () => {
    const res = await gql(
      owner.client,
      `{ me { id email accounts(first: 10) { edges { node { id role
           teams(first: 10) { edges { node { id
             projects(first: 20) { edges { node { id name } } } } } } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toMatchObject({ id: owner.userId, email: owner.email });
    const account = res.data.me.accounts.edges[0].node;
    expect(account).toMatchObject({ id: owner.accountId, role: 'owner' });
    const projects = account.teams.edges.flatMap((t: any) => t.node.projects.edges);
    expect(projects.map((p: any) => p.node.id)).toContain(project.id);
  });

  it('refuses a missing or bad token with UNAUTHENTICATED, without a stack trace', async () => {
    const missing = await gql(anonymous, '{ me { id } }');
    expect(missing.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await gql(anonymous.as('not-a-token'), '{ me { id } }');
    expect(bad.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(bad.errors)).not.toMatch(/\.ts:\d+|stack/);
  });

  it('walks project → 50 assets → 10 comments → replies → authors in a bounded number of statements', async () => {
    // The consumers are still working through the set-up's 550 events: wait until they are
    // done, so that what is counted is the query's own statements.
    await quiet();
    let small: any;
    let large: any;
    const fewer = await countStatements(async () => {
      small = await gql(owner.client, NESTED, { id: project.id, assets: 5 });
    });
    const more = await countStatements(async () => {
      large = await gql(owner.client, NESTED, { id: project.id, assets: 50 });
    });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    const assets = large.data.project.rootAsset.children.edges;
    expect(assets).toHaveLength(50);
    expect(small.data.project.rootAsset.children.edges).toHaveLength(5);
    for (const { node } of assets) {
      expect(node.comments.edges).toHaveLength(10);
      expect(node.comments.edges[0].node.author).toEqual({
        id: owner.userId,
        name: 'Owner',
        anonymous: false,
      });
      expect(node.comments.edges[0].node.replies).toEqual([
        expect.objectContaining({ text: 'agreed', author: { id: owner.userId, name: 'Owner' } }),
      ]);
    }
    // Token, project, access facts, root asset, children (pick + rows), comments (assets,
    // threads, replies): the same handful for 5 assets as for 50.
    expect(more.length).toBeLessThanOrEqual(12);
    expect(more.length).toBe(fewer.length);
    expect(more.length).toBeGreaterThan(3);
  });

  it('shows what /v2 shows: NOT_FOUND for a stranger, nothing nested through a visible parent', async () => {
    const res = await gql(stranger.client, NESTED, { id: project.id, assets: 5 });
    expect(res.data?.project ?? null).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      message: 'Project not found',
      extensions: { code: 'NOT_FOUND' },
      path: ['project'],
    });
    const asset = await gql(stranger.client, `query($id: ID!) { asset(id: $id) { id } }`, {
      id: files[0],
    });
    expect(asset.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const v2 = await stranger.client.get(`/v2/assets/${files[0]}`);
    expect(v2.status).toBe(404);
  });

  it('maps domain errors to codes: BAD_USER_INPUT with the field, FORBIDDEN, CONFLICT', async () => {
    const invalid = await gql(
      owner.client,
      `mutation($a: ID!) { createComment(assetId: $a, input: { text: "   " }) { id } }`,
      { a: files[0] },
    );
    expect(invalid.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'text' })],
    });
    const forbidden = await gql(
      viewer.client,
      `mutation($a: ID!) { createComment(assetId: $a, input: { text: "hi" }) { id } }`,
      { a: files[0] },
    );
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const tooMany = await gql(
      owner.client,
      `query($id: ID!) { project(id: $id) { rootAsset { children(first: 101) { edges { cursor } } } } }`,
      { id: project.id },
    );
    expect(tooMany.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('runs the /v2 writes as mutations that return the changed object', async () => {
    const folder = await gql(
      owner.client,
      `mutation($p: ID!) { createAsset(parentId: $p, input: { type: folder, name: "Selects" }) { asset { id type name } upload { method } } }`,
      { p: project.rootAssetId },
    );
    expect(folder.data.createAsset).toMatchObject({
      asset: { type: 'folder', name: 'Selects' },
      upload: null,
    });
    const folderId = folder.data.createAsset.asset.id;
    const moved = await gql(
      owner.client,
      `mutation($a: ID!, $f: ID!) { moveAsset(id: $a, parentId: $f) { id parentId } }`,
      { a: files[49], f: folderId },
    );
    expect(moved.data.moveAsset).toEqual({ id: files[49], parentId: folderId });
    const comment = await gql(
      owner.client,
      `mutation($a: ID!) { createComment(assetId: $a, input: { text: "trim the head", timestamp: 12 }) { id text timestamp } }`,
      { a: files[1] },
    );
    const commentId = comment.data.createComment.id;
    const liked = await gql(
      owner.client,
      `mutation($c: ID!) { likeComment(id: $c) { id likeCount likedByMe } }`,
      { c: commentId },
    );
    expect(liked.data.likeComment).toEqual({ id: commentId, likeCount: 1, likedByMe: true });
    const completed = await gql(
      owner.client,
      `mutation($c: ID!) { completeComment(id: $c) { completed completedBy { id } } }`,
      { c: commentId },
    );
    expect(completed.data.completeComment).toEqual({
      completed: true,
      completedBy: { id: owner.userId },
    });
    const trashed = await gql(owner.client, `mutation($a: ID!) { trashAsset(id: $a) }`, {
      a: files[48],
    });
    expect(trashed.data.trashAsset).toBe(files[48]);
    expect((await owner.client.get(`/v2/assets/${files[48]}`)).status).toBe(404);
    const restored = await gql(
      owner.client,
      `mutation($a: ID!) { restoreAsset(id: $a) { id deletedAt } }`,
      { a: files[48] },
    );
    expect(restored.data.restoreAsset).toEqual({ id: files[48], deletedAt: null });
    const link = await gql(
      owner.client,
      `mutation($p: ID!, $a: ID!) { createReviewLink(projectId: $p, input: { name: "For client", assetIds: [$a] }) { id itemCount hasPassword } }`,
      { p: project.id, a: files[2] },
    );
    expect(link.data.createReviewLink).toMatchObject({ itemCount: 1, hasPassword: false });
    const read = await gql(
      owner.client,
      `mutation { markNotificationsRead(all: true) { unreadCount } }`,
    );
    expect(read.data.markNotificationsRead).toEqual({ unreadCount: 0 });
  });

  it('refuses queries over the depth and cost limits before running them', async () => {
    const deep = await gql(
      owner.client,
      `query($id: ID!) { project(id: $id) { rootAsset { children { edges { node { children { edges { node { children { edges { node { children { edges { node { id } } } } } } } } } } } } } } }`,
      { id: project.id },
    );
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions.code).toBe('QUERY_TOO_DEEP');
    const costly = await gql(
      owner.client,
      `query($id: ID!) { project(id: $id) { rootAsset { children(first: 100) { edges { node {
         children(first: 100) { edges { node { comments(first: 100) { edges { node { id } } } } } } } } } } } }`,
      { id: project.id },
    );
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(costly.data ?? null).toBeNull();
  });

  it('gives every edge its own cursor, to continue right after it (Relay)', async () => {
    const page = async (after?: string, first = 3) =>
      (
        await gql(
          owner.client,
          `query($id: ID!, $after: String, $first: Int) { project(id: $id) { rootAsset {
             children(first: $first, after: $after) {
               edges { cursor node { name } } pageInfo { hasNextPage endCursor } } } } }`,
          { id: project.id, first, ...(after ? { after } : {}) },
        )
      ).data.project.rootAsset.children;
    const first = await page();
    const cursors = first.edges.map((e: { cursor: string }) => e.cursor);
    expect(new Set(cursors).size).toBe(3);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: cursors[2] });
    // Continuing after the first edge gives the 2nd, 3rd and 4th items of the list.
    const names = (edges: { node: { name: string } }[]) => edges.map((e) => e.node.name);
    const firstFour = names((await page(undefined, 4)).edges);
    expect(names((await page(cursors[0])).edges)).toEqual(firstFour.slice(1, 4));
    // A list the domain pages with toPage: the inbox of the viewer (added to the project).
    const inbox = await gql(
      viewer.client,
      `{ notifications(first: 5) { edges { cursor } pageInfo { endCursor } } }`,
    );
    const inboxCursors = inbox.data.notifications.edges.map((e: { cursor: string }) => e.cursor);
    expect(inboxCursors.every((c: string) => c.length > 0)).toBe(true);
    expect(new Set(inboxCursors).size).toBe(inboxCursors.length);
  });

  it('serves exactly the committed schema.graphql', async () => {
    const { schema } = platform.app.get(GraphQLSchemaHost);
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    // The file is the printed schema formatted by Prettier: compare all but layout.
    const printed = await format(printSchema(lexicographicSortSchema(schema)), {
      parser: 'graphql',
    });
    const tokens = (sdl: string) => sdl.replace(/^#.*$/gm, '').replace(/[\s,]+/g, '');
    expect(tokens(committed)).toBe(tokens(printed));
  });

  it('takes legacy ids where it takes ids', async () => {
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE assets SET legacy_id = 'legacy-shot-7' WHERE id = $1`, [files[7]]);
    } finally {
      await db.end();
    }
    const res = await gql(owner.client, `{ asset(id: "legacy-shot-7") { id legacyId } }`);
    expect(res.data.asset).toEqual({ id: files[7], legacyId: 'legacy-shot-7' });
  });
});
