/**
 * `npm start` tells the teacher where students connect: the server, started as `npm start` starts
 * it, prints every non-loopback IPv4 address of this machine with its port, and the projector's
 * link. The printed addresses are read and compared, never connected to (only loopback is).
 */
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startGameServer } from '../scripts/lib/gameServer.mjs';
import { networkAddresses } from '../server/src/net/roomAddress.ts';

describe('npm start', () => {
  it('prints every address students can use and the projector link; PUBLIC_URL replaces them', async () => {
    for (const env of [{}, { PUBLIC_URL: 'https://game.example.org/peace' }]) {
      const server = await startGameServer(env);
      try {
        // /health answered, and the banner comes once the sessions are restored: wait for its last line.
        const started = Date.now();
        while (!server.output().includes('Projector:') && Date.now() - started < 10_000) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const out = server.output();
        expect(out).toContain(`On this computer:   http://localhost:${server.port}/`);
        const printed = [...out.matchAll(/^ {2}(?:Students open:)? +(https?:\/\/\S+) +\(/gm)].map((m) => m[1]);
        if ('PUBLIC_URL' in env) {
          expect(printed).toEqual(['https://game.example.org/peace/']);
          expect(out).toContain('Projector:          https://game.example.org/peace/?watch');
        } else {
          const expected = networkAddresses(server.port, networkInterfaces()).map((a) => a.url);
          expect(printed).toEqual(expected);
          for (const url of printed) expect(new URL(url ?? '').hostname).not.toMatch(/^127\./);
          if (expected.length === 0) expect(out).toContain('no network address yet');
          expect(out).toContain(`Projector:          http://localhost:${server.port}/?watch`);
        }
        // The same addresses are what the console asks for.
        const api = (await (await fetch(`${server.url}/api/room-address`)).json()) as {
          publicUrl: string | null;
          addresses: { url: string }[];
        };
        expect(api.publicUrl ?? api.addresses.map((a) => a.url)).toEqual(
          'PUBLIC_URL' in env ? 'https://game.example.org/peace/' : printed,
        );
      } finally {
        await server.stop();
      }
    }
  }, 120_000);
});
