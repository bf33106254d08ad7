import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalMediaFiles } from './local-media-files';

describe('LocalMediaFiles', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'media-files-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores an output at its key and replaces it on a second store', async () => {
    const files = new LocalMediaFiles(path.join(root, 'store'));
    const src = path.join(root, 'poster.jpg');
    await writeFile(src, 'first');
    const { key } = await files.storeOutput('a1', 'v1', 'poster.jpg', src, 'image/jpeg');
    expect(key).toBe('assets/a1/v1/poster.jpg');
    await writeFile(src, 'second');
    await files.storeOutput('a1', 'v1', 'poster.jpg', src, 'image/jpeg');
    expect(await readFile(files.pathOf(key), 'utf8')).toBe('second');
    expect(await readdir(path.dirname(files.pathOf(key)))).toEqual(['poster.jpg']);
  });

  it('fetches an original, says when it is missing, and refuses keys that leave its folder', async () => {
    const files = new LocalMediaFiles(root);
    const src = path.join(root, 'in.mov');
    await writeFile(src, 'bytes');
    await files.putOriginal('a1', 'v1', src);
    await files.fetchOriginal('a1', 'v1', path.join(root, 'copy'));
    expect(await readFile(path.join(root, 'copy'), 'utf8')).toBe('bytes');
    await expect(files.fetchOriginal('a2', 'v1', path.join(root, 'x'))).rejects.toMatchObject({
      kind: 'original_missing',
    });
    await expect(files.storeOutput('..', 'v1', 'x', src, 'a/b')).rejects.toThrow(/Unsafe/);
    await expect(files.storeOutput('a1', 'v1', '../../etc', src, 'a/b')).rejects.toThrow(/Unsafe/);
  });
});
