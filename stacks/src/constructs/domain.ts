/**
 * @module The custom domain: an ACM certificate validated through DNS in the Route 53 zone, the API
 * Gateway domain name and its mapping to the `$default` stage, and alias A/AAAA records. Also the one
 * place that turns a configured domain into the public origin.
 */
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation/index.js';
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate/index.js';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping/index.js';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name/index.js';
import { DataAwsRoute53Zone } from '@cdktf/provider-aws/lib/data-aws-route53-zone/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone/index.js';
import { resolvePublicOrigin } from '@wikibot/auth-config';
import { Construct } from 'constructs';
import type { StackConfig } from '../config.js';
import { StackConfigError } from '../errors.js';
import type { HttpApi } from './http-api.js';

/**
 * The public origin of a custom domain, checked by the same `resolvePublicOrigin` the Lambdas use: a
 * value with a path (the `/mcp/mcp` incident), query or port is refused here, at synth time.
 *
 * @param name - the configured domain, `dev.wikibot.io` (an `https://` prefix is tolerated)
 * @param setting - the config key, named in the error
 * @example
 * ```ts
 * originForDomain('dev.wikibot.io', 'dev.domain.name');     // 'https://dev.wikibot.io'
 * originForDomain('dev.wikibot.io/mcp', 'dev.domain.name'); // throws: carries path "/mcp"
 * ```
 */
export function originForDomain(name: string, setting: string): string {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(name) ? name : `https://${name}`;
  const origin = resolvePublicOrigin(candidate, setting);
  if (new URL(origin).port)
    throw new StackConfigError(setting, `"${name}" carries a port; a custom domain serves on 443 only`);
  return origin;
}

/** Props of {@link Domain}. */
export interface DomainProps {
  readonly domain: NonNullable<StackConfig['domain']>;
  /** The host part of the origin from {@link originForDomain}. */
  readonly hostname: string;
  readonly api: HttpApi;
}

/**
 * Serves the HTTP API's `$default` stage at a custom domain. Its records go into an existing zone (by id
 * or name), or, with `delegatedZone`, into a zone of its own for the domain, which the parent zone's owner
 * delegates with an NS record: then this stack's credentials need no access to any other zone.
 */
export class Domain extends Construct {
  /** The name servers of the stack's own zone, for the parent's NS record; undefined without one. */
  readonly nameServers?: string[];

  constructor(scope: Construct, id: string, props: DomainProps) {
    super(scope, id);
    const { domain, hostname, api } = props;
    let zone: { zoneId: string };
    if (domain.delegatedZone) {
      const own = new Route53Zone(this, 'delegated-zone', {
        name: hostname,
        comment: `wikibot: ${hostname}, delegated from its parent zone`,
      });
      this.nameServers = own.nameServers;
      zone = own;
    } else {
      zone = new DataAwsRoute53Zone(
        this,
        'zone',
        domain.hostedZoneId
          ? { zoneId: domain.hostedZoneId }
          : { name: domain.hostedZoneName ?? hostname, privateZone: false },
      );
    }
    const certificate = new AcmCertificate(this, 'certificate', {
      domainName: hostname,
      validationMethod: 'DNS',
      lifecycle: { createBeforeDestroy: true },
    });
    const option = certificate.domainValidationOptions.get(0);
    const validationRecord = new Route53Record(this, 'validation-record', {
      zoneId: zone.zoneId,
      name: option.resourceRecordName,
      type: option.resourceRecordType,
      records: [option.resourceRecordValue],
      ttl: 60,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, 'validation', {
      certificateArn: certificate.arn,
      validationRecordFqdns: [validationRecord.fqdn],
    });
    const domainName = new Apigatewayv2DomainName(this, 'domain-name', {
      domainName: hostname,
      domainNameConfiguration: {
        certificateArn: validation.certificateArn,
        endpointType: 'REGIONAL',
        securityPolicy: 'TLS_1_2',
      },
    });
    new Apigatewayv2ApiMapping(this, 'mapping', { apiId: api.api.id, domainName: domainName.id, stage: api.stage.id });
    for (const type of ['A', 'AAAA']) {
      new Route53Record(this, `alias-${type.toLowerCase()}`, {
        zoneId: zone.zoneId,
        name: hostname,
        type,
        alias: {
          name: domainName.domainNameConfiguration.targetDomainName,
          zoneId: domainName.domainNameConfiguration.hostedZoneId,
          evaluateTargetHealth: false,
        },
      });
    }
  }
}
