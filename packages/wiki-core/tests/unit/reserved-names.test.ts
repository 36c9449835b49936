import { describe, expect, it } from '@jest/globals';
import { InvalidPathError, assertReachablePageName, pageRouteConflict } from '../../src/index.js';

describe('pageRouteConflict', () => {
  it.each([
    ['-/search', /"-\/"/],
    ['-', /"-\/"/],
    ['api/v1/pages', /\/api\/v1\//],
    ['API/V1', /\/api\/v1\//],
    ['x/edit', /"edit"/],
    ['Notes/HISTORY', /"history"/],
    ['a/b/save', /"save"/],
    ['x/diff', /"diff"/],
    ['x/blame', /"blame"/],
    ['x/attachments', /"attachments"/],
    ['x/revision/abc', /"revision"/],
    ['x/a/photo.png', /"a"/],
    ['x/attachment/photo.png', /"attachment"/],
    ['x/rename', /"rename"/],
    ['Notes/Delete', /"delete"/],
    ['x/source', /"source"/],
    ['x/revert/abc', /"revert"/],
  ])('refuses %j, naming the route it would collide with', (name, reason) => {
    expect(pageRouteConflict(name)).toMatch(reason);
  });

  const reachable = [
    'Home',
    'edit',
    'History',
    'api',
    'API/Guide',
    'api/v2',
    'revision/abc',
    'a/b',
    'attachment/b',
    'Guide/Editing',
    'x/-',
    'rename',
    'Source/Code',
  ];
  it.each([...reachable, 'MCP', 'Mcp/notes'])('accepts %j, which the wiki can open at its own URL', (name) => {
    expect(pageRouteConflict(name)).toBeNull();
  });

  it('refuses a name shown as "mcp", which the gateway sends to the MCP endpoint', () => {
    // Act
    const retained = pageRouteConflict('mcp/notes', { retainCase: true });
    const titled = pageRouteConflict('mcp/notes', { retainCase: false });
    // Assess: with retained case it is shown (and linked) as /mcp/notes; otherwise as /Mcp/Notes
    expect(retained).toMatch(/\/mcp/);
    expect(titled).toBeNull();
  });

  it('throws InvalidPathError from assertReachablePageName', () => {
    expect(() => assertReachablePageName('x/edit')).toThrow(InvalidPathError);
    expect(() => assertReachablePageName('x/edit')).toThrow(/x\/edit/);
    expect(() => assertReachablePageName('x/editor')).not.toThrow();
  });
});
