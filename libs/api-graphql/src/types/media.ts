import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A short-lived URL (GET, Range requests work)' })
export class SignedMedia {
  @Field() url!: string;
  @Field() expiresAt!: string;
  @Field(() => Float, { description: 'Bytes' }) size!: number;
  @Field(() => String, { nullable: true }) contentType!: string | null;
}

@ObjectType({
  description: 'What processing read from the file itself (ffprobe), not what the uploader said',
})
export class MediaFacts {
  @Field({ description: 'processing, ready or failed' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Why processing failed' })
  failureReason!: string | null;
  @Field(() => Float, { nullable: true }) durationSeconds!: number | null;
  @Field(() => String, { nullable: true, description: 'The exact frame rate, e.g. 24000/1001' })
  frameRate!: string | null;
  @Field(() => Float, { nullable: true, description: 'The frame rate as a number, e.g. 23.976' })
  fps!: number | null;
  @Field(() => Int, { nullable: true }) frameCount!: number | null;
  @Field(() => Int, { nullable: true }) width!: number | null;
  @Field(() => Int, { nullable: true }) height!: number | null;
  @Field(() => String, { nullable: true }) videoCodec!: string | null;
  @Field(() => String, { nullable: true }) audioCodec!: string | null;
  @Field(() => Int, { nullable: true }) audioChannels!: number | null;
  @Field(() => String, { nullable: true }) processedAt!: string | null;
}

@ObjectType({
  description:
    'An HLS playlist (VOD, H.264/AAC in MPEG-TS segments); its segment URLs are presigned when it is fetched',
})
export class SignedPlaylist {
  @Field() url!: string;
  @Field() expiresAt!: string;
}

@ObjectType({ description: 'Short-lived URLs to play and download a file' })
export class AssetMedia {
  @Field(() => ID, { description: 'The file whose media this is (a stack: its latest version)' })
  assetId!: string;
  @Field(() => SignedMedia, { nullable: true, description: 'The original, once uploaded' })
  original!: SignedMedia | null;
  @Field(() => SignedMedia, {
    nullable: true,
    description: 'The original as an attachment named after the asset',
  })
  download!: SignedMedia | null;
  @Field(() => SignedMedia, { nullable: true, description: 'The playback proxy, once processed' })
  proxy!: SignedMedia | null;
  @Field(() => SignedMedia, {
    nullable: true,
    description: 'The poster frame (a still from the middle), once processed',
  })
  thumbnail!: SignedMedia | null;
  @Field(() => [SignedMedia], {
    description: 'Stills spread over the file, in time order; empty until processed',
  })
  thumbnails!: SignedMedia[];
  @Field(() => SignedMedia, {
    nullable: true,
    description: 'The scrubbing sprite (a grid of small stills), once processed',
  })
  sprite!: SignedMedia | null;
  @Field(() => SignedMedia, {
    nullable: true,
    description: 'The audio waveform as peaks (BBC audiowaveform JSON), once processed',
  })
  waveform!: SignedMedia | null;
  @Field(() => SignedPlaylist, {
    nullable: true,
    description: 'HLS for players such as hls.js or Safari; null until processed, and for audio',
  })
  hls!: SignedPlaylist | null;
  @Field(() => MediaFacts, {
    nullable: true,
    description: 'The file’s media facts; null until processing has started',
  })
  facts!: MediaFacts | null;
}
