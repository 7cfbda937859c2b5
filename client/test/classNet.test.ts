/** The class pages' requests (net/classApi.ts) and the class keys this browser keeps (net/classKeys.ts). */
import { describe, expect, it } from 'vitest';
import { createApi } from '../src/net/api.ts';
import { createClassApi } from '../src/net/classApi.ts';
import { CLASSES_KEY, saveClass, savedClass } from '../src/net/classKeys.ts';
import { classUrl } from '../src/net/joinCode.ts';

function recorder(answer: (url: string) => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetcher = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer(url);
  };
  return { calls, fetcher };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    items,
  };
}

describe('class requests', () => {
  it('opens a class, asks for its overview and results with the key, and sends commands to every table', async () => {
    const { calls, fetcher } = recorder(() => Response.json({ code: 'K7QX2M', facilitatorKey: 'k', tables: [] }));
    const api = createApi('http://host', fetcher);
    await api.createClass({ scenario: 'ukraine-2026', seats: {} as never, tables: 3, studentsChoose: false });
    expect(calls[0]?.url).toBe('http://host/api/classes');
    expect(JSON.parse(String(calls[0]?.init?.body))).toMatchObject({ tables: 3, studentsChoose: false });
    const classes = createClassApi('http://host', fetcher);
    await classes.overview('K7QX2M', 'secret-key-123456');
    await classes.command('K7QX2M', 'secret-key-123456', 'facilitator.pause');
    await classes.results('K7QX2M', 'secret-key-123456');
    expect(calls.slice(1).map((c) => c.url)).toEqual([
      'http://host/api/classes/K7QX2M/overview',
      'http://host/api/classes/K7QX2M/command',
      'http://host/api/classes/K7QX2M/results?format=json',
    ]);
    for (const c of calls.slice(1))
      expect(new Headers(c.init?.headers).get('x-facilitator-key')).toBe('secret-key-123456');
    expect(JSON.parse(String(calls[2]?.init?.body))).toEqual({ command: 'facilitator.pause' });
  });

  it('tells a class code from a table code', async () => {
    const { fetcher } = recorder((url) => new Response('{}', { status: url.endsWith('/CLASS1') ? 200 : 404 }));
    const api = createApi('', fetcher);
    expect(await api.isClass('CLASS1')).toBe(true);
    expect(await api.isClass('TABLE1')).toBe(false);
  });
});

describe('class keys', () => {
  it('keeps a class key by code for a week, never in the class link', () => {
    const storage = memoryStorage();
    saveClass(storage, { code: 'K7QX2M', facilitatorKey: 'secret-key-123456', scenarioId: 'ukraine-2026' }, 1000);
    expect(savedClass(storage, 'K7QX2M', 2000)?.facilitatorKey).toBe('secret-key-123456');
    expect(savedClass(storage, 'K7QX2M', 1000 + 8 * 24 * 3600_000)).toBeNull();
    expect(savedClass(storage, 'OTHER1', 2000)).toBeNull();
    expect(classUrl('http://10.0.0.5:2567/', 'k7q-x2m')).toBe('http://10.0.0.5:2567/?class=K7QX2M');
    storage.setItem(CLASSES_KEY, 'not json');
    expect(savedClass(storage, 'K7QX2M')).toBeNull();
  });
});
