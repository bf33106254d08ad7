import { ConfigError, envBool } from '@dailies/config';
import { z } from 'zod';
import { loadPlatformConfig as loadConfig } from './platform.config';

const keys = { JWT_SIGNING_KEYS: `k1:${'s'.repeat(32)}` };

describe('loadPlatformConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      MIGRATE_ON_START: true,
      LOG_LEVEL: 'info',
      DATA_DIR: './.data',
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('parses booleans and numbers, and treats empty strings as unset', () => {
    const config = loadConfig({ PORT: '8080', MIGRATE_ON_START: 'false', DATABASE_URL: '' });
    expect(config.PORT).toBe(8080);
    expect(config.MIGRATE_ON_START).toBe(false);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('fails fast with every bad variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/JWT_SECRET/);
    }
  });

  it('requires signing keys from configuration in production, never the database fallback', () => {
    const base = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/dailies' };
    expect(() => loadConfig(base)).toThrow(/JWT_SIGNING_KEYS: required in production/);
    expect(loadConfig({ ...base, JWT_SECRET_FILE: '/run/secrets/jwt' }).JWT_SECRET_FILE).toBe(
      '/run/secrets/jwt',
    );
    expect(loadConfig({ ...base, ...keys }).JWT_SIGNING_KEYS).toBe(keys.JWT_SIGNING_KEYS);
    expect(() => loadConfig({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('requires a real database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/dailies', ...keys })
        .DATABASE_URL,
    ).toBeDefined();
  });

  it('seeds the demo user by default, except in production where it refuses to', () => {
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/dailies', ...keys };
    expect(loadConfig(production).SEED_DEMO).toBe(false);
    expect(() => loadConfig({ ...production, SEED_DEMO: 'true' })).toThrow(/SEED_DEMO/);
  });

  it('serves the API docs by default, in production only when OPENAPI_DOCS=true', () => {
    expect(loadConfig({}).OPENAPI_DOCS).toBe(true);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/dailies', ...keys };
    expect(loadConfig(production).OPENAPI_DOCS).toBe(false);
    expect(loadConfig({ ...production, OPENAPI_DOCS: 'true' }).OPENAPI_DOCS).toBe(true);
  });

  it('trusts no proxy and allows no CORS origin by default; refuses malformed lists', () => {
    expect(loadConfig({})).toMatchObject({ TRUSTED_PROXIES: [], CORS_ORIGINS: [] });
    expect(
      loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1', CORS_ORIGINS: 'https://a.example' }),
    ).toMatchObject({
      TRUSTED_PROXIES: ['10.0.0.0/8', '127.0.0.1'],
      CORS_ORIGINS: ['https://a.example'],
    });
    expect(() => loadConfig({ TRUSTED_PROXIES: 'everyone' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });

  it('validates the variables of the transports it mounts along with its own', () => {
    const extra = z.object({ EXTRA_FLAG: envBool.default(false) });
    expect(loadConfig({ EXTRA_FLAG: 'yes' }, [extra])).toMatchObject({ EXTRA_FLAG: true });
    expect(() => loadConfig({ EXTRA_FLAG: 'maybe', PORT: 'x' }, [extra])).toThrow(
      /EXTRA_FLAG[\s\S]*PORT|PORT[\s\S]*EXTRA_FLAG/,
    );
  });
});
