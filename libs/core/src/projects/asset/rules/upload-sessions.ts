import type { UploadSession } from '@dailies/db';
import { ObjectStorage, StoredPart } from '@dailies/storage';
import { Db } from '../../../shared/db';
import { expectedPartSize, partsToSend, UploadPlan } from './upload-plan';
import { UploadPartUrl, UploadView } from '../views/upload.view';

/** Part URLs handed out per answer; a client asks again (GET the upload) for the rest. */
export const PART_URLS_PER_ANSWER = 100;

export const planOf = (session: UploadSession): UploadPlan => ({
  filesize: Number(session.filesize),
  partSize: Number(session.partSize),
  partCount: session.partCount,
});

export function openUploadOf(db: Db, assetId: string): Promise<UploadSession | null> {
  return db.uploadSession.findFirst({ where: { assetId, status: 'open' } });
}

/** The upload as the client needs it: what storage holds, and URLs for the parts still to send. */
export async function toUploadView(
  storage: ObjectStorage,
  urlTtlSeconds: number,
  session: UploadSession,
  stored: readonly StoredPart[],
): Promise<UploadView> {
  const plan = planOf(session);
  const toSend = partsToSend(plan, stored);
  const parts: UploadPartUrl[] = await Promise.all(
    toSend.slice(0, PART_URLS_PER_ANSWER).map(async (partNumber) => {
      const signed = await storage.presignPart(
        session.objectKey,
        session.storageUploadId,
        partNumber,
        urlTtlSeconds,
      );
      return {
        partNumber,
        method: 'PUT' as const,
        url: signed.url,
        expiresAt: signed.expiresAt.toISOString(),
        size: expectedPartSize(plan, partNumber),
      };
    }),
  );
  return {
    uploadId: session.id,
    assetId: session.assetId,
    filesize: plan.filesize,
    partSize: plan.partSize,
    partCount: plan.partCount,
    createdAt: session.createdAt.toISOString(),
    uploadedParts: stored.map((p) => ({ partNumber: p.partNumber, size: p.size, etag: p.etag })),
    parts,
    remainingParts: toSend.length,
    completeUrl: `/v2/assets/${session.assetId}/upload-complete`,
  };
}
