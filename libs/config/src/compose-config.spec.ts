import 'reflect-metadata';
import { z } from 'zod';
import { composeConfig, ConfigError, parseConfig } from './compose-config';
import { envBool } from './env';
import { configSchemasOf, ReadsConfig } from './reads-config';

const db = z.object({ POOL: z.coerce.number().int().positive().default(10) });
const web = z.object({ PORT: z.coerce.number().int().default(3000), DOCS: envBool.default(true) });

describe('composeConfig and parseConfig', () => {
  it('composes the schemas of several libs into one, with their defaults', () => {
    expect(parseConfig(composeConfig([db, web]), {})).toEqual({ POOL: 10, PORT: 3000, DOCS: true });
  });

  it('treats empty strings as unset and names every bad variable at once', () => {
    const schema = composeConfig([db, web]);
    expect(parseConfig(schema, { POOL: '', DOCS: 'no' })).toMatchObject({ POOL: 10, DOCS: false });
    expect(() => parseConfig(schema, { POOL: '-1', PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => parseConfig(schema, { POOL: '-1', PORT: 'eighty' })).toThrow(/POOL[\s\S]*PORT/);
  });

  it('refuses one variable declared twice with different rules', () => {
    const again = z.object({ PORT: z.coerce.number().default(8080) });
    expect(() => composeConfig([web, again])).toThrow(/PORT/);
    expect(() => composeConfig([web, web])).not.toThrow();
  });

  it('finds the schemas transport modules declared', () => {
    @ReadsConfig(web)
    class WebModule {}
    class Plain {}
    expect(configSchemasOf([WebModule, Plain])).toEqual([web]);
  });
});
