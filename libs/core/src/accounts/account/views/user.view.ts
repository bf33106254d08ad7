import type { User } from '@dailies/db';

// What the domain hands to transports: plain JSON-ready objects, no secrets.

export interface UserView {
  id: string;
  email: string;
  name: string;
  status: string;
  timezone: string;
  createdAt: string;
  updatedAt: string;
}

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  timezone: u.timezone,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});
