import type { SubText } from './dlp-structure';
import { Line, linesOf, MAX_LINES, MAX_ROWS, split } from './dlp-tables';

// Tables a text declares by markup (MediaWiki), by a layout comment above its records, or by a ruler under its header.

/**
 * The cells of MediaWiki tables (`{|` … `|}`), each under its column's name: a header of `!` cells (`! System !! Login !! Password`,
 * or one `!` line per column), rows after `|-` of `|` cells (`| a || b || c`, or one `|` line per cell).
 */
export function wikiTableCells(text: string): SubText[] {
  if (!text.includes('{|') || !text.includes('\n|')) return [];
  const lines = linesOf(text);
  if (lines.length > MAX_LINES) return [];
  const out: SubText[] = [];
  let header: Line[] = [];
  let row: Line[] = [];
  const flush = () => {
    row.forEach((cell, i) => i < header.length && cell.text && out.push({ start: cell.start, text: cell.text, key: header[i].text }));
    row = [];
  };
  for (const line of lines) {
    const trimmed = line.text.trimStart();
    const at = { text: trimmed.slice(1), start: line.start + line.text.length - trimmed.length + 1 };
    if (trimmed.startsWith('{|')) (header = []), (row = []);
    else if (trimmed.startsWith('|}') || trimmed.startsWith('|-')) flush();
    else if (trimmed.startsWith('!')) header.push(...split(at, /!!|\|\|/g));
    else if (trimmed.startsWith('|') && !trimmed.startsWith('|+')) row.push(...split(at, /\|\|/g));
    if (out.length >= MAX_ROWS) break;
  }
  flush();
  return out;
}

/** A comment declaring a record's fields in order: `# layout: REC PAN(19) EMBOSS_NAME(26) EXP_MMYY SVC CVV2 SEQ` (names, maybe widths). */
const LAYOUT_LINE = /^[ \t]*(?:#|\/\/|--|;|\*|REM\b)?[ \t]*(?:record )?(?:layout|fields|columns|format|header|record)[ \t]*[:=][ \t]*((?:[A-Z][A-Z0-9_]*(?:\(\d{1,3}\))?[ \t]+){2,39}[A-Z][A-Z0-9_]*(?:\(\d{1,3}\))?)[ \t]*$/i;
/** The cheap test before {@link LAYOUT_LINE}: its word, a colon and a name. */
const LAYOUT_WORD = /(?:layout|fields|columns|format|header|record)[ \t]*[:=][ \t]*[A-Za-z]/i;
/** A field holding free text (a name, an address), whose value may hold spaces: the fields after it are counted from the record's end. */
const TEXT_FIELD = /NAME|ADDR|STREET|CITY|DESC|TEXT|NOTE|COMMENT|TITLE|LINE/i;

/**
 * The fields of records under a layout comment (a card embossing file, a batch export), each under its field's name: the record's
 * words in order, those after a free-text field (`EMBOSS_NAME`, whose value has spaces) counted from the record's end.
 */
export function layoutCells(text: string): SubText[] {
  if (!text.includes('\n') || !LAYOUT_WORD.test(text)) return [];
  const lines = linesOf(text);
  if (lines.length > MAX_LINES) return [];
  const out: SubText[] = [];
  for (let i = 0; i < lines.length - 1 && out.length < MAX_ROWS; i += 1) {
    const declared = LAYOUT_LINE.exec(lines[i].text);
    if (!declared) continue;
    const names = declared[1].split(/[ \t]+/).map((name) => name.replace(/\(\d+\)$/, ''));
    const free = names.findIndex((name) => TEXT_FIELD.test(name));
    for (let j = i + 1; j < lines.length && out.length < MAX_ROWS; j += 1) {
      const line = lines[j];
      if (LAYOUT_LINE.test(line.text)) break;
      const words = split({ text: line.text.trim(), start: line.start + line.text.length - line.text.trimStart().length }, /[ \t]+/g);
      if (words.length < names.length || (free < 0 && words.length !== names.length)) continue;
      names.forEach((name, k) => {
        const word = free < 0 || k < free ? words[k] : k > free ? words[words.length - (names.length - k)] : undefined;
        if (word?.text) out.push({ start: word.start, text: word.text, key: name });
      });
    }
  }
  return out;
}

/** A ruler under a header: two or more runs of `-` or `=` apart (SQL*Plus, sqlcmd, Teradata BTEQ, Firebird isql, DB2 CLP). */
const RULER = /^[ \t]*[-=]{2,}(?:[ \t]+[-=]{2,})+[ \t]*\r?$/;
/** The cheap test before {@link RULER}. */
const RULER_START = /[-=]{2,}[ \t]+[-=]{2,}/;

/**
 * The cells of a table a database client prints: a header line, a ruler of dashes or equals signs under it marking each column,
 * then rows up to a blank line, each cell (the characters from its column's start to the next column's) under its header's name.
 */
export function rulerTableCells(text: string): SubText[] {
  if (!text.includes('\n') || !RULER_START.test(text)) return [];
  const lines = linesOf(text);
  if (lines.length > MAX_LINES) return [];
  const out: SubText[] = [];
  for (let i = 1; i < lines.length - 1 && out.length < MAX_ROWS; i += 1) {
    if (!RULER.test(lines[i].text)) continue;
    const header = lines[i - 1].text;
    const starts = [...lines[i].text.matchAll(/[-=]+/g)].map((run) => run.index);
    const names = starts.map((start, k) => header.slice(start, starts[k + 1]).trim());
    if (names.some((name) => !/^[A-Za-z_][\w .#/-]{0,63}$/.test(name))) continue;
    for (let j = i + 1; j < lines.length && out.length < MAX_ROWS; j += 1) {
      const row = lines[j].text;
      if (!row.trim() || RULER.test(row)) break;
      starts.forEach((start, k) => {
        const raw = row.slice(start, starts[k + 1]);
        const value = raw.trim();
        if (value) out.push({ start: lines[j].start + start + raw.indexOf(value), text: value, key: names[k] });
      });
    }
  }
  return out;
}

/** A header of a report printed in columns: three or more names apart by two spaces or more (`Room  Name      MRN     Acct#`). */
const ALIGNED_HEADER = /^[ \t]*[A-Za-z][\w.#/()-]*(?: [\w.#/()-]+)*(?:(?: {2,}|\t)[A-Za-z][\w.#/()-]*(?: [\w.#/()-]+)*){2,}[ \t]*\r?$/;
/** The cheap test before {@link ALIGNED_HEADER} (with a line break): a gap of two spaces between words. */
const ALIGNED_START = /\S {2}/;

/**
 * The cells of a report printed in columns with no ruler (a census, a worklist, a terminal screen): under a header whose column names
 * a type (`MRN`, `Member ID`), the word of each row starting where its column starts, up to a blank line. Only the columns that name a
 * type are read (a name with spaces in another column does not shift them: the columns are found by position, not by counting words).
 */
export function alignedColumnCells(text: string, names: (label: string) => boolean): SubText[] {
  if (!text.includes('\n') || !ALIGNED_START.test(text)) return [];
  const lines = linesOf(text);
  if (lines.length > MAX_LINES) return [];
  const out: SubText[] = [];
  for (let i = 0; i < lines.length - 1 && out.length < MAX_ROWS; i += 1) {
    const header = lines[i].text;
    if (!ALIGNED_HEADER.test(header)) continue;
    const columns = [...header.matchAll(/(?:^|(?<= {2}|\t))[A-Za-z][\w.#/()-]*(?: [\w.#/()-]+)*/g)].filter((column) => column.index > 0 && names(column[0]));
    if (!columns.length) continue;
    for (let j = i + 1; j < lines.length && out.length < MAX_ROWS; j += 1) {
      const row = lines[j].text;
      if (!row.trim()) break;
      for (const column of columns) {
        const at = column.index;
        if (row[at - 1] !== ' ' && row[at - 1] !== '\t') continue;
        const word = /^\S+/.exec(row.slice(at));
        if (word) out.push({ start: lines[j].start + at, text: word[0], key: column[0] });
      }
    }
  }
  return out;
}

/** A form field as OCR reads a printed form: the label, a run of underscores, the value (`MEMBER ID ______ W12345678`). */
const OCR_RULED_FIELD = /^[ \t]*(?=[^\n_]*\p{L})([^\n_|]{1,60}?)[ \t]+_{3,}[ \t]+([^\n]{1,80}?)[ \t]*\r?$/u;
/** The longest line read as a form's field. */
const OCR_LINE_MAX = 240;
/** A boxed form field as OCR reads it: the label's box, then the value's box on the next line (`| MRN` / `| 1234567`). */
const OCR_BOX_LINE = /^[ \t]*\|[ \t]+([^\n|]{1,80}?)[ \t]*\r?$/;

/**
 * The fields of a form read by OCR, each under its label: a label and its value on one line across a ruled blank
 * (`CHART NUMBER ______ 15514266`), or a label's box with the value's box below it (`| PATIENT MRN` then `| 59959731`).
 */
export function ocrFormCells(text: string): SubText[] {
  if (!text.includes('___') && !text.includes('\n|')) return [];
  const lines = linesOf(text);
  if (lines.length > MAX_LINES) return [];
  const out: SubText[] = [];
  for (let i = 0; i < lines.length && out.length < MAX_ROWS; i += 1) {
    const line = lines[i];
    // A form's line is short (a label, a blank, a value): longer ones are not read, which also bounds the patterns' work.
    if (line.text.length > OCR_LINE_MAX) continue;
    const ruled = line.text.includes('___') ? OCR_RULED_FIELD.exec(line.text) : null;
    if (ruled) {
      out.push({ start: line.start + line.text.lastIndexOf(ruled[2]), text: ruled[2], key: ruled[1].trim() });
      continue;
    }
    const label = OCR_BOX_LINE.exec(line.text);
    const value = label && i + 1 < lines.length ? OCR_BOX_LINE.exec(lines[i + 1].text) : null;
    if (!label || !value || lines[i + 1].text.length > OCR_LINE_MAX || !/\p{L}/u.test(label[1])) continue;
    const next = lines[i + 1];
    out.push({ start: next.start + next.text.indexOf(value[1], next.text.indexOf('|') + 1), text: value[1], key: label[1] });
    i += 1;
  }
  return out;
}
