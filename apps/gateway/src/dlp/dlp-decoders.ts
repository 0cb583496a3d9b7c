import { matchesOf } from './dlp-matches';

/** A run of encoded text and what it decodes to. */
export interface DecodedRun {
  start: number;
  end: number;
  encoding: 'base64' | 'hex' | 'percent' | 'escape' | 'spoken' | 'hexdump' | 'entity' | 'grouped';
  text: string;
}

/** Encoded runs shorter than this are left alone. */
const MIN_RUN = 16;
/** Runs longer than this are not decoded (the size budget bounds the rest). */
const MAX_RUN = 256 * 1024;
const BASE64 = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
/** A UUID as written: 8-4-4-4-12 hex digits. */
export const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
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
  for (const match of matchesOf(HEX, text)) {
    if (match[0].length > MAX_RUN) continue;
    const decoded = Buffer.from(match[0], 'hex').toString('utf8');
    if (readable(decoded)) runs.push({ start: match.index, end: match.index + match[0].length, encoding: 'hex', text: decoded });
  }
  for (const match of matchesOf(BASE64, text)) {
    const run = match[0];
    // Hex digits alone, or a UUID (a GUID), are hex, not base64: their base64 reading is noise. Not any run of hex
    // digits and dashes: `-` is a base64url digit, and text can be written so that its base64url form uses no others.
    if (run.length < MIN_RUN || run.length > MAX_RUN || /^[0-9A-Fa-f]+$/.test(run) || UUID.test(run) || !/[0-9+/_-]|[a-z][A-Z]|[A-Z][a-z]/.test(run)) continue;
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (decoded.length >= 4 && readable(decoded)) runs.push({ start: match.index, end: match.index + run.length, encoding: 'base64', text: decoded });
  }
  if (text.includes('%')) {
    for (const match of matchesOf(PERCENT_RUN, text)) {
      try {
        const decoded = decodeURIComponent(match[0].replace(/\+/g, ' '));
        if (decoded !== match[0] && readable(decoded)) runs.push({ start: match.index, end: match.index + match[0].length, encoding: 'percent', text: decoded });
      } catch {
        // not valid percent-encoding
      }
    }
  }
  if (text.includes('\\u') || text.includes('\\/')) runs.push(...escapedRuns(text));
  if (text.includes('&#')) runs.push(...entityRuns(text));
  runs.push(...groupedRuns(text));
  runs.push(...hexDumpRuns(text));
  runs.push(...spokenRuns(text));
  return runs;
}

/**
 * A line of a hex dump: `xxd` (`00000010: 6365 7373 …  cess…`, groups of 2 or 4 hex digits one space
 * apart, the text column two spaces after) or `hexdump -C` / `od`-like (`00000010  63 65 73 …  |cess…|`).
 */
const HEX_DUMP_LINE = /^[ \t]*[0-9a-fA-F]{4,8}(?::[ ]|[ ]{2})((?:[0-9a-fA-F]{2}(?:[0-9a-fA-F]{2})?[ ]{1,2}?){1,16}[0-9a-fA-F]{0,4})(?=[ ]{2}|[ ]*\||[ ]*$)/;

/**
 * Hex dumps (two or more dump lines in a row) decoded back to the bytes they show: the text column of
 * a dump drops line breaks and anything not printable, and cuts values at its width, so the dump's
 * hex part is what the detectors read.
 */
function hexDumpRuns(text: string): DecodedRun[] {
  // A dump's offsets start with zeros (`00000010:`): a cheap test before the line pattern.
  if (!text.includes('000') || !/[0-9a-fA-F]{4,8}(?::[ ]|[ ]{2})[0-9a-fA-F]{2}/.test(text)) return [];
  const runs: DecodedRun[] = [];
  let start = -1;
  let end = 0;
  let hex = '';
  const flush = () => {
    if (start >= 0 && hex.length >= 2 * MIN_RUN) {
      const decoded = Buffer.from(hex, 'hex').toString('utf8');
      if (readable(decoded)) runs.push({ start, end, encoding: 'hexdump', text: decoded });
    }
    start = -1;
    hex = '';
  };
  let at = 0;
  for (const line of text.split('\n')) {
    const match = line.length <= 200 ? HEX_DUMP_LINE.exec(line) : null;
    if (match) {
      if (start < 0) start = at;
      hex += match[1].replace(/\s/g, '');
      end = at + line.length;
    } else flush();
    at += line.length + 1;
    if (hex.length > 2 * MAX_RUN) flush();
  }
  flush();
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
  for (const match of matchesOf(ESCAPE, text)) {
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

const ENTITY = /&#(?:(\d{1,7})|[xX]([0-9A-Fa-f]{1,6}));?/g;
const REF = ENTITY.source;
const ENTITY_RUN = new RegExp(`(?:${REF}|[^\\s<>"'&]){0,2048}${REF}(?:${REF}|[^\\s<>"'&]){0,2048}`, 'g');

/**
 * HTML / XML numeric character references (`&#52;&#49;…`, `&#x34;`): each run of non-space characters
 * holding one, with the references replaced by their characters.
 */
function entityRuns(text: string): DecodedRun[] {
  const runs: DecodedRun[] = [];
  for (const match of matchesOf(ENTITY_RUN, text)) {
    const run = match[0];
    const decoded = run.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined) => {
      const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
    if (decoded !== run && decoded.length >= 4 && readable(decoded)) runs.push({ start: match.index, end: match.index + run.length, encoding: 'entity', text: decoded });
  }
  return runs;
}

/** Between the digit groups of a card laid out unusually: spaces or tabs, line breaks, a `,` `;` `|` or `:` (not one space or dash: plain text has those). */
const GROUP_GAP = '(?:[ \\t]*[\\r\\n]+[ \\t]*|[ \\t]*[,;|:][ \\t]*|[ ]{2,}|[ ]*\\t[ \\t]*)';
/** Groups of four (4-4-4-4, 4-4-4-4-3) or Amex's 4-6-5 with those gaps between them. */
const GROUPED = new RegExp(`(?<!\\d|\\d[.,])(?:\\d{4}(?:${GROUP_GAP}\\d{4}){3}(?:${GROUP_GAP}\\d{1,3})?|\\d{4}${GROUP_GAP}\\d{6}${GROUP_GAP}\\d{5})(?![\\d]|[.,]\\d)`, 'g');

/**
 * Digit groups laid out as a card number is, with separators plain text does not use between them
 * (`4111  1111  1111  1111`, one group per line, `4111,1111,…`, `4111|1111|…`): each such run
 * rewritten with single spaces, so the detectors read it as a grouped number.
 */
function groupedRuns(text: string): DecodedRun[] {
  if (!/\d{4}\D/.test(text)) return [];
  const runs: DecodedRun[] = [];
  for (const match of matchesOf(GROUPED, text)) {
    runs.push({ start: match.index, end: match.index + match[0].length, encoding: 'grouped', text: match[0].split(/\D+/).join(' ') });
  }
  return runs;
}

const DIGIT_WORDS: Record<string, string> = { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const SPOKEN = /\b(?:(double|triple)[ -])?(zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/gi;
/** Context kept around a spoken run, so that `the security code is` still precedes `5 2 9`. */
const SPOKEN_CONTEXT = { before: 60, after: 20 };

/**
 * Digits read out in words, as call transcripts and voice assistants write them (`four one one one,
 * one one one one, …`, `double five`): each run of three or more digit words, with the text just
 * around it, rewritten in digits — the words of one group joined, groups (split by a comma, a dot or
 * a dash) a space apart; a run of ten or more digits with no group also digit by digit.
 */
function spokenRuns(text: string): DecodedRun[] {
  const runs: DecodedRun[] = [];
  let run: { start: number; end: number; digits: string; words: number } | undefined;
  const flush = () => {
    if (run && run.words >= 3) {
      const from = Math.max(0, run.start - SPOKEN_CONTEXT.before);
      const to = Math.min(text.length, run.end + SPOKEN_CONTEXT.after);
      runs.push({ start: run.start, end: run.end, encoding: 'spoken', text: `${text.slice(from, run.start)}${run.digits}${text.slice(run.end, to)}` });
      // Ten or more digits said one by one with no pause are also read digit by digit: a phone number has no groups when spoken so.
      if (/^\d{10,15}$/.test(run.digits)) runs.push({ start: run.start, end: run.end, encoding: 'spoken', text: `${text.slice(from, run.start)}${run.digits.split('').join(' ')}${text.slice(run.end, to)}` });
    }
    run = undefined;
  };
  for (const match of matchesOf(SPOKEN, text)) {
    const digit = DIGIT_WORDS[match[2].toLowerCase()].repeat(match[1] ? (match[1].toLowerCase() === 'double' ? 2 : 3) : 1);
    const gap = run ? text.slice(run.end, match.index) : '';
    if (run && /^[\s,.-]{1,3}$/.test(gap)) {
      run.digits += (/[,.-]/.test(gap) ? ' ' : '') + digit;
      run.end = match.index + match[0].length;
      run.words += 1;
    } else {
      flush();
      run = { start: match.index, end: match.index + match[0].length, digits: digit, words: 1 };
    }
  }
  flush();
  return runs;
}
