import type { AccountPlan } from '@dailies/db';

const YEAR_DAYS = 365;

/**
 * How long each plan keeps its accounts' audit log, in days. Enterprise keeps seven years (the
 * usual ceiling of record-keeping duties) rather than forever, so the table stays bounded.
 * Entries that belong to no account (staff and platform actions) keep AUDIT_RETENTION_DAYS.
 */
export const AUDIT_RETENTION_DAYS_BY_PLAN: Readonly<Record<AccountPlan, number>> = {
  free: 30,
  pro: YEAR_DAYS,
  team: YEAR_DAYS,
  enterprise: 7 * YEAR_DAYS,
};
