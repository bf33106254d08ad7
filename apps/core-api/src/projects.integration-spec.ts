import { addCollaboratorWithConsent } from '@dailies/platform/testing';
import { SignedUpUser, signUp } from './testing/fixtures';
import { httpSuite } from './testing/http-suite';

describe('projects and collaborators over HTTP', () => {
  const s = httpSuite('Owner');

  /** A new user who joins the s.owner's account (and the given team) through an invitation. */
  const join = async (name: string, options: { role?: 'admin' | 'member'; teamId?: string }) => {
    const user = await signUp(s.anon, name);
    const invite = await s.owner.client.post(`/v2/accounts/${s.owner.accountId}/invitations`, {
      email: user.email,
      role: options.role ?? 'member',
      teamId: options.teamId,
    });
    expect(invite.status).toBe(201);
    const accepted = await user.client.post('/v2/invitations/accept', {
      token: invite.body.token,
    });
    expect(accepted.status).toBe(200);
    return user;
  };

  const createProject = async (as: SignedUpUser, body: unknown, teamId = s.owner.teamId) => {
    const res = await as.client.post(`/v2/teams/${teamId}/projects`, body);
    expect(res.status).toBe(201);
    return res.body as { id: string; rootAssetId: string; name: string };
  };

  const listNames = async (as: SignedUpUser, query = '', teamId = s.owner.teamId) => {
    const res = await as.client.get(`/v2/teams/${teamId}/projects${query}`);
    expect(res.status).toBe(200);
    return res.body.data.map((p: { name: string }) => p.name);
  };

  const eventsOf = async (projectId: string, name: string) =>
    (
      await s.db.query(
        'SELECT payload, account_id, team_id, project_id, subject_type FROM events ' +
          'WHERE name = $1 AND subject_id = $2 ORDER BY position',
        [name, projectId],
      )
    ).rows;

  it('creates a project with its root folder, owned by the creator', async () => {
    const res = await s.owner.client.post(`/v2/teams/${s.owner.teamId}/projects`, {
      name: '  Feature cut  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      accountId: s.owner.accountId,
      teamId: s.owner.teamId,
      name: 'Feature cut',
      private: false,
      archived: false,
      rootAssetId: expect.any(String),
      ownerId: s.owner.userId,
      legacyId: null,
      access: 'manager',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const { rows } = await s.db.query(
      'SELECT project_id, account_id, parent_id, type, name, status, creator_id FROM assets ' +
        'WHERE id = $1',
      [res.body.rootAssetId],
    );
    expect(rows).toEqual([
      {
        project_id: res.body.id,
        account_id: s.owner.accountId,
        parent_id: null,
        type: 'folder',
        name: 'Feature cut',
        status: 'ready',
        creator_id: s.owner.userId,
      },
    ]);
    expect(await eventsOf(res.body.id, 'project.created')).toEqual([
      {
        account_id: s.owner.accountId,
        team_id: s.owner.teamId,
        project_id: res.body.id,
        subject_type: 'project',
        payload: { name: 'Feature cut', private: false, rootAssetId: res.body.rootAssetId },
      },
    ]);

    const got = await s.owner.client.get(`/v2/projects/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it('lets team members and account admins create projects, nobody else', async () => {
    const member = await join('Member', { teamId: s.owner.teamId });
    const bystander = await join('Bystander', {});
    const admin = await join('Admin', { role: 'admin' });
    const stranger = await signUp(s.anon, 'Stranger');

    const mine = await createProject(member, { name: 'Member made', private: true });
    expect(await member.client.get(`/v2/projects/${mine.id}`)).toMatchObject({
      status: 200,
      body: { ownerId: member.userId, private: true, access: 'manager' },
    });
    await createProject(admin, { name: 'Admin made' });
    const refused = await bystander.client.post(`/v2/teams/${s.owner.teamId}/projects`, {
      name: 'Nope',
    });
    expect(refused.status).toBe(403);
    const hidden = await stranger.client.post(`/v2/teams/${s.owner.teamId}/projects`, {
      name: 'Nope',
    });
    expect(hidden.status).toBe(404);
  });

  it('shows each caller only the projects they may see', async () => {
    const team = await s.owner.client.post(`/v2/accounts/${s.owner.accountId}/teams`, {
      name: 'Grading',
    });
    const teamId = team.body.id as string;
    const open = await createProject(s.owner, { name: 'Open' }, teamId);
    const secret = await createProject(s.owner, { name: 'Secret', private: true }, teamId);
    const member = await join('Grader', { teamId });
    const bystander = await join('Outside team', {});
    const admin = await join('Second admin', { role: 'admin' });
    const guest = await signUp(s.anon, 'Guest');
    const stranger = await signUp(s.anon, 'Nobody');
    const added = await addCollaboratorWithConsent(s.owner.client, secret.id, guest, 'viewer');
    expect(added.status).toBe(201);

    expect(await listNames(member, '', teamId)).toEqual(['Open']);
    expect((await member.client.get(`/v2/projects/${open.id}`)).body.access).toBe('editor');
    expect((await member.client.get(`/v2/projects/${secret.id}`)).status).toBe(404);

    expect(await listNames(admin, '', teamId)).toEqual(['Secret', 'Open']);
    expect((await admin.client.get(`/v2/projects/${secret.id}`)).body.access).toBe('manager');

    expect(await listNames(guest, '', teamId)).toEqual(['Secret']);
    expect((await guest.client.get(`/v2/projects/${secret.id}`)).body.access).toBe('viewer');
    expect((await guest.client.get(`/v2/projects/${open.id}`)).status).toBe(404);

    expect(await listNames(bystander, '', teamId)).toEqual([]);
    expect((await bystander.client.get(`/v2/projects/${open.id}`)).status).toBe(404);

    expect((await stranger.client.get(`/v2/teams/${teamId}/projects`)).status).toBe(404);
    expect((await stranger.client.get(`/v2/projects/${open.id}`)).status).toBe(404);
  });

  it('pages newest first and filters archived projects', async () => {
    const team = await s.owner.client.post(`/v2/accounts/${s.owner.accountId}/teams`, {
      name: 'Paging',
    });
    const teamId = team.body.id as string;
    for (const name of ['First', 'Second', 'Third']) await createProject(s.owner, { name }, teamId);

    const first = await s.owner.client.get(`/v2/teams/${teamId}/projects?limit=2`);
    expect(first.body.data.map((p: { name: string }) => p.name)).toEqual(['Third', 'Second']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await s.owner.client.get(
      `/v2/teams/${teamId}/projects?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(next.body).toEqual({
      data: [expect.objectContaining({ name: 'First' })],
      nextCursor: null,
    });

    const archived = first.body.data[1].id as string;
    expect(
      (await s.owner.client.patch(`/v2/projects/${archived}`, { archived: true })).status,
    ).toBe(200);
    expect(await listNames(s.owner, '', teamId)).toEqual(['Third', 'First']);
    expect(await listNames(s.owner, '?archived=true', teamId)).toEqual(['Second']);

    const bad = await s.owner.client.get(`/v2/teams/${teamId}/projects?archived=maybe&limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'archived',
      'limit',
    ]);
    const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    const badCursor = await s.owner.client.get(`/v2/teams/${teamId}/projects?cursor=${forged}`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('keeps an archived project read-only until it is unarchived', async () => {
    const project = await createProject(s.owner, { name: 'Wrapped' });
    const archived = await s.owner.client.patch(`/v2/projects/${project.id}`, { archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ archived: true, name: 'Wrapped' });
    expect(
      (await s.owner.client.patch(`/v2/projects/${project.id}`, { archived: true })).status,
    ).toBe(200);

    const rename = await s.owner.client.patch(`/v2/projects/${project.id}`, { name: 'Later' });
    expect(rename.status).toBe(409);
    expect(rename.body.type).toContain('project-archived');

    const back = await s.owner.client.patch(`/v2/projects/${project.id}`, {
      archived: false,
      name: 'Wrapped v2',
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ archived: false, name: 'Wrapped v2' });
    const root = await s.db.query('SELECT name FROM assets WHERE id = $1', [project.rootAssetId]);
    expect(root.rows).toEqual([{ name: 'Wrapped v2' }]);
    expect((await eventsOf(project.id, 'project.updated')).map((e) => e.payload.changes)).toEqual([
      { archived: true },
      { archived: false, name: 'Wrapped v2' },
    ]);
  });

  it('names invalid fields of project changes', async () => {
    const project = await createProject(s.owner, { name: 'Strict' });
    const res = await s.owner.client.patch(`/v2/projects/${project.id}`, {
      name: ' ',
      archived: 'yes',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'archived',
      'name',
    ]);
    const create = await s.owner.client.post(`/v2/teams/${s.owner.teamId}/projects`, {
      private: 'no',
    });
    expect(create.status).toBe(400);
    expect(create.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'name',
      'private',
    ]);
  });

  it('adds, re-roles and removes collaborators; removal ends access', async () => {
    const project = await createProject(s.owner, { name: 'Shared', private: true });
    const reviewer = await signUp(s.anon, 'Reviewer');
    const editor = await signUp(s.anon, 'Editor');
    const base = `/v2/projects/${project.id}/collaborators`;

    // People outside the account are invited and join when they accept (consent).
    const byEmail = await addCollaboratorWithConsent(
      s.owner.client,
      project.id,
      { client: reviewer.client, email: reviewer.email.toUpperCase() },
      'reviewer',
    );
    expect(byEmail.status).toBe(201);
    expect(byEmail.body).toEqual({
      userId: reviewer.userId,
      email: reviewer.email,
      name: 'Reviewer',
      role: 'reviewer',
      addedAt: expect.any(String),
      addedById: s.owner.userId,
    });
    const byInvitation = await addCollaboratorWithConsent(
      s.owner.client,
      project.id,
      editor,
      'viewer',
    );
    expect(byInvitation.status).toBe(201);

    const again = await s.owner.client.post(base, { email: reviewer.email, role: 'editor' });
    expect(again.status).toBe(409);
    // Ids name members of the account only: a stranger's id and a made-up one are refused alike.
    const ghost = await s.owner.client.post(base, {
      userId: '0190a0a0-0000-7000-8000-000000000000',
      role: 'viewer',
    });
    const outsider = await signUp(s.anon, 'Outsider');
    const stranger = await s.owner.client.post(base, { userId: outsider.userId, role: 'viewer' });
    expect(ghost.status).toBe(400);
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual(ghost.body.errors);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
    expect((await outsider.client.get(`/v2/projects/${project.id}`)).status).toBe(404);
    const both = await s.owner.client.post(base, {
      userId: editor.userId,
      email: editor.email,
      role: 'viewer',
    });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    const neither = await s.owner.client.post(base, { role: 'boss' });
    expect(neither.status).toBe(400);
    expect(neither.body.errors.map((e: { field: string }) => e.field)).toContain('role');

    // A reviewer sees the project and its collaborators but may not manage it.
    const seen = await reviewer.client.get(`/v2/projects/${project.id}`);
    expect(seen.body.access).toBe('reviewer');
    const listed = await reviewer.client.get(`${base}?limit=1`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: { userId: string }) => c.userId)).toEqual([reviewer.userId]);
    const rest = await reviewer.client.get(`${base}?limit=1&cursor=${listed.body.nextCursor}`);
    expect(rest.body).toEqual({
      data: [expect.objectContaining({ userId: editor.userId, role: 'viewer' })],
      nextCursor: null,
    });
    expect(
      (await reviewer.client.patch(`/v2/projects/${project.id}`, { name: 'Mine now' })).status,
    ).toBe(403);
    expect(
      (await reviewer.client.post(base, { userId: editor.userId, role: 'editor' })).status,
    ).toBe(403);
    expect((await reviewer.client.delete(`${base}/${editor.userId}`)).status).toBe(403);
    expect((await reviewer.client.delete(`/v2/projects/${project.id}`)).status).toBe(403);

    const promoted = await s.owner.client.patch(`${base}/${editor.userId}`, { role: 'editor' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('editor');
    expect((await editor.client.get(`/v2/projects/${project.id}`)).body.access).toBe('editor');
    expect((await s.owner.client.patch(`${base}/${editor.userId}`, { role: 'owner' })).status).toBe(
      400,
    );
    expect(
      (await s.owner.client.patch(`${base}/${s.owner.userId}`, { role: 'viewer' })).status,
    ).toBe(404);

    expect((await s.owner.client.delete(`${base}/${editor.userId}`)).status).toBe(204);
    expect((await editor.client.get(`/v2/projects/${project.id}`)).status).toBe(404);
    expect((await s.owner.client.delete(`${base}/${editor.userId}`)).status).toBe(404);
    // Leaving: a collaborator removes themselves.
    expect((await reviewer.client.delete(`${base}/${reviewer.userId}`)).status).toBe(204);
    expect((await reviewer.client.get(`/v2/projects/${project.id}`)).status).toBe(404);

    const names = [
      'project.collaborator_added',
      'project.collaborator_role_changed',
      'project.collaborator_removed',
    ];
    const recorded = (
      await s.db.query(
        'SELECT name, payload FROM events WHERE subject_id = $1 AND name = ANY($2) ORDER BY position',
        [project.id, names],
      )
    ).rows;
    expect(recorded).toEqual([
      { name: names[0], payload: { userId: reviewer.userId, role: 'reviewer' } },
      { name: names[0], payload: { userId: editor.userId, role: 'viewer' } },
      { name: names[1], payload: { userId: editor.userId, from: 'viewer', to: 'editor' } },
      { name: names[2], payload: { userId: editor.userId } },
      { name: names[2], payload: { userId: reviewer.userId } },
    ]);
  });

  it('deletes a project with everything in it and reports the freed storage', async () => {
    const project = await createProject(s.owner, { name: 'Doomed' });
    const member = await join('Team editor', { teamId: s.owner.teamId });
    await s.db.query(
      `INSERT INTO assets (id, project_id, account_id, parent_id, type, name, filesize, deleted_at)
       SELECT gen_random_uuid(), $1, $2, $3, t.type::asset_type, t.name, t.size, t.deleted
       FROM (VALUES ('file', 'a.mov', 1000, NULL::timestamptz), ('file', 'b.mov', 234, NULL),
                    ('folder', 'dailies', 0, NULL), ('file', 'old.mov', 50, now()))
         AS t(type, name, size, deleted)`,
      [project.id, s.owner.accountId, project.rootAssetId],
    );

    expect((await member.client.delete(`/v2/projects/${project.id}`)).status).toBe(403);
    expect((await s.owner.client.delete(`/v2/projects/${project.id}`)).status).toBe(204);
    expect((await s.owner.client.get(`/v2/projects/${project.id}`)).status).toBe(404);
    const left = await s.db.query('SELECT count(*)::int AS n FROM assets WHERE project_id = $1', [
      project.id,
    ]);
    expect(left.rows).toEqual([{ n: 0 }]);
    expect((await eventsOf(project.id, 'project.deleted')).map((e) => e.payload)).toEqual([
      {
        name: 'Doomed',
        fileCount: 2,
        storageBytes: 1234,
        trashedFileCount: 1,
        trashedStorageBytes: 50,
      },
    ]);
  });

  it('keeps a team that still has projects', async () => {
    const team = await s.owner.client.post(`/v2/accounts/${s.owner.accountId}/teams`, {
      name: 'Busy',
    });
    const project = await createProject(s.owner, { name: 'Keeps the team' }, team.body.id);
    const refused = await s.owner.client.delete(`/v2/teams/${team.body.id}`);
    expect(refused.status).toBe(409);
    expect((await s.owner.client.delete(`/v2/projects/${project.id}`)).status).toBe(204);
    expect((await s.owner.client.delete(`/v2/teams/${team.body.id}`)).status).toBe(204);
  });
});
