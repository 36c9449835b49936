import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseAccessPolicy } from '@wikibot/auth-config';
import { createAccessResolver, createUserDirectory } from '../../src/index.js';
import { startWorkosServer, type WorkosServer } from '../helpers/index.js';

describe('createAccessResolver', () => {
  let workos: WorkosServer;
  beforeAll(async () => {
    workos = await startWorkosServer({
      apiKey: 'sk_test_1',
      users: [
        { id: 'user_ada', email: 'ada@example.com', email_verified: true },
        { id: 'user_eve', email: 'eve@example.com', email_verified: false },
        { id: 'user_org', email: 'someone@elsewhere.org', email_verified: true },
      ],
      memberships: [['user_org', 'org_Team']],
    });
  });
  afterAll(() => workos.close());
  const directory = () => createUserDirectory({ apiKey: 'sk_test_1', apiHostname: workos.url });

  describe('by email', () => {
    const policy = parseAccessPolicy(
      '{"writers":["ada@example.com","@writers.example"],"readers":["@example.com"],"contact":"ops@example.com"}',
    );
    const access = createAccessResolver({ policy });

    it.each([
      ['a listed writer', { sub: 'u1', email: 'Ada@Example.com', emailVerified: true }, 'write'],
      ['a writer by domain', { sub: 'u2', email: 'zed@writers.example' }, 'write'],
      ['a reader by domain', { sub: 'u3', email: 'bob@example.com', emailVerified: true }, 'read'],
      ['someone outside the policy', { sub: 'u4', email: 'mallory@evil.example', emailVerified: true }, 'none'],
      [
        'a writer whose email the token calls unverified',
        { sub: 'u5', email: 'ada@example.com', emailVerified: false },
        'none',
      ],
      ['a token without an email and no directory', { sub: 'u6' }, 'none'],
    ] as const)('gives %s %s access', async (_name, subject, expected) => {
      await expect(access.resolve(subject)).resolves.toBe(expected);
    });
  });

  it('looks up the verified email in the directory when the token has none', async () => {
    const policy = parseAccessPolicy('{"writers":["ada@example.com","eve@example.com"]}');
    const access = createAccessResolver({ policy, directory: directory() });
    await expect(access.resolve({ sub: 'user_ada' })).resolves.toBe('write');
    await expect(access.trustedEmail({ sub: 'user_ada' })).resolves.toBe('ada@example.com');
    // Eve's address is not verified in WorkOS: not trusted.
    await expect(access.resolve({ sub: 'user_eve' })).resolves.toBe('none');
  });

  it('admits members of the policy organization at its access level', async () => {
    // Prepare
    const policy = parseAccessPolicy(
      '{"writers":["ada@example.com"],"organization":{"id":"org_Team","access":"read"}}',
    );
    const access = createAccessResolver({ policy, directory: directory() });
    // Act + Assess
    await expect(access.resolve({ sub: 'user_org' })).resolves.toBe('read');
    await expect(access.resolve({ sub: 'user_eve' })).resolves.toBe('none');
    await expect(access.resolve({ sub: 'user_ada' })).resolves.toBe('write');
  });

  it('refuses to start when the policy names an organization but no directory is configured', () => {
    const policy = parseAccessPolicy('{"organization":{"id":"org_Team"}}');
    expect(() => createAccessResolver({ policy })).toThrow(/WORKOS_API_KEY: is required/);
  });

  it('admits everyone signed in when the policy says "*"', async () => {
    const access = createAccessResolver({ policy: parseAccessPolicy('{"writers":["*"]}') });
    await expect(access.resolve({ sub: 'user_any' })).resolves.toBe('write');
  });
});
