import { EmailStrings } from './email-strings';

export const en: EmailStrings = {
  layout: {
    footer: 'Dailies — video review for teams.',
    unsubscribe: 'Unsubscribe from these e-mails',
  },
  invitation: {
    subject: '{inviter} invited you to {account} on Dailies',
    intro: '{inviter} invited you to join {account} on Dailies.',
    action: 'Accept the invitation',
    expires: 'The invitation expires on {expires}.',
  },
  emailVerification: {
    subject: 'Confirm your e-mail address',
    intro: 'Hi {name}, please confirm that this is your e-mail address.',
    action: 'Confirm my address',
    ignore: 'If you did not create a Dailies account, ignore this e-mail.',
  },
  passwordReset: {
    subject: 'Reset your Dailies password',
    intro: 'Hi {name}, someone asked to reset the password of your Dailies account.',
    action: 'Choose a new password',
    ignore: 'If it was not you, ignore this e-mail: your password stays as it is.',
  },
  signUpAttempt: {
    subject: 'Someone tried to sign up with your address',
    intro:
      'Hi {name}, someone just tried to create a Dailies account with this e-mail address, which already has one.',
    action: 'Sign in',
    reset: 'Forgot your password? Reset it',
    ignore: 'If it was not you, ignore this e-mail: nothing about your account has changed.',
  },
  addedToProject: {
    subject: '{actor} added you to {project}',
    intro: '{actor} added you to the project {project} as {role}.',
    action: 'Open the project',
  },
  digest: {
    subjectOne: '1 new notification on Dailies',
    subjectMany: '{count} new notifications on Dailies',
    intro: 'Hi {name}, here is what happened {window}.',
    action: 'Open your inbox',
    hourlyWindow: 'in the last hour',
    dailyWindow: 'since yesterday',
  },
  unsubscribePage: {
    title: 'Unsubscribe',
    confirm: 'Stop sending {list} e-mails to {email}?',
    button: 'Unsubscribe',
    done: '{email} will no longer receive {list} e-mails.',
    invalid: 'This unsubscribe link is not valid.',
  },
};
