import { EmailSender } from './email-sender';

export interface EmailSendLoopOptions {
  /** Pause between polls when nothing was due. */
  intervalMs: number;
  /** Told about a failed round (database down, …); the loop keeps going. */
  onError?: (error: unknown) => void;
}

/**
 * Drains the queue, then polls every `intervalMs`: what makes queued mail go out in a running
 * process. Several instances may each run one — the sender's SKIP LOCKED claims keep them apart.
 * `stop()` waits for the send in progress, so no claimed row is abandoned mid-send on shutdown.
 */
export class EmailSendLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly sender: EmailSender,
    private readonly options: EmailSendLoopOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs a round now (after a commit that queued mail, say) instead of at the next poll. */
  poke(): void {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.options.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    try {
      while (!this.stopped && (await this.sender.sendNext()) !== null) {
        // keep going while mail is due
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
