import { Type } from '@nestjs/common';

/** Command and query handlers of the review-link use cases, registered by ProjectsModule. */
export const ReviewLinkHandlers: Type[] = [];
