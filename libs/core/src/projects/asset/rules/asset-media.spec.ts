import { statusAfterUpload } from './asset-media';

describe('status after upload', () => {
  it('sends video and audio to transcoding', () => {
    expect(statusAfterUpload('video/mp4')).toBe('transcoding');
    expect(statusAfterUpload('audio/wav')).toBe('transcoding');
    expect(statusAfterUpload('Video/QuickTime')).toBe('transcoding');
  });

  it('makes other files ready at once', () => {
    expect(statusAfterUpload('image/png')).toBe('ready');
    expect(statusAfterUpload('application/pdf')).toBe('ready');
    expect(statusAfterUpload(null)).toBe('ready');
  });
});
