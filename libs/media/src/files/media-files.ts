/**
 * Where processing reads an original and puts its outputs. A port: the local-directory adapter
 * below serves tests and the default set-up; an object-storage adapter (libs/storage) plugs in
 * behind the same two calls. Output keys are `assets/<assetId>/<versionId>/<name>`.
 */
export abstract class MediaFiles {
  /** Copies the uploaded original of this version to `toPath`. */
  abstract fetchOriginal(assetId: string, versionId: string, toPath: string): Promise<void>;
  /**
   * Stores one output under its key, replacing what a previous try stored there; answers the key
   * and the bytes stored (kept with the output, so playback signs it without asking storage).
   */
  abstract storeOutput(
    assetId: string,
    versionId: string,
    name: string,
    fromPath: string,
    contentType: string,
  ): Promise<{ key: string; size: number }>;
}

export const outputKey = (assetId: string, versionId: string, name: string): string =>
  `assets/${assetId}/${versionId}/${name}`;

export const originalKey = (assetId: string, versionId: string): string =>
  `assets/${assetId}/${versionId}/original`;
