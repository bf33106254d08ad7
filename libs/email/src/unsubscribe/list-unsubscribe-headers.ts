/**
 * RFC 8058 one-click unsubscribe (and RFC 2369's List-Unsubscribe): mailbox providers POST
 * `List-Unsubscribe=One-Click` to the https URI; the mailto: is for clients that only mail.
 */
export function listUnsubscribeHeaders(url: string, mailto: string): Record<string, string> {
  const subject = encodeURIComponent('unsubscribe');
  return {
    'List-Unsubscribe': `<${url}>, <mailto:${mailto}?subject=${subject}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
