import { Query } from '@nestjs/cqrs';
import type { LegacyReviewPage } from './open-legacy-review-link.handler';
import type { ReviewCredentials } from '@dailies/core';

/**
 * A review link and its live assets as /v1 records, for anyone holding its short code (and its
 * password, when it has one): opened through OpenReviewLinkQuery, so the same checks apply
 * (active, not expired, password, throttling of wrong passwords).
 */
export class OpenLegacyReviewLinkQuery extends Query<LegacyReviewPage> {
  constructor(readonly credentials: ReviewCredentials) {
    super();
  }
}
