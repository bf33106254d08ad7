import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { SqlPool } from '@dailies/db';
import { EmailConfig, loadEmailConfig } from './email-config';
import { EmailOutbox } from './email-outbox';
import { EmailSender } from './deliveries/email-sender';
import { EmailSendLoop } from './deliveries/email-send-loop';
import { createMailer } from './transport/create-mailer';
import { Mailer, MAILER } from './transport/mailer';
import { UnsubscribeBodyParsers } from './unsubscribe/unsubscribe-body-parsers';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeHandler } from './unsubscribe/unsubscribe-handler';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-token';

export const EMAIL_CONFIG = Symbol('EMAIL_CONFIG');

export interface EmailModuleOptions {
  /** Default: loadEmailConfig(process.env). */
  config?: EmailConfig;
  /** The unsubscribe key when EMAIL_SIGNING_SECRET is unset (the platform's JWT secret). */
  fallbackSigningSecret?: string;
  /** Default: createMailer(config) — SMTP or the local mailbox. */
  mailer?: Mailer;
  /** Send queued mail from this process (default true); false leaves it to another process. */
  runSendLoop?: boolean;
}

const RUN_SEND_LOOP = Symbol('RUN_SEND_LOOP');

/** Starts the send loop with the app; on shutdown stops it (waiting for the send in progress), then closes the mailer. */
class EmailLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(EmailSendLoop) private readonly loop: EmailSendLoop,
    @Inject(RUN_SEND_LOOP) private readonly runSendLoop: boolean,
  ) {}
  onApplicationBootstrap(): void {
    if (this.runSendLoop) this.loop.start();
  }
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.mailer.close();
  }
}

/**
 * E-mail for the apps that import it (needs DatabaseModule): the EmailOutbox to record mail, the
 * EmailSender that sends it, and the `/email/unsubscribe` controller.
 */
@Module({})
export class EmailModule {
  static forRoot(options: EmailModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadEmailConfig();
    const secret = config.signingSecret ?? options.fallbackSigningSecret;
    if (!secret) throw new Error('EmailModule needs EMAIL_SIGNING_SECRET or a fallback secret');
    return {
      module: EmailModule,
      // Global: the domain records transactional mail (EmailOutbox) from its own modules.
      global: true,
      controllers: [UnsubscribeController],
      providers: [
        { provide: EMAIL_CONFIG, useValue: config },
        { provide: MAILER, useFactory: () => options.mailer ?? createMailer(config) },
        { provide: UnsubscribeTokens, useValue: new UnsubscribeTokens(secret) },
        {
          provide: EmailOutbox,
          inject: [UnsubscribeTokens],
          useFactory: (tokens: UnsubscribeTokens) => new EmailOutbox(config, tokens),
        },
        {
          provide: EmailSender,
          inject: [SqlPool, MAILER],
          useFactory: (sql: SqlPool, mailer: Mailer) =>
            new EmailSender(sql.pool, mailer, { maxAttempts: config.maxAttempts }),
        },
        {
          provide: UnsubscribeHandler,
          inject: [UnsubscribeTokens, SqlPool],
          useFactory: (tokens: UnsubscribeTokens, sql: SqlPool) =>
            new UnsubscribeHandler(tokens, (work) => sql.withClient(work)),
        },
        {
          provide: EmailSendLoop,
          inject: [EmailSender],
          useFactory: (sender: EmailSender) => {
            const log = new Logger('EmailSendLoop');
            return new EmailSendLoop(sender, {
              intervalMs: config.sendIntervalMs,
              onError: (error) => log.error(`sending queued e-mail failed: ${String(error)}`),
            });
          },
        },
        { provide: RUN_SEND_LOOP, useValue: options.runSendLoop ?? true },
        EmailLifecycle,
        UnsubscribeBodyParsers,
      ],
      exports: [EMAIL_CONFIG, MAILER, EmailOutbox, EmailSender, EmailSendLoop, UnsubscribeTokens],
    };
  }
}
