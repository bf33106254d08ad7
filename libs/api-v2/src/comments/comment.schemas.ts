// Response shapes of the comment routes for the OpenAPI document (JSON Schema 2020-12).

const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type, 'null'] });
const int = { type: 'integer' };

const author = {
  type: 'object',
  description:
    'A signed-in author `{id, name}`, or an anonymous reviewer `{id: null, name, anonymous: true}`',
  properties: { id: nullable(str), name: str, anonymous: { type: 'boolean' } },
  required: ['id', 'name'],
};

const commentProperties = {
  id: str,
  assetId: {
    ...str,
    description: 'The file (a version stack’s comments live on its head version)',
  },
  projectId: str,
  parentId: { ...nullable(str), description: 'The top-level comment of a reply' },
  author,
  text: str,
  timestamp: { ...nullable(int), description: 'Frame the comment points at' },
  duration: { ...nullable(int), description: 'Frames from the timestamp' },
  annotation: { description: 'The drawing (JSON object or array) or null' },
  private: { type: 'boolean', description: 'Only members of the account see it' },
  mentions: {
    type: 'array',
    items: { type: 'object', properties: { userId: str, name: str } },
  },
  completed: { type: 'boolean' },
  completedAt: nullable(time),
  completedBy: { type: ['object', 'null'], properties: { id: str, name: str } },
  likeCount: int,
  likedByMe: { type: 'boolean' },
  editedAt: nullable(time),
  legacyId: nullable(str),
  createdAt: time,
  updatedAt: time,
};

export const commentSchema = { type: 'object', properties: commentProperties };

export const commentThreadSchema = {
  type: 'object',
  description: 'A top-level comment with its replies (oldest first); a reply has no `replies`',
  properties: {
    ...commentProperties,
    replies: { type: 'array', items: commentSchema },
  },
};
