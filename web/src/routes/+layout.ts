// A static single-page app: everything renders in the browser against the same-origin API.
export const ssr = false;
export const prerender = false;
