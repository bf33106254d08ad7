import { ApiV1Module } from '@dailies/api-v1';
import { ApiV2Module } from '@dailies/api-v2';
import {
  addCollaboratorWithConsent,
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';

// Every /v1 route on data created in the new system (new ids everywhere), through real HTTP:
// records, both header styles, the legacy error shape, input leniency, streamed lists.

const RECORD_ATTRIBUTES = {
  users:
    'id email name account_ids timezone email_confirmed last_login_at settings deleted created_at updated_at',
  accounts:
    'id name owner_id plan storage_limit member_ids admin_ids team_ids deleted created_at updated_at',
  teams: 'id account_id name member_ids project_ids deleted created_at updated_at',
  projects:
    'id team_id name owner_id root_asset_id collaborator_ids reviewer_ids private archived deleted_at created_at updated_at',
  assets:
    'id project_id parent_id type name filetype filesize duration fps frames status label creator_id version child_ids properties deleted_at created_at updated_at',
  comments:
    'id asset_id owner_id text timestamp duration annotation parent_id completed completed_by completed_at like_ids private deleted created_at updated_at',
  review_links:
    'id project_id name short_code expires_at active allow_download item_ids created_by created_at updated_at',
};

/** Every attribute of SCHEMA.md (secrets left out), every value a string. */
function expectRecord(table: keyof typeof RECORD_ATTRIBUTES, record: Record<string, unknown>) {
  expect(Object.keys(record).sort()).toEqual(RECORD_ATTRIBUTES[table].split(' ').sort());
  for (const value of Object.values(record)) expect(typeof value).toBe('string');
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('/v1 routes on new data', () => {
  let platform: TestPlatform;
  let anonymous: TestClient;
  let token: string;
  let owner: { id: string; email: string; accountId: string; teamId: string };
  let projectId: string;
  let rootId: string;
  let v2: TestClient;

  /** A /v1 call with the older clients' header. */
  const v1 = (method: string, path: string, body?: unknown, auth = `Token token="${token}"`) =>
    anonymous.request(method, `/v1${path}`, body, auth ? { authorization: auth } : {});

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module, ApiV1Module], { LOG_LEVEL: 'error' });
    anonymous = new TestClient(platform.baseUrl);
    const email = `owner-${Date.now()}@example.com`;
    const signUp = await signUpAndLogIn(anonymous, {
      email,
      password: 'a-long-enough-password',
      name: 'Olga Owner',
    });
    expect(signUp.status).toBe(201);
    owner = {
      id: signUp.body.user.id,
      email,
      accountId: signUp.body.accountId,
      teamId: signUp.body.teamId,
    };
    v2 = anonymous.as(signUp.body.accessToken);
    const project = await v2.post(`/v2/teams/${owner.teamId}/projects`, {
      name: 'Spring Campaign',
    });
    expect(project.status).toBe(201);
    projectId = project.body.id;
    rootId = project.body.rootAssetId;
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('POST /v1/sessions answers {token, user} and the token works in both header styles', async () => {
    const res = await anonymous.post('/v1/sessions', {
      email: owner.email.toUpperCase(),
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(200);
    expect(typeof res.body.token).toBe('string');
    expectRecord('users', res.body.user);
    expect(res.body.user).toMatchObject({
      id: owner.id,
      email: owner.email,
      name: 'Olga Owner',
      account_ids: JSON.stringify([owner.accountId]),
      email_confirmed: 'false',
      settings: 'null',
      deleted: 'false',
    });
    // Signing in records the sign-in.
    expect(res.body.user.last_login_at).toMatch(ISO_MS);
    token = res.body.token;

    for (const header of [`Token token="${token}"`, `Token token=${token}`, `Bearer ${token}`]) {
      const me = await v1('GET', '/me', undefined, header);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(owner.id);
    }
  });

  it('refuses missing, malformed and wrong credentials with the legacy error shape', async () => {
    const cases: [string | null, number, string][] = [
      [null, 401, 'unauthorized'],
      ['Basic abc', 401, 'unauthorized'],
      ['Token token="nope"', 401, 'unauthorized'],
    ];
    for (const [header, status, code] of cases) {
      const res = await anonymous.get('/v1/me', header ? { authorization: header } : {});
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Object.keys(res.body).sort()).toEqual(['code', 'error']);
      expect(res.body.code).toBe(code);
    }
    const wrong = await anonymous.post('/v1/sessions', { email: owner.email, password: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: expect.any(String), code: 'unauthorized' });
  });

  it('errors raised before a route runs are legacy-shaped too (bad JSON, unknown route)', async () => {
    const badJson = await anonymous.request('POST', '/v1/sessions', '{"email":', {
      'content-type': 'application/json',
    });
    expect(badJson.status).toBe(422);
    expect(badJson.body).toEqual({ error: expect.any(String), code: 'invalid' });
    const unknown = await v1('GET', '/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: expect.any(String), code: 'not_found' });
    // /v2 keeps problem+json.
    const v2Unknown = await anonymous.get('/v2/nothing-here');
    expect(v2Unknown.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('GET /v1/me, /users/:id, /accounts/:id, /accounts/:id/teams, /teams/:id, /teams/:id/projects', async () => {
    const me = await v1('GET', '/me');
    expectRecord('users', me.body);
    const user = await v1('GET', `/users/${owner.id}`);
    expect(user.status).toBe(200);
    expect(user.body.id).toBe(owner.id);

    const account = await v1('GET', `/accounts/${owner.accountId}`);
    expect(account.status).toBe(200);
    expectRecord('accounts', account.body);
    expect(account.body).toMatchObject({
      id: owner.accountId,
      owner_id: owner.id,
      member_ids: JSON.stringify([owner.id]),
      admin_ids: '[]',
      team_ids: JSON.stringify([owner.teamId]),
      storage_limit: '2147483648',
      deleted: 'false',
    });

    const teams = await v1('GET', `/accounts/${owner.accountId}/teams`);
    expect(teams.status).toBe(200);
    expect(teams.headers.get('content-type')).toMatch(/^application\/json/);
    expect(teams.body).toHaveLength(1);
    expectRecord('teams', teams.body[0]);
    const team = await v1('GET', `/teams/${owner.teamId}`);
    expect(team.body).toEqual(teams.body[0]);
    expect(team.body.project_ids).toBe(JSON.stringify([projectId]));

    const projects = await v1('GET', `/teams/${owner.teamId}/projects`);
    expect(projects.status).toBe(200);
    expect(projects.body.map((p: { id: string }) => p.id)).toEqual([projectId]);
    expectRecord('projects', projects.body[0]);
    const project = await v1('GET', `/projects/${projectId}`);
    expect(project.body).toEqual(projects.body[0]);
    expect(project.body).toMatchObject({
      team_id: owner.teamId,
      owner_id: owner.id,
      root_asset_id: rootId,
      private: 'false',
      archived: 'false',
      deleted_at: 'null',
    });
  });

  it('creates, reads, lists, updates and trashes assets; inputs may be strings or numbers', async () => {
    const folder = await v1('POST', `/assets/${rootId}/children`, {
      type: 'folder',
      name: 'Dailies',
      colour: 'ignored: unknown attributes are ignored',
    });
    expect(folder.status).toBe(201);
    expectRecord('assets', folder.body);
    expect(folder.body).toMatchObject({
      project_id: projectId,
      parent_id: rootId,
      type: 'folder',
      name: 'Dailies',
      filetype: 'null',
      filesize: '0',
      creator_id: owner.id,
      version: '1',
      child_ids: '[]',
      deleted_at: 'null',
    });
    expect(folder.body.created_at).toMatch(ISO_MS);

    const asString = await v1('POST', `/assets/${folder.body.id}/children`, {
      type: 'file',
      name: 'A001.mov',
      filetype: 'video/quicktime',
      filesize: '1048576',
    });
    const asNumber = await v1('POST', `/assets/${folder.body.id}/children`, {
      type: 'file',
      name: 'A002.mov',
      filetype: 'video/quicktime',
      filesize: 1048576,
    });
    for (const file of [asString, asNumber]) {
      expect(file.status).toBe(201);
      expect(file.body).toMatchObject({ type: 'file', filesize: '1048576', status: 'uploading' });
    }

    const got = await v1('GET', `/assets/${folder.body.id}`);
    expect(got.body.child_ids).toBe(JSON.stringify([asString.body.id, asNumber.body.id]));
    const children = await v1('GET', `/assets/${folder.body.id}/children`);
    expect(children.body.map((a: { id: string }) => a.id)).toEqual([
      asString.body.id,
      asNumber.body.id,
    ]);
    const all = await v1('GET', `/projects/${projectId}/assets`);
    expect(all.status).toBe(200);
    expect(all.body.map((a: { id: string }) => a.id).sort()).toEqual(
      [rootId, folder.body.id, asString.body.id, asNumber.body.id].sort(),
    );
    for (const a of all.body) expectRecord('assets', a);

    const renamed = await v1('PUT', `/assets/${asString.body.id}`, {
      name: 'A001 v2.mov',
      label: 'approved',
      status: 'ready', // not changeable here: ignored
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: 'A001 v2.mov',
      label: 'approved',
      status: 'uploading',
    });
    const invalid = await v1('PUT', `/assets/${asString.body.id}`, { label: 'gorgeous' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('invalid');

    const deleted = await v1('DELETE', `/assets/${asNumber.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: 'true' });
    // Absent from lists; fetched by id, back with deleted_at set.
    const after = await v1('GET', `/assets/${folder.body.id}/children`);
    expect(after.body.map((a: { id: string }) => a.id)).toEqual([asString.body.id]);
    const trashed = await v1('GET', `/assets/${asNumber.body.id}`);
    expect(trashed.status).toBe(200);
    expect(trashed.body.deleted_at).toMatch(ISO_MS);
    const rootDelete = await v1('DELETE', `/assets/${rootId}`);
    expect(rootDelete.status).toBe(409);
    expect(rootDelete.body.code).toBe('conflict');
  });

  it('comments: create, reply, list oldest first, update text and completion, delete', async () => {
    const file = await v1('POST', `/assets/${rootId}/children`, {
      type: 'file',
      name: 'Cut.mp4',
      filetype: 'video/mp4',
      filesize: 10,
    });
    const top = await v1('POST', `/assets/${file.body.id}/comments`, {
      text: 'Trim the head',
      timestamp: '120',
      duration: 24,
      annotation: '{"tool":"pen","points":[[1,2]]}',
      private: 'maybe', // not an attribute a client sets here: ignored
    });
    expect(top.status).toBe(201);
    expectRecord('comments', top.body);
    expect(top.body).toMatchObject({
      asset_id: file.body.id,
      owner_id: owner.id,
      text: 'Trim the head',
      timestamp: '120',
      duration: '24',
      annotation: '{"tool":"pen","points":[[1,2]]}',
      parent_id: 'null',
      completed: 'false',
      like_ids: '[]',
      deleted: 'false',
    });
    const numeric = await v1('POST', `/assets/${file.body.id}/comments`, {
      text: 'Same frame',
      timestamp: 120,
      annotation: { tool: 'pen' },
    });
    expect(numeric.body).toMatchObject({ timestamp: '120', annotation: '{"tool":"pen"}' });
    const reply = await v1('POST', `/assets/${file.body.id}/comments`, {
      text: 'Done',
      parent_id: top.body.id,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.parent_id).toBe(top.body.id);

    const listed = await v1('GET', `/assets/${file.body.id}/comments`);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([
      top.body.id,
      numeric.body.id,
      reply.body.id,
    ]);

    const completed = await v1('PUT', `/comments/${top.body.id}`, {
      completed: 'true',
      text: 'Trim the head by 12 frames',
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({
      text: 'Trim the head by 12 frames',
      completed: 'true',
      completed_by: owner.id,
    });
    expect(completed.body.completed_at).toMatch(ISO_MS);
    const reopened = await v1('PUT', `/comments/${top.body.id}`, { completed: false });
    expect(reopened.body).toMatchObject({ completed: 'false', completed_by: 'null' });
    const bad = await v1('POST', `/assets/${file.body.id}/comments`, {
      text: 'x',
      timestamp: '1.5',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid');

    const deleted = await v1('DELETE', `/comments/${numeric.body.id}`);
    expect(deleted.body).toEqual({ deleted: 'true' });
    const remaining = await v1('GET', `/assets/${file.body.id}/comments`);
    expect(remaining.body.map((c: { id: string }) => c.id)).toEqual([top.body.id, reply.body.id]);
    const again = await v1('DELETE', `/comments/${numeric.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('not_found');
  });

  it('GET /v1/review_links/:short_code is public; a password-protected link takes ?password=', async () => {
    const file = await v1('POST', `/assets/${rootId}/children`, {
      type: 'file',
      name: 'Shared.mp4',
      filetype: 'video/mp4',
      filesize: 10,
    });
    const open = await v2.post(`/v2/projects/${projectId}/review-links`, {
      name: 'Client review',
      assetIds: [file.body.id],
      allowDownload: true,
    });
    expect(open.status).toBe(201);
    const page = await anonymous.get(`/v1/review_links/${open.body.shortCode}`);
    expect(page.status).toBe(200);
    expectRecord('review_links', page.body.review_link);
    expect(page.body.review_link).toMatchObject({
      id: open.body.id,
      project_id: projectId,
      short_code: open.body.shortCode,
      allow_download: 'true',
      active: 'true',
      item_ids: JSON.stringify([file.body.id]),
      created_by: owner.id,
    });
    expect(page.body.assets.map((a: { id: string }) => a.id)).toEqual([file.body.id]);
    expectRecord('assets', page.body.assets[0]);

    const locked = await v2.post(`/v2/projects/${projectId}/review-links`, {
      name: 'Secret',
      assetIds: [file.body.id],
      password: 'open sesame',
    });
    const without = await anonymous.get(`/v1/review_links/${locked.body.shortCode}`);
    expect(without.status).toBe(401);
    expect(without.body.code).toBe('unauthorized');
    const wrong = await anonymous.get(`/v1/review_links/${locked.body.shortCode}?password=nope`);
    expect(wrong.status).toBe(401);
    const right = await anonymous.get(
      `/v1/review_links/${locked.body.shortCode}?password=${encodeURIComponent('open sesame')}`,
    );
    expect(right.status).toBe(200);
    expect(right.body.review_link.password_digest).toBeUndefined();
    const missing = await anonymous.get('/v1/review_links/nosuchcode');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('a reviewer may view and comment but not change assets (403 forbidden)', async () => {
    const reviewerEmail = `rev-${Date.now()}@example.com`;
    const signUp = await signUpAndLogIn(anonymous, {
      email: reviewerEmail,
      password: 'a-long-enough-password',
      name: 'Rita Reviewer',
    });
    const reviewer = signUp.body.accessToken as string;
    const as = (method: string, path: string, body?: unknown) =>
      v1(method, path, body, `Bearer ${reviewer}`);
    // Consent: naming a person outside the account invites them; until they accept, neither
    // sees the other's /v1 user record.
    const invited = await v2.post(`/v2/projects/${projectId}/collaborators`, {
      email: reviewerEmail,
      role: 'reviewer',
    });
    expect(invited.status).toBe(202);
    expect((await v1('GET', `/users/${signUp.body.user.id}`)).status).toBe(404);
    expect((await as('GET', `/users/${owner.id}`)).status).toBe(404);
    expect((await as('GET', `/projects/${projectId}`)).status).toBe(404);
    const added = await addCollaboratorWithConsent(
      v2,
      projectId,
      { client: anonymous.as(reviewer), email: reviewerEmail },
      'reviewer',
    );
    expect(added.status).toBe(201);
    expect((await as('GET', `/projects/${projectId}`)).body.reviewer_ids).toBe(
      JSON.stringify([signUp.body.user.id]),
    );
    const create = await as('POST', `/assets/${rootId}/children`, { type: 'folder', name: 'X' });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('forbidden');
    // They share a project: each may see the other.
    expect((await as('GET', `/users/${owner.id}`)).status).toBe(200);
    expect((await v1('GET', `/users/${signUp.body.user.id}`)).status).toBe(200);
  });
});
