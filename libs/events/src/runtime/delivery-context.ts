import type { Tx } from '@dailies/db';
import type { DeliveryContext } from './consumer';
import type { ProcessedEvents } from './processed-events';

export class RuntimeDeliveryContext implements DeliveryContext {
  // Most handlers never look at their signal: an AbortController per delivery would be waste.
  private controller: AbortController | undefined;
  private abortReason: unknown;
  private aborted = false;

  constructor(
    readonly consumer: string,
    readonly eventId: string,
    readonly attempt: number,
    readonly maxAttempts: number,
    private readonly processed: ProcessedEvents | undefined,
  ) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.abortReason);
    }
    return this.controller.signal;
  }

  /** Tells the handler to give up (timeout, shutdown). */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.abortReason = reason;
    this.controller?.abort(reason);
  }

  once(effect: (tx: Tx) => Promise<void>): Promise<boolean> {
    if (!this.processed) {
      return Promise.reject(new Error('ctx.once needs ProcessedEvents (EventsModule provides it)'));
    }
    return this.processed.runOnce(this.consumer, this.eventId, effect);
  }
}

export class DeliveryTimeoutError extends Error {
  constructor(consumer: string, timeoutMs: number) {
    super(`Consumer "${consumer}" did not finish within ${timeoutMs} ms`);
    this.name = 'DeliveryTimeoutError';
  }
}

/** The error as stored with the delivery: its stack (or message), at most 4,000 characters. */
export function describeError(error: unknown): string {
  const text =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.length > 4000 ? `${text.slice(0, 3997)}...` : text;
}
