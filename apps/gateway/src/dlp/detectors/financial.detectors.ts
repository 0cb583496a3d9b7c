import type { DlpDetector } from '../dlp-detector.interfaces';

/** Luhn checksum of a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Issuer prefixes of the major card networks (Visa, Mastercard, Amex, Diners — `300–305`, `3095`, `36`, `38–39` —, Discover, JCB, UnionPay) and of debit networks
 * issuing 16 to 19 digits (see {@link debitLength}): Maestro (`5018`, `5020`, `5038`, `5893`, `6304`, `6759`, `6761–6763`), Verve (`5061`,
 * `5078`, `6500`), RuPay (`60`, `6521–6522`).
 */
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[47]|30[0-5]|3095|3[689]|35|6(?:011|5|4[4-9]|2)|50(?:18|20|38|61|78)|5893|6304|6759|676[1-3]|60)/;
/** The debit prefixes of {@link CARD_PREFIX} that no credit network shares, issued at 16 to 19 digits only. */
const DEBIT_PREFIX = /^(?:50|5893|6304|6759|676[1-3]|60(?!11))/;
const debitLength = (digits: string): boolean => !DEBIT_PREFIX.test(digits) || digits.length >= 16;
/**
 * JCB (`35…`) issues 16 to 19 digits: a Luhn-valid 15-digit `35…` number is an IMEI (type allocation codes `35…`), not a card.
 */
const NOT_JCB = /^35\d{13}$/;
/**
 * The `2…` networks: Mastercard's 2-series (`2221–2720`), issued at 16 digits only, and Mir (`2200–2204`), 16 to 19
 * digits. A Luhn-valid `2…` run of another length or outside both ranges (a library barcode `23029389075609`, an item
 * number) is not a card.
 */
function networkLength(digits: string): boolean {
  if (!digits.startsWith('2')) return true;
  const range = Number(digits.slice(0, 4));
  if (range >= 2200 && range <= 2204) return digits.length >= 16;
  return range >= 2221 && range <= 2720 && digits.length === 16;
}

/**
 * Payment card numbers: 13–19 digits (one space, dash, dot, slash or underscore allowed between
 * digits), a known issuer prefix, Luhn-valid, not glued to letters (so the digit groups of a UUID or
 * a hex id, e.g. `22961739-8181-4a07-…`, are not a card) other than a card code.
 */
export const creditCard: DlpDetector = {
  type: 'credit_card',
  // Also glued to an IATA card code in a GDS form of payment (`FP CCVI4111…/1227`, `*AX3782…`), and
  // followed by `/MMYY` there; and after a magnetic stripe's track 1 format code (`%B4111…^DOE/JANE^…`).
  // Not after a `+` that starts a number: that is a phone number in international form (`+55 11 96650-6165`); an EDIFACT
  // separator (`FII+OR+6011…`) follows a letter.
  // Also the PAN of an EMV TLV dump: tag `5A` (PAN) or `57` (track 2 equivalent, PAN then `D` and the expiry), then the length byte.
  pattern:
    /(?=\d)(?:(?:(?<=(?<![A-Za-z])(?:CC)?(?:VI|CA|MC|AX|DC|DS|JC|TP|UP|CU|DI|JB|BC|EC)|%B)|(?<!\d|\d[ .\-/_]|[A-Za-z]|(?:^|[^\w+])\+|(?:^|[\s|])(?:5A|57)[ \t]+))\d(?:[ .\-/_]?\d){12,18}(?![\dA-Za-z\-_]|[.]\d|\/(?!\d{2}(?:\d{2})?(?![\d/])))|\d{13,19}(?<=(?:^|[\s|])(?:5A|57)[ \t]+[0-9A-Fa-f]{2}[ \t]+\d{13,19})(?=[DdFf=]|\s|$))/g,
  validate(value) {
    // The whole run, or the run without its last separated groups (`4111 1111 1111 1111 08 27`).
    const groups = value.split(/[ .\-/_]/);
    for (let n = groups.length; n > 0; n -= 1) {
      const digits = groups.slice(0, n).join('');
      if (digits.length < 13) return false;
      if (digits.length <= 19 && CARD_PREFIX.test(digits) && networkLength(digits) && debitLength(digits) && !NOT_JCB.test(digits) && !/^(\d)\1+$/.test(digits) && luhnValid(digits)) return true;
    }
    return false;
  },
  mask: (value) => `${'*'.repeat(Math.max(0, value.replace(/\D/g, '').length - 4))}${value.replace(/\D/g, '').slice(-4)}`,
};

/** Card security codes: 3–4 digits right after CVV / CVC / security code, or under such a key (also `card_cvc`, `cc_cvv`, CyberSource `cvNumber`). */
export const cvv: DlpDetector = {
  type: 'cvv',
  // A sentence may end right after the code (`CVC 417.`), a decimal may not (`3.14`).
  // Nor a group of a longer grouped number (`+44 7700 900286`: a phone number after the code).
  pattern: /(?<![\d.])(?<!\+\d{1,3}[ .-]?)\d{3,4}(?!\d|[.,]\d|[ .-]\d{3})/g,
  context:
    /\b(?:cvv2?|cvc2?|csc|cid|security code|code on the (?:back|front)|card (?:verification|security) (?:code|value|number)|(?:karten)?prüfnummer|sicherheitscode|kartenprüfziffer|cryptogramme(?: visuel)?|code de sécurité|código de seguridad|código de segurança|codice di sicurezza)\b/i,
  contextWindow: { before: 24, after: 0 },
  // The code described by where it is printed, right before it: `the 3 digits on the back are 228`, `4 digit code on the front: 6619`,
  // an order form's `3-digit code on back 169`.
  leadIn:
    /(?:\b(?:\d|three|four)[- ]digits?(?: (?:code|number))?|\bcode) (?:on|at) (?:the )?(?:back|front|reverse)(?: of (?:the|my|your) card)?[ \t]*(?:(?:is|are|was|were|reads?)[ \t]+|[:=#-][ \t]*)?$/i,
  key: /^(?:(?:(?:credit|debit)?card|cc|c|payment)?(?:cvv2?|cvc2?|csc|cvn|cvnumber|cvcode)|cvm|cid|(?:(?:credit|debit)?card)?securitycode|cardcode|cardverification(?:code|value|number)?)$/,
  keyValue: /^\s*\d{3,4}\s*$/,
};

/** A card number, then maybe its expiry (`12/30`, `2030-12`), as the arguments or cells before a value: `("6011…", "12/30", "278")`, `["4111…","983",…]`. */
const CARD_THEN_EXPIRY = /(\d(?:[ -]?\d){12,18})(["']?)[ \t]*[,;|][ \t]*(?:["']?(?:(?:0[1-9]|1[0-2])\/(?:20)?\d{2}|20\d{2}-(?:0[1-9]|1[0-2]))["']?[ \t]*[,;|][ \t]*)?["']?$/;
/** A card number, then a few words and a word naming its code: `read card 6515 … 1587 and code 576`, `4111…, the CVV is 123`. */
// Not another code named by the word before it (`promo code`, `zip code`, `auth code`).
const CARD_THEN_CODE =
  /(\d(?:[ -]?\d){12,18})[^\d\n]{0,24}?(?<![A-Za-z])(?<!(?:promo|promotion|discount|coupon|voucher|gift|zip|postal|post|area|country|dialling|dialing|auth|authori[sz]ation|approval|reference|ref|booking|confirmation|order|tracking|access|reward|referral|pin)[ _-]?)(?:code|cvv2?|cvc2?|csc|cid|security code)[ \t]*(?:is|was|:|=|#)?[ \t]*$/i;
/** A field the value is typed into that names a card code: `type '417' into input[name=cvc]`. */
const CODE_FIELD_AFTER = /^["']?[ \t]+(?:into|in|to|for)[ \t]+[^\n]{0,40}?(?<![A-Za-z])(?:cvv2?|cvc2?|csc|security[ _-]?code)(?![A-Za-z])/i;

/**
 * Card security codes by position: the value right after a valid card number (and maybe its expiry) in an
 * argument list, a parameter list or a row (a test fixture `new Card("6011…", "12/30", "278")`, an ORM's
 * logged parameters `["4111…","983",…]`), or typed into a field named as one (a UI test's log).
 */
export const cardCode: DlpDetector = {
  type: 'cvv',
  pattern: /(?<![\d.\/-])\d{3,4}(?![\d\/-]|\.\d)/g,
  requires: /\d(?:[ -]?\d){12}|[Cc][Vv][CcVv]|[Cc][Ss][Cc]|[Ss][Ee][Cc][Uu][Rr][Ii][Tt][Yy].?[Cc][Oo][Dd][Ee]/,
  validate(value, text, index) {
    if (CODE_FIELD_AFTER.test(text.slice(index + value.length, index + value.length + 60))) return true;
    const before = text.slice(Math.max(0, index - 60), index);
    const named = CARD_THEN_CODE.exec(before);
    if (named && creditCard.validate!(named[1], text, index, '')) return true;
    const card = CARD_THEN_EXPIRY.exec(before);
    // Quoted like the card (a string among strings), not a bare number after a quoted card (an amount).
    return !!card && creditCard.validate!(card[1], text, index, '') && !!card[2] === /["']$/.test(before);
  },
};

// Also the spoken short form: `my social is …`, `social number`.
// Also the words of Spanish speakers in the US (`número de seguro social`).
const SSN_CONTEXT = /\b(?:ssn|ss#|social security|social sec|soc sec|taxpayer id|tax id|tin|my social|social(?= (?:is|number|no)\b)|seguro social|seguridad social)\b/i;

/** US social security numbers: `123-45-6789` anywhere (also `123 - 45 - 6789`, as forms and OCR space the dashes); `123 45 6789` or `123456789` only with SSN context. */
export const ssn: DlpDetector = {
  type: 'ssn',
  // Not the digits of a longer id (`W245995116`, `XDP123456789`): no letter or digit glued before or after.
  // Dotted (`844.43.6054`, as some forms and chats write it) only with SSN context, as spaced ones.
  pattern: /(?<![\dA-Za-z.-])(?<v>(?!000|666|9\d\d)\d{3}(?<sep>[- .]?| - )(?!00)\d{2}\k<sep>(?!0000)\d{4})(?![\dA-Za-z-]|\.\d)/g,
  // A US taxpayer id of nine digits in the SSN ranges is an SSN (an EIN is written `12-3456789`).
  key: /^(?:ssn|socialsecurity(?:number|no|num)?|ssnumber|taxpayerid|taxid|tin|taxidnumber)$/,
  keyValue: /^\s*(?!000|666|9\d\d)\d{3}(?:[- ]?| - )(?!00)\d{2}(?:[- ]?| - )(?!0000)\d{4}\s*$/,
  validate(value, text, index, keyPath, lead) {
    // Dashed numbers are SSNs by their shape; spaced or bare ones need SSN context nearby or in the keys.
    // Spaced dashes (`123 - 45 - 6789`) read as a range or a sum without SSN context.
    // Or in the question just asked, for a number early in the answer (`… the last four of your SSN.` → `sure, it's 794 49 4935`).
    return (
      (value.includes('-') && !value.includes(' ') && !value.includes('.')) ||
      SSN_CONTEXT.test(keyPath) ||
      SSN_CONTEXT.test(text.slice(Math.max(0, index - 40), index + value.length + 40)) ||
      (lead !== undefined && index < 40 && SSN_CONTEXT.test(lead))
    );
  },
  mask: (value) => `XXX-XX-${value.replace(/\D/g, '').slice(-4)}`,
};
