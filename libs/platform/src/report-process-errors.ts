import { INestApplicationContext, Logger } from '@nestjs/common';
import { ErrorAlerts, installProcessErrorHandlers } from '@dailies/alerting';

/** Errors nothing caught in this process are logged and reported to alerting (ALERT_EMAILS). */
export function reportProcessErrors(app: INestApplicationContext): () => void {
  const log = new Logger('process');
  return installProcessErrorHandlers(app.get(ErrorAlerts), {
    fatal: (error, message) => log.error({ err: error }, message),
    error: (error, message) => log.error({ err: error }, message),
  });
}
