import {
  isDatabaseBusyError,
  isDatabaseUnavailableError,
  isRetryableTransactionError,
} from './transient-errors';

describe('transient database errors', () => {
  it('knows deadlocks and serialization failures, however they are wrapped', () => {
    expect(isRetryableTransactionError({ code: 'P2034' })).toBe(true);
    expect(isRetryableTransactionError({ code: '40P01' })).toBe(true);
    expect(
      isRetryableTransactionError({
        code: 'P2010',
        meta: { driverAdapterError: { cause: { originalCode: '40001' } } },
      }),
    ).toBe(true);
    expect(isRetryableTransactionError({ code: 'P2002' })).toBe(false);
    expect(isRetryableTransactionError(new Error('boom'))).toBe(false);
    expect(isRetryableTransactionError(undefined)).toBe(false);
  });

  it('knows a busy database', () => {
    expect(isDatabaseBusyError({ code: 'P2028' })).toBe(true);
    expect(isDatabaseBusyError({ code: 'P2034' })).toBe(false);
  });

  it('knows a database that is gone, frozen or refusing, however it is wrapped', () => {
    // What Prisma 7 threw in a probe against an embedded PostgreSQL that was killed…
    expect(
      isDatabaseUnavailableError({
        code: 'P2010',
        meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
      }),
    ).toBe(true);
    expect(isDatabaseUnavailableError({ code: 'P1001' })).toBe(true);
    // …and frozen (SIGSTOP): the pg client's own time-outs.
    expect(isDatabaseUnavailableError(new Error('Query read timeout'))).toBe(true);
    expect(
      isDatabaseUnavailableError(new Error('Connection terminated due to connection timeout')),
    ).toBe(true);
    expect(isDatabaseUnavailableError({ code: '57P01', message: 'terminating connection' })).toBe(
      true,
    );
    expect(isDatabaseUnavailableError({ code: '57014', message: 'statement timeout' })).toBe(true);
    expect(isDatabaseUnavailableError({ code: 'P2002' })).toBe(false);
    expect(isDatabaseUnavailableError(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
  });
});
