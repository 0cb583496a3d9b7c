/** A run of encoded text and what it decodes to. */
export interface DecodedRun {
  start: number;
  end: number;
  encoding: 'base64' | 'hex' | 'percent';
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
 * The base64, base64url, hex and percent-encoded runs of `text` (at least 16 characters, or with at
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
  return runs;
}
