/**
 * Vite builds the browser client into client/dist, which the game server serves at /.
 * `npm run dev` runs this dev server with HMR next to the game server (see scripts/dev.mjs); it
 * forwards the server's HTTP routes (/api, the map files under /content/map) so the page can use
 * same-origin URLs in both setups.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const gameServer = `http://localhost:${process.env.VITE_SERVER_PORT ?? 2567}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Phaser (the lazily loaded stage chunk) is ~1.4 MB minified on its own; the initial bundle is
    // measured by `npm run build` and `npm run bench:client` against its 500 KB gzipped budget.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': gameServer, '/content/map': gameServer },
  },
});
