// A copy of URL parameters with some set and some removed (empty or undefined removes a key).
export type ParamPatch = Readonly<Record<string, string | number | undefined>>;

export function patchParams(params: URLSearchParams, patch: ParamPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    const text = value === undefined ? '' : String(value).trim();
    if (text) next.set(key, text);
    else next.delete(key);
  }
  return next;
}
