/**
 * Absolute links into the web app, from PUBLIC_URL: a relative link in an e-mail leads nowhere.
 * The paths are the web app's routes for each action.
 */
export class EmailLinks {
  private readonly base: URL;

  constructor(publicUrl: string) {
    this.base = new URL(publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
    if (!/^https?:$/.test(this.base.protocol)) throw new Error('PUBLIC_URL must be http(s)');
  }

  to(path: string, query: Record<string, string> = {}): string {
    const url = new URL(path.replace(/^\/+/, ''), this.base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  }

  invitation(token: string): string {
    return this.to('invitations/accept', { token });
  }
  emailVerification(token: string): string {
    return this.to('verify-email', { token });
  }
  passwordReset(token: string): string {
    return this.to('reset-password', { token });
  }
  signIn(): string {
    return this.to('login');
  }
  /** Where one asks for a reset link (the link itself carries a token: passwordReset). */
  forgotPassword(): string {
    return this.to('forgot-password');
  }
  project(projectId: string): string {
    return this.to(`projects/${encodeURIComponent(projectId)}`);
  }
  notifications(): string {
    return this.to('notifications');
  }
  /** The one-click unsubscribe endpoint of EmailModule's controller. */
  unsubscribe(token: string): string {
    return this.to('email/unsubscribe', { token });
  }
}
