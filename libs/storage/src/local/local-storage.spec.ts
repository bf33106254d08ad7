import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { StorageRefusal } from '../object-storage';
import { UrlSigner } from '../url-signer';
import { LocalStorage, PartTooLarge } from './local-storage';

describe('LocalStorage', () => {
  let dir: string;
  let storage: LocalStorage;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'local-storage-'));
    storage = new LocalStorage(dir, new UrlSigner('k'.repeat(40)), 'http://files.test/');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const body = (s: string) => Readable.from([Buffer.from(s)]);

  it('joins parts in part-number order into the object and forgets the upload', async () => {
    const id = await storage.createMultipart('assets/a/original', 'video/mp4');
    await storage.writePart(id, 2, body('world'));
    await storage.writePart(id, 1, body('hello '));
    const parts = await storage.listParts('assets/a/original', id);
    expect(parts.map((p) => [p.partNumber, p.size])).toEqual([
      [1, 6],
      [2, 5],
    ]);
    const stored = await storage.completeMultipart('assets/a/original', id, parts);
    expect(stored).toEqual({ size: 11, contentType: 'video/mp4' });
    expect(await text(await storage.getObject('assets/a/original'))).toBe('hello world');
    await expect(storage.listParts('assets/a/original', id)).rejects.toBeInstanceOf(StorageRefusal);
  });

  it('keeps nothing of a part whose body was cut off, and a retry replaces it', async () => {
    const id = await storage.createMultipart('k', null);
    const cut = new PassThrough();
    const writing = storage.writePart(id, 1, cut);
    cut.write('partial');
    cut.destroy(new Error('connection reset'));
    await expect(writing).rejects.toThrow('connection reset');
    expect(await storage.listParts('k', id)).toEqual([]);
    await storage.writePart(id, 1, body('whole'));
    expect((await storage.listParts('k', id)).map((p) => p.size)).toEqual([5]);
  });

  it('refuses a part over the limit and a completion naming a part it does not hold', async () => {
    const id = await storage.createMultipart('k', null);
    await expect(storage.writePart(id, 1, body('123456'), 5)).rejects.toBeInstanceOf(PartTooLarge);
    await storage.writePart(id, 1, body('12345'));
    const [part] = await storage.listParts('k', id);
    await expect(
      storage.completeMultipart('k', id, [part, { partNumber: 2, size: 1, etag: 'x' }]),
    ).rejects.toMatchObject({ code: 'invalid_part' });
    await expect(
      storage.completeMultipart('k', id, [{ ...part, etag: 'forged' }]),
    ).rejects.toMatchObject({ code: 'invalid_part' });
  });

  it('aborts an upload, and refuses unsafe keys and unknown uploads', async () => {
    const id = await storage.createMultipart('k', null);
    await storage.abortMultipart('k', id);
    await expect(storage.writePart(id, 1, body('x'))).rejects.toMatchObject({
      code: 'no_such_upload',
    });
    await expect(storage.createMultipart('../escape', null)).rejects.toThrow(/Unsafe/);
    await expect(storage.head('a/../../b')).rejects.toThrow(/Unsafe/);
    expect(await storage.head('missing')).toBeNull();
  });

  it('signs URLs against its base URL with an expiry', async () => {
    const url = await storage.presignGet('assets/a/original', { expiresInSeconds: 60 });
    expect(url.url).toMatch(
      /^http:\/\/files\.test\/storage\/objects\/assets\/a\/original\?expires=\d+&signature=/,
    );
    expect(url.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });
});
