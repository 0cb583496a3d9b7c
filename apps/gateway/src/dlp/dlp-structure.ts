import { memoised } from '@mas/core';
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
// A value runs to the first space, or on through space-separated digit groups (`Phone: 0800 123 4567`, `SSN: 219 09 9999`).
// A YAML key may carry a namespace (Pulumi `app:dbPassword: …`); LDIF writes `attr:: …` for a base64 value.
// Ruby / Logstash / PHP hashes and debug dumps join with an arrow (`secret_access_key => "…"`, `secret_key->…`).
// A key in a subscript closes its bracket before the `=` (Ruby / PHP `settings['hash_salt'] = '…'`).
const PAIR = /(?<![\w.-])["']?([A-Za-z][\w.-]{0,48}(?::[A-Za-z][\w.-]{0,48}(?=:[ \t]))?)["']?\]?[ \t]*(?:=>|->|=|::?(?!\/\/))[ \t]*["']?([^\s"'&;,}]{1,512}(?: (?=[\d(+])[\d()+.-]{1,12}(?![^\s"'&;,}])){0,7})/g;
const MAX_PAIRS = 2_000;

/** A C / C++ macro setting a name: `#define SECRET_PASS "…"` (Arduino `arduino_secrets.h`, generated config headers). */
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w{0,48})[ \t]+"?([^\s"]{1,512})"?/gm;
/** The same macro given to the compiler as a flag: `-DWIFI_PASS=\"…\"` (PlatformIO `build_flags`, CMake, make), the quotes maybe escaped. */
const DEFINE_FLAG = /(?<![\w-])-D([A-Za-z_]\w{0,48})=\\?["']?([^\s"'\\]{1,512})/g;

/** A variable set in a table of variables: Robot Framework `${PASSWORD}    …` (the name, two or more spaces or a tab, the value), `@{…}`, `&{…}`. */
const VARIABLE_ROW = /^[ \t]*[$@&%]\{([A-Za-z][\w .-]{0,48})\}=?(?:[ \t]{2,}|\t)[ \t]*(\S[^\n]{0,511}?)[ \t]*\r?$/gm;
/** A statement of a braces config (BIND `named.conf`, ISC dhcpd, Unbound): a name, then a quoted value closed by `;` (`secret "…";`). */
const STATEMENT = /(?<![\w.-])([A-Za-z][\w-]{0,48})[ \t]+"([^"\n]{1,512})";/g;

/** A pair inside a pair's value: systemd `Environment="PGPASSWORD=…"`, `-Ddb.password=…`, Helm `--set a.b=…`. */
const INNER_PAIR = /^([A-Za-z][\w.-]{0,48}?)(?:=>|->|=)(.+)$/;
/**
 * A call setting a name to a value: PHP `define('DB_PASSWORD', '…')`, `setenv("X", "…")`, `config.set('x', '…')`, maybe with
 * options after the value (TeamCity `password("env.SIGNING_PASS", "…", display = HIDDEN)`, `setSecret('k', '…', { ttl })`).
 */
// The name may be a CSS selector of the field (`page.type('#password', '…')`, `fill('.email', …)`).
const CALL_PAIR = /\(\s*(["'])[#.]?([A-Za-z][\w.-]{0,48})\1\s*,\s*(["'])([^"'\n]{1,512})\3\s*[,)]/g;
/**
 * A list item naming its field in one line and giving its value in the next (YAML `- key: /prod/db/password` then
 * `value: …`, as secret stores, feature flags and settings lists write name / value pairs).
 */
const NAMED_ITEM = /^[ \t]*-?[ \t]*(?:key|name|id|field|secretKey|remoteKey)[ \t]*:[ \t]*["']?([^\s"'][^\n"']{0,63}?)["']?[ \t]*\r?\n[ \t]*(?:value|val|text)[ \t]*:[ \t]*["']?([^\s"'][^\n"']{0,511}?)["']?[ \t]*\r?$/gm;
/** A key path on a line of its own, its value on the next (`etcdctl get --prefix`, `consul kv get -recurse` without `:`, ZooKeeper dumps). */
const PATH_THEN_VALUE = /^(\/[\w.-]+(?:\/[\w.-]+)+)[ \t]*\r?\n(?!\/)(\S[^\n]{0,511}?)[ \t]*\r?$/gm;

/**
 * A REST path naming a collection, then one of its items (`/members/W57…`, `/v2/subscribers/XGH…/claims`),
 * and a query parameter naming the item's kind (`?member=ZQW…`, `&subscriber=…`): the item's id.
 */
const REST_ITEM = /\/([A-Za-z][A-Za-z_-]{1,30}?)s\/([A-Za-z0-9][A-Za-z0-9-]{4,30})(?=[/?#\s"'<>]|$)|[?&]([A-Za-z][A-Za-z_]{1,30}(?<![Ii][Dd]|[Nn]o|[Nn]umber))=([A-Za-z0-9][A-Za-z0-9-]{4,30})(?=[&#\s"'<>]|$)/g;
/** SQL comparing a column with string literals: `member_id = 'W…'`, `dx1 in ('N390', 'E119')`, `mrn <> '…'`. */
const SQL_CONDITION = /(?<![\w.])["`]?([A-Za-z_][\w.]{0,63})["`]?\s*(?:=|==|<>|!=|\b(?:not\s+)?in\s*\()\s*('[^'\n]{0,128}'(?:\s*,\s*'[^'\n]{0,128}')*)/gi;
const SQL_LITERAL = /'([^'\n]{1,128})'/g;
/** A comparison with a string literal somewhere in the text (the cheap test before {@link SQL_CONDITION}). */
const SQL_OPERATOR = /(?:=|<>|!=|\bin\s*\()\s*'/i;

/**
 * The values of `key=value`-like pairs in `text`, each under its key (a pair in a pair's value too), of calls
 * setting a name to a value, of SQL conditions (each literal under its column) and the item of a REST path
 * under its collection's name (`/members/X` → `member id`).
 */
export function embeddedPairs(text: string): SubText[] {
  if (!/[=:/]|->|[$@&%]\{|";/.test(text) && !text.includes('(') && !text.includes('define')) return [];
  const out: SubText[] = [];
  if (text.includes('define')) {
    for (const match of text.matchAll(DEFINE)) out.push({ start: match.index + match[0].lastIndexOf(match[2]), text: match[2], key: match[1] });
  }
  if (text.includes('-D')) {
    for (const match of text.matchAll(DEFINE_FLAG)) out.push({ start: match.index + match[0].lastIndexOf(match[2]), text: match[2], key: match[1] });
  }
  if (text.includes('/') || text.includes('?')) {
    for (const match of text.matchAll(REST_ITEM)) {
      const [name, item] = match[1] ? [match[1], match[2]] : [match[3], match[4]];
      // An id of letters and digits (`W57…`, `ZQW…`); a bare number is a forum's or a shop's row id as often as anything.
      if (/\d/.test(item) && /[A-Za-z]/.test(item)) out.push({ start: match.index + match[0].length - item.length, text: item, key: `${name} id` });
      if (out.length >= MAX_PAIRS) return out;
    }
  }
  if (text.includes("'") && SQL_OPERATOR.test(text)) {
    for (const match of text.matchAll(SQL_CONDITION)) {
      const listStart = match.index + match[0].length - match[2].length;
      for (const literal of match[2].matchAll(SQL_LITERAL)) out.push({ start: listStart + literal.index + 1, text: literal[1], key: match[1] });
      if (out.length >= MAX_PAIRS) return out;
    }
  }
  for (const match of text.matchAll(PAIR)) {
    const value = match[2];
    const start = match.index + match[0].length - value.length;
    out.push({ start, text: value, key: match[1] });
    const inner = INNER_PAIR.exec(value);
    if (inner) out.push({ start: start + value.length - inner[2].length, text: inner[2], key: inner[1] });
    if (out.length >= MAX_PAIRS) break;
  }
  if (text.includes('(')) {
    for (const match of text.matchAll(CALL_PAIR)) {
      out.push({ start: match.index + match[0].lastIndexOf(match[4]), text: match[4], key: match[2] });
      if (out.length >= MAX_PAIRS) break;
    }
  }
  if (text.includes('\n')) {
    if (/(?:key|name|id|field|Key)[ \t]*:[^\n]*\n[ \t]*(?:value|val|text)[ \t]*:/.test(text)) {
      for (const match of text.matchAll(NAMED_ITEM)) {
        out.push({ start: match.index + match[0].lastIndexOf(match[2]), text: match[2], key: match[1] });
        if (out.length >= MAX_PAIRS) return out;
      }
    }
    if (/(?:^|\n)\/[\w.-]+\//.test(text)) {
      for (const match of text.matchAll(PATH_THEN_VALUE)) {
        out.push({ start: match.index + match[0].lastIndexOf(match[2]), text: match[2], key: match[1] });
        if (out.length >= MAX_PAIRS) return out;
      }
    }
  }
  if (/[$@&%]\{/.test(text)) {
    for (const match of text.matchAll(VARIABLE_ROW)) {
      out.push({ start: match.index + match[0].length - match[2].length, text: match[2], key: match[1] });
      if (out.length >= MAX_PAIRS) break;
    }
  }
  if (text.includes('";')) {
    for (const match of text.matchAll(STATEMENT)) {
      out.push({ start: match.index + match[0].length - match[2].length - 2, text: match[2], key: match[1] });
      if (out.length >= MAX_PAIRS) break;
    }
  }
  return out;
}

/** Identifier type codes of HL7 table 0203 (also FHIR `identifier.type`) that name a DLP type. */
const IDENTIFIER_TYPES: Record<string, DlpType> = { MR: 'medical_record_number', MRN: 'medical_record_number', MB: 'health_insurance_number', MC: 'health_insurance_number', MA: 'health_insurance_number', SS: 'ssn', SSN: 'ssn' };

/** The DLP type an identifier type code stands for, if any. */
export function identifierType(code: string | undefined): DlpType | undefined {
  return code ? IDENTIFIER_TYPES[code.trim().toUpperCase()] : undefined;
}

/** A phone number as an HL7 XTN field's first component holds it: 7 to 15 digits, maybe with `(`, `)`, `-`, spaces or a `+`. */
const HL7_PHONE = /^\+?(?=(?:\D*\d){7,15}\D*$)[\d() .-]+$/;

/**
 * HL7 v2 fields of a known meaning: PID-3 identifiers by their type code (component 5), PID-19
 * (SSN), DG1-3 with an ICD-10 coding system, IN1-36 (policy number) and IN1-49 (insured's id); the phone numbers and SSN of
 * the guarantor (GT1-6, GT1-7, GT1-12) and of the next of kin (NK1-5, NK1-6), and the patient's phones (PID-13, PID-14).
 */
export function hl7Spans(text: string): TypedSpan[] {
  if (!/(?:^|[\r\n])(?:PID|DG1|IN1|GT1|NK1)\|/.test(text)) return [];
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
      // By the identifier type code (CX-5), else by an assigning authority that names it (CX-4 `MRN`).
      component(3, (value, start, parts) => push(start, value, identifierType(parts[4]) ?? (parts[4] ? undefined : identifierTypeNamed(parts[3]?.split('&')[0]))));
      component(19, (value, start) => push(start, value, 'ssn'));
      for (const index of [13, 14]) component(index, (value, start) => push(start, value, HL7_PHONE.test(value) ? 'phone' : undefined));
    } else if (fields[0] === 'GT1' || fields[0] === 'NK1') {
      const [home, work] = fields[0] === 'GT1' ? [6, 7] : [5, 6];
      for (const index of [home, work]) component(index, (value, start) => push(start, value, HL7_PHONE.test(value) ? 'phone' : undefined));
      if (fields[0] === 'GT1') component(12, (value, start) => push(start, value, /^\d{3}-?\d{2}-?\d{4}$/.test(value) ? 'ssn' : undefined));
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
 * An HL7 v2 extended composite identifier (CX) outside a message, its type code in the fifth component: `2682475^^^HLH&1.2.840…&ISO^MR`
 * in an IHE XDS slot (`sourcePatientInfo`), a query, a log. The value is its first component.
 */
const CX = /(?<![\w^&.-])(?<v>[A-Za-z0-9][A-Za-z0-9-]{3,23})\^[^^|~\s<>]{0,40}\^[^^|~\s<>]{0,40}\^[^^|~\s<>]{0,160}\^(?<t>[A-Z]{2,3})(?![\w&])/g;

/** Identifiers written as HL7 CX composites whose type code (HL7 table 0203) names a DLP type (see {@link CX}). */
export function cxSpans(text: string): TypedSpan[] {
  if (!text.includes('^^')) return [];
  const out: TypedSpan[] = [];
  for (const match of text.matchAll(CX)) {
    const type = identifierType(match.groups!.t);
    if (type && /\d/.test(match.groups!.v)) out.push({ start: match.index, end: match.index + match.groups!.v.length, type });
    if (out.length >= 1_000) break;
  }
  return out;
}

/** Identifier type named in words (an assigning authority, a label): `MRN`, `Medical Record Number`, `Member ID`, `SSN`... */
export function identifierTypeNamed(name: string | undefined): DlpType | undefined {
  if (!name) return undefined;
  const coded = identifierType(name);
  if (coded) return coded;
  if (/\bMRN\b|medical[\s_-]*record/i.test(name)) return 'medical_record_number';
  if (/\bSSN\b|social[\s_-]*security/i.test(name)) return 'ssn';
  if (/\b(?:member|subscriber|insured|policy|insurance|medicare|medicaid|beneficiary|mbi|health[\s_-]*plan)\b/i.test(name)) return 'health_insurance_number';
  return undefined;
}

/** OIDs of identifier and code systems whose values are of a DLP type (HL7 v3 / CDA `root`, `codeSystem`). */
export const SYSTEM_OIDS: Record<string, DlpType> = {
  '2.16.840.1.113883.4.1': 'ssn', // US Social Security Number
  '2.16.840.1.113883.6.3': 'icd10', // ICD-10
  '2.16.840.1.113883.6.90': 'icd10', // ICD-10-CM
};

/** What a diagnosis code looks like once a structure says it is one: ICD-10 with or without its dot (X12 drops it). */
export const ICD10_CODE = /^[A-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;
/** What an identifier looks like once a structure names its type: 4 to 24 letters, digits and dashes, with digits. */
export const IDENTIFIER = /^(?=(?:[A-Za-z-]*\d){3})[A-Za-z0-9][A-Za-z0-9-]{3,23}$/;
/** A member id as payers print it: an identifier, maybe with the member's two-digit suffix within the contract (`U16428293 01`). */
export const MEMBER_IDENTIFIER = /^(?=(?:[A-Za-z-]*\d){3})[A-Za-z0-9][A-Za-z0-9-]{3,23}(?: \d{2})?$/;
/** The shape an identifier of `type` has once a structure names that type. */
export const identifierShape = (type: DlpType | undefined): RegExp => (type === 'health_insurance_number' ? MEMBER_IDENTIFIER : IDENTIFIER);

/** X12 reference qualifiers (REF01) and identification code qualifiers (NM108) whose values are of a DLP type. */
const X12_REF: Record<string, DlpType> = { '1W': 'health_insurance_number', '0F': 'health_insurance_number', IG: 'health_insurance_number', F6: 'health_insurance_number', SY: 'ssn', EA: 'medical_record_number' };
const X12_NM1: Record<string, DlpType> = { MI: 'health_insurance_number', MR: 'health_insurance_number', '34': 'ssn' };
/** Communication number qualifiers of an X12 PER segment (and EDIFACT COM) that mean a phone: telephone, fax, cell, home, work, beeper. */
const X12_PHONE = new Set(['TE', 'FX', 'CP', 'HP', 'WP', 'BN']);
const EDIFACT_PHONE = new Set(['TE', 'FX', 'AL', 'AJ', 'AH']);
/** A phone number once a structure says it is one: 7 to 15 digits, maybe with `+`, spaces, dashes, brackets. */
const PHONE_DIGITS = /^\+?(?:[\s().-]*\d){7,15}[\s().-]*$/;
/** Code list qualifiers of an X12 HI (health care information codes) composite that mean ICD-10-CM diagnosis codes. */
const X12_ICD10 = new Set(['ABK', 'ABF', 'ABJ', 'ABN', 'APR']);

/** A segment X12 identifiers are read from (`NM1`, `REF`, `HI`, `PER`), starting a line or after `~`, per element separator. */
const x12Segment = memoised((element: string) => {
  const escaped = element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[~\\r\\n])\\s*(?:NM1|REF|HI|PER)${escaped}`);
}, 256);

/**
 * X12 EDI (837 claims, 270/271 eligibility, 834 enrolment) by segment meaning: NM1 identification
 * codes by their qualifier (NM108 `MI` member id, `MR` Medicaid id, `34` SSN), REF values by theirs
 * (`1W` member, `0F` subscriber, `IG` policy, `F6` Medicare HIC, `SY` SSN, `EA` medical record), PER
 * contact numbers by their qualifier (`TE` telephone, `FX` fax, `CP` cell, …) and
 * the ICD-10-CM codes of HI composites (`ABK:E119`). Element separator `*` (or what ISA says),
 * segments end with `~` or a line break.
 */
export function x12Spans(text: string): TypedSpan[] {
  const element = /^ISA(.)/.exec(text.trimStart())?.[1] ?? '*';
  if (!x12Segment(element).test(text)) return [];
  const out: TypedSpan[] = [];
  let offset = 0;
  for (const raw of text.split(/(?<=~)|(?<=\n)/)) {
    const lead = raw.length - raw.trimStart().length;
    const segment = raw.trimStart().replace(/~?\s*$/, '');
    const fields = segment.split(element);
    const starts: number[] = [];
    fields.reduce((at, field) => (starts.push(at), at + field.length + 1), offset + lead);
    const push = (index: number, type: DlpType | undefined, shape: RegExp, value = fields[index], start = starts[index]) => {
      if (type && value && shape.test(value)) out.push({ start, end: start + value.length, type });
    };
    if (fields[0] === 'NM1') push(9, X12_NM1[fields[8] ?? ''], identifierShape(X12_NM1[fields[8] ?? '']));
    else if (fields[0] === 'PER') for (const at of [4, 6, 8]) push(at, X12_PHONE.has(fields[at - 1] ?? '') ? 'phone' : undefined, PHONE_DIGITS);
    else if (fields[0] === 'REF') push(2, X12_REF[fields[1] ?? ''], identifierShape(X12_REF[fields[1] ?? '']));
    else if (fields[0] === 'HI') {
      fields.slice(1).forEach((composite, i) => {
        const [qualifier, code] = composite.split(/[:>^]/);
        if (X12_ICD10.has(qualifier) && code) push(i + 1, 'icd10', ICD10_CODE, code, starts[i + 1] + qualifier.length + 1);
      });
    }
    offset += raw.length;
  }
  return out;
}

/** A Patient Module element in a DICOM dump: dcmdump `(0010,0020) LO [E8153…]  # PatientID`, pydicom `(0010, 0020) Patient ID  LO: 'E8153…'`. */
const DICOM_PATIENT = /\(0010,\s?(0020|0021)\)[^\n['"]{0,64}?(?:\[([^\]\n]{0,64})\]|'([^'\n]{0,64})'|"([^"\n]{0,64})")/gi;

/**
 * DICOM dumps: the Patient ID (0010,0020) is the hospital's medical record number when an Issuer of
 * Patient ID (0010,0021) names who assigned it — unless the dump says it was de-identified
 * (Patient Identity Removed (0012,0062) `YES`).
 */
export function dicomSpans(text: string): TypedSpan[] {
  if (!/\(0010,\s?0021\)/.test(text) || /\(0012,\s?0062\)[^\n]*YES|PatientIdentityRemoved[^\n]*YES/i.test(text)) return [];
  let id: { start: number; value: string } | undefined;
  let issuer = '';
  for (const match of text.matchAll(DICOM_PATIENT)) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (match[1] === '0021') issuer = value.trim();
    else if (!id) id = { start: match.index + match[0].length - value.length - 1, value };
  }
  if (!id || !issuer || !IDENTIFIER.test(id.value.trim())) return [];
  const start = id.start + id.value.length - id.value.trimStart().length;
  return [{ start, end: start + id.value.trim().length, type: 'medical_record_number' }];
}

const EDIFACT_COM = /(?:^|['\n])\s*COM\+([^:+'?\n]{1,40}):([A-Z]{2})(?=['+\n]|$)/g;

/** EDIFACT communication contacts (`COM+441614960123:TE'`): numbers whose qualifier means telephone, fax or mobile. */
export function edifactSpans(text: string): TypedSpan[] {
  if (!text.includes('COM+')) return [];
  const out: TypedSpan[] = [];
  for (const match of text.matchAll(EDIFACT_COM)) {
    if (!EDIFACT_PHONE.has(match[2]) || !PHONE_DIGITS.test(match[1])) continue;
    const start = match.index + match[0].indexOf('COM+') + 4;
    out.push({ start, end: start + match[1].length, type: 'phone' });
  }
  return out;
}

/** An ASTM E1394 (LIS2-A2) message header: `H|\\^&|…`, maybe after a frame number (`1H|\\^&`); its field delimiter is the character after `H`. */
const ASTM_HEADER = /(?:^|[\r\n])(?:[\x02]?\d)?H([|!])\\\^&/;
/** A patient record (`P|1|…`, `2P|1|…`), also after a frame number. */
const ASTM_PATIENT = /^(?:\x02?\d)?P$/;

/**
 * ASTM E1394 patient records by field: P-3 (practice assigned patient id), P-4 (laboratory assigned) and P-5 (patient id
 * no. 3) are the patient's record numbers at the practice and the lab; a dotted ICD-10 code in a later field (P-19 known
 * or suspected diagnosis, P-28 alternative diagnostic code) is a diagnosis. Only in text with an ASTM header.
 */
export function astmSpans(text: string): TypedSpan[] {
  const header = ASTM_HEADER.exec(text);
  if (!header) return [];
  const delimiter = header[1];
  const out: TypedSpan[] = [];
  let offset = 0;
  for (const record of text.split(/(?<=\r\n|\r|\n)/)) {
    const fields = record.replace(/[\r\n]+$/, '').split(delimiter);
    if (ASTM_PATIENT.test(fields[0])) {
      let at = offset;
      fields.forEach((field, i) => {
        const value = field.split('^')[0].trim();
        const start = at + field.indexOf(value);
        if (i >= 2 && i <= 4 && value && IDENTIFIER.test(value)) out.push({ start, end: start + value.length, type: 'medical_record_number' });
        if (i >= 17) {
          let part = at;
          for (const component of field.split(/[\\^]/)) {
            if (/\./.test(component) && ICD10_CODE.test(component)) out.push({ start: part, end: part + component.length, type: 'icd10' });
            part += component.length + 1;
          }
        }
        at += field.length + 1;
      });
    }
    offset += record.length;
  }
  return out;
}
