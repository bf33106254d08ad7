// Response shapes for the OpenAPI document (JSON Schema 2020-12).

const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type, 'null'] });

export const userSchema = {
  type: 'object',
  properties: {
    id: str,
    email: str,
    name: str,
    status: { enum: ['active', 'locked'] },
    timezone: str,
    createdAt: time,
    updatedAt: time,
  },
};

export const accountSchema = {
  type: 'object',
  properties: {
    id: str,
    name: str,
    plan: { enum: ['free', 'pro', 'team', 'enterprise'] },
    storageLimitBytes: { type: 'integer' },
    role: { enum: ['owner', 'admin', 'member'] },
    createdAt: time,
    updatedAt: time,
  },
};

export const memberSchema = {
  type: 'object',
  properties: {
    userId: str,
    accountId: str,
    role: { enum: ['owner', 'admin', 'member'] },
    email: str,
    name: str,
    status: str,
    joinedAt: time,
  },
};

export const teamSchema = {
  type: 'object',
  properties: {
    id: str,
    accountId: str,
    name: str,
    memberCount: { type: 'integer' },
    createdAt: time,
    updatedAt: time,
  },
};

export const invitationSchema = {
  type: 'object',
  properties: {
    id: str,
    accountId: str,
    teamId: nullable(str),
    email: str,
    role: { enum: ['admin', 'member'] },
    status: { enum: ['pending', 'accepted', 'revoked', 'expired'] },
    invitedById: str,
    expiresAt: time,
    acceptedAt: nullable(time),
    createdAt: time,
    token: { ...str, description: 'Only in the answer to the creation; share it with the invitee' },
  },
};

export const sessionSchema = {
  type: 'object',
  properties: {
    accessToken: str,
    accessTokenExpiresAt: time,
    refreshToken: str,
    refreshTokenExpiresAt: time,
    user: userSchema,
  },
};

export const apiTokenSchema = {
  type: 'object',
  properties: {
    id: str,
    name: str,
    lastUsedAt: nullable(time),
    createdAt: time,
    token: { ...str, description: 'Only in the answer to the creation' },
  },
};
