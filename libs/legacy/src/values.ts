import type { RejectReason } from './reasons';

/**
 * One legacy record as the store holds it: attribute name → string (SCHEMA.md rule 1). A missing
 * attribute, `""` and `"null"` all mean "no value".
 */
export type RawItem = Record<string, string>;

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Thrown by the readers below; a table's parse turns it into a rejection. */
export class LegacyValueError extends Error {
  constructor(
    readonly reason: RejectReason,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function present(raw: RawItem, field: string): string | null {
  const value = raw[field];
  return value === undefined || value === '' || value === 'null' ? null : value;
}

export function readString(raw: RawItem, field: string): string | null {
  return present(raw, field);
}

export function requireString(raw: RawItem, field: string): string {
  const value = present(raw, field);
  if (value === null) throw new LegacyValueError('missing_value', field, `${field} is missing`);
  return value;
}

function invalid(field: string, value: string, what: string): LegacyValueError {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return new LegacyValueError(
    'invalid_value',
    field,
    `${field} is not ${what}: ${JSON.stringify(shown)}`,
  );
}

export function readBoolean(raw: RawItem, field: string, fallback: boolean): boolean {
  const value = present(raw, field);
  if (value === null) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalid(field, value, 'a boolean ("true" or "false")');
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function readInteger(
  raw: RawItem,
  field: string,
  range: { min?: number; max?: number } = {},
): number | null {
  const value = present(raw, field);
  if (value === null) return null;
  const n = Number(value);
  if (!INTEGER.test(value) || !Number.isSafeInteger(n)) throw invalid(field, value, 'an integer');
  if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw invalid(field, value, `an integer in [${range.min ?? '-∞'}, ${range.max ?? '∞'}]`);
  }
  return n;
}

export function readDecimal(
  raw: RawItem,
  field: string,
  range: { min?: number } = {},
): number | null {
  const value = present(raw, field);
  if (value === null) return null;
  const n = Number(value);
  if (!DECIMAL.test(value) || !Number.isFinite(n)) throw invalid(field, value, 'a decimal number');
  if (range.min !== undefined && n < range.min)
    throw invalid(field, value, `a number ≥ ${range.min}`);
  return n;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const EPOCH_SECONDS = /^\d{1,11}$/;
// The legacy store ran 2014-2018; anything outside these bounds is a misread, not a date.
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

/**
 * SCHEMA.md rule 3: ISO-8601 (with or without milliseconds, `Z` or an offset) or Unix epoch
 * seconds. A local time without a zone, epoch milliseconds or an impossible date is a bad value.
 * Instants keep millisecond precision (the new columns are timestamptz(3)).
 */
export function parseTimestamp(value: string): Date | null {
  let time: number;
  if (EPOCH_SECONDS.test(value)) {
    time = Number(value) * 1000;
  } else {
    const m = ISO.exec(value);
    if (!m) return null;
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000 + 1e-6) : 0;
    const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
    const check = new Date(local);
    // Date.UTC rolls Feb 30 over to Mar 2: a round trip catches impossible dates.
    if (
      check.getUTCFullYear() !== +y ||
      check.getUTCMonth() !== +mo - 1 ||
      check.getUTCDate() !== +d ||
      +h > 23 ||
      +mi > 59 ||
      +s > 59
    ) {
      return null;
    }
    let offsetMinutes = 0;
    if (zone !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const [oh, om] = zone.slice(1).split(':').map(Number);
      if (oh > 14 || om > 59) return null;
      offsetMinutes = sign * (oh * 60 + om);
    }
    time = local - offsetMinutes * 60_000;
  }
  if (time < MIN_TIME || time >= MAX_TIME) return null;
  return new Date(time);
}

export function readTimestamp(raw: RawItem, field: string): Date | null {
  const value = present(raw, field);
  if (value === null) return null;
  const date = parseTimestamp(value);
  if (!date) throw invalid(field, value, 'a timestamp (ISO-8601 with a zone, or epoch seconds)');
  return date;
}

export function requireTimestamp(raw: RawItem, field: string): Date {
  const date = readTimestamp(raw, field);
  if (!date) throw new LegacyValueError('missing_value', field, `${field} is missing`);
  return date;
}

export function readEnum<T extends string>(
  raw: RawItem,
  field: string,
  values: readonly T[],
  fallback: T | null,
): T {
  const value = present(raw, field);
  if (value === null) {
    if (fallback === null)
      throw new LegacyValueError('missing_value', field, `${field} is missing`);
    return fallback;
  }
  if (!(values as readonly string[]).includes(value)) {
    throw invalid(field, value, `one of ${values.join(', ')}`);
  }
  return value as T;
}

/**
 * Deeper JSON is a bad value: nothing the legacy app wrote nests this far, and a document of
 * thousands of levels overflows the stack of whatever encodes it next (JSON.stringify, jsonb).
 */
export const MAX_JSON_DEPTH = 64;

function depthOf(value: JsonValue): number {
  let max = 0;
  const stack: [JsonValue, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [JsonValue, number];
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, depth + 1);
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return max;
}

function parseJson(field: string, value: string): JsonValue {
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(value) as JsonValue;
  } catch {
    throw invalid(field, value, 'JSON');
  }
  if (depthOf(parsed) > MAX_JSON_DEPTH) {
    throw invalid(field, value, `JSON nested at most ${MAX_JSON_DEPTH} levels deep`);
  }
  return parsed;
}

/**
 * SCHEMA.md rule 2: a JSON-encoded list of ids inside one string; `"[]"`, `"null"` and missing
 * are the empty list. Duplicates are normal and dropped (first occurrence keeps its place); an
 * element that is not an id of the expected format makes the whole value bad.
 */
export function readIdList(raw: RawItem, field: string, isId: (id: string) => boolean): string[] {
  const value = present(raw, field);
  if (value === null) return [];
  const parsed = parseJson(field, value);
  if (!Array.isArray(parsed)) throw invalid(field, value, 'a JSON list of ids');
  const seen = new Set<string>();
  for (const id of parsed) {
    if (typeof id !== 'string' || !isId(id)) throw invalid(field, value, 'a JSON list of ids');
    seen.add(id);
  }
  return [...seen];
}

export function readJsonObject(raw: RawItem, field: string): JsonObject | null {
  const value = present(raw, field);
  if (value === null) return null;
  const parsed = parseJson(field, value);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid(field, value, 'a JSON object');
  }
  return parsed;
}

/** A JSON object or list (drawing data). */
export function readJsonDocument(raw: RawItem, field: string): JsonObject | JsonValue[] | null {
  const value = present(raw, field);
  if (value === null) return null;
  const parsed = parseJson(field, value);
  if (parsed === null || typeof parsed !== 'object') {
    throw invalid(field, value, 'a JSON object or list');
  }
  return parsed;
}

export function requireMatch(
  raw: RawItem,
  field: string,
  test: (v: string) => boolean,
  what: string,
): string {
  const value = requireString(raw, field);
  if (!test(value)) throw invalid(field, value, what);
  return value;
}

export function readMatch(
  raw: RawItem,
  field: string,
  test: (v: string) => boolean,
  what: string,
): string | null {
  const value = present(raw, field);
  if (value !== null && !test(value)) throw invalid(field, value, what);
  return value;
}

// ---- new → old: the canonical /v1 encodings (API.md "Records") ----

export const NO_VALUE = 'null';

export function formatString(value: string | null): string {
  return value === null ? NO_VALUE : value;
}

export function formatBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}

/** ISO-8601 UTC with milliseconds. */
export function formatTimestamp(value: Date | null): string {
  return value === null ? NO_VALUE : value.toISOString();
}

/** The shortest plain decimal that reads back to the same number, never an exponent. */
export function formatNumber(value: number | null): string {
  if (value === null) return NO_VALUE;
  const s = String(value);
  if (!/e/i.test(s)) return s;
  const [mantissa, exp] = s.split(/e/i);
  const negative = mantissa.startsWith('-');
  const [intPart, fracPart = ''] = mantissa.replace('-', '').split('.');
  const digits = intPart + fracPart;
  const point = intPart.length + Number(exp);
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + plain;
}

export function formatIdList(ids: readonly string[]): string {
  return JSON.stringify(ids);
}

export function formatJson(value: JsonValue | undefined): string {
  return value === null || value === undefined ? NO_VALUE : JSON.stringify(value);
}
