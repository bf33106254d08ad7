// Response shapes of the audit log routes (JSON Schema 2020-12).

const str = { type: 'string' };
const optionalStr = { type: ['string', 'null'] };

export const auditEntrySchema = {
  type: 'object',
  properties: {
    eventId: { ...str, description: 'The id of the event this entry records' },
    action: { ...str, description: 'The event name, e.g. comment.created' },
    occurredAt: { type: 'string', format: 'date-time' },
    actor: {
      type: 'object',
      properties: {
        type: { enum: ['user', 'staff', 'system', 'anonymous'] },
        id: {
          ...optionalStr,
          description: 'User or staff id, system job name, or (anonymous) the review link id',
        },
        detail: {
          ...optionalStr,
          description: 'api_token:<id>, a staff e-mail, or an anonymous display name',
        },
      },
    },
    subject: { type: 'object', properties: { type: str, id: str } },
    accountId: optionalStr,
    teamId: optionalStr,
    projectId: optionalStr,
    details: { type: 'object', description: "The event's payload, secrets removed" },
    requestId: optionalStr,
    ip: optionalStr,
  },
};
