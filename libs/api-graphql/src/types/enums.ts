import { registerEnumType } from '@nestjs/graphql';

const values = <T extends string>(...names: T[]) =>
  Object.fromEntries(names.map((n) => [n, n])) as { [K in T]: K };

export const AssetType = values('folder', 'file', 'version_stack');
export const AssetStatus = values('uploading', 'transcoding', 'ready', 'failed');
export const AssetLabel = values('none', 'in_progress', 'needs_review', 'approved');
export const ProjectAccess = values('manager', 'editor', 'reviewer', 'viewer');
export const CollaboratorRole = values('editor', 'reviewer', 'viewer');
export const CommentSort = values('frame', 'time');
export const InvitationRole = values('admin', 'member');

registerEnumType(AssetType, { name: 'AssetType' });
registerEnumType(AssetStatus, { name: 'AssetStatus' });
registerEnumType(AssetLabel, { name: 'AssetLabel' });
registerEnumType(ProjectAccess, { name: 'ProjectAccess', description: 'The caller’s level' });
registerEnumType(CollaboratorRole, { name: 'CollaboratorRole' });
registerEnumType(CommentSort, {
  name: 'CommentSort',
  description: 'frame: timeline order (no frame last); time: posting order',
});
registerEnumType(InvitationRole, { name: 'InvitationRole' });
