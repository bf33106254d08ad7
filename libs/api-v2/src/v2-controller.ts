import {
  applyDecorators,
  Controller,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { BearerAuthGuard, LegacyIdParamsInterceptor, ProblemDetailsFilter } from '@dailies/http';

/**
 * A /v2 controller and the transport's rules, scoped to it: Bearer authentication (routes opt
 * out with @Public()), problem+json errors, and legacy ids in route parameters rewritten to new
 * ids. `path` is below /v2.
 */
export const V2Controller = (path?: string) =>
  applyDecorators(
    Controller(path ? `v2/${path}` : 'v2'),
    UseGuards(BearerAuthGuard),
    UseFilters(ProblemDetailsFilter),
    UseInterceptors(LegacyIdParamsInterceptor),
  );
