import { RepairCode } from '@dailies/legacy';
import { SourcePage } from '../sources/source';
import { RunControl } from './run-control';
import { prepareItem, RejectRecord } from './prepare';
import { TableLoader } from './table-loader';

/** Where a segment stands: the page it was in and how many of that page's items are committed. */
export interface Position {
  page: unknown;
  offset: number;
}

export class Batch {
  lines: string[] = [];
  bytes = 0;
  read = 0;
  rejects: RejectRecord[] = [];
  /** Per line: the legacy id and the (redacted) raw record, for rejects found in the database. */
  ids: string[] = [];
  raws: RejectRecord['raw'][] = [];
  repairs: Partial<Record<RepairCode, number>> = {};
  position: Position | null = null;
}

/**
 * Prepares the page's item `index` into the batch: its staging line (or its reject), its bytes,
 * its repairs, and the position just after it (what a checkpoint of this batch records).
 */
export function addItem(
  batch: Batch,
  loader: TableLoader<unknown>,
  control: RunControl,
  page: SourcePage,
  index: number,
  segment: number,
): void {
  const item = page.items[index];
  const prepared = prepareItem(
    loader.table,
    loader,
    item,
    `${segment}:${JSON.stringify(page.start)}:${index}`,
  );
  batch.read++;
  batch.bytes += page.bytes[index] ?? 0;
  batch.position =
    index + 1 < page.items.length || !page.next
      ? { page: page.start, offset: index + 1 }
      : { page: page.next, offset: 0 };
  if (!prepared.ok) {
    batch.rejects.push(prepared.reject);
    control.countErrors(1);
    return;
  }
  batch.lines.push(prepared.line);
  batch.ids.push(prepared.legacyId);
  batch.raws.push(prepared.raw);
  for (const code of prepared.repairs) batch.repairs[code] = (batch.repairs[code] ?? 0) + 1;
}
