import type { PoolConfig } from 'pg';

/**
 * Time limits for every pooled connection the app serves requests from. Without them a frozen or
 * unreachable PostgreSQL hangs each request forever; with them a call fails within seconds with an
 * error `isDatabaseUnavailableError` recognises, which the transports answer with 503 + Retry-After.
 */
export interface ConnectionLimits {
  /** Opening a connection (TCP + start-up handshake). */
  connectTimeoutMs: number;
  /** Server side: a statement running longer is cancelled by PostgreSQL itself. */
  statementTimeoutMs: number;
  /**
   * Client side: no answer at all within this (a frozen server cannot cancel anything itself);
   * a little longer than the statement timeout so the server's own cancel wins when it can.
   */
  queryTimeoutMs: number;
  /** A transaction left open by a crashed caller holds its locks no longer than this. */
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  connectTimeoutMs: 3_000,
  statementTimeoutMs: 10_000,
  queryTimeoutMs: 12_000,
  idleInTransactionTimeoutMs: 30_000,
};

export function poolSettings(
  url: string,
  limits: Partial<ConnectionLimits> = {},
): PoolConfig & { query_timeout: number } {
  const l = { ...DEFAULT_CONNECTION_LIMITS, ...limits };
  return {
    connectionString: url,
    connectionTimeoutMillis: l.connectTimeoutMs,
    statement_timeout: l.statementTimeoutMs,
    query_timeout: l.queryTimeoutMs,
    idle_in_transaction_session_timeout: l.idleInTransactionTimeoutMs,
    // Notice a peer that vanished without closing the connection (host down, network cut).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}
