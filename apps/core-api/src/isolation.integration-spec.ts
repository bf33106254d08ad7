import { registeredRoutes } from '@dailies/http';
import { startTestPlatform, TestClient, TestPlatform } from '@dailies/platform/testing';
import { ApiV2Module } from '@dailies/api-v2';
import { SignedUpUser, signUp } from './testing/fixtures';
import { assetsFixture } from './testing/isolation/assets.fixture';
import { commentsFixture } from './testing/isolation/comments.fixture';
import { projectsFixture } from './testing/isolation/projects.fixture';
import { reviewLinksFixture } from './testing/isolation/review-links.fixture';

/** In dependency order: each builder sees the ids the earlier ones made. */
const areaFixtures = [projectsFixture, assetsFixture, commentsFixture, reviewLinksFixture];

/**
 * Isolation: for EVERY /v2 route that takes an id, a user of another account gets 404 for the
 * ids of this one — never 403 (which would reveal that the thing exists), never the data.
 * Routes are discovered from the running app, so a new route without a fixture fails here.
 */
describe('isolation between accounts', () => {
  let platform: TestPlatform;
  let owner: SignedUpUser;
  let outsider: SignedUpUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startTestPlatform([ApiV2Module]);
    const anon = new TestClient(platform.baseUrl);
    owner = await signUp(anon, 'Victim');
    outsider = await signUp(anon, 'Outsider');
    const invitation = await owner.client.post(`/v2/accounts/${owner.accountId}/invitations`, {
      email: 'someone@example.com',
    });
    const token = await owner.client.post('/v2/me/api-tokens', { name: 'owner token' });
    Object.assign(ids, {
      accountId: owner.accountId,
      teamId: owner.teamId,
      userId: owner.userId,
      invitationId: invitation.body.id,
      tokenId: token.body.id,
    });
    for (const build of areaFixtures) {
      const fixture = await build(owner, { ...ids });
      Object.assign(ids, fixture.ids);
      Object.assign(validBodies, fixture.validBodies ?? {});
    }
  });
  afterAll(async () => {
    await platform.close();
  });

  /** A body that passes validation, so that the policy (not the validator) answers. */
  const validBodies: Record<string, unknown> = {
    'PATCH /v2/accounts/{accountId}': { name: 'Hijacked' },
    'PATCH /v2/accounts/{accountId}/members/{userId}': { role: 'admin' },
    'POST /v2/accounts/{accountId}/teams': { name: 'Hijack team' },
    'POST /v2/accounts/{accountId}/invitations': { email: 'intruder@example.com' },
    'PATCH /v2/teams/{teamId}': { name: 'Hijacked' },
    'POST /v2/teams/{teamId}/members': { userId: 'OUTSIDER' },
  };

  it('answers 404 on every route with an id', async () => {
    // Review pages (/v2/review/{code}) are public by design: anyone with the code may open them.
    const routes = registeredRoutes(platform.app).filter(
      (r) => /^\w+ \/v2\/.*\{\w+\}/.test(r) && !r.startsWith('HEAD') && !r.includes(' /v2/review/'),
    );
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const failures: string[] = [];
    for (const route of routes) {
      const [method, template] = route.split(' ');
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!ids[name]) throw new Error(`No isolation fixture for {${name}} in ${route}: add one`);
        return ids[name];
      });
      let body = validBodies[route];
      if (body && JSON.stringify(body).includes('OUTSIDER')) body = { userId: outsider.userId };
      const res = await outsider.client.request(
        method,
        path,
        body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}),
      );
      if (res.status !== 404)
        failures.push(`${route} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('left everything of the other account untouched', async () => {
    const account = await owner.client.get(`/v2/accounts/${owner.accountId}`);
    expect(account.body.name).not.toBe('Hijacked');
    const members = await owner.client.get(`/v2/accounts/${owner.accountId}/members`);
    expect(members.body.data.map((m: { userId: string }) => m.userId)).toEqual([owner.userId]);
    const tokens = await owner.client.get('/v2/me/api-tokens');
    expect(tokens.body.data).toHaveLength(1);
    const invitations = await owner.client.get(`/v2/accounts/${owner.accountId}/invitations`);
    expect(invitations.body.data.map((i: { status: string }) => i.status)).toEqual(['pending']);
  });
});
