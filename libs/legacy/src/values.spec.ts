import {
  formatNumber,
  formatTimestamp,
  LegacyValueError,
  parseTimestamp,
  readBoolean,
  readDecimal,
  readIdList,
  readInteger,
  readJsonObject,
  requireString,
} from './values';
import { isHexId } from './ids';

const hex = (n: number) => n.toString(16).padStart(24, '0');

describe('legacy values', () => {
  it('reads every timestamp format of SCHEMA.md as the same instant', () => {
    const expected = Date.UTC(2016, 2, 1, 12, 0, 0);
    expect(parseTimestamp('2016-03-01T12:00:00Z')?.getTime()).toBe(expected);
    expect(parseTimestamp('2016-03-01T12:00:00.123Z')?.getTime()).toBe(expected + 123);
    expect(parseTimestamp('1456833600')?.getTime()).toBe(expected);
    expect(parseTimestamp('2016-03-01T13:00:00+01:00')?.getTime()).toBe(expected);
  });

  it('refuses what a careful reader cannot turn into an instant', () => {
    for (const bad of [
      '2016-03-01 12:00:00', // no zone
      '2016-03-01T12:00:00', // no zone
      '2016-02-30T12:00:00Z', // no such day
      '1456833600000', // epoch milliseconds: year 48000
      '1456833600.5',
      'yesterday',
      '2016-03-01T24:00:00Z',
    ]) {
      expect(parseTimestamp(bad)).toBeNull();
    }
  });

  it('treats missing, "" and "null" as no value, and requires what is required', () => {
    expect(readInteger({ a: '' }, 'a')).toBeNull();
    expect(readInteger({ a: 'null' }, 'a')).toBeNull();
    expect(readInteger({}, 'a')).toBeNull();
    expect(() => requireString({ name: 'null' }, 'name')).toThrow(LegacyValueError);
    try {
      requireString({}, 'name');
    } catch (e) {
      expect((e as LegacyValueError).reason).toBe('missing_value');
    }
  });

  it('reads booleans and numbers strictly', () => {
    expect(readBoolean({ b: 'true' }, 'b', false)).toBe(true);
    expect(readBoolean({}, 'b', true)).toBe(true);
    expect(() => readBoolean({ b: 'yes' }, 'b', false)).toThrow(/not a boolean/);
    expect(readDecimal({ fps: '23.976' }, 'fps')).toBe(23.976);
    expect(() => readDecimal({ fps: '2.3e1' }, 'fps')).toThrow(/decimal/);
    expect(() => readInteger({ n: '12.5' }, 'n')).toThrow(/integer/);
    expect(() => readInteger({ n: '-1' }, 'n', { min: 0 })).toThrow(/integer in/);
    expect(() => readInteger({ n: '99999999999999999999' }, 'n')).toThrow(/integer/);
  });

  it('reads id lists: JSON in a string, duplicates dropped in order, bad elements refused', () => {
    const list = JSON.stringify([hex(2), hex(1), hex(2)]);
    expect(readIdList({ ids: list }, 'ids', isHexId)).toEqual([hex(2), hex(1)]);
    expect(readIdList({ ids: '[]' }, 'ids', isHexId)).toEqual([]);
    expect(readIdList({ ids: 'null' }, 'ids', isHexId)).toEqual([]);
    expect(readIdList({}, 'ids', isHexId)).toEqual([]);
    expect(() => readIdList({ ids: '["abc"' }, 'ids', isHexId)).toThrow(/not JSON/);
    expect(() => readIdList({ ids: '[1,2]' }, 'ids', isHexId)).toThrow(/list of ids/);
    expect(() => readIdList({ ids: '{"a":1}' }, 'ids', isHexId)).toThrow(/list of ids/);
  });

  it('reads JSON objects and refuses other JSON', () => {
    expect(readJsonObject({ s: '{"digest":"daily"}' }, 's')).toEqual({ digest: 'daily' });
    expect(() => readJsonObject({ s: '[1]' }, 's')).toThrow(/JSON object/);
    expect(() => readJsonObject({ s: '{digest:daily}' }, 's')).toThrow(/JSON/);
  });

  it('formats numbers as the shortest plain decimal, never an exponent', () => {
    expect(formatNumber(1048576)).toBe('1048576');
    expect(formatNumber(23.976)).toBe('23.976');
    expect(formatNumber(245.12)).toBe('245.12');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(1.5e-7)).toBe('0.00000015');
    expect(formatNumber(-2.5e-7)).toBe('-0.00000025');
    expect(Number(formatNumber(1.234567890123e-9))).toBe(1.234567890123e-9);
    expect(formatNumber(null)).toBe('null');
  });

  it('formats timestamps as ISO-8601 UTC with milliseconds', () => {
    expect(formatTimestamp(new Date(Date.UTC(2016, 2, 1, 12)))).toBe('2016-03-01T12:00:00.000Z');
    expect(formatTimestamp(null)).toBe('null');
  });
});
