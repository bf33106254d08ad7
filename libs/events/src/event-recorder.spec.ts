import { z } from 'zod';
import { defineEvent } from './domain-event';
import { EventRecorder } from './unit-of-work';

class NoteTaken extends defineEvent('note.taken', 1, z.object({ text: z.string() })) {}

const event = (extra: { requestId?: string; ip?: string } = {}) =>
  new NoteTaken({
    actor: { type: 'system', name: 'test' },
    subject: { type: 'note', id: 'n1' },
    payload: { text: 'hi' },
    projectId: 'p1',
    ...extra,
  });

describe('EventRecorder', () => {
  it('stamps events with the request they came from, keeping id, time, class and payload', () => {
    const original = event();
    const recorder = new EventRecorder({ requestId: 'req-1', ip: '10.0.0.1' });
    recorder.record(original);
    const [stamped] = recorder.events;
    expect(stamped).toBeInstanceOf(NoteTaken);
    expect(stamped).toMatchObject({
      id: original.id,
      occurredAt: original.occurredAt,
      requestId: 'req-1',
      ip: '10.0.0.1',
      payload: { text: 'hi' },
      projectId: 'p1',
    });
    expect(stamped.eventName).toBe('note.taken');
  });

  it('keeps what the event already says, and the event itself when nothing is added', () => {
    const own = event({ requestId: 'own', ip: '1.1.1.1' });
    const recorder = new EventRecorder({ requestId: 'req-1', ip: '10.0.0.1' });
    recorder.record(own);
    expect(recorder.events[0]).toBe(own);
    const outside = new EventRecorder({});
    const bare = event();
    outside.record(bare);
    expect(outside.events[0]).toBe(bare);
  });
});
