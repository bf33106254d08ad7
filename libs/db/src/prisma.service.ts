import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { ConnectionLimits, poolSettings } from './connection-settings';
import { DatabaseWatchdog } from './database-watchdog';
import { Prisma, PrismaClient } from './generated/prisma/client';

export { DATABASE_URL } from './database-url';
import { DATABASE_URL } from './database-url';
export const DATABASE_POOL_SIZE = Symbol('DATABASE_POOL_SIZE');
export const DATABASE_LIMITS = Symbol('DATABASE_LIMITS');

export type Tx = Prisma.TransactionClient;

/** The one owner of Prisma Client: every repository and handler goes through it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /** The pool under Prisma (metrics read its in-use and waiting counts). */
  readonly connectionPool: Pool;

  constructor(
    @Inject(DATABASE_URL) url: string,
    @Inject(DATABASE_POOL_SIZE) poolSize: number,
    @Optional() @Inject(DATABASE_LIMITS) limits?: Partial<ConnectionLimits>,
    @Optional() watchdog?: DatabaseWatchdog,
  ) {
    // Our own pool (Prisma's adapter takes one), so that the watchdog can break its connections
    // when PostgreSQL stops answering.
    const pool = new Pool({ ...poolSettings(url, limits), max: poolSize });
    pool.on('error', () => undefined);
    watchdog?.watch(pool);
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.connectionPool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
