/**
 * @module How operators override stack settings without editing code: deep merge of plain objects, and
 * `WIKIBOT_<ENV>_<KEY>` variables addressing a key path.
 */

type Json = unknown;

/** Keys replaced whole, never merged: merging two access policies could admit people neither names. */
const REPLACED_WHOLE = new Set(['accessPolicy']);

const isPlainObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges `override` over `base`: plain objects key by key, anything else (arrays, scalars) replaced,
 * `null` removes the key. An object whose `mode` differs from the base's replaces it whole, so switching
 * `network` from `create` to `existing` does not inherit the CIDRs; `accessPolicy` is always replaced whole.
 *
 * @example
 * ```ts
 * mergeConfig({ domain: { name: 'a.io' }, region: 'eu-west-1' }, { domain: null }); // { region: 'eu-west-1' }
 * ```
 */
export function mergeConfig(base: Json, override: Json): Json {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === null ? undefined : override;
  if ('mode' in override && override.mode !== base.mode) return withoutNulls(override);
  const merged: Record<string, Json> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const next = REPLACED_WHOLE.has(key) ? mergeConfig(undefined, value) : mergeConfig(base[key], value);
    if (next === undefined) delete merged[key];
    else merged[key] = next;
  }
  return merged;
}

function withoutNulls(value: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/**
 * Applies every `<prefix><KEY>` variable: `__` separates nested keys and each part is SCREAMING_SNAKE
 * for a camelCase key; the value is read as JSON when it parses (numbers, `true`, `null`, objects) and
 * as a string otherwise. Variables are applied in name order, so the result does not depend on the
 * order of the environment.
 *
 * @example
 * ```ts
 * applyEnvOverrides(DEFAULTS.dev, { WIKIBOT_DEV_FUNCTIONS__MCP__MEMORY_MB: '1024' }, 'WIKIBOT_DEV_');
 * // functions.mcp.memoryMb === 1024
 * ```
 */
export function applyEnvOverrides(base: Json, env: Readonly<Record<string, string | undefined>>, prefix: string): Json {
  let result = base;
  const keys = Object.keys(env)
    .filter((key) => key.startsWith(prefix) && env[key] !== undefined)
    .sort();
  for (const key of keys) {
    const path = key.slice(prefix.length).split('__').map(camelCase);
    const override = path.reduceRight<Json>((inner, part) => ({ [part]: inner }), parseValue(env[key] as string));
    result = mergeConfig(result, override);
  }
  return result;
}

function camelCase(snake: string): string {
  return snake.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function parseValue(raw: string): Json {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
