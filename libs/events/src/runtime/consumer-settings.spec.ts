import { z } from 'zod';
import { defineEvent } from '../domain-event';
import { ConsumerOptionsError, resolveConsumerSettings, selects } from './consumer-settings';

class TeamRenamed extends defineEvent('team.renamed', 1, z.object({})) {}
class TeamCreated extends defineEvent('team.created', 1, z.object({})) {}

describe('resolveConsumerSettings', () => {
  it('fills in the defaults', () => {
    expect(resolveConsumerSettings({ name: 'audit', events: '*' })).toEqual({
      name: 'audit',
      events: '*',
      concurrency: 4,
      bufferSize: 256,
      retry: {
        maxAttempts: 8,
        initialDelayMs: 1_000,
        multiplier: 2,
        maxDelayMs: 300_000,
        jitter: 0.5,
      },
      timeoutMs: 10_000,
      orderedBySubject: false,
    });
  });

  it('keeps given values, merges a partial retry policy and maps event classes to their names, deduped', () => {
    const settings = resolveConsumerSettings({
      name: 'search-index',
      events: [TeamRenamed, TeamCreated, TeamRenamed],
      concurrency: 2,
      bufferSize: 0,
      retry: { maxAttempts: 3 },
      timeoutMs: 500,
      orderedBySubject: true,
    });
    expect(settings.events).toEqual(['team.created', 'team.renamed']);
    expect(settings.retry).toMatchObject({ maxAttempts: 3, initialDelayMs: 1_000 });
    expect(settings).toMatchObject({
      concurrency: 2,
      bufferSize: 0,
      timeoutMs: 500,
      orderedBySubject: true,
    });
  });

  it.each([
    [{ name: 'Audit', events: '*' as const }, /look like/],
    [{ name: 'audit', events: [] }, /events must be/],
    [{ name: 'audit', events: '*' as const, concurrency: 0 }, /concurrency/],
    [{ name: 'audit', events: '*' as const, concurrency: 1.5 }, /concurrency/],
    [{ name: 'audit', events: '*' as const, bufferSize: -1 }, /bufferSize/],
    [{ name: 'audit', events: '*' as const, timeoutMs: 0 }, /timeoutMs/],
    [{ name: 'audit', events: '*' as const, retry: { maxAttempts: 0 } }, /maxAttempts/],
    [
      { name: 'audit', events: '*' as const, retry: { initialDelayMs: 10, maxDelayMs: 5 } },
      /delays/,
    ],
    [{ name: 'audit', events: '*' as const, retry: { multiplier: 0.5 } }, /multiplier/],
    [{ name: 'audit', events: '*' as const, retry: { jitter: 2 } }, /jitter/],
  ])('refuses %j', (options, message) => {
    expect(() => resolveConsumerSettings(options)).toThrow(ConsumerOptionsError);
    expect(() => resolveConsumerSettings(options)).toThrow(message);
  });

  it('selects by name or everything', () => {
    expect(selects('*', 'team.created')).toBe(true);
    expect(selects(['team.created'], 'team.created')).toBe(true);
    expect(selects(['team.created'], 'team.deleted')).toBe(false);
  });
});
