/** An account's usage against its storage limit (bytes are JSON numbers). */
export interface UsageView {
  accountId: string;
  storageBytes: number;
  storageLimitBytes: number;
  assetCount: number;
  /** When the figures last changed; null while nothing was ever counted. */
  updatedAt: Date | null;
}

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
