import type { DlpType } from '../message/dlp.types';
import { ICD10_CODE, IDENTIFIER, identifierShape, identifierType, identifierTypeNamed } from './dlp-structure';

/**
 * Keys that only wrap a value and say nothing about it: `{ value }` under a named key (Spring
 * Actuator, settings dumps), OpenTelemetry and Firestore `{ stringValue }` / `{ arrayValue: { values } }`, DynamoDB `{ S }` / `{ N }`, DICOM JSON
 * `{ Value: [...] }`, xml2js `_` / `#text`. The detectors read such a value under the key above.
 */
// Also the forms a secrets manager gives one value in (Doppler `{ raw, computed }`), and a text extractor's `{ content }` (Azure Document Intelligence).
const WRAPPER_KEYS = new Set(['value', 'Value', 'values', 'Values', 'val', 'computed', 'raw', 'plaintext', 'decrypted', 'resolved', 'content', 'stringValue', 'intValue', 'doubleValue', 'boolValue', 'bytesValue', 'arrayValue', 'mapValue', 'integerValue', 'S', 'N', '#text', '_text', '_', '$t']);

/** True when `key` only wraps its value (see {@link WRAPPER_KEYS}). */
export function isWrapperKey(key: string): boolean {
  return WRAPPER_KEYS.has(key);
}

/** A scalar, or a wrapper object around one (`{ stringValue: 'x' }`). */
function isValue(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 1 && isWrapperKey(entries[0][0]) && (typeof entries[0][1] === 'string' || typeof entries[0][1] === 'number');
}

// Also a form's question and its answer (Calendly, intake forms), and a typed credential (Keycloak `{ type: 'password', value }`).
// A code typed by its kind (`{ type: 'dx', code: 'O24.410' }`), a keychain item (`{ acct: 'accountPassword', v_Data }`), a board's
// column (`{ id: 'phone', text }`). Keys are matched in any case: deploy tools and .NET serialisers write `{ Name, Value }`.
// As written (`fieldValue`, `v_Data`), and in the other styles keys come in (`Value`, `VALUE`, `field_value`): looked up as
// properties, no map built; the other styles only for an object with a key starting with a capital.
const styles = (names: string[]): string[] => [
  ...new Set(names.flatMap((name) => [name[0].toUpperCase() + name.slice(1), name.toUpperCase(), name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase(), name.toLowerCase()])),
].filter((name) => !names.includes(name));
const VALUE_KEYS = ['value', 'val', 'fieldValue', 'answer', 'response', 'code', 'v_Data', 'text'];
// Also a browser test's step (`{ command: 'type', target: 'id=password', value }`): the field typed into is its target.
const NAME_KEYS = ['name', 'key', 'field', 'fieldName', 'label', 'param', 'parameter', 'attribute', 'property', 'header', 'ref', 'question', 'prompt', 'type', 'acct', 'id', 'title', 'variable', 'setting', 'target'];
const VALUE_KEYS_STYLED = [...VALUE_KEYS, ...styles(VALUE_KEYS)];
const NAME_KEYS_STYLED = [...NAME_KEYS, ...styles(NAME_KEYS)];
/**
 * Keys of a nested field description naming the field (`field: { id: 'x8Ty…', ref: 'member_id' }`): a ref or a name, not a random id;
 * an extracted key's text (`key: { content: 'Subscriber ID' }`).
 */
const NESTED_NAME_KEYS = ['ref', 'name', 'key', 'label', 'title', 'content', 'text'];
// A name may be a path whose last part names the value (Consul KV `services/ledger/db/password`).
// Also a private field's name (WordPress post meta `_offline_cc_cvc`).
// A parameter store's path (`/prod/orders/db_password`, AWS SSM), a locator (`id=password`, `name=pin`).
const FIELD_NAME = /^(?:_{0,2}|\/)[A-Za-z][\w .#/()=-]{0,63}$/;

/**
 * A JSON object that names the field it carries — `{ name: 'card_cvc', value: '123' }`, `{ key:
 * 'Authorization', value: … }`, `{ label: 'SSN', value: … }` (form fields, Postman headers, name /
 * value lists), OpenTelemetry attributes `{ key: 'dx', value: { stringValue } }`, form answers whose
 * field is described in an object of its own and whose value sits under the key its `type` names
 * (`{ type: 'text', field: { id, ref: 'member_id' }, text: … }`, or a field `{ id }` whose title `titles` gives):
 * the key of the value and the name it should be read under.
 */
export function namedValue(object: Record<string, unknown>, titles?: ReadonlyMap<string, string>): { key: string; name: string } | undefined {
  let valueKeys = VALUE_KEYS;
  let nameKeys = NAME_KEYS;
  for (const key in object) {
    const first = key.charCodeAt(0);
    if (first >= 65 && first <= 90) {
      valueKeys = VALUE_KEYS_STYLED;
      nameKeys = NAME_KEYS_STYLED;
      break;
    }
  }
  let valueKey = valueKeys.find((key) => isValue(object[key]));
  if (!valueKey && typeof object.type === 'string' && object.type !== 'type' && isValue(object[object.type])) valueKey = object.type;
  if (!valueKey) return stemPair(object);
  for (const nameKey of nameKeys) {
    if (nameKey === valueKey || object[nameKey] === undefined) continue;
    let name: unknown = object[nameKey];
    if (name && typeof name === 'object' && !Array.isArray(name)) {
      const field = name as Record<string, unknown>;
      name = NESTED_NAME_KEYS.map((key) => field[key]).find((value) => typeof value === 'string' && FIELD_NAME.test(value));
      // A field known only by its id, titled in the form's definition (Typeform `definition.fields`).
      if (name === undefined && titles && typeof field.id === 'string') name = titles.get(field.id);
    }
    if (typeof name === 'string' && FIELD_NAME.test(name)) return { key: valueKey, name };
  }
  return undefined;
}

/** The last words of a key naming a kind (`legalIdType`, `id_scheme`, `documentKind`), before which is the stem it qualifies. */
const KIND_SUFFIXES = ['type', 'kind', 'scheme'];
/** The stem a key naming a kind qualifies (`legalId` of `legalIdType`, `id` of `id_scheme`), or undefined. */
function kindStem(key: string): string | undefined {
  if (key.length < 6 || key.length > 48) return undefined;
  const lower = key.toLowerCase();
  const suffix = KIND_SUFFIXES.find((word) => lower.endsWith(word));
  if (!suffix) return undefined;
  const stem = key.slice(0, -suffix.length).replace(/[_-]$/, '');
  return stem.length >= 2 ? stem : undefined;
}
/** What the value of such a stem is under (`legalIdValue`, `id_number`). */
const STEM_VALUE_SUFFIXES = ['Value', 'value', '_value', 'Number', 'number', '_number'];

/**
 * Two siblings sharing a stem, one naming the kind of the other (`{ legalIdType: 'SSN', legalIdValue: '…' }`, `{ id_type: 'MRN', id_value }`):
 * the value read under the kind it is given.
 */
function stemPair(object: Record<string, unknown>): { key: string; name: string } | undefined {
  for (const key in object) {
    const kind = object[key];
    if (typeof kind !== 'string' || kind.length > 40) continue;
    const stem = kindStem(key);
    if (!stem) continue;
    const valueKey = STEM_VALUE_SUFFIXES.map((suffix) => stem + suffix).find((name) => name !== key && isValue(object[name]));
    if (valueKey && FIELD_NAME.test(kind)) return { key: valueKey, name: kind };
  }
  return namePair(object);
}

/** The last words of a key naming a field (`ParameterKey`, `optionName`, `attribute_name`), before which is the stem it names. */
const NAME_SUFFIXES = /^(.{2,40}?)[_-]?(?:key|name)$/i;
/** What the named field's value is under: the stem and `Value` only (`accountName` names the account, not `accountNumber`'s field). */
const NAME_VALUE_SUFFIXES = ['Value', 'value', '_value', '-value'];

/**
 * Two siblings sharing a stem, one naming the field the other holds (CloudFormation's `{ ParameterKey: 'DbPassword', ParameterValue: '…' }`,
 * `{ optionName, optionValue }`, `{ attribute_name, attribute_value }`): the value read under the name it is given.
 */
function namePair(object: Record<string, unknown>): { key: string; name: string } | undefined {
  for (const key in object) {
    const name = object[key];
    if (typeof name !== 'string' || name.length > 64) continue;
    const stem = NAME_SUFFIXES.exec(key)?.[1];
    if (!stem) continue;
    const valueKey = NAME_VALUE_SUFFIXES.map((suffix) => stem + suffix).find((candidate) => isValue(object[candidate]));
    if (valueKey && FIELD_NAME.test(name)) return { key: valueKey, name };
  }
  return undefined;
}

/**
 * DICOM JSON (PS3.18 F.2) tags worth a name: the Patient Module identifiers and phone numbers, the
 * insurance plan, admitting diagnoses and their codes. Other tags keep their hex key.
 */
const DICOM_KEYWORDS: Record<string, string> = {
  '00100020': 'PatientID',
  '00100021': 'IssuerOfPatientID',
  '00101000': 'OtherPatientIDs',
  '00101002': 'OtherPatientIDsSequence',
  '00101050': 'InsurancePlanIdentification',
  '00102154': 'PatientTelephoneNumbers',
  '00081080': 'AdmittingDiagnosesDescription',
  '00081084': 'AdmittingDiagnosesCodeSequence',
  '00080100': 'CodeValue',
  '00080102': 'CodingSchemeDesignator',
  '00120062': 'PatientIdentityRemoved',
};

/** The keyword of a DICOM JSON attribute (`"00100020": { vr, Value }` → `PatientID`), if it is one of {@link DICOM_KEYWORDS}. */
export function dicomKeyword(key: string, value: unknown): string | undefined {
  if (key.length !== 8) return undefined;
  const keyword = DICOM_KEYWORDS[key.toUpperCase()];
  return keyword && value && typeof value === 'object' && 'vr' in value ? keyword : undefined;
}

/** The first value of a DICOM JSON attribute, as text. */
function dicomValue(attribute: unknown): string | undefined {
  const values = (attribute as { Value?: unknown } | undefined)?.Value;
  const first: unknown = Array.isArray(values) ? values[0] : undefined;
  return typeof first === 'string' || typeof first === 'number' ? String(first).trim() : undefined;
}

/** A file whose name says it holds secrets: rsync's `rsyncd.secrets`, `*.secrets`, `passwords.txt` (not `/etc/passwd`, which holds none). */
// Also a password file of a client or a relay (Exim `passwd.client`, Postfix `sasl_passwd`, `*.passwd`), not `/etc/passwd` itself.
const SECRETS_FILE = /(?:^|[/\\])(?:[\w.-]*\.secrets?|secrets(?:\.txt)?|[\w.-]*passwords(?:\.txt)?|passwd\.[\w-]+|[\w-]+[._]passwd)$/i;
/** A line of such a file: `user:secret`, or a comment. */
const SECRET_LINE = /^\s*(?:#.*|[^\s:#]{1,64}:\S{3,128})?\s*$/;
const CONTENT_KEYS = ['text', 'content', 'contents', 'body', 'data'];

/**
 * The key of a file's content that is `user:secret` lines, when a sibling names the file (`path`, `file`, `filename`) as one that
 * holds secrets: each such line is a password in clear (rsync's secrets file).
 */
function secretsFileContent(object: Record<string, unknown>): string | undefined {
  const file = [object.path, object.file, object.filename, object.name].find((name): name is string => typeof name === 'string');
  if (!file || file.length > 256 || !SECRETS_FILE.test(file)) return undefined;
  return CONTENT_KEYS.find((key) => {
    const content = object[key];
    return typeof content === 'string' && content.length < 65_536 && /:/.test(content) && content.split('\n').every((line) => SECRET_LINE.test(line));
  });
}

/**
 * What a JSON object's shape says about one of its values (FHIR and look-alikes): an identifier
 * `{ type: { coding: [{ code: 'MR' }] }, value }` or `{ system: '…/mrn', value }`, a telecom `{ system: 'email' | 'phone', value }`, a
 * coding `{ system: '...icd-10...', code }`; a DICOM JSON Patient ID with an Issuer of Patient ID
 * (the hospital's medical record number, unless Patient Identity Removed says `YES`); a private JWK's `d`. Returns the
 * key of the value and its type.
 */
export function shapeHint(object: Record<string, unknown>): { key: string; type: DlpType } | undefined {
  const secrets = secretsFileContent(object);
  if (secrets) return { key: secrets, type: 'password' };
  if ('00100020' in object) {
    const id = dicomValue(object['00100020']);
    const deidentified = /^YES$/i.test(dicomValue(object['00120062']) ?? '');
    if (id && IDENTIFIER.test(id) && dicomValue(object['00100021']) && !deidentified) return { key: '00100020', type: 'medical_record_number' };
  }
  // A JSON Web Key with its private exponent or scalar (`d`, RFC 7517/7518): a private key (a public JWK has no `d`).
  if (typeof object.kty === 'string' && typeof object.d === 'string' && /^[A-Za-z0-9_-]{16,}$/.test(object.d)) return { key: 'd', type: 'private_key' };
  const system = typeof object.system === 'string' ? object.system.toLowerCase() : '';
  if (typeof object.code === 'string' && /icd-?10/.test(system)) return { key: 'code', type: 'icd10' };
  const qualified = qualifiedValue(object);
  if (qualified) return qualified;
  if (typeof object.value !== 'string' && typeof object.value !== 'number') return undefined;
  if (system === 'email') return { key: 'value', type: 'email' };
  if (system === 'phone' || system === 'sms' || system === 'fax') return { key: 'value', type: 'phone' };
  const type = object.type as { coding?: Array<{ code?: unknown }>; text?: unknown } | undefined;
  const codes = Array.isArray(type?.coding) ? type.coding.map((c) => (typeof c?.code === 'string' ? c.code : undefined)) : [];
  for (const code of codes) {
    const hinted = identifierType(code);
    if (hinted) return { key: 'value', type: hinted };
  }
  // An identifier whose system names its type: `http://hospital.example.org/mrn`, `http://hl7.org/fhir/sid/us-ssn`, `…/us-mbi`.
  if (system && IDENTIFIER.test(String(object.value))) {
    const named = identifierTypeNamed(system.replace(/[/:._-]+/g, ' '));
    if (named) return { key: 'value', type: named };
  }
  return undefined;
}

/** Keys that make an object a turn of a conversation (a transcript segment, a chat message). */
const SPEAKER_KEYS = ['speaker', 'role', 'from', 'author', 'sender', 'participant', 'channel', 'user'];
/** Who speaks in a turn keyed by its speaker (`{ bot: '…' }`, `{ user: '…' }`) or named in a row's cell (`["00:41", "agent", "…"]`). */
const SPEAKER = /^(?:bot|agent|user|customer|caller|callee|client|assistant|system|human|ai|operator|rep|representative|member|patient|nurse|doctor|staff|me|them|ivr|cashier|guest)$/i;

/** True when `item` is one turn of a conversation: an object with a speaker-like key, a single field keyed by its speaker, or a row naming its speaker. */
function isTurn(item: unknown): boolean {
  if (!item || typeof item !== 'object') return false;
  if (Array.isArray(item)) return item.length >= 2 && item.length <= 6 && item.some((cell) => typeof cell === 'string' && SPEAKER.test(cell)) && typeof item[item.length - 1] === 'string';
  const keys = Object.keys(item);
  return SPEAKER_KEYS.some((key) => key in item) || (keys.length === 1 && SPEAKER.test(keys[0]));
}

/**
 * True when `items` reads as a conversation: at least two turns — objects with a speaker-like key, objects of one field
 * keyed by the speaker (a bot's log), or rows naming the speaker (a call log `[time, speaker, text]`).
 */
export function isConversation(items: unknown[]): boolean {
  return items.length >= 2 && items.every(isTurn);
}

/** The field of a turn its text is kept under for the next turn: the field's key, or one slot for a turn of a single field (`{ bot }` then `{ user }`). */
export function turnField(turn: unknown, key: string): string {
  return turn && typeof turn === 'object' && !Array.isArray(turn) && Object.keys(turn).length === 1 ? '*' : key;
}

/** Most lines (and characters) of an array of lines read as one text. */
const MAX_LINES = 2_000;
const MAX_LINES_CHARS = 64 * 1024;

/** True when `items` are the lines of one text (Jupyter `source` and `text` outputs): strings, each but the last ending with a line break. */
export function isLines(items: unknown[]): items is string[] {
  if (items.length < 2 || items.length > MAX_LINES) return false;
  let chars = 0;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i];
    if (typeof item !== 'string' || (i < items.length - 1 && !item.endsWith('\n'))) return false;
    chars += item.length;
  }
  return chars <= MAX_LINES_CHARS;
}

/**
 * The column names of a table given as rows (Google Sheets `values`, CSV parsed to arrays, `[["mrn",
 * "dx"], ["0037…", "S52.501A"]]`): at least two rows, every row an array, the first of 2 to 64 short
 * names. Undefined when `rows` is not such a table.
 */
export function tableHeader(rows: unknown[]): string[] | undefined {
  if (rows.length < 2 || !rows.every(Array.isArray) || labelPairs(rows)) return undefined;
  const first = rows[0] as unknown[];
  if (first.length < 2 || first.length > 64) return undefined;
  if (!first.every((cell) => typeof cell === 'string' && /^[A-Za-z][\w .#/()-]{0,40}$/.test(cell))) return undefined;
  return first as string[];
}

/** A label: a short text with a letter and at most a few digits (`Insurance Member #`, `SSN (last 9)`, `Pt Name`). */
const PAIR_LABEL = /^(?=[^\d]*(?:\d[^\d]*){0,3}$)[\p{L}][\p{L}\p{N} .,'’?#/()&:-]{0,60}$/u;

/**
 * True when `rows` are label / value pairs (`[["Pt Name", "…"], ["SSN (last 9)", "…"], …]`, a form's fields as pairs): every row two
 * items, each first a label — not a table whose first row names the columns (its rows below start with values).
 */
export function labelPairs(rows: unknown[]): boolean {
  if (rows.length < 2 || rows.length > 1_000) return false;
  return rows.every((row) => Array.isArray(row) && row.length === 2 && typeof row[0] === 'string' && PAIR_LABEL.test(row[0]));
}

const CELL_ADDRESS = /^([A-Z]{1,3})(\d{1,7})$/;
const HEADER_NAME = /^[\p{L}_][\p{L}\p{N}_ .,'’?#/()-]{0,80}$/u;

/**
 * Cells keyed by their address (`{ A1: 'Holder', C1: 'CVV2', C2: '…' }`, a spreadsheet dumped as JSON),
 * row 1 naming the columns: the name each cell below row 1 is read under, by its key. Undefined when
 * the object is no such sheet.
 */
export function sheetColumns(object: Record<string, unknown>): Map<string, string> | undefined {
  const keys = Object.keys(object);
  if (keys.length < 4 || keys.length > 100_000) return undefined;
  const header = new Map<string, string>();
  let below = false;
  for (const key of keys) {
    const address = CELL_ADDRESS.exec(key);
    if (!address) return undefined;
    const cell = object[key];
    if (address[2] === '1' && typeof cell === 'string' && HEADER_NAME.test(cell)) header.set(address[1], cell);
    else if (address[2] !== '1') below = true;
  }
  if (!header.size || !below) return undefined;
  const names = new Map<string, string>();
  for (const key of keys) {
    const address = CELL_ADDRESS.exec(key)!;
    const name = header.get(address[1]);
    if (address[2] !== '1' && name) names.set(key, name);
  }
  return names;
}

const HEADER_KEYS = ['header', 'headers', 'columns', 'columnNames', 'column_names', 'fields', 'cols'];
const ROWS_KEYS = ['rows', 'data', 'values', 'records', 'items', 'results'];

/**
 * A table given as a header and its rows side by side (`{ header: ['Worker', 'Carrier Member ID'],
 * rows: [['…', '…']] }`, report exports, query results): the key of the rows and the column names.
 */
export function siblingHeader(object: Record<string, unknown>): { rowsKey: string; header: string[] } | undefined {
  const headerKey = HEADER_KEYS.find((key) => Array.isArray(object[key]));
  const rowsKey = headerKey && ROWS_KEYS.find((key) => Array.isArray(object[key]));
  if (!headerKey || !rowsKey) return undefined;
  const header = object[headerKey] as unknown[];
  const rows = object[rowsKey] as unknown[];
  if (header.length < 2 || header.length > 64 || !header.every((name) => typeof name === 'string' && HEADER_NAME.test(name))) return undefined;
  if (!rows.length || !rows.every((row) => Array.isArray(row) && row.length === header.length)) return undefined;
  return { rowsKey, header: header as string[] };
}

const QUERY_KEYS = ['query', 'sql', 'message', 'statement', 'text'];
const PARAMETER_KEYS = ['params', 'parameters', 'bindings', 'args'];
const QUERY_WITH_PLACEHOLDERS = /\b(?:insert|select|update|delete)\b[\s\S]*(?:\$\d|\?)/i;

/**
 * A logged query and its bound parameters in fields side by side (Prisma's query event `{ query |
 * message, params: '["…"]' }`, Sequelize, knex): both as one text, the parameters printed after the
 * query as TypeORM prints them. Undefined when the object is no such event.
 */
export function boundQuery(object: Record<string, unknown>): { text: string; parts: string[] } | undefined {
  if (!PARAMETER_KEYS.some((key) => key in object)) return undefined;
  const query = QUERY_KEYS.map((key) => object[key]).find((value): value is string => typeof value === 'string' && value.length <= 8_192 && QUERY_WITH_PLACEHOLDERS.test(value));
  if (!query) return undefined;
  for (const key of PARAMETER_KEYS) {
    const value = object[key];
    const parameters = typeof value === 'string' && value.trimStart().startsWith('[') ? value : Array.isArray(value) && value.length <= 1_000 ? JSON.stringify(value) : undefined;
    if (parameters && parameters.length <= 8_192) return { text: `${query}\n-- PARAMETERS: ${parameters}`, parts: [query, parameters] };
  }
  return undefined;
}

/** The text of one run of rich text: Notion `{ plain_text }`, Slack rich-text elements `{ type: 'text', text }`. */
export function runText(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const run = item as Record<string, unknown>;
  // A run in code style as Markdown writes it (`` `…` ``), as Notion's own export does.
  const code = (run.annotations as { code?: unknown } | undefined)?.code === true || (run.style as { code?: unknown } | undefined)?.code === true;
  const text = typeof run.plain_text === 'string' ? run.plain_text : run.type === 'text' && typeof run.text === 'string' ? run.text : undefined;
  return text !== undefined && code ? `\x60${text}\x60` : text;
}

/** Keys a speech recogniser keeps one recognised word under (Rev.ai `value`, Deepgram `word` / `punctuated_word`, AWS Transcribe `content`). */
const WORD_KEYS = ['value', 'punctuated_word', 'word', 'content', 'text'];

/** The word of one item of a word-level transcript, if it is one: a short token without spaces, maybe typed `text` or `punct`. */
function wordOf(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const token = item as Record<string, unknown>;
  if (token.type !== undefined && token.type !== 'text' && token.type !== 'punct' && token.type !== 'pronunciation' && token.type !== 'punctuation') return undefined;
  for (const key of WORD_KEYS) {
    const word = token[key];
    if (typeof word === 'string') return /^\S{1,64}$/.test(word) || (token.type === 'punct' && word.length <= 2) ? word : undefined;
  }
  return undefined;
}

/**
 * A word-level transcript (one recognised word per item: Rev.ai `elements`, Deepgram `words`, AWS Transcribe `items`): the words
 * read as the sentence they make, punctuation glued to the word before; undefined when `items` are not such words.
 */
export function transcriptWords(items: unknown[]): { text: string; words: string[] } | undefined {
  if (items.length < 3 || items.length > MAX_LINES) return undefined;
  const words: string[] = [];
  for (const item of items) {
    const word = wordOf(item);
    if (word === undefined) return undefined;
    words.push(word);
  }
  const text = words.reduce((sentence, word) => (!sentence ? word : /^[.,!?;:]$|^\s+$/.test(word) ? sentence + word.trim() : `${sentence} ${word}`), '');
  return text.length <= MAX_LINES_CHARS ? { text, words } : undefined;
}

/** The runs of one paragraph of rich text (Notion `rich_text`, Slack `rich_text_section` elements), joined; undefined when `items` are not such runs. */
export function textRuns(items: unknown[]): string | undefined {
  if (items.length < 2 || items.length > MAX_LINES) return undefined;
  const texts = items.map(runText);
  if (texts.some((text) => text === undefined)) return undefined;
  const joined = texts.join('');
  return joined.length <= MAX_LINES_CHARS ? joined : undefined;
}

/**
 * The titles of a form's fields by id, when the object carries its definition beside its answers
 * (a Typeform response: `{ definition: { fields: [{ id, title }] }, answers: [{ field: { id }, … }] }`).
 */
export function formFieldTitles(object: Record<string, unknown>): Map<string, string> | undefined {
  const fields = (object.definition as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields) || !Array.isArray(object.answers) || fields.length > 1_000) return undefined;
  const titles = new Map<string, string>();
  for (const field of fields) {
    const { id, title } = (field ?? {}) as { id?: unknown; title?: unknown };
    if (typeof id === 'string' && typeof title === 'string' && FIELD_NAME.test(title)) titles.set(id, title);
  }
  return titles.size ? titles : undefined;
}

/**
 * Keys of a sibling saying what kind of value an object holds — its scheme, issuer, terminology, coding system, assigning
 * authority (openEHR `{ value, scheme: 'MRN' }`, `defining_code: { terminology_id: { value: 'ICD-10' }, code_string }`,
 * DICOM `{ PatientID, IssuerOfPatientID: 'MRN' }`) — and `type` / `kind`, which count only with an identifier type code (`MR`, `SS`).
 */
// Also a code naming the id (ADP `governmentIDs: [{ idValue, nameCode: { codeValue: 'SSN' } }]`, `typeCode`, `documentType`).
const QUALIFIER_KEY = /^(?:namecode|typecode|idtypecode|documenttype|scheme|idscheme|system|codesystem(?:name)?|codingscheme(?:designator)?|terminology(?:id)?|vocabulary(?:id)?|issuer(?:of[a-z]+)?|assigningauthority(?:name)?|authority|namespace|identifiertype|idtype|type|kind)$/;
/** Keys of the value a qualifier describes (normalised). */
const QUALIFIED_KEYS = ['value', 'id', 'idvalue', 'code', 'codestring', 'codevalue', 'extension', 'identifier', 'number'];

/** The text of a qualifier: a string, or the one string of an object (`{ value: 'ICD-10' }`). */
function qualifierText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length <= 80 ? value : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const texts = Object.values(value as Record<string, unknown>).filter((item): item is string => typeof item === 'string');
  return texts.length === 1 && texts[0].length <= 80 ? texts[0] : undefined;
}

/** A value whose sibling names its kind (see {@link QUALIFIER_KEY}), if the value has that kind's shape. */
function qualifiedValue(object: Record<string, unknown>): { key: string; type: DlpType } | undefined {
  const entries = Object.entries(object);
  if (entries.length > 24) return undefined;
  const normal = entries.map(([key]) => key.toLowerCase().replace(/[^a-z0-9]/g, ''));
  for (let i = 0; i < entries.length; i += 1) {
    const qualifier = QUALIFIER_KEY.exec(normal[i]);
    if (!qualifier) continue;
    const text = qualifierText(entries[i][1]);
    if (!text) continue;
    const coded = normal[i] === 'type' || normal[i] === 'kind';
    const type: DlpType | undefined = /^icd[\s_-]?10(?:[\s_-]?cm)?$|^i10c?$/i.test(text.trim()) ? 'icd10' : coded ? identifierType(text) : identifierTypeNamed(text);
    if (!type) continue;
    // `IssuerOfPatientID` qualifies `PatientID`; the other qualifiers the object's value, id or code.
    const of = normal[i].startsWith('issuerof') ? normal[i].slice('issuerof'.length) : undefined;
    const target = entries.findIndex(([, value], j) => j !== i && (typeof value === 'string' || typeof value === 'number') && (of ? normal[j] === of : QUALIFIED_KEYS.includes(normal[j])));
    if (target < 0) continue;
    const value = String(entries[target][1]).trim();
    if (type === 'icd10' ? ICD10_CODE.test(value) : identifierShape(type).test(value)) return { key: entries[target][0], type };
  }
  return undefined;
}

/** A program name or path (`mysql`, `/usr/bin/pg_dump`, `docker`). */
const PROGRAM = /^(?:[\w.-]*\/)*[A-Za-z][\w.+-]{0,40}$/;

/**
 * A command line given as its arguments (`["mysql", "-h", "10.2.0.7", "-pzephyr…", "orders"]`): 2 to 256 strings without line
 * breaks, the first a program, at least one an option (`-x`, `--name`); the line joined by spaces, or undefined.
 */
export function commandLine(items: unknown[]): string | undefined {
  if (items.length < 2 || items.length > 256 || typeof items[0] !== 'string' || !PROGRAM.test(items[0])) return undefined;
  let option = false;
  let chars = 0;
  for (const item of items) {
    if (typeof item !== 'string' || item.includes('\n')) return undefined;
    chars += item.length;
    option ||= item.length > 1 && item.charCodeAt(0) === 45;
  }
  return option && chars <= 8_192 ? (items as string[]).join(' ') : undefined;
}
