import type { DlpType } from '../message/dlp.types';
import { ICD10_CODE, MEMBER_IDENTIFIER, TypedSpan } from './dlp-structure';

// NCPDP Telecommunication Standard (D.0) pharmacy claims: segments after a record separator, fields after a field separator, each
// field opened by its two-character id.

/** The field separator (0x1C) then an id: the cheap test of an NCPDP transaction. */
const NCPDP_FIELD = /\x1c(?:C2|DO)/;
/** Fields whose value is of a DLP type: 302-C2 cardholder id (the member id), 424-DO diagnosis code (ICD-10 when 492-WE says `02`, or by shape). */
const NCPDP_TYPES: Record<string, { type: DlpType; shape: RegExp }> = {
  C2: { type: 'health_insurance_number', shape: MEMBER_IDENTIFIER },
  DO: { type: 'icd10', shape: ICD10_CODE },
};

/** The cardholder ids and diagnosis codes of an NCPDP D.0 claim, by field id. */
export function ncpdpSpans(text: string): TypedSpan[] {
  if (!NCPDP_FIELD.test(text)) return [];
  const out: TypedSpan[] = [];
  let at = text.indexOf('\x1c');
  while (at >= 0 && out.length < 200) {
    const next = text.indexOf('\x1c', at + 1);
    const field = text.slice(at + 1, next < 0 ? undefined : next).replace(/[\x1d\x1e\x03][\s\S]*$/, '');
    const known = NCPDP_TYPES[field.slice(0, 2)];
    const value = field.slice(2).trim();
    if (known && known.shape.test(value)) out.push({ start: at + 3, end: at + 3 + value.length, type: known.type });
    at = next;
  }
  return out;
}
