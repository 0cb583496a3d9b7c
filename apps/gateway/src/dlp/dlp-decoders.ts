/** A run of encoded text and what it decodes to. */
export interface DecodedRun {
  start: number;
  end: number;
  encoding: 'base64' | 'hex' | 'percent' | 'escape';
  text: string;
}

/** Encoded runs shorter than this are left alone. */
const MIN_RUN = 16;
/** Runs longer than this are not decoded (the size budget bounds the rest). */
const MAX_RUN = 256 * 1024;
const BASE64 = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX = /(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Fa-f])/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2}|[^\s%"'<>]){0,2048}%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2}|[^\s%"'<>]){0,2048}/g;

/** True when `text` reads as text (not binary): printable, no replacement characters. */
function readable(text: string): boolean {
  if (!text || text.includes('\uFFFD')) return false;
  let printable = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code !== 0x7f) || code === 0x0a || code === 0x0d || code === 0x09) printable += 1;
  }
  return printable / text.length >= 0.95;
}

/**
 * The base64, base64url, hex, percent-encoded and string-escaped runs of `text` (at least 16 characters, or with at
 * least one `%XX`) that decode to readable text, with that text. Decodes once: what a run decodes to
 * is scanned, never decoded again.
 */
export function decodedRuns(text: string): DecodedRun[] {
  const runs: DecodedRun[] = [];
  for (const match of text.matchAll(HEX)) {
    if (match[0].length > MAX_RUN) continue;
    const decoded = Buffer.from(match[0], 'hex').toString('utf8');
    if (readable(decoded)) runs.push({ start: match.index, end: match.index + match[0].length, encoding: 'hex', text: decoded });
  }
  for (const match of text.matchAll(BASE64)) {
    const run = match[0];
    if (run.length < MIN_RUN || run.length > MAX_RUN || /^[0-9A-Fa-f]+$/.test(run) || !/[0-9+/_-]|[a-z][A-Z]|[A-Z][a-z]/.test(run)) continue;
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (decoded.length >= 4 && readable(decoded)) runs.push({ start: match.index, end: match.index + run.length, encoding: 'base64', text: decoded });
  }
  if (text.includes('%')) {
    for (const match of text.matchAll(PERCENT_RUN)) {
      try {
        const decoded = decodeURIComponent(match[0].replace(/\+/g, ' '));
        if (decoded !== match[0] && readable(decoded)) runs.push({ start: match.index, end: match.index + match[0].length, encoding: 'percent', text: decoded });
      } catch {
        // not valid percent-encoding
      }
    }
  }
  if (text.includes('\\u') || text.includes('\\/')) runs.push(...escapedRuns(text));
  return runs;
}

const ESCAPE = /\\u[0-9A-Fa-f]{4}|\\\//g;
/** Where an escaped run stops: whitespace, quotes, and the characters that end a value. */
const RUN_END = /[\s"'<>]/;

/**
 * JSON / JavaScript / Java string escapes left in text (Gson writes `=` as `\u003d`, PHP writes `/` as
 * `\/`): each run of non-space characters holding one, unescaped. One pass over the text.
 */
function escapedRuns(text: string): DecodedRun[] {
  const runs: DecodedRun[] = [];
  let covered = 0;
  for (const match of text.matchAll(ESCAPE)) {
    if (match.index < covered) continue;
    let start = match.index;
    while (start > covered && !RUN_END.test(text[start - 1]) && match.index - start < 2048) start -= 1;
    let end = match.index + match[0].length;
    while (end < text.length && !RUN_END.test(text[end]) && end - match.index < 2048) end += 1;
    covered = end;
    const run = text.slice(start, end);
    const decoded = run.replace(/\\u([0-9A-Fa-f]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\\//g, '/');
    if (decoded.length >= 4 && readable(decoded)) runs.push({ start, end, encoding: 'escape', text: decoded });
  }
  return runs;
}
