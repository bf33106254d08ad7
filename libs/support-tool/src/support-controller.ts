import { applyDecorators, Controller, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { StaffRole } from '@dailies/core';
import { HtmlErrorFilter } from './html-error.filter';
import { StaffSessionGuard } from './staff-session.guard';

export const PUBLIC_SUPPORT = 'support:public';
export const STAFF_ROLES = 'support:roles';

/** Routes reachable without a staff session (sign-in, static assets). */
export const PublicSupport = () => SetMetadata(PUBLIC_SUPPORT, true);

/** Only these staff roles may use the route (default: every staff member). */
export const StaffRoles = (...roles: StaffRole[]) => SetMetadata(STAFF_ROLES, roles);

/**
 * A Support Tool controller below /support: a staff session (and a CSRF token on every unsafe
 * request) required unless @PublicSupport(), errors answered as HTML pages.
 */
export const SupportController = (path?: string) =>
  applyDecorators(
    Controller(path ? `support/${path}` : 'support'),
    UseGuards(StaffSessionGuard),
    UseFilters(HtmlErrorFilter),
    // Staff pages, not part of the public API document.
    ApiExcludeController(),
  );
