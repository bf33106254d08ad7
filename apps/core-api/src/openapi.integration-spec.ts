import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generatedClientTypes, generatedSchema } from './testing/generated-client';
import { httpSuite } from './testing/http-suite';
import { lintWithRedocly } from './testing/redocly-lint';

interface Response {
  $ref?: string;
  content?: Record<string, { schema: { $ref?: string } }>;
  headers?: Record<string, { $ref: string }>;
}
interface Operation {
  operationId: string;
  requestBody?: unknown;
  responses: Record<string, Response>;
  security?: unknown[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, Response> };
}

const operationsOf = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, operation]) => ({ path, method, operation })),
  );

describe('The OpenAPI document', () => {
  const suite = httpSuite('Olive Openapi');
  let doc: Document;

  beforeAll(async () => {
    const res = await suite.anon.get('/v2/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });

  it('passes redocly lint with the recommended rules without errors', async () => {
    const problems = await lintWithRedocly(doc);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The one warning left: a proprietary API has no licence URL or SPDX identifier to give.
    expect(problems.map((p) => p.ruleId)).toEqual(['info-license-strict']);
  });

  it('answers with named views, named problems and no body on 204', () => {
    for (const { path, method, operation } of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) {
          expect([where, status, response.$ref]).toEqual([
            where,
            status,
            expect.stringMatching(/^#\/components\/responses\/\w+$/),
          ]);
        } else if (status === '204') {
          expect([where, response.content]).toEqual([where, undefined]);
        } else {
          const schema = response.content?.['application/json']?.schema;
          expect([where, status, schema]).toEqual([
            where,
            status,
            { $ref: expect.stringMatching(/^#\/components\/schemas\/\w+$/) },
          ]);
        }
        if (!response.$ref) expect(response.headers).toHaveProperty('X-Request-Id');
      }
      expect(operation.responses).toHaveProperty('503');
      if (operation.requestBody) {
        expect(operation.responses).toHaveProperty('413');
        expect(operation.responses).toHaveProperty('415');
      }
    }
    const problem = { schema: { $ref: '#/components/schemas/Problem' } };
    const { TooManyRequests, ServiceUnavailable, PayloadTooLarge } = doc.components.responses;
    expect(PayloadTooLarge.content).toEqual({ 'application/problem+json': problem });
    for (const answer of [TooManyRequests, ServiceUnavailable]) {
      expect(answer.headers).toHaveProperty('Retry-After');
    }
    const login = doc.paths['/v2/auth/login'].post.responses;
    expect(login['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['CommentView', 'CommentThreadViewPage', 'AssetView', 'Problem']),
    );
  });

  it('repeats no anonymous object shape: a shape used twice is a named component', () => {
    const seen = new Map<string, string[]>();
    const walk = (node: unknown, path: string, top: boolean): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}/${i}`, false));
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (!top && schema.type === 'object' && schema.properties) {
        const key = JSON.stringify(schema);
        seen.set(key, [...(seen.get(key) ?? []), path]);
      }
      for (const [key, value] of Object.entries(schema)) walk(value, `${path}/${key}`, false);
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) walk(schema, name, true);
    expect([...seen.values()].filter((paths) => paths.length > 1)).toEqual([]);
  });

  it('generates a client with named views whose fields are required where the view says so', async () => {
    const types = await generatedClientTypes(doc);
    const comment = generatedSchema(types, 'CommentView');
    expect(comment).toMatch(/\n\s+id: string;/);
    expect(comment).toMatch(/\n\s+text: string;/);
    expect(comment).toMatch(/\n\s+timestamp: number \| null;/);
    expect(comment).toMatch(/\n\s+author: components\["schemas"\]\["CommentAuthorView"\];/);
    expect(comment).not.toMatch(/\?:/);
    const asset = generatedSchema(types, 'AssetView');
    expect(asset).toMatch(/\n\s+parentId: string \| null;/);
    expect(asset).toMatch(/\n\s+properties\?: \{/);
    expect(asset).toMatch(/\n\s+headVersion\?: components\["schemas"\]\["AssetView"\];/);
    const page = generatedSchema(types, 'CommentThreadViewPage');
    expect(page).toMatch(/\n\s+data: components\["schemas"\]\["CommentThreadView"\]\[\];/);
    expect(page).toMatch(/\n\s+nextCursor: string \| null;/);
    expect(generatedSchema(types, 'Problem')).toMatch(/\n\s+status: number;/);
  });

  it('documents as public exactly the routes that answer without a token', async () => {
    const id = '0190b6a2-7a3e-7d4c-9f00-000000000000';
    for (const { path, method, operation } of operationsOf(doc)) {
      const url = path.replace(/\{\w+\}/g, id);
      const res = await suite.anon.request(method.toUpperCase(), url, operation.requestBody && {});
      const where = `${method.toUpperCase()} ${path}`;
      if (operation.security?.length) expect([where, res.status]).toEqual([where, 401]);
      else expect([where, res.status]).not.toEqual([where, 401]);
    }
  });

  it('is what `npm run openapi` writes, without a database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dailies-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      const script = ['tools/scripts/run-ts.cjs', 'apps/core-api/src/print-openapi.ts', file];
      await promisify(execFile)(process.execPath, script, { env: { ...process.env } });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(doc);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
