/**
 * Which Phaser renderer to use. WebGL when the browser has a graphics processor; Phaser's Canvas
 * renderer when WebGL would only be emulated in software (SwiftShader, llvmpipe, Windows' basic
 * driver: school laptops without drivers, virtual machines, headless CI). There the 2D canvas,
 * which browsers rasterise with optimised CPU code, drew the map about seven times faster while
 * panning (measured with `npm run bench:client`).
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;

export function isSoftwareRenderer(rendererName: string): boolean {
  return SOFTWARE.test(rendererName);
}

/** The GPU's name as WebGL reports it, or null when WebGL is unavailable. */
function webglRendererName(): string | null {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

export function preferredRenderer(): 'webgl' | 'canvas' {
  const name = webglRendererName();
  return name === null || isSoftwareRenderer(name) ? 'canvas' : 'webgl';
}
