import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TransportErrorRoutes } from '@dailies/http';
import { LegacyReadHandlers } from '@dailies/read-models-legacy';
import { LegacyAccountsController } from './accounts.controller';
import { LegacyAssetsController } from './assets.controller';
import { LegacyCommentsController } from './comments.controller';
import { LegacyAuthGuard } from './legacy-auth.guard';
import { LEGACY_PREFIX, LegacyErrorFilter, legacyErrorResponder } from './legacy-errors';

/** Errors the HTTP layer raises on /v1 paths (unknown route, 413…) leave in the legacy shape. */
@Injectable()
export class LegacyErrorRoute implements OnModuleInit {
  constructor(private readonly routes: TransportErrorRoutes) {}

  onModuleInit(): void {
    this.routes.register(LEGACY_PREFIX, legacyErrorResponder);
  }
}

/**
 * The legacy /v1 contract (../shared/legacy/API.md), served by the Munger: thin controllers that
 * turn /v1 requests into the commands and queries /v2 uses and the answers into legacy records
 * through the legacy table definitions. Mounted by apps/munger alone and by the platform.
 */
@Module({
  controllers: [LegacyAccountsController, LegacyAssetsController, LegacyCommentsController],
  providers: [LegacyAuthGuard, LegacyErrorFilter, LegacyErrorRoute, ...LegacyReadHandlers],
})
export class ApiV1Module {}
