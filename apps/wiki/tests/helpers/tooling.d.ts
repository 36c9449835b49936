declare module '@wikibot/tooling/bundle-lambda' {
  interface BundleOptions {
    entry: string;
    outdir?: string;
    name?: string;
    cwd?: string;
    /** Global name → module: the bundle reads the name as the module's content key. */
    contentKeys?: Record<string, string>;
  }
  /** Bundles `entry` as the Lambda build does and writes the zip; returns the artifact's facts. */
  export function bundleLambda(options: BundleOptions): Promise<{ files: string[]; handler: string }>;
  /** The hash of the sources `module` reaches when bundled alone. */
  export function contentKey(module: string, cwd: string): Promise<string>;
  /** {@link bundleLambda}'s options from a build script's arguments. */
  export function parseBundleArgs(args: string[]): BundleOptions;
}
