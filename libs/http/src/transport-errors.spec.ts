import type { FastifyReply, FastifyRequest } from 'fastify';
import { pathHasPrefix, problemResponder, TransportErrorRoutes } from './transport-errors';

describe('TransportErrorRoutes', () => {
  it('matches a prefix as a whole path segment, ignoring the query string', () => {
    expect(pathHasPrefix('/v1', '/v1')).toBe(true);
    expect(pathHasPrefix('/v1/assets?x=1', '/v1')).toBe(true);
    expect(pathHasPrefix('/v1?x=1', '/v1')).toBe(true);
    expect(pathHasPrefix('/v10/assets', '/v1')).toBe(false);
    expect(pathHasPrefix('/health/ready', '/v1')).toBe(false);
  });

  it('hands an error to the transport owning the longest matching prefix, else problem+json', () => {
    const routes = new TransportErrorRoutes();
    const calls: string[] = [];
    routes.register('/v2', () => calls.push('v2'));
    routes.register('/v2/support', () => calls.push('support'));
    const request = (url: string) => ({ url }) as FastifyRequest;
    const reply = {} as FastifyReply;

    routes.respond(new Error('x'), request('/v2/support/users'), reply);
    routes.respond(new Error('x'), request('/v2/assets/1'), reply);
    expect(calls).toEqual(['support', 'v2']);
    expect(routes.responderFor('/graphql')).toBe(problemResponder);
  });

  it('refuses two transports claiming one prefix', () => {
    const routes = new TransportErrorRoutes();
    routes.register('/v1', () => undefined);
    expect(() => routes.register('/v1', () => undefined)).toThrow(/\/v1/);
  });
});
