import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { itemCursorsOf, Page } from '@dailies/core';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Relay-style connection types over the domain's keyset pages. */
export function ConnectionOf<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Pass as `after` to continue after this item' }) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: Edge<T>[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/**
 * Each edge carries the cursor to continue after it, when the domain's query gave one per item
 * (toPage and the batched loaders do); otherwise the page's end cursor.
 */
export function toConnection<T>(page: Page<T>): Connection<T> {
  const end = page.nextCursor;
  const cursors = itemCursorsOf(page);
  return {
    edges: page.data.map((node, i) => ({ cursor: cursors?.[i] ?? end ?? '', node })),
    pageInfo: {
      hasNextPage: end !== null,
      endCursor: end ?? cursors?.[cursors.length - 1] ?? null,
    },
  };
}

export const MAX_FIRST = 100;
export const DEFAULT_FIRST = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many (1–${MAX_FIRST}, default ${DEFAULT_FIRST})`,
  })
  first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}

/** The domain's page request from `first`/`after` (the domain validates the range). */
export const pageOf = (args: PageArgs) => ({
  limit: args.first ?? DEFAULT_FIRST,
  ...(args.after != null ? { cursor: args.after } : {}),
});
