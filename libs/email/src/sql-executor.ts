import type { Tx } from '@dailies/db';
import type { ClientBase } from 'pg';

/**
 * The caller's open transaction: a Prisma interactive transaction (what UnitOfWork.run hands its
 * work) or a `pg` client inside BEGIN … COMMIT. Mail decided in a transaction is recorded in it.
 */
export type EmailTx = Tx | ClientBase;

export async function queryRows<R>(tx: EmailTx, sql: string, params: unknown[]): Promise<R[]> {
  if ('$queryRawUnsafe' in tx) return tx.$queryRawUnsafe<R[]>(sql, ...params);
  const result = await tx.query(sql, params);
  return result.rows as R[];
}
