import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { LegacyAuthGuard } from './legacy-auth.guard';
import { LegacyErrorFilter } from './legacy-errors';

/**
 * A /v1 controller and the transport's rules, scoped to it: legacy authentication (Token or
 * Bearer), legacy errors, and no place in the /v2 OpenAPI document.
 */
export const LegacyController = () =>
  applyDecorators(
    Controller('v1'),
    UseGuards(LegacyAuthGuard),
    UseFilters(LegacyErrorFilter),
    ApiExcludeController(),
  );
