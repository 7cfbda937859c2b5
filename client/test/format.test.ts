import { describe, expect, it } from 'vitest';
import {
  change,
  countdown,
  fraction,
  list,
  monthDate,
  monthLabel,
  noticeable,
  score,
  signed,
} from '../src/model/format.ts';
import { cachePlan, cacheServes, fitZoom, textResolution, viewports } from '../src/scenes/layout.ts';
import { isSoftwareRenderer } from '../src/scenes/renderer.ts';

describe('calendar', () => {
  it('counts months from the scenario’s first month, across years', () => {
    expect(monthDate('2026-03', 0).toISOString().slice(0, 7)).toBe('2026-03');
    expect(monthDate('2026-03', 10).toISOString().slice(0, 7)).toBe('2027-01');
  });

  it('names the month in both languages', () => {
    expect(monthLabel('2026-03', 0, 'en')).toBe('March 2026');
    // Without the trailing "р.": a sentence ending in a month had two full stops.
    expect(monthLabel('2026-03', 9, 'uk')).toBe('грудень 2026');
  });
});

describe('numbers', () => {
  it('shows utilities as scores out of 100', () => {
    expect(score(0.634)).toBe(63);
    expect(score(1)).toBe(100);
  });

  it('signs changes with a real minus sign and no "-0"', () => {
    expect(signed(3)).toBe('+3');
    expect(signed(-2)).toBe('\u22122');
    expect(signed(-0.01)).toBe('0');
    expect(signed(1.25, 1)).toBe('+1.3');
  });

  it('words world changes as whole numbers when they are, to one decimal otherwise', () => {
    expect(change(2)).toBe('+2');
    expect(change(-0.4)).toBe('\u22120.4');
    expect(change(1.04)).toBe('+1');
    expect(noticeable(0.01)).toBe(false);
    expect(noticeable(-0.3)).toBe(true);
  });

  it('formats phase timers and never shows a negative time', () => {
    expect(countdown(45_000)).toBe('0:45');
    expect(countdown(245_100)).toBe('4:06');
    expect(countdown(3_723_000)).toBe('1:02:03');
    expect(countdown(-5_000)).toBe('0:00');
  });

  it('joins names the way each language does', () => {
    expect(list(['Ukraine', 'Russia', 'Europe'], 'en')).toBe('Ukraine, Russia, and Europe');
    expect(list(['Україна', 'Росія'], 'uk')).toBe('Україна і Росія');
  });

  it('places a value in its range for gauges', () => {
    expect(fraction(50, 0, 100)).toBe(0.5);
    expect(fraction(-20, -10, 10)).toBe(0);
    expect(fraction(3, 5, 5)).toBe(0);
  });
});

describe('stage layout', () => {
  it('gives one scene the whole canvas, or splits it side by side on a wide canvas', () => {
    expect(viewports('table', 800, 450)).toEqual({ table: { x: 0, y: 0, width: 800, height: 450 }, map: null });
    expect(viewports('split', 1920, 540)).toEqual({
      table: { x: 0, y: 0, width: 960, height: 540 },
      map: { x: 960, y: 0, width: 960, height: 540 },
    });
    expect(viewports('split', 600, 1000).map).toEqual({ x: 0, y: 500, width: 600, height: 500 });
  });

  it('fits the design space whole into a viewport and rasterises text at the shown size', () => {
    expect(fitZoom({ width: 640, height: 720 }, { width: 1280, height: 720 })).toBe(0.5);
    expect(fitZoom({ width: 3840, height: 2160 }, { width: 1280, height: 720 })).toBe(3);
    expect(textResolution(0.5, 1)).toBe(1);
    expect(textResolution(1.3, 2)).toBe(3);
    expect(textResolution(5, 2)).toBe(4);
  });

  it('pre-renders the visible map plus a margin at screen resolution, within a texture size limit', () => {
    const screen = { width: 800, height: 400 };
    const plan = cachePlan({ cx: 750, cy: 500, zoom: 0.5 }, screen);
    expect(plan).toEqual({ x: 750 - 1200, y: 500 - 600, width: 2400, height: 1200, scale: 0.5 });
    expect(cachePlan({ cx: 0, cy: 0, zoom: 4 }, { width: 8000, height: 4000 }).scale).toBeCloseTo(4096 / 3000, 9);
  });

  it('keeps the pre-rendered map while it covers the view sharply, and redraws it otherwise', () => {
    const screen = { width: 800, height: 400 };
    const plan = cachePlan({ cx: 750, cy: 500, zoom: 1 }, screen);
    expect(cacheServes(plan, { cx: 750, cy: 500, zoom: 1 }, screen)).toBe(true);
    expect(cacheServes(plan, { cx: 900, cy: 540, zoom: 1 }, screen)).toBe(true);
    expect(cacheServes(plan, { cx: 1300, cy: 500, zoom: 1 }, screen)).toBe(false); // panned out of it
    expect(cacheServes(plan, { cx: 750, cy: 500, zoom: 1.5 }, screen)).toBe(false); // would blur
    expect(cacheServes(plan, { cx: 750, cy: 500, zoom: 0.4 }, screen)).toBe(false); // zoomed out past it
  });

  it('recognises software-emulated WebGL, where the Canvas renderer is faster', () => {
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
  });
});
