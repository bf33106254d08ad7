import { z } from 'zod';

// Response shapes are zod schemas named with `.meta({ id: 'CommentView' })` where they are
// defined; the document refers to them as `#/components/schemas/<id>` and derives each component
// from its schema once, so a view and its documentation cannot drift apart.

const COMPONENTS = '#/components/schemas/';
/** Where zod puts named schemas reached only through another one (folded into components). */
const SHARED = '__shared';

const named = new Map<string, z.ZodType>();
const pages = new Map<z.ZodType, z.ZodType>();

/** The name a schema was given with `.meta({ id })`. */
export function schemaName(schema: z.ZodType): string | undefined {
  const id = z.globalRegistry.get(schema)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** A `$ref` to a named schema's component; the component is emitted with the document. */
export function schemaRef(schema: z.ZodType): { $ref: string } {
  const id = schemaName(schema);
  if (!id) throw new Error('A documented response schema needs a name: .meta({ id })');
  const known = named.get(id);
  if (known && known !== schema) throw new Error(`Two different schemas are named ${id}`);
  named.set(id, schema);
  return { $ref: `${COMPONENTS}${id}` };
}

/** `{data, nextCursor}` of a named item schema, itself named `<item>Page`. */
export function pageSchemaOf(item: z.ZodType): z.ZodType {
  let page = pages.get(item);
  if (!page) {
    const id = schemaName(item);
    if (!id) throw new Error('A page needs a named item schema: .meta({ id })');
    page = z
      .object({
        data: z.array(item),
        nextCursor: z
          .string()
          .nullable()
          .meta({ description: 'Pass as `cursor` for the next page; null on the last one' }),
      })
      .meta({ id: `${id}Page`, description: `A page of ${id}` });
    pages.set(item, page);
  }
  return page;
}

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) of every schema the decorators referred to. */
export function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `${COMPONENTS}${id}`,
    unrepresentable: 'any',
    override: documentedAsJson,
  }) as { schemas: Record<string, JsonSchema> };
  const components: Record<string, JsonSchema> = {};
  const shared = (schemas[SHARED]?.$defs ?? {}) as Record<string, JsonSchema>;
  for (const [id, schema] of [...Object.entries(schemas), ...Object.entries(shared)]) {
    if (id === SHARED) continue;
    const { $schema: _schema, $id: _id, ...rest } = schema;
    if (components[id]) throw new Error(`Two different schemas are named ${id}`);
    components[id] = rest;
  }
  return JSON.parse(
    JSON.stringify(components).replaceAll(`${COMPONENTS}${SHARED}#/$defs/`, COMPONENTS),
  ) as Record<string, JsonSchema>;
}

/**
 * What JSON makes of a value: a Date is an ISO-8601 string; integers need no ±2^53 bounds.
 * Objects do not forbid extra properties: adding a field to a view must not break clients that
 * validate answers.
 */
function documentedAsJson(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const json = ctx.jsonSchema;
  if (ctx.zodSchema._zod.def.type === 'date') {
    json.type = 'string';
    json.format = 'date-time';
  }
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
  if (json.type === 'object' && json.additionalProperties === false)
    delete json.additionalProperties;
}
