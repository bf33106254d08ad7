import { parseStaffArgs } from './staff-args';

describe('npm run staff arguments', () => {
  it('reads create with e-mail, name and role', () => {
    expect(
      parseStaffArgs(['create', '--email', 'a@b.dev', '--name', 'Ann', '--role', 'admin']),
    ).toEqual({ command: 'create', email: 'a@b.dev', name: 'Ann', role: 'admin' });
  });

  it('names what is missing or unknown, with the usage', () => {
    expect(parseStaffArgs(['create', '--email', 'a@b.dev'])).toEqual({
      error: expect.stringContaining('missing --name, --role'),
    });
    expect(parseStaffArgs(['delete'])).toEqual({ error: expect.stringContaining('usage:') });
    expect(parseStaffArgs(['create', '--colour', 'red'])).toEqual({
      error: expect.stringContaining("Unknown option '--colour'"),
    });
  });
});
