import type { DlpDetector } from '../dlp-detector.interfaces';

/** AWS access key ids (`AKIA...`, `ASIA...`, 20 characters). */
export const awsAccessKey: DlpDetector = {
  type: 'aws_access_key',
  pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])/g,
  // AWS's documentation placeholders (`AKIAIOSFODNN7EXAMPLE`) are published, not credentials.
  validate: (value) => !value.includes('EXAMPLE'),
};

/** A key body that is a placeholder or a mask: `[REDACTED - rotated]`, `[MASKED]`, `<key>`, `...`, `****`. */
const MASKED_BODY = /^(?:\[[^\]]*\]|<[^>]*>|\.{3}|…|\*+|x+|redacted\b.*|removed\b.*|masked\b.*)$/i;

/** A PuTTY key file's private part: `Private-Lines: n` and its base64 lines (v2 and v3, encrypted or not). */
const PPK = /^PuTTY-User-Key-File-\d:[\s\S]*?Private-Lines:\s*\d+\r?\n(?<body>[A-Za-z0-9+/=\r\n]*)/;

/** PEM private key blocks (RSA, EC, OpenSSH, PKCS#8, encrypted, PGP), also cut short; PuTTY `.ppk` key files. */
export const privateKey: DlpDetector = {
  type: 'private_key',
  pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)|PuTTY-User-Key-File-\d:[^\n]{0,200}\n(?:[^\n]{0,200}\n){0,400}?Private-Lines:[ \t]*\d+\r?\n[A-Za-z0-9+/=]{16,}/g,
  // Key material (even cut short), not a header around a placeholder (`[REDACTED - rotated]`, `<key>`, `...`).
  validate(value) {
    if (value.startsWith('PuTTY')) return (PPK.exec(value)?.groups?.body.replace(/\s/g, '').length ?? 0) >= 16;
    const body = value.replace(/^-----BEGIN[^\n\\]*?-----|-----END[\s\S]*$/g, '').replace(/\\[rn]/g, '\n').trim();
    // The whole body, or (a block cut short, other log lines after it) its first line.
    return !MASKED_BODY.test(body) && !MASKED_BODY.test(body.split('\n')[0].trim());
  },
  // A raw 32-byte key under a private-key name: WireGuard `PrivateKey = …` (base64), an Ed25519 / X25519 seed in hex.
  key: /privatekey$|^privkey$/,
  keyValue: /^\s*(?:[A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})\s*$/,
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

/** A PGP key id or fingerprint in capitals (git's `signingkey = 56E42F9D84D2C727`): it names a key, it is not one. */
const PGP_KEY_ID = /^\s*(?:0x)?(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9A-F]{40})!?\s*$/;

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
      // Other providers' documented token formats: Stripe webhook secrets, Slack app tokens, GitLab
      // deploy / runner / trigger tokens, Google OAuth client secrets and access tokens, Docker Hub,
      // DigitalOcean, Shopify, Hugging Face, Databricks, PyPI, HashiCorp Vault,
      // Atlassian, Postman, Linear, New Relic, Grafana, Mailgun, Notion, age, Sentry auth tokens.
      String.raw`(?<![A-Za-z0-9_-])(?:whsec_[A-Za-z0-9+/]{24,}|xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{32,}|gl(?:dt|rt|ptt|ft|imt|oas|soat|cbt)-[A-Za-z0-9_-]{20,}|GOCSPX-[A-Za-z0-9_-]{24,}|ya29\.[A-Za-z0-9_-]{30,}|dckr_pat_[A-Za-z0-9_-]{24,}|do[opr]_v1_[a-f0-9]{64}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|hf_[A-Za-z0-9]{30,}|key_live_[A-Za-z0-9]{32}|dp\.(?:st|ct|sa|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}|oy2[a-z0-9]{43}|dapi[a-f0-9]{32}(?:-\d)?|pypi-AgE[A-Za-z0-9_-]{50,}|hv[sb]\.[A-Za-z0-9_-]{24,}|ATATT3[A-Za-z0-9_=-]{50,}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}|lin_api_[A-Za-z0-9]{40}|NRAK-[A-Z0-9]{27}|gls[a]_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/=]{32,}|key-[a-f0-9]{32}|(?:secret|ntn)_[A-Za-z0-9]{43,46}|AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}|sntrys_[A-Za-z0-9+/=_]{60,})(?![A-Za-z0-9_-])`,
      // Telegram bot tokens (`<bot id>:AA…`, 35 characters after the colon) and Discord bot tokens (base64 of the bot's id, a timestamp, an HMAC).
      String.raw`(?<![\w:-])\d{8,10}:AA[A-Za-z0-9_-]{33}(?![\w-])`,
      String.raw`(?<![\w.-])[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![\w.-])`,
      // Incoming-webhook URLs carry their secret in the path (Slack, Discord).
      String.raw`hooks\.slack\.com/(?:services|workflows)/(?<v4>T[A-Z0-9]{6,}/[A-Z0-9]{6,}/[A-Za-z0-9]{20,})`,
      String.raw`discord(?:app)?\.com/api/webhooks/\d{15,20}/(?<v5>[A-Za-z0-9_-]{50,})`,
      // An Azure shared access signature in a URL or a connection string.
      String.raw`[?&;]sig=(?<v6>[A-Za-z0-9%+/]{30,}(?:=|%3D){0,2})`,
      String.raw`(?<![A-Za-z0-9])(?:` +
        [
          'api[_-]?key',
          'api[_-]?secret',
          'access[_-]?token',
          'auth[_-]?token',
          'secret[_-]?key(?:[_-]?base)?',
          'client[_-]?secret',
          'private[_-]?token',
          'refresh[_-]?token',
          'session[_-]?token',
          // Azure storage and Service Bus connection strings, signing and encryption secrets of frameworks.
          'account[_-]?key',
          'shared[_-]?access[_-]?key',
          'subscription[_-]?key',
          '(?:signing|encryption|master|hmac|webhook|jwt)[_-]?(?:secret|key)',
          '(?:app|application|consumer|session)[_-]?secret',
        ]
          .map(anyCase)
          .join('|') +
        String.raw`)[\\"']*\s*[:=]\s*[\\"']*(?<v>(?=[^\s"'\\]*\d)(?=[^\s"'\\]*[A-Za-z])[A-Za-z0-9_\-.+/=~]{16,})`,
      // A key given to a command line by its flag: `nuget push … --api-key oy2…`, `--token …`, `--auth-token=…`.
      String.raw`(?<![\w-])--(?:api-?key|api-?token|access-?token|auth-?token|token|secret-?key|client-?secret)[ =]["']?(?<v9>(?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])[A-Za-z0-9_\-.+/=~]{20,})`,
      String.raw`\bBearer\s+(?<v2>(?=[^\s"'\\]*\d)[A-Za-z0-9_\-.~+/]{20,}=*)`,
      // An AWS secret access key right after its key id (`AKIA… / wJal…` in chat), and a Laravel `APP_KEY=base64:…` (32 bytes).
      String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}[ \t]*[/:,|;]?[ \t]*(?<v7>(?=[A-Za-z0-9/+]*\d)(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      String.raw`base64:(?<=KEY[\\"']*[ \t]*[:=][ \t]*[\\"']*base64:)(?<v8>[A-Za-z0-9+/]{43}=)`,
      // An AWS secret access key (40 characters of base64) after its label, also in whitespace-aligned
      // tables (`aws configure list`, `secret_key     2d5A…`).
      String.raw`(?<![A-Za-z0-9])(?:` +
        ['secret(?:[_ -]?(?:access[_ -]?)?key)?', 'aws[_ -]?secret'].map(anyCase).join('|') +
        String.raw`)[\w \[\]]{0,12}?[\s:=|"']+(?<v3>(?=[A-Za-z0-9/+]*\d)(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?![A-Za-z0-9/+]*EXAMPLE)[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    ].join('|'),
    'g',
  ),
  // Also any key ending in `secret` (`jwt_secret`, `signing-secret`, `WEBHOOK_SECRET`) and the keys and tokens of the labels above;
  // an admin key (Algolia), a license key, Authorize.Net's `transactionKey`, a gateway's `security_key`, an `ApiToken`.
  key: /^(?:[a-z0-9]*(?:apikey|apisecret|apitoken|accesstoken|authtoken|adminkey|licen[cs]ekey|transactionkey|securitykey|secretkey|secretkeybase|clientsecret|privatetoken|refreshtoken|bearertoken|secretaccesskey|sessiontoken|accountkey|sharedaccesskey|subscriptionkey|secret|(?:signing|encryption|master|hmac|webhook|jwt)key|(?:service|personalaccess|deploy|bot|webhook|registration|runner|integration)token)|secret)$/,
  keyValue: SECRET_VALUE,
  keyValid: (value) => !PGP_KEY_ID.test(value),
  validate: (value) => !PGP_KEY_ID.test(value),
};

/**
 * A field named only `token`: also a form response's id, a page cursor, a CSRF or a push token, so its
 * value counts as a key only when it reads as one — long, digits and letters of both cases (base62 /
 * base64), as keys and access tokens are; a lowercase or hex id is not enough.
 */
export const tokenField: DlpDetector = {
  type: 'api_key',
  key: /^token$/,
  keyValue: /^\s*(?=\S*\d)(?=\S*[a-z])(?=\S*[A-Z])[A-Za-z0-9_\-.+/=~:]{20,}\s*$/,
};

/**
 * A key or token under a name of its own (`SEGMENT_WRITE_KEY`, `BRANCH_KEY`, Kong's `key`, `ingest_token`): any name ending in key or
 * token counts when its value reads as a secret — long, random, letters of both cases and digits — and the name is not one of
 * the keys that are ids, cursors or public (a site key, a publishable key, a push token, a cache or sort key).
 */
export const namedKey: DlpDetector = {
  type: 'api_key',
  key: /^(?![a-z0-9]*(?:public|publishable|site|pub|device|push|fcm|apns|csrf|xsrf|page|next|cursor|continuation|idempotency|cache|sort|partition|row|object|primary|foreign|lookup|routing|dedup|unique|shard|search|i18n|translation|message|label|ssh|gpg|pgp|host|keyid|rotation)(?:key|token)$)[a-z0-9]*(?:key|token)$/,
  // No dots (a translation key, a dotted name), no UUID, at least two digits; not a path.
  keyValue: /^\s*(?!(?:\S*-){4})(?!(?:\S*\/){3})(?=(?:\S*\d){2})(?=(?:\S*[A-Z]){3})(?=(?:\S*[a-z]){3})[A-Za-z0-9_\-+/=]{24,128}\s*$/,
  keyValid: (value) => !identifierLike(value.trim()),
};

/** A word of an identifier: a capitalised or lowercase word of three letters or more, an acronym, a short number, a joiner. */
const IDENTIFIER_WORD = /[A-Z][a-z]{2,}|[a-z]{3,}|[A-Z]{2,5}(?![a-z])|\d{1,4}|[_-]/y;

/**
 * True when `value` reads as a name made of words (`UserProfileSettingsTitle2024`, `MyAppProductionKey2024Final`), not random
 * characters: it splits wholly into words of {@link IDENTIFIER_WORD} (greedy, linear: no backtracking).
 */
function identifierLike(value: string): boolean {
  let at = 0;
  while (at < value.length) {
    IDENTIFIER_WORD.lastIndex = at;
    if (!IDENTIFIER_WORD.exec(value)) return false;
    at = IDENTIFIER_WORD.lastIndex;
  }
  return true;
}

/** Password words in English and other languages (`mot de passe`, `Passwort`, `contraseña`, `senha`, `şifre`, `密码`, …). */
export const PASSWORD_WORD =
  'password|passwd|pwd|pw|pword|passphrase|passcode|mot de passe|passwort|kennwort|contraseña|contrasena|senha|wachtwoord|lösenord|adgangskode|salasana|hasło|heslo|lozinka|parolă|şifre|şifresi|sifre|пароль|パスワード|密码|密碼|비밀번호|mật khẩu|รหัสผ่าน|كلمة المرور|كلمة السر|סיסמה|पासवर्ड';
/** What joins a password word to its value in a sentence: `is`, `ist`, `est`, `es`, `é`, `è`, `lautet`, `är`, `jest`, a dash, CJK `是` / `は` / `는`. */
// Also what a ticket says an admin did: `Temp password set to …`, `changed to`, `reset to`.
const COPULA = String.raw`(?:\s+(?:is|is now|was|will be|ist|lautet|est|es|era|é|è|är|er|jest|je|wynosi|(?:was |has been |been )?(?:set|changed|reset|updated) to)\s+|\s+-\s+|\s*(?:是|为|為|は|는|은)\s*)`;
/** A password's owner between the word and the copula: `the password for the admin account is …`, `la password del Wi-Fi è …`. */
const OWNER = String.raw`(?:\s+(?:for|of|to|on|del|della|dello|de|du|des|da|do|für|von|van|för|för|til|dla)\b[^\n:=.;,]{1,40}?)?`;
/**
 * A word saying what kind of password it is, after the word (`Mot de passe provisoire :`, `senha temporária do portal é`,
 * `password temporanea:`, `Passwort (neu):` without the brackets).
 */
const QUALIFIER = String.raw`(?:\s+(?:provisoire|temporaire|initial(?:e)?|temporary|temp|one-time|new|nouveau|nouvel(?:le)?|neue?s?|vorl[äa]ufige?s?|provisori[oa]|provis[óo]ri[oa]|tempor[áa]ri[oa]|temporal|temporane[oa]|provvisori[oa]|tijdelijke?|nieuwe?|ge[çc]ici|yeni|tymczasowe|nowe|временный|новый|default|por defecto|padr[ãa]o|predeterminad[oa]|inicial))?`;
/** What follows a length or a count, not a password (`password is 8 characters long`). */
const PASSWORD_RULE = /^\s*(?:characters?|chars?|digits?|letters?|symbols?|long|zeichen|caract|символ)/i;
/** What introduces a user's name, not a password, after a password word and its owner (`reset password for user: jdoe42`). */
const USER_BEFORE = /(?:^|\s)(?:user(?:name)?|account|login|e-?mail|id)[ \t]*[:=][ \t]*$/i;
/** A bare value: not a plain word (`password: required`), not a bracket or a placeholder opening. */
const BARE_VALUE = String.raw`[^\s"',;&}([<][^\s"',;&}]*?[^\s"',;&}A-Za-z][^\s"',;&}]*|[^\s"',;&}A-Za-z([<][^\s"',;&}]*`;

/**
 * Passwords: any non-blank value under a key like `password`, `db_password`, `passwd`, `pwd`; and
 * in text `password=...`, `"password": "..."` (also JSON escaped inside a string), `pwd: ...`,
 * `password is ...`, `the password for X is ...` — a bare value counts only when it is not a plain
 * word, so prose stays clean — SQL's `PASSWORD 'literal'`, and the password of
 * `scheme://user:password@host` (the last `@` before the host ends it; not a placeholder such as
 * `USER:PASSWORD@HOST`).
 */
export const password: DlpDetector = {
  type: 'password',
  pattern: new RegExp(
    String.raw`(?<![A-Za-z0-9])(?:${PASSWORD_WORD})(?:\\?["'])?(?:` +
      [
        String.raw`\s*(?:[:=]|=>)\s*(?:\\?"(?<v>(?:[^"\\]|\\[^"])+?)\\?"|'(?<v2>[^']+)')`,
        String.raw`=(?<v3>[^\s"',;&}]+)`,
        // The value on the same line (`DB_PASSWORD=` with nothing after it does not take the next line); LDIF's `::` (base64 value);
        // an owner before the colon too (`Temporary password for the vendor portal: …`).
        String.raw`${QUALIFIER}${OWNER}(?:\s*(?:::|[:=]|=>)[ \t]*|${COPULA})(?<v4>${BARE_VALUE})`,
        // Asked for in a chat and given on the next line: `mi giri la password del wifi?` / `[10:03] Giulia: certo, è …`, `… password? — sure, it's …`.
        String.raw`[^\n?]{0,60}\?[ \t]*\r?\n[^\n]{0,40}?[:>\]-][ \t]*(?:[^\s]+[ \t]+){0,3}?(?:è|é|is|it's|its|it is|es|ist|c'est|est|то|是)[ \t]+(?<v10>(?=\S{6})(?:${BARE_VALUE}))`,
        // SQL: `ALTER ROLE r WITH LOGIN PASSWORD 'literal'`, `CREATE USER u PASSWORD "literal"`.
        String.raw`[ \t]+'(?<v7>[^'\s]{3,128})'`,
        // Quoted as code or in typographic quotes in chat and tickets: password `x`, password “x”, password «x».
        String.raw`[ \t]+(?:\x60(?<v8>[^\x60\s]{3,128})\x60|[“‘«](?<v9>[^”’»\s]{3,128})[”’»])`,
      ].join('|') +
      ')' +
      // credentials in a URL: scheme://user:password@host (a password may hold an unencoded `@`: the last one before the host ends it)
      String.raw`|(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://[^\s:/@]*:(?<v5>(?![A-Z_]+@(?![^\s/@]*@)|\$\{|<|\*+@|x+@)[^\s/]{1,256}?)@(?=[\w[])(?![^\s/@]*@)` +
      // curl / wget / httpie basic auth on the command line: `-u user:password`, `--user user:password`.
      String.raw`|(?<![\w-])(?:-u|--user|--http-user)[ =]["']?[^\s:'"]+:(?<v6>(?![A-Z_]+["'\s]|\$)[^\s'"]+)`,
    'gi',
  ),
  // A plain word closed by punctuation is prose (`(using password: YES)`, `password: required.`); one character is a test's
  // stand-in (`User.new(password: "x")`), a YAML block indicator (`password: |`) has the value below; after `for user:` comes a name.
  validate: (value, text, index) =>
    !/^[A-Za-z]+[).\]:,?]+$/.test(value) &&
    !/^(?:\d{1,3}|\S|[|>][-+]?\d?)$/.test(value) &&
    !PASSWORD_RULE.test(text.slice(index + value.length, index + value.length + 16)) &&
    !USER_BEFORE.test(text.slice(Math.max(0, index - 24), index)) &&
    // Inside a shell parameter expansion (`${POSTGRES_PASSWORD:?set it}`): the message shown when the variable is unset.
    !/\$\{\w*:$/.test(text.slice(Math.max(0, index - 64), index)),
  // `userpass`: OFX `<USERPASS>`; also `db_pass`, `redis_pass`, `db_pwd`; a column saying the password is kept in clear (`password_plain`).
  // Also `authtok` (PAM and SSSD's authentication token: `ldap_default_authtok`).
  key: /^(?:[a-z0-9]*authtok|[a-z0-9]*password(?:plain|clear|cleartext|raw|temp|tmp)?|[a-z0-9]*passwd|[a-z0-9]{0,12}pwd|[a-z]{0,8}pw|passphrase|passcode|(?:user|login|db|database|admin|root|smtp|mail|redis|mysql|postgres|pg|mongo|rabbitmq|amqp|ldap|ftp|sftp|ssh|proxy|bind|sa|app|service|svc|wifi|wlan)?pass|passwort|kennwort|contrasena|contraseña|senha|motdepasse|wachtwoord|parol|sifre|şifre|hasło|haslo|lösenord|salasana|пароль|密码|密碼|パスワード|비밀번호)$/,
  // A field saying its value is encrypted or hashed holds ciphertext (Firefox `encryptedPassword`, `hashed_password`), not a password.
  keyVeto: (_keyPath, key) => /^(?:encrypted|encrypt|enc|hashed|hash|crypted|sealed|cipher|digest|salted|obfuscated)/.test(key),
};

/** Inline markup around a value in chat and forums: BBCode `[b]…[/b]`, HTML `<b>…</b>`, Markdown `**…**`, code backticks. */
const MARKUP = String.raw`(?:\[\/?[a-z]{1,6}\]|<\/?[a-z]{1,6}>|\*\*|\x60)?`;

/**
 * Passwords in the syntax of particular tools and protocols: cloud-init `chpasswd` lists and `echo 'u:p' | chpasswd`,
 * HAProxy `insecure-password` and `stats auth`, IMAP `LOGIN`, FTP `PASS` as a server log quotes it, command lines
 * (`xfreerdp /p:`, `net user`, OpenSSL `pass:`, keytool `-storepass`, `smbclient -U u%p`, `htpasswd -b`, `sqlcmd -P`),
 * and a login call with literals. Each form names itself, so the pattern runs only on text that has one of those words.
 */
export const protocolPassword: DlpDetector = {
  type: 'password',
  pattern: new RegExp(
    [
      // cloud-init `chpasswd: list: |` then `user:password` lines; `echo 'user:password' | chpasswd` (not a `$6$…` hash with `-e`).
      String.raw`\bchpasswd:[ \t]*\r?\n[ \t]+list:[ \t]*\|?[ \t]*\r?\n[ \t]+[\w.-]{1,32}:(?<v22>(?!\$)[^\s:]{3,128})`,
      String.raw`\becho[ \t]+["']?[\w.-]{1,32}:(?<v23>(?!\$)[^\s'":]{3,128})["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd\b(?![ \t]+-e)`,
      // HAProxy userlists and stats pages: `user admin insecure-password …`, `stats auth ops:…`.
      String.raw`\buser[ \t]+[\w.@-]{1,64}[ \t]+insecure-password[ \t]+(?<v14>\S{3,128})`,
      String.raw`\bstats[ \t]+auth[ \t]+[^\s:]{1,64}:(?<v15>\S{3,128})`,
      // IMAP `a001 LOGIN user "pass"` (a tag, the command, the user, the password; quoted or atom).
      String.raw`(?<![^\n])(?:(?:[CS]|client|CLIENT)[:>][ \t]*|>{1,3}[ \t]*)?[A-Za-z0-9.]{1,12}[ \t]+LOGIN[ \t]+(?:"[^"\n]{1,128}"|[^\s"]{1,128})[ \t]+(?:"(?<v17>[^"\n]{3,128})"|(?<v18>[^\s"]{3,128}))`,
      // FTP's `PASS …` as a server log quotes the command (vsftpd `FTP command: Client "…", "PASS …"`).
      String.raw`["']PASS[ \t]+(?<v19>[^\s"']{3,128})["']`,
      // Command lines: `xfreerdp /u:x /p:…`, `net user x … /add`, OpenSSL `-passin pass:…`, keytool `-storepass …`,
      // `smbclient -U user%…`, `htpasswd -b file user …`, `sqlcmd -P …`.
      String.raw`\bxfreerdp\b[^\n]{0,200}?[ \t]\/p:(?<v24>[^\s'"]{3,128})`,
      String.raw`\bnet[ \t]+user[ \t]+[^\s/]{1,64}[ \t]+(?<v25>(?![/*])[^\s]{3,128})`,
      String.raw`-pass(?:in|out)[ \t]+pass:(?<v26>[^\s'"]{3,128})`,
      String.raw`[ \t]-(?:src|dest)?(?:store|key)pass[ \t]+["']?(?<v27>(?![-$])[^\s'"]{3,128})`,
      String.raw`\bsmbclient\b[^\n]{0,200}?[ \t]-U[ \t]*["']?[^\s%'"]{1,64}%(?<v28>[^\s'"]{3,128})`,
      String.raw`\bhtpasswd\b[ \t]+-[a-zA-Z]*b[a-zA-Z]*[ \t]+\S+[ \t]+\S+[ \t]+["']?(?<v29>[^\s'"]{3,128})`,
      String.raw`\bsqlcmd\b[^\n]{0,200}?[ \t]-P[ \t]*["']?(?<v30>[^\s'"-][^\s'"]{2,127})`,
      // A password piped into a command that reads it from stdin: `echo … | docker login -u ci --password-stdin`, `passwd --stdin`.
      String.raw`\becho[ \t]+(?:-n[ \t]+)?["']?(?<v31>[^\s'"|]{3,128})["']?[ \t]*\|[^\n|]{0,120}?(?:--password-stdin|--passwd-stdin|passwd[ \t]+--stdin)`,
      // Cisco IOS type 0 (clear text): `username x privilege 15 secret 0 …`, `enable password 0 …` (types 5, 8, 9 are hashes, 7 is obfuscation).
      String.raw`(?<![\w-])(?:secret|password)[ \t]+0[ \t]+(?<v32>\S{3,128})`,
      // A Wi-Fi QR code's network password (`WIFI:T:WPA;S:ssid;P:…;;`).
      String.raw`\bWIFI:(?:[^;\n]{0,64};){0,4}?P:(?<v33>(?:[^;\\\n]|\\.){3,63});`,
      // OpenLDAP tools' bind password: `ldapsearch -x -D "cn=…" -w 'secret'`.
      String.raw`\bldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn|exop)\b[^\n|;&]{0,200}?[ \t]-w[ \t]+(?:'(?<v34>[^'\n]{3,128})'|"(?<v35>[^"\n]{3,128})"|(?<v36>[^\s'"-][^\s'"]{2,127}))`,
      // A login call with the user and the password as literals: `client.login("user@x", "…")`, `signIn('u', '…')`.
      String.raw`\b(?:login|logIn|log_in|signIn|sign_in|authenticate)\(\s*(?<q1>["'])[^"'\n]{1,128}\k<q1>\s*,\s*(?<q2>["'])(?<v20>[^"'\n]{3,128})\k<q2>\s*[,)]`,
    ].join('|'),
    'g',
  ),
  requires: /chpasswd|insecure-password|stats[ \t]+auth|LOGIN|PASS|(?:log_?[iI]n|sign_?[iI]n|authenticate)\(|xfreerdp|net[ \t]+user|pass:|(?:store|key)pass|smbclient|htpasswd|sqlcmd|-stdin|--stdin|(?:secret|password)[ \t]+0[ \t]|WIFI:|ldap[a-z]+\b/,
  validate: (value) => !/^[A-Za-z]+[).\]:,?]*$/.test(value),
};

/**
 * More tools' password forms, behind a test of their own names: SNMP communities and USM users, Oracle's `user/password@db`, connect
 * calls taking the password third, Bundler's per-host credentials, and a user and a password in chat with markup around them.
 */
export const toolPassword: DlpDetector = {
  type: 'password',
  pattern: new RegExp(
    [
      // SNMP communities and USM users (`rocommunity …`, `com2sec name source …`, `createUser u SHA "auth" AES "priv"`).
      String.raw`\b(?:ro|rw)community6?[ \t]+(?<v40>[^\s#"]{3,128})`,
      String.raw`\bcom2sec6?[ \t]+(?:-Cn[ \t]+\S+[ \t]+)?\S+[ \t]+\S+[ \t]+(?<v41>[^\s#"]{3,128})`,
      String.raw`\bcreateUser[ \t]+(?:-e[ \t]+\S+[ \t]+)?\S+[ \t]+(?:MD5|SHA(?:-\d+)?)[ \t]+(?:"(?<v42>[^"\n]{3,128})"|(?<v43>[^\s"]{3,128}))`,
      // Oracle's `user/password@connect` on the tools' command lines (`sqlplus hr/…@//host/svc`) and SQL*Plus `CONNECT user/…@db`.
      String.raw`\b(?:sqlplus|rman|expdp|impdp|sqlldr|dgmgrl)(?:[ \t]+(?:-{1,2}\w+|target|auxiliary|catalog|userid=))*[ \t]+["']?[\w$#.]{1,30}\/(?<v44>[^\s@/'"]{3,128})(?=@|[\s'"]|$)`,
      String.raw`\b(?:CONN|CONNECT|conn|connect)[ \t]+[\w$#]{1,30}\/(?<v45>[^\s@/'"]{3,128})@`,
      // A database or directory connect call, the password its third argument: Perl `DBI->connect($dsn, 'u', '…')`, JDBC
      // `DriverManager.getConnection(url, "u", "…")`, PHP `new PDO(…)`, `mysqli_connect(host, u, …)`, `ldap_bind($c, $dn, …)`, `imap_open`.
      String.raw`(?:DBI->connect(?:_cached)?|DriverManager\.getConnection|new[ \t]+PDO|new[ \t]+mysqli|mysqli_(?:real_)?connect|ldap_bind|imap_open|ftp_login|pymysql\.connect|MySQLdb\.connect)\(\s*(?:"[^"\n]{0,256}"|'[^'\n]{0,256}'|\$?[\w.$>-]{1,64})\s*,\s*(?:"[^"\n]{0,128}"|'[^'\n]{0,128}'|\$?[\w.$>-]{1,64})\s*,\s*(?<q3>["'])(?<v46>[^"'\n]{3,128})\k<q3>`,
      // Bundler's credentials per gem host: `BUNDLE_GEMS__EXAMPLE__COM: "user:…"` (the host's dots written `__`), `bundle config set host user:…`.
      String.raw`\bBUNDLE_[A-Z0-9_]*?__[A-Z0-9]+["']?[ \t]*[:=][ \t]*["']?[^\s:"']{1,128}:(?<v47>[^\s"']{3,128})`,
      String.raw`\bbundle[ \t]+config[ \t]+(?:set[ \t]+)?(?:--\w+[ \t]+)*[\w-]+(?:\.[\w-]+)+[ \t]+[^\s:]{1,128}:(?<v48>\S{3,128})`,
      // A user and a password in chat with markup around them (BBCode `user [b]admin[/b] pass [b]…[/b]`, HTML, Markdown), or none.
      String.raw`\b(?:[Uu]ser(?:name)?|USER(?:NAME)?|[Ll]ogin|LOGIN)[ \t:]+${MARKUP}[\w.@-]{1,64}${MARKUP}[ \t,;]+(?:and[ \t]+)?(?:[Pp]ass(?:word)?|PASS(?:WORD)?|pw|pwd|PW)[ \t]*[:=]?[ \t]*${MARKUP}(?<v49>(?=[^\s\[<*\x60]*[\d!#$%^&~+=?@])(?=[^\s\[<*\x60]*[A-Za-z])[^\s\[<*\x60]{6,128}?)(?=${MARKUP}(?:[\s.,;!)]|$))`,
    ].join('|'),
    'g',
  ),
  requires: /community|com2sec|createUser|sqlplus|rman|expdp|impdp|sqlldr|dgmgrl|onn(?:ect|ECT)?[ \t]|DBI->|getConnection|PDO|mysqli|ldap_bind|imap_open|ftp_login|\.connect\(|BUNDLE_|bundle[ \t]+config|(?:ser(?:name)?|SER(?:NAME)?|ogin|OGIN)[ \t:]+\S{1,70}[ \t,;]+(?:and[ \t]+)?(?:[Pp]ass|PASS|pw|PW)/,
  validate: (value) => !/^[A-Za-z]+[).\]:,?]*$/.test(value),
};

/** A user and a password given in chat as `user app / …`, `login admin/…`: the password has a letter and a digit or a symbol. */
export const pairPassword: DlpDetector = {
  type: 'password',
  pattern: /\b(?:user(?:name)?|login|creds?)[ \t:]+[\w.@-]{1,64}[ \t]*\/[ \t]*(?<v>(?=[^\s/]*[\d!#$%^&*~+=?@])(?=[^\s/]*[A-Za-z])[^\s/]{6,128})(?![^\s/]*\/)/gi,
  requires: /(?:user|login|cred)[^\n/]{0,70}\//i,
};

/** `IDENTIFIED BY` in any case. */
const IDENTIFIED_BY = String.raw`${anyCase('identified')}(?:\s+${anyCase('with')}\s+\w+)?\s+${anyCase('by')}`;

/**
 * Passwords given to a command rather than after a password word: Redis `AUTH [user] pass` (also in
 * `MONITOR` output, `"AUTH" "default" "…"`), `requirepass` / `masterauth` in redis.conf, SQL
 * `IDENTIFIED BY 'pass'` (not `IDENTIFIED BY PASSWORD '*hash'`), `--password pass` on a command line,
 * `mysql -ppass`, `sshpass -p pass`, `redis-cli -a pass`, PowerShell `ConvertTo-SecureString … -AsPlainText`,
 * `net use … /user:x pass`, `.netrc` lines, and HTTP `Basic` credentials
 * (base64 of `user:password`). Case-sensitive where the command is (`AUTH`).
 */
export const commandPassword: DlpDetector = {
  type: 'password',
  pattern: new RegExp(
    [
      // Redis AUTH as MONITOR or a RESP log prints it (every argument quoted), or typed at a redis-cli prompt.
      String.raw`"AUTH"[ \t]+(?:"[^"\s]{1,64}"[ \t]+)?"(?<v>[^"\s]{4,128})"`,
      String.raw`(?:redis-cli\b[^\n]{0,80}?|(?<![\w.-])[\w.-]{1,64}:\d{2,5}>)[ \t]*AUTH[ \t]+(?:[\w.@-]{1,64}[ \t]+)?(?<v7>[^\s"]{4,128})(?=\s|$)`,
      String.raw`(?<![\w-])(?:requirepass|masterauth)[ \t]+"?(?<v2>[^\s"]{4,128})`,
      String.raw`${IDENTIFIED_BY}\s+(?!${anyCase('password')}\b)['"]?(?<v3>[^\s'";]{3,128})`,
      String.raw`(?<![\w-])--(?:[a-z]+-)?(?:password|passwd|pass)[ \t]+(?!-)['"]?(?<v4>[^\s'"]{3,128})`,
      String.raw`\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\n|;&]{0,120}?[ \t]-p(?:(?<v5>[^\s'"-][^\s'"]{2,127})|'(?<v12>[^'\n]{3,128})'|"(?<v13>[^"\n]{3,128})")`,
      // SMTP / IMAP SASL PLAIN: base64 of `authzid NUL user NUL password`.
      String.raw`\bAUTH[ \t]+PLAIN[ \t]+(?<v16>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])`,
      // PowerShell `ConvertTo-SecureString "pass" -AsPlainText`, Windows `net use \\host\share /user:name pass`.
      String.raw`ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?["'](?<v10>[^"'\s]{3,128})["'][ \t]+-AsPlainText`,
      String.raw`\bnet[ \t]+use\b[^\n]{0,120}?[ \t]/user:\S{1,64}[ \t]+(?<v11>[^\s/*][^\s]{2,127})`,
      // .netrc: `machine host login user password pass`.
      String.raw`\blogin[ \t]+\S{1,64}[ \t]+password[ \t]+(?<v8>\S{3,128})`,
      // HTTP Basic credentials: base64 of `user:password`.
      String.raw`\bBasic[ \t]+(?<v9>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])`,
      String.raw`\b(?:sshpass[ \t]+-p|redis-cli\b[^\n|;&]{0,120}?[ \t]-a)[ \t]*['"]?(?<v6>[^\s'"-][^\s'"]{2,127})`,
    ].join('|'),
    'g',
  ),
  // Not a plain word (`AUTH failed`); a Basic credential only when it decodes to `user:password`.
  validate(value, text, index) {
    const before = text.slice(Math.max(0, index - 12), index);
    if (/Basic[ \t]+$/.test(before)) return /^[^\s:]{1,64}:[\x21-\x7e]{3,}$/.test(Buffer.from(value, 'base64').toString('latin1'));
    if (/PLAIN[ \t]+$/.test(before)) return /^[^\0]*\0[^\0]{1,64}\0[^\0]{3,}$/.test(Buffer.from(value, 'base64').toString('latin1'));
    return !/^[A-Za-z]+[).\]:,?]*$/.test(value);
  },
};

/**
 * A list of `"user" "secret"` lines in which some secrets are stored hashes (`md5…`, `SCRAM-SHA-256$…`: PgBouncer's auth
 * file and the like): the other secrets are passwords in clear. Runs only on text holding such a hash.
 */
export const authFilePassword: DlpDetector = {
  type: 'password',
  pattern: /^[ \t]*"[^"\s]{1,64}"[ \t]+"(?<v>(?!md5[0-9a-f]{32}"|SCRAM-SHA-256\$)[^"\n]{3,128})"[ \t]*\r?$/gm,
  requires: /^[ \t]*"[^"\s]{1,64}"[ \t]+"(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$[^"\n]+)"[ \t]*\r?$/m,
};

/**
 * Passwords that are a line of their own: a line of only the word and the value (`.netrc` over
 * several lines, FTP / POP3 `PASS x`, `password x` in configs) and PostgreSQL password file lines
 * (`host:port:database:user:password`, any of the first four may be `*`). Line-anchored (`m`), so
 * that the pattern costs little on text that has no such line.
 */
export const linePassword: DlpDetector = {
  type: 'password',
  // One line start for all the forms (each alternative anchored on its own would be tried at every position).
  pattern: new RegExp(
    String.raw`^[ \t]*(?:` +
    [
      // Also as a session transcript prints the client's lines (`C: PASS …`, `>>> PASS …`, `-> PASS …`).
      String.raw`(?:(?:[CS]|client|server|CLIENT|SERVER)[:>][ \t]*|(?:>{1,3}|<{1,3}|->|<-)[ \t]*)?(?:PASS|[Pp]ass|[Pp]assword|PASSWORD|passwd)[ \t]+(?<v>[^\s]{3,128})[ \t]*\r?$`,
      // Postfix `sasl_passwd` (and the like): a relay host, then `user:password`.
      String.raw`\[?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\]?(?::\d{1,5})?[ \t]+[^\s:]{1,128}:(?<v3>(?=\S*[A-Za-z])[^\s]{3,128})[ \t]*\r?$`,
      // A debconf answer typed `password` (Debian preseed `d-i passwd/user-password password …`, `debconf-set-selections`).
      String.raw`\S+[ \t]+\S*pass\S*[ \t]+password[ \t]+(?<v4>\S{3,128})[ \t]*\r?$`,
      String.raw`(?=[^\s:]*[A-Za-z*.])[^\s:#][^\s:]*:(?:\d{2,5}|\*):[^\s:]+:[^\s:]+:(?<v2>(?:[^\s:\\]|\\.){3,128})\r?$`,
    ].join('|') +
      ')',
    'gm',
  ),
  requires: /pass|:(?:\d|\*)|\.[A-Za-z]{2,}\]?[ \t]+[^\s:]+:/i,
  // A line of its own holds a value, not prose: only a plain word is refused (`PASS required`), not random letters of both cases.
  validate: (value) => !/^(?:[A-Z]?[a-z]+|[A-Z]+)[).\]:,?]*$/.test(value),
};

/**
 * `user:password` under a key naming basic credentials: Docker's `config.json` `auth` and npm's
 * `_auth` (base64 of it, decoded before the detectors read it), `userinfo`, `credentials`. The
 * password part must not be a plain word (`user:password` in docs).
 */
export const credentialPair: DlpDetector = {
  type: 'password',
  key: /^(?:auth|basicauth|httpauth|userinfo|credentials?|userpass|logincredentials)$/,
  keyValue: /^\s*[^\s:]{1,64}:(?![A-Za-z]+\s*$)\S{3,128}\s*$/,
};
