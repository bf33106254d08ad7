import { ConfigSchema } from './compose-config';

const READS_CONFIG = 'dailies:reads-config';

/**
 * Declares on a feature module (a transport) the schema of the variables it reads, so the
 * process that mounts it validates them at start-up along with everything else.
 */
export const ReadsConfig =
  (schema: ConfigSchema): ClassDecorator =>
  (target) =>
    Reflect.defineMetadata(READS_CONFIG, schema, target);

/** The schemas the given modules declared with @ReadsConfig. */
export function configSchemasOf(modules: readonly object[]): ConfigSchema[] {
  return modules.flatMap((module) => {
    const schema = Reflect.getMetadata(READS_CONFIG, module) as ConfigSchema | undefined;
    return schema ? [schema] : [];
  });
}
