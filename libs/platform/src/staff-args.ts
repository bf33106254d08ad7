import { parseArgs } from 'node:util';

export interface StaffCreateArgs {
  command: 'create';
  email: string;
  name: string;
  role: string;
  password?: string;
}

export const STAFF_USAGE =
  'usage: npm run staff -- create --email <e-mail> --name <name> --role support|admin [--password <password>]';

/** The arguments of `npm run staff -- …`, or an error message (with the usage). */
export function parseStaffArgs(argv: string[]): StaffCreateArgs | { error: string } {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
      },
    });
    if (positionals[0] !== 'create' || positionals.length !== 1)
      return { error: `unknown command ${positionals.join(' ') || '(none)'}\n${STAFF_USAGE}` };
    const missing = (['email', 'name', 'role'] as const).filter((k) => !values[k]);
    if (missing.length > 0)
      return { error: `missing ${missing.map((m) => `--${m}`).join(', ')}\n${STAFF_USAGE}` };
    return {
      command: 'create',
      email: values.email!,
      name: values.name!,
      role: values.role!,
      ...(values.password ? { password: values.password } : {}),
    };
  } catch (error) {
    return { error: `${(error as Error).message}\n${STAFF_USAGE}` };
  }
}
