import { z } from 'zod';
import { defineEvent } from './domain-event';
import { EventRegistry, EventValidationError } from './event-registry';

class ThingRenamed extends defineEvent(
  'thing.renamed',
  2,
  z.object({ from: z.string(), to: z.string() }),
) {}
class ThingDeleted extends defineEvent('thing.deleted', 1, z.object({})) {}

const actor = { type: 'user' as const, id: 'u1' };

describe('EventRegistry', () => {
  const registry = new EventRegistry([ThingRenamed, ThingDeleted]).registerUpcaster(
    'thing.renamed',
    1,
    (p) => ({ from: (p as { old: string }).old, to: (p as { new: string }).new }),
  );

  it('round-trips an event through its stored form', () => {
    const event = new ThingRenamed({
      actor,
      subject: { type: 'thing', id: 't1' },
      payload: { from: 'a', to: 'b' },
      accountId: 'acc',
    });
    const stored = registry.toStored(event);
    expect(stored).toMatchObject({
      name: 'thing.renamed',
      schemaVersion: 2,
      subjectId: 't1',
      accountId: 'acc',
    });
    const loaded = registry.fromStored(stored);
    expect(loaded).toBeInstanceOf(ThingRenamed);
    expect(loaded.payload).toEqual({ from: 'a', to: 'b' });
    expect(loaded.id).toBe(event.id);
  });

  it('refuses an invalid payload before it reaches the outbox', () => {
    const bad = new ThingRenamed({
      actor,
      subject: { type: 'thing', id: 't1' },
      payload: { from: 'a' } as never,
    });
    expect(() => registry.toStored(bad)).toThrow(EventValidationError);
  });

  it('loads old versions through upcasters', () => {
    const stored = registry.toStored(
      new ThingRenamed({
        actor,
        subject: { type: 'thing', id: 't1' },
        payload: { from: 'x', to: 'y' },
      }),
    );
    const old = { ...stored, schemaVersion: 1, payload: { old: 'a', new: 'b' } };
    expect(registry.fromStored(old).payload).toEqual({ from: 'a', to: 'b' });
  });

  it('rejects unknown names and duplicate registrations', () => {
    expect(() => registry.classFor('thing.exploded')).toThrow(/Unknown event/);
    class Impostor extends defineEvent('thing.deleted', 1, z.object({})) {}
    expect(() => registry.register(Impostor)).toThrow(/registered twice/);
  });

  it('insists on dotted past-tense wire names', () => {
    expect(() => defineEvent('ThingDeleted', 1, z.object({}))).toThrow(/comment.created/);
  });
});
