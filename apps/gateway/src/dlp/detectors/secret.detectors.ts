import type { DlpDetector } from '../dlp-detector.interfaces';

/** AWS access key ids (`AKIA...`, `ASIA...`, 20 characters). */
export const awsAccessKey: DlpDetector = {
  type: 'aws_access_key',
  pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])/g,
  // AWS's documentation placeholders (`AKIAIOSFODNN7EXAMPLE`) are published, not credentials.
  validate: (value) => !value.includes('EXAMPLE'),
};

/** PEM private key blocks (RSA, EC, OpenSSH, PKCS#8, encrypted, PGP), also cut short. */
export const privateKey: DlpDetector = {
  type: 'private_key',
  pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  // Key material (even cut short), not a header around a placeholder (`[REDACTED - rotated]`, `<key>`, `...`).
  validate(value) {
    const body = value.replace(/^-----BEGIN[^\n\\]*?-----|-----END[\s\S]*$/g, '').replace(/\\[rn]/g, ' ').trim();
    return !/^(?:\[[^\]]*\]|<[^>]*>|\.{3}|…|\*+|x+|redacted\b.*|removed\b.*)$/i.test(body);
  },
};

/** JSON Web Tokens: base64url `{"`-header, `{"`-payload, signature (possibly empty). */
export const jwt: DlpDetector = {
  type: 'jwt',
  pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*(?![A-Za-z0-9_-])/g,
  validate(value) {
    try {
      const header: unknown = JSON.parse(Buffer.from(value.slice(0, value.indexOf('.')), 'base64url').toString('utf8'));
      return !!header && typeof header === 'object' && ('alg' in header || 'typ' in header);
    } catch {
      return false;
    }
  },
};

/** `api` → `[aA][pP][iI]`: a case-insensitive word inside an otherwise case-sensitive pattern. */
function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** A plausible secret: long, no spaces, letters and digits mixed. */
const SECRET_VALUE = /^\s*(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9_\-.+/=~:]{16,}\s*$/;

/**
 * API keys and tokens: well-known prefixed formats (Stripe live secret keys, OpenAI, GitHub, Slack, Google, GitLab,
 * SendGrid, npm) anywhere; any long mixed secret after `api_key=`, `"access_token": "..."`,
 * `Authorization: Bearer ...` or under such a key.
 */
export const apiKey: DlpDetector = {
  type: 'api_key',
  pattern: new RegExp(
    [
      // Secret and restricted live keys; test-mode and publishable keys are meant to appear in docs and front ends.
      String.raw`(?<![A-Za-z0-9_-])(?:sk|rk)_live_[0-9A-Za-z]{16,}`,
      String.raw`(?<![A-Za-z0-9_-])sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}`,
      String.raw`(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,}`,
      String.raw`(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}`,
      // Slack tokens carry numeric team / user ids (`xoxb-123…-456…-…`), so `xoxb-your-token` is not one.
      String.raw`(?<![A-Za-z0-9_-])xox[abprs]-(?=[A-Za-z0-9-]*\d{4})[A-Za-z0-9-]{10,}`,
      String.raw`(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}`,
      String.raw`(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}`,
      String.raw`(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`,
      String.raw`(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}`,
      String.raw`(?<![A-Za-z0-9])(?:` +
        ['api[_-]?key', 'api[_-]?secret', 'access[_-]?token', 'auth[_-]?token', 'secret[_-]?key', 'client[_-]?secret', 'private[_-]?token', 'refresh[_-]?token']
          .map(anyCase)
          .join('|') +
        String.raw`)[\\"']*\s*[:=]\s*[\\"']*(?<v>(?=[^\s"'\\]*\d)(?=[^\s"'\\]*[A-Za-z])[A-Za-z0-9_\-.+/=~]{16,})`,
      String.raw`\bBearer\s+(?<v2>(?=[^\s"'\\]*\d)[A-Za-z0-9_\-.~+/]{20,}=*)`,
      // An AWS secret access key (40 characters of base64) after its label, also in whitespace-aligned
      // tables (`aws configure list`, `secret_key     2d5A…`).
      String.raw`(?<![A-Za-z0-9])(?:` +
        ['secret[_ -]?(?:access[_ -]?)?key', 'aws[_ -]?secret'].map(anyCase).join('|') +
        String.raw`)[\w \[\]]{0,12}?[\s:=|"']+(?<v3>(?=[A-Za-z0-9/+]*\d)(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?![A-Za-z0-9/+]*EXAMPLE)[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    ].join('|'),
    'g',
  ),
  key: /^(?:[a-z0-9]*(?:apikey|apisecret|accesstoken|authtoken|secretkey|clientsecret|privatetoken|refreshtoken|bearertoken|secretaccesskey)|secret|token)$/,
  keyValue: SECRET_VALUE,
};

/**
 * Passwords: any non-blank value under a key like `password`, `db_password`, `passwd`, `pwd`; and
 * in text `password=...`, `"password": "..."` (also JSON escaped inside a string), `pwd: ...`,
 * `password is ...` — a bare value counts only when it is not a plain word, so prose stays clean —
 * and the password of `scheme://user:password@host` (not a placeholder such as `USER:PASSWORD@HOST`).
 */
export const password: DlpDetector = {
  type: 'password',
  pattern: new RegExp(
    // The word in English and in other languages (`mot de passe`, `Passwort`, `contraseña`, `senha`, …).
    String.raw`(?<![A-Za-z0-9])(?:password|passwd|pwd|passphrase|passcode|mot de passe|passwort|kennwort|contraseña|contrasena|senha|wachtwoord|lösenord|adgangskode|salasana|hasło|heslo|пароль|パスワード|密码|비밀번호)(?:\\?["'])?(?:` +
      [
        String.raw`\s*(?:[:=]|=>)\s*(?:\\?"(?<v>(?:[^"\\]|\\[^"])+?)\\?"|'(?<v2>[^']+)')`,
        String.raw`=(?<v3>[^\s"',;&}]+)`,
        String.raw`(?:\s*(?:[:=]|=>)\s*|\s+(?:is|ist|est|es|é)\s+)(?<v4>[^\s"',;&}([<][^\s"',;&}]*?[^\s"',;&}A-Za-z][^\s"',;&}]*|[^\s"',;&}A-Za-z([<][^\s"',;&}]*)`,
      ].join('|') +
      ')' +
      // credentials in a URL: scheme://user:password@host
      String.raw`|(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://[^\s:/@]+:(?<v5>(?![A-Z_]+@|\$\{|<|\*+@|x+@)[^\s@/]+)@` +
      // curl / wget / httpie basic auth on the command line: `-u user:password`, `--user user:password`.
      String.raw`|(?<![\w-])(?:-u|--user|--http-user)[ =]["']?[^\s:'"]+:(?<v6>(?![A-Z_]+["'\s]|\$)[^\s'"]+)`,
    'gi',
  ),
  // `userpass`: OFX `<USERPASS>`; also `db_pass`, `login_pass`.
  key: /^(?:[a-z0-9]*password|[a-z0-9]*passwd|pwd|passphrase|passcode|(?:user|login|db|admin|root|smtp|mail)?pass|passwort|kennwort|contrasena|senha|motdepasse)$/,
};
