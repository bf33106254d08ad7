import { newId, Prisma } from '@dailies/db';
import { notificationWorld } from '../testing/notification-world';
import { followersOf, UuidOperand } from './followers.sql';

/**
 * followersOf walks distinct authors on a partial index instead of reading every comment; this
 * holds it to the plain query it replaced (every live, signed-in comment older than `before`, on
 * the asset or, for a version stack, on its versions, plus their creators) on an asset with
 * thousands of comments: deleted ones, anonymous ones, authors whose only comments are newer.
 */
describe('followersOf', () => {
  const { w, ids, users } = notificationWorld();
  const extra: string[] = [];

  /** The query followersOf replaced: O(comments on the asset). */
  const everyComment = (asset: string, before: string | null) => Prisma.sql`ARRAY(
    WITH followed AS (
      SELECT f.id, f.creator_id FROM assets f
      WHERE f.id = ${asset}::uuid
         OR (f.parent_id = ${asset}::uuid
             AND EXISTS (SELECT 1 FROM assets s WHERE s.id = ${asset}::uuid AND s.type = 'version_stack'))
    )
    SELECT creator_id FROM followed WHERE creator_id IS NOT NULL
    UNION
    SELECT c.author_id FROM comments c JOIN followed ON c.asset_id = followed.id
    WHERE c.author_id IS NOT NULL AND c.deleted_at IS NULL
      AND (${before}::uuid IS NULL OR c.id < ${before}::uuid)
  )::text[]`;

  const run = async (sql: Prisma.Sql): Promise<string[]> => {
    const [row] = await w.prisma.$queryRaw<{ ids: string[] }[]>(Prisma.sql`SELECT ${sql} AS ids`);
    return [...row.ids].sort();
  };

  beforeAll(async () => {
    // Bob, Cole, Ana and anonymous reviewers comment in turn; every 7th is deleted. Lin's only
    // comment is deleted; the owner only comments last.
    const authors = [users.bob, users.cole, users.ana, null];
    const data = Array.from({ length: 3000 }, (_, i) => {
      const id = newId();
      extra.push(id);
      const authorId = i === 1500 ? users.lin : authors[i % authors.length];
      return {
        id,
        assetId: i % 10 === 9 ? ids.v2 : ids.shot,
        projectId: ids.project,
        accountId: ids.account,
        authorId,
        authorName: 'Someone',
        text: 'Later comment',
        deletedAt: i % 7 === 6 || i === 1500 ? new Date() : null,
      };
    });
    data.push({ ...data[0], id: newId(), authorId: users.owner, deletedAt: null });
    extra.push(data[data.length - 1].id);
    await w.prisma.comment.createMany({ data });
    await w.prisma.$executeRaw`ANALYZE comments`;
  });

  it('finds the same followers as reading every comment, for every cut', async () => {
    const cuts: (string | null)[] = [null, extra[0], extra[1], extra[2], extra[1501], extra[2999]];
    cuts.push(extra[extra.length - 1], newId());
    for (const asset of [ids.shot, ids.stack, ids.v2, ids.folder, newId()]) {
      for (const before of cuts) {
        expect({ asset, before, ids: await run(followersOf(asset, before)) }).toEqual({
          asset,
          before,
          ids: await run(everyComment(asset, before)),
        });
      }
    }
  });

  it('drops deleted and anonymous comments and authors whose comments are all newer', async () => {
    const before = extra[1]; // after Bob's first extra comment, before Cole's
    const found = await run(followersOf(ids.shot, before));
    expect(found).toEqual(expect.arrayContaining([users.ana, users.bob, users.cole]));
    expect(found).not.toContain(users.lin);
    expect(found).not.toContain(users.owner);
    expect(await run(followersOf(ids.shot, null))).toContain(users.owner);
  });

  it('takes columns as operands (the batched read)', async () => {
    const operand = (id: string): UuidOperand => Prisma.sql`${id}::uuid`;
    expect(await run(followersOf(operand(ids.stack), operand(extra[1501])))).toEqual(
      await run(everyComment(ids.stack, extra[1501])),
    );
  });
});
