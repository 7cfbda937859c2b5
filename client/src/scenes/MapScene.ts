/**
 * The front-line map: oblasts, neighbours, the line of contact and occupied area, front sectors
 * coloured by momentum (with their latest change), key cities and the Zaporizhzhia plant; the
 * draft on the table drawn over it (legal status hatched by option, line of control, DMZ band,
 * monitoring and European force zones); a legend and the data credits. Drag or arrow keys pan,
 * the wheel or +/− zoom. The same information is in the text tables next to the canvas.
 */
import * as Phaser from 'phaser';
import type { Locale } from '../i18n/i18n.ts';
import { placeLabels } from '../map/labels.ts';
import { labelPoint } from '../map/lines.ts';
import { type ProjectedLayers, projectLayers } from '../map/mapData.ts';
import { mapOverlay } from '../map/overlay.ts';
import { type CameraView, clampView, panBy, worldToScreen, zoomAt } from '../map/projection.ts';
import { change, noticeable } from '../model/format.ts';
import { mapSubject } from '../model/mapSubject.ts';
import type { Store } from '../state/store.ts';
import { FittedScene } from './FittedScene.ts';
import { cachePlan, cacheServes } from './layout.ts';
import { MapCache } from './mapCache.ts';
import { drawBase, drawCities, drawFrontLine, drawOverlay, drawSectors } from './mapDraw.ts';
import { drawLegend } from './mapLegend.ts';
import { UI } from './palette.ts';
import type { StageFeed } from './stage.ts';

const DESIGN = { width: 1500, height: 1000 };
const MAX_ZOOM = 8;
/** Town names are drawn at 20 design units, but never smaller than this on screen (a small laptop). */
const LABEL_SIZE = 20;
const MIN_LABEL_PX = 13;
/** A town's marker radius in world units, with its black edge (see drawCities). */
const MARKER_RADIUS = { capital: 7.5, city: 5.5, npp: 9 } as const;
/** Re-render the cached map this long after the last pan or zoom step (not on every step). */
const SETTLE_MS = 150;

export class MapScene extends FittedScene {
  /** Everything drawn on the map; rendered into the cache texture, never directly. */
  private world!: Phaser.GameObjects.Container;
  private mapCache!: MapCache;
  /** City and sector labels stay live objects so text is sharp at every zoom. */
  private labelLayer!: Phaser.GameObjects.Container;
  private hud!: Phaser.GameObjects.Container;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private overlay!: Phaser.GameObjects.Graphics;
  private sectors!: Phaser.GameObjects.Container;
  private hudCam!: Phaser.Cameras.Scene2D.Camera;
  private layers: ProjectedLayers | null = null;
  private labels: Phaser.GameObjects.Text[] = [];
  /** The towns the labels name, in the order they are placed (capital, the plant, then the data's order). */
  private labelled: ProjectedLayers['cities'] = [];
  /** The front line's middle (world units): the zoom buttons and keys zoom towards it. */
  private front: [number, number] = [DESIGN.width / 2, DESIGN.height / 2];
  /** The legend open or folded; null until the reader chooses (then it follows the screen's size). */
  private legendOpen: boolean | null = null;
  private sectorLabels: Phaser.GameObjects.Text[] = [];
  private view: CameraView = { cx: DESIGN.width / 2, cy: DESIGN.height / 2, zoom: 1 };
  private lastOverlay = '';
  private lastHud = '';
  /** The first drawing of the map waits for a frame to be shown (see draw). */
  private firstDrawDue = false;
  private shutdown = false;

  constructor(private readonly feed: Store<StageFeed>) {
    super({ key: 'map', active: true });
  }

  protected design() {
    return DESIGN;
  }

  create() {
    this.world = this.make.container({ x: 0, y: 0 }, false);
    this.mapCache = new MapCache(this, 'map-cache');
    this.labelLayer = this.add.container(0, 0);
    this.hud = this.add.container(0, 0);
    this.hudCam = this.cameras.add(0, 0, 1, 1, false, 'hud');
    // Beyond the cached region the map is open sea.
    this.cameras.main.setBackgroundColor(UI.sea);
    this.cameras.main.ignore(this.hud);
    this.hudCam.ignore([this.mapCache.image, this.labelLayer]);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => clearTimeout(this.settleTimer));
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!p.isDown || !this.viewport) return;
      this.setView(panBy(this.view, p.x - p.prevPosition.x, p.y - p.prevPosition.y));
    });
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) =>
      this.zoomBy(dy > 0 ? 1 / 1.2 : 1.2, p.x, p.y),
    );
    this.input.keyboard?.on('keydown', (e: KeyboardEvent) => this.onKey(e));
    const unsubscribe = this.feed.subscribe((feed) => this.draw(feed));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.shutdown = true;
      unsubscribe();
    });
    this.markCreated();
  }

  /** Keyboard pan and zoom, only while the canvas itself has focus (not while typing elsewhere). */
  private onKey(e: KeyboardEvent) {
    if (!this.viewport || document.activeElement !== this.game.canvas) return;
    const step = 60;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[e.key];
    if (move) this.setView(panBy(this.view, move[0], move[1]));
    else if (e.key === '+' || e.key === '=') this.zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') this.zoomBy(0.8);
    else if (e.key === '0') this.resetView();
    else if (e.key === 'l' || e.key === 'L') this.toggleLegend();
    else return;
    e.preventDefault();
  }

  zoomBy(factor: number, px?: number, py?: number) {
    const rect = this.viewport;
    if (!rect) return;
    // The wheel zooms at the pointer; buttons and keys zoom towards the front, where the talks are about.
    const at: [number, number] =
      px === undefined || py === undefined ? this.frontOnScreen(rect) : [px - rect.x, py - rect.y];
    const fit = this.fitZoom();
    this.setView(zoomAt(this.view, factor, at, [rect.width, rect.height], { min: fit, max: fit * MAX_ZOOM }));
  }

  /** Where the front's middle is on screen now, kept inside the viewport. */
  private frontOnScreen(rect: { width: number; height: number }): [number, number] {
    const [sx, sy] = worldToScreen(this.view, this.front, [rect.width, rect.height]);
    return [Math.min(rect.width, Math.max(0, sx)), Math.min(rect.height, Math.max(0, sy))];
  }

  /** Names' scale: their design size on screen at the fitted zoom, at least MIN_LABEL_PX, whatever the zoom. */
  private labelScale(): number {
    const fit = this.fitZoom();
    return Math.max(fit, MIN_LABEL_PX / LABEL_SIZE) / this.view.zoom;
  }

  /** Places the town names for the current zoom without overlaps (map/labels.ts); crowded ones wait for a closer zoom. */
  private placeTownLabels(scale: number) {
    const requests = this.labelled.map((town, i) => {
      const label = this.labels[i];
      return {
        id: town.id,
        x: town.x,
        y: town.y,
        width: (label?.width ?? 0) * scale,
        height: (label?.height ?? 0) * scale,
        radius: MARKER_RADIUS[town.kind],
      };
    });
    // The movement badges are centred on their sector and drawn at the same scale as the names.
    const badges = this.sectorLabels.map((b) => {
      const [width, height] = [b.width * scale, b.height * scale];
      return { x: b.x - width / 2, y: b.y - height / 2, width, height };
    });
    placeLabels(requests, DESIGN, 2 * scale, badges).forEach((placed, i) => {
      this.labels[i]?.setPosition(placed.box.x, placed.box.y).setVisible(placed.shown);
    });
  }

  private toggleLegend() {
    this.legendOpen = !this.legendShown();
    this.lastHud = '';
    this.draw(this.feed.get());
  }

  /** The legend starts folded where it would cover much of a small map, open on a big one. */
  private legendShown(): boolean {
    return this.legendOpen ?? (this.viewport?.width ?? 0) >= 700;
  }

  private resetView() {
    this.setView({ cx: DESIGN.width / 2, cy: DESIGN.height / 2, zoom: this.fitZoom() });
  }

  private setView(next: CameraView) {
    const fit = this.fitZoom();
    this.view = clampView(next, [DESIGN.width, DESIGN.height], { min: fit, max: fit * MAX_ZOOM });
    const cam = this.cameras.main;
    cam.setZoom(this.view.zoom);
    cam.centerOn(this.view.cx, this.view.cy);
    // Labels keep their on-screen size whatever the zoom, and town names are placed again for it.
    const scale = this.labelScale();
    for (const label of [...this.labels, ...this.sectorLabels]) label.setScale(scale);
    this.placeTownLabels(scale);
    this.setTextResolution(Math.max(1, Math.ceil(fit * 2) / 2));
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.refreshCache(false), SETTLE_MS);
  }

  /** Re-renders the cached map when it no longer covers the view sharply (or always, after a change). */
  private refreshCache(force: boolean) {
    const rect = this.viewport;
    if (!rect || !this.layers) return;
    if (!force && this.mapCache.plan && cacheServes(this.mapCache.plan, this.view, rect)) return;
    this.mapCache.render(this.world, cachePlan(this.view, rect));
  }

  protected override onPlaced() {
    const rect = this.viewport;
    if (!rect) return;
    this.hudCam.setViewport(rect.x, rect.y, rect.width, rect.height);
    this.hudCam.setZoom(this.fitZoom());
    this.hudCam.centerOn(DESIGN.width / 2, DESIGN.height / 2);
    // A new viewport starts from the whole country.
    this.resetView();
    // A map hidden until now (the table-only layout) is drawn when it is first shown.
    this.draw(this.feed.get());
  }

  private draw(feed: StageFeed) {
    const { state, layers } = feed;
    // Nothing to draw for a hidden map: a delegate's table-only screen never pays for it.
    if (!state.scenario || !state.view || !layers || !this.viewport) return;
    if (this.layers) {
      this.drawNow(feed);
      return;
    }
    // The table first: the map's first drawing takes a few hundred milliseconds on a slow laptop,
    // so it waits until the game has shown a frame (with the table drawn from the same data) and
    // runs in the task after it; a split screen then shows the table without waiting for the map.
    if (this.firstDrawDue) return;
    this.firstDrawDue = true;
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () =>
      setTimeout(() => {
        this.firstDrawDue = false;
        if (!this.shutdown) this.drawNow(this.feed.get());
      }, 0),
    );
  }

  private drawNow({ state, t, layers }: StageFeed) {
    const pub = state.scenario;
    const view = state.view;
    if (!pub || !view || !layers || !this.viewport) return;
    const locale: Locale = state.locale;
    if (!this.layers) {
      this.layers = projectLayers(layers, DESIGN.width, DESIGN.height, 30);
      const base = drawBase(this, this.layers);
      this.sectors = this.add.container(0, 0);
      this.overlay = this.add.graphics();
      const front = this.add.graphics();
      drawFrontLine(front, this.layers);
      const xs = this.layers.line.map(([x]) => x);
      const ys = this.layers.line.map(([, y]) => y);
      this.front = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
      const cities = this.add.graphics();
      drawCities(cities, this.layers);
      this.world.add([...base, this.sectors, this.overlay, front, cities]);
      this.markFirstDraw();
    }
    const L = this.layers;
    if (this.labels.length === 0 || this.labels[0]?.getData('locale') !== locale) {
      for (const label of this.labels) label.destroy();
      // The capital and the nuclear plant are named first; the plant by its short name (the legend spells it out).
      const rank = (kind: string) => (kind === 'capital' ? 0 : kind === 'npp' ? 1 : 2);
      this.labelled = [...L.cities].sort((a, b) => rank(a.kind) - rank(b.kind));
      this.labels = this.labelled.map((c) => {
        const name = c.kind === 'npp' ? t('map.nppShort') : locale === 'uk' ? c.nameUk : c.nameEn;
        const label = this.label(c.x, c.y, name, LABEL_SIZE, {
          color: '#111111',
          stroke: '#ffffff',
          strokeThickness: 3,
        }).setOrigin(0, 0);
        label.setData('locale', locale);
        this.labelLayer.add(label);
        return label;
      });
      this.setView(this.view);
    }
    const subject = mapSubject(view);
    const overlay = mapOverlay(pub, subject.pkg, view.world, state.previousWorld);
    const key = JSON.stringify([overlay, locale]);
    if (key !== this.lastOverlay) {
      this.lastOverlay = key;
      this.sectors.removeAll(true);
      this.sectors.add(drawSectors(this, L, overlay));
      drawOverlay(this.overlay, L, overlay);
      this.refreshCache(true);
      for (const label of this.sectorLabels) label.destroy();
      this.sectorLabels = overlay.sectors
        .filter((s) => noticeable(s.change))
        .flatMap((s) => {
          const area = L.sectors.find((a) => a.id === s.id);
          if (!area) return [];
          const [x, y] = labelPoint(area.rings);
          const arrow = s.change > 0 ? '▲' : '▼';
          const label = this.label(x, y, `${arrow} ${change(s.change)}`, 16, {
            color: '#000000',
            backgroundColor: '#ffffff',
            fontStyle: 'bold',
            padding: { x: 3, y: 1 },
          }).setOrigin(0.5);
          this.labelLayer.add(label);
          return [label];
        });
      this.setView(this.view);
    }
    const hudKey = JSON.stringify([
      overlay.legend,
      overlay.hasDraft,
      overlay.dmz,
      overlay.monitoredLine,
      overlay.europeanMonitors,
      overlay.europeanForce,
      overlay.controlOutline,
      locale,
      subject.title,
      this.legendShown(),
    ]);
    if (hudKey !== this.lastHud) {
      this.lastHud = hudKey;
      this.hud.removeAll(true);
      drawLegend(this, this.hud, {
        overlay,
        pub,
        locale,
        t,
        title: subject.title,
        open: this.legendShown(),
        onToggle: () => this.toggleLegend(),
        label: (x, y, s, size, style) => this.label(x, y, s, size, style),
      });
      this.addZoomButtons(t);
    }
  }

  private addZoomButtons(t: StageFeed['t']) {
    const buttons: [string, string, () => void][] = [
      ['+', t('map.zoomIn'), () => this.zoomBy(1.25)],
      ['−', t('map.zoomOut'), () => this.zoomBy(0.8)],
      ['⟲', t('map.reset'), () => this.resetView()],
    ];
    buttons.forEach(([symbol, name, action], i) => {
      const b = this.label(DESIGN.width - 30, 30 + i * 70, symbol, 40, {
        backgroundColor: '#1b2638',
        padding: { x: 12, y: 4 },
        color: UI.text,
      }).setOrigin(1, 0);
      b.setInteractive({ useHandCursor: true }).on('pointerup', action);
      b.setData('name', name);
      this.hud.add(b);
    });
  }
}
