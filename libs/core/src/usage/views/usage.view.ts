import { z } from 'zod';

/** An account's usage against its storage limit (bytes are JSON numbers). */
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
export type UsageView = z.infer<typeof usageViewSchema>;

/** Kept usage and reconciled usage, in the units the API shows. */
export interface UsageFigures {
  storageBytes: number;
  assetCount: number;
}

/** What reconciling one account found and did. */
export interface UsageDrift {
  accountId: string;
  /** The kept figures before. */
  before: UsageFigures;
  /** The figures written: recomputed from the assets by the usage rule. */
  after: UsageFigures;
  /** after − before: what the kept figures had missed (0 and 0 when they were right). */
  drift: UsageFigures;
}
