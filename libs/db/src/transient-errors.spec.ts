import { isDatabaseBusyError, isRetryableTransactionError } from './transient-errors';

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
});
