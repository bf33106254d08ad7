import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { MediaProcessingError } from '../process/media-error';
import { MediaFiles, originalKey, outputKey } from './media-files';

const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;

/** Keys are built from ids and fixed names; anything else (`..`, `/`) never reaches the disk. */
function segment(value: string): string {
  if (!SAFE_SEGMENT.test(value) || value === '.' || value === '..') {
    throw new Error(`Unsafe media key segment: ${JSON.stringify(value)}`);
  }
  return value;
}

/** Originals and outputs as files under one folder, at their keys. */
export class LocalMediaFiles extends MediaFiles {
  constructor(readonly root: string) {
    super();
  }

  pathOf(key: string): string {
    return path.join(this.root, ...key.split('/'));
  }

  async fetchOriginal(assetId: string, versionId: string, toPath: string): Promise<void> {
    const from = this.pathOf(originalKey(segment(assetId), segment(versionId)));
    try {
      await copyFile(from, toPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new MediaProcessingError(
          'original_missing',
          'The uploaded file is not in storage (the upload never arrived)',
        );
      }
      throw error;
    }
  }

  /** Tests and the upload path put originals here. */
  async putOriginal(assetId: string, versionId: string, fromPath: string): Promise<void> {
    const to = this.pathOf(originalKey(segment(assetId), segment(versionId)));
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(fromPath, to);
  }

  async storeOutput(
    assetId: string,
    versionId: string,
    name: string,
    fromPath: string,
    // A folder keeps no content type; object storage does (the key's extension says it here).
    _contentType?: string,
  ): Promise<{ key: string; size: number }> {
    const key = outputKey(segment(assetId), segment(versionId), segment(name));
    const to = this.pathOf(key);
    await mkdir(path.dirname(to), { recursive: true });
    // Copy beside, then rename: a reader never sees half a file, a retry replaces the old one.
    const partial = `${to}.partial`;
    await copyFile(fromPath, partial);
    await rename(partial, to);
    return { key, size: (await stat(to)).size };
  }
}
