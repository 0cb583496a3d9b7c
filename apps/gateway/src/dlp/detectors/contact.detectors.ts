import type { DlpDetector } from '../dlp-detector.interfaces';

const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'pdf', 'js', 'ts', 'css', 'html', 'json']);

/** E-mail addresses (not `icon@2x.png`-style asset names). */
export const email: DlpDetector = {
  type: 'email',
  pattern: /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g,
  // Not an SSH remote (`git@github.com:org/repo.git`): a host, a colon and a path.
  validate: (value, text, index) =>
    !FILE_EXTENSIONS.has(value.slice(value.lastIndexOf('.') + 1).toLowerCase()) && !/^:[\w.~-]+\//.test(text.slice(index + value.length, index + value.length + 64)),
};

/**
 * Phone numbers with separators or a leading `+`: North American `(415) 555-0132`, `415.555.0132`,
 * `+1 415 555 0132`, and international `+44 20 7946 0958`. Bare digit runs are left alone (IDs),
 * unless the key says phone.
 */
export const phone: DlpDetector = {
  type: 'phone',
  pattern:
    /(?<![\w+.-])(?:(?:\+?1[ .-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}|\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,6}\)?){2,5}(?:[ .-]?\d{1,4})?)(?![\w.-]|\.\d)/g,
  validate(value) {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 10 && digits <= 15;
  },
  key: /^(?:[a-z]*(?:phone|telephone|mobile|cell|fax)(?:number|no|num)?|tel|telno|mobil|handy|telefon|telefono|telefone|telephonenumber)$/,
  keyValue: /^\s*\+?[\d\s().-]{7,20}\s*$/,
};

/**
 * Phone numbers in national format, with a trunk `0` and groups: UK `0113 496 0616`, German
 * `030 5550 9210` / `0151 55506636`, Japanese `090-5550-7829`. A group of digits starting with 0 is
 * also a part number or a date, so these count only next to a word saying phone (in English, German,
 * French, Spanish, Portuguese, Italian, Japanese, Chinese).
 */
export const nationalPhone: DlpDetector = {
  type: 'phone',
  pattern: /(?<![\w+.\/-])0\d{1,4}(?:[ -]\d{2,8}){1,3}(?![\w\/-]|[.,]\d)/g,
  validate(value) {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 9 && digits <= 12;
  },
  context:
    /(?:\b(?:call(?:ed|ing)?|phone|tel|telephone|mobile|cell|ring|reach|whatsapp|sms|text me|fax|dial|hotline|rückruf|ruf|anruf|telefon|handy|mobil|erreichbar|téléphone|tél|portable|appel(?:ez|er)?|teléfono|telefono|telefone|móvil|celular|llam[ae]r?|cellulare|chiama)\b|電話|携帯|連絡先|手机|电话)/i,
  contextWindow: { before: 40, after: 12 },
};
