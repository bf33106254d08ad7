import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { HealthController, Readiness } from './health.controller';
import { RequestContextInterceptor } from './request-context.interceptor';
import { TransportErrorFilter, TransportErrorRoutes } from './transport-errors';

/**
 * What every HTTP transport shares: request context, health, and the routing of framework
 * errors by URL prefix. Authentication, error shapes and id rewrites belong to each transport
 * (`/v2` in @dailies/api-v2, `/v1` in @dailies/api-v1, GraphQL in @dailies/api-graphql).
 */
@Global()
@Module({
  controllers: [HealthController],
  providers: [
    Readiness,
    TransportErrorRoutes,
    { provide: APP_FILTER, useClass: TransportErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [Readiness, TransportErrorRoutes],
})
export class HttpModule {}
