import { z } from 'zod';

/**
 * THE USAGE RULE — what counts toward an account's usage, shared by the usage consumer (which
 * applies it event by event) and the reconcile command (which recomputes it from the tables):
 *
 * - every file (asset type `file`) counts 1 toward `assetCount` from its creation until it is
 *   purged for good (hard-deleted, or its project deleted); folders and version stacks hold no
 *   bytes and do not count;
 * - its `filesize` counts toward `storageBytes` once its upload completed (status other than
 *   `uploading`): an upload that never arrived stores nothing;
 * - files in the trash STILL count: they occupy storage until purged. So moving to the trash
 *   (`asset.deleted`) and restoring (`asset.restored`) change nothing.
 *
 * In SQL over `assets` (trashed rows included): count(*) FILTER (WHERE type = 'file') and
 * sum(filesize) FILTER (WHERE type = 'file' AND status <> 'uploading').
 */
export interface UsageDelta {
  storageBytes: number;
  assetCount: number;
}

/** The events that change usage; the usage consumer subscribes to exactly these. */
export const USAGE_EVENTS = [
  'asset.created',
  'asset.upload_completed',
  'asset.copied',
  'asset.hard_deleted',
  'project.deleted',
] as const;

/** The usage consumer's name (its idempotency markers and deliveries are stored under it). */
export const USAGE_CONSUMER = 'usage';

// Only the fields the rule needs, parsed on their own: a payload change that drops or renames
// one of them fails loudly (the delivery is retried, then dead-lettered) instead of miscounting.
const count = z.number().int().nonnegative();
const bytes = z.number().nonnegative();
const payloads = {
  'asset.created': z.object({ type: z.string() }),
  'asset.upload_completed': z.object({ filesize: bytes, status: z.string() }),
  'asset.copied': z.object({ fileCount: count, storageBytes: bytes }),
  'asset.hard_deleted': z.object({ fileCount: count, storageBytes: bytes }),
  'project.deleted': z.object({
    fileCount: count,
    storageBytes: bytes,
    trashedFileCount: count,
    trashedStorageBytes: bytes,
  }),
} satisfies Record<(typeof USAGE_EVENTS)[number], z.ZodType>;

export class UsagePayloadError extends Error {}

/** How an event changes usage; null when it does not (other events, or nothing to add). */
export function usageDeltaOf(eventName: string, payload: unknown): UsageDelta | null {
  const delta = rawDelta(eventName, payload);
  return delta && (delta.storageBytes !== 0 || delta.assetCount !== 0) ? delta : null;
}

function rawDelta(eventName: string, payload: unknown): UsageDelta | null {
  switch (eventName) {
    case 'asset.created': {
      const p = parse(eventName, payload);
      return { storageBytes: 0, assetCount: p.type === 'file' ? 1 : 0 };
    }
    case 'asset.upload_completed': {
      const p = parse(eventName, payload);
      return { storageBytes: p.status === 'uploading' ? 0 : p.filesize, assetCount: 0 };
    }
    case 'asset.copied': {
      const p = parse(eventName, payload);
      return { storageBytes: p.storageBytes, assetCount: p.fileCount };
    }
    case 'asset.hard_deleted': {
      const p = parse(eventName, payload);
      return { storageBytes: -p.storageBytes, assetCount: -p.fileCount };
    }
    case 'project.deleted': {
      const p = parse(eventName, payload);
      return {
        storageBytes: -(p.storageBytes + p.trashedStorageBytes),
        assetCount: -(p.fileCount + p.trashedFileCount),
      };
    }
    default:
      return null;
  }
}

function parse<N extends keyof typeof payloads>(
  eventName: N,
  payload: unknown,
): z.infer<(typeof payloads)[N]> {
  const result = payloads[eventName].safeParse(payload);
  if (!result.success) {
    throw new UsagePayloadError(
      `${eventName}: payload lacks what usage needs: ${result.error.issues
        .map((i) => `${i.path.join('.')} ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data as z.infer<(typeof payloads)[N]>;
}
