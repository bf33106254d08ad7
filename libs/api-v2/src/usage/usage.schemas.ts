// Response shapes of the usage routes (JSON Schema 2020-12).

export const usageSchema = {
  type: 'object',
  properties: {
    accountId: { type: 'string' },
    storageBytes: {
      type: 'integer',
      description: 'Bytes of uploaded files, trash included, until purged',
    },
    storageLimitBytes: { type: 'integer' },
    assetCount: { type: 'integer', description: 'Files, trash included, until purged' },
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
};
