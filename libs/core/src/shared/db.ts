import { Tx } from '@dailies/db';

/** Anything that can run Prisma queries: the client itself or an open transaction. */
export type Db = Tx;
