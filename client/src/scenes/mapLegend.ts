/**
 * The map's legend and credit lines, drawn in the HUD (fixed on screen while the map pans). Every
 * symbol on the map is explained here with a word as well as its colour and pattern.
 */

import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type * as Phaser from 'phaser';
import { type Locale, localized, type Translator } from '../i18n/i18n.ts';
import { hatchSegments } from '../map/hatch.ts';
import type { MapOverlay } from '../map/overlay.ts';
import type { MapTitle } from '../model/mapSubject.ts';
import { OKABE_ITO, statusPattern, UI } from './palette.ts';

type LabelFn = (
  x: number,
  y: number,
  text: string,
  size: number,
  style?: Partial<Phaser.Types.GameObjects.Text.TextStyle>,
) => Phaser.GameObjects.Text;

export interface LegendInput {
  overlay: MapOverlay;
  pub: PublicScenario;
  locale: Locale;
  t: Translator['t'];
  /** What the map shows (model/mapSubject.ts): its title key under `map.`. */
  title: MapTitle;
  /** Folded, the legend is one line (its title) that opens it again: it no longer covers the map. */
  open: boolean;
  onToggle(): void;
  label: LabelFn;
}

const X = 24;
const ROW = 40;

export function drawLegend(scene: Phaser.Scene, hud: Phaser.GameObjects.Container, input: LegendInput) {
  const { overlay, pub, locale, t, label } = input;
  const g = scene.add.graphics();
  const items: Phaser.GameObjects.GameObject[] = [g];
  const rows: [(x: number, y: number) => void, string][] = [];
  const swatch =
    (colour: number, alpha = 1) =>
    (x: number, y: number) =>
      g.fillStyle(colour, alpha).fillRect(x, y - 8, 28, 16);
  const line =
    (colour: number, width: number, dashed = false) =>
    (x: number, y: number) => {
      g.lineStyle(width, colour, 1);
      if (!dashed) g.lineBetween(x, y, x + 28, y);
      else for (let dx = 0; dx < 28; dx += 10) g.lineBetween(x + dx, y, x + Math.min(28, dx + 6), y);
    };
  rows.push([
    (x, y) => {
      g.lineStyle(6, 0xffffff, 1).lineBetween(x, y, x + 28, y);
      line(UI.line, 3)(x, y);
    },
    t('map.legend.line'),
  ]);
  rows.push([swatch(UI.occupied, 0.8), t('map.legend.occupied')]);
  rows.push([swatch(OKABE_ITO.orange, 0.7), t('map.legend.russianAdvance')]);
  rows.push([swatch(OKABE_ITO.blue, 0.7), t('map.legend.ukrainianAdvance')]);
  for (const entry of overlay.legend) {
    const p = statusPattern(entry.patternIndex);
    rows.push([
      (x, y) => {
        const box = [
          [x, y - 9],
          [x + 28, y - 9],
          [x + 28, y + 9],
          [x, y + 9],
        ] as [number, number][];
        g.fillStyle(UI.land, 1).fillRect(x, y - 9, 28, 18);
        g.lineStyle(2, p.colour, 1);
        for (const angle of p.angles)
          for (const [x1, y1, x2, y2] of hatchSegments([box], angle, 5)) g.lineBetween(x1, y1, x2, y2);
      },
      t('map.legend.status', { status: localized(entry.label, locale) }),
    ]);
  }
  if (overlay.dmz) rows.push([line(OKABE_ITO.purple, 12), t('map.legend.dmz')]);
  if (overlay.monitoredLine || overlay.europeanMonitors)
    rows.push([
      line(overlay.europeanMonitors ? OKABE_ITO.blue : 0xffffff, 4, true),
      t(overlay.europeanMonitors ? 'map.legend.europeanMonitors' : 'map.legend.monitors'),
    ]);
  if (overlay.europeanForce) rows.push([line(OKABE_ITO.blue, 3, true), t('map.legend.europeanForce')]);
  if (overlay.controlOutline) rows.push([line(OKABE_ITO.vermillion, 4, true), t('map.legend.control')]);
  rows.push([
    (x, y) => {
      g.fillStyle(OKABE_ITO.yellow, 1).fillTriangle(x + 14, y - 9, x + 6, y + 6, x + 22, y + 6);
    },
    t('map.legend.znpp'),
  ]);

  const title = t(`map.${input.title}`);
  const heading = label(X, 24, `${input.open ? '▾' : '▸'} ${title}`, 28, { fontStyle: 'bold' });
  heading.setInteractive({ useHandCursor: true }).on('pointerup', input.onToggle);
  const hint = label(X, 62, t(input.open ? 'map.legendHide' : 'map.legendShow'), 18, { color: UI.muted });
  hint.setInteractive({ useHandCursor: true }).on('pointerup', input.onToggle);
  const width = Math.max(heading.width, hint.width) + 36;
  const height = input.open ? 100 + rows.length * ROW : 96;
  g.fillStyle(UI.panel, 0.9).fillRoundedRect(X - 12, 14, input.open ? Math.max(620, width) : width, height, 10);
  items.push(heading, hint);
  if (input.open) {
    rows.forEach(([draw, text], i) => {
      const y = 116 + i * ROW;
      draw(X, y);
      items.push(label(X + 44, y, text, 22).setOrigin(0, 0.5));
    });
  }
  // The data credits, always visible on the map (content/map/README.md asks for them wherever it is shown).
  const credits = pub.map.attribution.map((a) => localized(a, locale)).join('\n');
  const creditText = label(X, 1000 - 16, credits, 19, {
    color: UI.text,
    backgroundColor: 'rgba(16,24,38,0.85)',
    padding: { x: 6, y: 4 },
  }).setOrigin(0, 1);
  items.push(creditText);
  hud.add(items);
}
