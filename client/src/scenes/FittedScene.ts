/**
 * A scene drawn in a fixed design space and shown in a viewport of the canvas: the camera scales
 * the design space to fit (layout.ts), and Text objects are re-rasterised at the on-screen size so
 * they stay sharp at any zoom.
 */
import * as Phaser from 'phaser';
import { fitZoom, type Rect, textResolution } from './layout.ts';
import { FONT, UI } from './palette.ts';

/**
 * Font metrics by CSS font: Phaser measures them for every new Text (a canvas, measureText, and on
 * older browsers a pixel scan), though they depend only on the font. The table and the map create
 * a few dozen labels in a handful of fonts, so each font is measured once and handed to the rest.
 */
const METRICS = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();

export abstract class FittedScene extends Phaser.Scene {
  protected viewport: Rect | null = null;
  protected created = false;
  private texts = new Set<Phaser.GameObjects.Text>();
  protected resolution = 1;

  /** The design space: the camera fits it into the viewport. */
  protected abstract design(): { width: number; height: number };

  /** Called after the viewport or zoom changed. */
  protected onPlaced(): void {}

  place(rect: Rect | null): void {
    this.viewport = rect;
    if (this.created) this.applyViewport();
  }

  protected markCreated(): void {
    this.created = true;
    this.applyViewport();
  }

  protected fitZoom(): number {
    return this.viewport ? fitZoom(this.viewport, this.design()) : 1;
  }

  protected applyViewport(): void {
    const visible = this.viewport !== null;
    this.scene.setVisible(visible);
    this.input.enabled = visible;
    const rect = this.viewport;
    if (!rect) return;
    const cam = this.cameras.main;
    cam.setViewport(rect.x, rect.y, rect.width, rect.height);
    const { width, height } = this.design();
    cam.setZoom(this.fitZoom());
    cam.centerOn(width / 2, height / 2);
    this.setTextResolution(textResolution(this.fitZoom(), 1));
    this.onPlaced();
  }

  protected setTextResolution(resolution: number): void {
    if (resolution === this.resolution) return;
    this.resolution = resolution;
    for (const text of this.texts) if (text.active) text.setResolution(resolution);
  }

  private marked = false;

  /**
   * A performance mark once the scene has drawn real data for the first time (after the frame that
   * shows it): `npm run bench:client` reads "peace-table:table" and "peace-table:map".
   */
  protected markFirstDraw(): void {
    if (this.marked) return;
    this.marked = true;
    requestAnimationFrame(() => performance.mark(`peace-table:${this.scene.key}`));
  }

  /** A Text in the game's font, tracked so its resolution follows the zoom. */
  protected label(
    x: number,
    y: number,
    content: string,
    size: number,
    style: Partial<Phaser.Types.GameObjects.Text.TextStyle> = {},
  ) {
    const font: Phaser.Types.GameObjects.Text.TextStyle = {
      fontFamily: FONT,
      fontSize: `${size}px`,
      color: UI.text,
      ...style,
    };
    const key = `${font.fontStyle ?? ''} ${font.fontSize} ${font.fontFamily}`;
    const metrics = METRICS.get(key);
    const text = this.add.text(x, y, content, metrics ? { ...font, metrics } : font);
    if (!metrics) METRICS.set(key, text.style.getTextMetrics());
    text.setResolution(this.resolution);
    this.texts.add(text);
    text.once(Phaser.GameObjects.Events.DESTROY, () => this.texts.delete(text));
    return text;
  }
}
