import { REVIEW_COMMENTS_PER_WINDOW } from '@dailies/core';
import { reviewLinksSuite } from './testing/review-links-kit';

/** The review page as an anonymous client sees it: items, password, throttles, comments. */
describe('review pages over HTTP (anonymous)', () => {
  const { s, newProject, newAsset, newLink, review, eventsOf, fieldsOf } = reviewLinksSuite();

  it('opens the review page anonymously: exactly the shared assets, in link order', async () => {
    const first = await newAsset('file', 'first.mov', s.project.rootAssetId, {
      properties: { secret: 'internal budget' },
      duration: 12.5,
      fps: 24,
      frames: 300,
    });
    const second = await newAsset('file', 'second.mov');
    await newAsset('file', 'not-shared.mov');
    const link = await newLink({ assetIds: [second, first], allowDownload: true });
    const page = await review(link.shortCode);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      name: 'Client review',
      allowDownload: true,
      expiresAt: null,
    });
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([second, first]);
    expect(page.body.items[1]).toMatchObject({
      name: 'first.mov',
      type: 'file',
      filetype: 'video/mp4',
      filesize: 2048,
      duration: 12.5,
      fps: 24,
      frames: 300,
    });
    for (const item of page.body.items) {
      expect(item).not.toHaveProperty('properties');
      expect(item).not.toHaveProperty('creatorId');
      expect(item).not.toHaveProperty('projectId');
    }
    expect(JSON.stringify(page.body)).not.toContain('internal budget');

    expect((await s.owner.client.delete(`/v2/assets/${second}`)).status).toBe(204);
    const afterTrash = await review(link.shortCode);
    expect(afterTrash.body.items.map((i: { id: string }) => i.id)).toEqual([first]);
    const ownerView = await s.owner.client.get(`/v2/review-links/${link.id}`);
    expect(ownerView.body).toMatchObject({ assetIds: [first], itemCount: 1 });

    expect((await review('no-such-code')).status).toBe(404);
    expect((await review('x'.repeat(100))).status).toBe(404);
  });

  it('asks for the password, refuses a wrong one, opens with the right one', async () => {
    const file = await newAsset('file', 'locked.mov');
    const password = 'open sesame 42';
    const link = await newLink({ assetIds: [file], password });
    expect(link.hasPassword).toBe(true);

    const missing = await review(link.shortCode);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.type).toMatch(/review-password-required$/);
    expect(missing.body.detail).toContain('X-Review-Password');
    const wrong = await review(link.shortCode, '', 'open sesame 41');
    expect(wrong.status).toBe(401);
    expect(wrong.body.type).toMatch(/review-password-invalid$/);
    const right = await review(link.shortCode, '', password);
    expect(right.status).toBe(200);
    expect(right.body.items.map((i: { id: string }) => i.id)).toEqual([file]);
    expect((await review(link.shortCode, `/assets/${file}/comments`)).status).toBe(401);
    expect((await review(link.shortCode, `/assets/${file}/comments`, password)).status).toBe(200);

    const stored = await s.db.query('SELECT password_hash FROM review_links WHERE id = $1', [
      link.id,
    ]);
    expect(stored.rows[0].password_hash).toMatch(/^\$scrypt\$/);
    const events = await s.db.query('SELECT payload::text AS p FROM events WHERE subject_id = $1', [
      link.id,
    ]);
    for (const { p } of events.rows) {
      expect(p).not.toContain(password);
      expect(p).not.toContain('$scrypt$');
    }
  });

  it('throttles wrong passwords per link and IP with 429 and Retry-After', async () => {
    const file = await newAsset('file', 'guarded.mov');
    const password = 'the right one';
    const link = await newLink({ assetIds: [file], password });
    const other = await newLink({ assetIds: [file], password });
    for (let i = 0; i < 10; i += 1) {
      expect((await review(link.shortCode, '', `guess number ${i}`)).status).toBe(401);
    }
    const blocked = await review(link.shortCode, '', password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.type).toMatch(/rate-limited$/);
    // Another link is not affected.
    expect((await review(other.shortCode, '', password)).status).toBe(200);
  });

  it('throttles anonymous comments per link and IP against spam, and counts only stored ones', async () => {
    const file = await newAsset('file', 'popular.mov');
    const link = await newLink({ assetIds: [file] });
    const other = await newLink({ assetIds: [file] });
    const post = (code: string, text: string) =>
      s.anon.post(`/v2/review/${code}/assets/${file}/comments`, { name: 'Fan', text });
    // A refused comment (invalid) is not counted.
    expect((await post(link.shortCode, '')).status).toBe(400);
    for (let i = 0; i < REVIEW_COMMENTS_PER_WINDOW; i += 1) {
      expect((await post(link.shortCode, `note ${i}`)).status).toBe(201);
    }
    const blocked = await post(link.shortCode, 'one too many');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const stored = await s.db.query(
      'SELECT count(*)::int AS n FROM comments WHERE review_link_id = $1',
      [link.id],
    );
    expect(stored.rows[0].n).toBe(REVIEW_COMMENTS_PER_WINDOW);
    // Another link is not affected.
    expect((await post(other.shortCode, 'still welcome')).status).toBe(201);
  });

  it('answers 410 for expired and turned-off links', async () => {
    const file = await newAsset('file', 'gone.mov');
    const link = await newLink({ assetIds: [file] });
    await s.db.query(
      "UPDATE review_links SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [link.id],
    );
    const expired = await review(link.shortCode);
    expect(expired.status).toBe(410);
    expect(expired.body.type).toMatch(/review-link-expired$/);
    expect((await review(link.shortCode, `/assets/${file}/comments`)).status).toBe(410);
    expect((await s.owner.client.get(`/v2/review-links/${link.id}`)).body.expired).toBe(true);

    const renewed = await s.owner.client.patch(`/v2/review-links/${link.id}`, { expiresAt: null });
    expect(renewed.body).toMatchObject({ expiresAt: null, expired: false });
    expect((await review(link.shortCode)).status).toBe(200);

    const off = await s.owner.client.patch(`/v2/review-links/${link.id}`, { active: false });
    expect(off.body.active).toBe(false);
    const inactive = await review(link.shortCode);
    expect(inactive.status).toBe(410);
    expect(inactive.body.type).toMatch(/review-link-inactive$/);
    await s.owner.client.patch(`/v2/review-links/${link.id}`, { active: true });
    expect((await review(link.shortCode)).status).toBe(200);
  });

  it('lets anonymous reviewers read and write comments on shared assets only', async () => {
    const shared = await newAsset('file', 'shared.mov');
    const unshared = await newAsset('file', 'unshared.mov');
    const link = await newLink({ assetIds: [shared] });
    const secret = await s.owner.client.post(`/v2/assets/${shared}/comments`, {
      text: 'internal: budget is tight',
      private: true,
    });
    expect(secret.status).toBe(201);
    const visible = await s.owner.client.post(`/v2/assets/${shared}/comments`, {
      text: 'Please check the logo',
      timestamp: 48,
    });
    await s.owner.client.post(`/v2/comments/${secret.body.id}/replies`, { text: 'internal reply' });

    const base = `/v2/review/${link.shortCode}/assets`;
    const read = await s.anon.get(`${base}/${shared}/comments`);
    expect(read.status).toBe(200);
    expect(read.body.data.map((c: { text: string }) => c.text)).toEqual(['Please check the logo']);
    expect(JSON.stringify(read.body)).not.toContain('internal');
    expect(read.body.data[0]).toMatchObject({ id: visible.body.id, replies: [], likedByMe: false });
    // Signed-in callers are anonymous reviewers here too: still no private comments.
    const asOwner = await s.owner.client.get(`${base}/${shared}/comments`);
    expect(JSON.stringify(asOwner.body)).not.toContain('internal');

    const posted = await s.anon.post(`${base}/${shared}/comments`, {
      name: '  Carla Client ',
      text: 'Logo is fine now',
      timestamp: 96,
      duration: 12,
      annotation: { box: [0, 0, 0.5, 0.5] },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      assetId: shared,
      author: { id: null, name: 'Carla Client', anonymous: true },
      text: 'Logo is fine now',
      timestamp: 96,
      duration: 12,
      private: false,
      replies: [],
    });
    const [event] = await eventsOf(posted.body.id, 'comment.created');
    expect(event.actor).toEqual({
      type: 'anonymous',
      displayName: 'Carla Client',
      reviewLinkId: link.id,
    });
    expect(event.payload).toMatchObject({
      authorId: null,
      authorName: 'Carla Client',
      reviewLinkId: link.id,
      private: false,
    });
    const signedIn = await s.viewer.client.get(`/v2/assets/${shared}/comments?sort=time`);
    expect(signedIn.body.data.map((c: { author: { name: string } }) => c.author)).toEqual([
      { id: s.owner.userId, name: 'Olivia Owner' },
      { id: null, name: 'Carla Client', anonymous: true },
    ]);

    for (const [body, field] of [
      [{ text: 'no name' }, 'name'],
      [{ name: 'x'.repeat(101), text: 'long name' }, 'name'],
      [{ name: 'Carla', text: '' }, 'text'],
      [{ name: 'Carla', text: 'secret', private: true }, '(body)'],
      [{ name: 'Carla', text: 'hi', mentions: [s.owner.userId] }, '(body)'],
      [{ name: 'Carla', text: 'hi', annotation: { blob: 'x'.repeat(256 * 1024) } }, 'annotation'],
    ] as const) {
      const res = await s.anon.post(`${base}/${shared}/comments`, body);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }

    expect((await s.anon.get(`${base}/${unshared}/comments`)).status).toBe(404);
    const write = await s.anon.post(`${base}/${unshared}/comments`, { name: 'Carla', text: 'hi' });
    expect(write.status).toBe(404);
    expect((await s.anon.get(`${base}/${s.project.rootAssetId}/comments`)).status).toBe(404);
    expect((await s.anon.get(`${base}/not-an-id/comments`)).status).toBe(404);
  });

  it('shares a version stack: its head version takes the comments, older versions stay closed', async () => {
    const v1 = await newAsset('file', 'spot-v1.mov');
    const v2 = await newAsset('file', 'spot-v2.mov');
    const stacked = await s.owner.client.post(`/v2/assets/${v1}/version`, { nextAssetId: v2 });
    expect(stacked.status).toBe(201);
    const stackId = stacked.body.id as string;
    const link = await newLink({ assetIds: [stackId] });

    const page = await review(link.shortCode);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      id: stackId,
      type: 'version_stack',
      versionCount: 2,
      headVersion: { id: v2, name: 'spot-v2.mov', version: 2 },
    });

    const base = `/v2/review/${link.shortCode}/assets`;
    const viaStack = await s.anon.post(`${base}/${stackId}/comments`, {
      name: 'Dan',
      text: 'v2 ok',
    });
    expect(viaStack.status).toBe(201);
    expect(viaStack.body.assetId).toBe(v2);
    const viaHead = await s.anon.get(`${base}/${v2}/comments`);
    expect(viaHead.status).toBe(200);
    expect(viaHead.body.data.map((c: { text: string }) => c.text)).toEqual(['v2 ok']);
    expect((await s.anon.get(`${base}/${v1}/comments`)).status).toBe(404);
  });

  it('takes no anonymous comments on archived projects', async () => {
    const p = await newProject('Archived review');
    const file = await newAsset('file', 'archived.mov', p.rootAssetId);
    const res = await s.owner.client.post(`/v2/projects/${p.id}/review-links`, {
      name: 'Old',
      assetIds: [file],
    });
    expect(res.status).toBe(201);
    expect((await s.owner.client.patch(`/v2/projects/${p.id}`, { archived: true })).status).toBe(
      200,
    );
    expect((await review(res.body.shortCode)).status).toBe(200);
    const posted = await s.anon.post(`/v2/review/${res.body.shortCode}/assets/${file}/comments`, {
      name: 'Late',
      text: 'too late',
    });
    expect(posted.status).toBe(409);
  });
});
