import fc from 'fast-check';
import { DynamoItem, LEGACY_TABLE_NAMES, LegacyTableName, RawItem } from '@dailies/legacy';

// A small consistent legacy world (one record per table, each referring to the others), and
// fast-check arbitraries for hostile records of every table that refer to it: so a hostile record
// fails for what was done to it, not for a dangling reference.

const USER = '5f1c0000000000000000a001';
const ACCOUNT = '5f1c0000000000000000b001';
const TEAM = '5f1c0000000000000000c001';
const PROJECT = '5f1c0000000000000000d001';
const ROOT = '0b0e0000-0000-4000-8000-000000000001';
const FILE = '0b0e0000-0000-4000-8000-000000000002';
const COMMENT = '0b0e0000-0000-4000-8000-000000000003';
const LINK = '0b0e0000-0000-4000-8000-000000000004';
export const DIGEST = '$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234';

const times = { created_at: '2016-03-01T12:00:00Z', updated_at: '1456833600' };

export const BASE_WORLD: Record<LegacyTableName, RawItem> = {
  users: {
    id: USER,
    email: 'ana@studio.example',
    name: 'Ana',
    password_digest: DIGEST,
    account_ids: JSON.stringify([ACCOUNT]),
    timezone: 'Europe/Berlin',
    email_confirmed: 'true',
    last_login_at: 'null',
    settings: '{"digest":"hourly"}',
    deleted: 'false',
    ...times,
  },
  accounts: {
    id: ACCOUNT,
    name: 'Studio',
    owner_id: USER,
    plan: 'pro',
    storage_limit: '1048576',
    member_ids: JSON.stringify([USER]),
    admin_ids: JSON.stringify([USER]),
    team_ids: JSON.stringify([TEAM]),
    deleted: 'false',
    ...times,
  },
  teams: {
    id: TEAM,
    account_id: ACCOUNT,
    name: 'Editorial',
    member_ids: JSON.stringify([USER]),
    project_ids: JSON.stringify([PROJECT]),
    deleted: 'false',
    ...times,
  },
  projects: {
    id: PROJECT,
    team_id: TEAM,
    name: 'Episode 1',
    owner_id: USER,
    root_asset_id: ROOT,
    collaborator_ids: JSON.stringify([USER]),
    reviewer_ids: '[]',
    private: 'false',
    archived: 'false',
    deleted_at: 'null',
    ...times,
  },
  assets: {
    id: ROOT,
    project_id: PROJECT,
    parent_id: 'null',
    type: 'folder',
    name: 'Root',
    filetype: 'null',
    filesize: '0',
    duration: 'null',
    fps: 'null',
    frames: 'null',
    status: 'ready',
    label: 'none',
    creator_id: USER,
    version: '1',
    child_ids: JSON.stringify([FILE]),
    properties: '{}',
    deleted_at: 'null',
    ...times,
  },
  comments: {
    id: COMMENT,
    asset_id: FILE,
    owner_id: USER,
    text: 'Two frames earlier?',
    timestamp: '120',
    duration: '24',
    annotation: '{"shapes":[]}',
    parent_id: 'null',
    completed: 'false',
    completed_by: 'null',
    completed_at: 'null',
    like_ids: JSON.stringify([USER]),
    private: 'false',
    deleted: 'false',
    ...times,
  },
  review_links: {
    id: LINK,
    project_id: PROJECT,
    name: 'Cut 1',
    short_code: 'base01',
    password_digest: DIGEST,
    expires_at: 'null',
    active: 'true',
    allow_download: 'false',
    item_ids: JSON.stringify([FILE]),
    created_by: USER,
    ...times,
  },
};

/** The base world's file asset (comments and review links point at it). */
const BASE_FILE: RawItem = {
  ...BASE_WORLD.assets,
  id: FILE,
  parent_id: ROOT,
  type: 'file',
  name: 'A001.mov',
  filetype: 'video/quicktime',
  filesize: '1048576',
  duration: '12.5',
  fps: '23.976',
  frames: '300',
  child_ids: '[]',
  properties: '{"codec":"prores"}',
};

export function baseRecords(table: LegacyTableName): RawItem[] {
  return table === 'assets' ? [BASE_WORLD.assets, BASE_FILE] : [BASE_WORLD[table]];
}

const toItem = (raw: RawItem): DynamoItem =>
  Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, { S: v }]));

/** Attributes holding JSON (lists of ids and documents), for truncation. */
const JSON_ATTRIBUTES = new Set([
  'account_ids',
  'settings',
  'member_ids',
  'admin_ids',
  'team_ids',
  'project_ids',
  'collaborator_ids',
  'reviewer_ids',
  'child_ids',
  'properties',
  'annotation',
  'like_ids',
  'item_ids',
]);
const DOCUMENTS: Partial<Record<LegacyTableName, string>> = {
  users: 'settings',
  assets: 'properties',
  comments: 'annotation',
};
const NUMBERS = ['storage_limit', 'filesize', 'duration', 'fps', 'frames', 'version', 'timestamp'];
const TIMES = ['created_at', 'updated_at', 'last_login_at', 'deleted_at', 'expires_at'];

export type Source = 'export' | 'dynamodb';
type Mutation = (item: DynamoItem, table: LegacyTableName) => DynamoItem;

const attributeOf = (item: DynamoItem, pick: number, filter: (name: string) => boolean) => {
  const names = Object.keys(item).filter((n) => n !== 'id' && filter(n));
  return names.length === 0 ? null : names[pick % names.length];
};
const stringOf = (item: DynamoItem, name: string) =>
  typeof item[name]?.S === 'string' ? item[name].S : 'x';
const insertAt = (value: string, at: number, what: string) => {
  const i = value.length === 0 ? 0 : at % (value.length + 1);
  return value.slice(0, i) + what + value.slice(i);
};

/** One hostile change; `source` leaves out what DynamoDB itself could never hold. */
function mutation(source: Source): fc.Arbitrary<Mutation> {
  const pick = fc.nat(1000);
  const set = (item: DynamoItem, name: string | null, value: DynamoItem[string]): DynamoItem =>
    name === null ? item : { ...item, [name]: value };
  const options: fc.Arbitrary<Mutation>[] = [
    // U+0000 in any text value.
    fc.tuple(pick, pick).map(([p, at]): Mutation => (item) => {
      const name = attributeOf(item, p, () => true);
      return set(item, name, { S: insertAt(stringOf(item, name ?? ''), at, '\u0000') });
    }),
    // A lone surrogate in any text value.
    fc
      .tuple(pick, pick, fc.constantFrom('\ud800', '\udfff', '\udbff'))
      .map(([p, at, s]): Mutation => (item) => {
        const name = attributeOf(item, p, () => true);
        return set(item, name, { S: insertAt(stringOf(item, name ?? ''), at, s) });
      }),
    // U+0000 or a lone surrogate inside a JSON document's strings and keys (escaped by stringify).
    fc.constantFrom('a\u0000b', '\ud800', 'ok\u0000').map((s): Mutation => (item, table) => {
      const name = DOCUMENTS[table];
      if (!name) return item;
      return set(item, name, { S: JSON.stringify({ [`k${s}`]: s, nested: [{ v: s }] }) });
    }),
    // Numbers out of range (or not numbers at all).
    fc
      .tuple(
        pick,
        fc.constantFrom(
          '2147483648',
          '9'.repeat(30),
          '-1',
          '1e400',
          '0x10',
          '1'.repeat(400),
          'NaN',
        ),
      )
      .map(
        ([p, value]): Mutation =>
          (item) =>
            set(
              item,
              attributeOf(item, p, (n) => NUMBERS.includes(n)),
              { S: value },
            ),
      ),
    // Dates out of PostgreSQL's (and the legacy store's) range.
    fc
      .tuple(
        pick,
        fc.constantFrom(
          '99999-01-01T00:00:00Z',
          '0000-01-01T00:00:00Z',
          '1456833600000',
          '+275760-09-13T00:00:00Z',
          '2016-02-30T00:00:00Z',
          '-62135596800',
        ),
      )
      .map(
        ([p, value]): Mutation =>
          (item) =>
            set(
              item,
              attributeOf(item, p, (n) => TIMES.includes(n)),
              { S: value },
            ),
      ),
    // Attribute types other than S.
    fc
      .tuple(
        pick,
        fc.constantFrom<DynamoItem[string]>(
          { N: '42' },
          { BOOL: true },
          { NULL: true },
          { L: [{ S: 'x' }] },
          { M: { a: { S: 'x' } } },
          { SS: ['a', 'b'] },
          { NS: ['1'] },
        ),
      )
      .map(
        ([p, value]): Mutation =>
          (item) =>
            set(
              item,
              attributeOf(item, p, () => true),
              value,
            ),
      ),
    // A missing attribute.
    pick.map((p): Mutation => (item) => {
      const name = attributeOf(item, p, () => true);
      if (name === null) return item;
      const { [name]: _dropped, ...rest } = item;
      return rest;
    }),
    // Truncated JSON inside a string.
    fc.tuple(pick, pick).map(([p, at]): Mutation => (item) => {
      const name = attributeOf(item, p, (n) => JSON_ATTRIBUTES.has(n));
      if (name === null) return item;
      const value = stringOf(item, name);
      return set(item, name, { S: value.slice(0, Math.max(1, at % value.length)) });
    }),
    // JSON nested far deeper than anything stores.
    fc.constant((item: DynamoItem, table: LegacyTableName): DynamoItem =>
      DOCUMENTS[table]
        ? { ...item, [DOCUMENTS[table]]: { S: '['.repeat(5000) + ']'.repeat(5000) } }
        : item,
    ),
  ];
  if (source === 'export') {
    options.push(
      // No key at all: only a corrupt export can hold such an item.
      fc.constant((item: DynamoItem): DynamoItem => {
        const { id: _id, ...rest } = item;
        return rest;
      }),
      // Over DynamoDB's 400 KB item limit.
      fc.constant((item: DynamoItem): DynamoItem => ({
        ...item,
        name: { S: 'x'.repeat(410 * 1024) },
      })),
    );
  }
  return fc.oneof(...options);
}

const hexId = fc.stringMatching(/^[0-9a-f]{24}$/);
const uuidId = fc.uuid({ version: 4 }).map((u) => u.toLowerCase());

/**
 * A record of `table` that refers to the base world, with 0–3 hostile changes; from an export,
 * sometimes a line cut short (a string: not JSON at all).
 */
export function hostileRecord(
  table: LegacyTableName,
  source: Source,
): fc.Arbitrary<DynamoItem | string> {
  const record = hostileItem(table, source);
  if (source === 'dynamodb') return record;
  return fc.oneof(
    { weight: 12, arbitrary: record },
    {
      weight: 1,
      arbitrary: fc.tuple(record, fc.nat(1000)).map(([item, at]) => {
        const line = JSON.stringify({ Item: item });
        return line.slice(0, 1 + (at % (line.length - 1)));
      }),
    },
  );
}

function hostileItem(table: LegacyTableName, source: Source): fc.Arbitrary<DynamoItem> {
  const id = ['assets', 'comments', 'review_links'].includes(table) ? uuidId : hexId;
  return fc
    .tuple(
      id,
      fc.constantFrom(...baseRecords(table)),
      fc.array(mutation(source), { maxLength: 3 }),
      fc.stringMatching(/^[a-z0-9]{8}$/),
    )
    .map(([newId, base, mutations, code]) => {
      // A fresh id and, for unique columns, a fresh value: clean records must not collide.
      let raw: RawItem = { ...base, id: newId };
      if (table === 'users') raw = { ...raw, email: `u${code}@studio.example` };
      if (table === 'review_links') raw = { ...raw, short_code: code };
      // An asset that is not the root folder hangs under it.
      if (table === 'assets') raw = { ...raw, parent_id: ROOT, child_ids: '[]' };
      return mutations.reduce((item, m) => m(item, table), toItem(raw));
    });
}

/** Hostile records for every table of one run. */
export function hostileWorld(
  source: Source,
  perTable: number,
): fc.Arbitrary<Record<LegacyTableName, (DynamoItem | string)[]>> {
  return fc.record(
    Object.fromEntries(
      LEGACY_TABLE_NAMES.map((t) => [
        t,
        fc.array(hostileRecord(t, source), { minLength: 1, maxLength: perTable }),
      ]),
    ) as Record<LegacyTableName, fc.Arbitrary<(DynamoItem | string)[]>>,
  );
}

export const itemOf = toItem;
