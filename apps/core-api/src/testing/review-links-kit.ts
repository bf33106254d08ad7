import { addCollaboratorWithConsent } from '@dailies/platform/testing';
import { SignedUpUser, signUp } from './fixtures';
import { eventRows, fieldsOf, httpSuite } from './http-suite';

export const PUBLIC_URL = 'https://dailies.example.test';

/**
 * The people and project of the review-link specs (links are built on PUBLIC_URL): the owner,
 * outside collaborators as reviewer and viewer, and a stranger. Call inside a `describe`.
 */
export function reviewLinksSuite() {
  const s = Object.assign(httpSuite('Olivia Owner', { PUBLIC_URL: `${PUBLIC_URL}/` }), {
    reviewer: undefined as unknown as SignedUpUser,
    viewer: undefined as unknown as SignedUpUser,
    stranger: undefined as unknown as SignedUpUser,
    project: undefined as unknown as { id: string; rootAssetId: string },
  });

  async function newProject(name: string) {
    const res = await s.owner.client.post(`/v2/teams/${s.owner.teamId}/projects`, { name });
    expect(res.status).toBe(201);
    return res.body as { id: string; rootAssetId: string };
  }

  beforeAll(async () => {
    s.reviewer = await signUp(s.anon, 'Rita Reviewer');
    s.viewer = await signUp(s.anon, 'Victor Viewer');
    s.stranger = await signUp(s.anon, 'Stan Stranger');
    s.project = await newProject('Commercial');
    for (const [user, role] of [
      [s.reviewer, 'reviewer'],
      [s.viewer, 'viewer'],
    ] as const) {
      const added = await addCollaboratorWithConsent(s.owner.client, s.project.id, user, role);
      expect(added.status).toBe(201);
    }
  });

  async function newAsset(
    type: 'file' | 'folder',
    name: string,
    parentId?: string,
    extra: Record<string, unknown> = {},
  ) {
    const res = await s.owner.client.post(
      `/v2/assets/${parentId ?? s.project.rootAssetId}/children`,
      {
        type,
        name,
        ...(type === 'file' ? { filetype: 'video/mp4', filesize: 2048 } : {}),
        ...extra,
      },
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function newLink(body: Record<string, unknown>) {
    const res = await s.owner.client.post(`/v2/projects/${s.project.id}/review-links`, {
      name: 'Client review',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  const review = (code: string, path = '', password?: string) =>
    s.anon.get(`/v2/review/${code}${path}`, password ? { 'x-review-password': password } : {});

  const eventsOf = (subjectId: string, name: string) => eventRows(s.db, subjectId, name);

  return { s, newProject, newAsset, newLink, review, eventsOf, fieldsOf };
}
