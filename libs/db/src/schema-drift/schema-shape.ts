/**
 * One normalised description of a PostgreSQL schema, built twice: from the Prisma schema (what
 * the models expect) and from the catalog of a live database (what exists). Drift is the
 * difference between the two.
 */
export interface SchemaShape {
  /** Keyed by table name. */
  tables: Map<string, TableShape>;
  /** Enum type name → labels in sort order. */
  enums: Map<string, string[]>;
}

export interface TableShape {
  name: string;
  /** The Prisma model, on the expected side. */
  model?: string;
  /** Keyed by column name. */
  columns: Map<string, ColumnShape>;
  primaryKey?: PrimaryKeyShape;
  /** Unique and plain indexes (a unique constraint counts as a unique index), not the primary key. */
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export interface ColumnShape {
  name: string;
  /** The Prisma field, on the expected side. */
  field?: string;
  /**
   * PostgreSQL's spelling (`format_type`), with the implicit precision 6 of timestamp/time types
   * made explicit; enums are `enum <type name>`; lists end in `[]`.
   */
  type: string;
  nullable: boolean;
  default: ColumnDefault;
}

export type ColumnDefault =
  | { kind: 'none' }
  /** A sequence (`serial`, `nextval(…)`) or an identity column. */
  | { kind: 'autoincrement' }
  /** `now()` or `CURRENT_TIMESTAMP`. */
  | { kind: 'now' }
  /** A constant, as PostgreSQL prints it without quotes and cast (`UTC`, `0`, `free`, `{}`). */
  | { kind: 'value'; value: string }
  /** Any other expression, as `pg_get_expr` prints it (or as `dbgenerated("…")` spells it). */
  | { kind: 'expression'; sql: string }
  /** `dbgenerated()` without an argument: Prisma only knows that there is a default. */
  | { kind: 'any' };

export interface PrimaryKeyShape {
  name: string;
  columns: string[];
}

export interface IndexShape {
  name: string;
  unique: boolean;
  /** Access method: btree, hash, gin, gist, spgist, brin. */
  method: string;
  columns: IndexColumn[];
  /** The WHERE clause of a partial index. Prisma cannot model one. */
  predicate?: string;
  /** INCLUDE columns. Prisma cannot model them. */
  include?: string[];
}

export interface IndexColumn {
  /** The column, or the expression of an expression index (which Prisma cannot model). */
  name: string;
  descending: boolean;
}

export type ReferentialAction = 'CASCADE' | 'RESTRICT' | 'NO ACTION' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}
