import { NotificationKind } from '@dailies/core';
import { NotificationText } from './notification-plan';

const labels: Record<string, string> = {
  in_progress: 'In progress',
  needs_review: 'Needs review',
  approved: 'Approved',
};

/** What the events have to say, by kind; each planner fills the parts it knows. */
export interface TextParts {
  actorName: string;
  assetName?: string;
  projectName?: string;
  excerpt?: string;
  reviewLinkName?: string | null;
  version?: number;
  label?: string;
  role?: string;
}

/** Human text for the inbox and the e-mail: "Ana commented on Shot 012.mov". */
export function notificationText(kind: NotificationKind, parts: TextParts): NotificationText {
  const who = parts.actorName || 'Someone';
  const asset = parts.assetName ?? 'an asset';
  const project = parts.projectName ?? 'a project';
  const inProject = parts.projectName ? `In ${parts.projectName}` : null;
  const excerpt = parts.excerpt || null;
  switch (kind) {
    case 'comment':
      return { title: `${who} commented on ${asset}`, body: excerpt };
    case 'reply':
      return { title: `${who} replied to your comment on ${asset}`, body: excerpt };
    case 'mention':
      return { title: `${who} mentioned you on ${asset}`, body: excerpt };
    case 'review_comment': {
      const via = parts.reviewLinkName ? ` via the review link "${parts.reviewLinkName}"` : '';
      return { title: `${who} commented on ${asset}${via}`, body: excerpt };
    }
    case 'upload':
      return { title: `${who} uploaded ${asset}`, body: inProject };
    case 'version':
      return {
        title: `${who} added version ${parts.version ?? '?'} of ${asset}`,
        body: inProject,
      };
    case 'label': {
      const label = parts.label ? labels[parts.label] : undefined;
      return {
        title: label
          ? `${who} marked ${asset} as ${label}`
          : `${who} cleared the label of ${asset}`,
        body: inProject,
      };
    }
    case 'added_to_project':
      return {
        title: `${who} added you to ${project}`,
        body: parts.role ? `You can now work on it as ${article(parts.role)} ${parts.role}` : null,
      };
  }
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
