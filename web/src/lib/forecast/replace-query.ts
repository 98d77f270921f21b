// Replaces the current page's query string (the page's state) without a new history entry.
import { goto } from '$app/navigation';

export function replaceQuery(params: URLSearchParams): void {
  const query = params.toString();
  // Only the query string of the current path changes, which resolve() cannot express.
  // eslint-disable-next-line svelte/no-navigation-without-resolve
  void goto(`${location.pathname}${query ? `?${query}` : ''}`, {
    replaceState: true,
    keepFocus: true,
    noScroll: true,
  });
}
