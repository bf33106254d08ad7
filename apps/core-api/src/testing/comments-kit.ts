import { addCollaboratorWithConsent } from '@dailies/platform/testing';
import { SignedUpUser, signUp } from './fixtures';
import { eventRows, fieldsOf, httpSuite } from './http-suite';

/**
 * The people and project of the comment specs: the account owner (manages everything, an
 * insider), a teammate (an editor and an insider), outside collaborators as reviewer and viewer,
 * and a stranger with no access. Call inside a `describe`; read the fields inside tests.
 */
export function commentsSuite() {
  const s = Object.assign(httpSuite('Olivia Owner'), {
    teammate: undefined as unknown as SignedUpUser,
    reviewer: undefined as unknown as SignedUpUser,
    viewer: undefined as unknown as SignedUpUser,
    stranger: undefined as unknown as SignedUpUser,
    project: undefined as unknown as { id: string; rootAssetId: string },
  });

  /** A new member of the owner's account and default team. */
  async function join(name: string): Promise<SignedUpUser> {
    const user = await signUp(s.anon, name);
    const invite = await s.owner.client.post(`/v2/accounts/${s.owner.accountId}/invitations`, {
      email: user.email,
      role: 'member',
      teamId: s.owner.teamId,
    });
    expect(invite.status).toBe(201);
    const accepted = await user.client.post('/v2/invitations/accept', { token: invite.body.token });
    expect(accepted.status).toBe(200);
    return user;
  }

  beforeAll(async () => {
    s.teammate = await join('Tess Teammate');
    s.reviewer = await signUp(s.anon, 'Rita Reviewer');
    s.viewer = await signUp(s.anon, 'Victor Viewer');
    s.stranger = await signUp(s.anon, 'Stan Stranger');
    const created = await s.owner.client.post(`/v2/teams/${s.owner.teamId}/projects`, {
      name: 'Feature',
    });
    expect(created.status).toBe(201);
    s.project = created.body;
    for (const [user, role] of [
      [s.reviewer, 'reviewer'],
      [s.viewer, 'viewer'],
    ] as const) {
      const added = await addCollaboratorWithConsent(s.owner.client, s.project.id, user, role);
      expect(added.status).toBe(201);
    }
  });

  async function newAsset(type: 'file' | 'folder', name: string, parentId?: string) {
    const res = await s.owner.client.post(
      `/v2/assets/${parentId ?? s.project.rootAssetId}/children`,
      { type, name, ...(type === 'file' ? { filetype: 'video/mp4', filesize: 1000 } : {}) },
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function comment(as: SignedUpUser, assetId: string, body: Record<string, unknown>) {
    const res = await as.client.post(`/v2/assets/${assetId}/comments`, body);
    expect(res.status).toBe(201);
    return res.body;
  }

  const eventsOf = (subjectId: string, name: string) => eventRows(s.db, subjectId, name);

  return { s, join, newAsset, comment, eventsOf, fieldsOf };
}
