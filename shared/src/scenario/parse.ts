/**
 * Parses and validates a whole scenario from the text of its files. Pure (no file system): the
 * server's loader reads the folder and passes the texts here, and so do the tests, so the game,
 * the simulator and `npm run content:check` accept and reject exactly the same content.
 *
 * Every problem in every file is collected (an author fixing content wants the full list, not one
 * error per run); cross-references are checked only when each file is valid on its own, because a
 * dangling reference inside a malformed file would only repeat the first error. A scenario is
 * returned only when there is no error at all: nothing ever loads half a scenario.
 */
import { isAlias, isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type ContentError, formatContentError } from './contentError.ts';
import { checkCrossReferences, type MapData } from './crossref.ts';
import { explainIssue } from './explainIssues.ts';
import type { CrossRefError } from './refChecker.ts';
import {
  DELEGATION_IDS,
  Delegation,
  type DelegationId,
  type Events,
  type Levers,
  type Outcomes,
  SCENARIO_FILES,
  type Scenario,
} from './schema.ts';
import { checkQuotes, type SeedTexts } from './sources.ts';

export type { MapData } from './crossref.ts';
export type { SeedTexts } from './sources.ts';
export { type ContentError, formatContentError };

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ContentError[] };

export interface ParseOptions {
  /** Ids found in the map files named by map.yaml; without it, oblast and sector ids are not checked. */
  mapData?: MapData;
  /** The scenario folder's name; scenario.yaml's `id` must equal it so ids and folders never drift apart. */
  expectedId?: string;
  /**
   * The seed texts: when given, every quote must be in the section it cites (`npm run
   * content:check`). The game loads without them: a quote never changes how it plays.
   */
  seeds?: SeedTexts;
}

/** Every file a scenario folder must contain, in the order errors are reported. */
export const REQUIRED_FILES: readonly string[] = [
  ...Object.keys(SCENARIO_FILES),
  ...DELEGATION_IDS.map((id) => `delegations/${id}.yaml`),
];

interface ParsedFile {
  data: unknown;
  /** Finds the line a data path points to, for errors found after parsing. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

function parseYaml(file: string, text: string, errors: ContentError[]): ParsedFile | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    // Only the first syntax error: the ones after it are usually the parser losing its footing.
    const pos = lineCounter.linePos(first.pos[0]);
    errors.push({ file, path: '', message: `(line ${pos.line}, col ${pos.col}): ${first.message.split('\n')[0]}` });
    return undefined;
  }
  if (doc.contents === null) {
    errors.push({ file, path: '', message: 'the file is empty' });
    return undefined;
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    // Walk down as far as the document goes, so an error about a missing field points at its parent.
    let node: Node | null | undefined = doc.contents;
    let found = node;
    for (const key of path) {
      // Through an alias into its anchor: a mistake in a shared block is fixed where it is written.
      if (isAlias(node)) node = node.resolve(doc) as Node | undefined;
      if (isMap(node)) node = node.get(key, true) as Node | undefined;
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true) as Node | undefined;
      else break;
      if (!node) break;
      found = node;
    }
    const offset = found?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  try {
    return { data: doc.toJS(), lineOf };
  } catch (error) {
    // toJS throws for aliases it cannot expand (an alias before its anchor, alias bombs).
    errors.push({ file, path: '', message: `cannot read the YAML: ${(error as Error).message}` });
    return undefined;
  }
}

function validate<T>(file: string, schema: z.ZodType<T>, parsed: ParsedFile, errors: ContentError[]): T | undefined {
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const explained of explainIssue(issue, parsed.data)) {
      errors.push({
        file,
        path: explained.path.join('.'),
        message: explained.message,
        line: parsed.lineOf(explained.path),
      });
    }
  }
  return undefined;
}

/** Parse, validate and cross-check a scenario given as {path relative to its folder → text}. */
export function parseScenario(files: Record<string, string>, options: ParseOptions = {}): ParseResult {
  const errors: ContentError[] = [];
  const parsedFiles = new Map<string, ParsedFile>();
  const valid = new Map<string, unknown>();

  for (const file of Object.keys(files).sort()) {
    if (!REQUIRED_FILES.includes(file)) {
      errors.push({
        file,
        path: '',
        message: `unknown file: a scenario folder holds only ${REQUIRED_FILES.join(', ')}`,
      });
    }
  }
  for (const file of REQUIRED_FILES) {
    const text = files[file];
    if (text === undefined) {
      errors.push({ file, path: '', message: 'required file is missing' });
      continue;
    }
    const parsed = parseYaml(file, text, errors);
    if (!parsed) continue;
    parsedFiles.set(file, parsed);
    const schema = file.startsWith('delegations/')
      ? Delegation
      : (SCENARIO_FILES[file as keyof typeof SCENARIO_FILES] as z.ZodType<unknown>);
    const data = validate(file, schema, parsed, errors);
    if (data === undefined) continue;
    const isDelegation = file.startsWith('delegations/');
    const expectedId = isDelegation ? file.slice('delegations/'.length, -'.yaml'.length) : options.expectedId;
    const id = (data as { id?: string }).id;
    if ((isDelegation || file === 'scenario.yaml') && expectedId !== undefined && id !== expectedId) {
      const what = isDelegation ? 'file' : 'folder';
      errors.push({
        file,
        path: 'id',
        message: `must be "${expectedId}" to match the ${what} name, got "${id}"`,
        line: parsed.lineOf(['id']),
      });
      continue;
    }
    valid.set(file, data);
  }
  if (errors.length > 0) return { ok: false, errors };

  const get = <T>(file: string) => valid.get(file) as T;
  const scenario: Scenario = {
    meta: get('scenario.yaml'),
    agenda: get('agenda.yaml'),
    world: get('world.yaml'),
    delegations: Object.fromEntries(
      DELEGATION_IDS.map((id) => [id, get<Delegation>(`delegations/${id}.yaml`)]),
    ) as Record<DelegationId, Delegation>,
    levers: get<z.infer<typeof Levers>>('levers.yaml').levers,
    events: get<z.infer<typeof Events>>('events.yaml').events,
    outcomes: get<z.infer<typeof Outcomes>>('outcomes.yaml').outcomes,
    revelations: get<z.infer<typeof Outcomes>>('outcomes.yaml').revelations,
    measures: get<z.infer<typeof Outcomes>>('outcomes.yaml').measures,
    map: get('map.yaml'),
  };
  const withLine = (e: CrossRefError): ContentError => ({
    ...e,
    line: parsedFiles.get(e.file)?.lineOf(e.path === '' ? [] : e.path.split('.').map(pathKey)),
  });
  const crossErrors = checkCrossReferences(scenario, options.mapData).map(withLine);
  if (crossErrors.length > 0) return { ok: false, errors: crossErrors };
  if (options.seeds) {
    // A source shared through a YAML alias is checked at every use; report it once, where it is written.
    const seen = new Set<string>();
    const quoteErrors = checkQuotes(scenario, options.seeds)
      .map(withLine)
      .filter((e) => {
        const key = `${e.file}:${e.line ?? e.path}:${e.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    if (quoteErrors.length > 0) return { ok: false, errors: quoteErrors };
  }
  return { ok: true, scenario };
}

/**
 * The map file paths map.yaml names (only the string-valued ones), so the loader can read the map
 * before validation; a malformed map.yaml yields {} and parseScenario reports why.
 */
export function mapFilePaths(mapYaml: string | undefined): Record<string, string> {
  if (mapYaml === undefined) return {};
  const doc = parseDocument(mapYaml);
  if (doc.errors.length > 0) return {};
  let files: unknown;
  try {
    files = (doc.toJS() as { files?: unknown } | null)?.files;
  } catch {
    return {};
  }
  if (!files || typeof files !== 'object') return {};
  return Object.fromEntries(
    Object.entries(files).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Dotted path segments back to keys: array indices are numbers in the YAML document. */
function pathKey(segment: string): string | number {
  return /^\d+$/.test(segment) ? Number(segment) : segment;
}
