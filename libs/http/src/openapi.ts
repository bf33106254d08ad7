import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

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
  options: { omit?: string[]; description?: string } = {},
) {
  return ApiBody({
    schema: jsonSchemaOf(schema, options.omit) as never,
    description: options.description,
  });
}

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  required: ['type', 'title', 'status', 'detail'],
};

const problemDescriptions: Record<number, string> = {
  400: 'Invalid input: `errors` lists each field to fix',
  401: 'Missing, invalid or expired token',
  403: 'Visible, but your role may not do this',
  404: 'Not found (or not visible to you)',
  409: 'Conflicts with the current state',
  410: 'No longer available',
  413: 'Body larger than 1 MB',
  415: 'Body is not JSON',
  429: 'Too many requests; see Retry-After',
};

/** The problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: problemDescriptions[status] ?? 'Error',
        content: { 'application/problem+json': { schema: problemSchema as never } },
      }),
    ),
  );
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

/** A JSON answer with an example-free schema sketch. */
export function ApiJson(
  status: number,
  description: string,
  schema: Record<string, unknown> = { type: 'object' },
) {
  return ApiResponse({
    status,
    description,
    content: { 'application/json': { schema: schema as never } },
  });
}

export function pageOf(item: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    properties: { data: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } },
    required: ['data', 'nextCursor'],
  };
}
