import openapiTS, { astToString } from 'openapi-typescript';

/** The TypeScript types openapi-typescript generates from a document (what a client builds on). */
export async function generatedClientTypes(document: object): Promise<string> {
  return astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}

/** The lines of one generated type under `components.schemas`, e.g. `CommentView: { … };`. */
export function generatedSchema(types: string, name: string): string {
  const start = types.indexOf(`\n        ${name}: {`);
  if (start < 0) throw new Error(`No generated schema ${name}`);
  const end = types.indexOf('\n        };', start);
  return types.slice(start, end);
}
