import {
  DEFAULT_KIND_SETTINGS,
  effectivePreferences,
  notificationPreferencesInput,
  readStoredPreferences,
  settingFor,
} from './notification-preferences';

const projectId = '0190a0a0-0000-7000-8000-000000000001';

describe('notification preferences', () => {
  it('defaults: in-app for every kind, e-mail at once only for what is addressed to the user', () => {
    expect(DEFAULT_KIND_SETTINGS.mention).toEqual({ inApp: true, email: 'immediately' });
    expect(DEFAULT_KIND_SETTINGS.reply).toEqual({ inApp: true, email: 'immediately' });
    expect(DEFAULT_KIND_SETTINGS.added_to_project).toEqual({ inApp: true, email: 'immediately' });
    for (const kind of ['comment', 'review_comment', 'upload', 'version', 'label'] as const) {
      expect(DEFAULT_KIND_SETTINGS[kind]).toEqual({ inApp: true, email: 'daily' });
    }
  });

  it('applies project override over user default over the default, field by field', () => {
    const stored = readStoredPreferences({
      defaults: { comment: { email: 'hourly' }, upload: { inApp: false } },
      projects: { [projectId]: { comment: { inApp: false } } },
    });
    expect(settingFor(stored, null, 'comment')).toEqual({ inApp: true, email: 'hourly' });
    expect(settingFor(stored, projectId, 'comment')).toEqual({ inApp: false, email: 'hourly' });
    expect(settingFor(stored, projectId, 'upload')).toEqual({ inApp: false, email: 'daily' });
    expect(settingFor(stored, 'another', 'mention')).toEqual(DEFAULT_KIND_SETTINGS.mention);
  });

  it('spells out every kind when answering', () => {
    const doc = effectivePreferences(
      readStoredPreferences({ projects: { [projectId]: { label: { email: 'never' } } } }),
    );
    expect(Object.keys(doc.defaults)).toHaveLength(8);
    expect(doc.projects[projectId].label).toEqual({ inApp: true, email: 'never' });
    expect(doc.projects[projectId].mention).toEqual(DEFAULT_KIND_SETTINGS.mention);
  });

  it('names the path of unknown kinds, cadences, fields and project keys', () => {
    const paths = (input: unknown) => {
      const result = notificationPreferencesInput.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ defaults: { gossip: { inApp: true } } })).toEqual(['defaults.gossip']);
    expect(paths({ defaults: { comment: { email: 'weekly' } } })).toEqual([
      'defaults.comment.email',
    ]);
    expect(paths({ projects: { [projectId]: { reply: { inApp: 'yes' } } } })).toEqual([
      `projects.${projectId}.reply.inApp`,
    ]);
    expect(paths({ projects: { 'not-an-id': {} } })).toEqual(['projects.not-an-id']);
    // Wrong types (found by the OpenAPI fuzz suite) are refused, never thrown.
    expect(paths({ projects: { [projectId]: null } })).toEqual([`projects.${projectId}`]);
    expect(paths({ projects: null, defaults: null })).toEqual(['defaults', 'projects']);
    expect(paths({ defaults: {}, colour: 'blue' })).toEqual(['']);
  });

  it('treats an unreadable stored document as no choices made', () => {
    expect(settingFor(readStoredPreferences({ defaults: 'x' }), null, 'reply')).toEqual(
      DEFAULT_KIND_SETTINGS.reply,
    );
    expect(settingFor(readStoredPreferences(null), null, 'label')).toEqual(
      DEFAULT_KIND_SETTINGS.label,
    );
  });
});
