import { rewriteHlsPlaylist } from './hls-playlist';

const stored = [
  '#EXTM3U',
  '#EXT-X-VERSION:3',
  '#EXT-X-TARGETDURATION:6',
  '#EXT-X-PLAYLIST-TYPE:VOD',
  '#EXT-X-MAP:URI="hls-init.mp4"',
  '#EXTINF:6.006000,',
  'hls-00000.m4s',
  '#EXTINF:2.002000,',
  'hls-00001.m4s',
  '#EXT-X-ENDLIST',
  '',
].join('\n');

describe('rewriteHlsPlaylist', () => {
  it('replaces each segment URI with its signed URL and keeps every tag', () => {
    const out = rewriteHlsPlaylist(stored, (name) => `https://s3.test/${name}?sig=1`);
    expect(out?.split('\n')).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-TARGETDURATION:6',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      '#EXT-X-MAP:URI="https://s3.test/hls-init.mp4?sig=1"',
      '#EXTINF:6.006000,',
      'https://s3.test/hls-00000.m4s?sig=1',
      '#EXTINF:2.002000,',
      'https://s3.test/hls-00001.m4s?sig=1',
      '#EXT-X-ENDLIST',
      '',
    ]);
  });

  it('refuses a playlist naming a segment it has no URL for', () => {
    const known = new Set(['hls-init.mp4', 'hls-00000.m4s']);
    expect(rewriteHlsPlaylist(stored, (name) => (known.has(name) ? 'u' : undefined))).toBe(null);
    expect(rewriteHlsPlaylist(stored, (name) => (name === 'hls-init.mp4' ? undefined : 'u'))).toBe(
      null,
    );
  });

  it('refuses text that is not a playlist', () => {
    expect(rewriteHlsPlaylist('<html>', () => 'u')).toBe(null);
  });
});
