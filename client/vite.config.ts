/**
 * Vite builds the browser client into client/dist, which the game server serves at /.
 * `npm run dev` runs this dev server with HMR next to the game server (see scripts/dev.mjs); it
 * forwards the server's HTTP routes (/api, the map files under /content/map) so the page can use
 * same-origin URLs in both setups.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CURRENT_KEY } from './src/net/seatStore.ts';

const gameServer = `http://localhost:${process.env.VITE_SERVER_PORT ?? 2567}`;

/**
 * A player who reloads a tab that was in a session goes straight back to the table, so Phaser
 * (the lazily loaded "stage" chunk) is on the critical path. A tiny inline script asks the browser
 * to fetch and compile that chunk in parallel with the main bundle, for such tabs only: a first
 * visit to the Home screen still loads nothing but the light initial bundle.
 */
function preloadStageOnReturn(): Plugin {
  return {
    name: 'peace-table:preload-stage-on-return',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const stage = Object.values(ctx.bundle ?? {}).find((item) => item.type === 'chunk' && item.name === 'stage');
        if (!stage) return [];
        const href = JSON.stringify(`/${stage.fileName}`);
        const key = JSON.stringify(CURRENT_KEY);
        return [
          {
            tag: 'script',
            injectTo: 'head-prepend',
            children: `try{if(sessionStorage.getItem(${key})){var l=document.createElement('link');l.rel='modulepreload';l.href=${href};document.head.appendChild(l)}}catch(e){}`,
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preloadStageOnReturn()],
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
