import { UsageView } from '@dailies/core';
import { z } from 'zod';
import { sameShape } from '../view-schema-kit';

// Response shapes of the usage routes (named components of the document).

export const usageViewSchema = z
  .object({
    accountId: z.string(),
    storageBytes: z
      .int()
      .meta({ description: 'Bytes of uploaded files, trash included, until purged' }),
    storageLimitBytes: z.int(),
    assetCount: z.int().meta({ description: 'Files, trash included, until purged' }),
    updatedAt: z
      .date()
      .nullable()
      .meta({ description: 'When the figures last changed; null while nothing was counted' }),
  })
  .meta({ id: 'UsageView' });
sameShape<z.infer<typeof usageViewSchema>, UsageView>(true);
