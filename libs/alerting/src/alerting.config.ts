import { z } from 'zod';

/** The variables libs/alerting reads. */
export const alertingConfigSchema = z.object({
  /** Who gets alert mails, comma-separated; empty = groups are stored, nobody is mailed. */
  ALERT_EMAILS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().email('ALERT_EMAILS must be e-mail addresses, comma-separated'))),
  /** At most one alert mail per window; what happens within it is summarised in the next one. */
  ALERT_WINDOW_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
});

export type AlertingConfig = z.infer<typeof alertingConfigSchema>;
