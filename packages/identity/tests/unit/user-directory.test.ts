import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createUserDirectory, DirectoryUnavailableError, workosApiOrigin } from '../../src/index.js';
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

describe('workosApiOrigin', () => {
  it.each([
    [undefined, 'https://api.workos.com'],
    ['api.workos.com', 'https://api.workos.com'],
    ['http://127.0.0.1:4100', 'http://127.0.0.1:4100'],
    ['https://workos.internal/', 'https://workos.internal'],
  ])('turns %s into the API origin %s', (value, expected) => {
    expect(workosApiOrigin(value)).toBe(expected);
  });
});

describe('the WorkOS API client', () => {
  it('tries once more after a server error, sending the key as a bearer token', async () => {
    // Arrange: a server that fails the first request, then answers as WorkOS does
    const { createServer } = await import('node:http');
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization}`);
      if (seen.length === 1) return res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'user/ü', email: 'u@example.com', email_verified: true, name: ' Ü ' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const directory = createUserDirectory({ apiKey: 'sk_test_2', apiHostname: `http://127.0.0.1:${port}` });
      // Act
      const user = await directory.getUser('user/ü');
      // Assess
      expect(user).toEqual({ id: 'user/ü', email: 'u@example.com', emailVerified: true, name: 'Ü' });
      expect(seen).toEqual([
        '/user_management/users/user%2F%C3%BC Bearer sk_test_2',
        '/user_management/users/user%2F%C3%BC Bearer sk_test_2',
      ]);
    } finally {
      server.close();
    }
  });
});
