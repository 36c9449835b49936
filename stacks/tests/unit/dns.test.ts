import { describe, expect, it } from '@jest/globals';
import { configFor, resourcesOf, synthesize } from '../helpers/synth.js';

describe('DNS of the dev stack', () => {
  it('writes into the shared parent zone by default (looked up, never created)', () => {
    const stack = synthesize(configFor('dev'));
    try {
      expect(Object.values(stack.json.data.aws_route53_zone)).toEqual([
        expect.objectContaining({ name: 'wikibot.io' }),
      ]);
      expect(resourcesOf(stack.json, 'aws_route53_zone')).toEqual([]);
    } finally {
      stack.cleanup();
    }
  });

  it('with delegatedZone, creates and writes only its own dev.wikibot.io zone and outputs its name servers', () => {
    // Act
    const stack = synthesize(configFor('dev', { domain: { delegatedZone: true } }));

    // Assess
    try {
      const zones = resourcesOf(stack.json, 'aws_route53_zone');
      expect(zones.map(([, z]) => z.name)).toEqual(['dev.wikibot.io']);
      const zoneId = `\${aws_route53_zone.${zones[0][0]}.zone_id}`;
      const records = resourcesOf(stack.json, 'aws_route53_record').map(([, r]) => r.zone_id);
      expect(records).toEqual([zoneId, zoneId, zoneId]);
      expect(stack.json.data?.aws_route53_zone).toBeUndefined();
      expect(stack.json.output.name_servers.value).toBe(`\${aws_route53_zone.${zones[0][0]}.name_servers}`);
    } finally {
      stack.cleanup();
    }
  });
});
