import { fromDynamoItem } from '../raw';
import { orderChildren } from '../rules/sibling-order';
import { LegacyValueError } from '../values';
import { accountsTable } from './accounts';
import { assetsTable } from './assets';
import { commentsTable } from './comments';
import { usersTable } from './users';

const hex = 'a'.repeat(24);
const uuid = '46543966-bc36-43b8-8fa3-4822c6293216';

describe('legacy definitions: dirty records', () => {
  it('rejects with the reason and the field', () => {
    const bad = usersTable.parse({ id: hex, email: 'ana@x.example', created_at: 'yesterday' });
    expect(bad).toEqual({
      ok: false,
      rejection: expect.objectContaining({ reason: 'invalid_value', field: 'created_at' }),
    });
    expect(usersTable.parse({ id: 'XYZ', email: 'a@b.cc', created_at: '1456833600' })).toEqual({
      ok: false,
      rejection: expect.objectContaining({ reason: 'invalid_id' }),
    });
    expect(
      accountsTable.parse({ id: hex, name: 'Gone', deleted: 'true', created_at: '1456833600' }),
    ).toEqual({
      ok: false,
      rejection: expect.objectContaining({ reason: 'soft_deleted' }),
    });
    expect(
      assetsTable.parse({
        id: uuid,
        project_id: hex,
        type: 'folder',
        name: 'x',
        child_ids: '[1]',
        created_at: '1456833600',
      }),
    ).toEqual({
      ok: false,
      rejection: expect.objectContaining({ reason: 'invalid_value', field: 'child_ids' }),
    });
  });

  it('repairs what a documented rule allows and says so', () => {
    const parsed = usersTable.parse({
      id: hex,
      email: 'Ana@X.example',
      created_at: '1456833600',
      deleted: 'true',
    });
    if (!parsed.ok) throw new Error('expected ok');
    const user = usersTable.toNew(parsed.value);
    expect(user.row).toMatchObject({
      email: 'ana@x.example',
      name: 'Ana',
      status: 'locked',
      timezone: 'UTC',
      passwordHash: null,
    });
    expect(usersTable.repairsOf(parsed.value).sort()).toEqual(
      [
        'deleted_user_locked',
        'email_lowercased',
        'name_from_email',
        'password_unusable',
        'timezone_defaulted',
        'updated_at_defaulted',
      ].sort(),
    );
    const comment = commentsTable.parse({
      id: uuid,
      asset_id: uuid,
      completed: 'true',
      duration: '0',
      created_at: '1456833600',
      updated_at: '1456833700',
    });
    if (!comment.ok) throw new Error('expected ok');
    const row = commentsTable.toNew(comment.value).row;
    expect(row.completedAt?.toISOString()).toBe('2016-03-01T12:01:40.000Z');
    expect(row.durationFrames).toBeNull();
  });

  it('flattens DynamoDB items and refuses non-string shapes', () => {
    expect(
      fromDynamoItem({ id: { S: 'x' }, n: { N: '12' }, b: { BOOL: true }, z: { NULL: true } }),
    ).toEqual({
      id: 'x',
      n: '12',
      b: 'true',
      z: 'null',
    });
    expect(() => fromDynamoItem({ id: { S: 'x' }, l: { L: [] } })).toThrow(LegacyValueError);
  });

  it('orders children by child_ids, then unlisted ones oldest first, ignoring strangers and repeats', () => {
    const t = (s: number) => new Date(s * 1000);
    const order = orderChildren(
      ['c', 'x', 'a', 'c'],
      [
        { id: 'a', createdAt: t(5) },
        { id: 'b', createdAt: t(9) },
        { id: 'c', createdAt: t(7) },
        { id: 'd', createdAt: t(1) },
        { id: 'e', createdAt: t(1) },
      ],
    );
    expect(order).toEqual(['c', 'a', 'd', 'e', 'b']);
  });
});
