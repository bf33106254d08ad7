import { html, SafeHtml } from './html';
import { RenderedMail } from './rendered-mail';
import { EmailStrings } from './strings/email-strings';

export interface LayoutInput {
  strings: EmailStrings;
  subject: string;
  /** The body, already escaped by `html`. */
  body: SafeHtml;
  /** The same content as plain text. */
  text: string;
  /** Mailing lists (digests) only. */
  unsubscribeUrl?: string;
}

/** The one layout every mail shares: a simple single-column HTML page and its text twin. */
export function layout(input: LayoutInput): RenderedMail {
  const { strings, subject, body, text, unsubscribeUrl } = input;
  const unsubscribe = unsubscribeUrl
    ? html`<p>
        <a href="${unsubscribeUrl}" style="color:#6b7280">${strings.layout.unsubscribe}</a>
      </p>`
    : null;
  const page = html`<!doctype html>
    <html>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${subject}</title>
      </head>
      <body
        style="margin:0;padding:24px;background:#f3f4f6;font-family:Helvetica,Arial,sans-serif;color:#111827"
      >
        <div
          style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px"
        >
          ${body}
        </div>
        <div style="max-width:560px;margin:16px auto 0;font-size:12px;color:#6b7280">
          <p>${strings.layout.footer}</p>
          ${unsubscribe}
        </div>
      </body>
    </html> `;
  const footer = [
    '--',
    strings.layout.footer,
    ...(unsubscribeUrl ? [`${strings.layout.unsubscribe}: ${unsubscribeUrl}`] : []),
  ];
  return { subject, html: page.value, text: `${text.trimEnd()}\n\n${footer.join('\n')}\n` };
}

/** A call-to-action button (HTML) — the text part prints the URL on its own line instead. */
export function button(label: string, url: string): SafeHtml {
  return html`<p style="margin:24px 0">
    <a
      href="${url}"
      style="background:#2563eb;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none"
      >${label}</a
    >
  </p>`;
}
