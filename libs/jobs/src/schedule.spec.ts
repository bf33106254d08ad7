import { z } from 'zod';
import { defineJob } from './define-job';
import { schedule } from './schedule';

describe('schedule()', () => {
  it('defaults to UTC and catching up once', () => {
    expect(schedule('purge', '0 3 * * *')).toEqual({
      job: 'purge',
      cron: '0 3 * * *',
      tz: 'UTC',
      catchUp: 'once',
      payload: {},
    });
  });

  it('refuses an unknown time zone and a malformed cron at definition time', () => {
    expect(() => schedule('purge', '0 3 * * *', { tz: 'Mars/Olympus' })).toThrow(
      'unknown time zone "Mars/Olympus"',
    );
    expect(() => schedule('purge', '61 3 * * *')).toThrow('invalid cron "61 3 * * *"');
  });
});

describe('defineJob()', () => {
  it('fills in the retry policy and refuses names the engine cannot queue', () => {
    const job = defineJob('digest', z.object({}), async () => undefined, { retries: 5 });
    expect(job.options).toEqual({
      retries: 5,
      timeoutSeconds: 900,
      backoff: { delaySeconds: 30, maxDelaySeconds: undefined, exponential: true },
    });
    expect(() => defineJob('Digest Mail', z.object({}), async () => undefined)).toThrow(
      'Invalid job name',
    );
  });
});
