import { v5 } from 'uuid';
import { LEGACY_ID_NAMESPACE, legacyUuidV5, newIdFromHex, syntheticRootId } from './ids';

describe('legacy ids', () => {
  it('derives the same UUIDv5 as the uuid package', () => {
    for (const name of ['users:0123456789abcdef01234567', 'project-root:x', '', 'é ü 漢 🦕']) {
      expect(legacyUuidV5(name)).toBe(v5(name, LEGACY_ID_NAMESPACE));
    }
    expect(newIdFromHex('projects', 'abcdefabcdefabcdefabcdef')).toBe(
      v5('projects:abcdefabcdefabcdefabcdef', LEGACY_ID_NAMESPACE),
    );
    expect(syntheticRootId('abc')).toBe(v5('project-root:abc', LEGACY_ID_NAMESPACE));
  });
});
