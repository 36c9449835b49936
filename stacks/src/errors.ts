/**
 * @module Errors of the stacks app. They name the setting or artifact at fault; synthesis stops on them.
 */

/** A stack setting is missing or has a value the stack refuses to deploy. */
export class StackConfigError extends Error {
  /** The config key (`dev.domain.name`) or variable (`WIKIBOT_CONFIG`) at fault. */
  readonly setting: string;

  constructor(setting: string, message: string, options?: ErrorOptions) {
    super(`${setting}: ${message}`, options);
    this.name = 'StackConfigError';
    this.setting = setting;
  }
}

/** A Lambda artifact the stack packages is missing: the apps were not built. */
export class MissingArtifactError extends Error {
  constructor(path: string) {
    super(`${path} does not exist: build the apps first (npm run build, or turbo run synth which builds them)`);
    this.name = 'MissingArtifactError';
  }
}
