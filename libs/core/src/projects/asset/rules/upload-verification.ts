import type { UploadSession } from '@dailies/db';
import { ObjectStorage, StorageRefusal, StoredObject, StoredPart } from '@dailies/storage';
import { conflict } from '../../../shared/errors';
import { verifyParts } from './upload-plan';
import { planOf } from './upload-sessions';

/**
 * Checks an upload against what storage holds — every announced part, each of its size — and
 * refuses otherwise, naming what is missing. A client's claim (`claimedSize`) must match too.
 * Answers the parts to join.
 */
export async function verifiedParts(
  storage: ObjectStorage,
  session: UploadSession,
  claimedSize: number | undefined,
): Promise<StoredPart[] | StoredObject> {
  const plan = planOf(session);
  if (claimedSize !== undefined && claimedSize !== plan.filesize) {
    throw conflict(
      `This upload was started for ${plan.filesize} bytes, not ${claimedSize}`,
      'upload_size_mismatch',
    );
  }
  let stored: StoredPart[];
  try {
    stored = await storage.listParts(session.objectKey, session.storageUploadId);
  } catch (error) {
    if (!(error instanceof StorageRefusal)) throw error;
    // Joined by an earlier completion whose transaction did not commit: the object is the proof.
    const held = await storage.head(session.objectKey);
    if (held && held.size === plan.filesize) return held;
    throw conflict(
      'Storage no longer holds this upload: DELETE it and start the upload again',
      'upload_incomplete',
    );
  }
  const verdict = verifyParts(plan, stored);
  if (!verdict.complete) {
    throw conflict(
      `Storage does not hold the announced file: ${verdict.problem}. Send those parts (GET the ` +
        'upload for their URLs), then complete again.',
      'upload_incomplete',
    );
  }
  return verdict.parts;
}

/** Joins verified parts into the object and checks the result's size. */
export async function joinParts(
  storage: ObjectStorage,
  session: UploadSession,
  parts: StoredPart[] | StoredObject,
): Promise<StoredObject> {
  if (!Array.isArray(parts)) return parts; // already joined
  let held: StoredObject;
  try {
    held = await storage.completeMultipart(session.objectKey, session.storageUploadId, parts);
  } catch (error) {
    if (error instanceof StorageRefusal) {
      throw conflict(`Storage refused to join the parts: ${error.message}`, 'upload_incomplete');
    }
    throw error;
  }
  if (held.size !== Number(session.filesize)) {
    throw conflict(
      `Storage holds ${held.size} bytes, not the announced ${session.filesize}`,
      'upload_size_mismatch',
    );
  }
  return held;
}
