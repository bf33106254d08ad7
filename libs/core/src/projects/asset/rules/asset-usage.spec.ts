import { usageOf } from './asset-usage';

describe('asset usage', () => {
  it('counts every asset and file but only the bytes of completed uploads', () => {
    expect(
      usageOf([
        { type: 'folder', status: 'ready', filesize: 0n },
        { type: 'file', status: 'ready', filesize: 100n },
        { type: 'file', status: 'transcoding', filesize: 50n },
        { type: 'file', status: 'uploading', filesize: 1000n },
        { type: 'version_stack', status: 'ready', filesize: 7n },
      ]),
    ).toEqual({ assetCount: 5, fileCount: 3, storageBytes: 150 });
  });

  it('weighs nothing when empty', () => {
    expect(usageOf([])).toEqual({ assetCount: 0, fileCount: 0, storageBytes: 0 });
  });
});
