import { DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseListener } from './database-listener';
import { DatabaseWatchdog } from './database-watchdog';
import { DATABASE_POOL_SIZE, DATABASE_URL, PrismaService } from './prisma.service';
import { PreparedStatements } from './prepared-statements';
import { SqlPool } from './sql-pool';

export interface DatabaseModuleOptions {
  url: string;
  poolSize?: number;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: options.url },
        { provide: DATABASE_POOL_SIZE, useValue: options.poolSize ?? 10 },
        DatabaseWatchdog,
        DatabaseListener,
        PrismaService,
        PreparedStatements,
        SqlPool,
      ],
      exports: [
        PrismaService,
        PreparedStatements,
        SqlPool,
        DatabaseWatchdog,
        DatabaseListener,
        DATABASE_URL,
      ],
    };
  }
}
