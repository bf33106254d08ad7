import { html, RenderedMail, SafeHtml } from '@dailies/email';
import { ErrorGroupRow } from './error-groups';

function what(group: ErrorGroupRow): string {
  return `${group.errorClass}: ${group.message}`;
}

function why(group: ErrorGroupRow): string {
  if (group.alertedOccurrences === 0) return 'new';
  if (
    group.state === 'regressed' &&
    (!group.lastAlertedAt || group.lastAlertedAt < (group.regressedAt ?? 0))
  )
    return 'regressed after it was resolved';
  return `${group.occurrences - group.alertedOccurrences} more occurrences`;
}

function describe(group: ErrorGroupRow): { text: string; html: SafeHtml } {
  const facts = [
    `${why(group)} · ${group.occurrences} in total · source ${group.source}`,
    `first seen ${group.firstSeenAt.toISOString()}, last seen ${group.lastSeenAt.toISOString()}`,
    `fingerprint ${group.fingerprint}`,
  ];
  const frames = group.frames.length ? group.frames : ['(no frames from the project)'];
  return {
    text: [what(group), ...facts.map((f) => `  ${f}`), ...frames.map((f) => `    at ${f}`)].join(
      '\n',
    ),
    html: html`<h3 style="margin:16px 0 4px">${what(group)}</h3>
      <p style="margin:0;color:#4b5563">${facts.map((f) => html`${f}<br />`)}</p>
      <pre style="font-size:12px;background:#f3f4f6;padding:8px">${frames.join('\n')}</pre>`,
  };
}

/**
 * One alert mail: the groups it covers, the most important first (new and regressed ones, then
 * by occurrences since the last mail); beyond the first few, "and N others".
 */
export function alertMail(groups: readonly ErrorGroupRow[], environment: string): RenderedMail {
  const shown = groups.slice(0, 5);
  const others = groups.length - shown.length;
  const head = groups[0];
  const subject =
    `[Dailies ${environment}] ${why(head)}: ${what(head)}`.slice(0, 180) +
    (groups.length > 1 ? ` (and ${groups.length - 1} others)` : '');
  const parts = shown.map(describe);
  const tail = others > 0 ? `and ${others} others (see the error_groups table)` : '';
  const text = [
    'Uncaught errors in Dailies:',
    '',
    ...parts.map((p) => `${p.text}\n`),
    tail,
    'Mark a group resolved once fixed: it is alerted again if it comes back.',
  ].join('\n');
  const page = html`<!doctype html>
    <html>
      <head>
        <meta charset="utf-8" />
        <title>${subject}</title>
      </head>
      <body style="font-family:Helvetica,Arial,sans-serif;color:#111827">
        <p>Uncaught errors in Dailies:</p>
        ${parts.map((p) => p.html)} ${tail ? html`<p>${tail}</p>` : null}
        <p style="color:#6b7280">
          Mark a group resolved once fixed: it is alerted again if it comes back.
        </p>
      </body>
    </html>`;
  return { subject, text, html: page.value };
}
