/**
 * @module Where a secret comes from. On Lambda a secret is named by an SSM Parameter Store parameter and
 * read at run time, so no value sits in environment variables, synthesized Terraform or its state; a
 * literal value is accepted off Lambda only (a developer's machine, tests).
 */
import { ConfigError } from './errors.js';

/** A secret's source: an SSM SecureString parameter, or a literal (local only). */
export type SecretRef =
  { readonly kind: 'ssm'; readonly name: string } | { readonly kind: 'value'; readonly value: string };

/**
 * Reads secret `KEY` from `KEY_PARAMETER` (an SSM name) or, off Lambda, from `KEY` itself.
 *
 * @example
 * ```ts
 * secretRef({ WORKOS_API_KEY_PARAMETER: '/wikibot/dev/workos-api-key' }, 'WORKOS_API_KEY');
 * // { kind: 'ssm', name: '/wikibot/dev/workos-api-key' }
 * ```
 */
export function secretRef(env: Readonly<Record<string, string | undefined>>, key: string): SecretRef | undefined {
  const parameter = env[`${key}_PARAMETER`]?.trim();
  const value = env[key];
  if (value && env.AWS_LAMBDA_FUNCTION_NAME) {
    throw new ConfigError(key, `must not hold a secret value on Lambda; set ${key}_PARAMETER to an SSM parameter name`);
  }
  if (parameter) {
    if (!/^[A-Za-z0-9_.\-/]{1,2048}$/.test(parameter))
      throw new ConfigError(`${key}_PARAMETER`, 'is not an SSM parameter name');
    return { kind: 'ssm', name: parameter };
  }
  if (value) return { kind: 'value', value };
  return undefined;
}
