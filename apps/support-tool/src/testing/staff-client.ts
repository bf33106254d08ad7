import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { CreateStaffUserCommand, totpCode } from '@dailies/core';
import type { TestPlatform } from '@dailies/platform/testing';

export interface TestStaff {
  email: string;
  password: string;
  secret: string;
}

let counter = 0;

/** A staff member created as the CLI does, with the TOTP secret read back for the test. */
export async function createStaff(
  platform: TestPlatform,
  db: Client,
  role: 'support' | 'admin',
): Promise<TestStaff> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@dailies.dev`;
  const password = 'a-long-staff-password';
  await platform.app
    .get(CommandBus)
    .execute(
      new CreateStaffUserCommand(
        { type: 'system', name: 'test' },
        { email, name: `${role} ${counter}`, role, password },
      ),
    );
  const { rows } = await db.query<{ s: string }>(
    'SELECT totp_secret AS s FROM staff_users WHERE email = $1',
    [email],
  );
  return { email, password, secret: rows[0].s };
}

/** A cookie-keeping HTTP client speaking HTML forms, like a browser without JavaScript. */
export class FormClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(method: string, path: string, form?: Record<string, string>) {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /Max-Age=0/.test(set)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string>) {
    return this.request('POST', path, form);
  }

  /** The `_csrf` value of the first form of a page. */
  static csrfOf(html: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error('no CSRF field on the page');
    return match[1];
  }

  async signIn(staff: TestStaff, code = totpCode(staff.secret)) {
    const page = await this.get('/support/login');
    return this.post('/support/login', {
      _csrf: FormClient.csrfOf(page.text),
      email: staff.email,
      password: staff.password,
      code,
      next: '/support/search',
    });
  }
}
