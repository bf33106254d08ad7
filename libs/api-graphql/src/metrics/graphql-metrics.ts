import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { WebSocket } from 'ws';
import { Metrics } from '@dailies/monitoring';
import type { SocketSubscriptions } from '../live/socket-guard';

/** Operation names are chosen by clients: at most this many distinct ones are tagged. */
const MAX_OPERATION_NAMES = 200;

interface Started {
  at: number;
  operation: string;
  type: string;
}

/**
 * GraphQL's metrics: per operation (name and type) the duration and outcome of each execution
 * (`graphql.operation.duration`), and the live side — websocket connects and disconnects, open
 * sockets and live subscriptions (gauges read at each flush).
 */
export class GraphqlMetrics {
  private readonly started = new WeakMap<object, Started>();
  private readonly names = new Set<string>();
  private readonly sockets = new Map<WebSocket, SocketSubscriptions | undefined>();

  constructor(private readonly metrics: Metrics) {
    metrics.addCollector((m) => {
      let subscriptions = 0;
      for (const subs of this.sockets.values()) subscriptions += subs?.ids.size ?? 0;
      m.gauge('graphql.ws.connections', this.sockets.size);
      m.gauge('graphql.ws.subscriptions', subscriptions);
    });
  }

  /** Mercurius' preExecution hook: the operation starts. */
  executionStarts(document: DocumentNode, context: object, operationName?: unknown): void {
    const operation = pickOperation(document, operationName);
    this.started.set(context, {
      at: performance.now(),
      operation: this.tagOf(operation?.name?.value),
      type: operation?.operation ?? 'unknown',
    });
  }

  /** Mercurius' onResolution hook: the operation ended, with or without errors. */
  executionEnds(execution: { errors?: readonly unknown[] }, context: object): void {
    const started = this.started.get(context);
    if (!started) return;
    this.started.delete(context);
    this.metrics.histogram('graphql.operation.duration', performance.now() - started.at, {
      operation: started.operation,
      operation_type: started.type,
      outcome: execution.errors?.length ? 'error' : 'ok',
    });
  }

  /** A graphql-ws connection opened (counted until it closes). */
  socketOpened(socket: WebSocket): void {
    if (this.sockets.has(socket)) return;
    this.sockets.set(socket, undefined);
    this.metrics.increment('graphql.ws.connects');
    socket.once('close', () => {
      this.sockets.delete(socket);
      this.metrics.increment('graphql.ws.disconnects');
    });
  }

  /** The socket's set of live subscription ids (known once it subscribes). */
  subscriptionsOf(socket: WebSocket | undefined, subscriptions: SocketSubscriptions | undefined) {
    if (socket && this.sockets.has(socket)) this.sockets.set(socket, subscriptions);
  }

  private tagOf(name: string | undefined): string {
    if (!name) return 'anonymous';
    const clean = name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64);
    if (this.names.has(clean)) return clean;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(clean);
    return clean;
  }
}

function pickOperation(
  document: DocumentNode,
  operationName: unknown,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  if (typeof operationName === 'string')
    return operations.find((o) => o.name?.value === operationName) ?? operations[0];
  return operations[0];
}
