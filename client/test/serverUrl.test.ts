import { describe, expect, it } from 'vitest';
import { devServerPort, serverUrl } from '../src/net/serverUrl.ts';

const page = (href: string) => {
  const url = new URL(href);
  return { protocol: url.protocol, host: url.host, hostname: url.hostname };
};

describe('serverUrl', () => {
  it('uses the page origin in production, port included', () => {
    expect(serverUrl(page('http://localhost:2567/'))).toBe('ws://localhost:2567');
    expect(serverUrl(page('http://192.168.1.20:3001/some/page'))).toBe('ws://192.168.1.20:3001');
  });

  it('switches to wss behind HTTPS', () => {
    expect(serverUrl(page('https://peace.example.org/'))).toBe('wss://peace.example.org');
  });

  it('targets the game server port on the same host during npm run dev', () => {
    expect(serverUrl(page('http://localhost:5173/'), { devServerPort: 2567 })).toBe('ws://localhost:2567');
    expect(serverUrl(page('http://10.0.0.5:5173/'), { devServerPort: 3000 })).toBe('ws://10.0.0.5:3000');
  });

  it('lets an explicit VITE_SERVER_URL win, without a trailing slash', () => {
    expect(
      serverUrl(page('http://localhost:5173/'), { override: 'wss://game.example.org/', devServerPort: 2567 }),
    ).toBe('wss://game.example.org');
    expect(serverUrl(page('http://localhost:2567/'), { override: '  ' })).toBe('ws://localhost:2567');
  });
});

describe('devServerPort', () => {
  it('is only set in dev, defaulting to 2567', () => {
    expect(devServerPort(false, '3000')).toBeUndefined();
    expect(devServerPort(true, undefined)).toBe(2567);
    expect(devServerPort(true, '3000')).toBe(3000);
    expect(devServerPort(true, 'nonsense')).toBe(2567);
  });
});
