import type { Asset } from '@dailies/db';
import { ObjectStorage, SignedLinks } from '@dailies/storage';
import { z } from 'zod';
import { Db } from '../../../shared/db';
import type { AssetMedia } from '@dailies/db';
import { AssetMediaView, MediaFactsView, SignedMedia } from '../views/upload.view';
import { hlsPlaylistPath } from './hls-playlist';
import { StoredOutput, storedOutputSchema } from './media-facts-input';

/** The file whose media an asset presents: itself, or a stack's highest live version. */
export async function mediaFileOf(db: Db, asset: Asset): Promise<Asset | null> {
  if (asset.type === 'file') return asset;
  if (asset.type !== 'version_stack') return null;
  return db.asset.findFirst({
    where: { parentId: asset.id, type: 'file', deletedAt: null },
    orderBy: [{ version: 'desc' }, { id: 'desc' }],
  });
}

const recordedOutputs = z.array(storedOutputSchema);

/** What processing stored for a file (a copy carries its original's list: the same objects). */
export function outputsIn(media: AssetMedia | null): StoredOutput[] {
  const parsed = recordedOutputs.safeParse(media?.outputs ?? []);
  return parsed.success ? parsed.data : [];
}

/** The facts processing read from the file, as the media view shows them. */
export function mediaFactsOf(media: AssetMedia | null): MediaFactsView | null {
  if (!media) return null;
  const rate =
    media.frameRateNum && media.frameRateDen ? [media.frameRateNum, media.frameRateDen] : null;
  return {
    status: media.failureReason ? 'failed' : media.processedAt ? 'ready' : 'processing',
    failureReason: media.failureReason,
    durationSeconds: media.durationSeconds,
    frameRate: rate ? `${rate[0]}/${rate[1]}` : null,
    fps: rate ? Math.round((rate[0] / rate[1]) * 1000) / 1000 : null,
    frameCount: media.frameCount,
    width: media.width,
    height: media.height,
    videoCodec: media.videoCodec,
    audioCodec: media.audioCodec,
    audioChannels: media.audioChannels,
    processedAt: media.processedAt?.toISOString() ?? null,
  };
}

/**
 * Short-lived URLs for a file's media: the original (playback and, as an attachment, download)
 * only when `allowOriginal`; what processing stored (proxy, poster, thumbnails, scrubbing sprite,
 * waveform, HLS) once it has, read from the outputs it recorded. The HLS playlist is served by this
 * process (it is rewritten with presigned segment URLs), so its link is signed here.
 */
export async function mediaUrlsOf(
  db: Db,
  storage: ObjectStorage,
  file: Asset,
  options: { allowOriginal: boolean; expiresInSeconds: number; links: SignedLinks },
): Promise<AssetMediaView> {
  // An output recorded with its size and type is signed without asking storage (a HEAD per
  // output per view adds up on S3); the original, and outputs recorded before sizes were kept,
  // are asked for.
  const sign = async (
    key: string,
    downloadName?: string,
    known?: { size: number; contentType: string },
  ): Promise<SignedMedia | null> => {
    const held = known ?? (await storage.head(key));
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
  const media = await db.assetMedia.findUnique({ where: { assetId: file.id } });
  const outputs = outputsIn(media);
  const signOutput = (o: StoredOutput) =>
    sign(
      o.key,
      undefined,
      o.size === undefined ? undefined : { size: o.size, contentType: o.contentType },
    );
  const signKind = async (kind: string): Promise<SignedMedia | null> => {
    const output = outputs.find((o) => o.kind === kind);
    return output ? signOutput(output) : null;
  };
  const original = options.allowOriginal && file.storageKey ? file.storageKey : null;
  const [play, download, proxy, thumbnail, sprite, waveform, thumbnails] = await Promise.all([
    original ? sign(original) : null,
    original ? sign(original, file.name) : null,
    signKind('proxy'),
    signKind('poster'),
    signKind('sprite'),
    signKind('waveform'),
    Promise.all(outputs.filter((o) => o.kind === 'thumbnail').map(signOutput)),
  ]);
  return {
    assetId: file.id,
    original: play,
    download,
    proxy,
    thumbnail,
    thumbnails: thumbnails.filter((t): t is SignedMedia => t !== null),
    sprite,
    waveform,
    hls: outputs.some((o) => o.kind === 'hls_playlist')
      ? signedLink(options.links.sign(hlsPlaylistPath(file.id), options.expiresInSeconds))
      : null,
    facts: mediaFactsOf(media),
  };
}

const signedLink = (link: { url: string; expiresAt: Date }) => ({
  url: link.url,
  expiresAt: link.expiresAt.toISOString(),
});
