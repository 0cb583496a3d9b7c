import type { DlpDetector } from '../dlp-detector.interfaces';

/** Medical record numbers: after `MRN`, `medical record number`, or under such a key. */
export const medicalRecordNumber: DlpDetector = {
  type: 'medical_record_number',
  pattern:
    /(?<![A-Za-z])(?:MRN|medical[ _-]record[ _-]?(?:number|no\.?|num|#)?|med[ .]?rec(?:ord)?[ .]?(?:no\.?|#))\)?\s*(?:[:#=]|is)?\s*(?<v>[A-Z]{0,3}-?\d{5,12})(?![\w-])/gi,
  // Also NCPDP SCRIPT's `MedicalRecordIdentificationNumberEHR` and other `medicalRecord…` names.
  key: /^(?:mrn|patientmrn|medicalrecord[a-z]*|medrec(?:no|num|number)?)$/,
  keyValue: /^\s*[A-Za-z]{0,3}-?\d{5,12}\s*$/,
};

/** Health insurance ids: Medicare MBIs by shape; member / policy / subscriber numbers with insurance context. */
export const healthInsuranceNumber: DlpDetector = {
  type: 'health_insurance_number',
  pattern: new RegExp(
    [
      // Medicare Beneficiary Identifier: 1EG4-TE5-MK73 (letters without S, L, O, I, B, Z).
      String.raw`(?<![A-Za-z0-9])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}(?![A-Za-z0-9])`,
      String.raw`(?<![A-Za-z])(?:member|subscriber|policy|insurance|medicare|medicaid|health plan|insured|cardholder)[ _-]?(?:id|no\.?|number|num|#)\s*(?:[:#=]|is)?\s*(?<v>(?=(?:[A-Z-]*\d){4})[A-Z0-9][A-Z0-9-]{5,19})(?![\w-])`,
      // German statutory insurance number (KVNR): a letter and nine digits, after its label.
      String.raw`(?<![A-Za-z])(?:Versichertennummer|Krankenversichertennummer|Versicherten-Nr\.?|KVNR|Versicherungsnummer)\s*(?:[:#=]|ist)?\s*(?<v2>[A-Z]\d{9})(?![\w-])`,
    ].join('|'),
    'gi',
  ),
  context:
    /\b(?:insurance|insured|insurer|health|medical|medicare|medicaid|plan|policy|coverage|payer|member|subscriber|claim|beneficiary|patient|mbi|versichert[a-z]*|kvnr|krankenkasse|krankenversicherung|seguro|asegurado|assurance maladie|assuré|mutuelle)\b/i,
  // A label may sit in the question before the answer (`your Medicare number …? It's 1EG4-…`).
  contextWindow: { before: 90, after: 40 },
  // Also a parent key read with its child (`{ medicaid: { recipientId } }` → `medicaidrecipientid`).
  key: /^(?:insuranceid|insurancenumber|insuranceno|healthplanid|healthplannumber|(?:medicare|medicaid)(?:recipient|beneficiary|member|enrollee)?(?:id|number|no|cin)|mbi|hicn|kvnr|policynumber|policyno|policyid|(?:payer|plan|insurance|health|dental|medical)?(?:member|subscriber|insured|cardholder)id|insurancememberid|(?:insurance|benefits?)cardholderid)$/,
  keyValue: /^\s*(?=(?:[A-Za-z-]*\d){4})[A-Za-z0-9][A-Za-z0-9-]{5,19}\s*$/,
};

/**
 * ICD-10 diagnosis codes (`E11.9`, `J45.909`, `U07.1`): only with diagnostic context — a key like
 * `diagnosis_code` or a word like diagnosis / dx / ICD nearby — and never as `vitamin B12`.
 */
export const icd10: DlpDetector = {
  type: 'icd10',
  pattern: /(?<![A-Za-z0-9.-])[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?(?![A-Za-z0-9]|\.\d)/g,
  // Words of clinical documentation and coding (English, and diagnosis in other languages).
  context:
    /\b(?:icd(?:[- ]?10)?(?:[- ]?cm)?|diagnos[a-z]*|diagn[oó]stico|diagnosi|dx|ddx|condition codes?|billing codes?|primary codes?|secondary codes?|comorbidit[a-z]*|icd10|coded as|coder|billed as|assessment|impression|indication|referr(?:al|ed|ing)|chief complaint)\b/i,
  contextWindow: { before: 50, after: 30 },
  validate: (_value, text, index) => !/vitamin\s*$/i.test(text.slice(Math.max(0, index - 12), index)),
};
