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
 * (the lazily loaded "stage" chunk), the network library ("session") and the session's screens
 * ("sessionScreens") are on the critical path. A tiny inline script asks the browser to fetch and
 * compile those chunks in parallel with the main bundle, for such tabs only: a first visit to the
 * Home screen still loads nothing but the light first screen.
 */
function preloadStageOnReturn(): Plugin {
  return {
    name: 'peace-table:preload-stage-on-return',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const wanted = ['stage', 'session', 'sessionScreens'];
        const chunks = Object.values(ctx.bundle ?? {}).filter(
          (item) => item.type === 'chunk' && wanted.includes(item.name),
        );
        if (chunks.length === 0) return [];
        const hrefs = JSON.stringify(chunks.map((chunk) => `/${chunk.fileName}`));
        const key = JSON.stringify(CURRENT_KEY);
        return [
          {
            tag: 'script',
            injectTo: 'head-prepend',
            children: `try{if(sessionStorage.getItem(${key})){${hrefs}.forEach(function(h){var l=document.createElement('link');l.rel='modulepreload';l.href=h;document.head.appendChild(l)})}}catch(e){}`,
          },
        ];
      },
    },
  };
}

const PHASER_SRC = fileURLToPath(new URL('../node_modules/phaser/src/', import.meta.url));

/**
 * Phaser's sources test build flags with `if (typeof WEBGL_RENDERER)`, which its own webpack build
 * replaces whole (DefinePlugin). Left alone, every such test is a non-empty string, so every
 * optional part would load (the WebGL debugger, Facebook Instant Games, sound). This sets them as
 * Phaser's release build does, and points its `global.Phaser` at globalThis.
 */
function phaserBuildFlags(): Plugin {
  const flags: Record<string, boolean> = {
    WEBGL_RENDERER: true,
    CANVAS_RENDERER: true,
    WEBGL_DEBUG: false,
    FEATURE_SOUND: false,
    PLUGIN_CAMERA3D: false,
    PLUGIN_FBINSTANT: false,
  };
  return {
    name: 'peace-table:phaser-build-flags',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC)) return null;
      let out = code.replace(
        /typeof (WEBGL_RENDERER|CANVAS_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_CAMERA3D|PLUGIN_FBINSTANT)\b/g,
        (_m, flag: string) => String(flags[flag]),
      );
      out = out.replace(/\bglobal\.Phaser\b/g, 'globalThis.Phaser');
      return out === code ? null : { code: out, map: null };
    },
  };
}

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preloadStageOnReturn(), phaserBuildFlags()],
  // The production build ships a trimmed Phaser (src/vendor/phaserTrimmed.cjs); the dev server
  // keeps the full prebuilt one, so hot reload never waits on Phaser's sources.
  resolve:
    command === 'build'
      ? {
          alias: [
            {
              find: /^phaser$/,
              replacement: fileURLToPath(new URL('./src/vendor/phaserTrimmed.cjs', import.meta.url)),
            },
            { find: /^phaser-src\//, replacement: PHASER_SRC },
          ],
        }
      : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Phaser (the lazily loaded stage chunk) is ~0.8 MB minified even trimmed; the initial bundle is
    // measured by `npm run build` and `npm run bench:client` against its 500 KB gzipped budget.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': gameServer, '/content/map': gameServer },
  },
}));
