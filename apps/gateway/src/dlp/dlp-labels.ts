import { memoised } from '@mas/core';
import type { DlpType } from '../message/dlp.types';
import { HEALTH_COVER, otherMembership } from './detectors/health.detectors';
import type { SubText, TypedSpan } from './dlp-structure';

/**
 * What a label names: one classifier for object keys (every naming style), table columns, XML tags
 * and the labels of text (`Subscriber ID W2…`, `INSURED'S I.D. NUMBER  H4…`, `N° d'assuré social :
 * 1 73 …`). A label is read as words — camelCase split, `_ - . /` and spaces as gaps, abbreviations
 * spelled out (`mbr`, `subscr`, `dx`, `med rec`, `I.D.`, `No.`, `N°`) — and matched against the
 * vocabulary of each type (English and other languages). The detectors then check the value's shape.
 */

/** A gap between the words of a label: nothing (`memberid`), a possessive, spaces, `_ . / -`. */
const GAP = String.raw`(?:['’]s)?[\s_./-]*`;
/** The word saying a label names an identifier: `id`, `I.D.`, `identifier`, `number`, `no.`, `nr`, `#`, `N°`. */
const ID_WORD = String.raw`(?:id|i\.\s?d\.?|ident(?:ifier|ification)?|num(?:ber|\.)?|nummer|numara(?:s[ıi])?|nbr|nmbr|no\.?|nr\.?|n[°º]|#|№|cin)`;
/** One or two of them (`I.D. NUMBER`, `ID No.`, `ID #`). */
const ID = `${ID_WORD}(?:${GAP}${ID_WORD})?`;

/** `member id` → a pattern whose words may be joined by any gap. */
const words = (phrase: string): string => phrase.replace(/ /g, GAP);

/** Labels of each type, as phrases (a space is any gap). */
const VOCABULARY: ReadonlyArray<readonly [DlpType, string]> = [
  [
    'health_insurance_number',
    words(
      // Also Dutch `verzekerdennummer` / `polisnummer`, Turkish `poliçe no` / `üye no`, Italian `tessera sanitaria`, Swedish `försäkringsnummer`.
      String.raw`(?:member|mbr|subscriber|subscr|insured|insurance|ins|polic(?:y|ies)|policyholder|poliisi|ravikindlustus|beneficiary|cardholder|enrollee|health plan|insurance plan|plan member|medicare|medicaid|afiliad[oa]|asegurad[oa]|assur[ée]e?(?: social)?|versicherten|versicherungs|verzekerden|verzekerings|verzekerde|polis|poli[çc]e|[üu]ye|sigorta|f[öo]rs[äa]krings|ubezpieczenia|tessera sanitaria|versichertenkarte|medical card|medical aid|abha|காப்பீட்டு)(?: card| unique)? ${ID}` +
        // Number first (French, Spanish, Portuguese): `N° d'assuré`, `numéro d'affilié`, `número de afiliado`.
        String.raw`|(?:n[uú]m[ée]ro|n[°º]|no\.?|nr\.?) (?:de |d['’] ?|do |da )?(?:assur[ée]e?(?: social)?|assurance maladie|affili[ée]e?|afiliad[oa]|afilia[cç][aã]o|s[ée]curit[ée] sociale|ss|s[ée]cu|benefici[aá]rio|miembro|adh[ée]rent)`
        // A header joining two of the id nouns (`Policy/Member`, `Member / Subscriber`): an id column either way.
        + String.raw`|(?:policy|member|subscriber)(?: ?/ ?(?:policy|member|subscriber|insured))+` +
        // Membership of a health fund or mutuality (`Membership no:`, `MutualityMembership`, Afrikaans `lidnommer`, Swahili `uanachama`),
        // a health insurance policy named in full, (the bare `Membership no` and `Sub ID` are weak labels: see WEAK_LABELS).
        String.raw`|(?:mutuality|mutualit[ée]|health fund|medical aid|mediese fonds) membership(?: ${ID})?|health insurance policy(?: ${ID})?|lid ?n[ou]mmer|(?:nambari ya )?uanachama|polises ${ID}|` +
        // Number first, in more languages (`nr polisy`, `broj police`, `Numero polizza`, `N.º de apólice`, `Nº de tarjeta`, `numeroCarteira`,
        // Slovak `číslo preukazu poistenca`, Slovene `številka kartice zdravstvenega zavarovanja`), and Persian `شماره بیمه`.
        String.raw`(?:n[uú]m(?:ero|ber)?|n\.?[º°o]\.?|nr\.?|broj|numri|[čc][íi]slo|[šs]tevilka|numru) (?:de |do |da |di )?(?:la |el )?(?:ap[óo]lice|p[óo]liza|polizza|polisy|police|polise|tarjeta|tarxeta|tessera|cart[ãa]o|carteira|preukazu poistenca|kartice zdravstvenega zavarovanja)|shomare bime|شماره بیمه|n[uú]mero da seguridade social|tarxeta sanitaria` +
        String.raw`|medicare|medicaid|mbi|hicn|kvnr|kv ${ID}|hcn|nss|ins cardholder|insurance cardholder|n[uú]mero da carteira(?: do benefici[aá]rio)?|cin|tessera sanitaria|` +
        // National and public schemes by name: Brazil's SUS card, Spain's CIP, Canada's PHN and health number, Austria's SV number,
        // TRICARE's DoD benefits number, PhilHealth, the EHIC, Québec's and Korea's health insurance cards.
        String.raw`cart[ãa]o (?:nacional de sa[úu]de|(?:do )?sus)|(?:n[º°o]\.?|n[uú]mero) (?:de )?utente|காப்பீட்டு எண்|s[ıi][gğ]orta polis n[öo]mr[əe](?:si|niz|miz)?|utente sns|taj(?: sz[áa]m)?|(?:s[ốo] )?(?:th[ẻe] )?bhyt|[čc][íi]slo poji[šs]t[ěe]nce|targeta sanit[àa]ria|c[óo]digo cip|cip sns|phn|personal health ${ID}|health ${ID}|sv ?nr|sv nummer|do ?d benefits? ${ID}|philhealth(?: ${ID}| pin)?|ehic|european health insurance card(?: ${ID})?|carte d['’] ?assurance maladie|건강보험증? ?번호|보험증 ?번호|(?:provincial )?health (?:insurance )?card(?: ${ID})?|health care card|medicare card|ohip|ramq|carte vitale|tarjeta sanitaria|carteirinha|carteira (?:do |de )?(?:plano|conv[eê]nio)|(?:kranken)?versichertennummer|versicherungsnummer|n[uú]mero de afiliaci[oó]n|afiliad[oa]|assur[ée] social|s[ée]curit[ée] sociale|बीमा संख्या|被保険者(?:番号|証)?|保険証番号|医保卡?号`,
    ),
  ],
  [
    'medical_record_number',
    words(
      // Also Practice Fusion's PRN, India's UHID, France's IPP, IHS's HRN, EMIS numbers, Meditech's Unit #, hospital file numbers,
      // dossier numbers, and the words of more languages (Polish `nr karty pacjenta`, Slovene `kartoteke`, Albanian `kartela mjekësore`,
      // Afrikaans `lêernommer`, Maltese `file tal-isptar`, Turkish `dosya numarası`, Persian and Urdu, Swahili, Portuguese `processo`).
      // The generic ones (`Record No`, `Unit #`, `File no`, `Dossier`) are weak labels: see WEAK_LABELS.
      String.raw`prn|uhid|(?:n[°º] )?ipp|hrn|emis ${ID}|clinic record|(?:hospital|medical|patient) file ${ID}|(?:hospitaal )?l[êe]ernommer|nr karty pacjenta|karty pacjenta|(?:mati[čc]na [šs]tevilka )?kartoteke|kartel[ëe]s mjek[ëe]sore|file tal isptar|(?:hasta )?dosya numara(?:m|s[ıi])?|faili la hospitali|(?:n\.?[º°o]\.? de )?processo hospitalar|n[º°] historia|(?:no\.? de )?expediente(?: cl[ií]nico)?|pati[eë]nt ?nummer|شماره پرونده(?: پزشکی)?|میڈیکل ریکارڈ نمبر|` +
      String.raw`e?mrn|medical record(?: ${ID})?|(?:patient|resident|client|health|clinical|hospital|case) record ${ID}|journal ?${ID}|patient ?nummer|med rec(?:ord)?(?: ${ID})?|chart(?: ${ID})?|(?:patient|pt|pat) ${ID}|hospital ${ID}|historii choroby|historia choroby|病歷號|ur ${ID}|historia cl[ií]nica|n[uú]mero de historia|prontu[aá]rio|dossier (?:m[ée]dical|patient)|cartella clinica|patientenakte|krankenakte|nhc|мрн|এমআরএন|sj[úu]kraskr[áa]rn[úu]mer|(?:номер )?медичн(?:ої|а) картк[иа]|(?:номер )?медицинск(?:ой|ая) карт[ыа]|病历号|病案号|住院号|カルテ番号|診察券番号`,
    ),
  ],
  // Also the spoken short form (`subscriber's social?`): the value must still be SSN-shaped.
  // Also a veteran's VA file (claim) number, which is the SSN for most veterans, SAP HR's `PERID`, a credit bureau's `socialNum`.
  ['ssn', words(String.raw`ssn|ss #|social security(?: ${ID})?|soc sec(?: ${ID})?|social sec|social(?: ${ID})?|va (?:c )?(?:file|claim) ${ID}|perid`)],
  // Also a problem list's key (`problems`, `active_problems`, `conditions`), as EHR exports name it, and a CRF's medical history code (`MHTERM_CODE`).
  ['icd10', words(String.raw`(?:icd(?: ?10)?(?: ?cm)?|diagnos[ie]s|diagnoses|dg|diagnoosi|hip[óo]tese diagn[óo]stica|診斷|诊断|claimed disability|[pas]?dx(?: ?\d)?|kod choroby|kod rozpoznania|diag|diagn[oó]stico|ci[dem] ?10|problems|problem list|active problems|conditions?(?: source)?|comorbidities|(?:medical history|mh) ?(?:term )?code|(?:primary |working |clinical )?impression|assessment|indication|reason for (?:visit|referral|admission|encounter|exam|study|(?:requested )?procedure)|motif(?: de consultation)?|tan[ıi](?: kodu)?|bed[öo]mning|diagnoos|rozpoznanie|diagnose|diagn[oó]za|mkn(?: ?10)?|діагноз|диагноз|мк[бх](?: ?10)?)(?: (?:codes?|description|value))?`)],
  // Also OpenTravel's `SeriesCode` (hotel and airline guarantees) and the words of other languages.
  ['cvv', words(String.raw`(?:cvv2?|cvc2?|cv2|csc|cvn|cvd)(?: (?:value|${ID}))?|cid(?! ?-?10)|(?:card )?verification value|رمز الأمان|رمز الحماية|(?:card )?security code|card verification(?: (?:code|value|number))?|series code|(?:karten)?pr[üu]fnummer|pr[üu]fziffer|kontrolcifre|card sec(?:urity)? val(?:ue)?|sicherheitscode|cryptogramme(?: visuel)?|code de s[ée]curit[ée]|c[óo]digo de seguran[çc]a|c[óo]digo de seguridad|codice di sicurezza|beveiligingscode|s[äa]kerhetskod|g[üu]venlik kodu|kod zabezpieczaj[ąa]cy|セキュリティ ?コード|보안 ?코드|安全码|安全碼`)],
  ['phone', words(String.raw`(?:tele)?phone(?: ${ID})?|mobile(?: ${ID})?|cell(?: ?phone)?(?: ${ID})?|fax(?: ${ID})?|caller ?id|callback(?: ${ID})?|msisdn|recipients?`)],
  [
    'password',
    words(
      String.raw`password|passwd|passwort|pwd|pw|passphrase|passcode|kennwort|contrase[ñn]a|senha|mot de passe|wachtwoord|psk|(?:pre shared|wpa2?|wi ?fi|wlan|network) key|(?<!(?:boarding|day|season|bus|hall|ski|free|back|by|bording)[\s_./-]?)pass`,
    ),
  ],
];

/** A key's label classified: the vocabulary matched at the key's end (its head noun), maybe followed by digits or `#`. */
// Scripts written without spaces (CJK) have no word start: only a Latin or Cyrillic letter before a label makes it part of a word.
const KEY_PATTERNS = VOCABULARY.map(([type, phrase]) => [type, new RegExp(String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}])(?:${phrase})(?:[\s_-][a-z])?[\s_.#:()\d-]*$`, 'iu')] as const);
/** Words that only say "the value of the key above": `{ subscriber: { id } }` is read as `subscriber id`. */
// Also FHIR's `identifier` (`insurance[].identifier.value`: what is identified is the key above).
const GENERIC_KEY = /^(?:id|no|nr|num|number|value|code|identifier|#)$/i;
/** A bracketed note closing a label: `(front of card)`, `(3 digits on back)`, `[optional]`. */
const TRAILING_NOTE = /\s+(?:\([^()]{2,60}\)|\[[^\]]{2,60}\])\s*$/;

/** The label with camelCase words apart (`subscriberMemberId` → `subscriber Member Id`), NFKC (`Ｎｏ` → `No`). */
function spaced(label: string): string {
  return label.normalize('NFKC').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
}

/**
 * The types a key or label names (`subscriber.member_id`, `X-Caller-ID`, `WPMS_SMTP_PASS`, `pt MRN`,
 * `INSURED'S I.D. NUMBER`, `N° d'assuré social`), read with the key above when it is only a generic
 * word (`id`, `number`, `value`). Empty when it names none.
 */
export function labelTypes(key: string, parent?: string): readonly DlpType[] {
  const label = parent !== undefined && key.length <= 10 && GENERIC_KEY.test(key.trim()) ? `${parent} ${key}` : key;
  return keyTypes(label);
}

/** The types a label names, classified once per label. */
const keyTypes = memoised((label: string): readonly DlpType[] => {
  const classify = (text: string) => (text.length > 80 ? [] : KEY_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([type]) => type));
  const types = classify(spaced(label));
  // A note in brackets after the label may say where or how, not what (`Insurance member ID (front of card)`).
  if (types.length || !TRAILING_NOTE.test(label)) return types;
  const bare = classify(spaced(label.replace(TRAILING_NOTE, '')));
  // Or the note is the label's abbreviation (`Client ID Number (CIN)`, `Chart No. (MRN)`).
  return bare.length ? bare : classify(label.match(TRAILING_NOTE)![0].replace(/[\s()[\]]/g, ''));
}, 16_384);

/** Types whose values are recognised by a label in text (others have patterns or contexts of their own). */
const TEXT_TYPES = new Set<DlpType>(['health_insurance_number', 'medical_record_number', 'ssn', 'cvv', 'icd10']);
/**
 * A label of one of {@link TEXT_TYPES} in text: not inside a word (but right after digits: fixed-width
 * `705SSN 41…`: the letter before is checked in code, a lookbehind would cost at every position).
 * Without the `u` flag (Latin letters as word characters): a Unicode case-insensitive pattern this
 * size costs several times more per character, and every text is searched for it.
 */
const LETTER_BEFORE = /[A-Za-z\u00C0-\u024F]/;
const TEXT_LABEL = new RegExp(
  String.raw`(?:${VOCABULARY.filter(([type]) => TEXT_TYPES.has(type))
    .map(([, phrase]) => phrase)
    .join('|')})(?:(?<=#)|(?![A-Za-z0-9\u00C0-\u024F]))`,
  'gi',
);
/** The value: a token, with the digit groups that follow it (`1 73 06 34 704 351 76`, `3724 09065 2`). */
const VALUE = String.raw`["'\x60]?(?<v>[^\s"'\x60,;]{1,40}(?: \d{1,6}(?![^\s,;)\]]))*)`;
/**
 * What joins a label to its value: maybe an abbreviation or a note in brackets (`(MRN)`, `(IP No.)`,
 * `(seguro médico)`), separators (`:` `#` `=` `|`), a copula (`is`, `es`, `ist`), a generic id word
 * (`ID#`); or, when the line ends there, the next line's start (a label above its value: `MEDICAID` /
 * `ID: TO81722B`).
 */
const NEXT_TO_LABEL = new RegExp(
  // The label may close a bracket (`Client ID (CIN) SN68…`: the abbreviation given after a description).
  // Where the value is printed may come before the copula (`member ID on my card is …`, `the number on the back is …`).
  String.raw`[)\]]?(?:[^\S\n]*(?:\((?![^\S\n]*(?:num[ée]ro|n[°º]|no\.?|nr\.?|number)[^\S\n])[^()\n]{1,40}\)|\[[^\]\n]{1,20}\]))?` +
    // A qualifier between the label and its colon: the insurer or the issuer (`Polisnummer zorgverzekeraar:`, `Patiëntnummer huisarts:`),
    // (words, no digits: not the value and the next field's label), or a second name for the field after a slash (`N.º de apólice / cartão Médis:`, `NSS / Afiliación aseguradora:`, `tarjeta / aseguradora Sanitas nº`).
    String.raw`(?:(?:[^\S\n]*\/[^\S\n]*|[^\S\n]+)(?=[A-Za-z\u00C0-\u024F])(?!(?:formats?|examples?|patterns?|length|type|mask|template|rules?|fields?|e\.g)\b)(?<q>[^:\n/\d]{2,30}?)[^\S\n]*(?=:|n[º°]\.?[^\S\n])(?:n[º°]\.?)?)?(?:[^\S\n]+(?:on|from|for|of|van|von|de|del|du|da|do|di)(?:[^\S\n]+[A-Za-z'’]{1,16}){1,6}?(?=[^\S\n]+(?:is|es|ist|est|é)[^\S\n]))?[^\S\n]*[:#=|№-]*[^\S\n]*(?:(?:is|es|ist|est|é|lautet)[^\S\n]+)?` +
    // A number word opening a bracket (`carte d'assurance maladie (numéro PUGV 4065 6332)`).
    String.raw`(?:(?:\r?\n[^\S\n]*)?(?:id|no|nr|number|#)\.?[^\S\n]*[:#][^\S\n]*|\r?\n[^\S\n]*|\([^\S\n]*(?:num[ée]ro|n[°º]|no\.?|nr\.?|number)[^\S\n]+)?${VALUE}`,
  'iy',
);
/** After a prompt naming the label, what was collected on that line or the next (`prompt="enter your member ID" … collected: H847…#`). */
const ANSWER_TO_LABEL = new RegExp(String.raw`[^\n]{0,80}?(?:\n[^\n]{0,80}?)?\b(?:collected|entered|input|keyed|response|answer)\b[^:\n]{0,30}:[^\S\n]*${VALUE}`, 'iy');
/**
 * A value at a line's start with its label after it (a label printed after or under a barcode, a report
 * column headed on the right): `731258586  <- MRN`, `E4382012  MRN`, `MR92…  ← N.º de historia clínica`.
 */
const VALUE_BEFORE_LABEL = /(?:^|\n)[^\S\n]*(?<v>(?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,24})[^\S\n]+(?:<-+|←|⟵|-+>|=+>?)?[^\S\n]*(?:(?:n\.?[°ºo]\.?|nr\.|n[uú]mero)[^\S\n]*(?:(?:de|of|du|do|da)[^\S\n]+)?)?$/i;
/**
 * Generic labels that number a patient's record (`Record No`, `Record #`, `Unit #`, `File no`, `No de dossier`, `DossierNr`) or a
 * member's cover (`Membership no`, `Sub ID`), but only in a text about health: there each is read as the label it stands for.
 * Not object keys (`record_no`, `EventRecordID`, a loyalty scheme's `Membership number`): only labels in text.
 */
const WEAK_LABELS = new RegExp(
  String.raw`(?<![A-Za-z\u00C0-\u024F])(?:(?<mrn>record ?(?:no\.?|nr\.?|number|#)|unit ?(?:no\.?|number|#)|file ?(?:no\.?|nr\.?|number|#)|(?:(?:n[uú]m[ée]ro|n[°º]|no\.?|nr\.?) (?:de |du )?)?dossier(?: ?(?:nr\.?|no\.?|n[°º]))?)|(?<hin>membership (?:no\.?|nr\.?|number|#)|sub ?(?:id|no\.?|#)))(?![A-Za-z0-9])`,
  'gi',
);
/** Words of a hospital or a clinic in a few languages, besides {@link HEALTH_COVER}'s. */
const HEALTH_PLACE = /(?:hospita|isptar|clini|klini|pacient|pati[eë]nt|usager|m[ée]dic|sant[ée]|salud|sa[úu]de|zdrav)/i;

/** Words saying a membership is health cover: insurance, a health or medical fund or scheme, a mutuality, dental or hospital cover, a claim. */
const HEALTH_MEMBERSHIP = /(?:insur|health|medic|dental|hospital|mutual|scheme|fund|claim|patient|benefit)/i;

/** Values after a {@link WEAK_LABELS} label in a text about health, each under the label it stands for. */
function weaklyLabelled(text: string, out: SubText[]): void {
  const health = HEALTH_COVER.test(text) || HEALTH_PLACE.test(text);
  if (!health) return;
  // A bare membership or subscriber label needs words of health cover itself (a gym's `fitness plan` has `plan`).
  const cover = HEALTH_MEMBERSHIP.test(text);
  WEAK_LABELS.lastIndex = 0;
  for (let match = WEAK_LABELS.exec(text); match && out.length < MAX_LABELS; match = WEAK_LABELS.exec(text)) {
    if (match.groups!.hin && (!cover || otherMembership(text))) continue;
    NEXT_TO_LABEL.lastIndex = match.index + match[0].length;
    const found = NEXT_TO_LABEL.exec(text);
    if (found) out.push({ start: NEXT_TO_LABEL.lastIndex - found.groups!.v.length, text: found.groups!.v.replace(/[#.,:;)\]]+$/, ''), key: match.groups!.mrn ? 'medical record number' : 'member id' });
  }
  WEAK_LABELS.lastIndex = 0;
}
const BEFORE_REACH = 48;
const MAX_LABELS = 200;

/**
 * A label that only says "number" (`ID#`, `No.`, `Number`, Japanese `番号`), as a field of its own: what it numbers is said by
 * the label its line starts with (`INS: BLUEJAY HEALTH  ID# H7…`) or by the document's title (a card
 * headed `健康保険被保険者証`, then `番号 5969106`).
 */
const GENERIC_LABEL = /(?:ID#?|I\.D\.|No\.|Nr\.|Number|番号|号码|번호)(?=[\s:#]|$)/g;
/** What a generic label as a field of its own follows: a line's start or a column gap (two spaces, a tab, `:`, `|`, `(`), not a word of a longer label (`subscriber ID`). */
const FIELD_START = /(?:^|\n|[ \t]{2}|\t|[:(|][ \t]?)$/;

/** How far back a generic label's line may start, and how long a line label or a title may be. */
const LINE_REACH = 200;
const CONTEXT_CHARS = 40;

/** The label `index`'s line starts with (before its first `:`), if the line starts near enough and the colon is close to its start. */
function lineLabelAt(text: string, index: number): string | undefined {
  let lineStart = index;
  while (lineStart > 0 && index - lineStart < LINE_REACH && text.charCodeAt(lineStart - 1) !== 10) lineStart -= 1;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return undefined;
  for (let at = lineStart; at < index && at <= lineStart + CONTEXT_CHARS; at += 1) if (text.charCodeAt(at) === 58) return text.slice(lineStart, at);
  return undefined;
}

/** Values after a generic label whose line label or document title names a type, each under `<that name> <label>`. */
function genericallyLabelled(text: string, out: SubText[]): void {
  if (!text.includes('\n') && !text.includes(':')) return;
  const title = /^\s*([^\n]{1,40})\n/.exec(text);
  const titleEnd = title ? title[0].length : 0;
  GENERIC_LABEL.lastIndex = 0;
  for (let match = GENERIC_LABEL.exec(text); match && out.length < MAX_LABELS; match = GENERIC_LABEL.exec(text)) {
    if (!FIELD_START.test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
    const generic = match[0];
    const contexts = [lineLabelAt(text, match.index), match.index >= titleEnd ? title?.[1].trim() : undefined];
    // The context with the generic label (`INS ID#`), or alone (a title naming the card).
    const names = (label: string) => [`${label} ${generic}`, label].find((key) => labelTypes(key).some((type) => TEXT_TYPES.has(type)));
    const named = contexts.map((label) => label && names(label)).find(Boolean);
    if (!named) continue;
    NEXT_TO_LABEL.lastIndex = match.index + generic.length;
    const found = NEXT_TO_LABEL.exec(text);
    if (found) out.push({ start: NEXT_TO_LABEL.lastIndex - found.groups!.v.length, text: found.groups!.v.replace(/[#.,:;)\]]+$/, ''), key: named });
  }
  GENERIC_LABEL.lastIndex = 0;
}

/** The values that follow a label of a label-driven type in `text`, each under its label. */
export function labelledValues(text: string): SubText[] {
  const out: SubText[] = [];
  // Every value these labels carry has a digit (ids, codes, numbers): text without one has none.
  if (text.length < 5 || !/\d/.test(text)) return out;
  genericallyLabelled(text, out);
  weaklyLabelled(text, out);
  TEXT_LABEL.lastIndex = 0;
  for (let match = TEXT_LABEL.exec(text); match && out.length < MAX_LABELS; match = TEXT_LABEL.exec(text)) {
    if (match.index > 0 && LETTER_BEFORE.test(text[match.index - 1])) continue;
    // A member number of an airline's, a hotel's or a club's programme is not a health insurance id.
    if (/^(?:member|mbr)\b/i.test(match[0]) && otherMembership(text)) continue;
    const lineStart = Math.max(0, match.index - BEFORE_REACH);
    const before = VALUE_BEFORE_LABEL.exec(text.slice(lineStart, match.index));
    if (before && (before.index > 0 || lineStart === 0 || text[lineStart - 1] === '\n')) {
      out.push({ start: lineStart + before.index + before[0].indexOf(before.groups!.v), text: before.groups!.v, key: match[0] });
    }
    for (const after of [NEXT_TO_LABEL, ANSWER_TO_LABEL]) {
      after.lastIndex = match.index + match[0].length;
      const found = after.exec(text);
      if (!found) continue;
      const value = found.groups!.v.replace(/[#.,:;)\]]+$/, '');
      // A qualifier is read with the label, before it (the label's head noun stays at the end): `RC auto` of `Numero polizza RC auto:` says what is insured.
      const qualifier = found.groups!.q?.trim();
      out.push({ start: after.lastIndex - found.groups!.v.length, text: value, key: qualifier ? `${qualifier} ${match[0]}` : match[0] });
    }
  }
  TEXT_LABEL.lastIndex = 0;
  return out;
}

/** A turn that is only an answer: one value (`JQU171614695`, `570 31 0036`, `862`), not a sentence. */
const ANSWER = /^\s*["'\x60]?[A-Za-z0-9][A-Za-z0-9-]*(?: \d{1,6}){0,6}["'\x60]?[.!]?\s*$/;

/**
 * The label a question names when `answer` only answers it (`member ID on the front of the card?` then `JQU17…`,
 * `subscriber's social?` then `570 31 0036`): the last label of a label-driven type in the question, or undefined.
 */
export function questionLabel(question: string, answer: string): string | undefined {
  if (answer.length > 40 || !ANSWER.test(answer)) return undefined;
  let label: string | undefined;
  TEXT_LABEL.lastIndex = 0;
  for (let match = TEXT_LABEL.exec(question); match; match = TEXT_LABEL.exec(question)) {
    if (match.index === 0 || !LETTER_BEFORE.test(question[match.index - 1])) label = match[0];
  }
  TEXT_LABEL.lastIndex = 0;
  return label;
}

/** A Japanese health insurance card's insured id, printed in two parts: `記号 32-586  番号 65436` (symbol, then number), maybe `記号・番号`. */
const JP_SYMBOL_NUMBER = /記号[^\S\n]*[:：]?[^\S\n]*(?<symbol>[0-9A-Za-z][0-9A-Za-z-]{0,11})[^\S\n]*[・,、]?[^\S\n]*番号[^\S\n]*[:：]?[^\S\n]*(?<number>\d{1,12})(?!\d)/g;
/** What makes a text a Japanese health insurance card or record: 保険 (insurance) with 被保険者 (insured) or 保険証 (the card). */
const JP_INSURANCE = /被保険者|保険証|健康保険/;

/**
 * The insured's id of a Japanese health insurance card (健康保険被保険者証): its symbol and number read together (either alone is
 * short, and 番号 alone is any number). Only in a text naming the card or the insured.
 */
export function insuranceCardSpans(text: string): TypedSpan[] {
  if (!text.includes('記号') || !JP_INSURANCE.test(text)) return [];
  const out: TypedSpan[] = [];
  for (const match of text.matchAll(JP_SYMBOL_NUMBER)) {
    const start = match.index + match[0].indexOf(match.groups!.symbol, 2);
    if ((match.groups!.symbol + match.groups!.number).replace(/\D/g, '').length >= 6) out.push({ start, end: match.index + match[0].length, type: 'health_insurance_number' });
    if (out.length >= MAX_LABELS) break;
  }
  return out;
}
