interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: rows handed in by concurrent deliveries go to the database together, one
 * statement per group. The first row is written on the next turn of the event loop (with
 * whatever else arrived in that turn) and rows arriving while a write is in flight form the next
 * group, so a quiet log adds no delay and a busy one costs few round trips. Each caller's promise
 * settles with its group's write: a delivery is only acknowledged once its row is stored.
 * When a group fails, its rows are retried one by one, so only a bad row's delivery fails.
 */
export class GroupWriter<T> {
  private waiting: Waiting<T>[] = [];
  private writing = false;
  private scheduled = false;

  constructor(
    private readonly write: (items: T[]) => Promise<unknown>,
    private readonly maxGroup = 500,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, this.maxGroup);
        try {
          await this.write(group.map((w) => w.item));
          for (const w of group) w.resolve();
        } catch (error) {
          if (group.length === 1) group[0].reject(error);
          // One bad row must not fail its whole group, again on every retry: write them one by one.
          else await Promise.all(group.map((w) => this.write([w.item]).then(w.resolve, w.reject)));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
