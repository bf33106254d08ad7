import {
  AttributeValue,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoItem, LegacyTableName } from '@dailies/legacy';
import { RateLimiter, withRetry } from './retry';
import { Source, SourcePage, TableSource } from './source';

export interface DynamoSourceOptions {
  endpoint?: string;
  region: string;
  /** A prefix in front of every legacy table name (e.g. `prod-`). */
  tablePrefix?: string;
  maxReadRate?: number;
  retryAttempts?: number;
  /** First backoff step; it doubles per failed attempt (with jitter) up to 10 s. */
  retryBaseMs?: number;
  onRetry?: (message: string) => void;
}

/**
 * A live table through the DynamoDB API: parallel Scan (Segment/TotalSegments), 1 MB pages,
 * LastEvaluatedKey. A page that fails with throttling or a transient error is fetched again
 * from the same ExclusiveStartKey with backoff; `maxReadRate` caps items/s across segments.
 */
export class DynamoSource implements Source {
  readonly description: string;
  private readonly client: DynamoDBClient;
  private readonly limiter: RateLimiter | null;

  constructor(private readonly options: DynamoSourceOptions) {
    this.description = `dynamodb:${options.endpoint ?? `aws/${options.region}`}`;
    this.client = new DynamoDBClient({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      // Local endpoints (dynalite) accept any credentials; AWS uses the default chain.
      ...(options.endpoint && !process.env.AWS_ACCESS_KEY_ID
        ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
      // Retries are ours (withRetry): from the same page, with longer backoff than the SDK's.
      maxAttempts: 1,
    });
    this.limiter = options.maxReadRate ? new RateLimiter(options.maxReadRate) : null;
  }

  private tableName(table: LegacyTableName): string {
    return `${this.options.tablePrefix ?? ''}${table}`;
  }

  async open(table: LegacyTableName, segments: number): Promise<TableSource> {
    const name = this.tableName(table);
    const described = await withRetry(
      () => this.client.send(new DescribeTableCommand({ TableName: name })),
      this.retryOptions(),
    );
    const count = described.Table?.ItemCount;
    return {
      segments,
      totalItems: typeof count === 'number' && count > 0 ? count : null,
      pages: (segment, from) =>
        this.scan(name, segment, segments, from as Record<string, AttributeValue> | null),
    };
  }

  private retryOptions() {
    return {
      attempts: this.options.retryAttempts ?? 12,
      baseMs: this.options.retryBaseMs ?? 100,
      maxMs: 10_000,
      onRetry: (error: unknown, attempt: number, delay: number) =>
        this.options.onRetry?.(
          `scan retry ${attempt} in ${delay} ms: ${(error as Error).name ?? 'error'} ${(error as Error).message ?? ''}`,
        ),
    };
  }

  private async *scan(
    table: string,
    segment: number,
    total: number,
    from: Record<string, AttributeValue> | null,
  ): AsyncGenerator<SourcePage> {
    let start = from;
    for (;;) {
      const page = await withRetry(
        () =>
          this.client.send(
            new ScanCommand({
              TableName: table,
              Segment: segment,
              TotalSegments: total,
              ExclusiveStartKey: start ?? undefined,
              ...(this.options.maxReadRate
                ? { Limit: Math.max(1, Math.min(1000, Math.floor(this.options.maxReadRate))) }
                : {}),
            }),
          ),
        this.retryOptions(),
      );
      const items = (page.Items ?? []) as DynamoItem[];
      if (this.limiter) await this.limiter.take(items.length);
      const next = page.LastEvaluatedKey ?? null;
      yield { items, bytes: items.map(itemSize), start, next };
      if (!next) return;
      start = next;
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

/** Roughly the item's size as DynamoDB counts it (names plus string values). */
function itemSize(item: DynamoItem): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    size += name.length + (typeof value.S === 'string' ? value.S.length : 8);
  }
  return size;
}
