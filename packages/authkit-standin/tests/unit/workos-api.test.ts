import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkOS } from '@workos-inc/node';
import { startAuthkitStandin, type AuthkitStandin } from '../../src/index.js';

describe('WorkOS API fake, through @workos-inc/node', () => {
  let authkit: AuthkitStandin;
  let workos: WorkOS;

  beforeAll(async () => {
    authkit = await startAuthkitStandin({ port: 0, organizations: { org_01WIKIBOT: ['Ada.Lovelace@example.com'] } });
    workos = new WorkOS(authkit.workosApiKey, { ...authkit.workosOptions, maxRetries: 0 });
  });
  afterAll(async () => {
    await authkit.close();
  });

  it('returns a known user with WorkOS fields', async () => {
    // Act
    const user = await workos.userManagement.getUser(authkit.userIdForEmail('ada.lovelace@example.com'));

    // Assess
    expect(user).toMatchObject({
      object: 'user',
      id: authkit.userIdForEmail('ada.lovelace@example.com'),
      email: 'ada.lovelace@example.com',
      emailVerified: true,
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect(Date.parse(user.createdAt)).not.toBeNaN();
  });

  it('answers 404 for an unknown user, which the SDK raises as NotFoundException', async () => {
    await expect(workos.userManagement.getUser('user_01UNKNOWN')).rejects.toMatchObject({
      status: 404,
      name: 'NotFoundException',
    });
  });

  it("lists a user's organization memberships, filtered by organization", async () => {
    // Prepare
    const userId = authkit.userIdForEmail('ada.lovelace@example.com');

    // Act
    const member = await workos.userManagement.listOrganizationMemberships({ userId, organizationId: 'org_01WIKIBOT' });
    const elsewhere = await workos.userManagement.listOrganizationMemberships({
      userId,
      organizationId: 'org_01OTHER',
    });

    // Assess
    expect(member.data).toHaveLength(1);
    expect(member.data[0]).toMatchObject({
      object: 'organization_membership',
      userId,
      organizationId: 'org_01WIKIBOT',
      status: 'active',
      role: { slug: 'member' },
    });
    expect(member.data[0].id).toMatch(/^om_/);
    expect(elsewhere.data).toEqual([]);
  });

  it('adds and removes memberships at run time', async () => {
    authkit.addOrganizationMember('org_01WIKIBOT', 'bob@example.com', 'admin');
    const userId = authkit.userIdForEmail('bob@example.com');
    const added = await workos.userManagement.listOrganizationMemberships({ userId });
    authkit.removeOrganizationMember('org_01WIKIBOT', 'bob@example.com');
    const removed = await workos.userManagement.listOrganizationMemberships({ userId });
    expect(added.data.map((m) => m.role.slug)).toEqual(['admin']);
    expect(removed.data).toEqual([]);
    expect((await workos.userManagement.getUser(userId)).email).toBe('bob@example.com');
  });

  it('refuses a wrong API key with 401', async () => {
    const intruder = new WorkOS('sk_test_wrong', { ...authkit.workosOptions, maxRetries: 0 });
    await expect(
      intruder.userManagement.getUser(authkit.userIdForEmail('ada.lovelace@example.com')),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('answers unknown paths with 404 JSON', async () => {
    const response = await fetch(`${authkit.workosApiUrl}/user_management/nothing`, {
      headers: { authorization: `Bearer ${authkit.workosApiKey}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'entity_not_found' });
  });
});
