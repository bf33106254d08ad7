import { containsPattern } from './asset-search';

describe('search patterns', () => {
  it('matches anywhere', () => {
    expect(containsPattern('shot 12')).toBe('%shot 12%');
  });

  it('takes LIKE wildcards and the escape character literally', () => {
    expect(containsPattern('100%_final')).toBe('%100\\%\\_final%');
    expect(containsPattern('a\\b')).toBe('%a\\\\b%');
  });
});
