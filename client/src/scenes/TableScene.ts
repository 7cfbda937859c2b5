/**
 * The negotiation table: title, phase and the four delegations' seats around an oval table.
 * Draws whatever the store holds; it has no network code of its own.
 */
import * as Phaser from 'phaser';
import type { Store } from '../state/store.ts';
import type { SeatLine, TableView } from '../view/tableView.ts';

export const WIDTH = 1280;
export const HEIGHT = 720;
const CENTER = { x: WIDTH / 2, y: 420 };
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Seat boxes in server order: Ukraine faces Russia across the table, the US and Europe at the ends. */
const SEAT_POSITIONS = [
  { x: CENTER.x, y: CENTER.y - 185 },
  { x: CENTER.x, y: CENTER.y + 185 },
  { x: CENTER.x - 430, y: CENTER.y },
  { x: CENTER.x + 430, y: CENTER.y },
];

export class TableScene extends Phaser.Scene {
  private title!: Phaser.GameObjects.Text;
  private phase!: Phaser.GameObjects.Text;
  private seats: Phaser.GameObjects.Container[] = [];

  constructor(private readonly store: Store<TableView | undefined>) {
    super('table');
  }

  create() {
    const table = this.add.graphics();
    table.fillStyle(0x3d2b14).fillEllipse(CENTER.x, CENTER.y, 600, 290);
    table.fillStyle(0x6b4f2a).fillEllipse(CENTER.x, CENTER.y, 580, 270);
    this.title = this.add.text(WIDTH / 2, 70, '', {
      fontFamily: FONT,
      fontSize: '38px',
      fontStyle: 'bold',
      color: '#f2efe6',
    });
    this.phase = this.add.text(WIDTH / 2, 122, '', { fontFamily: FONT, fontSize: '22px', color: '#c9d4e3' });
    this.title.setOrigin(0.5);
    this.phase.setOrigin(0.5);
    const unsubscribe = this.store.subscribe((view) => this.render(view));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, unsubscribe);
  }

  private render(view: TableView | undefined) {
    this.title.setText(view?.title ?? 'Peace Table');
    this.phase.setText(view?.phase ?? 'Waiting for the server…');
    for (const seat of this.seats) seat.destroy();
    this.seats = (view?.seats ?? []).slice(0, SEAT_POSITIONS.length).map((seat, i) => this.drawSeat(seat, i));
  }

  private drawSeat(seat: SeatLine, index: number): Phaser.GameObjects.Container {
    const at = SEAT_POSITIONS[index] ?? CENTER;
    const box = this.add.graphics();
    box.fillStyle(seat.occupied ? 0x2e7d32 : 0x37474f).fillRoundedRect(-140, -45, 280, 90, 14);
    box.lineStyle(2, 0xf2efe6, 0.5).strokeRoundedRect(-140, -45, 280, 90, 14);
    const label = this.add.text(0, -14, seat.label, {
      fontFamily: FONT,
      fontSize: '26px',
      fontStyle: 'bold',
      color: '#ffffff',
    });
    const status = this.add.text(0, 20, seat.status, { fontFamily: FONT, fontSize: '19px', color: '#e0e6ee' });
    label.setOrigin(0.5);
    status.setOrigin(0.5);
    return this.add.container(at.x, at.y, [box, label, status]);
  }
}
