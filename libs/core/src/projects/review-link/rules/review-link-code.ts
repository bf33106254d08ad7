import crypto from 'node:crypto';
import { Db } from '../../../shared/db';

/** 72 random bits as 12 URL-safe characters: unguessable, yet short enough to read out. */
export const randomShortCode = (): string => crypto.randomBytes(9).toString('base64url');

/** A code no link uses yet (migrated links keep their legacy codes, so check rather than hope). */
export async function unusedShortCode(db: Db): Promise<string> {
  for (;;) {
    const code = randomShortCode();
    const taken = await db.reviewLink.findUnique({
      where: { shortCode: code },
      select: { id: true },
    });
    if (!taken) return code;
  }
}
