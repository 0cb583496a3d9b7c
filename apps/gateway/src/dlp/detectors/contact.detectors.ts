import type { DlpDetector } from '../dlp-detector.interfaces';

const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'pdf', 'js', 'ts', 'css', 'html', 'json']);

/** E-mail addresses (not `icon@2x.png`-style asset names). */
export const email: DlpDetector = {
  type: 'email',
  pattern: /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g,
  validate: (value) => !FILE_EXTENSIONS.has(value.slice(value.lastIndexOf('.') + 1).toLowerCase()),
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
  key: /^(?:phone|phonenumber|mobile|mobilephone|cell|cellphone|telephone|tel|fax|homephone|workphone|contactphone)$/,
  keyValue: /^\s*\+?[\d\s().-]{7,20}\s*$/,
};
