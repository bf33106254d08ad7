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

/** Streams pre-encoded rows into `table (columns)` with one COPY. */
export async function copyInto(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  lines: readonly string[],
): Promise<void> {
  if (lines.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    // Chunks of ~1 MB keep the socket busy without building one giant string.
    let chunk = '';
    const flush = () => {
      if (chunk) stream.write(chunk);
      chunk = '';
    };
    for (const line of lines) {
      chunk += line;
      if (chunk.length > 1 << 20) flush();
    }
    flush();
    stream.end();
  });
}
