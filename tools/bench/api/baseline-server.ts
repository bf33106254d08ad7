import Fastify from 'fastify';
import { Pool } from 'pg';
import { AccessTokenSigner } from '@dailies/auth';

/**
 * The bench:api baseline: a bare Fastify + `pg` server that answers GET /v2/assets/:id with the
 * same token check (JWT verification, then the session/user query) and the same SQL the core
 * API runs (the asset, its project, the caller's access facts) — no Nest, no CQRS, no Prisma,
 * no validation layer, no problem+json. What the API costs on top of this is the framework.
 * `/one-query/…` answers the same request with one indexed query.
 */
export async function startBaselineServer(databaseUrl: string, jwtSecret: string, port = 0) {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const signer = new AccessTokenSigner(jwtSecret, 900);
  const app = Fastify();

  app.get<{ Params: { assetId: string } }>('/v2/assets/:assetId', async (req, reply) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = token ? await signer.verify(token) : undefined;
    if (!claims) return reply.code(401).send({ title: 'Unauthenticated' });
    const session = await pool.query<{ ok: boolean }>(
      `SELECT EXISTS (
         SELECT 1 FROM users u JOIN refresh_tokens r ON r.user_id = u.id
         WHERE u.id = $1::uuid AND u.status = 'active'
           AND r.family_id = $2::uuid AND r.revoked_at IS NULL) AS ok`,
      [claims.userId, claims.sessionId],
    );
    if (!session.rows[0]?.ok) return reply.code(401).send({ title: 'Unauthenticated' });
    const asset = (await pool.query('SELECT * FROM assets WHERE id = $1', [req.params.assetId]))
      .rows[0];
    if (!asset || asset.deleted_at) return reply.code(404).send({ title: 'Not found' });
    const project = (await pool.query('SELECT * FROM projects WHERE id = $1', [asset.project_id]))
      .rows[0];
    const facts = (
      await pool.query(
        `SELECT m.role::text AS account_role,
                EXISTS (SELECT 1 FROM team_members tm
                        WHERE tm.team_id = $1::uuid AND tm.user_id = $3::uuid) AS team_member,
                (SELECT pc.role::text FROM project_collaborators pc
                 WHERE pc.project_id = $2::uuid AND pc.user_id = $3::uuid) AS collaborator_role
         FROM (SELECT 1) AS one
         LEFT JOIN memberships m ON m.account_id = $4::uuid AND m.user_id = $3::uuid`,
        [project.team_id, project.id, claims.userId, project.account_id],
      )
    ).rows[0];
    if (!facts?.account_role && !facts?.collaborator_role)
      return reply.code(404).send({ title: 'Not found' });
    return assetBody(asset);
  });

  // The floor the issue measures against: the same token check and authorised lookup in ONE
  // indexed query (session live, asset live, caller a member of its account or a collaborator
  // on its project). What the API costs on top of this is its round trips plus the framework.
  app.get<{ Params: { assetId: string } }>('/one-query/v2/assets/:assetId', async (req, reply) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const claims = token ? await signer.verify(token) : undefined;
    if (!claims) return reply.code(401).send({ title: 'Unauthenticated' });
    const asset = (
      await pool.query({
        name: 'one-query-asset',
        text: `SELECT a.* FROM assets a JOIN projects p ON p.id = a.project_id
                 WHERE a.id = $1::uuid AND a.deleted_at IS NULL
                   AND EXISTS (SELECT 1 FROM users u JOIN refresh_tokens r ON r.user_id = u.id
                               WHERE u.id = $2::uuid AND u.status = 'active'
                                 AND r.family_id = $3::uuid AND r.revoked_at IS NULL)
                   AND (EXISTS (SELECT 1 FROM memberships m
                                WHERE m.account_id = p.account_id AND m.user_id = $2::uuid)
                        OR EXISTS (SELECT 1 FROM project_collaborators pc
                                   WHERE pc.project_id = p.id AND pc.user_id = $2::uuid))`,
        values: [req.params.assetId, claims.userId, claims.sessionId],
      })
    ).rows[0];
    if (!asset) return reply.code(404).send({ title: 'Not found' });
    return assetBody(asset);
  });

  app.get('/health/ready', async () => ({ status: 'ok' }));
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${bound}`,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw pg row
function assetBody(asset: any) {
  return {
    id: asset.id,
    projectId: asset.project_id,
    parentId: asset.parent_id,
    type: asset.type,
    name: asset.name,
    filetype: asset.filetype,
    filesize: Number(asset.filesize),
    duration: asset.duration,
    fps: asset.fps,
    frames: asset.frames,
    status: asset.status,
    label: asset.label,
    version: asset.version,
    properties: asset.properties,
    creatorId: asset.creator_id,
    legacyId: asset.legacy_id,
    createdAt: asset.created_at,
    updatedAt: asset.updated_at,
  };
}
