/**
 * Where an asset's media lives. One folder per file asset (each version of a stack is its own
 * file asset): the original as uploaded. What processing derives from it lives beside it under
 * `assets/<id>/v<version>/<name>` (libs/media's `outputKey`), listed in `asset_media.outputs`.
 */
export const storageKeys = {
  original: (assetId: string) => `assets/${assetId}/original`,
};

/** Keys are relative paths of safe segments: no `..`, no leading slash, no empty segment. */
const SAFE_KEY = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 512 && SAFE_KEY.test(key);
}
