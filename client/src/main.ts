/**
 * Browser entry: starts Phaser with the table scene, connects to the game server and keeps the
 * accessible status line and table summary (plain HTML over the canvas) in step with both.
 */

import { GAME_NAME } from '@peace-table/shared/protocol';
import * as Phaser from 'phaser';
import { connectToTable } from './net/connection.ts';
import { devServerPort, serverUrl } from './net/serverUrl.ts';
import { statusText } from './net/status.ts';
import { HEIGHT, TableScene, WIDTH } from './scenes/TableScene.ts';
import { createStore } from './state/store.ts';
import { summaryLines, type TableView, toTableView } from './view/tableView.ts';

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lacks #${id}`);
  return found;
}

const statusLine = element('status');
const summary = element('table-summary');
const view = createStore<TableView | undefined>(undefined);

document.title = GAME_NAME;

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  backgroundColor: '#101826',
  // FIT keeps the 16:9 table whole on any screen, from a phone to a classroom projector.
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: WIDTH, height: HEIGHT },
  scene: [new TableScene(view)],
});

view.subscribe((current) => {
  summary.replaceChildren(
    ...(current ? summaryLines(current) : []).map((line) =>
      Object.assign(document.createElement('p'), { textContent: line }),
    ),
  );
});

const url = serverUrl(window.location, {
  override: import.meta.env.VITE_SERVER_URL,
  devServerPort: devServerPort(import.meta.env.DEV, import.meta.env.VITE_SERVER_PORT),
});

connectToTable(url, {
  onStatus(status) {
    statusLine.textContent = statusText(status);
    statusLine.dataset.state = status.kind;
  },
  onState(snapshot) {
    view.set(toTableView(snapshot));
  },
  onServerError(error) {
    statusLine.textContent = `The server refused that: ${error.message}`;
  },
});
