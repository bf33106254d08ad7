import {
  AccountView,
  ApiTokenView,
  InvitationView,
  IssuedSession,
  LogInResult,
  MemberView,
  SignUpResult,
  TeamView,
  UserView,
} from '@dailies/core';
import { z } from 'zod';
import { isoTime, sameShape } from './view-schema-kit';

// Response shapes of the account, team, auth and me routes (named components of the document).

const membershipRole = z.enum(['owner', 'admin', 'member']);
const userStatus = z.enum(['active', 'locked']);

export const userViewSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.string().meta({ examples: userStatus.options }),
    timezone: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'UserView' });
sameShape<z.infer<typeof userViewSchema>, UserView>(true);

export const accountViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    plan: z.enum(['free', 'pro', 'team', 'enterprise']),
    storageLimitBytes: z.int(),
    role: z
      .string()
      .optional()
      .meta({ description: 'The caller’s role, where the answer is about their membership' }),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'AccountView' });
sameShape<z.infer<typeof accountViewSchema>, AccountView>(true);

export const meViewSchema = userViewSchema
  .extend({ accounts: z.array(accountViewSchema) })
  .meta({ id: 'MeView', description: 'The caller, with their accounts and role in each' });
sameShape<z.infer<typeof meViewSchema>, UserView & { accounts: AccountView[] }>(true);

export const memberViewSchema = z
  .object({
    userId: z.string(),
    accountId: z.string(),
    role: membershipRole,
    email: z.string(),
    name: z.string(),
    status: userStatus,
    joinedAt: isoTime,
  })
  .meta({ id: 'MemberView' });
sameShape<z.infer<typeof memberViewSchema>, MemberView>(true);

export const teamViewSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    memberCount: z.int().optional(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'TeamView' });
sameShape<z.infer<typeof teamViewSchema>, TeamView>(true);

export const invitationViewSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    teamId: z.string().nullable(),
    email: z.string(),
    role: membershipRole,
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    invitedById: z.string(),
    expiresAt: isoTime,
    acceptedAt: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'InvitationView' });
sameShape<z.infer<typeof invitationViewSchema>, InvitationView>(true);

export const createdInvitationViewSchema = invitationViewSchema
  .extend({
    token: z.string().meta({ description: 'Shown once: share it with the invitee' }),
  })
  .meta({ id: 'CreatedInvitationView' });

export const sessionViewSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: isoTime,
    refreshToken: z.string(),
    refreshTokenExpiresAt: isoTime,
    sessionId: z.string(),
  })
  .meta({ id: 'SessionView' });
sameShape<z.infer<typeof sessionViewSchema>, IssuedSession>(true);

export const logInResultSchema = sessionViewSchema
  .extend({ user: userViewSchema })
  .meta({ id: 'LogInResult' });
sameShape<z.infer<typeof logInResultSchema>, LogInResult>(true);

export const signUpResultSchema = logInResultSchema
  .extend({ accountId: z.string(), teamId: z.string() })
  .meta({ id: 'SignUpResult' });
sameShape<z.infer<typeof signUpResultSchema>, SignUpResult>(true);

export const apiTokenViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    lastUsedAt: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'ApiTokenView' });
sameShape<z.infer<typeof apiTokenViewSchema>, ApiTokenView>(true);

export const createdApiTokenViewSchema = apiTokenViewSchema
  .extend({ token: z.string().meta({ description: 'Shown once: the secret to send as Bearer' }) })
  .meta({ id: 'CreatedApiTokenView' });
