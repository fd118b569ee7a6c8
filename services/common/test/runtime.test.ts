import { describe, expect, it } from 'vitest';

// Fails when the tests run on any node but the one package.json#engines names (">=24.6 <25"),
// so a green run proves services/cli/bootstrap.mjs handed over to the pinned Node 24.
describe('runtime', () => {
  it('is Node 24, 24.6 or later', () => {
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major).toBe(24);
    expect(minor).toBeGreaterThanOrEqual(6);
  });
});
