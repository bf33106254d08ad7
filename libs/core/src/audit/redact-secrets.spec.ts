import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('drops secret-looking keys at any depth, arrays included, and keeps the rest', () => {
    const payload = {
      name: 'Client cut',
      password: 'hunter2',
      apiToken: 'dly_pat_abc',
      nested: { passwordHash: 'scrypt$x', clientSecret: 's', keep: 1, deeper: { TOKEN: 't' } },
      list: [{ refreshToken: 'r', id: 'a' }, 'plain', 3],
      hasPassword: true,
      empty: null,
    };
    expect(redactSecrets(payload)).toEqual({
      name: 'Client cut',
      nested: { keep: 1, deeper: {} },
      list: [{ id: 'a' }, 'plain', 3],
      empty: null,
    });
    expect(JSON.stringify(redactSecrets(payload))).not.toMatch(/hunter2|dly_pat|scrypt|"r"/);
  });

  it('leaves scalars alone and does not change its input', () => {
    const input = { token: 'x' };
    expect(redactSecrets('token')).toBe('token');
    expect(redactSecrets(42)).toBe(42);
    redactSecrets(input);
    expect(input).toEqual({ token: 'x' });
  });
});
