import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface FaultProxy {
  url: string;
  /** Scan requests answered with throttling instead of being forwarded. */
  injected: number;
  scans: number;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of a DynamoDB endpoint that throttles Scans: of every `every` Scan
 * requests, the first `burst` get ProvisionedThroughputExceededException (HTTP 400), so some
 * pages fail more often in a row than the SDK's own retries cover.
 */
export async function startFaultProxy(target: string, every = 5, burst = 3): Promise<FaultProxy> {
  const upstream = new URL(target);
  const state = { injected: 0, scans: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isScan = String(req.headers['x-amz-target'] ?? '').endsWith('.Scan');
      if (isScan && state.scans++ % every < burst) {
        state.injected++;
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
            message: 'The level of configured provisioned throughput for the table was exceeded.',
          }),
        );
        return;
      }
      const forward = http.request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get injected() {
      return state.injected;
    },
    get scans() {
      return state.scans;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
