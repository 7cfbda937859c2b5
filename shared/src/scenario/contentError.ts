/**
 * A problem in a scenario's content, named by file, field and line: what the parser (parse.ts) and
 * the cross-reference checks (crossref.ts, refChecker.ts) report, and every tool prints.
 */

/** One problem in one file: `file` is relative to the scenario folder, `path` is dotted ("issues.2.default"). */
export interface ContentError {
  file: string;
  path: string;
  message: string;
  /** 1-based line in the file the path points to (or its nearest existing parent), when known. */
  line?: number;
}

/** `file: path: message`, the one-line form every tool prints (path omitted when empty). */
export function formatContentError(error: ContentError): string {
  const where = error.line !== undefined ? ` (line ${error.line})` : '';
  return error.path
    ? `${error.file}: ${error.path}: ${error.message}${where}`
    : `${error.file}: ${error.message}${where}`;
}
