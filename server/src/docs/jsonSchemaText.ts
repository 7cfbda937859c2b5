/**
 * A zod schema as one line of TypeScript-like text for the protocol reference, e.g.
 * `{ channel: "plenary" | …; text: string (1–1000 chars) }`. Goes through zod's JSON Schema
 * export, so the documentation shows what the validator really accepts.
 */
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
}

function range(min: number | undefined, max: number | undefined, unit: string): string {
  if (min === undefined && max === undefined) return '';
  if (min !== undefined && max !== undefined) return ` (${min}–${max}${unit})`;
  return min !== undefined ? ` (≥ ${min}${unit})` : ` (≤ ${max}${unit})`;
}

function bound(n: number | undefined): number | undefined {
  return n !== undefined && Math.abs(n) >= Number.MAX_SAFE_INTEGER ? undefined : n;
}

function render(s: JsonSchema): string {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(render).join(' | ');
  if (s.allOf) return s.allOf.map(render).join(' & ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const note = s.description ? ` /* ${s.description} */` : '';
  switch (s.type) {
    case 'string': {
      const pattern = s.pattern ? ` matching /${s.pattern}/` : '';
      return `string${range(s.minLength, s.maxLength, ' chars')}${pattern}${note}`;
    }
    case 'integer':
      // zod gives every int the safe-integer bounds; only narrower ones are worth printing.
      return `integer${range(bound(s.minimum), bound(s.maximum), '')}${note}`;
    case 'number':
      return `number${note}`;
    case 'boolean':
      return 'boolean';
    case 'array': {
      const item = s.items ? render(s.items) : 'unknown';
      return `(${item})[]${range(s.minItems, s.maxItems, ' items')}`;
    }
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (props.length === 0 && typeof s.additionalProperties === 'object') {
        const key = s.propertyNames ? render(s.propertyNames) : 'string';
        return `{ [key: ${key}]: ${render(s.additionalProperties)} }${note}`;
      }
      if (props.length === 0) return `{}${note}`;
      const required = new Set(s.required ?? []);
      const fields = props.map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${render(v)}`);
      return `{ ${fields.join('; ')} }${note}`;
    }
    default:
      return `unknown${note}`;
  }
}

export function schemaText(schema: z.ZodType): string {
  return render(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}
