import { z } from 'zod';

/** The schema of the environment variables one lib reads, declared beside its module. */
export type ConfigSchema = z.ZodObject<z.ZodRawShape>;

export class ConfigError extends Error {}

/** Nest injection token of the validated configuration (provided globally by the platform). */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * One schema out of every lib's. A variable two libs both declare must be declared by the very
 * same schema entry (share it, do not copy it), so its meaning and default cannot drift apart.
 */
export function composeConfig(schemas: readonly ConfigSchema[]): ConfigSchema {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const schema of schemas) {
    for (const [name, type] of Object.entries(schema.shape)) {
      if (name in shape && shape[name] !== type)
        throw new Error(`${name} is declared by two config schemas with different rules`);
      shape[name] = type;
    }
  }
  return z.object(shape);
}

/**
 * Validates the environment once, at start-up, and fails fast naming every bad variable.
 * Empty strings count as unset.
 */
export function parseConfig<S extends ConfigSchema>(
  schema: S,
  env: NodeJS.ProcessEnv | Record<string, string | undefined>,
): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
