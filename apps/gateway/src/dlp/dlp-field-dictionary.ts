import { labelTypes } from './dlp-labels';
import type { SubText } from './dlp-structure';
import { embeddedPairs } from './dlp-structure';
import { xmlTexts } from './dlp-xml';

// A data dictionary beside a record: what each of its coded field names means.

/** A field's code name (`ePatient.12`, `F0042`, `PID_3`) and a description of words (`Social Security Number`). */
const CODE_NAME = /^[A-Za-z_][\w.:/-]{0,63}$/;
const DESCRIPTION = /^(?=.*\p{L}{2})[\p{L}\p{N} .,'’()/&#:-]{3,120}$/u;
const MAX_FIELDS = 400;

/**
 * The dictionary an object carries beside a record whose fields are named by codes (NEMSIS `ePatient.12`, a registry's `F0042`,
 * an export's numbered columns): a sibling object of code names to descriptions of words, one of which at least names a type.
 * Undefined when the object has none.
 */
export function fieldDictionary(object: Record<string, unknown>): { key: string; names: ReadonlyMap<string, string> } | undefined {
  // Only beside a record whose fields are named in its text (XML elements, pairs): most objects have none.
  let record = false;
  for (const key in object) {
    const value = object[key];
    if ((record = typeof value === 'string' && (value.includes('<') || value.includes('=')))) break;
  }
  if (!record) return undefined;
  for (const [key, value] of Object.entries(object)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length < 2 || entries.length > MAX_FIELDS) continue;
    if (!entries.every(([name, text]) => CODE_NAME.test(name) && typeof text === 'string' && DESCRIPTION.test(text))) continue;
    if (!entries.some(([, text]) => labelTypes(text as string).length)) continue;
    return { key, names: new Map(entries as Array<[string, string]>) };
  }
  return undefined;
}

/** The fields of `text` (XML elements, `name=value` pairs) a dictionary describes, each under its description. */
export function dictionaryFields(text: string, names: ReadonlyMap<string, string>): SubText[] {
  const out: SubText[] = [];
  for (const sub of [...xmlTexts(text), ...embeddedPairs(text)]) {
    const description = names.get(sub.key);
    if (description) out.push({ ...sub, key: description });
  }
  return out;
}
