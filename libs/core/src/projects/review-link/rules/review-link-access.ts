import { Injectable } from '@nestjs/common';
import { verifyPassword } from '@dailies/auth';
import { Asset, isUuid, PrismaService, Project, ReviewLink } from '@dailies/db';
import { Db } from '../../../shared/db';
import { DomainError, notFound } from '../../../shared/errors';
import { commentTargetOf } from '../../comment';
import { ReviewLinkThrottle } from './review-link-throttle';

export interface OpenedReviewLink {
  link: ReviewLink;
  project: Project;
}

/** How an anonymous reviewer proves they may open a link. */
export interface ReviewCredentials {
  code: string;
  /** The X-Review-Password header, for links with a password. */
  password?: string;
  /** The client's IP, for throttling wrong passwords. */
  ip?: string;
}

/**
 * The anonymous side of review links: opening one by its code (active, not expired, password
 * when it has one) and reaching only the assets it shares.
 */
@Injectable()
export class ReviewLinkAccess {
  constructor(
    private readonly prisma: PrismaService,
    private readonly throttle: ReviewLinkThrottle,
  ) {}

  async open({ code, password, ip }: ReviewCredentials): Promise<OpenedReviewLink> {
    const link =
      code.length <= 100
        ? await this.prisma.reviewLink.findUnique({
            where: { shortCode: code },
            include: { project: true },
          })
        : null;
    if (!link) throw notFound('Review link');
    if (!link.active) {
      throw new DomainError('gone', 'This review link has been turned off', {
        featureCode: 'review_link_inactive',
      });
    }
    if (link.expiresAt && link.expiresAt <= new Date()) {
      throw new DomainError('gone', 'This review link has expired', {
        featureCode: 'review_link_expired',
      });
    }
    if (link.passwordHash) await this.checkPassword(link, password, ip);
    const { project, ...bare } = link;
    return { link: bare, project };
  }

  /**
   * An asset the link shares: one of its items, or the head version of a version stack it
   * shares (where the stack's comments live). Anything else does not exist for the reviewer.
   */
  async requireAsset(db: Db, { link }: OpenedReviewLink, assetId: string): Promise<Asset> {
    const asset = isUuid(assetId)
      ? await db.asset.findFirst({
          where: { id: assetId, projectId: link.projectId, deletedAt: null },
        })
      : null;
    if (!asset) throw notFound('Asset');
    const parentId = asset.type === 'file' ? asset.parentId : null;
    const items = await db.reviewLinkItem.findMany({
      where: {
        reviewLinkId: link.id,
        assetId: { in: parentId ? [asset.id, parentId] : [asset.id] },
      },
      include: { asset: true },
    });
    if (items.some((item) => item.assetId === asset.id)) return asset;
    const stack = items.find(
      (item) => item.asset.type === 'version_stack' && item.asset.deletedAt === null,
    )?.asset;
    if (stack && (await commentTargetOf(db, stack)).id === asset.id) return asset;
    throw notFound('Asset');
  }

  private async checkPassword(
    link: ReviewLink,
    password: string | undefined,
    ip: string | undefined,
  ): Promise<void> {
    if (!password) {
      throw new DomainError(
        'unauthenticated',
        'This review link is protected by a password: send it in the X-Review-Password header',
        { featureCode: 'review_password_required' },
      );
    }
    await this.throttle.takePasswordAttempt(link.id, ip);
    const check = await verifyPassword(password, link.passwordHash);
    if (!check.ok) {
      throw new DomainError('unauthenticated', 'The review link password is wrong', {
        featureCode: 'review_password_invalid',
      });
    }
    await this.throttle.passwordAccepted(link.id, ip);
  }
}
