/**
 * The Phaser canvas, loaded on demand. Phaser is by far the largest part of the client, so the
 * Home screen and the forms come up without it and the first screen that shows the table or the
 * map pulls it in (a separate chunk, see scenes/stage.ts). One canvas is created for the whole
 * visit and moved into whichever screen shows it.
 */

import type { StageControl, StageFeed, StageLayout } from '../scenes/stage.ts';
import type { Store } from '../state/store.ts';

export type { StageLayout };

export interface StageHost {
  /** Puts the canvas into `slot` with the given layout; loads Phaser the first time. */
  show(slot: HTMLElement, layout: StageLayout): Promise<void>;
  /** Takes the canvas off the page (it keeps running hidden, so showing it again is instant). */
  hide(): void;
  /** Starts downloading and evaluating Phaser now, so the first table does not wait for it. */
  preload(): void;
}

export function createStageHost(feed: Store<StageFeed>): StageHost {
  const host = document.createElement('div');
  host.className = 'stage-canvas';
  const parking = document.createElement('div');
  parking.hidden = true;
  document.body.append(parking);
  parking.append(host);
  let control: Promise<StageControl> | null = null;
  let module: Promise<typeof import('../scenes/stage.ts')> | null = null;
  const load = () => {
    module ??= import('../scenes/stage.ts');
    return module;
  };

  return {
    async show(slot, layout) {
      slot.append(host);
      control ??= load().then((m) => m.startStage(host, feed));
      const stage = await control;
      stage.setLayout(layout);
      stage.refresh();
    },
    hide() {
      parking.append(host);
    },
    preload() {
      void load();
    },
  };
}
