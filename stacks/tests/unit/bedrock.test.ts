import { describe, expect, it } from '@jest/globals';
import { findReferences } from '@wikibot/http-api-routes';
import { roleStatements } from '../helpers/policies.js';
import { configFor, resourcesOf, synthesize } from '../helpers/synth.js';

describe.each([
  ['dev', {}, 'eu-west-1', 'amazon.titan-embed-text-v2:0', '512'],
  ['prod', {}, 'eu-west-1', 'amazon.titan-embed-text-v2:0', '512'],
  [
    'prod',
    {
      bedrock: { region: 'eu-central-1', embeddingModelId: 'amazon.titan-embed-text-v2:0', embeddingDimensions: 1024 },
    },
    'eu-central-1',
    'amazon.titan-embed-text-v2:0',
    '1024',
  ],
] as const)(
  'Bedrock embeddings in the %s stack (overrides %j)',
  (environment, overrides, region, modelId, dimensions) => {
    it("hands both functions the BEDROCK_* variables and InvokeModel on exactly that model's ARN", () => {
      const stack = synthesize(configFor(environment, overrides));
      try {
        const [[partition]] = Object.entries(stack.json.data.aws_partition);
        const modelArn = `arn:\${data.aws_partition.${partition}.partition}:bedrock:${region}::foundation-model/${modelId}`;
        const functions = resourcesOf(stack.json, 'aws_lambda_function').map(([, fn]) => fn);
        expect(functions).toHaveLength(2);
        for (const fn of functions) {
          const variables = (fn.environment as { variables: Record<string, string> }).variables;
          expect(variables).toMatchObject({
            BEDROCK_REGION: region,
            BEDROCK_EMBEDDING_MODEL_ID: modelId,
            BEDROCK_EMBEDDING_DIMENSIONS: dimensions,
          });
          expect(variables).not.toHaveProperty('BEDROCK_ENDPOINT'); // a local override only
          const [role] = findReferences(String(fn.role));
          const bedrock = roleStatements(stack.json, role.address).filter((s) =>
            s.actions.some((a) => a.startsWith('bedrock:')),
          );
          expect(bedrock.map((s) => [s.effect, s.actions, s.resources, s.conditions])).toEqual([
            ['Allow', ['bedrock:InvokeModel'], [modelArn], []],
          ]);
        }
      } finally {
        stack.cleanup();
      }
    });
  },
);
