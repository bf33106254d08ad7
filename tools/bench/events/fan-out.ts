import { Subject } from 'rxjs';
import { Broadcaster, Lane } from '@dailies/events';

interface Item {
  name: string;
  n: number;
}

const CHUNK = 4096;

/**
 * (a) In-process fan-out: `count` events to 5 no-op consumers through the runtime's Broadcaster
 * (each consumer a Lane with bounded concurrency and buffer), against a bare RxJS Subject with 5
 * subscribers. Both publish in chunks and yield between them (a bounded buffer needs the
 * consumers to drain; the Subject gets the same yields so the loops match).
 */
export async function fanOut(count: number, asyncHandlers: boolean) {
  const names = ['comment.created', 'asset.created', 'asset.moved', 'project.updated'];
  const items: Item[] = Array.from({ length: CHUNK }, (_, n) => ({ name: names[n % 4], n }));
  let handled = 0;
  const syncNoop = () => {
    handled++;
  };
  const asyncNoop = async () => {
    handled++;
  };

  // Baseline: a bare Subject, 5 subscribers.
  const subject = new Subject<Item>();
  for (let i = 0; i < 5; i++) subject.subscribe(asyncHandlers ? () => void asyncNoop() : syncNoop);
  handled = 0;
  let started = performance.now();
  for (let sent = 0; sent < count; sent += CHUNK) {
    for (let i = 0; i < CHUNK && sent + i < count; i++) subject.next(items[i]);
    await Promise.resolve();
  }
  const subjectMs = performance.now() - started;
  const subjectHandled = handled;

  // The runtime's broadcaster: 5 lanes, every event to every lane.
  const broadcaster = new Broadcaster<Item>((item) => item.name);
  for (let i = 0; i < 5; i++) {
    broadcaster.attach(
      new Lane<Item>({
        concurrency: 64,
        bufferSize: CHUNK,
        handle: asyncHandlers ? asyncNoop : syncNoop,
      }),
      '*',
    );
  }
  handled = 0;
  let refused = 0;
  started = performance.now();
  for (let sent = 0; sent < count; sent += CHUNK) {
    for (let i = 0; i < CHUNK && sent + i < count; i++) {
      if (!broadcaster.publish(items[i])) refused++;
    }
    await broadcaster.idle();
  }
  const broadcasterMs = performance.now() - started;
  return {
    subject: { perSecond: (count / subjectMs) * 1000, handled: subjectHandled },
    broadcaster: { perSecond: (count / broadcasterMs) * 1000, handled, refused },
  };
}
