import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The SvelteKit project lives in web/, but the root scripts run `vite --config web/vite.config.ts` from
// the repository root. SvelteKit resolves svelte.config.js, src/, .svelte-kit/ and the adapter's output
// against process.cwd() as its plugin module is first evaluated, so move into web/ before importing it
// (a static import would be evaluated before this line runs). SvelteKit re-reads this file inside worker
// threads, which may not chdir but already share the process's working directory.
const webDir = path.dirname(fileURLToPath(import.meta.url));
if (path.resolve(process.cwd()) !== webDir) process.chdir(webDir);
const { sveltekit } = await import('@sveltejs/kit/vite');

/** Where `npm run dev:web` sends /api: the Hono server started with `milepost serve`. */
const apiTarget = process.env.MILEPOST_API_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    // ECharts is one large chunk by nature; keep the warning for anything bigger than it.
    chunkSizeWarningLimit: 700,
    // Rolldown's plugin-timing report is noise in `npm start` output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
