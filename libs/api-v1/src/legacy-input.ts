import { validationFailed } from '@dailies/core';
import { HexIdTable, isHexId, newIdFromHex } from '@dailies/legacy';

// API.md "Input": values may come as strings or as JSON numbers and booleans (`{"timestamp":
// "120"}` and `{"timestamp": 120}` mean the same); unknown attributes are ignored. These readers
// turn one attribute of a legacy body into what the /v2 command expects, or refuse it (422).

export type LegacyBody = Record<string, unknown>;

/** The body as an object ({} when absent); anything else is invalid. */
export function legacyBody(body: unknown): LegacyBody {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw validationFailed([{ field: '(body)', message: 'must be a JSON object' }]);
  }
  return body as LegacyBody;
}

const invalid = (field: string, message: string) => validationFailed([{ field, message }]);

/** `undefined` when absent; `null` for JSON null, "null" and "" (SCHEMA.md: no value). */
function raw(body: LegacyBody, field: string): unknown {
  const value = body[field];
  if (value === undefined) return undefined;
  if (value === null || value === 'null' || value === '') return null;
  return value;
}

export function readText(body: LegacyBody, field: string): string | null | undefined {
  const value = raw(body, field);
  if (value === undefined || value === null) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalid(field, 'must be a string');
}

export function readInteger(body: LegacyBody, field: string): number | null | undefined {
  const value = raw(body, field);
  if (value === undefined || value === null) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const n = Number(value.trim());
    if (Number.isSafeInteger(n)) return n;
  }
  throw invalid(field, 'must be a whole number');
}

export function readDecimal(body: LegacyBody, field: string): number | null | undefined {
  const value = raw(body, field);
  if (value === undefined || value === null) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  throw invalid(field, 'must be a number');
}

export function readBoolean(body: LegacyBody, field: string): boolean | null | undefined {
  const value = raw(body, field);
  if (value === undefined || value === null) return value;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw invalid(field, 'must be true or false');
}

/** A JSON object or list, sent as such or JSON-encoded in a string (as records serve it). */
export function readJson(body: LegacyBody, field: string): object | null | undefined {
  const value = raw(body, field);
  if (value === undefined || value === null) return value;
  if (typeof value === 'object') return value;
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      if (parsed === null) return null;
      if (typeof parsed === 'object') return parsed;
    } catch {
      // fall through
    }
  }
  throw invalid(field, 'must be a JSON object or list (or one encoded in a string)');
}

/**
 * An id from a request, legacy or new: the 24-hex id of a migrated user, account, team or project
 * becomes its new id (derived, no lookup); anything else (new ids, asset/comment/review link
 * UUIDs, which migrated records kept) is used as it is.
 */
export function requestId(id: string, table?: HexIdTable): string {
  const trimmed = id.trim();
  return table && isHexId(trimmed) ? newIdFromHex(table, trimmed) : trimmed;
}

/** Drops undefined entries (absent attributes), so /v2 commands see only what was sent. */
export function defined<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
