import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startMcpStack, type McpStack } from '../helpers/stack.js';

describe('an organization access policy, looked up in the WorkOS API', () => {
  let stack: McpStack;
  beforeAll(async () => {
    stack = await startMcpStack(
      { readers: ['@example.com'], organization: { id: 'org_Writers', access: 'write' }, contact: 'ops@example.com' },
      { organizations: { org_Writers: ['olga@elsewhere.org'] } },
    );
  });
  afterAll(() => stack.close());

  it('lets a member of the organization write, authored as themselves', async () => {
    // Act
    const { client } = await stack.signIn('olga@elsewhere.org', 'Olga Member');
    const result = await stack.call(client, 'write_note', { path: 'Team/Notes', content: '# Notes\n' });
    // Assess
    expect(result).toEqual({ isError: false, text: expect.stringMatching(/^Created Team\/Notes /) });
    expect(
      execFileSync('git', ['log', '-1', '--format=%an <%ae>'], { cwd: stack.wikiDir, encoding: 'utf8' }).trim(),
    ).toBe('Olga Member <olga@elsewhere.org>');
  });

  it('keeps a non-member at the access their email gives', async () => {
    const { client } = await stack.signIn('bob@example.com', 'Bob');
    expect((await stack.call(client, 'list_notes')).isError).toBe(false);
    expect((await stack.call(client, 'write_note', { path: 'Bob', content: 'x' })).text).toContain(
      'Ask ops@example.com for access.',
    );
  });

  it('refuses someone who is neither a member nor listed', async () => {
    await expect(stack.signIn('mallory@evil.example', 'Mallory')).rejects.toThrow(/access_denied/);
  });
});
