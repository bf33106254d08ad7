import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { BearerAuthGuard } from './auth.guard';
import { HealthController, Readiness } from './health.controller';
import { LegacyIdParamsInterceptor } from './legacy-id-params';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestContextInterceptor } from './request-context.interceptor';

/** Cross-cutting HTTP behaviour: auth, problem+json errors, request context, legacy ids, health. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [
    Readiness,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
    { provide: APP_INTERCEPTOR, useClass: LegacyIdParamsInterceptor },
  ],
  exports: [Readiness],
})
export class HttpModule {}
