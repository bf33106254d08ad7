import { MediaProcessingError } from '../process/media-error';
import { reasonFromStderr } from '../process/run-tool';
import { mediaFactsFromProbe } from './probe';

// ffprobe JSON as odd files produce it: rates as rationals, numbers as strings, cover art.

describe('facts from ffprobe JSON', () => {
  it('takes the average rate, the container duration and the counted frames', () => {
    const facts = mediaFactsFromProbe({
      streams: [
        {
          codec_type: 'video',
          codec_name: 'prores',
          width: 1920,
          height: 1080,
          r_frame_rate: '48000/1001',
          avg_frame_rate: '24000/1001',
          nb_frames: '1439',
          pix_fmt: 'yuv422p10le',
        },
        { codec_type: 'audio', codec_name: 'pcm_s24le', channels: 6, sample_rate: '48000' },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '60.018000', size: '1000' },
    });
    expect(facts).toEqual({
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      durationSeconds: 60.018,
      sizeBytes: 1000,
      bitRate: null,
      video: {
        codec: 'prores',
        width: 1920,
        height: 1080,
        frameRate: { num: 24000, den: 1001 },
        frameCount: 1439,
        pixelFormat: 'yuv422p10le',
      },
      audio: { codec: 'pcm_s24le', channels: 6, sampleRate: 48000, channelLayout: null },
    });
  });

  it('counts frames from duration × rate when the container does not say', () => {
    const facts = mediaFactsFromProbe({
      streams: [
        {
          codec_type: 'video',
          width: 640,
          height: 360,
          avg_frame_rate: '0/0',
          r_frame_rate: '30000/1001',
        },
      ],
      format: { duration: '2.002' },
    });
    expect(facts.video).toMatchObject({ frameRate: { num: 30000, den: 1001 }, frameCount: 60 });
  });

  it('treats cover art as no picture, and a file without streams as not media', () => {
    const song = mediaFactsFromProbe({
      streams: [
        { codec_type: 'audio', codec_name: 'mp3', channels: 2, sample_rate: '44100' },
        {
          codec_type: 'video',
          codec_name: 'mjpeg',
          width: 500,
          height: 500,
          avg_frame_rate: '90000/1',
          disposition: { attached_pic: 1 },
        },
      ],
      format: { duration: '180.5' },
    });
    expect(song.video).toBeNull();
    expect(() =>
      mediaFactsFromProbe({ streams: [{ codec_type: 'data' }], format: { duration: '1' } }),
    ).toThrow(expect.objectContaining({ kind: 'no_media_streams' }));
    expect(() => mediaFactsFromProbe({ streams: [{ codec_type: 'audio' }], format: {} })).toThrow(
      MediaProcessingError,
    );
  });
});

describe('failure reasons from stderr', () => {
  it('keeps the last lines, without paths, banners or addresses', () => {
    const stderr = [
      'ffmpeg version 4.1 Copyright (c) 2000-2018',
      'configuration: --enable-gpl',
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x10964140] moov atom not found',
      'file:/tmp/dailies-media-abc/original: Invalid data found when processing input',
    ].join('\n');
    expect(reasonFromStderr(stderr, ['file:/tmp/dailies-media-abc/original'])).toBe(
      '[mov,mp4,m4a,3gp,3g2,mj2] moov atom not found; original: Invalid data found when processing input',
    );
    expect(reasonFromStderr('')).toBe('no message');
  });
});
