import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';
import { DatabaseListener, SqlPool } from '@dailies/db';
import { GraphqlConfig } from '../graphql.config';
import { LiveHub } from './live-hub';
import { LIVE_TRANSPORT, LiveTransport } from './live-transport';
import { PgLiveTransport } from './pg-live-transport';
import { RedisLiveTransport } from './redis-live-transport';

/** Live updates across instances: the transport (PostgreSQL or Redis) and this instance's hub. */
@Module({
  providers: [
    {
      provide: LIVE_TRANSPORT,
      inject: [APP_CONFIG, DatabaseListener, SqlPool],
      useFactory: (
        config: GraphqlConfig,
        listener: DatabaseListener,
        sql: SqlPool,
      ): LiveTransport =>
        config.GRAPHQL_PUBSUB_URL
          ? new RedisLiveTransport(config.GRAPHQL_PUBSUB_URL)
          : new PgLiveTransport(listener, sql),
    },
    LiveHub,
  ],
  exports: [LiveHub],
})
export class LiveModule {}
