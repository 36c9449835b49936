/**
 * Runs `terraform validate` (or OpenTofu's) on a synthesized stack with no network: the AWS provider
 * comes from a local filesystem mirror through a temporary CLI config (`TF_CLI_CONFIG_FILE`).
 *
 * The stacks pin the AWS provider that `@cdktf/provider-aws` was generated from (`6.25.0`, `~> 6.0`);
 * a mirror may hold another version (this machine image carries 5.100.0). Validation runs on a copy
 * whose `required_providers.aws` is rewritten to the mirror's version and its explicit registry address,
 * so the check is "every block and argument the stack writes exists, with the right types, in that
 * provider version". The deployed stack keeps its own pin.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const PROVIDER = 'registry.terraform.io/hashicorp/aws';
const PLATFORM = `linux_${process.arch === 'arm64' ? 'arm64' : 'amd64'}`;

/**
 * Where a filesystem mirror of the AWS provider may be: `TF_PROVIDER_MIRROR`, this image's, Terraform's implied ones.
 */
function mirrorCandidates(): string[] {
  return [
    process.env.TF_PROVIDER_MIRROR,
    '/opt/tf-plugins',
    join(homedir(), '.terraform.d', 'plugins'),
    join(homedir(), '.local', 'share', 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
  ].filter((dir): dir is string => Boolean(dir));
}

/** A usable Terraform (or OpenTofu) binary and AWS provider mirror, or why there is none. */
export type ValidateSetup =
  | { readonly ok: true; readonly binary: string; readonly mirror: string; readonly providerVersion: string }
  | { readonly ok: false; readonly reason: string };

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((file) => existsSync(file));
}

/** The newest unpacked `hashicorp/aws` version for this platform in `mirror`. */
function mirroredVersion(mirror: string): string | undefined {
  const dir = join(mirror, PROVIDER);
  if (!existsSync(dir)) return undefined;
  const versions = readdirSync(dir).filter((v) => /^\d+\.\d+\.\d+$/.test(v) && existsSync(join(dir, v, PLATFORM)));
  return versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
}

/** Finds the binary and the mirror once. */
export function findValidateSetup(): ValidateSetup {
  const binary = process.env.TERRAFORM_BINARY ?? onPath('terraform') ?? onPath('tofu');
  if (!binary) return { ok: false, reason: 'no terraform or tofu on PATH (set TERRAFORM_BINARY)' };
  for (const mirror of mirrorCandidates()) {
    const providerVersion = mirroredVersion(mirror);
    if (providerVersion) return { ok: true, binary, mirror, providerVersion };
  }
  return {
    ok: false,
    reason: `no ${PROVIDER} ${PLATFORM} filesystem mirror in ${mirrorCandidates().join(', ')} (set TF_PROVIDER_MIRROR)`,
  };
}

/** `terraform validate -json`'s answer. */
export interface ValidateResult {
  readonly valid: boolean;
  readonly diagnostics: { severity: string; summary: string; detail?: string; address?: string }[];
}

/** Pins `required_providers.aws` of HCL text to the mirror (cdktf writes it as `version = …` then `source = …`). */
function pinHclProvider(hcl: string, version: string): string {
  const pinned = hcl.replace(/(aws = \{\s*version = )"[^"]*"(\s*source = )"[^"]*"/, `$1"${version}"$2"${PROVIDER}"`);
  if (pinned === hcl) throw new Error('no required_providers.aws block to pin in the HCL');
  return pinned;
}

/**
 * Validates the stack in `stackDir` (`cdk.tf.json`, or `cdk.tf` as cdktf writes it with
 * `SYNTH_HCL_OUTPUT=true`) offline: copies it (assets linked) with the AWS provider pinned to the
 * mirror's version, runs `init -backend=false` against the mirror only, then `validate -json`.
 */
export function validateStack(setup: Extract<ValidateSetup, { ok: true }>, stackDir: string): ValidateResult {
  const work = mkdtempSync(join(tmpdir(), 'wikibot-validate-'));
  try {
    if (existsSync(join(stackDir, 'cdk.tf.json'))) {
      const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
      json.terraform.required_providers.aws = { source: PROVIDER, version: setup.providerVersion };
      writeFileSync(join(work, 'cdk.tf.json'), JSON.stringify(json));
    } else {
      writeFileSync(
        join(work, 'main.tf'),
        pinHclProvider(readFileSync(join(stackDir, 'cdk.tf'), 'utf8'), setup.providerVersion),
      );
    }
    if (existsSync(join(stackDir, 'assets'))) symlinkSync(join(stackDir, 'assets'), join(work, 'assets'));
    // Only the mirror: no `direct` block, so a provider it lacks fails instead of being downloaded.
    const cliConfig = `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(setup.mirror)}\n    include = ["${PROVIDER}"]\n  }\n}\n`;
    writeFileSync(join(work, 'cli.tfrc'), cliConfig);
    const env = {
      PATH: process.env.PATH,
      HOME: work,
      TF_CLI_CONFIG_FILE: join(work, 'cli.tfrc'),
      CHECKPOINT_DISABLE: '1',
      TF_IN_AUTOMATION: '1',
    };
    const run = (...args: string[]) =>
      spawnSync(setup.binary, args, { cwd: work, env, encoding: 'utf8', timeout: 300_000 });
    const init = run('init', '-backend=false', '-input=false', '-no-color');
    if (init.status !== 0) throw new Error(`${setup.binary} init failed:\n${init.stdout}\n${init.stderr}`);
    const validate = run('validate', '-json', '-no-color');
    if (!validate.stdout) throw new Error(`${setup.binary} validate printed nothing:\n${validate.stderr}`);
    return JSON.parse(validate.stdout) as ValidateResult;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
