import type { Asset } from '@dailies/db';
import { assetViewSchema, toAssetView, trashedAssetViewSchema } from './asset.view';

const at = new Date('2026-12-01T10:00:00.000Z');
const row = (over: Partial<Asset>): Asset => ({
  id: 'a1',
  projectId: 'p1',
  accountId: 'acc1',
  parentId: 'root',
  type: 'file',
  name: 'cut.mp4',
  filetype: 'video/mp4',
  filesize: 1_500_000_000n,
  duration: 12.5,
  fps: 24,
  frames: 300,
  status: 'ready',
  label: 'none',
  sortOrder: 1n,
  version: 1,
  properties: { scene: 4 },
  creatorId: 'u1',
  deletedAt: null,
  trashRootId: null,
  legacyId: null,
  storageKey: null,
  createdAt: at,
  updatedAt: at,
  ...over,
});

describe('the asset view and its schema', () => {
  it('a version stack with its head version is what the documented schema describes', () => {
    const stack = row({ id: 's1', type: 'version_stack', filetype: null, filesize: 0n });
    const head = row({ id: 'v2', parentId: 's1', version: 2, status: 'transcoding' });
    const view = toAssetView(stack, { head, versionCount: 2 });
    expect(assetViewSchema.parse(view)).toEqual(view);
    expect(view.headVersion).toMatchObject({ id: 'v2', version: 2 });
    expect(view).toMatchObject({ filetype: 'video/mp4', status: 'transcoding', versionCount: 2 });
  });

  it('a list item leaves out properties; a trashed one is not a trashed view without purgeAfter', () => {
    const { properties: _properties, ...listed } = row({});
    const view = toAssetView(listed);
    expect(view).not.toHaveProperty('properties');
    expect(assetViewSchema.safeParse(view).success).toBe(true);
    const trashed = toAssetView(row({ deletedAt: at }));
    expect(trashed.deletedAt).toBe(at.toISOString());
    expect(trashedAssetViewSchema.safeParse(trashed).success).toBe(false);
    const withPurge = { ...trashed, purgeAfter: '2026-12-31T10:00:00.000Z' };
    expect(trashedAssetViewSchema.safeParse(withPurge).success).toBe(true);
  });
});
