import { createHash } from 'node:crypto';
import { EmailOutbox } from '@dailies/email';
import type { ClientBase, Pool } from 'pg';
import { alertMail } from './alert-mail';
import {
  ErrorGroupRow,
  inTransaction,
  lastAlertAt,
  lockAlertDecisions,
  markAlerted,
  Occurrences,
  recordOccurrences,
  unalertedGroups,
} from './error-groups';
import { fingerprintError } from './fingerprint';

export interface ErrorAlertsOptions {
  /** Who is mailed; empty = groups are stored, nobody is mailed. */
  recipients: readonly string[];
  /** At most one alert mail per window; the rest is summarised in the next one. */
  windowMs: number;
  /** Named in the subject (NODE_ENV). */
  environment: string;
  /** Time and the summary timer (default the system's; tests pass the jobs' TestClock). */
  clock?: AlertClock;
  /** Where alerting's own failures go (it never reports itself). */
  log?: (message: string) => void;
}

/** What ErrorAlerts needs of a clock (pg-boss' Clock and TestClock fit). */
export interface AlertClock {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const SYSTEM_CLOCK: AlertClock = {
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/** Distinct groups kept in memory while the database cannot be written; beyond, only counted. */
const MAX_PENDING_GROUPS = 1000;
const RETRY_MS = 1000;

/**
 * Where uncaught errors are reported (HTTP 500s, GraphQL, /v1, dead letters, failed jobs, the
 * process' own handlers). `report` never throws and never waits: occurrences are counted in
 * memory by fingerprint and written in the background, so a burst of a thousand identical errors
 * is a handful of UPDATEs, not a thousand transactions. A new (or regressed) group is mailed at
 * once unless a mail went out within the window; everything else waits for the next summary,
 * which `sendSummaries` (run by a timer, once across instances) sends when the window is over.
 */
export class ErrorAlerts {
  private pending = new Map<string, Occurrences>();
  private droppedOccurrences = 0;
  private flushing: Promise<boolean> | null = null;
  private scheduled = false;
  private stopped = false;
  private summaryTimer: unknown = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly clock: AlertClock;
  private readonly log: (message: string) => void;

  constructor(
    private readonly pool: Pool,
    private readonly outbox: EmailOutbox,
    private readonly options: ErrorAlertsOptions,
  ) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.log = options.log ?? (() => undefined);
  }

  report(error: unknown, source: string): void {
    try {
      const print = fingerprintError(error);
      const at = this.now();
      const known = this.pending.get(print.fingerprint);
      if (known) {
        known.count += 1;
        known.lastAt = at;
      } else if (this.pending.size >= MAX_PENDING_GROUPS) {
        this.droppedOccurrences += 1;
      } else {
        this.pending.set(print.fingerprint, {
          print,
          source,
          sampleStack: sampleStackOf(error, print.errorClass, print.message),
          count: 1,
          firstAt: at,
          lastAt: at,
        });
      }
      this.schedule();
    } catch {
      // Reporting an error must never raise another one where it was caught.
    }
  }

  /** Writes everything reported so far (tests and shutdown wait for it); stops if it cannot. */
  async flush(): Promise<void> {
    while (this.flushing || this.pending.size) {
      this.flushing ??= this.writePending().finally(() => {
        this.flushing = null;
      });
      if (!(await this.flushing)) return; // the database refused: the retry timer takes over
    }
  }

  /** Starts the summary timer (a quarter of the window, at most 30 s, between looks). */
  start(): void {
    if (this.summaryTimer) return;
    const every = Math.min(Math.max(Math.floor(this.options.windowMs / 4), 50), 30_000);
    this.summaryTimer = this.clock.setInterval(() => {
      this.sendSummaries().catch((error: unknown) =>
        this.log(`alert summary failed: ${String(error)}`),
      );
    }, every);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.summaryTimer) this.clock.clearInterval(this.summaryTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.summaryTimer = this.retryTimer = null;
    await this.flush().catch(() => undefined);
  }

  /**
   * Mails one summary of every group with occurrences no mail has covered, if the last alert
   * mail is a window old. Returns how many groups it covered (0: nothing due).
   */
  async sendSummaries(): Promise<number> {
    const now = this.now();
    return inTransaction(this.pool, async (client) => {
      await lockAlertDecisions(client);
      if (this.withinWindow(await lastAlertAt(client), now)) return 0;
      const groups = await unalertedGroups(client);
      if (groups.length) await this.mail(client, groups, now);
      return groups.length;
    });
  }

  private now(): Date {
    return new Date(this.clock.now());
  }

  private schedule(): void {
    if (this.scheduled || this.stopped || this.retryTimer) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush().then(() => {
        if (this.pending.size) this.schedule();
      });
    });
  }

  /** False when the database could not be written (the rest is kept for a retry). */
  private async writePending(): Promise<boolean> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (this.droppedOccurrences) {
      this.log(
        `${this.droppedOccurrences} error occurrences not grouped (too many groups at once)`,
      );
      this.droppedOccurrences = 0;
    }
    for (let i = 0; i < batch.length; i++) {
      try {
        await this.record(batch[i]);
      } catch (error) {
        // The database is unreachable: keep the counts and try again a little later.
        for (const left of batch.slice(i)) this.keep(left);
        this.log(`recording uncaught errors failed, retrying: ${String(error)}`);
        if (!this.stopped && !this.retryTimer) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            this.schedule();
          }, RETRY_MS);
          this.retryTimer.unref();
        }
        return false;
      }
    }
    return true;
  }

  private keep(o: Occurrences): void {
    const known = this.pending.get(o.print.fingerprint);
    if (!known) this.pending.set(o.print.fingerprint, o);
    else {
      known.count += o.count;
      known.firstAt = o.firstAt < known.firstAt ? o.firstAt : known.firstAt;
    }
  }

  private async record(o: Occurrences): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await lockAlertDecisions(client);
      const { group, alertWorthy } = await recordOccurrences(client, o);
      if (!alertWorthy) return; // counted; the next summary covers it
      const now = this.now();
      if (this.withinWindow(await lastAlertAt(client), now)) return;
      await this.mail(client, [group], now);
    });
  }

  private withinWindow(last: Date | null, now: Date): boolean {
    return last !== null && now.getTime() - last.getTime() < this.options.windowMs;
  }

  /** Records one mail per recipient (idempotent keys) and marks the groups as covered. */
  private async mail(client: ClientBase, groups: ErrorGroupRow[], at: Date): Promise<void> {
    const mail = alertMail(groups, this.options.environment);
    const covered = groups.map((g) => g.fingerprint);
    const digest = createHash('sha256').update(covered.join(',')).digest('hex').slice(0, 16);
    for (const to of this.options.recipients) {
      await this.outbox.enqueue(client, `error-alert:${at.toISOString()}:${digest}:${to}`, {
        kind: 'error-alert',
        to,
        mail,
      });
    }
    await markAlerted(client, covered, at);
  }
}

/** The stack with its first line(s) — the raw message, which may quote request data — replaced. */
function sampleStackOf(error: unknown, errorClass: string, message: string): string | null {
  if (!(error instanceof Error) || !error.stack) return null;
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  return [`${errorClass}: ${message}`, ...frames.slice(0, 30)].join('\n');
}
