import { createLogger, HeldLogLines, resolveLogFormat } from './create-logger';
import { PinoNestLogger } from './pino-nest-logger';

/** Collects what a logger writes. */
function sink() {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

describe('resolveLogFormat', () => {
  it('is pretty in a terminal, JSON when piped, always JSON in production, LOG_FORMAT wins', () => {
    expect(resolveLogFormat({ NODE_ENV: 'development' }, true)).toBe('pretty');
    expect(resolveLogFormat({ NODE_ENV: 'development' }, false)).toBe('json');
    expect(resolveLogFormat({ NODE_ENV: 'production' }, true)).toBe('json');
    expect(resolveLogFormat({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, false)).toBe(
      'pretty',
    );
    expect(resolveLogFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
  });
});

describe('createLogger', () => {
  const request = {
    requestId: 'r-1',
    method: 'GET',
    route: '/v2/assets/:assetId',
    url: '/v2/assets/42',
    status: 200,
    ms: 12,
  };

  it('pretty: request lines are method, route template, status, time and request id', () => {
    const out = sink();
    const log = createLogger({
      level: 'info',
      format: 'pretty',
      destination: out,
      colorize: false,
    });
    log.info(request, 'request');
    log.info({ context: 'Jobs' }, 'job engine started');
    const text = out.lines.join('');
    expect(text).toMatch(/INFO: GET \/v2\/assets\/:assetId 200 12 ms {2}r-1\n/);
    expect(text).toMatch(/INFO: \[Jobs\] job engine started\n/);
    expect(text).not.toMatch(/"status"|url:/);
  });

  it.each(['pretty', 'json'] as const)('%s: secrets are redacted before formatting', (format) => {
    const out = sink();
    const log = createLogger({ level: 'info', format, destination: out, colorize: false });
    log.info(
      { req: { headers: { authorization: 'Bearer s3cret-a' } }, body: { password: 's3cret-b' } },
      'login',
    );
    expect(out.lines.join('')).not.toMatch(/s3cret/);
    expect(out.lines.join('')).toContain('[redacted]');
  });

  it('json: one JSON object per line with the route template', () => {
    const out = sink();
    createLogger({ level: 'info', format: 'json', destination: out }).info(request, 'request');
    expect(JSON.parse(out.lines[0])).toMatchObject({ ...request, msg: 'request', level: 30 });
  });

  it('holds lines until released, then passes them on in order', () => {
    const out = sink();
    const held = new HeldLogLines();
    const log = createLogger({ level: 'info', format: 'json', destination: out, held });
    log.info('one');
    log.info('two');
    expect(out.lines).toEqual([]);
    held.release();
    log.info('three');
    expect(out.lines.map((l) => JSON.parse(l).msg)).toEqual(['one', 'two', 'three']);
  });
});

describe('PinoNestLogger', () => {
  it("logs Nest's start-up chatter (modules, route mapping) at debug, the rest at info", () => {
    const out = sink();
    const nest = new PinoNestLogger(
      createLogger({ level: 'debug', format: 'json', destination: out }),
    );
    nest.log('Mapped {/v2/me, GET} route', 'RouterExplorer');
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('job engine started', 'Jobs');
    expect(out.lines.map((l) => JSON.parse(l).level)).toEqual([20, 20, 30]);
  });
});
