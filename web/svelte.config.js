import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Paths here are relative to web/ (vite.config.ts switches into it before SvelteKit loads).
/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: the Hono server serves build/ and answers unknown non-API paths with index.html.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    alias: {
      // The web layer imports only TYPES from api/ (see /api/types.ts).
      $api: '../api',
    },
  },
};

export default config;
