/**
 * The negotiation table: the four delegations seated with flags, names, people and what each is
 * doing; the draft on the table as clause cards with every signatory's answer; the calendar and
 * phase timer; the world gauges, whose changes are animated; and event announcements. It draws
 * what the store holds (model/table.ts) and has no game logic or network code.
 */
import * as Phaser from 'phaser';
import { localized } from '../i18n/i18n.ts';
import { clauseText } from '../model/clauses.ts';
import { change, clip, countdown, monthLabel, noticeable } from '../model/format.ts';
import { type Gauge, type TableModel, type TableSeat, tableModel } from '../model/table.ts';
import { seatDoing, seatPeople } from '../model/tableText.ts';
import type { Store } from '../state/store.ts';
import { frontLabel } from '../ui/stageText.ts';
import { FittedScene } from './FittedScene.ts';
import { TABLE_DESIGN } from './layout.ts';
import { hexColour, UI } from './palette.ts';
import type { StageFeed } from './stage.ts';
import { answerMark, drawFlag, FLAGS, fitText } from './tableParts.ts';

const W = TABLE_DESIGN.width;
const CENTRE = { x: W / 2, y: 330 };
/** US (mediator) at the head, Ukraine and Russia facing each other, Europe at the foot. */
const SEATS = {
  us: { x: W / 2, y: 96 },
  ukraine: { x: 165, y: 330 },
  russia: { x: W - 165, y: 330 },
  europe: { x: W / 2, y: 558 },
};
const PANEL = { w: 300, h: 112 };
const CARD = { w: 184, h: 58, gap: 8, cols: 3, rows: 4 };
/** Gauges sit in two rows under the table, so labels have room in both languages. */
const GAUGE = { top: 626, rowHeight: 46, perRow: 4, valueRoom: 52 };

export class TableScene extends FittedScene {
  private header!: Phaser.GameObjects.Text;
  private clock!: Phaser.GameObjects.Text;
  private banner!: Phaser.GameObjects.Container;
  private seatLayer!: Phaser.GameObjects.Container;
  private cardLayer!: Phaser.GameObjects.Container;
  private gaugeViews = new Map<
    string,
    {
      bar: Phaser.GameObjects.Graphics;
      name: Phaser.GameObjects.Text;
      value: Phaser.GameObjects.Text;
      shown: number;
      x: number;
      y: number;
      locale: string;
    }
  >();
  private lastSeats = '';
  private lastCards = '';
  private lastBanner = '';
  private deadlineAt: number | null = null;

  constructor(private readonly feed: Store<StageFeed>) {
    super({ key: 'table', active: true });
  }

  protected design() {
    return TABLE_DESIGN;
  }

  create() {
    const g = this.add.graphics();
    g.fillStyle(UI.tableEdge, 1).fillEllipse(CENTRE.x, CENTRE.y, 640, 340);
    g.fillStyle(UI.table, 1).fillEllipse(CENTRE.x, CENTRE.y, 620, 320);
    this.header = this.label(20, 12, '', 24, { fontStyle: 'bold' });
    this.clock = this.label(W - 20, 12, '', 24, { fontStyle: 'bold' }).setOrigin(1, 0);
    this.seatLayer = this.add.container(0, 0);
    this.cardLayer = this.add.container(0, 0);
    this.banner = this.add.container(W / 2, 150).setAlpha(0);
    const unsubscribe = this.feed.subscribe((feed) => this.draw(feed));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, unsubscribe);
    this.time.addEvent({ delay: 1000, loop: true, callback: () => this.tick() });
    this.markCreated();
  }

  private draw({ state, t }: StageFeed) {
    const pub = state.scenario;
    const view = state.view;
    if (!pub || !view) return;
    const locale = state.locale;
    const model = tableModel(pub, view, state.room, frontLabel());
    const month = view.round > 0 ? monthLabel(pub.meta.firstMonth, view.world.month, locale) : '';
    this.header.setText(
      [month && t('phase.round', { round: view.round, rounds: view.rounds, month }), t(`phase.${view.phase}`)]
        .filter(Boolean)
        .join(' · '),
    );
    this.deadlineAt = view.paused ? null : view.deadlineAt;
    this.clock.setText(view.paused ? t('phase.pausedBadge') : '');
    this.tick();
    this.markFirstDraw();
    const seatsKey = JSON.stringify([model.seats, locale]);
    if (seatsKey !== this.lastSeats) {
      this.lastSeats = seatsKey;
      this.seatLayer.removeAll(true);
      for (const seat of model.seats) this.seatLayer.add(this.drawSeat(seat, locale, t));
    }
    const cardsKey = JSON.stringify([model.cards, model.draft?.status, model.inForce, locale]);
    if (cardsKey !== this.lastCards) {
      this.lastCards = cardsKey;
      this.drawCards(model, locale, t);
    }
    this.drawGauges(model.gauges, locale);
    // News that was already there when the table was first drawn (a reload) is not replayed; the
    // first event after it is (it was swallowed as "already there" when there had been none).
    const latest = model.announcements[0];
    const key = latest?.key ?? 'none';
    if (key !== this.lastBanner) {
      const first = this.lastBanner === '';
      this.lastBanner = key;
      if (!first && latest) this.announce(localized(latest.title, locale), localized(latest.text, locale));
    }
  }

  private tick() {
    if (this.deadlineAt === null) return;
    this.clock.setText(countdown(this.deadlineAt - Date.now()));
  }

  private drawSeat(seat: TableSeat, locale: 'en' | 'uk', t: StageFeed['t']) {
    const at = SEATS[seat.id];
    const box = this.add.graphics();
    const active = !seat.empty && ['drafting', 'responding', 'signing', 'speaking'].includes(seat.activity);
    const [hw, hh] = [PANEL.w / 2, PANEL.h / 2];
    box.fillStyle(UI.panel, 0.95).fillRoundedRect(-hw, -hh, PANEL.w, PANEL.h, 12);
    box.lineStyle(active ? 6 : 3, hexColour(seat.colour), 1).strokeRoundedRect(-hw, -hh, PANEL.w, PANEL.h, 12);
    drawFlag(box, FLAGS[seat.id], -hw + 14, -hh + 14, 60, 40);
    const name = this.label(-hw + 86, -hh + 10, clip(seat.name[locale], 16), 24, { fontStyle: 'bold' });
    const people = seatPeople(seat, t, (names) => names.join(', '));
    const who = this.label(-hw + 86, -hh + 40, clip(people, 22), 18, { color: UI.muted });
    // An empty seat reads "nobody yet" and nothing else: no activity, no "(offline)".
    const activity = this.label(-hw + 14, hh - 34, '', 20, {
      color: active ? '#ffd36e' : UI.text,
      fontStyle: active ? 'bold' : 'normal',
    });
    // "deciding whether to sign" and its Ukrainian are longer than the panel at full size.
    fitText(activity, `${active ? '● ' : ''}${seatDoing(seat, t)}`, PANEL.w - 28, 20, 14);
    // A few pulses draw the eye to who acts now; it ends fully opaque (the canvas sleeps when idle).
    if (active) this.tweens.add({ targets: activity, alpha: 0.45, duration: 600, yoyo: true, repeat: 3 });
    return this.add.container(at.x, at.y, [box, name, who, activity]);
  }

  private drawCards(model: TableModel, locale: 'en' | 'uk', t: StageFeed['t']) {
    this.cardLayer.removeAll(true);
    const draft = model.draft;
    if (!draft) {
      // What the table has already settled stays on it: a partial deal signed in March is still there,
      // one clause a line between the two delegations' panels.
      const firstMonth = this.feed.get().state.scenario?.meta.firstMonth ?? '';
      const clauses = model.inForce.flatMap((a) =>
        a.clauses.map((c) =>
          t('table.inForceLine', {
            clauses: clauseText(c, locale),
            month: monthLabel(firstMonth, a.month, locale),
          }),
        ),
      );
      const max = 6;
      const lines =
        clauses.length > max
          ? [...clauses.slice(0, max - 1), t('table.moreClauses', { count: clauses.length - (max - 1) })]
          : clauses;
      const top = CENTRE.y - (lines.length > 0 ? 40 + lines.length * 13 : 0);
      this.cardLayer.add(this.label(CENTRE.x, top, t('table.nothingOnTable'), 20, { color: UI.muted }).setOrigin(0.5));
      if (lines.length === 0) return;
      this.cardLayer.add(this.label(CENTRE.x, top + 40, t('table.inForce'), 20, { fontStyle: 'bold' }).setOrigin(0.5));
      lines.forEach((line, i) => {
        const label = this.label(CENTRE.x, top + 72 + i * 26, '', 17).setOrigin(0.5);
        fitText(label, line, 520, 17, 13);
        this.cardLayer.add(label);
      });
      return;
    }
    const author = this.feed.get().state.scenario?.delegations[draft.author].name[locale] ?? draft.author;
    this.cardLayer.add(
      this.label(
        CENTRE.x,
        CENTRE.y - 150,
        t('table.draftHeader', { proposal: draft.id, delegation: author, status: t(`proposalStatus.${draft.status}`) }),
        20,
        { fontStyle: 'bold' },
      ).setOrigin(0.5),
    );
    const max = CARD.cols * CARD.rows;
    const shown = model.cards.slice(0, model.cards.length > max ? max - 1 : max);
    const left = CENTRE.x - (CARD.cols * CARD.w + (CARD.cols - 1) * CARD.gap) / 2;
    const top = CENTRE.y - 130;
    shown.forEach((card, i) => {
      const x = left + (i % CARD.cols) * (CARD.w + CARD.gap);
      const y = top + Math.floor(i / CARD.cols) * (CARD.h + CARD.gap);
      const g = this.add.graphics();
      g.fillStyle(0xf7f3e8, 1).fillRoundedRect(x, y, CARD.w, CARD.h, 6);
      // Measured, not counted: Ukrainian titles run longer and were cut mid-word past the card's edge.
      const title = this.label(x + 8, y + 3, '', 14, { color: '#4a4a4a', fontStyle: 'bold' });
      fitText(title, card.issueTitle[locale], CARD.w - 14, 14, 11);
      const option = this.label(x + 8, y + 20, '', 16, { color: '#111111', fontStyle: 'bold' });
      fitText(option, card.optionLabel[locale], CARD.w - 14, 16, 12);
      const marks = Object.entries(card.answers).map(([d, a], j) => {
        const m = answerMark(a);
        const letter = (this.feed.get().state.scenario?.delegations[d as TableSeat['id']].name[locale] ?? d).slice(
          0,
          2,
        );
        return this.label(x + 6 + j * 44, y + 40, `${letter}${m.symbol}`, 14, {
          color: '#111111',
          backgroundColor: m.colour,
        });
      });
      this.cardLayer.add([g, title, option, ...marks]);
    });
    if (shown.length < model.cards.length) {
      const i = shown.length;
      const x = left + (i % CARD.cols) * (CARD.w + CARD.gap);
      const y = top + Math.floor(i / CARD.cols) * (CARD.h + CARD.gap);
      this.cardLayer.add(
        this.label(
          x + CARD.w / 2,
          y + CARD.h / 2,
          t('table.moreClauses', { count: model.cards.length - shown.length }),
          15,
        ).setOrigin(0.5),
      );
    }
  }

  private drawGauges(gauges: Gauge[], locale: 'en' | 'uk') {
    const width = (W - 40) / GAUGE.perRow;
    gauges.forEach((gauge, i) => {
      const x = 20 + (i % GAUGE.perRow) * width;
      const y = GAUGE.top + Math.floor(i / GAUGE.perRow) * GAUGE.rowHeight;
      let view = this.gaugeViews.get(gauge.id);
      if (!view) {
        const name = this.label(x, y, '', 17, { color: UI.muted });
        const bar = this.add.graphics();
        const value = this.label(x + width - 16, y, '', 17, { fontStyle: 'bold' }).setOrigin(1, 0);
        view = { bar, name, value, shown: gauge.value, x, y, locale: '' };
        this.gaugeViews.set(gauge.id, view);
        this.paintGauge(view, gauge, gauge.value, width);
      }
      // The name follows a language switch, and never runs into the number beside it.
      if (view.locale !== locale) {
        view.locale = locale;
        fitText(view.name, gauge.label[locale], width - 16 - GAUGE.valueRoom, 17, 13);
      }
      if (Math.abs(view.shown - gauge.value) < 1e-9) return;
      const from = view.shown;
      const v = view;
      v.shown = gauge.value;
      // The change is animated and spelled out (+3 / −2) so it is noticed without relying on motion alone.
      this.tweens.addCounter({
        from,
        to: gauge.value,
        duration: 900,
        ease: 'Cubic.easeOut',
        onUpdate: (tw) => this.paintGauge(v, gauge, tw.getValue() ?? gauge.value, width),
      });
      if (!noticeable(gauge.value - from)) return;
      const delta = this.label(v.x + width / 2, v.y - 6, change(gauge.value - from), 16, {
        fontStyle: 'bold',
        color: gauge.value > from ? '#ffd36e' : '#9ad0ff',
      }).setOrigin(0.5);
      this.tweens.add({
        targets: delta,
        y: v.y - 26,
        alpha: 0,
        delay: 1800,
        duration: 1200,
        onComplete: () => delta.destroy(),
      });
    });
  }

  private paintGauge(
    view: { bar: Phaser.GameObjects.Graphics; value: Phaser.GameObjects.Text; x: number; y: number },
    gauge: Gauge,
    value: number,
    width: number,
  ) {
    const level = Math.min(1, Math.max(0, (value - gauge.min) / (gauge.max - gauge.min || 1)));
    const w = width - 16;
    view.bar.clear();
    view.bar.fillStyle(0x2a3950, 1).fillRoundedRect(view.x, view.y + 24, w, 12, 6);
    view.bar.fillStyle(0xe9e4d8, 1).fillRoundedRect(view.x, view.y + 24, Math.max(4, w * level), 12, 6);
    view.value.setText(String(Math.round(value * 10) / 10));
  }

  private announce(title: string, text: string) {
    this.banner.removeAll(true);
    // The whole announcement, never cut off, above the table's cards (the round summary in the
    // Proposal tab keeps it too).
    const head = this.label(0, -30, title, 20, { fontStyle: 'bold', color: '#ffd36e' }).setOrigin(0.5, 0);
    const body = this.label(0, -4, text, 15, { wordWrap: { width: 800 }, align: 'center' }).setOrigin(0.5, 0);
    const height = Math.max(80, body.height + 48);
    const g = this.add.graphics();
    g.fillStyle(0x000000, 0.9)
      .fillRoundedRect(-420, -40, 840, height, 12)
      .lineStyle(3, 0xffd36e, 1)
      .strokeRoundedRect(-420, -40, 840, height, 12);
    this.banner.add([g, head, body]);
    this.banner.setDepth(1000);
    this.banner.setAlpha(0).setY(130);
    this.tweens.add({ targets: this.banner, alpha: 1, y: 150, duration: 400 });
    this.tweens.add({ targets: this.banner, alpha: 0, delay: 7000, duration: 800 });
  }
}
