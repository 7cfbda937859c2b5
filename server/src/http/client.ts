/**
 * Serves the built Vite client (client/dist) at / with an SPA fallback: any unknown GET that is
 * not a file request gets index.html, so deep links load the app. Without a build it answers 503
 * with the command that fixes it, checked per request so a build made while running is picked up.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Application } from 'express';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Peace Table: client not built</title></head>
<body><main><h1>The game client is not built yet</h1>
<p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds it for you), then reload this page.</p>
</main></body></html>
`;

export function mountClient(app: Application, distDir: string): void {
  const indexHtml = path.join(distDir, 'index.html');

  app.use(
    express.static(distDir, {
      index: 'index.html',
      setHeaders(res, filePath) {
        // Vite puts a content hash in every asset name, so those never change; index.html does.
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );

  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing /assets/app-1234.js must be a 404, not HTML the browser would try to run.
    if (path.extname(req.path) !== '') return res.status(404).type('text/plain').send('Not found');
    if (!existsSync(indexHtml))
      return res.status(503).type('html').set('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
    res.set('Cache-Control', 'no-cache').sendFile(indexHtml);
  });
}
