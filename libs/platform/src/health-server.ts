import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readiness } from '@dailies/http';

/**
 * A worker's only port: `/health/live` and `/health/ready` (200, or 503 when a dependency is
 * down), the same answers as an HTTP app's, for container probes. Nothing else is served.
 */
export async function startHealthServer(
  readiness: Readiness,
  port: number,
  host: string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) =>
      response
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(body));
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, { status: 405 });
    if (path === '/health/live') return send(200, { status: 'ok' });
    if (path !== '/health/ready') return send(404, { status: 404 });
    readiness.run().then(
      (result) => send(result.status === 'down' ? 503 : 200, result),
      () => send(503, { status: 'down' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
