import { z } from 'zod';
import { defineEvent } from '../domain-event';
import type { EventConsumer } from './consumer';
import { ConsumerDirectory } from './consumer-directory';

class AssetCreated extends defineEvent('asset.created', 1, z.object({})) {}
class TeamCreated extends defineEvent('team.created', 1, z.object({})) {}

const consumer = (name: string, events: EventConsumer['options']['events']): EventConsumer => ({
  options: { name, events },
  handle: async () => undefined,
});

describe('ConsumerDirectory', () => {
  it('answers which consumers get an event', () => {
    const directory = new ConsumerDirectory();
    directory.register(consumer('audit', '*'));
    directory.register(consumer('search', [AssetCreated]));
    const names = (event: string) => directory.subscribersOf(event).map((c) => c.settings.name);
    expect(names('asset.created')).toEqual(['audit', 'search']);
    expect(names('team.created')).toEqual(['audit']);
    directory.register(consumer('teams', [TeamCreated]));
    expect(names('team.created')).toEqual(['audit', 'teams']);
  });

  it('reads its sources when first asked, not when they are added', () => {
    const directory = new ConsumerDirectory();
    let created: EventConsumer[] = [];
    directory.addSource(() => created);
    created = [consumer('late', '*')];
    expect(directory.get('late')?.settings.events).toBe('*');
    expect(directory.all()).toHaveLength(1);
  });

  it('accepts the same consumer twice but not two consumers with one name', () => {
    const directory = new ConsumerDirectory();
    const audit = consumer('audit', '*');
    directory.register(audit);
    directory.register(audit);
    expect(() => directory.register(consumer('audit', '*'))).toThrow(/Two consumers/);
    expect(() => directory.register(consumer('Bad Name', '*'))).toThrow(/look like/);
  });

  it('refuses consumers once a runtime delivers from it', () => {
    const directory = new ConsumerDirectory();
    directory.setFastPath({ owner: 'me', leaseMs: 1_000 });
    expect(() => directory.register(consumer('audit', '*'))).toThrow(
      /after the event runtime started/,
    );
  });
});
