import type { DynamoItem, LegacyTableName, UnreadableItem } from '@dailies/legacy';

/** Where a page starts, as JSON (a DynamoDB ExclusiveStartKey, or a file and line of an export). */
export type PageStart = unknown;

export interface SourcePage {
  /** An export line that is not JSON is an UnreadableItem: one bad record, rejected. */
  items: (DynamoItem | UnreadableItem)[];
  /** Bytes the page's items took in the source (JSON size), for MB/s and batch sizing. */
  bytes: number[];
  start: PageStart | null;
  /** Where the next page starts; null after the last page of the segment. */
  next: PageStart | null;
}

export interface TableSource {
  /** Parallel, disjoint parts of the table; fixed for a run (checkpoints refer to them). */
  readonly segments: number;
  /** Items in the table when known (export manifests; DynamoDB's approximate ItemCount). */
  readonly totalItems: number | null;
  /** The segment's pages from `from` (null: its beginning). */
  pages(segment: number, from: PageStart | null): AsyncIterable<SourcePage>;
}

export interface Source {
  readonly description: string;
  open(table: LegacyTableName, segments: number): Promise<TableSource>;
  close(): Promise<void>;
}
