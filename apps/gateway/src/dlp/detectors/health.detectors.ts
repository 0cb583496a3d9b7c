import type { DlpDetector } from '../dlp-detector.interfaces';

/**
 * What a medical record number looks like: up to four letters (a site prefix), then digits, maybe in
 * dash or dot groups (`M7119412`, `00714551`, `084-8438-47`, `MR-0044172`), maybe a check letter.
 */
const MRN_VALUE = String.raw`[A-Z]{0,4}-?\d+(?:[-.]\d+){0,3}(?:-?[A-Z])?`;
/** 5 to 14 digits in an MRN-shaped value (fewer is a bed or a room, more an account or a barcode). */
const mrnDigits = (value: string): boolean => {
  const digits = value.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 14;
};

/**
 * Medical record numbers after their label — `MRN`, `MR#`, `MR No.`, `medical record number`, `Med
 * Rec #`, `chart number`, `hospital number`, `UR number`, and the words of other languages (Spanish
 * `historia clínica`, Portuguese `prontuário`, French `dossier médical`, Italian `cartella clinica`,
 * German `Patientenakte`, Russian `медицинская карта`, Chinese `病历号`, Japanese `カルテ番号`) — with
 * `:`, `#`, `=`, `is`, a LaTeX `~` or nothing between; or under such a key.
 */
export const medicalRecordNumber: DlpDetector = {
  type: 'medical_record_number',
  pattern: new RegExp(
    String.raw`(?:(?<![A-Za-z])(?:MRN|E?MRN#?|MR ?(?:#|No\.?|Nr\.?|Number)|medical[ _-]record[ _-]?(?:number|no\.?|nr\.?|num|#|id)?|med[ .]?rec(?:ord)?[ .]?(?:no\.?|num(?:ber)?|#)|chart[ _-]?(?:number|no\.?|#)|hosp(?:ital)?[ _-]?(?:number|no\.?|#)|UR[ _-]?(?:number|no\.?)|historia cl[ií]nica|n[uú]mero de historia|prontu[aá]rio|dossier m[ée]dical|cartella clinica|Patientenakte|Krankenakte|Krankengeschichte|health[ _-]record[ _-]?(?:number|no\.?|#)|journalnummer|potilasnumero|processo cl[ií]nico|n[°º]\.? ?IPP|n[°º]?\.? de dossier)` +
      String.raw`|медицинск(?:ая|ой) карт[аы]|номер карты|病历号|病案号|住院号|病歷號碼?|カルテ番号|診察券番号|מספר תיק רפואי)` +
      // Then maybe the abbreviation in brackets (`Medical Record Number (MRN):`), a number word, a separator.
      String.raw`\)?(?:\s*\((?:[A-Za-z]{2,6}|[A-Za-zÀ-ÿ ]{6,30})\))?(?:[\s~]*(?:n[oº°]\.?|nr\.?|n[uú]m(?:ero)?\.?|number|#))?[\s~]*(?:[:#=№]|is|es|é|ist|est)?[\s~]*(?<v>${MRN_VALUE})(?![\w-])`,
    'gi',
  ),
  validate: mrnDigits,
  // Also NCPDP SCRIPT's `MedicalRecordIdentificationNumberEHR` and other `medicalRecord…` names.
  key: /^(?:[a-z]*mrn(?:id|no|num|number)?|[a-z]*medicalrecord[a-z]*|medrec[a-z]*|mr(?:no|num|number)|chart(?:no|num|number)|hospital(?:no|num|number)|urnumber|prontuario|historiaclinica|nhc)$/,
  keyValue: /^\s*(?=(?:\D*\d){5})(?!(?:\D*\d){15})[A-Za-z]{0,4}-?\d+(?:[-.]\d+){0,3}(?:-?[A-Za-z])?\s*$/,
  // A patient's id in a clinical system (`Patient ID:`, `Pt ID`, `PAT ID`, `Patient #`) is its record number when it is what hospitals
  // issue, six digits or more and nothing else; a shorter one is a practice system's row id (an API's `patientid: 79793`), one with
  // letters may be a study's pseudonym (`ANON7781204`; DICOM's Patient ID has rules of its own: an issuer, de-identification).
  keyValid: (value, keyPath) => !PATIENT_ID.test(keyPath) || /^\s*\d{6,14}\s*$/.test(value),
};

/** The last key naming a patient's id rather than a record (`patient id`, `Pt ID`, `patientid`, `PAT ID`, `Patient #`). */
const PATIENT_ID = /(?:^|\s)(?:patient|pt|pat)\.?\s*(?:id|#|no\.?|nr\.?|number)\s*$/i;

/** Words of the keys above a policy number that say it insures something other than health. */
const OTHER_INSURANCE = /\b(?:employers?|workers?|workers comp|compensation|wc|auto|vehicle|motor|car|home(?:owners?)?|property|renters?|life|liability|travel|pet|business|commercial|fleet|marine)\b/i;

/** Words of health cover and its administration (for a member id given after the bare word `member`). */
export const HEALTH_COVER = /\b(?:insur[a-z]*|health|medic[a-z]*|payer|plan|claims?|patient|dental|vision|pharmacy|rx|copay|coverage|benefits?|eligib[a-z]*|auth(?:ori[sz]ation)?|dx|diagnos[a-z]*|admission|ur|utilization)\b/i;

/**
 * Words of the other things people are members of — airline and hotel programmes, loyalty schemes, clubs, libraries, gyms: a
 * text with one of them and no word of health cover numbers a membership, not an insurance.
 */
export const OTHER_MEMBERSHIP = /\b(?:miles|points|frequent flyer|loyalty|rewards?|pnr|airlines?|boarding|bonus|hotel|club|gym|fitness|library|stamps|cashback|tier (?:status|points))\b/i;
/** True when `text` numbers another membership than health cover (see {@link OTHER_MEMBERSHIP}). */
export const otherMembership = (text: string): boolean => OTHER_MEMBERSHIP.test(text) && !HEALTH_COVER.test(text);

/** A Health Insurance Claim Number: nine digits in the SSN ranges, then a beneficiary identification code (`A`, `B1`, `C2`, `D`, `T`, …). */
const HICN = /^\s*(?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4}[A-Z][0-9A-Z]?\s*$/;
/** The HICN's names, as keys and labels give them. */
const HICN_NAME = /\b(?:hicn|health insurance claim (?:number|no|nr)|medicare claim (?:number|no))\b/i;

/** Health insurance ids: Medicare MBIs by shape; member / policy / subscriber numbers with insurance context. */
export const healthInsuranceNumber: DlpDetector = {
  type: 'health_insurance_number',
  pattern: new RegExp(
    [
      // Medicare Beneficiary Identifier: 1EG4-TE5-MK73 (letters without S, L, O, I, B, Z).
      String.raw`(?<![A-Za-z0-9])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}(?![A-Za-z0-9])`,
      String.raw`(?<![A-Za-z])(?:member|subscriber|policy|insurance|medicare|medicaid|health plan|insured|cardholder)[ _-]?(?:id|no\.?|number|num|#)(?:\s*\([A-Za-z]{2,6}\))?\s*(?:#?\s*[:=]|#|is)?\s*(?<v>(?=(?:[A-Z-]*\d){4})[A-Z0-9][A-Z0-9-]{5,19}(?: \d{2}(?![\w-]))?)(?![\w-])`,
      // A member id with the member's suffix after the bare word (`Member U33095250 02`): the suffix says it is a payer's member id.
      String.raw`(?<![A-Za-z])(?:member|subscriber|mbr)[ \t]*:?[ \t]+(?<v3>[A-Z]{1,3}\d{6,11} \d{2})(?![\w-])`,
      // German statutory insurance number (KVNR): a letter and nine digits, after its label.
      String.raw`(?<![A-Za-z])(?:Versichertennummer|Krankenversichertennummer|Versicherten-Nr\.?|KVNR|Versicherungsnummer)\s*(?:[:#=]|ist)?\s*(?<v2>[A-Z]\d{9})(?![\w-])`,
    ].join('|'),
    'gi',
  ),
  context:
    /\b(?:insurance|insured|insurer|health|medical|medicare|medicaid|plan|policy|coverage|payer|member|subscriber|claim|beneficiary|patient|mbi|versicher[a-z]*|kvnr|krankenkasse|krankenversicherung|seguro|asegurado|assurance maladie|assuré|mutuelle)\b/i,
  // A label may sit in the question before the answer (`your Medicare number …? It's 1EG4-…`).
  contextWindow: { before: 90, after: 40 },
  // A member id after the bare word (no id word) needs words of health cover around it, not only `member` (a club's, an airline's).
  validate: (value, text, index) =>
    !(/(?:member|mbr)\b[^\n]{0,16}$/i.test(text.slice(Math.max(0, index - 24), index)) && otherMembership(text.slice(Math.max(0, index - 300), index + 300))) &&
    (!/(?:member|subscriber|mbr)[ \t]*:?[ \t]+$/i.test(text.slice(Math.max(0, index - 16), index)) ||
    HEALTH_COVER.test(text.slice(Math.max(0, index - 300), index + value.length + 200))),
  // Also a parent key read with its child (`{ medicaid: { recipientId } }` → `medicaidrecipientid`).
  key: /^(?:insuranceid|insurancenumber|insuranceno|healthplanid|healthplannumber|(?:medicare|medicaid)(?:recipient|beneficiary|member|enrollee)?(?:id|number|no|cin)|mbi|hicn|kvnr|policynumber|policyno|policyid|(?:payer|plan|insurance|health|dental|medical)?(?:member|subscriber|insured|cardholder)(?:id|no|num|number)|insurancememberid|(?:insurance|benefits?)cardholderid|cns|[a-z]*(?:health|benefits?|insurance|coverage)[a-z]*certificate(?:id|no|num|number))$/,
  // A pre-2020 Medicare number (HICN) is the beneficiary's SSN and a letter or two (the beneficiary's relation to the worker): under its name it
  // carries the SSN (a plan's member id of the same shape does not).
  keyAlso: (value, keyPath) => (HICN_NAME.test(keyPath) && HICN.test(value) ? ['ssn'] : undefined),
  // A policy of another line of insurance: an employer's workers' comp policy (beside its FEIN and NAICS code), a car's, a home's.
  // Also a generic key under a list of policies (`vehicle: { policies: [{ num }] }`).
  // In other languages too (`Numero polizza RC auto`, `nº de póliza hogar`).
  keyVeto: (keyPath, key) => (/polic|poliz|p[oó]liz|ap[oó]lic|polis/.test(key) || /polic(?:y|ies)\s+\S+$/i.test(keyPath)) && OTHER_INSURANCE.test(keyPath),
  // An id, or digit groups as cards print them (French NIR `1 73 06 34 704 351 76`, Australian Medicare `3724 09065 2`, Québec's `PUGV 4065 6332`).
  // A member id may end in the member's two-digit suffix within the subscriber's contract (`U07478560 01`: 01 the subscriber, 02 a dependant).
  // A birth number as Czech and Slovak insurers use it (`825316/4755`).
  keyValue: /^\s*(?:(?=(?:[A-Za-z-]*\d){4})[A-Za-z0-9][A-Za-z0-9-]{5,19}(?: \d{2})?|(?=[A-Z\d]{8,20}\s*$)(?=\D*\d)(?=(?:[^A-Z]*[A-Z]){2})[A-Z\d]+|\d{6}\/\d{3,4}|(?=(?:\D*\d){8})(?:[A-Z]{1,4} )?\d{1,5}(?: \d{1,6}){1,7}(?:[ -]?[A-Z]{1,2})?)\s*$/,
};

/** The key of a French social security number: 97 minus the first 13 digits modulo 97 (Corsica's 2A / 2B read as 19 / 18). */
function nirKeyValid(value: string): boolean {
  const compact = value.replace(/[\s.]/g, '').toUpperCase();
  const body = compact.slice(0, 13).replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(body)) return false;
  const month = Number(compact.slice(3, 5));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  return 97 - (Number(body) % 97) === Number(compact.slice(13));
}

/**
 * The French social security number (NIR), which is the number of the insured on every health document (carte Vitale, feuille de
 * soins, attestation de tiers payant): sex, year, month, department, commune, order number and a key, as printed in groups
 * (`1 84 12 59 654 866 40`) or run together. Only with its key right and a word of health cover or social security near.
 */
export const frenchSocialSecurityNumber: DlpDetector = {
  type: 'health_insurance_number',
  pattern: /(?<![\w.-])[12][ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[ABab])[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}(?![\w-]|\.\d)/g,
  requires: /\d{2}[ .]?\d{3}[ .]?\d{3}[ .]?\d{2}/,
  validate: nirKeyValid,
  context: /(?:assur|s[ée]curit[ée] sociale|s[ée]cu\b|immatricul|\bNIR\b|\bn[°º]\s*SS\b|vitale|\bcpam\b|ameli|mutuelle|soins|patient|b[ée]n[ée]ficiaire|health|insur)/i,
  contextWindow: { before: 200, after: 60 },
};

/**
 * What a letter-digit code right after it names instead of a diagnosis: a vitamin (`vitamin B12`), or a place —
 * a room, a building, a gate, a bed, a bay (`Raum B12`, `Room C50`, `Gate C12`, `Bldg F3`), in a few languages.
 */
const NOT_A_DIAGNOSIS_BEFORE =
  /(?:vitamin|room|rm|raum|zimmer|geb[äa]ude|halle|bldg|building|gate|bay|bed|ward|suite|floor|level|garage|platform|gleis|hall|sala|quarto|habitaci[oó]n|chambre|salle|b[âa]timent|seat|stall|dock|aisle|locker|cabin|parking|spot|zone|unit)\.?\s*(?:no\.?|nr\.?|#)?\s*$/i;

/**
 * Words of clinical documentation, in several languages: a text with one of them is about a patient
 * (`inhaler given`, `suspected`, `Documentation indicates 'sepsis'`, `hospital no.`, `Rezept`, `患者`),
 * and disease names by their suffixes (`-itis`, `-osis`, `-emia`, `-pathy`, `-algia`, `-oma`).
 */
const CLINICAL =
  /(?:\b(?:patient(?:e|in|en|s)?|paciente|paziente|pati[ëe]nt|pacjent|hasta(?:nın|ya)?|pt|mrn|medical|clinic(?:al)?|clinique|klinik|hospital|hôpital|krankenhaus|ospedale|ziekenhuis|sjukhus|nurse|doctor|physician|médecin|arzt|ärztin|läkare|lekarz|dr(?=\. [A-Z])|gp|surgery|ward|admission|admitted|discharge(?:d)?|referral|referred|consult(?:ation)?|encounter|visit|appointment|symptoms?|diagnos[a-z]*|suspected|condition|disease|disorder|syndrome|infection|injury|fracture|pain|asthma|diabetes|diabetic|hypertension|sepsis|pneumonia|depression|anxiety|migraine|cancer|tumou?r|inhaler|medication|medicine|prescription|prescribed|rx|dose|dosage|tablets?|mg|treatment|therapy|triage|vitals|chart|coder|coding|claim|documentation|problem list|history of|hx|allerg(?:y|ies)|ordonnance|rezept|receta|ricetta|recept|bedömning|journal(?:anteckning)?|anamnes[ei]s?|befund|tanı|teşhis|muayene|sağlık|zorg|santé|salud|saúde|salute|gesundheit|behandling|behandlung|tratamiento|tratamento|trattamento|traitement|leczenie|tedavi|\w{3,}(?:itis|osis|emia|aemia|pathy|algia|oma|ectomy))\b|患者|病院|診察|診療|処方|환자|병원|진단|진료|病人|医院|诊断|病历)/i;


/** Words of diagnosis itself (not of billing or coding in general), for undotted codes. */
const UNDOTTED_CONTEXT = /(?:\b(?:icd(?:[- ]?10)?(?:[- ]?cm)?|ci[dem][- ]?10|code cim|kcd|diag[a-z]*|diagn[oó]stico|(?:haupt|neben|aktions|entlassungs)diagnose|dx\d*|ddx)\b|диагноз|诊断|診断|診斷|傷病名|상병|진단|мкб)/i;

/**
 * ICD-10 diagnosis codes (`E11.9`, `J45.909`, `U07.1`): only with diagnostic context — a key like
 * `diagnosis_code` / `dx1`, a word like diagnosis / dx / ICD nearby (also the classification's name in
 * other languages: `CID-10`, `CIE-10`, `CIM-10`, `МКБ-10`, and `диагноз`, `诊断`, `診断`), or a list
 * item under such a heading (`Discharge diagnoses:` then `1. … (O24.410)`) — and never as `vitamin B12`.
 */
export const icd10: DlpDetector = {
  type: 'icd10',
  // Also undotted, as claims print them (UB-04 / CMS-1500 boxes, X12: `R7303`, `S060X0A`), still only with diagnostic context.
  pattern: /(?<![A-Za-z0-9.-])[A-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?(?![A-Za-z0-9]|\.\d)/g,
  // Words of clinical documentation and coding (English, and diagnosis in other languages).
  context:
    /(?:診斷|傷病名|상병|진단|\b(?:icd(?:[- ]?10)?(?:[- ]?cm)?|ci[dem][- ]?10|code cim|kcd|(?:haupt|neben|aktions|entlassungs)diagnose|diagnos(?!tics?\b)[a-z]*|diagn[oó]stico|diagnosi|diag|dx\d*|ddx|condition codes?|suspected|suspicion of|rule out|r\/o|motif|bed[öo]mning|beurteilung|valutazione|tan[ıi]|rozpoznanie|billing codes?|primary codes?|secondary codes?|comorbidit[a-z]*|icd10|coded as|coder|coding|bill(?:ed)?(?: as)?|hx|h\/o|history of|admitted (?:for|with)|unspecified|assessment|impression|indication|referr(?:al|ed|ing)|chief complaint|problem list|reason for (?:visit|referral|admission)|reason ?codes?|(?:today's|visit|progress|clinic(?:al)?|encounter|soap) note|charted|charting)\b|мкб[- ]?10|диагноз|诊断|診断)/i,
  contextWindow: { before: 50, after: 30 },
  // A code queried as clinicians write it (`?M54.5 vs eczema`: suspected).
  leadIn: /(?:^|[\s(,;:])\?$/,
  // Headings of diagnosis lists (not `Diagnostics:` of a machine, not `Error codes:`).
  listContext:
    /(?:\b(?:(?:discharge|admission|admitting|primary|secondary|principal|final|working|differential|encounter|visit)\s+)?(?:diagnos[ie]s|diagnosen|diagnose|diagnóstico?s?|diagnostici|diagnostic (?:principal|associés?)|dx|ddx|icd(?:[- ]?10)?(?:[- ]?cm)?|ci[dem][- ]?10|assessment(?: (?:and|&) plan)?|a\/p|impression|problem list|active problems|past medical history|pmh|comorbidities|billing codes|conditions)\b|мкб|диагноз|诊断|診断)/i,
  // An undotted code longer than a category (`R7303`, `S060X0A`) needs a word of diagnosis itself nearby or in its keys: procedure codes
  // billed beside it (CDT `D0120`, HCPCS `J1100`) have the same shape.
  validate: (value, text, index, keyPath) =>
    !NOT_A_DIAGNOSIS_BEFORE.test(text.slice(Math.max(0, index - 16), index)) &&
    // Not an HL7 message type's trigger event (`ADT^A08`, `ORU^R01`, `SIU^S12`): a message code, a caret, the event.
    !/(?:^|[|^])[A-Z]{3}\^$/.test(text.slice(Math.max(0, index - 5), index)) &&
    (value.length <= 3 || value.includes('.') || UNDOTTED_CONTEXT.test(keyPath) || UNDOTTED_CONTEXT.test(text.slice(Math.max(0, index - 60), index))),
  // A code written with its dot (`K58.9`, `T78.40XA`: the classification's own structure) in a text about a patient: any
  // clinical word within a few hundred characters or in its keys (a lab frame, a nurse's log, a query to a physician, a URL).
  wideContext: { context: CLINICAL, window: { before: 400, after: 300 }, applies: /^[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}$/ },
  // A code alone under a key naming a diagnosis (`dx`, `diagnosis_code`, `icd10`; other styles through the label classifier).
  key: /^(?:dx\d*(?:codes?)?|diagnosiscodes?|icd10(?:cm)?(?:codes?)?)$/,
  keyValue: /^\s*[A-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?\s*$/,
};


/**
 * The names health systems give the insured's number, in many languages and as their forms abbreviate them: the NHS number
 * (`NHS No`, `nhsNumber`), New Zealand's NHI, a Medicaid or medical card number, national schemes (`NHIS number`, `PhilHealth
 * PIN`, `CGHS card no`, `PM-JAY ID`, Mexico's `NSS`), and the words of other languages (Spanish `tarjeta sanitaria`, Italian
 * `tessera sanitaria`, Portuguese `carteirinha`, French `numéro d'affiliation` / `assurance maladie`, German `Versicherten-Nr.`,
 * Hebrew `מספר חבר קופה`, Korean `건강보험증번호`, Chinese `健保卡號`, Japanese `被保険者証記号番号`).
 */
const HEALTH_COVER_LABEL = [
  String.raw`NHS[ _-]?(?:No\.?|Nr\.?|Number|#)|nhsNumber|NHI(?:[ _-]?(?:No\.?|Number))?|Medicaid[ _-]?(?:#|No\.?|Number|ID)|Medical[ _-]card[ _-]?(?:No\.?|Number|#)`,
  String.raw`NHIS[ _-]?(?:No\.?|Number|ID)|PhilHealth[ _-](?:Identification[ _-])?(?:No\.?|Number|PIN)|CGHS[ _-]card[ _-]?(?:No\.?|Number)|PM-?JAY[ _-]?ID`,
  String.raw`member[ _-]?#|MEM_NUMBER|tarjeta sanitaria|tessera sanitaria|carteirinha|n(?:um[ée]ro|°|o)\.? d.affiliation|assurance maladie|Versicherten-?(?:Nr\.?|nummer)|Krankenversichertennummer`,
  String.raw`מספר חבר קופה|건강보험증번호|健保卡號|被保険者証記号番号|被保険者番号`,
].join('|');

/**
 * A health cover number after one of those names: on the same line (`:`, `=`, `#`, a form's `______`), in a table's next cell, or
 * on the line below as OCR reads a boxed form (`| NHS NUMBER\n| 943 476 5919`); digits with letters or digit groups (3-3-4).
 */
/** Those names as keys, normalised (the end of a key path). */
const COVER_KEY =
  /(?:nhs(?:no|nr|number)|nhi(?:no|number)?|medicaid(?:no|number|id)|medicalcard(?:no|number)|nhis(?:no|number|id)|philhealth[a-z]*(?:no|number|pin)|cghscard(?:no|number)|pmjayid|memnumber|tarjetasanitaria[a-z]*|tesserasanitaria[a-z]*|carteirinha[\p{L}]*|n(?:umero|uméro|o)daffiliation[\p{L}]*|krankenversichertennummer|versicherten(?:nr|nummer))$/u;

export const healthCoverLabelNumber: DlpDetector = {
  type: 'health_insurance_number',
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${HEALTH_COVER_LABEL})(?:\s{0,2}\([\p{L} ]{2,30}\))?["']?[ \t]{0,3}(?:[:=#]|_{2,12}|\n\|?)?[ \t]{0,3}["']?` +
      String.raw`(?<v>(?=(?:[A-Z -]{0,6}\d){4})[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){5,19})(?![\p{L}\p{N}-])`,
    'giu',
  ),
  // The cheap test before the pattern (a word every name above holds).
  requires: /nhs|nhi|medic|philhealth|cghs|jay|member|mem_|sanitaria|carteir|affil|assurance|versicher|מספר|건강|健保|被保険者/i,
  validate: (value) => value.replace(/\D/g, '').length >= 6,
  // The same names as keys (`nhsNumber`, `PM-JAY ID`, `Carteirinha do convênio`), with a value of the same shape alone; only these
  // names (not every key the label classifier reads as health cover: a workers' comp policy, a National Insurance number).
  key: COVER_KEY,
  keyValid: (_value, keyPath) => COVER_KEY.test(keyPath.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '')),
  keyValue: /^\s*(?=(?:[A-Z -]{0,6}\d){4})(?=(?:\D*\d){6})[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){5,19}\s*$/,
};
