declare module '@wikibot/tooling/bundle-lambda' {
  /** Zips [name, bytes] pairs with sorted names and fixed metadata. */
  export function deterministicZip(entries: Iterable<[string, Buffer]>): Promise<Buffer>;
}
