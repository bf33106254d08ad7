import { Injectable } from '@nestjs/common';
import { USAGE_CONSUMER, USAGE_EVENT_CLASSES, UsageDelta, usageDeltaOf } from '@dailies/core';
import { Tx } from '@dailies/db';
import {
  Consumer,
  ConsumerOptions,
  DeliveryContext,
  DomainEvent,
  EventConsumer,
} from '@dailies/events';

/**
 * Keeps account_usage current from asset events, by the usage rule (libs/core usage-rule.ts:
 * files count until purged for good, trash included; bytes once uploaded). An increment is not
 * idempotent by itself, so it runs under ctx.once: the increment and the (usage, event id)
 * marker commit together, and a redelivery finds the marker and does nothing. Increments
 * commute, so deliveries need no ordering.
 */
@Consumer()
@Injectable()
export class UsageConsumer implements EventConsumer {
  readonly options: ConsumerOptions = {
    name: USAGE_CONSUMER,
    events: USAGE_EVENT_CLASSES,
    concurrency: 8,
  };

  async handle(event: DomainEvent, ctx: DeliveryContext): Promise<void> {
    const accountId = event.accountId;
    if (!accountId) return;
    const delta = usageDeltaOf(event.eventName, event.payload);
    if (!delta) return;
    await ctx.once((tx) => addUsage(tx, accountId, delta));
  }
}

/** Adds to the account's figures, creating its row; nothing when the account is gone. */
async function addUsage(tx: Tx, accountId: string, delta: UsageDelta): Promise<void> {
  const bytes = BigInt(Math.trunc(delta.storageBytes));
  await tx.$executeRaw`
    INSERT INTO account_usage (account_id, storage_bytes, asset_count, updated_at)
    SELECT id, ${bytes}::bigint, ${delta.assetCount}::int, now() FROM accounts
    WHERE id = ${accountId}::uuid
    ON CONFLICT (account_id) DO UPDATE SET
      storage_bytes = account_usage.storage_bytes + EXCLUDED.storage_bytes,
      asset_count = account_usage.asset_count + EXCLUDED.asset_count,
      updated_at = now()`;
}
