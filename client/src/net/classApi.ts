/**
 * The class endpoints the class pages use (the Home screen's `createClass` is in api.ts): what
 * students see of a class, and the facilitator's overview, commands and results sheet.
 */
import type { TableResult } from '@peace-table/shared/class/results';
import {
  type ClassCommand,
  type ClassCommandAnswer,
  type ClassInfo,
  type ClassOverview,
  FACILITATOR_KEY_HEADER,
} from '@peace-table/shared/protocol';
import { type Fetch, json } from './api.ts';

export interface ClassResults {
  code: string;
  scenarioId: string;
  tables: TableResult[];
}

export interface ClassApi {
  info(code: string): Promise<ClassInfo>;
  overview(code: string, key: string): Promise<ClassOverview>;
  command(code: string, key: string, command: ClassCommand): Promise<ClassCommandAnswer>;
  results(code: string, key: string): Promise<ClassResults>;
  resultsCsv(code: string, key: string): Promise<Blob>;
}

export function createClassApi(base: string, fetcher: Fetch = (input, init) => fetch(input, init)): ClassApi {
  const path = (code: string, rest = '') => `${base}/api/classes/${encodeURIComponent(code)}${rest}`;
  const keyed = (key: string) => ({ [FACILITATOR_KEY_HEADER]: key });
  return {
    async info(code) {
      return json<ClassInfo>(await fetcher(path(code)));
    },
    async overview(code, key) {
      return json<ClassOverview>(await fetcher(path(code, '/overview'), { headers: keyed(key) }));
    },
    async command(code, key, command) {
      const init = {
        method: 'POST',
        headers: { ...keyed(key), 'content-type': 'application/json' },
        body: JSON.stringify({ command }),
      };
      return json<ClassCommandAnswer>(await fetcher(path(code, '/command'), init));
    },
    async results(code, key) {
      return json<ClassResults>(await fetcher(path(code, '/results?format=json'), { headers: keyed(key) }));
    },
    async resultsCsv(code, key) {
      const response = await fetcher(path(code, '/results?format=csv'), { headers: keyed(key) });
      if (!response.ok) await json(response);
      return response.blob();
    },
  };
}
