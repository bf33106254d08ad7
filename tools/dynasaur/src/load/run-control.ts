import type { LegacyTableName } from '@dailies/legacy';

export type RunMode = 'fresh' | 'resume' | 'restart';

export interface MigrateOptions {
  segments: number;
  batchRows: number;
  batchBytes: number;
  limit: number | null;
  mode: RunMode;
  maxErrors: number | null;
}

export interface TableResult {
  table: LegacyTableName;
  read: number;
  migrated: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  repairs: Record<string, number>;
  bytes: number;
  seconds: number;
  /** Stopped early by --limit: `notReached` items were not read. */
  limited: boolean;
  notReached: number | null;
  /** Stopped by --max-errors or a signal before the end: resumable. */
  stopped: boolean;
  skipped: boolean;
}

export class UsageError extends Error {}

/** Shared by every table of one `migrate` run: the stop flag and the --limit/--max-errors budgets. */
export class RunControl {
  stopReason: string | null = null;
  errors = 0;
  constructor(readonly maxErrors: number | null) {}

  countErrors(n: number): void {
    this.errors += n;
    if (this.maxErrors !== null && this.errors > this.maxErrors && !this.stopReason) {
      this.stopReason = `more than ${this.maxErrors} rejects (--max-errors)`;
    }
  }

  stop(reason: string): void {
    this.stopReason ??= reason;
  }
}
