/** Every user-visible string of the e-mails, per locale. `{name}` placeholders are filled by `fill`. */
export interface EmailStrings {
  layout: {
    footer: string;
    unsubscribe: string;
  };
  invitation: {
    subject: string;
    intro: string;
    action: string;
    expires: string;
  };
  emailVerification: {
    subject: string;
    intro: string;
    action: string;
    ignore: string;
  };
  passwordReset: {
    subject: string;
    intro: string;
    action: string;
    ignore: string;
  };
  signUpAttempt: {
    subject: string;
    intro: string;
    action: string;
    reset: string;
    ignore: string;
  };
  addedToProject: {
    subject: string;
    intro: string;
    action: string;
  };
  digest: {
    subjectOne: string;
    subjectMany: string;
    intro: string;
    action: string;
    hourlyWindow: string;
    dailyWindow: string;
  };
  unsubscribePage: {
    title: string;
    confirm: string;
    button: string;
    done: string;
    invalid: string;
  };
}

/** Replaces `{key}` with values[key]; unknown keys stay visible so a missing value is noticed. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
