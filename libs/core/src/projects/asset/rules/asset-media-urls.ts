import type { Asset } from '@dailies/db';
import { ObjectStorage, storageKeys } from '@dailies/storage';
import { Db } from '../../../shared/db';
import { AssetMediaView, SignedMedia } from '../views/upload.view';

/** The file whose media an asset presents: itself, or a stack's highest live version. */
export async function mediaFileOf(db: Db, asset: Asset): Promise<Asset | null> {
  if (asset.type === 'file') return asset;
  if (asset.type !== 'version_stack') return null;
  return db.asset.findFirst({
    where: { parentId: asset.id, type: 'file', deletedAt: null },
    orderBy: [{ version: 'desc' }, { id: 'desc' }],
  });
}

/**
 * Short-lived URLs for a file's media: the original (playback and, as an attachment, download)
 * only when `allowOriginal`; the proxy and thumbnail when processing has stored them.
 */
export async function mediaUrlsOf(
  storage: ObjectStorage,
  file: Asset,
  options: { allowOriginal: boolean; expiresInSeconds: number },
): Promise<AssetMediaView> {
  const sign = async (key: string, downloadName?: string): Promise<SignedMedia | null> => {
    const held = await storage.head(key);
    if (!held) return null;
    const url = await storage.presignGet(key, {
      expiresInSeconds: options.expiresInSeconds,
      downloadName,
    });
    return {
      url: url.url,
      expiresAt: url.expiresAt.toISOString(),
      size: held.size,
      contentType: held.contentType,
    };
  };
  const original = options.allowOriginal && file.storageKey ? file.storageKey : null;
  const [play, download, proxy, thumbnail] = await Promise.all([
    original ? sign(original) : null,
    original ? sign(original, file.name) : null,
    sign(storageKeys.proxy(file.id)),
    sign(storageKeys.thumbnail(file.id)),
  ]);
  return { assetId: file.id, original: play, download, proxy, thumbnail };
}
