/**
 * Turns zod issues into one readable line per problem for content authors.
 *
 * zod's default messages are written for developers ("Invalid input"), and a failed union (the
 * condition language, effects) reports every branch it tried. Authors need the one branch they
 * meant and a sentence that says what to write instead, so this module picks the branch whose
 * shape matched and rewrites the common issue kinds. Pure: no I/O.
 */
import type { z } from 'zod';

export interface ExplainedIssue {
  path: (string | number)[];
  message: string;
}

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `a string (${JSON.stringify(value)})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Path relative to the union issue's own path, as zod reports it inside branches. */
function isShapeMismatch(branch: readonly Issue[]): boolean {
  return branch.some(
    (i) =>
      (i.code === 'unrecognized_keys' && i.path.length === 0) || (i.code === 'invalid_type' && i.path.length === 0),
  );
}

/** The key a union branch is "about" (its first required field), used to list the allowed forms. */
function formKey(branch: readonly Issue[], input: unknown): string | undefined {
  const first = branch.find((i) => i.code !== 'unrecognized_keys' && i.path.length > 0);
  if (first) return String(first.path[0]);
  const unknown = new Set(branch.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [])));
  if (input && typeof input === 'object') return Object.keys(input).find((k) => !unknown.has(k));
  return undefined;
}

function explainUnion(issue: Extract<Issue, { code: 'invalid_union' }>, data: unknown): ExplainedIssue[] {
  const base = issue.path as (string | number)[];
  const input = valueAt(data, base);
  const relative = (issues: readonly Issue[]) =>
    issues.flatMap((i) => explainIssue({ ...i, path: [...base, ...i.path] } as Issue, data));
  const matching = issue.errors.filter((branch) => !isShapeMismatch(branch));
  if (matching.length > 0) {
    const fewest = Math.min(...matching.map((b) => b.length));
    const best = matching.filter((b) => b.length === fewest);
    // Several shapes fit equally well when only the distinguishing field is missing ({variable}
    // without delta or set): name the alternatives rather than pick one at random.
    const missing = best.map((b) => (b.length === 1 && b[0]?.path.length === 1 ? b[0] : undefined));
    if (best.length > 1 && missing.every((i) => i && valueAt(input, i.path) === undefined)) {
      const keys = missing.map((i) => `"${String(i?.path[0])}"`);
      return [{ path: base, message: `needs one of the fields ${keys.join(', ')}` }];
    }
    return relative(best[0] ?? []);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [{ path: base, message: `expected a mapping, got ${input === undefined ? 'nothing' : kindOf(input)}` }];
  }
  const forms = [...new Set(issue.errors.map((b) => formKey(b, input)).filter((k) => k !== undefined))];
  const found = Object.keys(input).map((k) => `"${k}"`);
  return [
    {
      path: base,
      message: `must take exactly one of the forms ${forms.join(' | ')} (found ${found.join(', ') || 'no field'})`,
    },
  ];
}

/** One zod issue → one or more author-facing lines (absolute paths into `data`). */
export function explainIssue(issue: Issue, data: unknown): ExplainedIssue[] {
  const path = issue.path as (string | number)[];
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_union':
      return explainUnion(issue, data);
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        // A key with spaces is almost always the tail of an unquoted text cut at a comma: { en: a, b }.
        message: /\s/.test(key)
          ? 'unknown field: quote texts that contain a comma inside { }, e.g. { en: "a, b", uk: "…" }'
          : 'unknown field (check the spelling)',
      }));
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (value === undefined) return [{ path, message: `required field is missing (expected ${expected})` }];
      return [{ path, message: `expected ${expected}, got ${kindOf(value)}` }];
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => shown(v)).join(', ');
      if (value === undefined) return [{ path, message: `required field is missing (one of ${allowed})` }];
      return [{ path, message: `must be one of ${allowed}, got ${shown(value)}` }];
    }
    case 'too_big':
    case 'too_small': {
      // A schema's own wording ("English text is empty") beats a generic one; zod's own start with "Too ".
      if (!/^Too (big|small)/.test(issue.message)) return [{ path, message: issue.message }];
      const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        const word = issue.code === 'too_big' ? (inclusive ? 'at most' : 'below') : inclusive ? 'at least' : 'above';
        return [{ path, message: `must be ${word} ${String(limit)}, got ${shown(value)}` }];
      }
      const word = issue.code === 'too_big' ? 'at most' : 'at least';
      const unit = issue.origin === 'string' ? 'character' : 'item';
      const count = Number(limit);
      return [{ path, message: `must have ${word} ${count} ${unit}${count === 1 ? '' : 's'}` }];
    }
    case 'invalid_format':
      // "$sector" fails the variable-id pattern everywhere except in a lever's delta effect.
      if (typeof value === 'string' && value.includes('$sector')) {
        return [{ path, message: `"$sector" is only allowed in a lever effect with delta, got ${shown(value)}` }];
      }
      return [{ path, message: `${issue.message}, got ${shown(value)}` }];
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? issue.message;
      return [{ path, message: `key ${shown(path[path.length - 1])} is invalid: ${inner}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}
