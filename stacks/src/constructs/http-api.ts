/**
 * @module The API Gateway v2 HTTP API and its `$default` stage: auto-deployed, throttled, access-logged.
 * With the `$default` stage the endpoint has no stage path, so `api_endpoint` is an origin as it stands.
 */
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api/index.js';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage/index.js';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Construct } from 'constructs';
import type { StackConfig } from '../config.js';

/**
 * One JSON line per request. Deliberately no query string, headers or body: OAuth codes travel in the
 * query of a callback and tokens in headers, and neither belongs in a log.
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
});

/** Props of {@link HttpApi}. */
export interface HttpApiProps {
  readonly name: string;
  readonly throttling: StackConfig['throttling'];
  readonly logRetentionDays: number;
  /** True when a custom domain is the only way in, so every request sees the one public origin. */
  readonly disableExecuteApiEndpoint: boolean;
}

/** An HTTP API with its `$default` stage. */
export class HttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly stage: Apigatewayv2Stage;
  readonly accessLogs: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    this.api = new Apigatewayv2Api(this, 'api', {
      name: props.name,
      protocolType: 'HTTP',
      disableExecuteApiEndpoint: props.disableExecuteApiEndpoint,
    });
    this.accessLogs = new CloudwatchLogGroup(this, 'access-logs', {
      name: `/aws/apigateway/${props.name}`,
      retentionInDays: props.logRetentionDays,
    });
    this.stage = new Apigatewayv2Stage(this, 'stage', {
      apiId: this.api.id,
      name: '$default',
      autoDeploy: true,
      accessLogSettings: { destinationArn: this.accessLogs.arn, format: ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        throttlingBurstLimit: props.throttling.burstLimit,
        throttlingRateLimit: props.throttling.rateLimit,
      },
    });
  }

  /** `https://<id>.execute-api.<region>.amazonaws.com` (a Terraform token): scheme and host, no path. */
  get endpoint(): string {
    return this.api.apiEndpoint;
  }

  /** The API's `execution_arn`; invoke permissions are scoped under it. */
  get executionArn(): string {
    return this.api.executionArn;
  }
}
