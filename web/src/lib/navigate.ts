// Filters and selections live in the URL: controls replace the query string of the current page
// (no history entry per click, focus and scroll kept), and pages derive their state from it.
import { goto } from '$app/navigation';
import { page } from '$app/state';

export function replaceQuery(params: URLSearchParams): void {
  const query = params.toString();
  // Only the query string changes; the path is the page's own, which resolve() cannot express.
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  void goto(`${page.url.pathname}${query ? `?${query}` : ''}`, {
    replaceState: true,
    keepFocus: true,
    noScroll: true,
  });
}

/** Sets (or, with an empty value, removes) some keys of the current query. */
export function patchQuery(patch: Record<string, string | undefined>): void {
  const next = new URLSearchParams(page.url.searchParams);
  for (const [key, value] of Object.entries(patch)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  replaceQuery(next);
}
