/**
 * Browser entry. Builds the controller (network, seat keys), mounts the HTML shell and its
 * screens, and feeds the lazily loaded Phaser stage. If this tab was in a session before a
 * reload, it rejoins the same seat at once and says so on the status line.
 */
import { createController } from './app/controller.ts';
import { initialLocale } from './i18n/i18n.ts';
import { createApi, httpBase } from './net/api.ts';
import { codeFromLocation } from './net/joinCode.ts';
import { createSeatStore } from './net/seatStore.ts';
import { devServerPort, serverUrl } from './net/serverUrl.ts';
import type { StageFeed } from './scenes/stage.ts';
import type { ScreenId } from './state/app.ts';
import { createStore } from './state/store.ts';
import { loadMapLayers } from './ui/mapLayers.ts';
import type { ScreenFactory } from './ui/screen.ts';
import { briefingScreen } from './ui/screens/briefing.ts';
import { consoleScreen } from './ui/screens/console.ts';
import { debriefScreen } from './ui/screens/debrief.ts';
import { gameScreen } from './ui/screens/game.ts';
import { homeScreen } from './ui/screens/home.ts';
import { connectingScreen, lobbyScreen } from './ui/screens/lobby.ts';
import { projectorScreen } from './ui/screens/projector.ts';
import { mountShell } from './ui/shell.ts';
import { createStageHost } from './ui/stageHost.ts';

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}

const wsUrl = serverUrl(window.location, {
  override: import.meta.env.VITE_SERVER_URL,
  devServerPort: devServerPort(import.meta.env.DEV, import.meta.env.VITE_SERVER_PORT),
});
// In dev the page and the game server are on different ports; Vite proxies /api and /content, so
// HTTP calls stay same-origin unless an explicit server URL points elsewhere.
const api = createApi(import.meta.env.VITE_SERVER_URL ? httpBase(wsUrl) : '');
const local = storage('localStorage');
const seats = createSeatStore(local, storage('sessionStorage'));
const controller = createController({
  api,
  seats,
  wsUrl,
  locale: initialLocale(local, navigator.languages ?? [navigator.language]),
  storage: local,
});

const feed = createStore<StageFeed>({ state: controller.store.get(), t: controller.translator().t, layers: null });
controller.store.subscribe((state) => {
  feed.set({ ...feed.get(), state, t: controller.translator().t });
  const pub = state.scenario;
  if (pub && !feed.get().layers) {
    void loadMapLayers(api, pub.meta.id, pub.map).then(
      (layers) => feed.set({ ...feed.get(), layers }),
      () => undefined, // the text view says the map is unavailable; the table still works
    );
  }
});

const screens: Record<ScreenId, ScreenFactory> = {
  home: homeScreen,
  connecting: connectingScreen,
  lobby: lobbyScreen,
  briefing: briefingScreen,
  game: gameScreen,
  console: consoleScreen,
  debrief: debriefScreen,
  projector: projectorScreen,
};

const root = document.getElementById('app');
if (!root) throw new Error('index.html lacks #app');
const stage = createStageHost(feed);
// Phaser is needed as soon as a session is joined: fetch it while the connection is made, or,
// on the Home screen, once the browser is idle (players usually start a game from there).
controller.store.subscribe((state) => {
  if (state.seat) stage.preload();
});

// Back into the seat this tab held before a reload, or the one this browser holds for ?join=CODE.
// Started before the shell mounts, so a returning player goes straight to "connecting" instead
// of building (and fetching data for) the Home screen first.
const code = codeFromLocation(window.location.search);
const previous = seats.current() ?? (code ? seats.get(code) : null);
if (previous) void controller.rejoin(previous).catch(() => undefined);
mountShell(root, controller, screens, stage);
if ('requestIdleCallback' in window) window.requestIdleCallback(() => stage.preload(), { timeout: 5000 });
