import { Args, Context, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import {
  AddVersionCommand,
  CompleteUploadCommand,
  CopyAssetCommand,
  CreateAssetCommand,
  MoveAssetCommand,
  RestoreAssetCommand,
  TrashAssetCommand,
  UpdateAssetCommand,
} from '@dailies/core';
import { actorOf, GraphqlContext } from '../context';
import { CreateAssetInput, MediaInput, UpdateAssetInput } from '../types/inputs';
import { Asset, CreatedAsset } from '../types/models';
import { Bus, plain } from './bus';

/** The /v2 asset writes: create, update, trash, restore, move, copy, version, upload-complete. */
@Resolver()
export class AssetMutations {
  constructor(private readonly bus: Bus) {}

  @Mutation(() => CreatedAsset, { description: 'A folder, or a file to upload, in a folder' })
  async createAsset(
    @Context() ctx: GraphqlContext,
    @Args('parentId', { type: () => ID }) parentId: string,
    @Args('input') input: CreateAssetInput,
  ) {
    const actor = await actorOf(ctx);
    const { upload, ...asset } = await this.bus.command(
      ctx,
      new CreateAssetCommand(actor, { ...plain(input), parentId }),
    );
    return { asset, upload: upload ?? null };
  }

  @Mutation(() => Asset)
  async updateAsset(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) assetId: string,
    @Args('input') input: UpdateAssetInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new UpdateAssetCommand(actor, { ...plain(input), assetId }));
  }

  @Mutation(() => ID, { description: 'Moves it (and its subtree) to the trash; its id' })
  async trashAsset(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    await this.bus.command(ctx, new TrashAssetCommand(actor, { assetId: id }));
    return id;
  }

  @Mutation(() => Asset)
  async restoreAsset(@Context() ctx: GraphqlContext, @Args('id', { type: () => ID }) id: string) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new RestoreAssetCommand(actor, { assetId: id }));
  }

  @Mutation(() => Asset)
  async moveAsset(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) assetId: string,
    @Args('parentId', { type: () => ID }) parentId: string,
    @Args('index', { type: () => Int, nullable: true }) index?: number,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new MoveAssetCommand(actor, { assetId, parentId, index }));
  }

  @Mutation(() => Asset, { description: 'A deep copy (new ids) into a folder of the project' })
  async copyAsset(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) assetId: string,
    @Args('parentId', { type: () => ID }) parentId: string,
    @Args('withComments', { nullable: true }) withComments?: boolean,
    @Args('index', { type: () => Int, nullable: true }) index?: number,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(
      ctx,
      new CopyAssetCommand(actor, { assetId, parentId, withComments, index }),
    );
  }

  @Mutation(() => Asset, { description: 'Stacks nextAssetId on a file or stack; the stack' })
  async addVersion(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) assetId: string,
    @Args('nextAssetId', { type: () => ID }) nextAssetId: string,
  ) {
    const actor = await actorOf(ctx);
    const result = await this.bus.command(
      ctx,
      new AddVersionCommand(actor, { assetId, nextAssetId }),
    );
    return result.stack;
  }

  @Mutation(() => Asset, { description: 'The file’s bytes arrived (with final media facts)' })
  async completeUpload(
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID }) assetId: string,
    @Args('input', { type: () => MediaInput, nullable: true }) input?: MediaInput,
  ) {
    const actor = await actorOf(ctx);
    return this.bus.command(ctx, new CompleteUploadCommand(actor, { ...plain(input), assetId }));
  }
}
