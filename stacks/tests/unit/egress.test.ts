import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { configFor, resourcesOf, synthesize, type Synthesized } from '../helpers/synth.js';

/** The default route of the private subnets' route table. */
function privateDefaultRoute(stack: Synthesized): Record<string, unknown> {
  const [, table] = resourcesOf(stack.json, 'aws_route_table').find(([name]) => name.includes('private-routes')) ?? [];
  return (table?.route as Record<string, unknown>[])[0];
}

describe('egress through an ARM NAT instance (dev default)', () => {
  let stack: Synthesized;
  beforeAll(() => {
    stack = synthesize(configFor('dev'));
  });
  afterAll(() => stack.cleanup());

  it("runs one Graviton instance from Amazon's arm64 Amazon Linux 2023 image in the first public subnet, forwarding", () => {
    const instances = resourcesOf(stack.json, 'aws_instance').map(([, i]) => i);
    expect(instances).toEqual([
      expect.objectContaining({
        instance_type: 't4g.nano',
        subnet_id: expect.stringMatching(/^\$\{aws_subnet\.network_public-0_/),
        associate_public_ip_address: true,
        source_dest_check: false,
        metadata_options: { http_tokens: 'required', http_endpoint: 'enabled' },
        root_block_device: { volume_type: 'gp3', volume_size: 8, encrypted: true },
        credit_specification: { cpu_credits: 'standard' },
        lifecycle: { ignore_changes: ['ami'] },
      }),
    ]);
    expect(String(instances[0].user_data)).toMatch(/net\.ipv4\.ip_forward = 1[\s\S]*masquerade/);
    // The boot script at least parses as bash.
    expect(spawnSync('bash', ['-n'], { input: String(instances[0].user_data), encoding: 'utf8' })).toMatchObject({
      status: 0,
      stderr: '',
    });
    const [ami] = Object.values(stack.json.data.aws_ami) as Record<string, unknown>[];
    expect(ami).toMatchObject({ owners: ['amazon'], most_recent: true });
    expect(ami.filter).toContainEqual({ name: 'architecture', values: ['arm64'] });
  });

  it('routes the private subnets to the instance, with no NAT gateway or Elastic IP', () => {
    const [[instance]] = resourcesOf(stack.json, 'aws_instance');
    expect(privateDefaultRoute(stack)).toMatchObject({
      cidr_block: '0.0.0.0/0',
      network_interface_id: `\${aws_instance.${instance}.primary_network_interface_id}`,
    });
    expect([resourcesOf(stack.json, 'aws_nat_gateway'), resourcesOf(stack.json, 'aws_eip')]).toEqual([[], []]);
  });

  it('lets only HTTPS in from the VPC', () => {
    const ingress = resourcesOf(stack.json, 'aws_vpc_security_group_ingress_rule')
      .filter(([name]) => name.includes('nat-instance'))
      .map(([, r]) => [r.ip_protocol, r.from_port, r.to_port, r.cidr_ipv4]);
    expect(ingress).toEqual([['tcp', 443, 443, stack.config.network.mode === 'create' && stack.config.network.cidr]]);
  });
});

describe('egress through a NAT gateway (prod default)', () => {
  it('routes the private subnets to one NAT gateway with its Elastic IP, and runs no instance', () => {
    const stack = synthesize(configFor('prod'));
    try {
      const [[nat]] = resourcesOf(stack.json, 'aws_nat_gateway');
      expect(privateDefaultRoute(stack)).toMatchObject({
        cidr_block: '0.0.0.0/0',
        nat_gateway_id: `\${aws_nat_gateway.${nat}.id}`,
      });
      expect([resourcesOf(stack.json, 'aws_eip').length, resourcesOf(stack.json, 'aws_instance').length]).toEqual([
        1, 0,
      ]);
    } finally {
      stack.cleanup();
    }
  });

  it('is what dev gets too when configured', () => {
    const stack = synthesize(configFor('dev', { network: { egress: 'nat-gateway' } }));
    try {
      expect([
        resourcesOf(stack.json, 'aws_nat_gateway').length,
        resourcesOf(stack.json, 'aws_instance').length,
      ]).toEqual([1, 0]);
    } finally {
      stack.cleanup();
    }
  });
});
