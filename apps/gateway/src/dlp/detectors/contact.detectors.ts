import type { DlpDetector } from '../dlp-detector.interfaces';

const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'pdf', 'js', 'ts', 'css', 'html', 'json']);

/** A date (and time) written in digit groups: `2026-11-30 12`, `30.11.2026 14 00`. */
const DATE_FIRST = /^(?:(?:19|20)\d{2}[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:0?[1-9]|[12]\d|3[01])|(?:0?[1-9]|[12]\d|3[01])[-./ ](?:0?[1-9]|1[0-2])[-./ ](?:19|20)\d{2})(?!\d)/;
/** Words naming a number that is not a phone number, right before it. */
const OTHER_NUMBER = /\b(?:id|pin|code|passcode|order|ref|reference|invoice|account|acct|tracking|ticket|case|serial|sku|part|booking|confirmation|meeting|conference)\b[\s.:#-]*(?:no\.?|number|#)?[\s.:#-]*$/i;

/**
 * A Kerberos principal, not an e-mail address: a service principal (`host/web01.corp.local@CORP.LOCAL`, `krbtgt/…@…`: the part
 * after a `/`), or a user in a realm, which Kerberos writes in capitals (`jdoe@CORP.LOCAL`) while the user's name is not.
 */
function kerberosPrincipal(value: string, text: string, index: number): boolean {
  if (index > 0 && text[index - 1] === '/') return true;
  const at = value.lastIndexOf('@');
  const domain = value.slice(at + 1);
  return domain === domain.toUpperCase() && /[a-z]/.test(value.slice(0, at));
}

/** A SIP URI's number (`sip:16175550143@pbx`, also read as the value of a `sip:` pair): a phone number, not an address. */
function sipNumber(value: string, text: string, index: number, keyPath: string): boolean {
  return /^\+?\d{7,15}@/.test(value) && (/(?:sips?|tel):$/i.test(text.slice(Math.max(0, index - 5), index)) || /(?:^|\s)(?:sips?|tel)$/i.test(keyPath));
}

/** E-mail addresses (not `icon@2x.png`-style asset names, not Kerberos principals, not a SIP URI's number). */
export const email: DlpDetector = {
  type: 'email',
  pattern: /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g,
  // Not an SSH remote (`git@github.com:org/repo.git`, or its prefix quoted in a gitconfig `[url "git@github.com:"]`): a host, a colon and a path; not the user part of
  // a URL (`https://<key>@o1.ingest.sentry.io/2`, `ftp://user@host`).
  validate: (value, text, index, keyPath) =>
    !FILE_EXTENSIONS.has(value.slice(value.lastIndexOf('.') + 1).toLowerCase()) &&
    !/^:(?:[\w.~-]+\/|["'\]]|$)/.test(text.slice(index + value.length, index + value.length + 64)) &&
    !/[a-z][a-z0-9+.-]*:\/\/[^\s/@]*$/i.test(text.slice(Math.max(0, index - 80), index)) &&
    !kerberosPrincipal(value, text, index) &&
    !sipNumber(value, text, index, keyPath) &&
    // Not an SSH algorithm's name: the OpenSSH and libssh projects name their extensions `name@openssh.com` (`ssh-rsa-cert-v01@openssh.com`).
    !/^[a-z0-9.-]+@(?:openssh\.com|libssh\.org)$/.test(value),
};

/**
 * Phone numbers with separators or a leading `+`: North American `(415) 555-0132`, `415.555.0132`,
 * `+1 415 555 0132`, and international `+44 20 7946 0958`. Bare digit runs are left alone (IDs),
 * unless the key says phone; so is a number right after a word naming another number (`Order #`, `ref`).
 */
export const phone: DlpDetector = {
  type: 'phone',
  pattern:
    /(?<![\w+.-])(?:(?:\+1[ .-]?|1[ .-])?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}|\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,6}\)?){2,5}(?:[ .-]?\d{1,4})?)(?![\w-]|\.\w)/g,
  validate(value, text, index) {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 10 && digits <= 15 && !OTHER_NUMBER.test(text.slice(Math.max(0, index - 24), index));
  },
  // Also German / Spanish / Italian / Portuguese / French compounds and keys in other scripts.
  key: /^(?:[a-z]*(?:phone|telephone|mobile|cell|fax|whatsapp|landline|callback|contact)(?:number|no|num|nr)?|tel|telno|telnr|mobil|handy|telefon[a-z]*|teléfono|telefono|telefone|telephonenumber|numérodetéléphone|numerodetelephone|(?:handy|mobil|ruf|fax)nummer|celular|móvil|movil|portable|cellulare|msisdn|callerid|caller(?:number|no)?|(?:source|src|dest|destination|called|calling)(?:addr|number|partynumber)|телефон|мобильный|電話|电话|手机|手機|携帯|電話番号|전화|전화번호|फोन)$/,
  // Also with a slash after the area code, as German-speaking countries write it (`089/6814-968`).
  keyValue: /^\s*\+?[\d\s()./-]{7,20}\s*$/,
  // Not an IPv4 address (a `dest_addr` of a network log), and at least 7 digits.
  keyValid: (value) => !/^\s*\d{1,3}(?:\.\d{1,3}){3}\s*$/.test(value) && value.replace(/\D/g, '').length >= 7,
};

/**
 * A number in a dial string or a calling URI: Asterisk / FreeSWITCH `Dial(PJSIP/trunk/19195550129,30)`, `SIP/…`, `IAX2/…`,
 * `DAHDI/…`, and `tel:`, `sip:`, `callto:` URIs without a `+` (`sip:4155550132@pbx`). Ten to fifteen digits: an extension is shorter.
 */
export const dialledPhone: DlpDetector = {
  type: 'phone',
  pattern: /(?:(?<![\w])(?:PJSIP|SIP|IAX2|DAHDI|Local|H323|Skype)\/(?:[\w.-]+\/){0,3}|(?<![\w.-])(?:sips?|tel|callto):(?:\/\/)?)(?<v>\+?\d{10,15})(?=[,)@;/>\s"'&|]|$)/gi,
  requires: /SIP\/|sips?:|SIPS?:|tel:|Tel:|TEL:|IAX2\/|DAHDI\/|Local\/|H323\/|Skype\/|callto:/,
};

/**
 * Phone numbers written as a country writes them, next to a word saying phone (in English, German,
 * French, Spanish, Portuguese, Italian, Russian, Japanese, Chinese, Korean, Hindi) or in a GDS PNR's
 * `AP` contact element: with a trunk `0` (UK `0113 496 0616`, German `030 5550 9210`, French
 * `06 12 34 56 78` / `01.23.45.67.89`, Japanese `090-5550-7829`) or without one (Chinese mobile
 * `138 9183 6619`, Indian `98765 43210`, Spanish `612 34 56 78`, Italian `347 123 4567`, Brazilian
 * `(11) 98765-4321`, Russian `8 (912) 345-67-89`), also digit by digit (`4 1 5 5 5 5 0 1 3 2`). A
 * group of digits alone is also a part number or a date, so these count only with that context.
 */
export const nationalPhone: DlpDetector = {
  type: 'phone',
  // A slash may follow the area code (`089/3785-320`, German-speaking countries).
  pattern: /(?<![\w+.\/-])(?:\d{1,4}[ .-]?)?\(?\d{1,5}\)?(?:[ .\/-]\d{1,8})(?:[ .-]\d{1,8}){0,13}(?![\w\/-]|[.,]\d)/g,
  validate(value, text, index) {
    const digits = value.replace(/\D/g, '').length;
    if (digits < 9 || digits > 13 || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(value) || DATE_FIRST.test(value)) return false;
    // `call at 5pm, meeting id 893 4412 0056`: the words right before name another number.
    return !OTHER_NUMBER.test(text.slice(Math.max(0, index - 24), index));
  },
  context:
    /(?:\b(?:call(?:ed|ing)?|phone|tel|telephone|mobile|cell|ring|reach(?:ed|able)?|whatsapp|sms|text me|fax|dial|hotline|contact(?:ez)?|r(?:ü|ue)ckruf|ruf|anruf|telefon|handy|mobil|erreichbar|téléphone|tél|portable|appel(?:ez|er)?|rappel(?:ez|er)?|joignable|teléfono|telefono|telefone|móvil|celular|llam[ae]r?|llámame|cellulare|chiam[a-z]*|ligu(?:e|ar)|ligar|contato|anrufen|rufen sie|\d{1,3} +AP[MHBA]? +(?:[A-Z]{3} +)?|bel(?:len|t)?|telefoonnummer|mobiel|(?:handy|telefon|mobil|ruf|festnetz)nummer|front desk|reception|rezeption|zadzwo[ńn]|kom[óo]rk[a-z]*|ara(?:y[ıi]n)?|cep|hubungi|telepon|telp|e?sim|numero(?:sta|on|lla)|puhelin(?:numero)?|puh|soita|tavoittaa)\b|телефон|тел\.|моб\.|звон[а-яё]*|позвон[а-яё]*|điện thoại|sđt|gọi|هاتف|جوال|موبايل|اتصل|شماره تماس|تماس|تلفن|טלפון|נייד|τηλ|โทร|電話|携帯|連絡先|お問い合わせ|問い合わせ|문의|手机|电话|联系|전화|휴대폰|연락처|핸드폰|फ़ोन|फोन|मोबाइल)/i,
  // A verb of messaging right before the number (`or text 07700 900829`, `ping me on +…`): the word alone is too common to be context anywhere in the window.
  // Also German `unter` right before it (`Rückfragen gern unter 030 …`, `erreichbar unter`): where to reach someone.
  leadIn: /(?:\b[Uu]nter[ \t]+$|\b(?:or|and|please|pls|just|then|can|to)[ \t]+(?:text|txt|sms|ping|whatsapp)|\b(?:text|txt|sms|ping|whatsapp)[ \t]+(?:me|us))(?:[ \t]+(?:at|on))?[ \t:]*$/i,
  contextWindow: { before: 40, after: 12 },
};

/**
 * A field that holds nothing but a national number as its country writes it: the trunk `0`, an area or mobile prefix, a separator,
 * then groups (UK `07700 900677`, `020 7946 0228`, German `0151 3919156` and `089/6814-968`, Swedish `076-430 60 82`, Korean
 * `010-7192-9389`, Australian `(02) 5550 6437`). A whole value of that shape is a phone number whatever its key (`from`, `raw_digits`,
 * a device's name); a part of a longer text still needs a phone word (see {@link nationalPhone}). Not `00…` (an account or a
 * padded id), not a date, not an ISBN-10 (four groups, the last one character).
 */
const NDC = /^\d{4,5}-\d{3,4}-\d{1,2}$/;
/** The last keys naming a number that is not a phone (drug, product, book, order, account codes). */
const OTHER_NUMBER_KEY = /\b(?:ndc|npi|isbn|issn|sku|ean|upc|gtin|order|invoice|account|acct|iban|ref|reference|serial|part|lot|batch|tracking|ticket|case|policy|claim)\b/i;

export const trunkPhone: DlpDetector = {
  type: 'phone',
  // Also French digit pairs with dots (`06.39.98.62.55`).
  pattern: /^\s*(?<v>(?:\(0[1-9]\d{0,3}\)[ ]?|0[1-9]\d{0,3}(?:[ /-]))\d{2,8}(?:[ -]\d{2,8}){0,3}|0[1-9](?:\.\d{2}){4})\s*$/g,
  requires: /^\s*\(?0[1-9]/,
  validate(value, _text, _index, keyPath) {
    const digits = value.replace(/\D/g, '').length;
    // Nor a National Drug Code (`08134-2151-03`: labeller, product, package, dashed 4-4-2, 5-3-2 or 5-4-1/2), nor a value its key names as another number.
    return digits >= 9 && digits <= 12 && !DATE_FIRST.test(value) && !/^\d+-\d+-\d+-[\dX]$/.test(value) && !NDC.test(value) && !OTHER_NUMBER_KEY.test(keyPath.slice(-24));
  },
};
