import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { pageSchemaOf, schemaRef } from './openapi-schemas';

export { ApiProblems, problemSchema } from './openapi-problems';

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema's input. */
export function jsonSchemaOf(schema: z.ZodType, omit: string[] = []): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  if (omit.length && json.properties && typeof json.properties === 'object') {
    const properties = { ...(json.properties as Record<string, unknown>) };
    for (const key of omit) delete properties[key];
    json.properties = properties;
    if (Array.isArray(json.required))
      json.required = json.required.filter((k: string) => !omit.includes(k));
  }
  return json;
}

/**
 * Documents a JSON body from the same zod schema the command validates with. Fields that come
 * from the path (ids) are left out of the body schema.
 */
export function ApiJsonBody(
  schema: z.ZodType,
  options: { omit?: string[]; description?: string; required?: boolean } = {},
) {
  return ApiBody({
    schema: jsonSchemaOf(schema, options.omit) as never,
    description: options.description,
    required: options.required ?? true,
  });
}

/** `?limit=&cursor=` of every list. */
export function ApiPagination() {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      schema: { type: 'string' },
      description: 'nextCursor of the previous page',
    }),
  );
}

/** A JSON answer whose body is a named view (`.meta({ id })`), documented as its component. */
export function ApiJson(status: number, description: string, schema: z.ZodType) {
  return ApiResponse({
    status,
    description,
    content: { 'application/json': { schema: schemaRef(schema) } },
  });
}

/** A page of a named view: `{data: View[], nextCursor}`, named `<View>Page`. */
export function ApiPage(description: string, item: z.ZodType) {
  return ApiJson(200, description, pageSchemaOf(item));
}

/** An answer without a body (204). */
export function ApiNoContent(description: string) {
  return ApiResponse({ status: 204, description });
}
