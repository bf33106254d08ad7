import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { ConnectionLimits, poolSettings } from './connection-settings';
import { Prisma, PrismaClient } from './generated/prisma/client';

export const DATABASE_URL = Symbol('DATABASE_URL');
export const DATABASE_POOL_SIZE = Symbol('DATABASE_POOL_SIZE');
export const DATABASE_LIMITS = Symbol('DATABASE_LIMITS');

export type Tx = Prisma.TransactionClient;

/** The one owner of Prisma Client: every repository and handler goes through it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(
    @Inject(DATABASE_URL) url: string,
    @Inject(DATABASE_POOL_SIZE) poolSize: number,
    @Optional() @Inject(DATABASE_LIMITS) limits?: Partial<ConnectionLimits>,
  ) {
    super({ adapter: new PrismaPg({ ...poolSettings(url, limits), max: poolSize }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
