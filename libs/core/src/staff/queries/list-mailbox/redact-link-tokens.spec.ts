import { redactLinkTokens } from './list-mailbox.handler';

describe('redactLinkTokens', () => {
  it('hides the secret of every mailed link and keeps the rest of the text', () => {
    const text = [
      'Confirm: https://app.dailies.test/verify-email?token=ev_abc-DEF_123',
      'Reset: https://app.dailies.test/reset-password?lang=en&token=pr_secret.',
      'Plain https://app.dailies.test/projects/1?tab=files stays.',
    ].join('\n');
    expect(redactLinkTokens(text)).toBe(
      [
        'Confirm: https://app.dailies.test/verify-email?token=[hidden]',
        'Reset: https://app.dailies.test/reset-password?lang=en&token=[hidden].',
        'Plain https://app.dailies.test/projects/1?tab=files stays.',
      ].join('\n'),
    );
  });
});
