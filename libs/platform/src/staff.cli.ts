import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { ConfigError } from '@dailies/config';
import { CreateStaffUserCommand, CreatedStaffUser, DomainError } from '@dailies/core';
import { parseStaffArgs } from './staff-args';
import { startWorker } from './start-worker';

// `npm run staff -- create --email … --name … --role support|admin`: creates a Support Tool
// staff member on the configured database (embedded unless DATABASE_URL) and prints the TOTP
// enrolment. Whoever can run this has shell access to the platform: it acts as a system actor.
async function main(): Promise<void> {
  const args = parseStaffArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(args.error);
    process.exit(2);
  }
  const worker = await startWorker({
    healthServer: false,
    env: { EVENTS_DELIVER: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  try {
    const { command: _command, ...input } = args;
    const created: CreatedStaffUser = await worker.app
      .get(CommandBus)
      .execute(new CreateStaffUserCommand({ type: 'system', name: 'staff-cli' }, input));
    console.log(
      [
        `staff member created: ${created.staff.email} (${created.staff.role})`,
        ...(created.generatedPassword ? [`  password  ${created.generatedPassword}`] : []),
        `  TOTP      add this to an authenticator app (as text or a QR code):`,
        `            ${created.otpauthUri}`,
        `  sign in   /support/login`,
      ].join('\n'),
    );
  } catch (error) {
    if (error instanceof DomainError) {
      const fields = error.extra.fieldErrors?.map((f) => `${f.field}: ${f.message}`).join('; ');
      console.error(`npm run staff: ${fields || error.message}`);
      process.exitCode = 2;
    } else throw error;
  } finally {
    await worker.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `staff failed: ${String((error as Error)?.stack ?? error)}`,
  );
  process.exit(1);
});
