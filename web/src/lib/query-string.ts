// Builds "?a=1&b=x,y" from a plain object. Lists become comma lists (the API's format); empty values
// are left out so an unset filter never reaches the server as "".

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export function toQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const text = queryText(value);
    if (text !== undefined) search.set(key, text);
  }
  const query = search.toString();
  return query === '' ? '' : `?${query}`;
}

function queryText(value: QueryValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => v.trim()).filter((v) => v !== '');
    return items.length === 0 ? undefined : items.join(',');
  }
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
