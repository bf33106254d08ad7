import type { StaffUser } from '@dailies/db';

export type StaffRole = 'support' | 'admin';

export interface StaffView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

export function toStaffView(row: StaffUser): StaffView {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}
