import {
  MAX_ITEM_BYTES,
  readLegacyItem,
  redactSecretMessage,
  redactSecrets,
  REDACTED,
  repairUnstorable,
  storableJson,
  storableText,
  UnreadableItem,
} from './hostile';
import { DynamoItem } from './raw';
import { LEGACY_TABLES } from './tables';

const s = (value: string) => ({ S: value });
const id = 'a'.repeat(24);

describe('hostile legacy values', () => {
  it('removes U+0000 from text values and counts the repair; the key stays as it is', () => {
    const { raw, repairs } = repairUnstorable('users', { id: `${id}\u0000`, name: 'Ada\u0000 L' });
    expect(raw).toEqual({ id: `${id}\u0000`, name: 'Ada L' });
    expect(repairs).toEqual(['nul_removed']);
    expect(LEGACY_TABLES.users.parse(raw)).toMatchObject({
      ok: false,
      rejection: { reason: 'invalid_id' },
    });
  });

  it('removes escaped U+0000 from the strings and keys of JSON documents, not escaped backslashes', () => {
    const { raw, repairs } = repairUnstorable('assets', {
      properties: '{"codec":"h2\\u000064","k\\u0000":"\\\\u0000 stays text"}',
    });
    expect(JSON.parse(raw.properties)).toEqual({ codec: 'h264', k: '\\u0000 stays text' });
    expect(repairs).toEqual(['nul_removed']);
    // A text attribute keeps the six characters: they are not a NUL there.
    expect(repairUnstorable('comments', { text: 'see \\u0000' })).toEqual({
      raw: { text: 'see \\u0000' },
      repairs: [],
    });
  });

  it('replaces lone surrogates with U+FFFD, in values and inside JSON documents', () => {
    const { raw, repairs } = repairUnstorable('comments', {
      text: 'a\ud800b\udc00c \ud83d\ude00',
      annotation: '{"shapes":["\\udbff"]}',
    });
    expect(raw.text).toBe('a\ufffdb\ufffdc \ud83d\ude00');
    expect(JSON.parse(raw.annotation)).toEqual({ shapes: ['\ufffd'] });
    expect(repairs).toEqual(['lone_surrogate_replaced']);
  });

  it('rejects attribute types other than S (and N, BOOL, NULL) without throwing', () => {
    const items: unknown[] = [
      { id: s(id), name: { L: [s('x')] } },
      { id: s(id), name: { M: { a: s('x') } } },
      { id: s(id), name: { SS: ['x'] } },
      { id: s(id), name: { B: 'AAAA' } },
      { id: s(id), name: null },
      { id: s(id), name: 'plain string' },
    ];
    for (const item of items) {
      const read = readLegacyItem('users', item);
      expect(read).toMatchObject({ ok: false, error: { reason: 'invalid_attribute_type' } });
    }
    expect(readLegacyItem('users', { id: { N: '12' }, email_confirmed: { BOOL: true } })).toEqual({
      ok: true,
      raw: { id: '12', email_confirmed: 'true' },
      repairs: [],
    });
  });

  it('rejects what is not an item, and items over DynamoDB’s size limit', () => {
    for (const item of [null, undefined, 'x', 7, [s(id)]]) {
      expect(readLegacyItem('teams', item)).toMatchObject({
        ok: false,
        error: { reason: 'invalid_item' },
      });
    }
    expect(readLegacyItem('teams', new UnreadableItem('{"Item":{"id"'))).toMatchObject({
      ok: false,
      error: { reason: 'invalid_item', message: 'the export line is not JSON' },
      raw: { line: '{"Item":{"id"' },
    });
    const cut = '{"Item":{"password_digest":{"S":"$2a$10$abcdefghijklmnopqrstuuABCDEF';
    expect(readLegacyItem('users', new UnreadableItem(cut))).toMatchObject({
      raw: { line: '{"Item":{"password_digest":{"S":"[redacted]' },
    });
    const big: DynamoItem = { id: s(id), name: s('x'.repeat(MAX_ITEM_BYTES)) };
    expect(readLegacyItem('teams', big)).toMatchObject({
      ok: false,
      error: { reason: 'item_too_large' },
    });
    const fits: DynamoItem = { id: s(id), name: s('x'.repeat(MAX_ITEM_BYTES - 100)) };
    expect(readLegacyItem('teams', fits).ok).toBe(true);
  });

  it('leaves a refused secret value out of the reject message', () => {
    const message = 'password_digest is not a bcrypt digest: "$2a$10$abc\uFFFD"';
    expect(redactSecretMessage(['password_digest'], 'password_digest', message)).toBe(
      `password_digest is not a bcrypt digest: ${REDACTED}`,
    );
    const other = 'settings is not JSON: "{"';
    expect(redactSecretMessage(['password_digest'], 'settings', other)).toBe(other);
  });

  it('redacts password digests of raw and DynamoDB-shaped records', () => {
    expect(redactSecrets(['password_digest'], { id, password_digest: '$2a$10$x' })).toEqual({
      id,
      password_digest: REDACTED,
    });
    expect(redactSecrets(['password_digest'], { id: s(id), password_digest: { L: [] } })).toEqual({
      id: s(id),
      password_digest: s(REDACTED),
    });
    const clean = { id };
    expect(redactSecrets(['password_digest'], clean)).toBe(clean);
  });

  it('keeps what jsonb refuses as visible escapes', () => {
    const text = storableJson({ a: 'x\u0000y', b: '\ud800', c: '\\u0000', d: '\ud83d\ude00' });
    expect(text).not.toMatch(/(?<!\\)(\\\\)*\\u0000/);
    expect(JSON.parse(text)).toEqual({ a: 'x\\u0000y', b: '\\ud800', c: '\\u0000', d: '😀' });
    expect(storableText(`${id}\u0000`)).toBe(`${id}\\u0000`);
  });
});
