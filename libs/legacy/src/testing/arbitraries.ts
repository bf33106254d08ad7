import fc from 'fast-check';
import type { LegacyTable, LegacyTableName } from '../definition';
import { isEmail } from '../tables/users';
import { formatNumber, RawItem } from '../values';

// Clean legacy records: canonical encodings (API.md "Records") and only what the new schema can
// say — e.g. lower-case emails, a timezone, no soft-deleted accounts, completed comments with a
// completion time. For those, new → old after old → new must give back the record exactly.

const hex = fc.stringMatching(/^[0-9a-f]{24}$/);
const uuid = fc.uuid().map((u) => u.toLowerCase());
const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s !== 'null');
const time = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const optionalTime = fc.option(time, { nil: 'null' });
const bool = fc.boolean().map(String);
const ids = (id: fc.Arbitrary<string>) =>
  fc.uniqueArray(id, { maxLength: 5 }).map((l) => JSON.stringify(l));
const int = (min: number, max: number) => fc.integer({ min, max }).map(String);
const decimal = fc
  .double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((n) => formatNumber(n));
const json = fc
  .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }))
  .map((o) => JSON.stringify(o));
const bcrypt = fc.stringMatching(/^\$2a\$10\$[./A-Za-z0-9]{53}$/);
const email = fc
  .emailAddress()
  .map((e) => e.toLowerCase())
  .filter(isEmail);

export const cleanRecords: Record<LegacyTableName, fc.Arbitrary<RawItem>> = {
  users: fc.record({
    id: hex,
    email,
    name: text,
    password_digest: bcrypt,
    account_ids: ids(hex),
    timezone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'),
    email_confirmed: bool,
    last_login_at: optionalTime,
    settings: fc.option(json, { nil: 'null' }),
    deleted: bool,
    created_at: time,
    updated_at: time,
  }),
  accounts: fc.record({
    id: hex,
    name: text,
    owner_id: fc.option(hex, { nil: 'null' }),
    plan: fc.constantFrom('free', 'pro', 'team', 'enterprise'),
    storage_limit: int(0, Number.MAX_SAFE_INTEGER),
    member_ids: ids(hex),
    admin_ids: ids(hex),
    team_ids: ids(hex),
    deleted: fc.constant('false'),
    created_at: time,
    updated_at: time,
  }),
  teams: fc.record({
    id: hex,
    account_id: hex,
    name: text,
    member_ids: ids(hex),
    project_ids: ids(hex),
    deleted: fc.constant('false'),
    created_at: time,
    updated_at: time,
  }),
  projects: fc
    .record({
      id: hex,
      team_id: hex,
      name: text,
      owner_id: fc.option(hex, { nil: 'null' }),
      root_asset_id: fc.option(uuid, { nil: 'null' }),
      people: fc.uniqueArray(hex, { maxLength: 6 }),
      split: fc.nat(6),
      private: bool,
      archived: bool,
      deleted_at: fc.constant('null'),
      created_at: time,
      updated_at: time,
    })
    .map(({ people, split, ...rest }) => ({
      ...rest,
      collaborator_ids: JSON.stringify(people.slice(0, split)),
      reviewer_ids: JSON.stringify(people.slice(split)),
    })),
  assets: fc.record({
    id: uuid,
    project_id: hex,
    parent_id: fc.option(uuid, { nil: 'null' }),
    type: fc.constantFrom('folder', 'file', 'version_stack'),
    name: text,
    filetype: fc.option(fc.constantFrom('video/mp4', 'image/png', 'video/quicktime'), {
      nil: 'null',
    }),
    filesize: int(0, Number.MAX_SAFE_INTEGER),
    duration: fc.option(decimal, { nil: 'null' }),
    fps: fc.option(fc.constantFrom('23.976', '24', '25', '29.97', '59.94'), { nil: 'null' }),
    frames: fc.option(int(0, 2_147_483_647), { nil: 'null' }),
    status: fc.constantFrom('uploading', 'transcoding', 'ready', 'failed'),
    label: fc.constantFrom('none', 'in_progress', 'needs_review', 'approved'),
    creator_id: fc.option(hex, { nil: 'null' }),
    version: int(1, 50),
    child_ids: ids(uuid),
    properties: json,
    deleted_at: optionalTime,
    created_at: time,
    updated_at: time,
  }),
  comments: fc
    .record({
      id: uuid,
      asset_id: uuid,
      owner_id: fc.option(hex, { nil: 'null' }),
      text,
      timestamp: fc.option(int(0, 1_000_000), { nil: 'null' }),
      duration: fc.option(int(1, 10_000), { nil: 'null' }),
      annotation: fc.option(json, { nil: 'null' }),
      parent_id: fc.option(uuid, { nil: 'null' }),
      completion: fc.option(fc.tuple(fc.option(hex, { nil: 'null' }), time), { nil: null }),
      like_ids: ids(hex),
      private: bool,
      deleted: fc.constant('false'),
      created_at: time,
      updated_at: time,
    })
    .map(({ completion, ...rest }) => ({
      ...rest,
      completed: completion ? 'true' : 'false',
      completed_by: completion ? completion[0] : 'null',
      completed_at: completion ? completion[1] : 'null',
    })),
  review_links: fc.record({
    id: uuid,
    project_id: hex,
    name: text,
    short_code: fc.stringMatching(/^[a-z0-9]{6}$/),
    password_digest: fc.option(bcrypt, { nil: 'null' }),
    expires_at: optionalTime,
    active: bool,
    allow_download: bool,
    item_ids: ids(uuid),
    created_by: fc.option(hex, { nil: 'null' }),
    created_at: time,
    updated_at: time,
  }),
};

/** The same record with its attributes in the table's order (the definition's raw shape). */
export function inOrder(table: LegacyTable<unknown, unknown>, raw: RawItem): RawItem {
  return Object.fromEntries(table.attributes.map((name) => [name, raw[name]]));
}
