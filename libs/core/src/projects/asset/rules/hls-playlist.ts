/** The path of a file's HLS playlist on this process (signed links: SignedLinks). */
export const hlsPlaylistPath = (fileId: string): string => `/media/hls/${fileId}.m3u8`;

/**
 * The playlist processing stored, with each segment's relative URI replaced by the URL `urlFor`
 * gives (a presigned storage URL): players then fetch segments straight from storage. Tags and
 * comments pass through; a URI `urlFor` does not know makes the whole playlist unusable (null),
 * never a playlist that points at objects it may not fetch.
 */
export function rewriteHlsPlaylist(
  text: string,
  urlFor: (segmentName: string) => string | undefined,
): string | null {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '#EXTM3U') return null;
  const out: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#EXT-X-MAP:')) {
      const uri = /URI="([^"]+)"/.exec(trimmed)?.[1];
      const url = uri ? urlFor(uri) : undefined;
      if (!url) return null;
      out.push(trimmed.replace(`URI="${uri}"`, `URI="${url}"`));
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      out.push(line);
      continue;
    }
    const url = urlFor(trimmed);
    if (!url) return null;
    out.push(url);
  }
  return out.join('\n');
}
