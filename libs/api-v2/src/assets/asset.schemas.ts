// Response shapes of the asset routes for the OpenAPI document (JSON Schema 2020-12).

const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type, 'null'] });

const assetProperties = {
  id: str,
  projectId: str,
  parentId: { ...nullable(str), description: 'null only for the project’s root folder' },
  type: { enum: ['folder', 'file', 'version_stack'] },
  name: str,
  filetype: { ...nullable(str), description: 'Media type, e.g. video/mp4' },
  filesize: { type: 'integer', description: 'Bytes' },
  duration: { ...nullable({ type: 'number' }), description: 'Seconds' },
  fps: nullable({ type: 'number' }),
  frames: nullable({ type: 'integer' }),
  status: {
    enum: ['uploading', 'transcoding', 'ready', 'failed'],
    description:
      'Files: uploading until upload-complete, then transcoding (video/audio) or ready. ' +
      'Stacks: the status of their latest version.',
  },
  label: { enum: ['none', 'in_progress', 'needs_review', 'approved'] },
  version: { type: 'integer', description: 'Position in its version stack (1, 2, …); 1 elsewhere' },
  properties: {
    type: 'object',
    description: 'Custom metadata (≤ 1 MB). Only in answers about one asset, never in lists.',
  },
  creatorId: nullable(str),
  legacyId: { ...nullable(str), description: 'Id in the legacy store; null unless migrated' },
  createdAt: time,
  updatedAt: time,
  deletedAt: { ...time, description: 'Only for trashed assets' },
};

const versionSchema = { type: 'object', properties: assetProperties };

export const assetSchema = {
  type: 'object',
  properties: {
    ...assetProperties,
    versionCount: { type: 'integer', description: 'Version stacks only' },
    headVersion: {
      ...versionSchema,
      description:
        'Version stacks only: the highest-numbered version, whose filetype, filesize, status, ' +
        'duration, fps and frames the stack shows as its own',
    },
  },
};

export const createdAssetSchema = {
  type: 'object',
  properties: {
    ...assetSchema.properties,
    upload: {
      type: 'object',
      description:
        'Files only: where to send the bytes, then PUT completeUrl. Until object storage is ' +
        'connected, url and expiresAt are null (a presigned URL and its expiry later).',
      properties: {
        method: { enum: ['PUT'] },
        url: nullable(str),
        expiresAt: nullable(time),
        completeUrl: str,
      },
    },
  },
};

export const trashedAssetSchema = {
  type: 'object',
  properties: {
    ...assetSchema.properties,
    deletedAt: time,
    purgeAfter: { ...time, description: 'When it is deleted for good (deletedAt + 30 days)' },
  },
};

export const searchHitSchema = {
  type: 'object',
  properties: {
    kind: { enum: ['asset', 'comment'] },
    asset: { ...assetSchema, description: 'The asset found, or the one the comment is on' },
    comment: {
      type: 'object',
      description: 'Only for kind = comment',
      properties: {
        id: str,
        text: str,
        parentId: nullable(str),
        authorId: nullable(str),
        authorName: nullable(str),
        frame: nullable({ type: 'integer' }),
        private: { type: 'boolean' },
        createdAt: time,
      },
    },
  },
};
