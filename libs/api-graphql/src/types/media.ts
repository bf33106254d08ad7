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
  @Field(() => SignedMedia, { nullable: true, description: 'The thumbnail, once processed' })
  thumbnail!: SignedMedia | null;
}
