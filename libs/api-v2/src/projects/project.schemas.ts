// Response shapes of the project routes for the OpenAPI document (JSON Schema 2020-12).

const str = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const nullableStr = { type: ['string', 'null'] };

export const projectSchema = {
  type: 'object',
  properties: {
    id: str,
    accountId: str,
    teamId: str,
    name: str,
    private: { type: 'boolean' },
    archived: { type: 'boolean' },
    rootAssetId: { ...str, description: 'The project’s root folder' },
    ownerId: nullableStr,
    legacyId: { ...nullableStr, description: 'Id in the legacy store; null unless migrated' },
    access: {
      enum: ['viewer', 'reviewer', 'editor', 'manager'],
      description: 'What the caller may do in this project',
    },
    createdAt: time,
    updatedAt: time,
  },
};

export const collaboratorSchema = {
  type: 'object',
  properties: {
    userId: str,
    email: str,
    name: str,
    role: { enum: ['editor', 'reviewer', 'viewer'] },
    addedAt: time,
    addedById: nullableStr,
  },
};
