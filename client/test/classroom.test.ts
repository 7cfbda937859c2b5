/**
 * What a class needs from the client's plain code: links that open the session they name, the
 * students' address on the console, the clock's formats, the QR code, and toasts that tell the
 * truth when an event ends the talks.
 */
import { decodeQR } from 'qr/decode.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLOCK_FORMATS,
  formatDuration,
  formatOf,
  parseDuration,
  roundSeconds,
  talksSeconds,
} from '../src/model/clock.ts';
import { noticesBetween } from '../src/model/notices.ts';
import { joinUrl, linkFromLocation, projectorRequested, watchUrl } from '../src/net/joinCode.ts';
import { isLoopbackHost, studentBases } from '../src/net/roomLink.ts';
import { createSeatStore, seatOnLoad } from '../src/net/seatStore.ts';
import { qrPath } from '../src/ui/qrCode.ts';
import { en, endingWorld, play, TO_TABLING, uk, view, type World } from './fixtures.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('session links', () => {
  it('reads ?join and ?watch codes, the projector link without a code, and builds both links', () => {
    expect(linkFromLocation('?join=k7q-x2m')).toEqual({ code: 'K7QX2M', role: 'delegate' });
    expect(linkFromLocation('?watch=K7QX2M')).toEqual({ code: 'K7QX2M', role: 'spectator' });
    expect(linkFromLocation('?join=nope')).toBeNull();
    expect(projectorRequested('?watch')).toBe(true);
    expect(projectorRequested('?join=K7QX2M')).toBe(false);
    expect(joinUrl('https://game.example.org/peace/', 'k7q x2m')).toBe('https://game.example.org/peace/?join=K7QX2M');
    expect(watchUrl('http://localhost:2567', 'K7QX2M')).toBe('http://localhost:2567/?watch=K7QX2M');
  });

  it('a join link opens the session it names, never another session this tab held', () => {
    const seats = createSeatStore(memoryStorage(), memoryStorage());
    const old = seats.save({ code: 'AAAAAA', role: 'delegate', delegation: 'russia', seatKey: 'k'.repeat(20) });
    seats.setCurrent('AAAAAA');
    // No link: the reload rejoins the tab's session.
    expect(seatOnLoad(seats, null)).toEqual({ resume: old, watch: null });
    // A link to another session: the join form, not the old debrief.
    expect(seatOnLoad(seats, { code: 'BBBBBB', role: 'delegate' })).toEqual({ resume: null, watch: null });
    // ... unless this browser already holds a seat there.
    const held = seats.save({ code: 'BBBBBB', role: 'delegate', delegation: 'us', seatKey: 'b'.repeat(20) });
    expect(seatOnLoad(seats, { code: 'BBBBBB', role: 'delegate' })).toEqual({ resume: held, watch: null });
    // The link of the tab's own session rejoins it.
    expect(seatOnLoad(seats, { code: 'AAAAAA', role: 'delegate' })).toEqual({ resume: old, watch: null });
    // A projector link watches its session; the tab's delegate seat there is not reused as a spectator.
    expect(seatOnLoad(seats, { code: 'AAAAAA', role: 'spectator' })).toEqual({ resume: null, watch: 'AAAAAA' });
    const watching = seats.save({ code: 'CCCCCC', role: 'spectator' });
    seats.setCurrent('CCCCCC');
    expect(seatOnLoad(seats, { code: 'CCCCCC', role: 'spectator' })).toEqual({ resume: watching, watch: null });
  });
});

describe("the students' address", () => {
  const info = {
    publicUrl: null,
    addresses: [
      { url: 'http://192.168.1.23:2567/', name: 'wlan0' },
      { url: 'http://172.17.0.1:2567/', name: 'docker0' },
    ],
  };

  it('knows which host names only reach the machine they are typed on', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'app.localhost']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['192.168.1.23', 'game.example.org', '10.0.0.5']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('uses the network address on a console opened at localhost, and says when there is none', () => {
    const local = { origin: 'http://localhost:2567', hostname: 'localhost' };
    expect(studentBases(local, info)).toEqual({ bases: info.addresses, reachable: true });
    expect(studentBases(local, { publicUrl: null, addresses: [] })).toEqual({
      bases: [{ url: 'http://localhost:2567/', name: 'localhost' }],
      reachable: false,
    });
    // Before the server has answered, the page's own address stands in, marked unreachable.
    expect(studentBases(local, null).reachable).toBe(false);
  });

  it('keeps the address the teacher opened, and PUBLIC_URL wins behind a proxy', () => {
    const lan = { origin: 'http://192.168.1.23:2567', hostname: '192.168.1.23' };
    expect(studentBases(lan, info).bases.map((b) => b.url)).toEqual([
      'http://192.168.1.23:2567/',
      'http://172.17.0.1:2567/',
    ]);
    const proxied = { publicUrl: 'https://game.example.org/', addresses: [] };
    expect(studentBases(lan, proxied)).toEqual({
      bases: [{ url: 'https://game.example.org/', name: 'PUBLIC_URL' }],
      reachable: true,
    });
  });
});

describe('the QR code of the join link', () => {
  it('decodes back to the link', () => {
    const url = 'http://192.168.1.23:2567/?join=K7QX2M';
    const { size, d } = qrPath(url);
    // Paint the path's runs ("M x y h n v1 h-n z") into a grey image, 8 pixels a module.
    const scale = 8;
    const px = size * scale;
    const data = new Uint8Array(px * px * 3).fill(255);
    for (const [, x, y, n] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < Number(n) * scale; dx++) {
          const i = ((Number(y) * scale + dy) * px + Number(x) * scale + dx) * 3;
          data.fill(0, i, i + 3);
        }
      }
    }
    expect(decodeQR({ width: px, height: px, data })).toBe(url);
  });
});

describe("the clock's formats", () => {
  it('reads and writes minutes:seconds', () => {
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3600)).toBe('60:00');
    expect(parseDuration('1:30')).toBe(90);
    expect(parseDuration(' 1.5 ')).toBe(90);
    expect(parseDuration('2,5')).toBe(150);
    expect(parseDuration('1:75')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
  });

  it('fit their classes: the clock leaves time for the debrief, and each format is recognised', () => {
    for (const format of CLOCK_FORMATS) {
      expect(talksSeconds(format.seconds, 10) / 60, format.id).toBeLessThan(format.minutes * 0.85);
      expect(formatOf(format.seconds)).toBe(format.id);
    }
    expect(roundSeconds(CLOCK_FORMATS[0]?.seconds ?? ({} as never))).toBe(150);
    expect(formatOf({ briefing: 1, opening: 1, talks: 1, tabling: 1, responses: 1, signing: 1 })).toBeNull();
  });
});

describe('toasts when an event ends the talks', () => {
  let w: World;
  beforeAll(async () => {
    w = await endingWorld();
  });

  it('say the talks are over, and never that the session continues', () => {
    const talks = play(w, TO_TABLING.slice(0, -4));
    const paused = play(w, [...TO_TABLING.slice(0, -4), { type: 'facilitator.pause', actor: 'facilitator' }]);
    const ended = play(w, [
      ...TO_TABLING.slice(0, -4),
      { type: 'facilitator.pause', actor: 'facilitator' },
      { type: 'facilitator.inject', actor: 'facilitator', event: 'breakthrough-pokrovsk' },
    ]);
    expect(ended.context.phase).toBe('concluded');
    const before = view(w, paused, 'facilitator');
    const after = view(w, ended, 'facilitator');
    // Force the case seen in class: the view after the end no longer says paused.
    const unpaused = { ...after, paused: false };
    for (const tr of [en, uk]) {
      const texts = noticesBetween(w.pub, before, unpaused, tr).map((n) => n.text);
      expect(texts).not.toContain(tr.t('notice.resumed'));
      expect(texts).toContain(tr.t('notice.eventEnds', { title: w.pub.events[1]?.title[tr.locale] ?? '' }));
    }
    // An event that does not end the talks is plain news.
    const news = play(w, [
      ...TO_TABLING.slice(0, -4),
      { type: 'facilitator.inject', actor: 'facilitator', event: 'grid-strikes' },
    ]);
    expect(
      noticesBetween(w.pub, view(w, talks, 'facilitator'), view(w, news, 'facilitator'), en).map((n) => n.text),
    ).toContain('News: Strikes on the power grid');
  });

  it('name every event of a month in one notice, so none is pushed out by the others', () => {
    const before = view(w, play(w, TO_TABLING.slice(0, -4)), 'ukraine');
    const fired = w.pub.events.map((e) => ({ id: e.id, round: 1, month: 1, by: 'draw' as const }));
    const after = { ...before, fired: [...before.fired, ...fired] };
    const notices = noticesBetween(w.pub, before, after, en).filter((n) => n.id.startsWith('event:'));
    expect(notices).toHaveLength(1);
    for (const e of w.pub.events) expect(notices[0]?.text).toContain(e.title.en);
    // The one that ends the talks comes first and says so.
    const ending = w.pub.events.find((e) => e.ends);
    if (ending) expect(notices[0]?.text.startsWith(en.t('notice.eventEnds', { title: ending.title.en }))).toBe(true);
  });
});
