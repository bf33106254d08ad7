import type { PrismaService } from '@dailies/db';
import { EventRegistry } from './event-registry';
import { UnitOfWork } from './unit-of-work';

/** A PrismaService whose transactions fail with the given errors first, then run the work. */
function prismaFailingWith(...errors: unknown[]): PrismaService {
  const pending = [...errors];
  return {
    $transaction: async (fn: (tx: unknown) => Promise<unknown>) => {
      const error = pending.shift();
      if (error) throw error;
      return fn({});
    },
  } as unknown as PrismaService;
}

describe('UnitOfWork retries', () => {
  it('runs a transaction that lost a race (deadlock, serialization) again', async () => {
    const uow = new UnitOfWork(
      prismaFailingWith({ code: 'P2034' }, { code: '40P01' }),
      new EventRegistry([]),
    );
    let runs = 0;
    await expect(uow.run(async () => ++runs)).resolves.toBe(1);
  });

  it('gives up after three attempts, and never retries other errors', async () => {
    const lost = { code: 'P2034' };
    const always = new UnitOfWork(prismaFailingWith(lost, lost, lost), new EventRegistry([]));
    await expect(always.run(async () => 'never')).rejects.toBe(lost);

    const unique = { code: 'P2002' };
    const once = new UnitOfWork(prismaFailingWith(unique), new EventRegistry([]));
    let runs = 0;
    await expect(once.run(async () => ++runs)).rejects.toBe(unique);
  });
});
