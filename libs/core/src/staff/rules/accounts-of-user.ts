import { Db } from '../../shared/db';

/**
 * The accounts whose audit logs a staff action on a user belongs in: every account the user is
 * a member of ([null] for a user with none, so the action is still recorded once).
 */
export async function accountIdsOfUser(db: Db, userId: string): Promise<(string | null)[]> {
  const rows = await db.membership.findMany({ where: { userId }, select: { accountId: true } });
  return rows.length > 0 ? rows.map((r) => r.accountId) : [null];
}
