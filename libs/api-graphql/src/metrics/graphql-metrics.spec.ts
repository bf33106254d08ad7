import { EventEmitter } from 'node:events';
import { parse } from 'graphql';
import type { WebSocket } from 'ws';
import { MemorySink, MetricsHub } from '@dailies/monitoring';
import { GraphqlMetrics } from './graphql-metrics';

function setUp() {
  const memory = new MemorySink();
  const hub = new MetricsHub([memory], 60_000);
  return { memory, hub, metrics: new GraphqlMetrics(hub) };
}

describe('GraphqlMetrics', () => {
  it('times an operation under its name, type and outcome; the request picks among several', () => {
    const { memory, metrics } = setUp();
    const doc = parse('query A { a } mutation B { b }');
    const ctx1 = {};
    metrics.executionStarts(doc, ctx1, 'B');
    metrics.executionEnds({ errors: [new Error('x')] }, ctx1);
    const ctx2 = {};
    metrics.executionStarts(parse('{ a }'), ctx2);
    metrics.executionEnds({}, ctx2);
    const page = memory.render('', {});
    expect(page).toContain(
      'graphql.operation.duration.count{operation="B",operation_type="mutation",outcome="error"} 1',
    );
    expect(page).toContain(
      'graphql.operation.duration.count{operation="anonymous",operation_type="query",outcome="ok"} 1',
    );
  });

  it('tags at most 200 distinct client-chosen names, then "other"; strange characters are replaced', () => {
    const { memory, metrics } = setUp();
    for (let i = 0; i < 205; i++) {
      const ctx = {};
      metrics.executionStarts(parse(`query Op${i} { a }`), ctx);
      metrics.executionEnds({}, ctx);
    }
    const page = memory.render('', {});
    expect(page).toContain('operation="Op199"');
    expect(page).not.toContain('operation="Op200"');
    expect(page).toContain(
      'graphql.operation.duration.count{operation="other",operation_type="query",outcome="ok"} 5',
    );
  });

  it('counts websocket connects and disconnects and reads open sockets and live subscriptions', async () => {
    const { memory, hub, metrics } = setUp();
    const socket = new EventEmitter() as unknown as WebSocket;
    metrics.socketOpened(socket);
    metrics.socketOpened(socket);
    const subscriptions = { ids: new Set(['1', '2']) };
    metrics.subscriptionsOf(socket, subscriptions);
    await hub.flush();
    expect(memory.value('graphql.ws.connects')).toBe(1);
    expect(memory.value('graphql.ws.connections')).toBe(1);
    expect(memory.value('graphql.ws.subscriptions')).toBe(2);
    subscriptions.ids.delete('1');
    await hub.flush();
    expect(memory.value('graphql.ws.subscriptions')).toBe(1);
    (socket as unknown as EventEmitter).emit('close');
    await hub.flush();
    expect(memory.value('graphql.ws.disconnects')).toBe(1);
    expect(memory.value('graphql.ws.connections')).toBe(0);
    expect(memory.value('graphql.ws.subscriptions')).toBe(0);
  });
});
