import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SegmentSink } from './segment-sink';
import { TrackBatcher } from './track-batcher';
import type { TrackRecord } from './track-record';

interface Received {
  authorization: string | undefined;
  body: { batch: TrackRecord[]; sentAt: string };
}

/** A stand-in for Segment on 127.0.0.1 that records every request and answers from a script. */
class FakeSegment {
  readonly requests: Received[] = [];
  /** Statuses for the next requests (0: drop the connection); 200 once they run out. */
  readonly script: number[] = [];
  private server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => {
      this.requests.push({ authorization: req.headers.authorization, body: JSON.parse(data) });
      const status = this.script.shift() ?? 200;
      // 0: the connection breaks before any answer.
      if (status === 0) return void req.socket.destroy();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: status < 300 }));
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/batch`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get messageIds(): string[] {
    return this.requests.flatMap((r) => r.body.batch.map((t) => t.messageId));
  }
}

const track = (n: number): TrackRecord => ({
  type: 'track',
  event: 'comment.created',
  userId: 'user-1',
  properties: { accountId: 'acc-1', n },
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  messageId: `msg-${n}`,
  context: {},
});

describe('Segment HTTP sink with batching', () => {
  let segment: FakeSegment;
  beforeEach(async () => {
    segment = new FakeSegment();
    await segment.start();
  });
  afterEach(async () => {
    await segment.stop();
  });

  const batcher = (batchSize: number, flushMs: number, dedupeWindowMs = 60_000) =>
    new TrackBatcher({
      sink: new SegmentSink({ endpoint: segment.url, writeKey: 'wk_test', retryDelayMs: 10 }),
      batchSize,
      flushMs,
      dedupeWindowMs,
    });

  it('sends full batches at once and the rest after flushMs, with Basic auth', async () => {
    const b = batcher(3, 100);
    const started = Date.now();
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => b.add(track(n))));
    expect(segment.requests.map((r) => r.body.batch.length)).toEqual([3, 3, 1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(segment.messageIds).toEqual([
      'msg-1',
      'msg-2',
      'msg-3',
      'msg-4',
      'msg-5',
      'msg-6',
      'msg-7',
    ]);
    const expected = `Basic ${Buffer.from('wk_test:').toString('base64')}`;
    expect(segment.requests.every((r) => r.authorization === expected)).toBe(true);
    expect(segment.requests[0].body.batch[0]).toMatchObject({ type: 'track', messageId: 'msg-1' });
    expect(Date.parse(segment.requests[0].body.sentAt)).not.toBeNaN();
  });

  it('retries a batch after a 500 and a 503, and settles only once it was accepted', async () => {
    segment.script.push(500, 503);
    const b = batcher(2, 50);
    await Promise.all([b.add(track(1)), b.add(track(2))]);
    expect(segment.requests).toHaveLength(3);
    expect(segment.requests.map((r) => r.body.batch.map((t) => t.messageId))).toEqual([
      ['msg-1', 'msg-2'],
      ['msg-1', 'msg-2'],
      ['msg-1', 'msg-2'],
    ]);
  });

  it('fails the batch (for the runtime to redeliver) when retries run out or Segment says 400', async () => {
    segment.script.push(500, 500, 500, 500);
    await expect(batcher(1, 10).add(track(1))).rejects.toThrow(/500/);
    expect(segment.requests).toHaveLength(4);

    segment.script.push(400);
    await expect(batcher(1, 10).add(track(2))).rejects.toThrow(/400/);
    expect(segment.requests).toHaveLength(5);
  });

  it('retries network errors', async () => {
    segment.script.push(0);
    await batcher(1, 10).add(track(1));
    expect(segment.messageIds).toEqual(['msg-1', 'msg-1']);

    const unreachable = new SegmentSink({
      endpoint: 'http://127.0.0.1:1/v1/batch',
      writeKey: 'wk',
      attempts: 2,
      retryDelayMs: 5,
    });
    await expect(unreachable.send([track(2)])).rejects.toThrow();
  });

  it('never sends a messageId twice: redeliveries of sent or waiting records are dropped', async () => {
    const b = batcher(2, 30);
    // The same event delivered twice at once joins its waiting batch.
    await Promise.all([b.add(track(1)), b.add(track(1)), b.add(track(2))]);
    // Delivered again after it went out: skipped, nothing is sent.
    await b.add(track(1));
    await b.add(track(2));
    expect(segment.messageIds).toEqual(['msg-1', 'msg-2']);

    // A failed batch is not remembered: its redelivery is sent.
    segment.script.push(400);
    await expect(b.add(track(3))).rejects.toThrow(/400/);
    await b.add(track(3));
    expect(segment.messageIds).toEqual(['msg-1', 'msg-2', 'msg-3', 'msg-3']);
  });

  it('sends what waits at shutdown without waiting for the timer', async () => {
    const b = batcher(10, 60_000);
    const pending = b.add(track(1));
    await b.drain();
    await pending;
    expect(segment.messageIds).toEqual(['msg-1']);
  });
});
