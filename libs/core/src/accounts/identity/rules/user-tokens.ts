import { generateToken, hashToken } from '@dailies/auth';
import { newId, Tx } from '@dailies/db';

export type UserTokenPurpose = 'email_verification' | 'password_reset';

const KIND = { email_verification: 'ev', password_reset: 'pr' } as const;

/**
 * How many links of one purpose a user may be sent per window: enough for a lost mail, too few
 * to flood an inbox. Counted in the database (the rows the links leave), so every instance agrees.
 */
export const LINKS_PER_WINDOW = 3;
export const LINK_WINDOW_MS = 15 * 60_000;

export interface IssuedUserToken {
  id: string;
  /** The secret for the link; only its SHA-256 digest is stored. */
  token: string;
  expiresAt: Date;
}

/** A new single-use link token for the user's current address. */
export async function issueUserToken(
  tx: Tx,
  user: { id: string; email: string },
  purpose: UserTokenPurpose,
  ttlMs: number,
): Promise<IssuedUserToken> {
  const token = generateToken(KIND[purpose]);
  const id = newId();
  const expiresAt = new Date(Date.now() + ttlMs);
  await tx.userToken.create({
    data: {
      id,
      userId: user.id,
      purpose,
      tokenHash: hashToken(token),
      email: user.email,
      expiresAt,
    },
  });
  return { id, token, expiresAt };
}

/** Whether the user may be sent another link of this purpose now (see LINKS_PER_WINDOW). */
export async function mayIssueUserToken(
  tx: Tx,
  userId: string,
  purpose: UserTokenPurpose,
): Promise<boolean> {
  const recent = await tx.userToken.count({
    where: { userId, purpose, createdAt: { gt: new Date(Date.now() - LINK_WINDOW_MS) } },
  });
  return recent < LINKS_PER_WINDOW;
}

/**
 * Spends a link token: locks its row, and returns the user it belongs to when the token exists,
 * has this purpose, is unused, unexpired and was sent to the user's current address — else null
 * (callers answer every such case alike). Spending marks the token and every other open token
 * of the same purpose for the user as used, so an older link cannot be replayed.
 */
export async function spendUserToken(
  tx: Tx,
  token: string,
  purpose: UserTokenPurpose,
): Promise<{ userId: string; email: string } | null> {
  const rows = await tx.$queryRaw<
    { id: string; user_id: string; email: string; expires_at: Date; used_at: Date | null }[]
  >`SELECT id, user_id, email, expires_at, used_at FROM user_tokens
    WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose} FOR UPDATE`;
  const row = rows[0];
  if (!row || row.used_at !== null || row.expires_at.getTime() <= Date.now()) return null;
  const user = await tx.user.findUnique({ where: { id: row.user_id }, select: { email: true } });
  if (!user || user.email !== row.email) return null;
  await tx.userToken.updateMany({
    where: { userId: row.user_id, purpose, usedAt: null },
    data: { usedAt: new Date() },
  });
  return { userId: row.user_id, email: row.email };
}
