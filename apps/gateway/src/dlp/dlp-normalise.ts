/** Zero-width characters, bidi controls, soft hyphens and BOMs: removed before matching. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Spaces other than U+0020 (NBSP, figure, thin, ideographic, ...): read as a space. */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** Hyphens and dashes (en, em, minus, ...): read as `-`. */
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const ND = /^\p{Nd}$/u;
const digitValues = new Map<string, string>();

/** The value of a Unicode decimal digit: its distance from the start of its run of ten. */
function asciiDigit(digit: string): string {
  let value = digitValues.get(digit);
  if (value === undefined) {
    const code = digit.codePointAt(0)!;
    let zero = code;
    while (zero > 0 && ND.test(String.fromCodePoint(zero - 1))) zero -= 1;
    value = String((code - zero) % 10);
    digitValues.set(digit, value);
  }
  return value;
}

/**
 * The text as the detectors read it: NFKC (full-width forms become ASCII), invisible characters
 * removed, every Unicode decimal digit mapped to ASCII, exotic spaces and dashes mapped to ` ` and `-`.
 * Pure ASCII text is returned as it is.
 */
export function normaliseText(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007F]*$/.test(text)) return text;
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(NON_ASCII_DIGIT, asciiDigit).replace(SPACES, ' ').replace(DASHES, '-');
}
