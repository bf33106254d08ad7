import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * The cron process serves no web app; orchestrators still need a probe. A bare `node:http`
 * server answers `/health/live` (the process runs) and `/health/ready` (`ready()` resolves true).
 */
export async function startHealthServer(
  port: number,
  host: string,
  ready: () => Promise<boolean>,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/health/live') return reply(200, { status: 'ok' });
    if (req.url !== '/health/ready') return reply(404, { status: 'not found' });
    ready().then(
      (ok) => reply(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable' }),
      () => reply(503, { status: 'unavailable' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
