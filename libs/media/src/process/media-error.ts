/**
 * Why processing failed. `unreadable`: the file is not media ffmpeg can read (corrupt,
 * truncated, not audio/video) — retrying cannot help. `original_missing` (storage has not got
 * the bytes yet), `timeout` and `tool_failed` may be transient (a busy machine, a full disk) and
 * are worth a retry.
 */
export type MediaFailureKind =
  'unreadable' | 'no_media_streams' | 'original_missing' | 'timeout' | 'tool_failed';

export class MediaProcessingError extends Error {
  constructor(
    readonly kind: MediaFailureKind,
    /** A short reason for people (what ffmpeg said, without paths or banners). */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'MediaProcessingError';
  }

  /** Whether trying again could succeed. */
  get permanent(): boolean {
    return this.kind === 'unreadable' || this.kind === 'no_media_streams';
  }
}
