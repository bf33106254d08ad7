import WebSocket from 'ws';
import {
  signUpAndLogIn,
  startTestPlatform,
  TestClient,
  TestPlatform,
} from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

// graphql-ws protocol rules on a raw socket: 4403 for a refused connection_init, 4408 when no
// connection_init arrives in time, and the cap on subscriptions per socket.

describe('graphql-ws guard', () => {
  let platform: TestPlatform;
  let token: string;

  beforeAll(async () => {
    platform = await startTestPlatform(platformFeatures, {
      GRAPHQL_INIT_TIMEOUT_MS: '300',
      GRAPHQL_MAX_SUBSCRIPTIONS: '2',
    });
    const res = await signUpAndLogIn(new TestClient(platform.baseUrl), {
      email: `ws-${Date.now()}@example.com`,
      password: 'a-long-enough-password',
      name: 'Socket',
    });
    token = res.body.accessToken;
  });
  afterAll(async () => {
    await platform.close();
  });

  function open() {
    const socket = new WebSocket(
      `${platform.baseUrl.replace(/^http/, 'ws')}/graphql`,
      'graphql-transport-ws',
    );
    const messages: any[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    const closed = new Promise<{ code: number; ms: number }>((resolve) => {
      const started = Date.now();
      socket.on('close', (code) => resolve({ code, ms: Date.now() - started }));
    });
    const ready = new Promise<void>((resolve) => socket.on('open', () => resolve()));
    return { socket, messages, closed, ready };
  }

  async function until(check: () => boolean, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('closes a connection_init without a valid token with 4403 Forbidden', async () => {
    for (const payload of [{}, { authorization: 'Bearer not-a-token' }, null]) {
      const ws = open();
      await ws.ready;
      ws.socket.send(JSON.stringify({ type: 'connection_init', payload }));
      expect((await ws.closed).code).toBe(4403);
      expect(ws.messages.map((m) => m.type)).not.toContain('connection_ack');
    }
  });

  it('closes a socket that never sends connection_init with 4408 after the init timeout', async () => {
    const ws = open();
    await ws.ready;
    const { code, ms } = await ws.closed;
    expect(code).toBe(4408);
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(2000);
  });

  it('caps the subscriptions open on one socket, and admits another once one completes', async () => {
    const ws = open();
    await ws.ready;
    ws.socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
    );
    await until(() => ws.messages.some((m) => m.type === 'connection_ack'));
    const subscribe = (id: string) =>
      ws.socket.send(
        JSON.stringify({
          id,
          type: 'subscribe',
          payload: { query: 'subscription { notificationReceived { id } }' },
        }),
      );
    subscribe('1');
    subscribe('2');
    subscribe('3');
    await until(() => ws.messages.some((m) => m.id === '3' && m.type === 'error'));
    const refused = ws.messages.find((m) => m.id === '3');
    expect(JSON.stringify(refused.payload)).toContain('TOO_MANY_SUBSCRIPTIONS');
    expect(ws.messages.filter((m) => m.type === 'error').map((m) => m.id)).toEqual(['3']);
    ws.socket.send(JSON.stringify({ id: '1', type: 'complete' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    subscribe('4');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ws.messages.filter((m) => m.type === 'error').map((m) => m.id)).toEqual(['3']);
    expect(ws.socket.readyState).toBe(WebSocket.OPEN);
    ws.socket.close(1000);
    await ws.closed;
  });
});
