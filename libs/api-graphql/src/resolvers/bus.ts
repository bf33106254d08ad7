import { Injectable } from '@nestjs/common';
import { CommandBus, ICommand, IQuery, QueryBus } from '@nestjs/cqrs';
import { requestContext } from '@dailies/events';
import { GraphqlContext } from '../context';

/** The command and query buses, run inside the request's context (events record its id and IP). */
@Injectable()
export class Bus {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  command<T>(context: GraphqlContext, command: ICommand): Promise<T> {
    return requestContext.run(this.scope(context), () =>
      this.commands.execute<ICommand, T>(command),
    );
  }

  query<T>(context: GraphqlContext, query: IQuery): Promise<T> {
    return requestContext.run(this.scope(context), () => this.queries.execute<IQuery, T>(query));
  }

  private scope(context: GraphqlContext) {
    return { requestId: context.requestId, ...(context.ip ? { ip: context.ip } : {}) };
  }
}

/** GraphQL input objects have no prototype; the domain's schemas get plain objects. */
export const plain = <T extends object>(input: T | null | undefined): Record<string, unknown> =>
  input ? ({ ...input } as Record<string, unknown>) : {};
