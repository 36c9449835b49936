/**
 * @module Where the Lambdas run: private subnets of a VPC the stack creates (two public subnets, egress
 * so the Lambdas reach WorkOS, SSM and Bedrock, two private subnets) or of an existing VPC taken by id.
 * Egress is one NAT gateway or one ARM NAT instance (`network.egress`, docs/cost.md), never one per
 * zone: it is the biggest line of the bill, at the price of losing outbound internet while its zone is down.
 */
import { Eip } from '@cdktf/provider-aws/lib/eip/index.js';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway/index.js';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway/index.js';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association/index.js';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { Subnet } from '@cdktf/provider-aws/lib/subnet/index.js';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule/index.js';
import { Vpc } from '@cdktf/provider-aws/lib/vpc/index.js';
import { Construct } from 'constructs';
import type { StackConfig } from '../config.js';
import { NatInstance } from './nat-instance.js';

/** What carries the private subnets' traffic to the internet, for the alarms to watch. */
export interface Egress {
  readonly kind: 'nat-gateway' | 'nat-instance';
  /** The NAT gateway's or the instance's id. */
  readonly id: string;
}

/** Props of {@link Network}. */
export interface NetworkProps {
  /** Resource name prefix, `wikibot-<env>`. */
  readonly name: string;
  readonly network: StackConfig['network'];
}

/** The VPC, its private subnets, and the security group the Lambdas use. */
export class Network extends Construct {
  readonly vpcId: string;
  readonly privateSubnetIds: string[];
  /** Security group of the Lambdas: HTTPS out (WorkOS, SSM through NAT); storage adds NFS. */
  readonly lambdaSecurityGroup: SecurityGroup;
  /** The stack's own egress; undefined in an existing VPC. */
  readonly egress?: Egress;
  private readonly name: string;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const { network, name } = props;
    this.name = name;
    if (network.mode === 'existing') {
      this.vpcId = network.vpcId;
      this.privateSubnetIds = [...network.privateSubnetIds];
    } else {
      const vpc = new Vpc(this, 'vpc', {
        cidrBlock: network.cidr,
        enableDnsHostnames: true,
        enableDnsSupport: true,
        tags: { Name: name },
      });
      this.vpcId = vpc.id;
      const igw = new InternetGateway(this, 'igw', { vpcId: vpc.id, tags: { Name: name } });
      const publicRoutes = new RouteTable(this, 'public-routes', {
        vpcId: vpc.id,
        route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }],
        tags: { Name: `${name}-public` },
      });
      const publicSubnets = network.availabilityZones.map((zone, i) =>
        this.subnet('public', i, vpc.id, zone, network.publicSubnetCidrs[i], publicRoutes.id),
      );
      let defaultRoute: { cidrBlock: string; natGatewayId?: string; networkInterfaceId?: string };
      if (network.egress === 'nat-instance') {
        const nat = new NatInstance(this, 'nat-instance', {
          name,
          vpcId: vpc.id,
          vpcCidr: network.cidr,
          subnetId: publicSubnets[0].id,
          instanceType: network.natInstanceType,
        });
        this.egress = { kind: 'nat-instance', id: nat.instance.id };
        defaultRoute = { cidrBlock: '0.0.0.0/0', networkInterfaceId: nat.networkInterfaceId };
      } else {
        const eip = new Eip(this, 'nat-ip', { domain: 'vpc', tags: { Name: `${name}-nat` } });
        const nat = new NatGateway(this, 'nat', {
          allocationId: eip.allocationId,
          subnetId: publicSubnets[0].id,
          tags: { Name: name },
          dependsOn: [igw],
        });
        this.egress = { kind: 'nat-gateway', id: nat.id };
        defaultRoute = { cidrBlock: '0.0.0.0/0', natGatewayId: nat.id };
      }
      const privateRoutes = new RouteTable(this, 'private-routes', {
        vpcId: vpc.id,
        route: [defaultRoute],
        tags: { Name: `${name}-private` },
      });
      this.privateSubnetIds = network.availabilityZones.map(
        (zone, i) => this.subnet('private', i, vpc.id, zone, network.privateSubnetCidrs[i], privateRoutes.id).id,
      );
    }
    this.lambdaSecurityGroup = new SecurityGroup(this, 'lambda-sg', {
      name: `${name}-lambda`,
      description: 'wikibot Lambdas: HTTPS out, NFS to the wiki file system',
      vpcId: this.vpcId,
      tags: { Name: `${name}-lambda` },
    });
    new VpcSecurityGroupEgressRule(this, 'lambda-https-out', {
      securityGroupId: this.lambdaSecurityGroup.id,
      description: 'HTTPS to WorkOS and AWS APIs (SSM, Bedrock) through NAT',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
    });
  }

  private subnet(
    kind: 'public' | 'private',
    index: number,
    vpcId: string,
    zone: string,
    cidrBlock: string,
    routeTableId: string,
  ): Subnet {
    const subnet = new Subnet(this, `${kind}-${index}`, {
      vpcId,
      availabilityZone: zone,
      cidrBlock,
      tags: { Name: `${this.name}-${kind}-${zone}` },
    });
    new RouteTableAssociation(this, `${kind}-${index}-routes`, { subnetId: subnet.id, routeTableId });
    return subnet;
  }
}
