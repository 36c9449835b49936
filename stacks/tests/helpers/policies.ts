/**
 * Reads every IAM policy document of a synthesized stack into one shape, whether it is written as a
 * `data "aws_iam_policy_document"` or as policy JSON in an `aws_iam_role_policy` / `aws_iam_policy`.
 */
import { findReferences } from '@wikibot/http-api-routes';
import { ENI_ACTIONS } from '../../src/constructs/lambda-function.js';
import type { Synthesized } from './synth.js';

/** One statement, normalized. */
export interface Statement {
  /** Where it was found, e.g. `data.aws_iam_policy_document.mcp_logs-document_…`. */
  readonly source: string;
  readonly effect: string;
  readonly actions: string[];
  readonly notActions: string[];
  readonly resources: string[];
  readonly notResources: string[];
  readonly conditions: { test: string; variable: string; values: string[] }[];
}

type Json = Synthesized['json'];
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function fromDocument(source: string, document: { statement?: Record<string, unknown>[] }): Statement[] {
  return (document.statement ?? []).map((s) => ({
    source,
    effect: String(s.effect ?? 'Allow'),
    actions: list(s.actions),
    notActions: list(s.not_actions),
    resources: list(s.resources),
    notResources: list(s.not_resources),
    conditions: ((s.condition as { test: string; variable: string; values: string[] }[]) ?? []).map((c) => ({
      ...c,
      values: list(c.values),
    })),
  }));
}

function fromPolicyJson(source: string, text: string): Statement[] {
  const policy = JSON.parse(text) as { Statement: Record<string, unknown> | Record<string, unknown>[] };
  return [policy.Statement].flat().map((s) => ({
    source,
    effect: String(s.Effect),
    actions: list(s.Action),
    notActions: list(s.NotAction),
    resources: list(s.Resource),
    notResources: list(s.NotResource),
    conditions: Object.entries((s.Condition as Record<string, Record<string, unknown>>) ?? {}).flatMap(
      ([test, entries]) =>
        Object.entries(entries).map(([variable, values]) => ({ test, variable, values: list(values) })),
    ),
  }));
}

/** The statements of the policy attribute of a resource: a reference to a policy document, or literal JSON. */
function statementsOf(json: Json, source: string, policy: string): Statement[] {
  const [ref] = findReferences(policy);
  if (ref && policy === `\${${ref.address}.json}` && ref.type === 'data.aws_iam_policy_document') {
    const document = json.data?.aws_iam_policy_document?.[ref.name];
    if (!document) throw new Error(`${source} references ${ref.address}, which the stack does not declare`);
    return fromDocument(ref.address, document);
  }
  return fromPolicyJson(source, policy);
}

/** Every statement of every policy document in the stack. */
export function allStatements(json: Json): Statement[] {
  const documents = Object.entries(json.data?.aws_iam_policy_document ?? {}).flatMap(([name, doc]) =>
    fromDocument(`data.aws_iam_policy_document.${name}`, doc as { statement?: Record<string, unknown>[] }),
  );
  const attached = (['aws_iam_role_policy', 'aws_iam_policy'] as const).flatMap((type) =>
    Object.entries(json.resource?.[type] ?? {}).flatMap(([name, body]) =>
      statementsOf(json, `${type}.${name}`, String((body as { policy: string }).policy)),
    ),
  );
  return [...documents, ...attached];
}

/** The statements granted to one role through its inline policies. */
export function roleStatements(json: Json, roleAddress: string): Statement[] {
  return Object.entries(json.resource?.aws_iam_role_policy ?? {})
    .filter(([, body]) => (body as { role: string }).role === `\${${roleAddress}.id}`)
    .flatMap(([name, body]) => statementsOf(json, `aws_iam_role_policy.${name}`, (body as { policy: string }).policy));
}

/** Wildcards a least-privilege stack must not have, as readable lines (empty when there are none). */
export function wildcardViolations(statements: readonly Statement[]): string[] {
  return statements.flatMap((s) => {
    const problems: string[] = [];
    for (const action of s.actions) if (action.includes('*')) problems.push(`${s.source}: wildcard action "${action}"`);
    if (s.notActions.length) problems.push(`${s.source}: NotAction grants everything else`);
    if (s.notResources.length) problems.push(`${s.source}: NotResource grants everything else`);
    if (s.resources.includes('*') && (s.effect !== 'Allow' || s.actions.some((a) => !ENI_ACTIONS.includes(a)))) {
      problems.push(`${s.source}: Resource "*" for ${s.actions.filter((a) => !ENI_ACTIONS.includes(a)).join(', ')}`);
    }
    return problems;
  });
}
