import { Injectable } from '@nestjs/common';
import type { Pool, QueryResultRow } from 'pg';
import { Prisma } from './generated/prisma/client';
import { PrismaService } from './prisma.service';

/** Distinct statement texts given a name; past this, a text runs unnamed (parsed each time). */
const MAX_NAMED = 500;

/**
 * One name per text for the whole process: a connection refuses a name it knows for another
 * text, and every instance of this class (and every pool) may meet the same connections' names.
 */
const names = new Map<string, string>();

/**
 * Plain `pg` with named prepared statements, on the same pool as Prisma Client, for the hot write
 * path: a statement is parsed and planned once per connection, and no Prisma Client (nor its WASM
 * query compiler) runs — together a quarter of the CPU of a comment POST (docs/benchmarks.md).
 *
 * Statements are Prisma's own tagged templates (`Prisma.sql`, nestable), so values are always
 * parameters. Each distinct text gets a stable name (pg prepares it on first use per connection);
 * `pg` itself has no such cache keyed by text, hence this small map.
 */
@Injectable()
export class PreparedStatements {
  private readonly pool: Pool;

  constructor(prisma: PrismaService) {
    this.pool = prisma.connectionPool;
  }

  async query<R extends QueryResultRow>(statement: Prisma.Sql): Promise<R[]> {
    const text = statement.text;
    const name = this.nameOf(text);
    const result = await this.pool.query<R>(
      name ? { name, text, values: statement.values } : { text, values: statement.values },
    );
    return result.rows;
  }

  private nameOf(text: string): string | undefined {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `dailies_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  }
}
