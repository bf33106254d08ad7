/**
 * What a set of assets weighs, for usage accounting: every asset, every file, and the bytes of
 * files whose upload completed (an upload that never arrived stores nothing). Stacks and folders
 * weigh nothing themselves; their files do.
 */
export interface AssetUsage {
  assetCount: number;
  fileCount: number;
  storageBytes: number;
}

export function usageOf(
  rows: readonly { type: string; status: string; filesize: bigint | number }[],
): AssetUsage {
  const files = rows.filter((r) => r.type === 'file');
  return {
    assetCount: rows.length,
    fileCount: files.length,
    storageBytes: files
      .filter((f) => f.status !== 'uploading')
      .reduce((sum, f) => sum + Number(f.filesize), 0),
  };
}
