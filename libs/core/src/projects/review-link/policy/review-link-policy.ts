import { Injectable } from '@nestjs/common';
import { isUuid, ReviewLink } from '@dailies/db';
import { Actor } from '@dailies/events';
import { Db } from '../../../shared/db';
import { DomainError, notFound } from '../../../shared/errors';
import { ProjectGrant, ProjectPolicy } from '../../project';
import { ProjectAccess } from '../../project';

export interface ReviewLinkGrant extends ProjectGrant {
  link: ReviewLink;
}

/** A review link the caller can see through its project (else "review link not found"). */
@Injectable()
export class ReviewLinkPolicy {
  constructor(private readonly policy: ProjectPolicy) {}

  async requireLink(
    db: Db,
    actor: Actor,
    reviewLinkId: string,
    needed: ProjectAccess,
  ): Promise<ReviewLinkGrant> {
    const link = isUuid(reviewLinkId)
      ? await db.reviewLink.findUnique({ where: { id: reviewLinkId } })
      : null;
    if (!link) throw notFound('Review link');
    try {
      const grant = await this.policy.requireProject(db, actor, link.projectId, needed);
      return { ...grant, link };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw notFound('Review link');
      throw error;
    }
  }
}
