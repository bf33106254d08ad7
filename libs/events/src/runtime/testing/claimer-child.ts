// A process that commits `count` events under a 60 s lease while its slow consumers work through
// them, then idles until the test kills it with SIGKILL. Prints "committed <count>" when done.
// Usage: run-ts.cjs claimer-child.ts <database url> <count>
import { ledgerConsumers } from './ledger-consumers';
import { startInstance, touchMany } from './runtime-test-kit';

async function main(): Promise<void> {
  const [url, count] = [process.argv[2], Number(process.argv[3])];
  const instance = await startInstance(url, ledgerConsumers(400), { leaseMs: 60_000 });
  await touchMany(instance.uow, count, 4);
  process.stdout.write(`committed ${count} ${instance.runtime.instanceId}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
