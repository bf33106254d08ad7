import { emailCadences, notificationKinds } from '@dailies/core';

// Response shapes of /v2/me/notification* for the OpenAPI document (JSON Schema 2020-12).

const str = { type: 'string' };
const nullableStr = { type: ['string', 'null'] };
const time = { type: 'string', format: 'date-time' };

export const notificationSchema = {
  type: 'object',
  properties: {
    id: str,
    kind: { enum: [...notificationKinds] },
    title: str,
    body: nullableStr,
    read: { type: 'boolean' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
    accountId: nullableStr,
    projectId: nullableStr,
    assetId: nullableStr,
    commentId: nullableStr,
    actorId: nullableStr,
    actorName: str,
    createdAt: time,
  },
};

export const notificationPageSchema = {
  type: 'object',
  properties: {
    data: { type: 'array', items: notificationSchema },
    nextCursor: nullableStr,
    unreadCount: { type: 'integer' },
  },
  required: ['data', 'nextCursor', 'unreadCount'],
};

export const unreadCountSchema = {
  type: 'object',
  properties: { unreadCount: { type: 'integer' } },
  required: ['unreadCount'],
};

const kindSettingsSchema = {
  type: 'object',
  properties: Object.fromEntries(
    notificationKinds.map((kind) => [
      kind,
      {
        type: 'object',
        properties: { inApp: { type: 'boolean' }, email: { enum: [...emailCadences] } },
      },
    ]),
  ),
};

export const notificationPreferencesSchema = {
  type: 'object',
  properties: {
    defaults: kindSettingsSchema,
    projects: {
      type: 'object',
      description: 'Per project id: the settings that apply in that project',
      additionalProperties: kindSettingsSchema,
    },
  },
};
