import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PrismaService } from '@dailies/db';
import { SignUpCommand } from '@dailies/core';

export const DEMO_LOGIN = {
  email: 'demo@dailies.dev',
  password: 'dailies-demo-2026',
  name: 'Demo Director',
};

/** A demo user on a fresh database, so that `npm start` can be tried at once (idempotent). */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  const prisma = app.get(PrismaService);
  if (await prisma.user.findUnique({ where: { email: DEMO_LOGIN.email } })) return false;
  await app
    .get(CommandBus)
    .execute(new SignUpCommand({ ...DEMO_LOGIN, accountName: 'Demo Studio' }));
  // A demo address has no mailbox to verify it from: mark it verified so it can be invited.
  await prisma.user.update({ where: { email: DEMO_LOGIN.email }, data: { emailConfirmed: true } });
  return true;
}
