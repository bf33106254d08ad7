/** The injection token of the database's connection URL. */
export const DATABASE_URL = Symbol('DATABASE_URL');
