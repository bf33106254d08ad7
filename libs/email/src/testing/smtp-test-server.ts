import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server in the test process: it parses what it receives with mailparser. */
export class SmtpTestServer {
  readonly received: ParsedMail[] = [];
  readonly envelopes: { from: string | null; to: string[] }[] = [];
  /** Connection errors the server reported (a client killed mid-conversation resets its socket). */
  readonly connectionErrors: Error[] = [];
  private readonly server: SMTPServer;
  private port = 0;

  /** `delayMs`: how long each message waits before it is accepted (a slow server). */
  constructor(options: { delayMs?: number } = {}) {
    const delay = () => new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            await delay();
            this.received.push(parsed);
            const from = session.envelope.mailFrom;
            this.envelopes.push({
              from: from ? from.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // smtp-server emits 'error' for a socket reset by a killed client; without a listener that
    // would be an uncaught error in the test process. Crash tests kill clients on purpose.
    this.server.on('error', (error: Error) => this.connectionErrors.push(error));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
