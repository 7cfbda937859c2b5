/**
 * The join link as a QR code, drawn as SVG elements (no markup strings: the client never sets
 * innerHTML). Encoded by the `qr` package (paulmillr/qr, MIT), which works offline and is loaded
 * with the console and projector screens only, never on the first screen.
 */
import { encodeQR } from 'qr';

const SVG = 'http://www.w3.org/2000/svg';

/** The dark modules of `text` as one SVG path, with the standard four-module quiet zone. */
export function qrPath(text: string): { size: number; d: string } {
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
  const parts: string[] = [];
  modules.forEach((row, y) => {
    // One rectangle per run of dark modules in a row keeps the path short.
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      parts.push(`M${start} ${y}h${x - start + 1}v1h${-(x - start + 1)}z`);
    }
  });
  return { size: modules.length, d: parts.join('') };
}

/** An SVG QR code of `text`, named `label` for screen readers (the link itself is shown as text too). */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const { size, d } = qrPath(text);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.classList.add('qr');
  svg.dataset.text = text;
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.append(background, path);
  return svg;
}
