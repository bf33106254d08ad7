import { Logger } from '@nestjs/common';

/** The little the runtime logs: lost connections, failed writes, dead letters. */
export interface RuntimeLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function nestRuntimeLog(context = 'EventRuntime'): RuntimeLog {
  const logger = new Logger(context);
  return {
    warn: (message) => logger.warn(message),
    error: (message, error) =>
      logger.error(message, error instanceof Error ? error.stack : String(error ?? '')),
  };
}
