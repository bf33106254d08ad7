/**
 * Canonical text of a constant column default, so that Prisma's `@default(…)` value and
 * PostgreSQL's printed default compare equal when PostgreSQL would store the same value.
 * `type` is a column type as in ColumnShape (PostgreSQL's spelling).
 */
export function normaliseLiteral(type: string, text: string): string {
  if (type.endsWith('[]')) return text;
  if (type === 'jsonb') return canonicalJson(text, true);
  if (type === 'json') return canonicalJson(text, false);
  if (type === 'boolean') return normaliseBoolean(text);
  if (['smallint', 'integer', 'bigint', 'oid'].includes(type)) return normaliseInteger(text);
  if (/^(numeric|real|double precision|money)\b/.test(type)) return normaliseNumber(text);
  if (/^(timestamp|date)\b/.test(type)) return normaliseTimestamp(text, type.includes('with time'));
  return text;
}

/** A JavaScript list as a PostgreSQL array literal (`{a,"b c"}`). */
export function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((value) => {
    if (value === null) return 'NULL';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return /^[^{}",\\\s]+$/.test(text) && text.toUpperCase() !== 'NULL'
      ? text
      : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}

function canonicalJson(text: string, sortKeys: boolean): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (!sortKeys) return JSON.stringify(value);
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

function normaliseBoolean(text: string): string {
  const t = text.trim().toLowerCase();
  if (['t', 'true', 'y', 'yes', 'on', '1'].includes(t)) return 'true';
  if (['f', 'false', 'n', 'no', 'off', '0'].includes(t)) return 'false';
  return text;
}

function normaliseInteger(text: string): string {
  try {
    return BigInt(text.trim()).toString();
  } catch {
    return text;
  }
}

function normaliseNumber(text: string): string {
  const t = text.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    const n = Number(t);
    return Number.isFinite(n) ? String(n) : text;
  }
  const integer = match[2].replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && (integer !== '0' || fraction !== '') ? '-' : '';
  return `${sign}${integer}${fraction ? `.${fraction}` : ''}`;
}

function normaliseTimestamp(text: string, withTimeZone: boolean): string {
  let t = text.trim().replace(' ', 'T');
  if (/[+-]\d\d$/.test(t)) t += ':00';
  if (!withTimeZone) t = t.replace(/(Z|[+-]\d\d:\d\d)$/, '');
  if (!/(Z|[+-]\d\d:\d\d)$/.test(t) && t.includes('T')) t += 'Z';
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
