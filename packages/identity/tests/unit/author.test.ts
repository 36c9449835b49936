import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAuthorResolver, createUserDirectory, gitAuthor, type AuthorSubject } from '../../src/index.js';
import { startWorkosServer, type WorkosServer } from '../helpers/index.js';

const ORIGIN = 'https://wiki.example.com';
const user = (fields: Partial<AuthorSubject> = {}): AuthorSubject => ({ kind: 'user', sub: 'user_01', ...fields });

describe('createAuthorResolver', () => {
  let workos: WorkosServer;
  beforeAll(async () => {
    workos = await startWorkosServer({
      apiKey: 'sk_test',
      users: [
        { id: 'user_01', email: 'ada@example.com', email_verified: true, first_name: 'Ada', last_name: 'Lovelace' },
        { id: 'user_02', email: 'eve@example.com', email_verified: false, first_name: 'Eve', last_name: null },
      ],
    });
  });
  afterAll(() => workos.close());
  const directory = () => createUserDirectory({ apiKey: 'sk_test', apiHostname: workos.url });

  it('uses the name and email the token carries, without asking WorkOS', async () => {
    const before = workos.calls.length;
    const authorOf = createAuthorResolver({ directory: directory(), origin: ORIGIN });
    await expect(authorOf(user({ name: 'Ada L.', email: 'ada@example.com' }))).resolves.toEqual({
      name: 'Ada L.',
      email: 'ada@example.com',
    });
    expect(workos.calls.length).toBe(before);
  });

  it('looks the user up in WorkOS when the token carries only the user id', async () => {
    const authorOf = createAuthorResolver({ directory: directory(), origin: ORIGIN });
    await expect(authorOf(user())).resolves.toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' });
  });

  it('does not use an unverified WorkOS email', async () => {
    const authorOf = createAuthorResolver({ directory: directory(), origin: ORIGIN });
    await expect(authorOf(user({ sub: 'user_02' }))).resolves.toEqual({
      name: 'Eve',
      email: 'user_02@users.noreply.wiki.example.com',
    });
  });

  it('falls back to the subject without a WorkOS API key', async () => {
    const authorOf = createAuthorResolver({ origin: ORIGIN });
    await expect(authorOf(user({ sub: 'user_03' }))).resolves.toEqual({
      name: 'user_03',
      email: 'user_03@users.noreply.wiki.example.com',
    });
  });

  it('names API-key writes after the key', async () => {
    const authorOf = createAuthorResolver({ directory: directory(), origin: ORIGIN });
    await expect(authorOf({ kind: 'api-key', sub: 'api-key', name: 'API key' })).resolves.toEqual({
      name: 'API key',
      email: 'api-key@users.noreply.wiki.example.com',
    });
  });

  it('gives a browser session the same author as a token for the same person', async () => {
    // The browser's session carries name and verified email from the ID token; MCP's access token only the id.
    const session = gitAuthor({ sub: 'user_01', name: 'Ada Lovelace', email: 'ada@example.com' }, 'wiki.example.com');
    const token = await createAuthorResolver({ directory: directory(), origin: ORIGIN })(user());
    expect(token).toEqual(session);
  });

  it('uses the email as the name when there is no name', () => {
    expect(gitAuthor({ sub: 'user_09', email: 'zed@example.com' }, 'wiki.example.com')).toEqual({
      name: 'zed@example.com',
      email: 'zed@example.com',
    });
  });
});
