import Redis from 'ioredis';
import { isLiveMessage, LiveMessage } from './live-message';
import { chunkMessages, LIVE_CHANNEL, LiveTransport, parseChunk } from './live-transport';

/** Redis pub/sub (GRAPHQL_PUBSUB_URL): one subscriber connection, one publisher. */
export class RedisLiveTransport implements LiveTransport {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(
    url: string,
    private readonly channel = LIVE_CHANNEL,
  ) {
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: true });
  }

  async start(onMessages: (messages: LiveMessage[]) => void): Promise<void> {
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.channel) onMessages(parseChunk(text, isLiveMessage));
    });
    await Promise.all([this.subscriber.connect(), this.publisher.connect()]);
    await this.subscriber.subscribe(this.channel);
  }

  async publish(messages: readonly LiveMessage[]): Promise<void> {
    for (const chunk of chunkMessages(messages)) await this.publisher.publish(this.channel, chunk);
  }

  async stop(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }
}
