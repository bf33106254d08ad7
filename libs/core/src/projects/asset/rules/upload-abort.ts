import type { Project, UploadSession } from '@dailies/db';
import { Actor, EventRecorder } from '@dailies/events';
import { ObjectStorage } from '@dailies/storage';
import { Db } from '../../../shared/db';
import { AssetUploadAborted } from '../asset.events';
import { assetSubject, eventBase } from './asset-scope';

/** Drops the upload's parts from storage and closes the session, with its event. */
export async function abortUploadSession(
  tx: Db,
  storage: ObjectStorage,
  events: EventRecorder,
  options: {
    actor: Actor;
    project: Project;
    session: UploadSession;
    reason: 'cancelled' | 'abandoned';
    creatorId: string | null;
  },
): Promise<void> {
  const { session } = options;
  // Storage first: if it fails, the session stays open and the next attempt (or sweep) retries.
  await storage.abortMultipart(session.objectKey, session.storageUploadId);
  await tx.uploadSession.update({
    where: { id: session.id },
    data: { status: 'aborted', endedAt: new Date() },
  });
  events.record(
    new AssetUploadAborted({
      ...eventBase(options.actor, options.project),
      subject: assetSubject(session.assetId),
      payload: { uploadId: session.id, reason: options.reason, creatorId: options.creatorId },
    }),
  );
}
