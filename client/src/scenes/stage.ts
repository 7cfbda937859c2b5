/**
 * The Phaser game behind the table and the map (loaded lazily: see ui/stageHost.ts).
 *
 * Sharpness: the Scale Manager runs in NONE mode with a zoom of 1/devicePixelRatio, and this module
 * resizes the game to its box × devicePixelRatio whenever the box changes. The canvas therefore
 * has one pixel per physical screen pixel from a 1366×768 laptop to a 4K projector, and each
 * scene's camera scales its design space to its viewport (scenes/layout.ts).
 */
import * as Phaser from 'phaser';
import type { Translator } from '../i18n/i18n.ts';
import type { MapLayers } from '../map/mapData.ts';
import type { AppState } from '../state/app.ts';
import type { Store } from '../state/store.ts';
import { type StageLayout, viewports } from './layout.ts';
import { MapScene } from './MapScene.ts';
import { UI } from './palette.ts';
import { preferredRenderer } from './renderer.ts';
import { TableScene } from './TableScene.ts';

export type { StageLayout };

/** How long the loop keeps running after a change of the game: the longest animation (the banner). */
const ANIMATION_MS = 9000;
/** ... and after the last pointer, wheel or key input (panning and zooming the map). */
const INTERACTION_MS = 1500;

/** Everything the scenes draw from; updated by main.ts whenever the app state changes. */
export interface StageFeed {
  state: AppState;
  t: Translator['t'];
  layers: MapLayers | null;
}

export interface StageControl {
  setLayout(layout: StageLayout): void;
  refresh(): void;
}

export function startStage(parent: HTMLElement, feed: Store<StageFeed>): StageControl {
  const table = new TableScene(feed);
  const map = new MapScene(feed);
  let layout: StageLayout = 'table';
  const dpr = () => Math.min(3, Math.max(1, window.devicePixelRatio || 1));
  const size = () => ({ width: Math.max(1, parent.clientWidth), height: Math.max(1, parent.clientHeight) });

  const game = new Phaser.Game({
    type: preferredRenderer() === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    backgroundColor: UI.background,
    banner: false,
    scale: { mode: Phaser.Scale.NONE, width: size().width * dpr(), height: size().height * dpr(), zoom: 1 / dpr() },
    render: { antialias: true },
    // The game makes no sound. Without this Phaser creates a Web Audio context while booting, which
    // took ~0.4 s of the first render in headless Chromium (no audio device) and is wasted anywhere.
    audio: { noAudio: true },
    scene: [table, map],
  });

  const canvasLabel = () => {
    const { t } = feed.get();
    return layout === 'map'
      ? t('stage.mapCanvas')
      : layout === 'split'
        ? t('stage.splitCanvas')
        : t('stage.tableCanvas');
  };

  const apply = () => {
    const { width, height } = size();
    const ratio = dpr();
    const w = Math.round(width * ratio);
    const h = Math.round(height * ratio);
    if (game.scale.width !== w || game.scale.height !== h) game.scale.resize(w, h);
    game.scale.setZoom(1 / ratio);
    const rects = viewports(layout, w, h);
    table.place(rects.table);
    map.place(rects.map);
    const canvas = game.canvas;
    if (canvas) {
      // The canvas is keyboard-focusable (map pan/zoom keys) and named; its content is in the text view.
      canvas.setAttribute('tabindex', layout === 'table' ? '-1' : '0');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', canvasLabel());
    }
  };

  // Render on demand: the table and the map are still most of the time, and a classroom laptop
  // (or a software-rendered browser) should not redraw an unchanged canvas 60 times a second.
  // Any change of the game, any pointer, wheel or key on the canvas and any resize wakes the loop
  // for long enough to finish its animations (the event banner stays up longest); then it sleeps.
  let sleepTimer: ReturnType<typeof setTimeout> | undefined;
  const poke = (ms: number) => {
    if (!game.loop.running) game.loop.wake();
    clearTimeout(sleepTimer);
    sleepTimer = setTimeout(() => game.loop.sleep(), ms);
  };
  feed.subscribe(() => poke(ANIMATION_MS));
  for (const type of ['pointerdown', 'pointermove', 'wheel', 'keydown', 'focus'] as const) {
    parent.addEventListener(type, () => poke(INTERACTION_MS), { passive: true, capture: true });
  }

  const observer = new ResizeObserver(() => {
    apply();
    poke(INTERACTION_MS);
  });
  observer.observe(parent);
  // Scenes boot asynchronously: each keeps the last viewport it was given and applies it on create.
  game.events.once(Phaser.Core.Events.READY, () => {
    performance.mark('peace-table:stage-ready');
    apply();
  });
  performance.mark('peace-table:stage-start');

  return {
    setLayout(next) {
      layout = next;
      apply();
      poke(ANIMATION_MS);
    },
    refresh: apply,
  };
}
