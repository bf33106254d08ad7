// A process that commits events as fast as it can while its consumers work through them slowly,
// until the test kills it with SIGKILL. Prints one line per commit that returned.
// Usage: run-ts.cjs crash-child.ts <database url>
import { ledgerConsumers } from './ledger-consumers';
import { startInstance, touch } from './runtime-test-kit';

async function main(): Promise<void> {
  const url = process.argv[2];
  const instance = await startInstance(url, ledgerConsumers(20), { leaseMs: 1_000 });
  process.stdout.write('ready\n');
  let n = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (;;) {
        const id = await touch(instance.uow, n++);
        process.stdout.write(`committed ${id}\n`);
      }
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
