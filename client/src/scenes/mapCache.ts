/**
 * The map's drawing cached in one texture. Thousands of border points, hatch lines and filled
 * shapes cost a software-rendered browser over 100 ms a frame; drawn once into a texture at the
 * screen's resolution, panning and zooming only move one image. After the view settles outside
 * what the texture covers (or zoomed in enough to blur it), the scene re-renders it (layout.ts).
 */
import type * as Phaser from 'phaser';
import type { CachePlan } from './layout.ts';

export class MapCache {
  readonly image: Phaser.GameObjects.Image;
  private readonly texture: Phaser.Textures.DynamicTexture;
  plan: CachePlan | null = null;

  constructor(
    scene: Phaser.Scene,
    private readonly key: string,
  ) {
    const texture = scene.textures.addDynamicTexture(key, 16, 16);
    if (!texture) throw new Error(`texture "${key}" already exists`);
    this.texture = texture;
    this.image = scene.add.image(0, 0, key).setOrigin(0, 0);
  }

  /** Draws `content` (world coordinates) for the plan's region into the texture and places the image there. */
  render(content: Phaser.GameObjects.Container, plan: CachePlan): void {
    const width = Math.max(1, Math.ceil(plan.width * plan.scale));
    const height = Math.max(1, Math.ceil(plan.height * plan.scale));
    if (this.texture.width !== width || this.texture.height !== height) this.texture.setSize(width, height);
    content.setScale(plan.scale).setPosition(-plan.x * plan.scale, -plan.y * plan.scale);
    this.texture.clear();
    this.texture.draw(content);
    this.texture.render();
    // Re-reading the texture updates the image's frame after a resize.
    this.image
      .setTexture(this.key)
      .setPosition(plan.x, plan.y)
      .setScale(1 / plan.scale);
    this.plan = plan;
  }
}
