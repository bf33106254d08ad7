import { planAssetVersioned } from './asset-versioned.planner';
import { planCollaboratorAdded } from './collaborator-added.planner';
import { planCommentCreated } from './comment-created.planner';
import { planLabelChanged } from './label-changed.planner';
import { Planner } from './planner';
import { planUploadCompleted } from './upload-completed.planner';

/** The events that notify someone (by wire name), and how each is planned. */
export const planners: Readonly<Record<string, Planner>> = {
  'comment.created': planCommentCreated,
  'asset.upload_completed': planUploadCompleted,
  'asset.versioned': planAssetVersioned,
  'asset.label_changed': planLabelChanged,
  'project.collaborator_added': planCollaboratorAdded,
};
