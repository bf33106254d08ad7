import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { LegacyReadHandlers } from '@dailies/read-models-legacy';
import { LegacyAccountsController } from './accounts.controller';
import { LegacyAssetsController } from './assets.controller';
import { LegacyCommentsController } from './comments.controller';
import { LegacyAuthGuard } from './legacy-auth.guard';
import { LegacyErrorFilter, legacyProblemRewrite } from './legacy-errors';

/** Errors the HTTP layer raises before a /v1 route runs leave in the legacy shape too. */
@Injectable()
export class LegacyHttpSetup implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.host.httpAdapter?.getInstance() as FastifyInstance | undefined;
    fastify?.addHook('onSend', async (request, reply, payload) =>
      legacyProblemRewrite(request, reply, payload),
    );
  }
}

/**
 * The legacy /v1 contract (../shared/legacy/API.md), served by the Munger: thin controllers that
 * turn /v1 requests into the commands and queries /v2 uses and the answers into legacy records
 * through the legacy table definitions. Mounted by apps/munger alone and by the platform.
 */
@Module({
  controllers: [LegacyAccountsController, LegacyAssetsController, LegacyCommentsController],
  providers: [LegacyAuthGuard, LegacyErrorFilter, LegacyHttpSetup, ...LegacyReadHandlers],
})
export class ApiV1Module {}
