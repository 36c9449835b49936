/**
 * @module Loads a synthesized stack from disk and checks that every artifact zip it deploys is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RouteTableError } from './errors.js';
import { readRouteTable } from './route-table.js';
import type { RouteTable } from './types.js';

/**
 * Reads `cdk.tf.json`, builds its route table with absolute artifact paths, and throws a
 * {@link RouteTableError} if a zip the stack deploys is missing from the stack directory.
 *
 * @param stackFile - path of a `cdk.tf.json`, or of the stack directory holding it
 * @example
 * ```ts
 * const table = loadRouteTable('cdktf.out/stacks/dev');
 * table.routes[0].integration.function.artifact.absolutePath; // '/…/cdktf.out/stacks/dev/assets/…/lambda.zip'
 * ```
 */
export function loadRouteTable(stackFile: string): RouteTable {
  const file = stackFile.endsWith('.json') ? stackFile : join(stackFile, 'cdk.tf.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new RouteTableError(
      file,
      `cannot be read as JSON (run \`npm run synth\` first?): ${(cause as Error).message}`,
      { cause },
    );
  }
  const table = readRouteTable(json, { stackDir: dirname(file) });
  for (const { integration } of table.routes) {
    const { artifact, address } = integration.function;
    if (artifact.absolutePath && !existsSync(artifact.absolutePath)) {
      throw new RouteTableError(address, `artifact ${artifact.path} is missing from ${dirname(file)}`);
    }
  }
  return table;
}
