/**
 * @module A wiki whose page writes keep the render of each page they change (`current-render.ts`), for whichever app
 * holds it, so that the page's next view, in whichever cold container, finds its render and loads no markdown-it.
 * Every write path of both apps (browser saves, reverts, renames, the REST API, MCP tools) goes through the wiki an
 * app holds, so wrapping it once covers them all. Reads pass through; the renderer is imported on the first write.
 */
import type { WikiApi } from '@wikibot/wiki-core';

type Results = { [Name in keyof WikiApi]: Awaited<ReturnType<WikiApi[Name]>> };

/** The pages whose text each kind of write changes, from its result. */
const CHANGED: { [Name in keyof WikiApi]?: (result: Results[Name]) => readonly string[] } = {
  writePage: (result) => (result.changed ? [result.path] : []),
  editPage: (result) => (result.changed ? [result.path] : []),
  renamePage: (result) => [result.newPath, ...result.rewritten],
};

/**
 * `wiki`, whose writes keep renders in `dataDir` before they answer. A write has happened once its promise resolves:
 * a render that fails then is given to `onError`, never to the writer.
 */
export function keepingRenders(wiki: WikiApi, dataDir: string, onError: (error: unknown) => void): WikiApi {
  const keep = async (paths: readonly string[]): Promise<void> => {
    try {
      // The package's entry, as the apps import the renderer: one chunk for both (a first render reads no more files).
      const { keepCurrentRender } = await import('./index.js');
      for (const path of paths) await keepCurrentRender(wiki, path, dataDir);
    } catch (error) {
      onError(error);
    }
  };
  return new Proxy(wiki, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const changed = CHANGED[name as keyof WikiApi] as ((result: unknown) => readonly string[]) | undefined;
      // Bound to the wiki itself: its methods may use private fields, which a proxy does not have.
      if (!changed) return value.bind(target);
      return async (...args: unknown[]) => {
        const result = (await value.apply(target, args)) as unknown;
        await keep(changed(result));
        return result;
      };
    },
  });
}
