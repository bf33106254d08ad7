import path from 'node:path';
import { z } from 'zod';

/**
 * The variables only libs/email reads (the platform composes these; PUBLIC_URL, PORT and
 * DATA_DIR are declared by libs/http and libs/db there).
 */
export const emailOwnConfigSchema = z.object({
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). Unset: local mailbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL (unset: local mailbox folder)')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Dailies <no-reply@dailies.localhost>'),
  /** Where one-click unsubscribe's mailto: goes; unset = MAIL_FROM's address. */
  MAIL_UNSUBSCRIBE_MAILTO: z.string().email().optional(),
  /** Key of the unsubscribe tokens (≥ 32 chars); the platform may pass its JWT secret instead. */
  EMAIL_SIGNING_SECRET: z.string().min(32).optional(),
  EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** How often a running process looks for queued mail. */
  EMAIL_SEND_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
});

export type EmailOwnConfig = z.infer<typeof emailOwnConfigSchema>;

/** Everything libs/email needs, for a process that loads it alone. */
export const emailConfigSchema = emailOwnConfigSchema.extend({
  /** Base of every link in a mail (absolute links only). */
  PUBLIC_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./.data'),
});

export interface EmailConfig {
  smtpUrl: string | null;
  from: string;
  unsubscribeMailto: string;
  /** Without a trailing slash. */
  publicUrl: string;
  /** Absolute folder of the local mailbox (used when smtpUrl is null). */
  mailboxDir: string;
  signingSecret: string | null;
  maxAttempts: number;
  sendIntervalMs: number;
}

export class EmailConfigError extends Error {}

/** `env`: raw variables, or an already validated platform configuration (numbers allowed). */
export function loadEmailConfig(
  env: NodeJS.ProcessEnv | Record<string, unknown> = process.env,
): EmailConfig {
  const parsed = emailConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new EmailConfigError(`Invalid e-mail configuration:\n  ${problems.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    smtpUrl: c.SMTP_URL ?? null,
    from: c.MAIL_FROM,
    unsubscribeMailto: c.MAIL_UNSUBSCRIBE_MAILTO ?? addressOf(c.MAIL_FROM),
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
    mailboxDir: path.resolve(c.DATA_DIR, 'mailbox'),
    signingSecret: c.EMAIL_SIGNING_SECRET ?? null,
    maxAttempts: c.EMAIL_MAX_ATTEMPTS,
    sendIntervalMs: c.EMAIL_SEND_INTERVAL_MS,
  };
}

/** `Name <a@b>` → `a@b`; a bare address stays as it is. */
export function addressOf(mailbox: string): string {
  const match = /<([^>]+)>/.exec(mailbox);
  return (match ? match[1] : mailbox).trim();
}
