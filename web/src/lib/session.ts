// The browser's session with the API: the CSRF header for writes, and word that the API wants a
// sign-in (a 401), which the layout turns into the sign-in prompt.

export const signedOutEvent = 'milepost:signed-out';

// Through globalThis (the window in a browser), so this module also loads in Node for tests.
const browser = globalThis as {
  dispatchEvent?: (event: Event) => boolean;
  document?: { cookie: string };
};

/** Tells the page that the API answered 401 (no or expired session). */
export function announceSignedOut(): void {
  browser.dispatchEvent?.(new Event(signedOutEvent));
}

/** X-CSRF-Token from the session's readable cookie, for non-GET requests made with the cookie. */
export function csrfHeaders(
  cookies: string = browser.document?.cookie ?? '',
): Record<string, string> {
  const match = /(?:^|;\s*)milepost_csrf=([^;]+)/.exec(cookies);
  return match?.[1] ? { 'X-CSRF-Token': decodeURIComponent(match[1]) } : {};
}

/** Ends the session (the server clears its cookies), then shows the sign-in prompt. */
export async function signOut(fetchFn: typeof fetch = fetch): Promise<void> {
  await fetchFn('/api/auth/signout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: csrfHeaders(),
  });
  announceSignedOut();
}
