import { Writable } from 'node:stream';
import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { SECRET_LOG_PATHS } from './redaction';

export type LogFormat = 'pretty' | 'json';

/**
 * JSON lines in production and wherever output is not a terminal (log collectors read them);
 * pino-pretty in a developer's terminal. LOG_FORMAT overrides either way.
 */
export function resolveLogFormat(
  env: { LOG_FORMAT?: LogFormat; NODE_ENV?: string },
  stdoutIsTerminal = Boolean(process.stdout.isTTY),
): LogFormat {
  if (env.LOG_FORMAT) return env.LOG_FORMAT;
  if (env.NODE_ENV === 'production') return 'json';
  return stdoutIsTerminal ? 'pretty' : 'json';
}

export interface LoggerOptions {
  level: pino.LevelWithSilent;
  format: LogFormat;
  /** Default stdout. */
  destination?: pino.DestinationStream;
  /** Pretty output in colour (default: when stdout is a terminal). */
  colorize?: boolean;
  /** Lines wait here until it is released (the start-up banner comes first). */
  held?: HeldLogLines;
}

/**
 * Holds log lines back until released — `npm start` prints its banner (where to click, how to
 * log in) first and what happened during start-up after it — and passes them on afterwards.
 */
export class HeldLogLines implements pino.DestinationStream {
  private lines: string[] | null = [];
  private target: pino.DestinationStream | null = null;

  attach(target: pino.DestinationStream): this {
    this.target = target;
    return this;
  }

  write(line: string): void {
    if (this.lines) this.lines.push(line);
    else this.target?.write(line);
  }

  get released(): boolean {
    return this.lines === null;
  }

  release(): void {
    const lines = this.lines ?? [];
    this.lines = null;
    for (const line of lines) this.target?.write(line);
  }
}

// Shown in the pretty line itself rather than as a trailing object.
const REQUEST_FIELDS = ['requestId', 'method', 'route', 'url', 'status', 'ms', 'ip'];

/** `GET /v2/assets/:id 200 12 ms  0193…` for request lines; `[context] message` otherwise. */
function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const message = String(log[messageKey] ?? '');
  if (message === 'request' && log.method) {
    const where = String(log.route ?? log.url ?? '');
    return `${String(log.method)} ${where} ${String(log.status)} ${String(log.ms)} ms  ${String(log.requestId ?? '')}`;
  }
  return log.context ? `[${String(log.context)}] ${message}` : message;
}

/**
 * The process' one pino logger: secrets redacted (SECRET_LOG_PATHS) before any format sees them,
 * then JSON lines or pino-pretty. Pretty printing runs in this thread (`sync`), not in a pino
 * transport's worker, so its lines keep their order with the start-up banner on stdout.
 */
export function createLogger(options: LoggerOptions): pino.Logger {
  const base = {
    level: options.level,
    base: { service: 'dailies' },
    redact: { paths: [...SECRET_LOG_PATHS], censor: '[redacted]' },
  };
  if (options.format === 'json') {
    if (!options.held) return pino(base, options.destination);
    return pino(base, options.held.attach(options.destination ?? pino.destination(1)));
  }
  const pretty = pinoPretty({
    sync: true,
    colorize: options.colorize ?? Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: ['pid', 'hostname', 'service', 'context', ...REQUEST_FIELDS].join(','),
    messageFormat: prettyMessage,
    ...(options.destination ? { destination: asWritable(options.destination) } : {}),
  });
  return pino(base, options.held ? options.held.attach(pretty) : pretty);
}

/** pino-pretty pipes into a Node stream; a bare `{ write }` (tests' sinks) is wrapped in one. */
function asWritable(destination: pino.DestinationStream): NodeJS.WritableStream {
  if (typeof (destination as Partial<Writable>).on === 'function')
    return destination as unknown as NodeJS.WritableStream;
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      destination.write(chunk.toString());
      done();
    },
  });
}
