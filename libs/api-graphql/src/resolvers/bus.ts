import { Injectable } from '@nestjs/common';
import { Command, CommandBus, Query, QueryBus } from '@nestjs/cqrs';
import { refuseReadOnlyWrite } from '@dailies/core';
import { requestContext } from '@dailies/events';
import { GraphqlContext } from '../context';

/** The command and query buses, run inside the request's context (events record its id and IP). */
@Injectable()
export class Bus {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Every mutation's way to the domain: a read-only API token is refused here (FORBIDDEN). */
  async command<R>(context: GraphqlContext, command: Command<R>): Promise<R> {
    refuseReadOnlyWrite(await context.principal());
    return requestContext.run(this.scope(context), () => this.commands.execute(command));
  }

  query<R>(context: GraphqlContext, query: Query<R>): Promise<R> {
    return requestContext.run(this.scope(context), () => this.queries.execute(query));
  }

  private scope(context: GraphqlContext) {
    return { requestId: context.requestId, ...(context.ip ? { ip: context.ip } : {}) };
  }
}

/** GraphQL input objects have no prototype; the domain's schemas get plain objects. */
export const plain = <T extends object>(input: T | null | undefined): Record<string, unknown> =>
  input ? ({ ...input } as Record<string, unknown>) : {};
