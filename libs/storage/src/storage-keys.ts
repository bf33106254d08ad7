/**
 * Where an asset's media lives. One folder per file asset (each version of a stack is its own
 * file asset): the original as uploaded, and what processing derives from it.
 */
export const storageKeys = {
  original: (assetId: string) => `assets/${assetId}/original`,
  proxy: (assetId: string) => `assets/${assetId}/proxy.mp4`,
  thumbnail: (assetId: string) => `assets/${assetId}/thumbnail.jpg`,
};

/** Keys are relative paths of safe segments: no `..`, no leading slash, no empty segment. */
const SAFE_KEY = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 512 && SAFE_KEY.test(key);
}
