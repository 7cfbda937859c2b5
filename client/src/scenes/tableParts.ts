/**
 * Drawing helpers for the table scene: flags, the answer marks on clause cards and text fitting.
 * No state; each takes the Graphics or scene it draws into.
 */
import type * as Phaser from 'phaser';
import type { ClauseAnswer } from '../model/table.ts';
import { FLAGS, type FlagSpec, starPoints } from './palette.ts';

export function drawFlag(g: Phaser.GameObjects.Graphics, spec: FlagSpec, x: number, y: number, w: number, h: number) {
  const stripe = h / spec.stripes.length;
  spec.stripes.forEach((colour, i) => {
    g.fillStyle(colour, 1).fillRect(x, y + i * stripe, w, Math.ceil(stripe));
  });
  if (spec.canton) {
    const cw = w * spec.canton.widthShare;
    const ch = h * spec.canton.heightShare;
    g.fillStyle(spec.canton.colour, 1).fillRect(x, y, cw, ch);
    g.fillStyle(0xffffff, 1);
    for (let row = 0; row < 4; row += 1)
      for (let col = 0; col < 5; col += 1)
        g.fillCircle(x + (col + 0.5) * (cw / 5), y + (row + 0.5) * (ch / 4), Math.max(0.8, ch / 22));
  }
  if (spec.ring) {
    const r = h * 0.32;
    g.fillStyle(spec.ring.colour, 1);
    for (let i = 0; i < spec.ring.stars; i += 1) {
      const a = (i / spec.ring.stars) * Math.PI * 2;
      g.fillPoints(
        starPoints(x + w / 2 + r * Math.cos(a), y + h / 2 + r * Math.sin(a), h * 0.06) as Phaser.Math.Vector2[],
        true,
      );
    }
  }
  g.lineStyle(1, 0x000000, 0.5).strokeRect(x, y, w, h);
}

export { FLAGS };

/** The mark on a clause card for one delegation's answer: a symbol, not only a colour. */
export function answerMark(answer: ClauseAnswer): { symbol: string; colour: string } {
  if (answer.state === 'author') return { symbol: '★', colour: '#f0e442' };
  if (answer.state === 'pending') return { symbol: '?', colour: '#b8c3d4' };
  if (answer.state === 'sealed') return { symbol: '✉', colour: '#b8c3d4' };
  if (answer.response === 'accept') return { symbol: '✓', colour: '#7bd88f' };
  if (answer.response === 'reject') return { symbol: '✗', colour: '#ff8a80' };
  return { symbol: '↺', colour: '#56b4e9' };
}

/**
 * Sets `text` into a label that has `maxWidth` of room: at its size if it fits, else a smaller size
 * down to `minSize` (Ukrainian names run longer than English ones), and only then shortened with
 * an ellipsis, measured, never by a character count that may still run over its neighbour.
 */
export function fitText(label: Phaser.GameObjects.Text, text: string, maxWidth: number, size: number, minSize: number) {
  label.setText(text);
  for (let s = size; s >= minSize; s -= 1) {
    label.setFontSize(s);
    if (label.width <= maxWidth) return;
  }
  let kept = text.length;
  while (kept > 1 && label.width > maxWidth) {
    kept -= 1;
    label.setText(`${text.slice(0, kept).trimEnd()}…`);
  }
}
