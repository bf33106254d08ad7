import fc from 'fast-check';
import {
  accountFromCurrent,
  assetFromCurrent,
  commentFromCurrent,
  LegacyNewSide,
  projectFromCurrent,
  reviewLinkFromCurrent,
  servedRecord,
  teamFromCurrent,
  userFromCurrent,
} from './current';
import type { LegacyTable, LegacyTableName } from './definition';
import { LEGACY_TABLES } from './tables';
import { cleanRecords, inOrder } from './testing/arbitraries';
import type { RawItem } from './values';

// The /v1 adapter reads what the new system holds now as flat facts (one SQL row per record, int8
// as strings or bigints, jsonb parsed) and builds the definitions' new side from them. For every
// clean legacy record, the facts the migrated rows would give back must serve the record itself:
// served(fromCurrent(facts(toNew(parse(r))))) = r without its secrets.

/** The facts a reader gets from the rows toNew wrote (as the database driver returns them). */
const factsOf: { [T in LegacyTableName]: (value: LegacyNewSide[T]) => RawItem } = {
  users: ({ row, accountIds, extras }) =>
    servedRecord(
      'users',
      userFromCurrent({
        ...row,
        ...extras,
        // jsonb comes back parsed; a round trip through text is what the driver does.
        settings: extras.settings === null ? null : JSON.parse(JSON.stringify(extras.settings)),
        accountIds,
      }),
    ),
  accounts: ({ row, refs, memberIds, adminIds, teamIds }) =>
    servedRecord(
      'accounts',
      accountFromCurrent({
        ...row,
        storageLimitBytes: BigInt(row.storageLimitBytes),
        ownerRef: refs.ownerId,
        memberIds,
        adminIds,
        teamIds,
      }),
    ),
  teams: ({ row, refs, memberIds, projectIds }) =>
    servedRecord(
      'teams',
      teamFromCurrent({ ...row, accountRef: refs.accountId, memberIds, projectIds }),
    ),
  projects: ({ row, refs, collaborators }) =>
    servedRecord(
      'projects',
      projectFromCurrent({
        ...row,
        teamRef: refs.teamId,
        ownerRef: refs.ownerId,
        rootAssetRef: refs.rootAssetId,
        collaboratorIds: collaborators.map((c) => c.userId),
        collaboratorRoles: collaborators.map((c) => c.role),
      }),
    ),
  assets: ({ row, refs, childIds }) =>
    servedRecord(
      'assets',
      assetFromCurrent({
        ...row,
        filesize: String(row.filesize),
        projectRef: refs.projectId,
        parentRef: refs.parentId,
        creatorRef: refs.creatorId,
        childIds,
      }),
    ),
  comments: ({ row, refs, likeIds }) =>
    servedRecord(
      'comments',
      commentFromCurrent({
        ...row,
        assetRef: refs.assetId,
        parentRef: refs.parentId,
        authorRef: refs.ownerId,
        completedByRef: refs.completedBy,
        likeIds,
      }),
    ),
  review_links: ({ row, refs, itemIds }) =>
    servedRecord(
      'review_links',
      reviewLinkFromCurrent({
        ...row,
        projectRef: refs.projectId,
        createdByRef: refs.createdBy,
        itemIds,
      }),
    ),
};

describe('legacy records from current facts (the /v1 reader side)', () => {
  for (const name of Object.keys(LEGACY_TABLES) as LegacyTableName[]) {
    const table = LEGACY_TABLES[name] as unknown as LegacyTable<
      unknown,
      LegacyNewSide[typeof name]
    >;
    it(`serves clean ${name} records exactly, without their secrets`, () => {
      fc.assert(
        fc.property(cleanRecords[name], (generated) => {
          const raw = inOrder(table as LegacyTable<unknown, unknown>, generated);
          const parsed = table.parse(raw);
          if (!parsed.ok) throw new Error(`${name}: ${parsed.rejection.message}`);
          const served = (factsOf[name] as (v: LegacyNewSide[typeof name]) => RawItem)(
            table.toNew(parsed.value),
          );
          const expected = { ...raw };
          for (const secret of table.secretAttributes) delete expected[secret];
          expect(served).toEqual(expected);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('never serves a password digest', () => {
    const user = userFromCurrent({
      id: 'u',
      legacyId: null,
      email: 'a@b.example',
      name: 'A',
      status: 'active',
      timezone: 'UTC',
      emailConfirmed: false,
      lastLoginAt: null,
      settings: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
      accountIds: [],
    });
    expect(servedRecord('users', user)).not.toHaveProperty('password_digest');
    expect(servedRecord('users', user).settings).toBe('null');
  });
});
