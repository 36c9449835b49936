/**
 * @module Egress through an ARM NAT instance, the way the fck-nat project does it, but from Amazon's
 * own Amazon Linux 2023 image: one Graviton instance in a public subnet, source/dest check off,
 * forwarding and masquerading set up at boot. About a fifth of a NAT gateway's idle cost (docs/cost.md),
 * for an OS that is yours to patch and one instance that EC2 recovers on host failure.
 */
import { DataAwsAmi } from '@cdktf/provider-aws/lib/data-aws-ami/index.js';
import { Instance } from '@cdktf/provider-aws/lib/instance/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule/index.js';
import { Construct } from 'constructs';

/** Boot script: forward IPv4 and masquerade everything leaving the default-route interface (nftables). */
export const NAT_USER_DATA = `#!/bin/bash
set -euo pipefail
echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-wikibot-nat.conf
sysctl --system
# The public route may still be settling at first boot: retry the package install for a few minutes.
for attempt in $(seq 30); do command -v nft >/dev/null && break; dnf install -y nftables || sleep 10; done
iface=$(ip -4 route show default | awk '{print $5; exit}')
cat > /etc/sysconfig/nftables.conf <<NFT
flush ruleset
table ip nat {
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "$iface" masquerade
  }
}
NFT
systemctl enable --now nftables
systemctl restart nftables
`;

/** Props of {@link NatInstance}. */
export interface NatInstanceProps {
  readonly name: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  readonly subnetId: string;
  /** A Graviton type, `t4g.nano`. */
  readonly instanceType: string;
}

/** The NAT instance; route the private subnets' default route to {@link networkInterfaceId}. */
export class NatInstance extends Construct {
  readonly instance: Instance;

  constructor(scope: Construct, id: string, props: NatInstanceProps) {
    super(scope, id);
    const { name } = props;
    const ami = new DataAwsAmi(this, 'ami', {
      owners: ['amazon'],
      mostRecent: true,
      filter: [
        { name: 'name', values: ['al2023-ami-2023.*-kernel-*-arm64'] },
        { name: 'architecture', values: ['arm64'] },
      ],
    });
    const group = new SecurityGroup(this, 'sg', {
      name: `${name}-nat`,
      description: 'wikibot NAT instance: HTTPS from the VPC, out to the internet',
      vpcId: props.vpcId,
      tags: { Name: `${name}-nat` },
    });
    new VpcSecurityGroupIngressRule(this, 'https-in', {
      securityGroupId: group.id,
      description: 'HTTPS from the private subnets (the Lambdas only send HTTPS)',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpcCidr,
    });
    for (const port of [443, 80]) {
      new VpcSecurityGroupEgressRule(this, `out-${port}`, {
        securityGroupId: group.id,
        description:
          port === 443 ? 'forwarded HTTPS, and package updates' : 'package repositories that redirect to HTTP',
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        cidrIpv4: '0.0.0.0/0',
      });
    }
    this.instance = new Instance(this, 'instance', {
      ami: ami.id,
      instanceType: props.instanceType,
      subnetId: props.subnetId,
      vpcSecurityGroupIds: [group.id],
      associatePublicIpAddress: true,
      sourceDestCheck: false,
      userData: NAT_USER_DATA,
      metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled' },
      rootBlockDevice: { volumeType: 'gp3', volumeSize: 8, encrypted: true },
      // Burstable credits capped: a runaway cannot bill CPU beyond the instance's price.
      creditSpecification: { cpuCredits: 'standard' },
      maintenanceOptions: { autoRecovery: 'default' },
      tags: { Name: `${name}-nat` },
      // A newer image must not replace the instance (and cut egress) on an unrelated deploy.
      lifecycle: { ignoreChanges: ['ami'] },
    });
  }

  /** The instance's network interface, the target of the private default route. */
  get networkInterfaceId(): string {
    return this.instance.primaryNetworkInterfaceId;
  }
}
