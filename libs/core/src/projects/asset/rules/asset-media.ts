import { AssetStatus } from '@dailies/db';

/**
 * The status of a file whose upload just completed: video and audio go to `transcoding` (media
 * processing will pick them up and set `ready` or `failed`); anything else is ready as stored.
 */
export function statusAfterUpload(filetype: string | null): AssetStatus {
  return filetype && /^(video|audio)\//i.test(filetype) ? 'transcoding' : 'ready';
}
