import { sleep, TestConsumer } from './runtime-test-kit';

export const LEDGER_CONSUMERS = ['ledger-a', 'ledger-b'] as const;

/** Consumers whose effect is a test_effects row, made idempotent with ctx.once. */
export function ledgerConsumers(delayMs = 0): TestConsumer[] {
  return LEDGER_CONSUMERS.map(
    (name) =>
      new TestConsumer({ name, events: '*', concurrency: 2 }, async (event, ctx) => {
        await ctx.once(async (tx) => {
          await tx.$executeRawUnsafe(
            'INSERT INTO test_effects (consumer, event_id) VALUES ($1, $2::uuid)',
            name,
            event.id,
          );
          if (delayMs > 0) await sleep(delayMs);
        });
      }),
  );
}
