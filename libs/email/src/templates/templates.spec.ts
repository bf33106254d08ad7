import { digestMail } from './digest-mail';
import { html } from './html';
import { EmailLinks } from './links';
import { stringsFor } from './strings/locales';
import { passwordResetMail } from './transactional';

const links = new EmailLinks('https://app.dailies.test/base/');

describe('templates', () => {
  it('escapes interpolated text but not nested html templates', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${"'&"}</p>`.value).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&#39;&amp;</p>',
    );
  });

  it('builds absolute links under PUBLIC_URL, query values encoded', () => {
    expect(links.passwordReset('a b&c')).toBe(
      'https://app.dailies.test/base/reset-password?token=a+b%26c',
    );
    expect(links.project('p/1')).toBe('https://app.dailies.test/base/projects/p%2F1');
  });

  it('renders both parts; user text is escaped in HTML and intact in text', () => {
    const mail = passwordResetMail({
      name: '<script>Eve</script>',
      resetUrl: links.passwordReset('t1'),
    });
    expect(mail.subject).toBe('Reset your Dailies password');
    expect(mail.html).toContain('Hi &lt;script&gt;Eve&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Hi <script>Eve</script>');
    expect(mail.text).toContain(
      'Choose a new password: https://app.dailies.test/base/reset-password?token=t1',
    );
  });

  it('counts digest items in the subject and lists each with its link', () => {
    const mail = digestMail({
      name: 'Ana',
      cadence: 'daily',
      items: [
        {
          summary: 'Bo commented on shot_010.mov',
          url: links.to('assets/a1'),
          excerpt: 'Too dark',
        },
        { summary: 'Cy replied', url: links.to('assets/a2') },
      ],
      inboxUrl: links.notifications(),
      unsubscribeUrl: links.unsubscribe('tok'),
    });
    expect(mail.subject).toBe('2 new notifications on Dailies');
    expect(mail.html).toContain(
      '<a href="https://app.dailies.test/base/assets/a1">Bo commented on shot_010.mov</a>',
    );
    expect(mail.text).toContain('- Cy replied\n  https://app.dailies.test/base/assets/a2');
    expect(mail.text).toContain(
      'Unsubscribe from these e-mails: https://app.dailies.test/base/email/unsubscribe?token=tok',
    );
  });

  it('falls back to English for unknown locales and to the language for regional ones', () => {
    expect(stringsFor('xx-YY')).toBe(stringsFor('en'));
    expect(stringsFor('en-GB')).toBe(stringsFor('en'));
  });
});
