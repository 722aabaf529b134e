/**
 * The path and query of a request target, without `new URL(target, base)`: a target such as `//`
 * or `//host/x` is read by URL as another host (or is invalid), but on the wire it is a path.
 */
export function splitTarget(target: string | undefined): { path: string; query: URLSearchParams } {
  const raw = target ?? '/';
  const mark = raw.indexOf('?');
  return {
    path: mark >= 0 ? raw.slice(0, mark) : raw,
    query: new URLSearchParams(mark >= 0 ? raw.slice(mark + 1) : ''),
  };
}
