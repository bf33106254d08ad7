import { isUuid } from '@dailies/db';
import { z } from 'zod';
import { isNotificationKind, NotificationKind, notificationKinds } from '../notification-kinds';

export const emailCadences = ['immediately', 'hourly', 'daily', 'never'] as const;
export type EmailCadence = (typeof emailCadences)[number];

export interface KindSetting {
  inApp: boolean;
  email: EmailCadence;
}

export type KindSettings = Record<NotificationKind, KindSetting>;

/** What GET answers: every kind spelled out, the user's choices merged over the defaults. */
export interface NotificationPreferences {
  defaults: KindSettings;
  projects: Record<string, KindSettings>;
}

/** Without a choice of the user: everything in-app; e-mail at once only for what is addressed to them. */
export const DEFAULT_KIND_SETTINGS: Readonly<KindSettings> = Object.freeze(
  Object.fromEntries(
    notificationKinds.map((kind) => [
      kind,
      {
        inApp: true,
        email: ['mention', 'reply', 'added_to_project'].includes(kind) ? 'immediately' : 'daily',
      },
    ]),
  ) as KindSettings,
);

/** Per-project overrides are bounded so that one document stays small. */
export const MAX_PROJECT_OVERRIDES = 500;

const kindSettingOverride = z.strictObject({
  inApp: z.boolean().optional(),
  email: z.enum(emailCadences).optional(),
});

/** Partial on purpose: a kind left out keeps following the defaults (or the next level up). */
const kindOverrides = z.record(z.string(), kindSettingOverride).superRefine(
  (map, ctx) => {
    // Runs on invalid input too (`when` below): a null or a string is already refused.
    if (typeof map !== 'object' || map === null) return;
    for (const key of Object.keys(map)) {
      if (!isNotificationKind(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is not a notification kind (${notificationKinds.join(', ')})`,
        });
      }
    }
  },
  // Also when a setting is invalid, so that one answer names every bad path.
  { when: () => true },
);

const projectOverrides = z.record(z.string(), kindOverrides).superRefine(
  (projects, ctx) => {
    if (typeof projects !== 'object' || projects === null) return;
    const keys = Object.keys(projects);
    for (const key of keys) {
      if (!isUuid(key))
        ctx.addIssue({ code: 'custom', path: [key], message: 'is not a project id' });
    }
    if (keys.length > MAX_PROJECT_OVERRIDES) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_PROJECT_OVERRIDES} projects` });
    }
  },
  { when: () => true },
);

/** The stored document (the body of PUT): defaults and per-project overrides, both partial. */
export const notificationPreferencesInput = z.strictObject({
  defaults: kindOverrides.default({}),
  projects: projectOverrides.default({}),
});

export type StoredNotificationPreferences = z.infer<typeof notificationPreferencesInput>;

const EMPTY: StoredNotificationPreferences = { defaults: {}, projects: {} };

/**
 * Reads a stored document defensively: one written by an older version of the schema (or by
 * hand) must not stop notifications, so anything unreadable counts as "no choices made".
 */
export function readStoredPreferences(stored: unknown): StoredNotificationPreferences {
  if (stored === null || stored === undefined) return EMPTY;
  const parsed = notificationPreferencesInput.safeParse(stored);
  return parsed.success ? parsed.data : EMPTY;
}

/** The setting that applies to one kind in one project: project override > user default > default. */
export function settingFor(
  stored: StoredNotificationPreferences,
  projectId: string | null,
  kind: NotificationKind,
): KindSetting {
  const project = projectId ? stored.projects[projectId]?.[kind] : undefined;
  return { ...DEFAULT_KIND_SETTINGS[kind], ...stored.defaults[kind], ...project };
}

/** The whole document with every kind spelled out, as GET answers it. */
export function effectivePreferences(
  stored: StoredNotificationPreferences,
): NotificationPreferences {
  const all = (projectId: string | null) =>
    Object.fromEntries(
      notificationKinds.map((kind) => [kind, settingFor(stored, projectId, kind)]),
    ) as KindSettings;
  return {
    defaults: all(null),
    projects: Object.fromEntries(Object.keys(stored.projects).map((id) => [id, all(id)])),
  };
}
