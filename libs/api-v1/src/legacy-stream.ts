import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Answers with one JSON array of every record, streamed (API.md "Lists": never paginated):
 * `[`, the records joined by `,`, `]`, one chunk per batch, pulled only as fast as the client
 * reads (Readable.from respects backpressure), so memory stays flat whatever the length.
 *
 * The first batch is read before anything is sent: a failure there is still an ordinary legacy
 * error. Once bytes have left, the status line is gone; a later failure (or the client going
 * away) destroys the stream, which aborts the connection — the client sees a truncated body, never
 * a well-formed but incomplete list — and stops the query's batches.
 */
const CHUNK_CHARS = 64 * 1024;

export async function sendJsonArray<T>(
  reply: FastifyReply,
  batches: AsyncIterable<Iterable<T>>,
  toRecord: (value: T) => Record<string, string>,
): Promise<void> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  /** Chunks of about 64 KB: small enough for the young generation, large enough to be cheap. */
  async function* chunks(): AsyncGenerator<string> {
    let out = '[';
    let separator = '';
    try {
      for (let batch = first; !batch.done; batch = await iterator.next()) {
        for (const value of batch.value) {
          out += separator + JSON.stringify(toRecord(value));
          separator = ',';
          if (out.length >= CHUNK_CHARS) {
            yield out;
            out = '';
          }
        }
        // The first batch leaves at once, whatever its size (first bytes right away).
        if (batch === first && out.length > 0) {
          yield out;
          out = '';
        }
      }
      yield `${out}]`;
    } finally {
      // Stops the query when the client goes away early.
      await iterator.return?.();
    }
  }
  void reply
    .status(200)
    .header('content-type', 'application/json; charset=utf-8')
    .send(Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 }));
}
