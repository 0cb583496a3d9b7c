import type { DlpType } from '../message/dlp.types';

/** A part of a text to scan on its own, under a key of its own (a `key=value` pair, a CSV cell). */
export interface SubText {
  start: number;
  text: string;
  key: string;
}

/** A span a structured format says is of `type` (an HL7 field, a FHIR identifier). */
export interface TypedSpan {
  start: number;
  end: number;
  type: DlpType;
}

/** `key=value`, `key: value`, `"key": "value"` in env dumps, YAML, query strings, headers, logs. */
const PAIR = /(?<![\w.-])["']?([A-Za-z][\w.-]{0,48})["']?[ \t]*(?:=|:(?!\/\/))[ \t]*["']?([^\s"'&;,}]{1,512})/g;
const MAX_PAIRS = 2_000;

/** The values of `key=value`-like pairs in `text`, each under its key. */
export function embeddedPairs(text: string): SubText[] {
  if (!/[=:]/.test(text)) return [];
  const out: SubText[] = [];
  for (const match of text.matchAll(PAIR)) {
    const value = match[2];
    out.push({ start: match.index + match[0].length - value.length, text: value, key: match[1] });
    if (out.length >= MAX_PAIRS) break;
  }
  return out;
}

/** The cells of a CSV (`,` `;` or tab separated, a header row), each under its column's name. */
export function csvCells(text: string): SubText[] {
  const lines = text.split(/\r?\n/);
  if (lines.length < 2 || lines.length > 10_000) return [];
  const separator = [',', ';', '\t'].find((s) => lines[0].split(s).length >= 2);
  if (!separator) return [];
  const header = lines[0].split(separator).map((h) => h.trim());
  if (!header.every((h) => /^[A-Za-z][\w .#-]{0,40}$/.test(h))) return [];
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

/** Identifier type codes of HL7 table 0203 (also FHIR `identifier.type`) that name a DLP type. */
const IDENTIFIER_TYPES: Record<string, DlpType> = { MR: 'medical_record_number', MRN: 'medical_record_number', MB: 'health_insurance_number', MC: 'health_insurance_number', MA: 'health_insurance_number', SS: 'ssn', SSN: 'ssn' };

/** The DLP type an identifier type code stands for, if any. */
export function identifierType(code: string | undefined): DlpType | undefined {
  return code ? IDENTIFIER_TYPES[code.trim().toUpperCase()] : undefined;
}

/**
 * HL7 v2 fields of a known meaning: PID-3 identifiers by their type code (component 5), PID-19
 * (SSN), DG1-3 with an ICD-10 coding system, IN1-36 (policy number) and IN1-49 (insured's id).
 */
export function hl7Spans(text: string): TypedSpan[] {
  if (!/(?:^|[\r\n])(?:PID|DG1|IN1)\|/.test(text)) return [];
  const out: TypedSpan[] = [];
  let offset = 0;
  for (const segment of text.split(/\r\n|\r|\n/)) {
    const fields = segment.split('|');
    const starts: number[] = [];
    fields.reduce((at, field) => (starts.push(at), at + field.length + 1), offset);
    const component = (index: number, each: (value: string, start: number, parts: string[]) => void) => {
      if (!fields[index]) return;
      let at = starts[index];
      for (const repetition of fields[index].split('~')) {
        each(repetition.split('^')[0], at, repetition.split('^'));
        at += repetition.length + 1;
      }
    };
    const push = (start: number, value: string, type: DlpType | undefined) => value && type && out.push({ start, end: start + value.length, type });
    if (fields[0] === 'PID') {
      component(3, (value, start, parts) => push(start, value, identifierType(parts[4])));
      component(19, (value, start) => push(start, value, 'ssn'));
    } else if (fields[0] === 'DG1') {
      component(3, (value, start, parts) => push(start, value, /^(?:I10|I10C|ICD10|ICD-10)/i.test(parts[2] ?? '') ? 'icd10' : undefined));
    } else if (fields[0] === 'IN1') {
      component(36, (value, start) => push(start, value, 'health_insurance_number'));
      component(49, (value, start) => push(start, value, 'health_insurance_number'));
    }
    offset += segment.length + 1;
  }
  return out;
}

/**
 * What a JSON object's shape says about one of its values (FHIR and look-alikes): an identifier
 * `{ type: { coding: [{ code: 'MR' }] }, value }`, a telecom `{ system: 'email' | 'phone', value }`, a
 * coding `{ system: '...icd-10...', code }`. Returns the key of the value and its type.
 */
export function shapeHint(object: Record<string, unknown>): { key: string; type: DlpType } | undefined {
  const system = typeof object.system === 'string' ? object.system.toLowerCase() : '';
  if (typeof object.code === 'string' && /icd-?10/.test(system)) return { key: 'code', type: 'icd10' };
  if (typeof object.value !== 'string' && typeof object.value !== 'number') return undefined;
  if (system === 'email') return { key: 'value', type: 'email' };
  if (system === 'phone' || system === 'sms' || system === 'fax') return { key: 'value', type: 'phone' };
  const type = object.type as { coding?: Array<{ code?: unknown }>; text?: unknown } | undefined;
  const codes = Array.isArray(type?.coding) ? type.coding.map((c) => (typeof c?.code === 'string' ? c.code : undefined)) : [];
  for (const code of codes) {
    const hinted = identifierType(code);
    if (hinted) return { key: 'value', type: hinted };
  }
  return undefined;
}
