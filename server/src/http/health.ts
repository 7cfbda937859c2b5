/** GET /health: a cheap liveness probe for people and scripts (CI, a facilitator's laptop check). */

import { GAME_NAME, PROTOCOL_VERSION } from '@peace-table/shared';
import type { Application } from 'express';
import type { PackageInfo } from '../config.ts';

export interface Health {
  status: 'ok';
  name: string;
  version: string;
  protocol: number;
  uptimeSeconds: number;
  node: string;
}

export function mountHealth(app: Application, pkg: PackageInfo): void {
  app.get('/health', (_req, res) => {
    const body: Health = {
      status: 'ok',
      name: GAME_NAME,
      version: pkg.version,
      protocol: PROTOCOL_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      node: process.versions.node,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
}
