/**
 * GET /content/map/<file>: the map layers a scenario's map.yaml names (GeoJSON and JSON, all
 * public data). Only the map folder is served, never scenario YAML (which holds private briefings).
 */
import path from 'node:path';
import express, { type Application } from 'express';
import { CONTENT_ROOT } from '../content/loadScenario.ts';

export function mountContentFiles(app: Application, contentRoot = CONTENT_ROOT): void {
  app.use(
    '/content/map',
    express.static(path.join(contentRoot, 'map'), {
      index: false,
      dotfiles: 'deny',
      setHeaders(res) {
        res.setHeader('Cache-Control', 'public, max-age=3600');
      },
    }),
    (req, res) => {
      res.status(404).json({ error: 'not found', path: req.originalUrl.split('?')[0] });
    },
  );
}
