declare module '@wikibot/tooling/bundle-lambda' {
  /** Bundles `entry` as the Lambda build does and writes the zip; returns the artifact's facts. */
  export function bundleLambda(options: {
    entry: string;
    outdir?: string;
    name?: string;
    cwd?: string;
  }): Promise<{ files: string[]; handler: string }>;
}
