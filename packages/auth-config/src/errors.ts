/**
 * @module Configuration errors. They name the setting at fault and what to set instead; no HTTP here.
 */

/** A setting is missing or has a value wikibot refuses to run with. */
export class ConfigError extends Error {
  /** The environment variable (or config key) at fault. */
  readonly setting: string;

  constructor(setting: string, message: string, options?: ErrorOptions) {
    super(`${setting}: ${message}`, options);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}
