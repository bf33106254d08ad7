import { DeliveryAnnouncer } from './delivery-announcer';
import type { DeliveryNotice } from './delivery-notifications';

const silent = { warn: () => undefined, error: () => undefined };

describe('DeliveryAnnouncer', () => {
  it('sends the announcements of one turn as one notice, and those made while it is in flight as the next', async () => {
    const sent: DeliveryNotice[] = [];
    let release!: () => void;
    const announcer = new DeliveryAnnouncer(async (notice) => {
      sent.push(JSON.parse(notice) as DeliveryNotice);
      if (sent.length === 1) await new Promise<void>((r) => (release = r));
    }, silent);
    announcer.announce('api-1', ['audit']);
    announcer.announce('api-1', ['audit', 'analytics']);
    expect(sent).toEqual([]); // never inside the committing call
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual([{ from: 'api-1', consumers: ['audit', 'analytics'] }]);
    announcer.announce('api-1', ['usage']);
    announcer.announce(null, ['cache']);
    release();
    await announcer.whenIdle();
    expect(sent).toEqual([
      { from: 'api-1', consumers: ['audit', 'analytics'] },
      // Two announcers merged: nobody may skip it as its own.
      { from: null, consumers: ['usage', 'cache'] },
    ]);
  });

  it('logs a notice it could not send, keeps going, and sends nothing for no consumers', async () => {
    const warnings: string[] = [];
    const sent: string[] = [];
    const announcer = new DeliveryAnnouncer(
      async (notice) => {
        if (notice.includes('audit')) throw new Error('connection lost');
        sent.push(notice);
      },
      { warn: (m) => warnings.push(m), error: () => undefined },
    );
    announcer.announce('a', []);
    announcer.announce('a', ['audit']);
    await announcer.whenIdle();
    announcer.announce('a', ['usage']);
    await announcer.whenIdle();
    expect(warnings).toEqual([
      'Could not announce deliveries for audit (their sweep will find them): connection lost',
    ]);
    expect(sent.map((n) => JSON.parse(n))).toEqual([{ from: 'a', consumers: ['usage'] }]);
  });
});
