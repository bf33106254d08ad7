import { html } from './html';
import { button, layout } from './layout';
import { RenderedMail } from './rendered-mail';
import { fill } from './strings/email-strings';
import { stringsFor } from './strings/locales';

interface Common {
  locale?: string | null;
}

export interface InvitationMail extends Common {
  inviterName: string;
  accountName: string;
  /** Absolute (EmailLinks.invitation). */
  acceptUrl: string;
  expiresAt: Date;
}

export function invitationMail(input: InvitationMail): RenderedMail {
  const s = stringsFor(input.locale);
  const values = {
    inviter: input.inviterName,
    account: input.accountName,
    expires: input.expiresAt.toISOString().slice(0, 10),
  };
  const intro = fill(s.invitation.intro, values);
  const expires = fill(s.invitation.expires, values);
  return layout({
    strings: s,
    subject: fill(s.invitation.subject, values),
    body: html`<p>${intro}</p>
      ${button(s.invitation.action, input.acceptUrl)}
      <p>${expires}</p>`,
    text: `${intro}\n\n${s.invitation.action}: ${input.acceptUrl}\n\n${expires}`,
  });
}

export interface EmailVerificationMail extends Common {
  name: string;
  /** Absolute (EmailLinks.emailVerification). */
  verifyUrl: string;
}

export function emailVerificationMail(input: EmailVerificationMail): RenderedMail {
  const s = stringsFor(input.locale).emailVerification;
  const intro = fill(s.intro, { name: input.name });
  return layout({
    strings: stringsFor(input.locale),
    subject: s.subject,
    body: html`<p>${intro}</p>
      ${button(s.action, input.verifyUrl)}
      <p>${s.ignore}</p>`,
    text: `${intro}\n\n${s.action}: ${input.verifyUrl}\n\n${s.ignore}`,
  });
}

export interface PasswordResetMail extends Common {
  name: string;
  /** Absolute (EmailLinks.passwordReset). */
  resetUrl: string;
}

export function passwordResetMail(input: PasswordResetMail): RenderedMail {
  const s = stringsFor(input.locale).passwordReset;
  const intro = fill(s.intro, { name: input.name });
  return layout({
    strings: stringsFor(input.locale),
    subject: s.subject,
    body: html`<p>${intro}</p>
      ${button(s.action, input.resetUrl)}
      <p>${s.ignore}</p>`,
    text: `${intro}\n\n${s.action}: ${input.resetUrl}\n\n${s.ignore}`,
  });
}

export interface SignUpAttemptMail extends Common {
  name: string;
  /** Absolute (EmailLinks.signIn, EmailLinks.forgotPassword). */
  signInUrl: string;
  forgotPasswordUrl: string;
}

/**
 * To the owner of an address someone tried to sign up with: sign-up answers the same for new
 * and taken addresses, so the owner (not the caller) learns that the address has an account.
 */
export function signUpAttemptMail(input: SignUpAttemptMail): RenderedMail {
  const s = stringsFor(input.locale).signUpAttempt;
  const intro = fill(s.intro, { name: input.name });
  return layout({
    strings: stringsFor(input.locale),
    subject: s.subject,
    body: html`<p>${intro}</p>
      ${button(s.action, input.signInUrl)}
      <p><a href="${input.forgotPasswordUrl}">${s.reset}</a></p>
      <p>${s.ignore}</p>`,
    text: `${intro}\n\n${s.action}: ${input.signInUrl}\n${s.reset}: ${input.forgotPasswordUrl}\n\n${s.ignore}`,
  });
}

export interface AddedToProjectMail extends Common {
  actorName: string;
  projectName: string;
  role: string;
  /** Absolute (EmailLinks.project). */
  projectUrl: string;
}

export function addedToProjectMail(input: AddedToProjectMail): RenderedMail {
  const s = stringsFor(input.locale).addedToProject;
  const values = { actor: input.actorName, project: input.projectName, role: input.role };
  const intro = fill(s.intro, values);
  return layout({
    strings: stringsFor(input.locale),
    subject: fill(s.subject, values),
    body: html`<p>${intro}</p>
      ${button(s.action, input.projectUrl)}`,
    text: `${intro}\n\n${s.action}: ${input.projectUrl}`,
  });
}
