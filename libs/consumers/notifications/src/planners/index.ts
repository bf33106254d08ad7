import {
  AssetLabelChanged,
  AssetUploadCompleted,
  AssetVersioned,
  CollaboratorAdded,
  CommentCreated,
} from '@dailies/core';
import { EventClass } from '@dailies/events';
import { planAssetVersioned } from './asset-versioned.planner';
import { planCollaboratorAdded } from './collaborator-added.planner';
import { planCommentCreated } from './comment-created.planner';
import { planLabelChanged } from './label-changed.planner';
import { Planner } from './planner';
import { planUploadCompleted } from './upload-completed.planner';

/** The events that notify someone (by event class), and how each is planned. */
const PLANNED: readonly (readonly [EventClass, Planner])[] = [
  [CommentCreated, planCommentCreated],
  [AssetUploadCompleted, planUploadCompleted],
  [AssetVersioned, planAssetVersioned],
  [AssetLabelChanged, planLabelChanged],
  [CollaboratorAdded, planCollaboratorAdded],
];

/** The classes the notifications consumer subscribes to. */
export const PLANNED_EVENTS: readonly EventClass[] = PLANNED.map(([event]) => event);

const byName = new Map(PLANNED.map(([event, planner]) => [event.eventName, planner]));

/** The planner of an event, or undefined when the event notifies nobody. */
export function plannerFor(eventName: string): Planner | undefined {
  return byName.get(eventName);
}
