// Response shapes of the review-link routes for the OpenAPI document (JSON Schema 2020-12).

const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type, 'null'] });
const int = { type: 'integer' };
const num = { type: 'number' };

export const reviewLinkSchema = {
  type: 'object',
  properties: {
    id: str,
    projectId: str,
    name: str,
    shortCode: { ...str, description: 'The code in /review/<code>' },
    url: { ...str, description: 'The review page to send to reviewers' },
    hasPassword: { type: 'boolean' },
    active: { type: 'boolean', description: 'False: the link was turned off' },
    expired: { type: 'boolean' },
    expiresAt: nullable(time),
    allowDownload: { type: 'boolean' },
    itemCount: int,
    assetIds: { type: 'array', items: str, description: 'In the order reviewers see them' },
    createdById: nullable(str),
    legacyId: nullable(str),
    createdAt: time,
    updatedAt: time,
  },
};

const reviewAssetProperties = {
  id: str,
  type: { enum: ['file', 'version_stack'] },
  name: str,
  filetype: nullable(str),
  filesize: int,
  duration: nullable(num),
  fps: nullable(num),
  frames: nullable(int),
  status: { enum: ['uploading', 'transcoding', 'ready', 'failed'] },
  version: int,
  createdAt: time,
  updatedAt: time,
};

export const reviewAssetSchema = {
  type: 'object',
  properties: {
    ...reviewAssetProperties,
    versionCount: { ...int, description: 'Version stacks only' },
    headVersion: {
      type: 'object',
      description: 'Version stacks only: the latest version, where comments go',
      properties: reviewAssetProperties,
    },
  },
};

export const reviewPageSchema = {
  type: 'object',
  properties: {
    name: str,
    allowDownload: { type: 'boolean' },
    expiresAt: nullable(time),
    items: { type: 'array', items: reviewAssetSchema },
  },
};
