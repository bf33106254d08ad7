import { UsagePayloadError, usageDeltaOf } from './usage-rule';

describe('the usage rule', () => {
  it('counts a file when it is created and its bytes when its upload completes', () => {
    expect(usageDeltaOf('asset.created', { type: 'file', filesize: 500 })).toEqual({
      storageBytes: 0,
      assetCount: 1,
    });
    expect(usageDeltaOf('asset.created', { type: 'folder', filesize: 0 })).toBeNull();
    expect(usageDeltaOf('asset.created', { type: 'version_stack', filesize: 0 })).toBeNull();
    expect(usageDeltaOf('asset.upload_completed', { filesize: 500, status: 'ready' })).toEqual({
      storageBytes: 500,
      assetCount: 0,
    });
    expect(usageDeltaOf('asset.upload_completed', { filesize: 500, status: 'uploading' })).toBe(
      null,
    );
  });

  it('adds copies and subtracts what is purged for good, trash included', () => {
    const usage = { assetCount: 5, fileCount: 3, storageBytes: 300 };
    expect(usageDeltaOf('asset.copied', usage)).toEqual({ storageBytes: 300, assetCount: 3 });
    expect(usageDeltaOf('asset.hard_deleted', usage)).toEqual({
      storageBytes: -300,
      assetCount: -3,
    });
    expect(
      usageDeltaOf('project.deleted', {
        name: 'P',
        fileCount: 2,
        storageBytes: 20,
        trashedFileCount: 1,
        trashedStorageBytes: 5,
      }),
    ).toEqual({ storageBytes: -25, assetCount: -3 });
  });

  it('ignores the trash round trip and unrelated events', () => {
    const usage = { parentId: 'p', assetCount: 1, fileCount: 1, storageBytes: 9 };
    expect(usageDeltaOf('asset.deleted', usage)).toBeNull();
    expect(usageDeltaOf('asset.restored', usage)).toBeNull();
    expect(usageDeltaOf('comment.created', {})).toBeNull();
  });

  it('fails loudly when a payload lacks a field it needs', () => {
    expect(() => usageDeltaOf('asset.copied', { fileCount: 1 })).toThrow(UsagePayloadError);
    expect(() => usageDeltaOf('asset.upload_completed', { size: 1 })).toThrow(/filesize/);
  });
});
