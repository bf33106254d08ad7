import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { GRAPHQL_RESOLVERS } from '../resolvers';

/** Where the printed schema is committed. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

const HEADER =
  '# The GraphQL schema of /graphql, printed from the code (npm run graphql:schema).\n' +
  '# Do not edit: a test fails when this file and the code disagree.\n\n';

/** The schema the resolvers define, printed sorted (as the server serves it). */
export async function printGraphqlSchema(): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    const schema = await context.get(GraphQLSchemaFactory).create(GRAPHQL_RESOLVERS);
    const sdl = `${HEADER}${printSchema(lexicographicSortSchema(schema))}\n`;
    // Formatted as the repository's Prettier would (format:check covers this file too).
    const options = (await resolveConfig(SCHEMA_FILE)) ?? {};
    return format(sdl, { ...options, parser: 'graphql' });
  } finally {
    await context.close();
  }
}
