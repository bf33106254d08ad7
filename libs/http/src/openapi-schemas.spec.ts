import { z } from 'zod';
import { componentSchemas, pageSchemaOf, schemaRef } from './openapi-schemas';

describe('OpenAPI components from named zod views', () => {
  const authorSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'SpecAuthor' });
  const noteSchema = z
    .object({
      id: z.string(),
      author: authorSchema,
      frame: z.int().nullable(),
      seenAt: z.date(),
      extra: z.string().optional(),
      get parent(): z.ZodOptional<typeof noteSchema> {
        return noteSchema.optional();
      },
    })
    .meta({ id: 'SpecNote', description: 'A note' });

  it('derives a named component per view, with required lists and references between views', () => {
    expect(schemaRef(noteSchema)).toEqual({ $ref: '#/components/schemas/SpecNote' });
    const components = componentSchemas();
    expect(components.SpecNote).toEqual({
      type: 'object',
      description: 'A note',
      properties: {
        id: { type: 'string' },
        author: { $ref: '#/components/schemas/SpecAuthor' },
        frame: { type: ['integer', 'null'] },
        seenAt: { type: 'string', format: 'date-time' },
        extra: { type: 'string' },
        parent: { $ref: '#/components/schemas/SpecNote' },
      },
      required: ['id', 'author', 'frame', 'seenAt'],
    });
    // Reached only through SpecNote, still a component of its own (not an inline copy).
    expect(components.SpecAuthor).toMatchObject({ required: ['id', 'name'] });
    expect(JSON.stringify(components)).not.toMatch(/__shared|\$defs|\$schema|\$id/);
  });

  it('names the page of a view after it, the same schema every time', () => {
    const page = pageSchemaOf(authorSchema);
    expect(pageSchemaOf(authorSchema)).toBe(page);
    expect(schemaRef(page)).toEqual({ $ref: '#/components/schemas/SpecAuthorPage' });
    expect(componentSchemas().SpecAuthorPage).toMatchObject({
      properties: {
        data: { type: 'array', items: { $ref: '#/components/schemas/SpecAuthor' } },
        nextCursor: { type: ['string', 'null'] },
      },
      required: ['data', 'nextCursor'],
    });
  });

  it('refuses an unnamed response schema and two schemas under one name', () => {
    expect(() => schemaRef(z.object({ id: z.string() }))).toThrow(/needs a name/);
    const impostor = z.object({ other: z.string() }).meta({ id: 'SpecNote' });
    expect(() => schemaRef(impostor)).toThrow(/Two different schemas are named SpecNote/);
  });
});
