import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | Date | null | readonly (string | null)[];

/** PostgreSQL COPY text format: backslash escapes, tab-separated, \N for null. */
function escapeText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function arrayLiteral(items: readonly (string | null)[]): string {
  return `{${items.map((i) => (i === null ? 'NULL' : `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

export function encodeCopyValue(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escapeText(arrayLiteral(value));
}

export function encodeCopyRow(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += encodeCopyValue(values[i]);
  }
  return `${line}\n`;
}

/**
 * Streams pre-encoded rows into `table (columns)` with one COPY, waiting for the socket to drain
 * between chunks (backpressure: the encoded batch is not copied whole into the socket's buffer).
 */
export async function copyInto(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
  });
  // A failure is awaited below; until then this only keeps it from counting as unhandled.
  finished.catch(() => undefined);
  let failed = false;
  stream.once('error', () => (failed = true));
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('error', done);
    });
  // Chunks of ~256 KB keep the socket busy without building one giant string.
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1 << 18) {
      const more = stream.write(chunk);
      chunk = '';
      if (failed) break;
      if (!more) await drained();
    }
  }
  if (!failed) {
    if (chunk) stream.write(chunk);
    stream.end();
  }
  await finished;
}
