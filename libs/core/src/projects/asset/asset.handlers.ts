import { Type } from '@nestjs/common';
import { AbortStaleUploadsHandler } from './commands/abort-stale-uploads/abort-stale-uploads.handler';
import { AbortUploadHandler } from './commands/abort-upload/abort-upload.handler';
import { StartUploadHandler } from './commands/start-upload/start-upload.handler';
import { GetAssetMediaHandler } from './queries/get-asset-media/get-asset-media.handler';
import { GetHlsPlaylistHandler } from './queries/get-hls-playlist/get-hls-playlist.handler';
import { GetUploadHandler } from './queries/get-upload/get-upload.handler';
import { AddVersionHandler } from './commands/add-version/add-version.handler';
import { CompleteUploadHandler } from './commands/complete-upload/complete-upload.handler';
import { CopyAssetHandler } from './commands/copy-asset/copy-asset.handler';
import { CreateAssetHandler } from './commands/create-asset/create-asset.handler';
import { MoveAssetHandler } from './commands/move-asset/move-asset.handler';
import { PurgeTrashHandler } from './commands/purge-trash/purge-trash.handler';
import { RestoreAssetHandler } from './commands/restore-asset/restore-asset.handler';
import { TrashAssetHandler } from './commands/trash-asset/trash-asset.handler';
import { UpdateAssetHandler } from './commands/update-asset/update-asset.handler';
import { BeginAssetProcessingHandler } from './commands/begin-asset-processing/begin-asset-processing.handler';
import { RecordAssetProcessedHandler } from './commands/record-asset-processed/record-asset-processed.handler';
import { RecordAssetProcessingFailedHandler } from './commands/record-asset-processing-failed/record-asset-processing-failed.handler';
import { MediaProcessingQueue } from './rules/media-processing-queue';
import { GetAssetHandler } from './queries/get-asset/get-asset.handler';
import { ListChildrenHandler } from './queries/list-children/list-children.handler';
import { ListTrashHandler } from './queries/list-trash/list-trash.handler';
import { ListVersionsHandler } from './queries/list-versions/list-versions.handler';
import { SearchProjectHandler } from './queries/search-project/search-project.handler';

/** Command and query handlers of the asset use cases, registered by ProjectsModule. */
export const AssetHandlers: Type[] = [
  CreateAssetHandler,
  UpdateAssetHandler,
  TrashAssetHandler,
  RestoreAssetHandler,
  MoveAssetHandler,
  CopyAssetHandler,
  CompleteUploadHandler,
  StartUploadHandler,
  AbortUploadHandler,
  AbortStaleUploadsHandler,
  GetUploadHandler,
  GetAssetMediaHandler,
  GetHlsPlaylistHandler,
  AddVersionHandler,
  PurgeTrashHandler,
  BeginAssetProcessingHandler,
  RecordAssetProcessedHandler,
  RecordAssetProcessingFailedHandler,
  MediaProcessingQueue,
  GetAssetHandler,
  ListChildrenHandler,
  ListVersionsHandler,
  ListTrashHandler,
  SearchProjectHandler,
];
