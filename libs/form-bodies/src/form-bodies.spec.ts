import Fastify from 'fastify';
import { acceptFormBodies } from './form-bodies';

describe('acceptFormBodies', () => {
  async function server() {
    const fastify = Fastify();
    fastify.post('/*', async (request) => ({ body: request.body }));
    // Two modules claim form bodies on the same server (a second parser would throw).
    acceptFormBodies(fastify, {
      matches: (path) => path.startsWith('/support/'),
      limitBytes: 64,
      parse: (body) => Object.fromEntries(new URLSearchParams(body)),
    });
    acceptFormBodies(
      fastify,
      { matches: (path) => path === '/email/unsubscribe', limitBytes: 16, parse: () => ({}) },
      ['application/x-www-form-urlencoded', 'multipart/form-data'],
    );
    await fastify.ready();
    return fastify;
  }
  const form = (url: string, payload: string) => ({
    method: 'POST' as const,
    url,
    payload,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  it('parses forms on each claim’s paths', async () => {
    const fastify = await server();
    expect((await fastify.inject(form('/support/x?y=1', 'a=1&b=two'))).json()).toEqual({
      body: { a: '1', b: 'two' },
    });
    expect((await fastify.inject(form('/email/unsubscribe', 'List=One'))).json()).toEqual({
      body: {},
    });
  });

  it('refuses forms elsewhere with 415 and over a claim’s limit with 413', async () => {
    const fastify = await server();
    expect((await fastify.inject(form('/v2/things', 'a=1'))).statusCode).toBe(415);
    expect((await fastify.inject(form('/email/unsubscribe', 'x'.repeat(17)))).statusCode).toBe(413);
    expect((await fastify.inject(form('/support/x', 'a=1'))).statusCode).toBe(200);
  });
});
