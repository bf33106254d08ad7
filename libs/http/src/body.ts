import { validationFailed } from '@dailies/core';

/** A JSON body must be an object; path parameters are merged over it (they always win). */
export function bodyWith(
  body: unknown,
  fromPath: Record<string, string> = {},
): Record<string, unknown> {
  if (body === undefined || body === null) return { ...fromPath };
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw validationFailed([{ field: '(body)', message: 'must be a JSON object' }]);
  }
  return { ...(body as Record<string, unknown>), ...fromPath };
}
