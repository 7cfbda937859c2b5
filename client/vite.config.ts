/**
 * Vite builds the browser client into client/dist, which the game server serves at /.
 * `npm run dev` runs this dev server with HMR next to the game server (see scripts/dev.mjs).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Phaser alone is ~1.2 MB minified; one warning threshold above it keeps real regressions visible.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1600, sourcemap: true },
  server: { port: Number(process.env.VITE_PORT ?? 5173), strictPort: true },
});
