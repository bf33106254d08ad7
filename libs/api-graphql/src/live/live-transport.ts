import { LiveMessage } from './live-message';

/**
 * Carries live messages to every instance (this one included). PostgreSQL LISTEN/NOTIFY by
 * default; Redis pub/sub when GRAPHQL_PUBSUB_URL is set. At most once: a message sent while an
 * instance was reconnecting is lost to it (subscribers see the next change).
 */
export interface LiveTransport {
  start(onMessages: (messages: LiveMessage[]) => void): Promise<void>;
  publish(messages: readonly LiveMessage[]): Promise<void>;
  stop(): Promise<void>;
}

export const LIVE_TRANSPORT = Symbol('LIVE_TRANSPORT');
export const LIVE_CHANNEL = 'graphql_live';
/** NOTIFY payloads must stay under 8,000 bytes: messages are sent in chunks below that. */
export const MAX_PAYLOAD_BYTES = 7_000;

/** Serialised chunks of messages, each under the payload limit. */
export function chunkMessages(messages: readonly LiveMessage[]): string[] {
  const chunks: string[] = [];
  let current: LiveMessage[] = [];
  for (const message of messages) {
    const next = [...current, message];
    if (current.length > 0 && Buffer.byteLength(JSON.stringify(next)) > MAX_PAYLOAD_BYTES) {
      chunks.push(JSON.stringify(current));
      current = [message];
    } else {
      current = next;
    }
  }
  if (current.length > 0) chunks.push(JSON.stringify(current));
  return chunks;
}

export function parseChunk(
  text: string,
  isMessage: (v: unknown) => v is LiveMessage,
): LiveMessage[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isMessage) : [];
  } catch {
    return [];
  }
}
