/**
 * @module The environment a Lambda handler is started with when the bench runs it outside the gateway
 * (cold starts, in-process calls): the local environment's settings, the same shape the dev stack gives.
 */

/** Where the handler's world is. */
export interface HandlerWorld {
  /** Public origin the handler believes it serves, e.g. `http://localhost:8787`. */
  readonly origin: string;
  /** The AuthKit (stand-in) issuer. */
  readonly issuer: string;
  /** The wiki's git repository. */
  readonly dataDir: string;
}

/** A literal session secret for local runs only (the handler refuses literals on Lambda). */
const LOCAL_SESSION_SECRET = 'bench-local-session-secret-0123456789abcdef';

/** The environment variables a handler reads at start-up, for a local world that admits everyone. */
export function handlerEnv(world: HandlerWorld): Record<string, string> {
  return {
    WIKIBOT_ENV: 'local',
    PUBLIC_ORIGIN: world.origin,
    AUTHKIT_DOMAIN: world.issuer,
    ACCESS_POLICY: JSON.stringify({ writers: ['*'] }),
    WIKI_DATA_DIR: world.dataDir,
    WIKI_READ_ACCESS: 'public',
    SESSION_SECRET: LOCAL_SESSION_SECRET,
    NODE_ENV: 'production',
  };
}
