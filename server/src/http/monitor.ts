/**
 * /monitor: the Colyseus monitor (rooms, clients, and remote calls into rooms), for the person
 * running the server. It can inspect and act on every session, so it exists only when
 * ADMIN_PASSWORD is set, behind HTTP basic auth (user "admin"); otherwise /monitor is a 404.
 */
import { timingSafeEqual } from 'node:crypto';
import { monitor } from '@colyseus/monitor';
import type { Application, NextFunction, Request, Response } from 'express';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function basicAuth(password: string) {
  const expected = `admin:${password}`;
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    if (same(given, expected)) return next();
    res.set('WWW-Authenticate', 'Basic realm="Peace Table monitor", charset="UTF-8"');
    res.status(401).json({ error: 'the monitor needs the admin password' });
  };
}

export function mountMonitor(app: Application, adminPassword: string | undefined): void {
  if (!adminPassword) {
    app.use('/monitor', (_req, res) => {
      res.status(404).json({ error: 'the monitor is off: start the server with ADMIN_PASSWORD to enable it' });
    });
    return;
  }
  app.use('/monitor', basicAuth(adminPassword), monitor() as never);
}
