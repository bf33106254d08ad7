import { html } from './html';
import { button, layout } from './layout';
import { RenderedMail } from './rendered-mail';
import { fill } from './strings/email-strings';
import { stringsFor } from './strings/locales';

export interface DigestItem {
  /** One line, already worded by the caller ("Ana commented on shot_010.mov"). */
  summary: string;
  /** Absolute link to the thing. */
  url: string;
  /** Optional quote (a comment's text). */
  excerpt?: string | null;
}

export interface DigestMail {
  locale?: string | null;
  name: string;
  cadence: 'hourly' | 'daily';
  items: readonly DigestItem[];
  /** Absolute (EmailLinks.notifications). */
  inboxUrl: string;
  /** Absolute (EmailLinks.unsubscribe). */
  unsubscribeUrl: string;
}

export function digestMail(input: DigestMail): RenderedMail {
  const strings = stringsFor(input.locale);
  const s = strings.digest;
  const count = input.items.length;
  const subject = count === 1 ? s.subjectOne : fill(s.subjectMany, { count });
  const window = input.cadence === 'hourly' ? s.hourlyWindow : s.dailyWindow;
  const intro = fill(s.intro, { name: input.name, window });
  const items = input.items.map(
    (item) =>
      html`<li style="margin-bottom:12px">
        <a href="${item.url}">${item.summary}</a>${
          item.excerpt ? html`<br /><span style="color:#4b5563">“${item.excerpt}”</span>` : null
        }
      </li>`,
  );
  const textItems = input.items.map(
    (item) => `- ${item.summary}\n  ${item.url}${item.excerpt ? `\n  “${item.excerpt}”` : ''}`,
  );
  return layout({
    strings,
    subject,
    body: html`<p>${intro}</p>
      <ul style="padding-left:20px">
        ${items}
      </ul>
      ${button(s.action, input.inboxUrl)}`,
    text: `${intro}\n\n${textItems.join('\n')}\n\n${s.action}: ${input.inboxUrl}`,
    unsubscribeUrl: input.unsubscribeUrl,
  });
}
