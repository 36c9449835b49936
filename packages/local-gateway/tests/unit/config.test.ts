import { describe, expect, it } from '@jest/globals';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WIKI_DATA_DIR, localStateDir, readSettings, REPO_ROOT, SettingsError } from '../../src/index.js';

describe('readSettings', () => {
  it('resolves a relative WIKI_DATA_DIR against where the user ran the command (INIT_CWD), not the package', () => {
    // Act
    const settings = readSettings({ WIKI_DATA_DIR: 'notes/wiki', INIT_CWD: '/home/ada/work' });

    // Assess
    expect(settings.dataDir).toBe('/home/ada/work/notes/wiki');
  });

  it('keeps secrets and state per user and per data directory, never beside the data or in the source tree', () => {
    // Act
    const defaults = readSettings({});
    const custom = readSettings({ WIKI_DATA_DIR: '/srv/vault', XDG_STATE_HOME: '/var/state' });
    const other = readSettings({ WIKI_DATA_DIR: '/srv/other/vault', XDG_STATE_HOME: '/var/state' });

    // Assess
    expect(defaults.dataDir).toBe(DEFAULT_WIKI_DATA_DIR);
    expect(defaults.stateDir.startsWith(join(homedir(), '.local', 'state', 'wikibot'))).toBe(true);
    expect(defaults.stateDir.startsWith(REPO_ROOT)).toBe(false);
    expect(custom.stateDir).toMatch(/^\/var\/state\/wikibot\/vault-[0-9a-f]{12}$/);
    expect(other.stateDir).not.toBe(custom.stateDir);
    expect(localStateDir('/srv/vault', { XDG_STATE_HOME: '/var/state' })).toBe(custom.stateDir);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT=abc is not a port number/],
    [{ AUTH_PORT: '70000' }, /^AUTH_PORT=70000 is not a port number/],
    [{ PORT: '-1' }, /^PORT=-1 is not a port number/],
    [{ PORT: '9000', AUTH_PORT: '9000' }, /^PORT and AUTH_PORT are both 9000: .*Set AUTH_PORT to another port/],
    [{ PORT: '8788' }, /^PORT and AUTH_PORT are both 8788/],
    [{ AUTH_DEV_AUTO_LOGIN: 'ada' }, /^AUTH_DEV_AUTO_LOGIN=ada is not an email address/],
    [{ LOCAL_ACCESS_POLICY: '{writers' }, /^LOCAL_ACCESS_POLICY is not a JSON object/],
    [{ LOCAL_ACCESS_POLICY: '["*"]' }, /^LOCAL_ACCESS_POLICY is not a JSON object/],
  ])('refuses %j naming the variable to change', (env, message) => {
    // Act
    const read = () => readSettings(env);

    // Assess
    expect(read).toThrow(SettingsError);
    expect(read).toThrow(message);
  });

  it('accepts both ports 0 (any free port) and the documented defaults', () => {
    expect(readSettings({ PORT: '0', AUTH_PORT: '0' })).toMatchObject({ port: 0, authPort: 0 });
    expect(readSettings({})).toMatchObject({ port: 8787, authPort: 8788, accessPolicy: '{"writers":["*"]}' });
  });
});
