import { LegacyValueError, RawItem } from './values';

/** A DynamoDB attribute value as the SDK and the export's DYNAMODB_JSON lines carry it. */
export type DynamoAttribute = { S?: string; N?: string; BOOL?: boolean; NULL?: boolean } & Record<
  string,
  unknown
>;
export type DynamoItem = Record<string, DynamoAttribute>;

/**
 * Flattens an item to attribute → string. Every legacy attribute is a string (`S`); a number,
 * boolean or null reads unambiguously as the string the ORM would have written, so those are
 * accepted too. Anything else (lists, maps, sets, binary) is not the legacy shape.
 */
export function fromDynamoItem(item: DynamoItem): RawItem {
  const raw: RawItem = {};
  for (const [name, value] of Object.entries(item)) {
    if (value === null || typeof value !== 'object') {
      throw new LegacyValueError(
        'invalid_attribute_type',
        name,
        `${name} is ${JSON.stringify(value)}, not a DynamoDB attribute value`,
      );
    }
    if (typeof value.S === 'string') raw[name] = value.S;
    else if (typeof value.N === 'string') raw[name] = value.N;
    else if (typeof value.BOOL === 'boolean') raw[name] = value.BOOL ? 'true' : 'false';
    else if (value.NULL === true) raw[name] = 'null';
    else {
      throw new LegacyValueError(
        'invalid_attribute_type',
        name,
        `${name} has DynamoDB type ${Object.keys(value).join('/')}, not a string`,
      );
    }
  }
  return raw;
}

export function toDynamoItem(raw: RawItem): DynamoItem {
  const item: DynamoItem = {};
  for (const [name, value] of Object.entries(raw)) item[name] = { S: value };
  return item;
}
