/**
 * /api/*: JSON endpoints. None exist yet; an unknown one answers 404 JSON so scripts get a clear
 * error instead of the client's HTML from the SPA fallback. Mounted before the client routes.
 */
import type { Application } from 'express';

export function mountApi(app: Application): void {
  app.use('/api', (req, res) => {
    res.status(404).json({ error: 'not found', path: req.originalUrl.split('?')[0] });
  });
}
