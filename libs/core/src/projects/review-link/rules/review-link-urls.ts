import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@dailies/config';

/** Where reviewers open a link: `${PUBLIC_URL}/review/<code>` (README: PUBLIC_URL's default). */
@Injectable()
export class ReviewLinkUrls {
  private readonly base: string;

  constructor(@Inject(APP_CONFIG) config: { PUBLIC_URL?: string; PORT: number }) {
    this.base = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
  }

  of(shortCode: string): string {
    return `${this.base}/review/${encodeURIComponent(shortCode)}`;
  }
}
