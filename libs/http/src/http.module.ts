import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { BearerAuthGuard } from './auth.guard';
import { HealthController, Readiness } from './health.controller';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestContextInterceptor } from './request-context.interceptor';

/** Cross-cutting HTTP behaviour: auth, problem+json errors, request context, health. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [
    Readiness,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [Readiness],
})
export class HttpModule {}
