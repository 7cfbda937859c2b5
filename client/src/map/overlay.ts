/**
 * What the map shows of a draft and of the world: each region's legal status (the draft's option,
 * or the status quo when the draft is silent), the line of control it sets, a demilitarised zone,
 * monitoring and European force zones, and every front sector's momentum and its latest change.
 * Pure data; MapScene draws it and mapTable.ts reads it out as a table.
 */
import type { WorldState } from '@peace-table/shared/scenario/evaluate';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Localized, Package } from '@peace-table/shared/scenario/schema';

/**
 * How clauses of the agenda are drawn. Keyed by clause reference so that a scenario without these
 * clauses simply draws none of them; legal-status issues need no entry (they name their region).
 */
export const MAP_CLAUSES = {
  controlIssue: 'control-line',
  /** What a line-of-control option would change hands: the occupied area, or these oblasts in full. */
  controlOutlines: {
    'russian-withdrawal': 'occupied',
    'ukraine-withdraws': ['donetsk', 'luhansk', 'zaporizhzhia', 'kherson'],
  } as Record<string, 'occupied' | readonly string[]>,
  dmz: ['ceasefire.armistice-dmz', 'monitoring.dmz-monitors'],
  monitoredLine: ['monitoring.un-monitored-line', 'monitoring.dmz-monitors'],
  europeanMonitors: ['monitoring.european-force'],
  europeanForce: ['guarantees.european-force', 'guarantees.us-backstop'],
} as const;

export interface RegionStatus {
  regionId: string;
  name: Localized;
  oblasts: string[];
  issueId: string;
  optionId: string;
  optionLabel: Localized;
  /** Position of the option in its issue: selects the hatch pattern and colour. */
  patternIndex: number;
  /** False when the draft is silent and the status quo (the issue's default) holds. */
  explicit: boolean;
}

export interface SectorState {
  id: string;
  name: Localized;
  momentum: number;
  min: number;
  max: number;
  /** Change since the previous world state shown (0 when there is none). */
  change: number;
}

export interface MapOverlay {
  hasDraft: boolean;
  regions: RegionStatus[];
  control: { optionId: string; label: Localized; explicit: boolean } | null;
  /** Ground the draft's line of control would hand over, outlined on the map (null = none). */
  controlOutline: 'occupied' | readonly string[] | null;
  dmz: boolean;
  monitoredLine: boolean;
  europeanMonitors: boolean;
  europeanForce: boolean;
  sectors: SectorState[];
  /** Legend entries for the status patterns in use (option id → label and pattern). */
  legend: { optionId: string; label: Localized; patternIndex: number }[];
}

function has(pkg: Package | null, refs: readonly string[]): boolean {
  if (!pkg) return false;
  return refs.some((ref) => {
    const [issue, option] = ref.split('.');
    return issue !== undefined && pkg[issue] === option;
  });
}

export function mapOverlay(
  pub: PublicScenario,
  pkg: Package | null,
  world: WorldState,
  previous: WorldState | null = null,
): MapOverlay {
  const regions: RegionStatus[] = [];
  for (const issue of pub.agenda.issues) {
    if (!issue.region) continue;
    const region = pub.map.regions.find((r) => r.id === issue.region);
    if (!region) continue;
    const optionId = pkg?.[issue.id] ?? issue.default;
    const index = issue.options.findIndex((o) => o.id === optionId);
    const option = issue.options[index];
    if (!option) continue;
    regions.push({
      regionId: region.id,
      name: region.name,
      oblasts: region.oblasts,
      issueId: issue.id,
      optionId,
      optionLabel: option.label,
      patternIndex: index,
      explicit: pkg?.[issue.id] !== undefined,
    });
  }
  const legend = new Map<string, MapOverlay['legend'][number]>();
  for (const r of regions)
    legend.set(r.optionId, { optionId: r.optionId, label: r.optionLabel, patternIndex: r.patternIndex });

  const controlIssue = pub.agenda.issues.find((i) => i.id === MAP_CLAUSES.controlIssue);
  const controlId = controlIssue ? (pkg?.[controlIssue.id] ?? controlIssue.default) : null;
  const controlOption = controlIssue?.options.find((o) => o.id === controlId);

  const sectors = pub.map.sectors.map((sector) => {
    const variable = pub.world.variables.find((v) => v.sector === sector.id);
    const momentum = variable ? (world.values[variable.id] ?? variable.initial) : 0;
    const before = variable && previous ? (previous.values[variable.id] ?? variable.initial) : momentum;
    return {
      id: sector.id,
      name: sector.name,
      momentum,
      min: variable?.min ?? -10,
      max: variable?.max ?? 10,
      change: momentum - before,
    };
  });

  return {
    hasDraft: pkg !== null,
    regions,
    control:
      controlIssue && controlOption && controlId
        ? { optionId: controlId, label: controlOption.label, explicit: pkg?.[controlIssue.id] !== undefined }
        : null,
    controlOutline:
      controlId && pkg?.[MAP_CLAUSES.controlIssue] !== undefined
        ? (MAP_CLAUSES.controlOutlines[controlId] ?? null)
        : null,
    dmz: has(pkg, MAP_CLAUSES.dmz),
    monitoredLine: has(pkg, MAP_CLAUSES.monitoredLine),
    europeanMonitors: has(pkg, MAP_CLAUSES.europeanMonitors),
    europeanForce: has(pkg, MAP_CLAUSES.europeanForce),
    sectors,
    legend: [...legend.values()].sort((a, b) => a.patternIndex - b.patternIndex),
  };
}
