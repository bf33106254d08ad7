/** PostgreSQL's and Prisma's codes for a transaction that lost a race and may simply be re-run. */
const RETRYABLE = new Set(['P2034', '40001', '40P01']);

interface CodedError {
  code?: string;
  message?: string;
  cause?: { code?: string; originalCode?: string; kind?: string };
  meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
}

function codesOf(error: unknown): (string | undefined)[] {
  const e = error as CodedError | null;
  return [
    e?.code,
    e?.cause?.code,
    e?.cause?.originalCode,
    e?.meta?.driverAdapterError?.cause?.originalCode,
    e?.cause?.kind,
    e?.meta?.driverAdapterError?.cause?.kind,
  ];
}

/** A serialization failure or deadlock: the transaction did nothing and can be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  return codesOf(error).some((code) => code !== undefined && RETRYABLE.has(code));
}

/**
 * The database was too busy: no connection or transaction slot within the wait limit (Prisma's
 * P2028). Nothing was done; the caller should try again shortly (HTTP 503 with Retry-After).
 */
export function isDatabaseBusyError(error: unknown): boolean {
  return codesOf(error).includes('P2028');
}

/**
 * PostgreSQL is gone, frozen or refusing connections: Prisma's connection codes, the driver
 * adapter's kinds, socket errors, PostgreSQL's shutdown / cannot-connect / cancel codes, and the
 * `pg` client's own time-outs (see connection-settings.ts). The request did not happen (or its
 * transaction rolled back); transports answer 503 with Retry-After and readiness says not ready.
 */
const UNAVAILABLE_CODES = new Set([
  'P1001', // can't reach the database server
  'P1002', // the server was reached but timed out
  'P1017', // the server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '57014', // query_canceled: the statement timeout fired
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const UNAVAILABLE_MESSAGES = [
  /Query read timeout/,
  /Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /Can't reach database server/,
];

export function isDatabaseUnavailableError(error: unknown): boolean {
  if (codesOf(error).some((code) => code !== undefined && UNAVAILABLE_CODES.has(code))) {
    return true;
  }
  const message = (error as CodedError | null)?.message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}
