/** The client benchmark's size accounting: what index.html makes the browser load before anything else. */
import { describe, expect, it } from 'vitest';
import { initialScripts } from '../../scripts/bench-client.mjs';

describe('bench:client initial scripts', () => {
  it('counts the entry module and its modulepreloads, not stylesheets or lazy chunks', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="/assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="/assets/index-123.css">
      <link rel="icon" href="data:,">
    </head><body></body></html>`;
    expect(initialScripts(html)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js']);
  });
});
