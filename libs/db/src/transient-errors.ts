/** PostgreSQL's and Prisma's codes for a transaction that lost a race and may simply be re-run. */
const RETRYABLE = new Set(['P2034', '40001', '40P01']);

interface CodedError {
  code?: string;
  cause?: { code?: string; originalCode?: string };
  meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
}

function codesOf(error: unknown): (string | undefined)[] {
  const e = error as CodedError | null;
  return [
    e?.code,
    e?.cause?.code,
    e?.cause?.originalCode,
    e?.meta?.driverAdapterError?.cause?.originalCode,
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
