import { z } from 'zod';

// Building blocks of the zod view schemas the OpenAPI document is derived from.

/** An ISO-8601 UTC time as the views serialise it (`Date#toISOString`). */
export const isoTime = z.string().meta({ format: 'date-time' });

/** Mutual assignability: a documented schema describes exactly the domain's TypeScript type. */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compile-time proof, e.g. `sameShape<z.infer<typeof userViewSchema>, UserView>(true)`. */
export function sameShape<A, B>(proof: SameShape<A, B>): void {
  void proof;
}
