import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@dailies/http';
import { LegacyAuthGuard } from './legacy-auth.guard';
import { LegacyErrorFilter } from './legacy-errors';

/**
 * A /v1 controller: legacy authentication (Token or Bearer) instead of the global Bearer guard,
 * legacy errors instead of problem+json, and no place in the /v2 OpenAPI document.
 */
export const LegacyController = () =>
  applyDecorators(
    Controller('v1'),
    Public(),
    UseGuards(LegacyAuthGuard),
    UseFilters(LegacyErrorFilter),
    ApiExcludeController(),
  );
