import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUserDirectory, DirectoryUnavailableError, workosHostOptions } from '../../src/index.js';
import { startWorkosServer, type WorkosServer } from '../helpers/index.js';

describe('createUserDirectory', () => {
  let workos: WorkosServer;
  beforeAll(async () => {
    workos = await startWorkosServer({
      apiKey: 'sk_test_1',
      users: [
        { id: 'user_ada', email: 'ada@example.com', email_verified: true, first_name: 'Ada', last_name: 'Lovelace' },
        { id: 'user_bob', email: 'bob@example.com', email_verified: false },
      ],
      memberships: [['user_ada', 'org_A']],
    });
  });
  afterAll(() => workos.close());

  it('gets a user by id with a name made of first and last name', async () => {
    const directory = createUserDirectory({ apiKey: 'sk_test_1', apiHostname: workos.url });
    await expect(directory.getUser('user_ada')).resolves.toEqual({
      id: 'user_ada',
      email: 'ada@example.com',
      emailVerified: true,
      name: 'Ada Lovelace',
    });
    await expect(directory.getUser('user_bob')).resolves.toEqual({
      id: 'user_bob',
      email: 'bob@example.com',
      emailVerified: false,
    });
  });

  it('answers undefined for an unknown user', async () => {
    const directory = createUserDirectory({ apiKey: 'sk_test_1', apiHostname: workos.url });
    await expect(directory.getUser('user_nobody')).resolves.toBeUndefined();
  });

  it('caches answers and reads the API key lazily, once', async () => {
    // Prepare
    let keyReads = 0;
    const directory = createUserDirectory({
      apiKey: async () => {
        keyReads += 1;
        return 'sk_test_1';
      },
      apiHostname: workos.url,
    });
    const before = workos.calls.length;
    expect(keyReads).toBe(0);
    // Act
    await directory.getUser('user_ada');
    await directory.getUser('user_ada');
    await directory.isMember('user_ada', 'org_A');
    await directory.isMember('user_ada', 'org_A');
    // Assess
    expect(keyReads).toBe(1);
    expect(workos.calls.length - before).toBe(2);
  });

  it('tells members from non-members', async () => {
    const directory = createUserDirectory({ apiKey: 'sk_test_1', apiHostname: workos.url });
    await expect(directory.isMember('user_ada', 'org_A')).resolves.toBe(true);
    await expect(directory.isMember('user_ada', 'org_B')).resolves.toBe(false);
    await expect(directory.isMember('user_bob', 'org_A')).resolves.toBe(false);
  });

  it('reports WorkOS refusing the API key as the directory being unavailable', async () => {
    const directory = createUserDirectory({ apiKey: 'sk_wrong', apiHostname: workos.url });
    await expect(directory.isMember('user_ada', 'org_A')).rejects.toThrow(DirectoryUnavailableError);
    await expect(directory.getUser('user_ada')).rejects.toThrow(DirectoryUnavailableError);
  });
});

describe('workosHostOptions', () => {
  it.each([
    [undefined, {}],
    ['api.workos.com', { apiHostname: 'api.workos.com' }],
    ['http://127.0.0.1:4100', { apiHostname: '127.0.0.1', https: false, port: 4100 }],
    ['https://workos.internal', { apiHostname: 'workos.internal', https: true }],
  ])('turns %s into WorkOS client options', (value, expected) => {
    expect(workosHostOptions(value)).toEqual(expected);
  });
});
