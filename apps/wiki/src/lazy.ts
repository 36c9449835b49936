/**
 * @module Values made on first use and then shared: the app's collaborators that only some requests need.
 */

/** Calls `make` once, on first use, and shares its promise; a failure is forgotten so the next call retries. */
export function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make();
    value.catch(() => {
      value = undefined; // retry a failed secret read or import on the next request
    });
    return value;
  };
}
