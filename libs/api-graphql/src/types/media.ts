import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A short-lived URL (GET, Range requests work)' })
export class SignedMedia {
  @Field() url!: string;
  @Field() expiresAt!: string;
  @Field(() => Float, { description: 'Bytes' }) size!: number;
  @Field(() => String, { nullable: true }) contentType!: string | null;
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
}
