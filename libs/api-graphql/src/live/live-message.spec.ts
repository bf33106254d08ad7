import { isLiveMessage, LiveMessage } from './live-message';
import { chunkMessages, MAX_PAYLOAD_BYTES, parseChunk } from './live-transport';

const message = (i: number): LiveMessage => ({
  id: `0190a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`,
  name: 'comment.created',
  projectId: '0190a0b0-0000-7000-8000-000000000001',
  assetId: '0190a0b0-0000-7000-8000-000000000002',
  commentId: `0190a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`,
});

describe('live messages on the wire', () => {
  it('splits a large commit into NOTIFY payloads under the limit, losing nothing', () => {
    const messages = [...Array(300).keys()].map(message);
    const chunks = chunkMessages(messages);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks)
      expect(Buffer.byteLength(chunk)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(chunks.flatMap((c) => parseChunk(c, isLiveMessage))).toEqual(messages);
  });

  it('ignores payloads that are not live messages', () => {
    expect(parseChunk('not json', isLiveMessage)).toEqual([]);
    expect(parseChunk('[{"id":1}]', isLiveMessage)).toEqual([]);
  });
});
