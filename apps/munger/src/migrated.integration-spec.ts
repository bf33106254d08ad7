import { LEGACY_TABLES, LegacyTableName, RawItem } from '@dailies/legacy';
import { FIXTURE_PASSWORD } from '@dailies/legacy/testing';
import { signUpAndLogIn, TestClient } from '@dailies/platform/testing';
import { goldenRules, list } from './testing/golden-rules';
import { MigratedPlatform, startMigratedPlatform } from './testing/migrated-platform';

// Golden tests of the Munger on migrated data: every record /v1 serves equals the legacy record
// it came from, attribute by attribute, under API.md's normalisations — the canonical form of the
// source record (its table definition's toLegacy(toNew(parse(raw))): numbers as the shortest
// plain decimal, timestamps ISO with milliseconds, booleans and "null" spelled out, defaults of
// documented record-local repairs applied), JSON attributes compared as JSON (jsonb keeps neither
// key order nor spacing), and lists as the current truth computed from the source data with
// SCHEMA.md's rules. Attributes changed by a documented cross-record repair are left out with the
// repair named. Then isolation, and writes through /v1 seen through /v2 with their events.

type Table = LegacyTableName;
type Served = Record<Table, Map<string, RawItem>>;

describe('the Munger on migrated legacy data', () => {
  let m: MigratedPlatform;
  let http: TestClient;
  const served: Served = {
    users: new Map(),
    accounts: new Map(),
    teams: new Map(),
    projects: new Map(),
    assets: new Map(),
    comments: new Map(),
    review_links: new Map(),
  };
  /** Account legacy id → a token of its owner (signed in through /v1 with the legacy password). */
  const ownerTokens = new Map<string, string>();
  /** Account legacy id → the legacy id of its owner. */
  const ownerIds = new Map<string, string>();
  const signedIn = new Set<string>();

  const get = async (path: string, token?: string) => {
    const res = await http.get(
      `/v1${path}`,
      token ? { authorization: `Token token="${token}"` } : {},
    );
    return res;
  };
  const { migrated, expected, notServedBecause, compare, accountMembers } = goldenRules(
    () => m,
    signedIn,
  );

  beforeAll(async () => {
    m = await startMigratedPlatform(11);
    http = new TestClient(m.platform.baseUrl);
    const { rows: owners } = await m.db.query<{
      email: string;
      legacy_id: string;
      account: string;
    }>(`
      SELECT u.email, u.legacy_id, a.legacy_id AS account FROM memberships mb
      JOIN users u ON u.id = mb.user_id JOIN accounts a ON a.id = mb.account_id
      WHERE mb.role = 'owner'`);
    for (const owner of owners) {
      const res = await http.post('/v1/sessions', {
        email: owner.email,
        password: FIXTURE_PASSWORD,
      });
      expect(res.status).toBe(200);
      ownerTokens.set(owner.account, res.body.token);
      ownerIds.set(owner.account, owner.legacy_id);
      signedIn.add(owner.legacy_id);
      served.users.set(res.body.user.id, res.body.user);
    }
    expect(ownerTokens.size).toBeGreaterThanOrEqual(2);

    // Walk everything each owner sees, the way an old client does.
    for (const [accountId, token] of ownerTokens) {
      const account = await get(`/accounts/${accountId}`, token);
      expect(account.status).toBe(200);
      served.accounts.set(accountId, account.body);
      const teams = await get(`/accounts/${accountId}/teams`, token);
      expect(teams.status).toBe(200);
      for (const team of teams.body as RawItem[]) {
        served.teams.set(team.id, team);
        expect((await get(`/teams/${team.id}`, token)).body).toEqual(team);
        const projects = await get(`/teams/${team.id}/projects`, token);
        for (const project of projects.body as RawItem[]) {
          served.projects.set(project.id, project);
          expect((await get(`/projects/${project.id}`, token)).body).toEqual(project);
          const assets = await get(`/projects/${project.id}/assets`, token);
          expect(assets.status).toBe(200);
          for (const asset of assets.body as RawItem[]) {
            expect(served.assets.has(asset.id)).toBe(false); // each asset once
            served.assets.set(asset.id, asset);
          }
        }
      }
    }
    // Comments of every asset the source has comments on; trashed assets fetched by id.
    const tokenOfProject = (projectLegacyId: string): string | undefined => {
      const project = m.source.projects.get(projectLegacyId);
      const team = project && m.source.teams.get(project.team_id);
      return team && ownerTokens.get(team.account_id);
    };
    const commented = new Set([...m.source.comments.values()].map((c) => c.asset_id));
    for (const assetId of commented) {
      const asset = served.assets.get(assetId);
      if (!asset) continue;
      const res = await get(`/assets/${assetId}/comments`, tokenOfProject(asset.project_id));
      expect(res.status).toBe(200);
      for (const c of res.body as RawItem[]) served.comments.set(c.id, c);
    }
    for (const [id, raw] of m.source.assets) {
      if (!migrated('assets', id) || served.assets.has(id)) continue;
      const res = await get(`/assets/${id}`, tokenOfProject(raw.project_id));
      expect(res.status).toBe(200);
      expect(res.body.deleted_at).not.toBe('null'); // only trashed assets are absent from lists
      served.assets.set(id, res.body);
    }
    for (const [id, raw] of m.source.users) {
      if (!migrated('users', id) || served.users.has(id)) continue;
      for (const token of ownerTokens.values()) {
        const res = await get(`/users/${raw.id}`, token);
        if (res.status === 200) {
          served.users.set(id, res.body);
          break;
        }
        expect(res.body.code).toBe('not_found');
      }
    }
    for (const [id, raw] of m.source.review_links) {
      if (!migrated('review_links', id)) continue;
      const res = await get(`/review_links/${raw.short_code}`);
      if (res.status === 404 && raw.expires_at !== 'null') continue; // expired: not found
      expect(res.status).toBe(200);
      served.review_links.set(id, res.body.review_link);
      for (const asset of res.body.assets as RawItem[]) {
        expect(asset).toEqual(served.assets.get(asset.id));
      }
    }
  }, 180_000);

  afterAll(async () => {
    await m?.close();
  });

  for (const table of Object.keys(LEGACY_TABLES) as Table[]) {
    it(`serves every migrated ${table} record as the legacy record it came from`, () => {
      const problems: string[] = [];
      let compared = 0;
      for (const [id, raw] of m.source[table]) {
        if (!migrated(table, id)) {
          // Rejected records are served to no one.
          expect(served[table].has(id)).toBe(false);
          continue;
        }
        const reason = notServedBecause(table, raw);
        if (reason) {
          expect([table, id, served[table].has(id)]).toEqual([table, id, false]);
          continue;
        }
        const got = served[table].get(id);
        if (!got) {
          problems.push(`${table} ${id} was not served`);
          continue;
        }
        const want = expected(table, raw).record;
        expect(Object.keys(got).sort()).toEqual(
          LEGACY_TABLES[table].attributes.filter((a) => a !== 'password_digest').sort(),
        );
        problems.push(...compare(table, id, got, want));
        compared++;
      }
      expect(problems).toEqual([]);
      expect(compared).toBeGreaterThan(0);
      // Nothing is served that did not come from the source.
      for (const id of served[table].keys()) expect(m.source[table].has(id)).toBe(true);
    });
  }

  it('covers what matters: private, archived and trashed records, every asset type, replies', () => {
    const assets = [...served.assets.values()];
    expect(new Set(assets.map((a) => a.type))).toEqual(
      new Set(['folder', 'file', 'version_stack']),
    );
    expect(assets.some((a) => a.deleted_at !== 'null')).toBe(true);
    expect([...served.projects.values()].some((p) => p.private === 'true')).toBe(true);
    expect([...served.projects.values()].some((p) => p.archived === 'true')).toBe(true);
    expect([...served.comments.values()].some((c) => c.parent_id !== 'null')).toBe(true);
    expect([...served.comments.values()].some((c) => c.private === 'true')).toBe(true);
    expect(served.assets.size).toBeGreaterThan(400);
  });

  describe('isolation', () => {
    it('a user of another account gets the legacy not_found on every route', async () => {
      const { login } = m.fixtures;
      const outsider = await signUpAndLogIn(http, {
        email: `outsider-${Date.now()}@example.com`,
        password: 'a-long-enough-password',
        name: 'Otto Outsider',
      });
      expect(outsider.status).toBe(201);
      const tokens = [outsider.body.accessToken as string];
      // And the owner of another migrated account, when they share nothing with this one.
      const project = m.source.projects.get(login.projectLegacyId) as RawItem;
      const accountId = (m.source.teams.get(project.team_id) as RawItem).account_id;
      const insiders = accountMembers(accountId);
      for (const [other, token] of ownerTokens) {
        const ownerOfOther = ownerIds.get(other) ?? '';
        const collaborates = [...m.source.projects.values()].some(
          (p) =>
            m.source.teams.get(p.team_id)?.account_id === accountId &&
            [...list(p.collaborator_ids), ...list(p.reviewer_ids)].includes(ownerOfOther),
        );
        if (other !== accountId && !insiders.has(ownerOfOther) && !collaborates) {
          tokens.push(token);
        }
      }
      expect(tokens.length).toBe(2);
      const comment = [...served.comments.values()].find(
        (c) => served.assets.get(c.asset_id)?.project_id === login.projectLegacyId,
      ) as RawItem;
      const root = served.projects.get(login.projectLegacyId)?.root_asset_id as string;
      // A member of this account only, who collaborates on no project of another account.
      const collaboratesElsewhere = (userId: string) =>
        [...m.source.projects.values()].some(
          (p) =>
            m.source.teams.get(p.team_id)?.account_id !== accountId &&
            [...list(p.collaborator_ids), ...list(p.reviewer_ids)].includes(userId),
        );
      const member = [...served.users.values()].find(
        (u) => u.account_ids === JSON.stringify([accountId]) && !collaboratesElsewhere(u.id),
      ) as RawItem;
      expect(member).toBeDefined();
      const routes: [string, string, unknown?][] = [
        ['GET', `/users/${member.id}`],
        ['GET', `/accounts/${accountId}`],
        ['GET', `/accounts/${accountId}/teams`],
        ['GET', `/teams/${project.team_id}`],
        ['GET', `/teams/${project.team_id}/projects`],
        ['GET', `/projects/${login.projectLegacyId}`],
        ['GET', `/projects/${login.projectLegacyId}/assets`],
        ['GET', `/assets/${login.fileLegacyId}`],
        ['GET', `/assets/${root}/children`],
        ['POST', `/assets/${root}/children`, { type: 'folder', name: 'Intruder' }],
        ['PUT', `/assets/${login.fileLegacyId}`, { name: 'Mine now' }],
        ['DELETE', `/assets/${login.fileLegacyId}`],
        ['GET', `/assets/${comment.asset_id}/comments`],
        ['POST', `/assets/${comment.asset_id}/comments`, { text: 'hi' }],
        ['POST', `/assets/${comment.asset_id}/comments`, { text: 'hi', parent_id: comment.id }],
        ['PUT', `/comments/${comment.id}`, { text: 'edited', completed: 'true' }],
        ['DELETE', `/comments/${comment.id}`],
      ];
      for (const token of tokens) {
        for (const [method, path, body] of routes) {
          const res = await http.request(method, `/v1${path}`, body, {
            authorization: `Token token="${token}"`,
          });
          expect([method, path, res.status, res.body]).toEqual([
            method,
            path,
            404,
            { error: expect.any(String), code: 'not_found' },
          ]);
        }
      }
      // Nothing changed.
      const owner = ownerTokens.get(accountId) as string;
      expect((await get(`/assets/${login.fileLegacyId}`, owner)).body).toEqual(
        served.assets.get(login.fileLegacyId),
      );
    });
  });

  describe('writes through /v1', () => {
    let token: string;
    let v2: TestClient;
    let files: string[];
    let folderId: string;

    beforeAll(() => {
      const { login } = m.fixtures;
      const project = m.source.projects.get(login.projectLegacyId) as RawItem;
      token = ownerTokens.get(
        (m.source.teams.get(project.team_id) as RawItem).account_id,
      ) as string;
      v2 = http.as(token);
      const live = [...served.assets.values()].filter(
        (a) => a.project_id === login.projectLegacyId && a.deleted_at === 'null',
      );
      files = live
        .filter((a) => a.type === 'file' && served.assets.get(a.parent_id)?.type === 'folder')
        .map((a) => a.id);
      folderId = served.projects.get(login.projectLegacyId)?.root_asset_id as string;
      expect(files.length).toBeGreaterThan(6);
    });

    const v1 = (method: string, path: string, body?: unknown) =>
      http.request(method, `/v1${path}`, body, { authorization: `Token token="${token}"` });
    /** The names of the events a write recorded (the outbox, in commit order). */
    const eventsOf = async (write: () => Promise<{ status: number }>, status: number) => {
      const { rows } = await m.db.query<{ max: string | null }>('SELECT max(position) FROM events');
      const res = await write();
      expect(res.status).toBe(status);
      const { rows: events } = await m.db.query<{ name: string }>(
        'SELECT name FROM events WHERE position > $1 ORDER BY position',
        [rows[0].max ?? '0'],
      );
      return events.map((e) => e.name);
    };

    it('create, update and trash assets: seen by /v2, the same events as the /v2 twins', async () => {
      let created: RawItem = {};
      const v1Create = await eventsOf(async () => {
        const res = await v1('POST', `/assets/${folderId}/children`, {
          type: 'folder',
          name: 'From v1',
        });
        created = res.body;
        return res;
      }, 201);
      const v2Create = await eventsOf(
        () => v2.post(`/v2/assets/${folderId}/children`, { type: 'folder', name: 'From v2' }),
        201,
      );
      expect(v1Create).toEqual(v2Create);
      expect(v1Create.length).toBeGreaterThan(0);
      const seen = await v2.get(`/v2/assets/${created.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ name: 'From v1', parentId: folderId, type: 'folder' });

      // A label neither file has yet, so that both writes change it.
      const label = ['none', 'in_progress', 'needs_review', 'approved'].find(
        (l) => ![files[0], files[1]].some((f) => served.assets.get(f)?.label === l),
      );
      const v1Update = await eventsOf(
        () => v1('PUT', `/assets/${files[0]}`, { name: 'Renamed in v1', label }),
        200,
      );
      const v2Update = await eventsOf(
        () => v2.patch(`/v2/assets/${files[1]}`, { name: 'Renamed in v2', label }),
        200,
      );
      expect(v1Update).toContain('asset.label_changed');
      expect(v1Update).toEqual(v2Update);
      expect((await v2.get(`/v2/assets/${files[0]}`)).body).toMatchObject({
        name: 'Renamed in v1',
        label,
        legacyId: files[0],
      });

      const v1Trash = await eventsOf(() => v1('DELETE', `/assets/${files[2]}`), 200);
      const v2Trash = await eventsOf(() => v2.delete(`/v2/assets/${files[3]}`), 204);
      expect(v1Trash).toEqual(v2Trash);
      expect((await v2.get(`/v2/assets/${files[2]}`)).status).toBe(404);
      const trash = await v2.get(
        `/v2/projects/${m.fixtures.login.projectLegacyId}/trash?limit=100`,
      );
      expect(trash.body.data.map((a: { id: string }) => a.id)).toContain(files[2]);
    });

    it('comments, replies, edits, completion and deletion: the same events as the /v2 twins', async () => {
      const [a, b] = [files[4], files[5]];
      let top: RawItem = {};
      const v1Comment = await eventsOf(async () => {
        const res = await v1('POST', `/assets/${a}/comments`, { text: 'From v1', timestamp: '12' });
        top = res.body;
        return res;
      }, 201);
      let twin: { id: string } = { id: '' };
      const v2Comment = await eventsOf(async () => {
        const res = await v2.post(`/v2/assets/${b}/comments`, { text: 'From v2', timestamp: 12 });
        twin = res.body;
        return res;
      }, 201);
      expect(v1Comment).toEqual(v2Comment);
      expect(v1Comment).toContain('comment.created');
      const thread = await v2.get(`/v2/comments/${top.id}`);
      expect(thread.body).toMatchObject({ text: 'From v1', timestamp: 12, assetId: a });

      expect(
        await eventsOf(
          () => v1('POST', `/assets/${a}/comments`, { text: 'Re', parent_id: top.id }),
          201,
        ),
      ).toEqual(
        await eventsOf(() => v2.post(`/v2/comments/${twin.id}/replies`, { text: 'Re' }), 201),
      );
      expect(
        await eventsOf(() => v1('PUT', `/comments/${top.id}`, { text: 'Edited' }), 200),
      ).toEqual(await eventsOf(() => v2.patch(`/v2/comments/${twin.id}`, { text: 'Edited' }), 200));
      expect(
        await eventsOf(() => v1('PUT', `/comments/${top.id}`, { completed: true }), 200),
      ).toEqual(await eventsOf(() => v2.post(`/v2/comments/${twin.id}/complete`), 200));
      expect((await v2.get(`/v2/comments/${top.id}`)).body).toMatchObject({
        text: 'Edited',
        completed: true,
      });
      expect(await eventsOf(() => v1('DELETE', `/comments/${top.id}`), 200)).toEqual(
        await eventsOf(() => v2.delete(`/v2/comments/${twin.id}`), 204),
      );
      expect((await v2.get(`/v2/comments/${top.id}`)).status).toBe(404);
    });
  });
});
