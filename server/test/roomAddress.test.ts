/**
 * Where students reach the server: the machine's network addresses (never loopback), PUBLIC_URL
 * behind a proxy, the lines `npm start` prints, and GET /api/room-address. Addresses are read and
 * checked here, never connected to.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import type { RoomAddressInfo } from '@peace-table/shared/protocol';
import { describe, expect, it } from 'vitest';
import { readPublicUrl, readServerConfig } from '../src/config.ts';
import { networkAddresses, roomAddressInfo, startupBanner } from '../src/net/roomAddress.ts';
import { startTestServer } from './support/testServer.ts';

const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
  docker0: [entry('172.17.0.1', 'IPv4')],
  wlan0: [entry('192.168.1.23', 'IPv4'), entry('fe80::1', 'IPv6')],
  eth1: [entry('169.254.10.2', 'IPv4')],
};

describe('the room address', () => {
  it('lists every non-loopback IPv4 address with the port, real networks before virtual ones', () => {
    expect(networkAddresses(2567, INTERFACES)).toEqual([
      { url: 'http://192.168.1.23:2567/', name: 'wlan0' },
      { url: 'http://172.17.0.1:2567/', name: 'docker0' },
    ]);
    expect(networkAddresses(2567, { lo: INTERFACES.lo })).toEqual([]);
  });

  it('behind a proxy gives PUBLIC_URL alone', () => {
    expect(roomAddressInfo(2567, 'https://game.example.org/', INTERFACES)).toEqual({
      publicUrl: 'https://game.example.org/',
      addresses: [],
    });
  });

  it('prints every address, the projector link, and what to do without a network', () => {
    const banner = startupBanner(2567, roomAddressInfo(2567, undefined, INTERFACES));
    expect(banner).toContain('On this computer:   http://localhost:2567/');
    expect(banner).toMatch(/Students open: +http:\/\/192\.168\.1\.23:2567\/ +\(wlan0\)/);
    expect(banner).toMatch(/^ +http:\/\/172\.17\.0\.1:2567\/ +\(docker0\)$/m);
    expect(banner).toContain('Projector:          http://localhost:2567/?watch');
    expect(startupBanner(2567, { publicUrl: null, addresses: [] })).toContain('no network address yet');
    const proxied = startupBanner(2567, { publicUrl: 'https://game.example.org/', addresses: [] });
    expect(proxied).toContain('Students open:      https://game.example.org/  (PUBLIC_URL)');
    expect(proxied).toContain('Projector:          https://game.example.org/?watch');
  });

  it('reads PUBLIC_URL as a plain http(s) address with one trailing slash, and refuses anything else', () => {
    expect(readPublicUrl(undefined)).toBeUndefined();
    expect(readPublicUrl(' https://game.example.org ')).toBe('https://game.example.org/');
    expect(readPublicUrl('https://school.example/peace//')).toBe('https://school.example/peace/');
    for (const bad of ['game.example.org', 'ftp://x.org/', 'https://x.org/?a=1', 'https://u:p@x.org/']) {
      expect(() => readPublicUrl(bad), bad).toThrow(/PUBLIC_URL must be/);
    }
    expect(readServerConfig({ PUBLIC_URL: 'http://10.0.0.5:8080' }).publicUrl).toBe('http://10.0.0.5:8080/');
  });

  it('GET /api/room-address answers the addresses on the port the server listens on', async () => {
    const { colyseus, baseUrl } = await startTestServer();
    try {
      const response = await fetch(`${baseUrl}/api/room-address`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as RoomAddressInfo;
      const port = Number(new URL(baseUrl).port);
      expect(body.publicUrl).toBeNull();
      expect(body.addresses).toEqual(networkAddresses(port));
      for (const a of body.addresses) expect(new URL(a.url).hostname).not.toMatch(/^127\./);
    } finally {
      await colyseus.shutdown();
    }
  });
});
