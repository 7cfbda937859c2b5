/**
 * Browser entry. Builds the controller (network, seat keys), mounts the HTML shell and its
 * screens, and feeds the lazily loaded Phaser stage. If this tab was in a session before a
 * reload, it rejoins the same seat at once and says so on the status line.
 *
 * The first screen stays light for a slow school link: this module and what it imports statically
 * are Home, "connecting", English and the HTTP API. The session's screens, the network library,
 * the map data, Phaser, the other language, the facilitator guide and the class pages each come in their own chunk
 * when needed (`npm run build` and `npm run bench:client` report the sizes).
 */
import { createController } from './app/controller.ts';
import { type Catalogs, ENGLISH, initialLocale, loadCatalog } from './i18n/i18n.ts';
import { createApi, httpBase } from './net/api.ts';
import { linkFromLocation } from './net/joinCode.ts';
import { createSeatStore, seatOnLoad } from './net/seatStore.ts';
import { devServerPort, serverUrl } from './net/serverUrl.ts';
import type { StageFeed } from './scenes/stage.ts';
import { createStore } from './state/store.ts';
import type { ScreenFactory, ScreenSource } from './ui/screen.ts';
import { connectingScreen } from './ui/screens/connecting.ts';
import { homeScreen } from './ui/screens/home.ts';
import { mountShell } from './ui/shell.ts';
import { createStageHost } from './ui/stageHost.ts';

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html lacks #app');
const local = storage('localStorage');
const locale = initialLocale(local, navigator.languages ?? [navigator.language]);

const params = new URLSearchParams(window.location.search);
const classCode = params.get('class');
if (params.has('guide')) {
  // The facilitator guide, in a tab of its own to read beside the console and to print.
  void import('./ui/guide/guidePage.ts').then((m) => m.showGuide(root, locale));
} else if (classCode) {
  // A class of tables: its console and results sheet for the facilitator, its tables for students.
  void import('./ui/class/classPage.ts').then((m) => m.showClass(root, locale, classCode));
} else {
  // The starting language first (English is built in), so the first screen is not drawn twice.
  void loadCatalog(locale).then(
    (catalog) => start(root, { en: ENGLISH, [locale]: catalog }),
    () => start(root, { en: ENGLISH }),
  );
}

function start(root: HTMLElement, catalogs: Catalogs) {
  const wsUrl = serverUrl(window.location, {
    override: import.meta.env.VITE_SERVER_URL,
    devServerPort: devServerPort(import.meta.env.DEV, import.meta.env.VITE_SERVER_PORT),
  });
  // In dev the page and the game server are on different ports; Vite proxies /api and /content, so
  // HTTP calls stay same-origin unless an explicit server URL points elsewhere.
  const api = createApi(import.meta.env.VITE_SERVER_URL ? httpBase(wsUrl) : '');
  const seats = createSeatStore(local, storage('sessionStorage'));
  const controller = createController({
    api,
    seats,
    wsUrl,
    locale: catalogs[locale] ? locale : 'en',
    storage: local,
    catalogs,
  });

  const feed = createStore<StageFeed>({ state: controller.store.get(), t: controller.translator().t, layers: null });
  let layersRequested = false;
  controller.store.subscribe((state) => {
    // The debrief's replay shows the table and the map as they were at the chosen step.
    const drawn = state.replay ? { ...state, view: state.replay, previousWorld: null } : state;
    feed.set({ ...feed.get(), state: drawn, t: controller.translator().t });
    const pub = state.scenario;
    if (pub && !feed.get().layers && !layersRequested) {
      layersRequested = true;
      void import('./ui/mapLayers.ts')
        .then((m) => m.loadMapLayers(api, pub.meta.id, pub.map))
        .then(
          (layers) => feed.set({ ...feed.get(), layers }),
          () => {
            layersRequested = false; // the text view says the map is unavailable; a later state tries again
          },
        );
    }
  });

  // Home and "connecting" are here; a session's screens load with their chunk (see sessionScreens.ts).
  const loaded: Partial<Record<string, ScreenFactory>> = { home: homeScreen, connecting: connectingScreen };
  let sessionScreens: Promise<void> | null = null;
  const screens: ScreenSource = {
    get: (id) => loaded[id] ?? null,
    load() {
      sessionScreens ??= import('./ui/screens/sessionScreens.ts').then(
        (m) => void Object.assign(loaded, m.SESSION_SCREENS),
        (error: unknown) => {
          sessionScreens = null; // a dropped connection: the next state change tries again
          throw error;
        },
      );
      return sessionScreens;
    },
  };

  const stage = createStageHost(feed);
  // The session's screens and Phaser are needed as soon as a session is joined: fetch them while
  // the connection is made, or, on the Home screen, once the browser is idle (players usually
  // start a game from there).
  controller.store.subscribe((state) => {
    if (!state.seat) return;
    void screens.load().catch(() => undefined);
    stage.preload();
  });

  // Back into the seat this tab held before a reload, or the one this browser holds for ?join=CODE
  // (a link always opens the session it names, never another one this tab was in), or watching the
  // session a projector link names. Started before the shell mounts, so a returning player goes
  // straight to "connecting" instead of building (and fetching data for) the Home screen first.
  const link = linkFromLocation(window.location.search);
  const onLoad = seatOnLoad(seats, link);
  if (link && onLoad.resume?.code !== link.code) seats.setCurrent(null);
  if (onLoad.resume) void controller.rejoin(onLoad.resume).catch(() => undefined);
  else if (onLoad.watch) void controller.watch(onLoad.watch).catch(() => undefined);
  mountShell(root, controller, screens, stage);
  if ('requestIdleCallback' in window) {
    window.requestIdleCallback(
      () => {
        void screens.load().catch(() => undefined);
        stage.preload();
      },
      { timeout: 5000 },
    );
  }
}
