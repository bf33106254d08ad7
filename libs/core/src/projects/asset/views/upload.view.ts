import { z } from 'zod';
import { isoTime } from '../../../shared/views/iso-time';

export const uploadPartUrlSchema = z
  .object({
    partNumber: z.int(),
    method: z.literal('PUT'),
    url: z.string(),
    expiresAt: isoTime,
    size: z.int().meta({ description: 'Bytes this part must hold' }),
  })
  .meta({ id: 'UploadPartUrl' });

export const storedPartSchema = z
  .object({ partNumber: z.int(), size: z.int(), etag: z.string() })
  .meta({ id: 'StoredPart', description: 'A part as storage holds it' });

export const uploadViewSchema = z
  .object({
    uploadId: z.string(),
    assetId: z.string(),
    filesize: z.int(),
    partSize: z.int(),
    partCount: z.int(),
    createdAt: isoTime,
    uploadedParts: z.array(storedPartSchema).meta({
      description: 'Parts storage holds now (what a resumed upload can skip)',
    }),
    parts: z.array(uploadPartUrlSchema).meta({
      description:
        'Presigned URLs for parts still to send (at most 100; ask again for the rest). PUT ' +
        'each part’s exact bytes; parts may go in parallel and in any order; a failed part is ' +
        'simply sent again.',
    }),
    remainingParts: z.int().meta({ description: 'Parts still to send, including those above' }),
    completeUrl: z.string().meta({ description: 'PUT here once every part is sent' }),
  })
  .meta({
    id: 'UploadView',
    description:
      'A multipart upload of a file’s bytes straight to storage. Completion is checked against ' +
      'what storage holds: every part, each of its size.',
  });
export type UploadView = z.infer<typeof uploadViewSchema>;
export type UploadPartUrl = z.infer<typeof uploadPartUrlSchema>;

const signedMedia = z
  .object({
    url: z.string(),
    expiresAt: isoTime,
    size: z.int(),
    contentType: z.string().nullable(),
  })
  .meta({ id: 'SignedMediaUrl', description: 'A short-lived URL (GET, Range requests work)' });

export const mediaFactsSchema = z
  .object({
    status: z.enum(['processing', 'ready', 'failed']),
    failureReason: z
      .string()
      .nullable()
      .meta({ description: 'Why processing failed (what ffprobe/ffmpeg said); null otherwise' }),
    durationSeconds: z.number().nullable(),
    frameRate: z
      .string()
      .nullable()
      .meta({ description: 'The exact frame rate as a ratio, e.g. 24000/1001; null for audio' }),
    fps: z.number().nullable().meta({ description: 'The frame rate as a number, e.g. 23.976' }),
    frameCount: z.int().nullable(),
    width: z.int().nullable(),
    height: z.int().nullable(),
    videoCodec: z
      .string()
      .nullable()
      .meta({ description: 'As ffprobe names it, e.g. h264, prores' }),
    audioCodec: z.string().nullable(),
    audioChannels: z.int().nullable(),
    processedAt: isoTime.nullable(),
  })
  .meta({
    id: 'MediaFacts',
    description: 'What processing read from the file itself (ffprobe), not what the uploader said',
  });
export type MediaFactsView = z.infer<typeof mediaFactsSchema>;

export const assetMediaViewSchema = z
  .object({
    assetId: z.string().meta({ description: 'The file whose media this is (a stack: its head)' }),
    original: signedMedia.nullable().meta({
      description: 'The file as uploaded, for playback; null until uploaded or when not allowed',
    }),
    download: signedMedia.nullable().meta({
      description: 'The original as an attachment named after the asset; null when not allowed',
    }),
    proxy: signedMedia.nullable().meta({ description: 'The playback proxy, once processed' }),
    thumbnail: signedMedia
      .nullable()
      .meta({ description: 'The poster frame (a still from the middle), once processed' }),
    thumbnails: z
      .array(signedMedia)
      .meta({ description: 'Stills spread over the file, in time order; empty until processed' }),
    sprite: signedMedia.nullable().meta({
      description: 'The scrubbing sprite (a grid of small stills), once processed',
    }),
    waveform: signedMedia.nullable().meta({
      description: 'The audio waveform as peaks (BBC audiowaveform JSON), once processed',
    }),
    hls: z
      .object({ url: z.string(), expiresAt: isoTime })
      .nullable()
      .meta({
        id: 'SignedPlaylistUrl',
        description:
          'An HLS playlist (VOD, H.264/AAC in MPEG-TS segments, cut from the proxy) for players ' +
          'such as hls.js or Safari; its segment URLs are presigned when it is fetched. Null until ' +
          'processed, and for audio',
      }),
    facts: mediaFactsSchema.nullable().meta({
      description: 'The file’s media facts; null until processing has started',
    }),
  })
  .meta({ id: 'AssetMediaView' });
export type AssetMediaView = z.infer<typeof assetMediaViewSchema>;
export type SignedMedia = z.infer<typeof signedMedia>;
