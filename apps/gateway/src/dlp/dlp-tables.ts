import type { SubText } from './dlp-structure';

/** Tables longer than this (lines) are not read as tables (the detectors still scan their text). */
export const MAX_LINES = 10_000;
/**
 * What a column name looks like: `patient_mrn`, `Member ID`, `dx code`, `CONTAINER ID`, `Card #`, `Телефон`, and
 * a form's question as a spreadsheet of responses heads it (`Insurance member ID (front of card)`).
 */
const COLUMN_NAME = /^[\p{L}_][\p{L}\p{N}_ .,'’?#/()-]{0,80}$/u;

/** A line (or a part of one) of a text, with its offset in the text. */
export interface Line {
  text: string;
  start: number;
}

/** The lines of `text` (without `\r`), with their offsets. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text_ of text.split('\n')) {
    lines.push({ text: text_.endsWith('\r') ? text_.slice(0, -1) : text_, start });
    start += text_.length + 1;
  }
  return lines;
}

/** The parts of `line` between `separator`s, trimmed, with their offsets in the whole text. */
export function split(line: Line, separator: RegExp): Line[] {
  const out: Line[] = [];
  let at = 0;
  for (const match of [...line.text.matchAll(separator), undefined]) {
    const end = match ? match.index : line.text.length;
    const raw = line.text.slice(at, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: line.start + at + lead });
    if (match) at = match.index + match[0].length;
  }
  return out;
}

/** The cells of a CSV (`,` `;` or tab separated, a header row), each under its column's name. */
export function csvCells(text: string): SubText[] {
  const lines = text.split(/\r?\n/);
  if (lines.length < 2 || lines.length > MAX_LINES) return [];
  // Also `|` (pipe-delimited flat files: rosters, eligibility and claim extracts).
  const separator = [',', ';', '\t', '|'].find((s) => lines[0].split(s).length >= 2);
  if (!separator) return [];
  const header = lines[0].split(separator).map((h) => h.trim());
  if (!header.every((h) => COLUMN_NAME.test(h) && !/^[\d_]/.test(h))) return [];
  const out: SubText[] = [];
  let offset = lines[0].length + 1;
  for (const line of lines.slice(1)) {
    const cells = line.split(separator);
    if (cells.length === header.length) {
      let at = offset;
      cells.forEach((cell, i) => {
        out.push({ start: at, text: cell, key: header[i] });
        at += cell.length + 1;
      });
    }
    offset += line.length + (text[offset + line.length] === '\r' ? 2 : 1);
  }
  return out;
}

/** A rule line of a drawn table: Markdown `|---|:--|`, psql `-----+-----`, MySQL `+----+----+`. */
function isRule(text: string): boolean {
  return /^[\s|+:=-]+$/.test(text) && /[-=]/.test(text) && (/[|+]/.test(text) || /-{3}|={3}/.test(text));
}

/** The cells of a `|` row (`| a | b |` or psql's ` a | b `), outer bars dropped. */
function pipeCells(line: Line): Line[] {
  const lead = line.text.length - line.text.trimStart().length;
  let inner: Line = { text: line.text.trim(), start: line.start + lead };
  if (inner.text.startsWith('|')) inner = { text: inner.text.slice(1), start: inner.start + 1 };
  if (inner.text.endsWith('|')) inner = { text: inner.text.slice(0, -1), start: inner.start };
  return split(inner, /\|/g);
}

/** Columns separated by two or more spaces or a tab (pandas and R prints, `kubectl get`, `docker ps`, `aws configure list`). */
const ALIGNED_GAP = /\t|\s{2,}/g;

function isHeader(cells: Line[]): boolean {
  return cells.length >= 2 && cells.every((cell) => COLUMN_NAME.test(cell.text) && !/^\d/.test(cell.text));
}

/**
 * The cells of tables drawn in text, each under its column's name: `|` tables (Markdown, psql, MySQL
 * client), their header being the row above a rule line; and whitespace-aligned tables (a header of
 * names two or more spaces apart, rows of as many cells, or one more: a DataFrame's index column).
 */
export function tableCells(text: string): SubText[] {
  if (!text.includes('\n')) return [];
  const lines = linesOf(text);
  if (lines.length > MAX_LINES) return [];
  const out: SubText[] = [];
  const push = (header: Line[], cells: Line[]) => cells.forEach((cell, i) => cell.text && out.push({ start: cell.start, text: cell.text, key: header[i].text }));
  for (let i = 0; i < lines.length - 1; i += 1) {
    const line = lines[i];
    if (line.text.includes('|') && isRule(lines[i + 1].text)) {
      const header = pipeCells(line);
      if (!isHeader(header)) continue;
      let j = i + 2;
      for (; j < lines.length; j += 1) {
        if (isRule(lines[j].text)) continue;
        if (!lines[j].text.includes('|')) break;
        const cells = pipeCells(lines[j]);
        if (cells.length !== header.length) break;
        push(header, cells);
      }
      i = j - 1;
    } else if (!line.text.includes('|') && /\S(?:\t| {2,})\S/.test(line.text)) {
      const header = split({ text: line.text.trim(), start: line.start + line.text.length - line.text.trimStart().length }, ALIGNED_GAP);
      if (!isHeader(header)) continue;
      let j = i + 1;
      if (j < lines.length && /^[\s-]+$/.test(lines[j].text) && lines[j].text.includes('--')) j += 1;
      const first = j;
      for (; j < lines.length && lines[j].text.trim(); j += 1) {
        const trimmed = lines[j].text.trimStart();
        const cells = split({ text: trimmed.trimEnd(), start: lines[j].start + lines[j].text.length - trimmed.length }, ALIGNED_GAP);
        if (cells.length === header.length + 1) cells.shift();
        else if (cells.length !== header.length) break;
        push(header, cells);
      }
      if (j > first) i = j - 1;
    }
  }
  return out;
}

const SQL_INSERT = /\bINSERT\s+(?:IGNORE\s+)?INTO\s+[\w.`"[\]]{1,128}\s*\(([^()]{1,2000})\)\s*VALUES\s*/gi;
/** Rows (cells, for the readers that count cells) read from one table at most. */
export const MAX_ROWS = 1_000;

/** The parameters a query log prints after the query: TypeORM `-- PARAMETERS: ["…","…"]`, `params: [...]`. */
const PARAMETERS = /\b(?:PARAMETERS|params|parameters|bindings)["']?[ \t]*[:=][ \t]*(\[[^\n]{0,4000}\])/i;

/** The bound parameters of a logged query, each with its offset in `text` (undefined when none are printed). */
export function queryParameters(text: string): Array<SubText | undefined> | undefined {
  const match = PARAMETERS.exec(text);
  if (!match) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(match[1]);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || values.length > MAX_ROWS) return undefined;
  let at = match.index + match[0].length - match[1].length;
  return values.map((value) => {
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const literal = JSON.stringify(value);
    const found = text.indexOf(literal, at);
    if (found < 0) return undefined;
    at = found + literal.length;
    return { start: typeof value === 'string' ? found + 1 : found, text: String(value), key: '' };
  });
}

/** A bound parameter's value for a placeholder (`$2`, `?`, `:2`), read under `key`. */
function bound(placeholder: string, parameters: Array<SubText | undefined> | undefined, next: number, key: string): SubText | undefined {
  const index = placeholder === '?' ? next : /^[$:]\d{1,4}$/.test(placeholder) ? Number(placeholder.slice(1)) - 1 : -1;
  const parameter = index >= 0 ? parameters?.[index] : undefined;
  return parameter && { ...parameter, key };
}

/** The column a logged query compares with a placeholder: `"mrn" = $1`, `member_id = ?`. */
const PLACEHOLDER_CONDITION = /(?<![\w.])["`]?([A-Za-z_][\w]{0,63})["`]?[ \t]*(?:=|<>|!=)[ \t]*(\$\d{1,4}|\?)(?![\w])/g;

/**
 * The values of SQL `INSERT INTO t (a, b) VALUES ('x', 'y'), (…)` (a query log, a dump), each under
 * its column's name; placeholders (`$1`, `?`) bound to the parameters the log prints after the query,
 * as are the placeholders of `WHERE col = $1`.
 */
export function sqlInsertCells(text: string): SubText[] {
  const parameters = /\$\d|\?/.test(text) ? queryParameters(text) : undefined;
  const out: SubText[] = [];
  if (parameters) {
    let next = 0;
    for (const match of text.matchAll(PLACEHOLDER_CONDITION)) {
      const value = bound(match[2], parameters, next, match[1].split('.').pop()!);
      if (match[2] === '?') next += 1;
      if (value) out.push(value);
    }
  }
  if (!/insert/i.test(text)) return out;
  let next = 0;
  for (const match of text.matchAll(SQL_INSERT)) {
    const columns = match[1].split(',').map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ''));
    let at = match.index + match[0].length;
    for (let rows = 0; rows < MAX_ROWS && text[at] === '('; rows += 1) {
      at += 1;
      for (let column = 0; at < text.length; column += 1) {
        while (text[at] === ' ' || text[at] === '\n' || text[at] === '\t') at += 1;
        const quote = text[at];
        let start = at;
        let end: number;
        if (quote === "'" || quote === '"') {
          start = at + 1;
          end = start;
          while (end < text.length && (text[end] !== quote || text[end + 1] === quote)) end += text[end] === quote || text[end] === '\\' ? 2 : 1;
          at = end + 1;
        } else {
          while (at < text.length && !/[,)]/.test(text[at])) at += 1;
          end = at;
        }
        const value = text.slice(start, Math.min(end, text.length)).trim();
        const parameter = quote !== "'" && quote !== '"' && parameters ? bound(value, parameters, next, columns[column] ?? '') : undefined;
        if (value === '?') next += 1;
        if (parameter && columns[column]) out.push(parameter);
        else if (value && columns[column]) out.push({ start, text: value, key: columns[column] });
        while (at < text.length && text[at] !== ',' && text[at] !== ')') at += 1;
        if (text[at++] !== ',') break;
      }
      while (text[at] === ' ' || text[at] === ',' || text[at] === '\n') at += 1;
    }
  }
  return out;
}

const FIELDS_LINE = /^#[Ff]ields:?[ \t]+(.+)$/;

/**
 * The records of a log whose columns a `#fields` directive names: Zeek (`#fields\tts\tuid\t…`,
 * tab-separated) and the W3C extended log format of IIS and proxies (`#Fields: date time cs-username …`,
 * space-separated); other `#` lines are directives.
 */
export function fieldsDirectiveCells(text: string): SubText[] {
  if (!/#fields/i.test(text)) return [];
  const out: SubText[] = [];
  let header: string[] | undefined;
  let separator = /\t/g;
  const lines = linesOf(text);
  if (lines.length > MAX_LINES) return [];
  for (const line of lines) {
    const fields = FIELDS_LINE.exec(line.text);
    if (fields) {
      separator = fields[1].includes('\t') ? /\t/g : / +/g;
      header = fields[1].trim().split(separator);
      continue;
    }
    if (!header || line.text.startsWith('#') || !line.text.trim()) continue;
    const cells = split(line, separator);
    if (cells.length !== header.length) continue;
    cells.forEach((cell, i) => {
      if (cell.text && cell.text !== '-' && COLUMN_NAME.test(header![i])) out.push({ start: cell.start, text: cell.text, key: header![i] });
    });
  }
  return out;
}

/** A label cell and its value in a two-column table or a definition list: `<tr><th>Password</th><td>…</td></tr>`, `<dt>MRN</dt><dd>…</dd>`. */
const HTML_LABEL_VALUE = /<(?:t[hd]|dt)\b[^>]{0,200}>([^<]{1,80})<\/(?:t[hd]|dt)\s*>\s*<(?:td|dd)\b[^>]{0,200}>([^<]{1,512})<\/(?:td|dd)\s*>\s*(?=<\/tr|<dt\b|<\/dl)/gi;
const HTML_ROW = /<tr\b[^>]{0,200}>([\s\S]*?)<\/tr\s*>/gi;
const HTML_CELL = /<(t[hd])\b[^>]{0,200}>([^<]{0,512})<\/t[hd]\s*>/gi;

/**
 * The cells of an HTML table (Confluence storage format, exported reports, e-mail bodies) under the
 * column names of its header row (a row of `<th>` cells): `<tr><th>User</th><th>Password</th></tr>`
 * then `<tr><td>root</td><td>…</td></tr>`; a row of a label and its value (`<tr><th>Password</th><td>…</td></tr>`)
 * and a definition list's `<dt>` / `<dd>` under the label.
 */
export function htmlTableCells(text: string): SubText[] {
  if (!/<t[hd]\b|<dt\b/i.test(text)) return [];
  const out: SubText[] = [];
  for (const pair of text.matchAll(HTML_LABEL_VALUE)) {
    const value = pair[2].trim();
    if (value && COLUMN_NAME.test(pair[1].trim())) out.push({ start: pair.index + pair[0].lastIndexOf(pair[2]) + pair[2].indexOf(value), text: value, key: pair[1].trim() });
    if (out.length >= MAX_ROWS) return out;
  }
  let header: string[] | undefined;
  let rows = 0;
  for (const row of text.matchAll(HTML_ROW)) {
    if ((rows += 1) > MAX_ROWS) break;
    const rowStart = row.index + row[0].indexOf('>') + 1;
    const cells = [...row[1].matchAll(HTML_CELL)];
    if (!cells.length) continue;
    if (cells.every((cell) => cell[1].toLowerCase() === 'th')) {
      header = cells.map((cell) => cell[2].trim());
      continue;
    }
    if (!header || cells.length !== header.length) continue;
    cells.forEach((cell, i) => {
      const value = cell[2].trim();
      if (value && COLUMN_NAME.test(header![i])) out.push({ start: rowStart + cell.index + cell[0].indexOf('>') + 1 + cell[2].indexOf(value), text: value, key: header![i] });
    });
  }
  return out;
}

/** One field of a fixed-width record layout. */
export interface FixedField {
  name: string;
  width: number;
}

// A field's width, or the columns it spans (`SSN(26-36)`, as record layouts printed by position give it).
const LAYOUT_FIELD = /([A-Za-z][\w.#-]{0,40})\((\d{1,3})(?:-(\d{1,3}))?\)/g;
/** A layout starts with a field (a cheap test before reading it whole). */
const LAYOUT_START = /^\s*[A-Za-z][\w.#-]{0,40}\(\d{1,3}(?:-\d{1,3})?\)/;

/**
 * A fixed-width record layout written as its fields' names and widths (`EMPNO(6) LAST(15) SSN(9)`,
 * as payroll and bank export specs give it): at least three fields and nothing else but separators.
 */
export function fixedWidthLayout(spec: string): FixedField[] | undefined {
  if (spec.length > 2_000 || !LAYOUT_START.test(spec)) return undefined;
  const fields = [...spec.matchAll(LAYOUT_FIELD)].map((m) => ({ name: m[1], width: m[3] ? Number(m[3]) - Number(m[2]) + 1 : Number(m[2]) }));
  if (fields.some((field) => field.width < 1)) return undefined;
  if (fields.length < 3 || spec.replace(LAYOUT_FIELD, '').replace(/[\s,;|]/g, '') !== '') return undefined;
  return fields;
}

/** The fields of a fixed-width record under a layout, each under its name (a record shorter than the layout ends early). */
export function fixedWidthFields(record: string, layout: readonly FixedField[]): SubText[] {
  const out: SubText[] = [];
  let at = 0;
  for (const field of layout) {
    if (at >= record.length) break;
    const text = record.slice(at, at + field.width);
    const value = text.trim();
    if (value) out.push({ start: at + text.indexOf(value), text: value, key: field.name });
    at += field.width;
  }
  return out;
}

