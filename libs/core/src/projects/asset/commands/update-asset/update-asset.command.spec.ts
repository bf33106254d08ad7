import { DomainError } from '../../../../shared/errors';
import { UpdateAssetCommand } from './update-asset.command';

const actor = { type: 'user' as const, id: 'u1' };

function fieldsOf(input: unknown): string[] {
  try {
    new UpdateAssetCommand(actor, input);
  } catch (error) {
    return ((error as DomainError).extra.fieldErrors ?? []).map((f) => f.field);
  }
  return [];
}

describe('UpdateAssetCommand input', () => {
  it('refuses properties larger than 1 MB as JSON, naming the field', () => {
    // Over HTTP the 1 MB body limit answers 413 first; other transports rely on this check.
    const big = { blob: 'x'.repeat(1024 * 1024) };
    expect(fieldsOf({ assetId: 'a', properties: big })).toEqual(['properties']);
    expect(fieldsOf({ assetId: 'a', properties: { blob: 'x'.repeat(1000) } })).toEqual([]);
  });

  it('needs at least one change and only known fields', () => {
    expect(fieldsOf({ assetId: 'a' })).toEqual(['(body)']);
    expect(fieldsOf({ assetId: 'a', name: 'n', colour: 'red' })).toEqual(['(body)']);
    expect(fieldsOf({ assetId: 'a', properties: ['not', 'an', 'object'] })).toEqual(['properties']);
  });
});
