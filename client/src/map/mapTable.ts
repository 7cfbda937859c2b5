/**
 * The map as text tables, for screen readers and for anyone who prefers reading to looking:
 * regions with their legal status in the draft, the line of control and the zones the draft
 * creates, the front sectors with their momentum, and the key cities with who holds them.
 */
import { localized, type Translator } from '../i18n/i18n.ts';
import { change, noticeable, signed } from '../model/format.ts';
import type { City } from './mapData.ts';
import type { MapOverlay } from './overlay.ts';

export interface TextTable {
  caption: string;
  head: string[];
  rows: string[][];
}

/** "Russian advance" / "Ukrainian advance" / "stable" for a momentum value (positive = Russian). */
export function momentumWord(momentum: number, t: Translator['t']): string {
  if (momentum >= 1) return t('map.momentum.russian', { value: signed(momentum) });
  if (momentum <= -1) return t('map.momentum.ukrainian', { value: signed(momentum) });
  return t('map.momentum.stable');
}

export function mapTables(
  overlay: MapOverlay,
  cities: readonly City[],
  { t, locale }: Pick<Translator, 't' | 'locale'>,
): TextTable[] {
  const name = (c: City) => (locale === 'uk' ? c.nameUk : c.nameEn);
  const statusCell = (explicit: boolean, label: string) => (explicit ? label : t('map.statusQuo', { status: label }));
  const zones: string[][] = [];
  if (overlay.control) {
    zones.push([t('map.zone.control'), statusCell(overlay.control.explicit, localized(overlay.control.label, locale))]);
  }
  zones.push([t('map.zone.dmz'), t(overlay.dmz ? 'map.yes' : 'map.no')]);
  zones.push([t('map.zone.monitoredLine'), t(overlay.monitoredLine ? 'map.yes' : 'map.no')]);
  zones.push([t('map.zone.europeanMonitors'), t(overlay.europeanMonitors ? 'map.yes' : 'map.no')]);
  zones.push([t('map.zone.europeanForce'), t(overlay.europeanForce ? 'map.yes' : 'map.no')]);
  return [
    {
      caption: overlay.hasDraft ? t('map.table.regionsDraft') : t('map.table.regionsNow'),
      head: [t('map.table.region'), t('map.table.status')],
      rows: overlay.regions.map((r) => [
        localized(r.name, locale),
        statusCell(r.explicit, localized(r.optionLabel, locale)),
      ]),
    },
    { caption: t('map.table.zones'), head: [t('map.table.zone'), t('map.table.inDraft')], rows: zones },
    {
      caption: t('map.table.sectors'),
      head: [t('map.table.sector'), t('map.table.momentum'), t('map.table.change')],
      rows: overlay.sectors.map((s) => [
        localized(s.name, locale),
        momentumWord(s.momentum, t),
        noticeable(s.change) ? change(s.change) : t('map.unchanged'),
      ]),
    },
    {
      caption: t('map.table.cities'),
      head: [t('map.table.city'), t('map.table.heldBy')],
      rows: cities.map((c) => [
        c.kind === 'npp' ? t('map.npp', { name: name(c) }) : name(c),
        t(c.occupied ? 'map.held.russia' : 'map.held.ukraine'),
      ]),
    },
  ];
}
