import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registeredRoutes } from '@dailies/http';
import { startTestPlatform, TestPlatform } from '@dailies/platform/testing';
import { platformFeatures } from './platform.features';

/** Every path (of /v2, /health, /graphql) the README names in backticks (`{a,b}` expanded, `?query` dropped), as `/x/:p`. */
function documentedPaths(): string[] {
  const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
  const tokens = [...readme.matchAll(/`(\/(?:v2|health|graphql)[^`\s]*)`/g)]
    .map((m) => m[1])
    .filter((token) => token !== '/v2'); // the transport's name, not a route
  const expand = (token: string): string[] => {
    const braces = /\{([^}]+)\}/.exec(token);
    if (!braces) return [token];
    return braces[1].split(',').flatMap((part) => expand(token.replace(braces[0], part)));
  };
  return [...new Set(tokens.flatMap(expand).map((t) => t.split('?')[0].replace(/:\w+/g, ':p')))];
}

describe('the README', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform(platformFeatures);
  });
  afterAll(async () => {
    await platform?.close();
  });

  it('lists only routes the running platform serves', () => {
    const served = new Set(
      registeredRoutes(platform.app).map((route) =>
        route
          .split(' ')[1]
          .replace(/\{\w+\}/g, ':p')
          .replace(/\/$/, ''),
      ),
    );
    const documented = documentedPaths();
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((p) => !served.has(p))).toEqual([]);
  });
});
