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
  // Also an age identity (`AGE-SECRET-KEY-1…`, Bech32): the private half of an age key pair.
  pattern: /(?<![A-Z0-9-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)|PuTTY-User-Key-File-\d:[^\n]{0,200}\n(?:[^\n]{0,200}\n){0,400}?Private-Lines:[ \t]*\d+\r?\n[A-Za-z0-9+/=]{16,}/g,
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
export function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** A plausible secret: long, no spaces, letters and digits mixed. */
// Or 24 letters or more of both cases with no digit (an OIDC client secret `WgmzqkaqUeUKbpRH…`), when not a name of words.
const SECRET_VALUE = /^\s*(?:(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9_\-.+/=~:]{16,}|(?=[^\s]*[a-z])(?=[^\s]*[A-Z])[A-Za-z]{24,})\s*$/;

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
      String.raw`(?<![A-Za-z0-9_-])(?:whsec_[A-Za-z0-9+/]{24,}|xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{32,}|gl(?:dt|rt|ptt|ft|imt|oas|soat|cbt)-[A-Za-z0-9_-]{20,}|GOCSPX-[A-Za-z0-9_-]{24,}|ya29\.[A-Za-z0-9_-]{30,}|dckr_pat_[A-Za-z0-9_-]{24,}|do[opr]_v1_[a-f0-9]{64}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}|hf_[A-Za-z0-9]{30,}|key_live_[A-Za-z0-9]{32}|dp\.(?:st|ct|sa|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}|oy2[a-z0-9]{43}|dapi[a-f0-9]{32}(?:-\d)?|pypi-AgE[A-Za-z0-9_-]{50,}|hv[sb]\.[A-Za-z0-9_-]{24,}|ATATT3[A-Za-z0-9_=-]{50,}|PMAK-[a-f0-9]{24}-[a-f0-9]{34}|lin_api_[A-Za-z0-9]{40}|NRAK-[A-Z0-9]{27}|gls[a]_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/=]{32,}|key-[a-f0-9]{32}|(?:secret|ntn)_[A-Za-z0-9]{43,46}|sntrys_[A-Za-z0-9+/=_]{60,}|tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{20,}|pat-(?:na|eu|ap)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43})(?![A-Za-z0-9_-])`,
      // SonarQube tokens (`squ_` user, `sqp_` project, `sqa_` global analysis: 40 hex digits), Pulumi access tokens (`pul-` and 40 hex
      // digits), NATS nkey seeds (`S` then the key's kind — user, account, operator, server, cluster — in base32, 58 characters).
      String.raw`(?<![A-Za-z0-9_-])(?:sq[upa]_[0-9a-f]{40}|pul-[0-9a-f]{40})(?![A-Za-z0-9])`,
      String.raw`(?<![A-Z0-9])S[UAONCPX][A-Z2-7]{56}(?![A-Z0-9])`,
      // An API key given as the user of HTTP basic auth with no password (`curl -u sk_…:`, Omise, Pin Payments, Stripe's own curl examples).
      String.raw`(?<![\w-])(?:-u|--user)[ =]["']?(?<v10>(?=[^\s:'"]*\d)(?=[^\s:'"]*[A-Za-z])[A-Za-z0-9_-]{16,}):(?=["'\s\\]|$)`,
      // An Authorization scheme naming a token or a key (`Authorization: PVEAPIToken=user@pam!id=…`, `Token …`, `Api-Key …`, Okta `SSWS …`).
      String.raw`\b[Aa]uthorization["']?[ \t]*[:=][ \t]*["']?(?:[A-Za-z-]*(?:Token|TOKEN|Key|KEY|key)|SSWS)[ =](?:[^\s=!"']{1,64}!?[^\s=!"']{0,64}=)?(?<v12>(?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])[A-Za-z0-9_\-.+/=~]{16,})`,
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
          'api[_ -]?key',
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
      // Also as the next argument or field of the same statement (ClickHouse `s3(url, 'AKIA…', '…')`, a JDBC URL's `User=AKIA…;Password=…`).
      String.raw`(?:AKIA|ASIA)[A-Z0-9]{16}["']?(?:[ \t]*[/:,|;&][ \t]*|[ \t]+)?(?:[A-Za-z][\w.]{0,23}[ \t]*[=:][ \t]*)?["']?(?<v7>(?=[A-Za-z0-9/+]*\d)(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      String.raw`base64:(?<=KEY[\\"']*[ \t]*[:=][ \t]*[\\"']*base64:)(?<v8>[A-Za-z0-9+/]{43}=)`,
      // An AWS secret access key (40 characters of base64) after its label, also in whitespace-aligned
      // tables (`aws configure list`, `secret_key     2d5A…`).
      String.raw`(?<![A-Za-z0-9])(?:` +
        ['secret(?:[_ -]?(?:access[_ -]?)?key)?', 'aws[_ -]?secret'].map(anyCase).join('|') +
        String.raw`)[\w .\[\]]{0,12}?[\s:=|"'\x60]+(?<v3>(?=[A-Za-z0-9/+]*\d)(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?![A-Za-z0-9/+]*EXAMPLE)[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    ].join('|'),
    'g',
  ),
  // Also any key ending in `secret` (`jwt_secret`, `signing-secret`, `WEBHOOK_SECRET`) and the keys and tokens of the labels above;
  // an admin key (Algolia), a license key, Authorize.Net's `transactionKey`, a gateway's `security_key`, an `ApiToken`.
  // Plurals too (`accessTokens`), a qualifier after the secret's name (`AWS_SECRET_ACCESS_KEY_LEGACY`), Consul's `SecretID`, a bearer token by
  // its scheme (`auth: { type: 'bearer', bearer }`), a site-wide salt (Drupal `hash_salt`, WordPress `AUTH_SALT`: secrets that sign).
  key: /^(?:secretid|bearer|(?:hash|auth|secureauth|loggedin|nonce|site|app|secret)salt|[a-z0-9]*secretaccesskey[a-z0-9]{0,12}|[a-z0-9]*(?:apikey|apisecret|apitoken|accesstoken|authtoken|adminkey|licen[cs]ekey|transactionkey|securitykey|secretkey|secretkeybase|clientsecret|privatetoken|refreshtoken|bearertoken|secretaccesskey|sessiontoken|accountkey|sharedaccesskey|subscriptionkey|secret|(?:signing|encryption|master|hmac|webhook|jwt)key|(?:service|server|personalaccess|deploy|bot|webhook|registration|runner|integration)token)s?|secret)$/,
  keyValue: SECRET_VALUE,
  // Letters only and made of capitalised words (`MyApplicationProductionSecret`): a name.
  keyValid: (value) => !PGP_KEY_ID.test(value) && !/^\s*[a-z]*(?:[A-Z][a-z]+)+\s*$/.test(value),
  validate: (value) => !PGP_KEY_ID.test(value),
};

/**
 * An HTTP `Authorization` header holding the key itself, with no scheme before it (PayTabs, many payment and SMS gateways): one token,
 * long, with digits and capitals. `Basic …` and `Bearer …` have a space; a JWT is found as one first.
 */
export const authorizationKey: DlpDetector = {
  type: 'api_key',
  key: /^(?:x)?(?:proxy)?authorization$/,
  keyValue: /^\s*(?=\S*\d)(?=\S*[A-Z])[A-Za-z0-9_\-.+/=~]{20,}\s*$/,
};

/** An API key given as the user of basic auth with an empty password, under a key naming basic credentials (`auth: 's-priv-…:'`). */
export const basicAuthKey: DlpDetector = {
  type: 'api_key',
  key: /^(?:auth|basicauth|httpauth|userinfo|credentials?|userpass)$/,
  keyValue: /^\s*(?=[^:]*\d)(?=[^:]*[A-Za-z])[A-Za-z0-9_-]{16,}:\s*$/,
  keyValid: (value) => !identifierLike(value.trim().slice(0, -1)),
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
/** What a name ending in key or token says when the value is not a secret: public, an id, a cursor, a hash (see {@link namedKey}). */
const NOT_SECRET_NAMES = 'public|publishable|site|pub|device|push|fcm|apns|csrf|xsrf|page|next|cursor|continuation|idempotency|cache|sort|partition|row|object|primary|foreign|lookup|routing|dedup|unique|shard|search|i18n|translation|message|label|ssh|gpg|pgp|host|keyid|rotation|etag|hash|checksum|digest|fingerprint|md5|sha1|sha256|content|response|submission|request|form|invite|invitation|verification|confirmation|reset|upload|download|share|tracking|checkout|cart|order|basket|payment|invoice|receipt|ticket|coupon|voucher|gift|card|nonce|state|correlation|trace|request';

export const namedKey: DlpDetector = {
  type: 'api_key',
  key: new RegExp(String.raw`^(?![a-z0-9]*(?:${NOT_SECRET_NAMES})(?:key|token)$)[a-z0-9]*(?:key|token)$`),
  // No dots (a translation key, a dotted name), no UUID, at least two digits; not a path.
  keyValue: /^\s*(?!(?:\S*-){4})(?!(?:\S*\/){3})(?=(?:\S*\d){2})(?=(?:\S*[A-Z]){3})(?=(?:\S*[a-z]){3})[A-Za-z0-9_\-+/=]{24,128}\s*$/,
  keyValid: (value) => !identifierLike(value.trim()),
};

/**
 * A key or token of 32 to 64 hex digits under a name that qualifies it (`twilio_token`, `DATADOG_API_KEY`, `authkey`), as many
 * services issue them. A bare `token` or `key` is not enough: a CSRF token, a form response's id and a hash are hex too.
 */
export const hexKey: DlpDetector = {
  type: 'api_key',
  key: new RegExp(String.raw`^(?![a-z0-9]*(?:${NOT_SECRET_NAMES})(?:key|token)$)[a-z0-9]{2,}(?:key|token)$`),
  keyValue: /^\s*(?=(?:[a-f]*\d){4})(?=(?:\d*[a-f]){4})[0-9a-f]{32,64}\s*$/,
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

/**
 * A UUID that a service issued as its API key or token (Heroku, Codecov, Statuspage, package feeds' API keys): a UUID is an id when it names
 * a record, and the secret when it is given as the credential — after an `Authorization` scheme (`OAuth`, `Bearer`, `Token`), under a name
 * ending in an API key or an access / auth / upload token (`-NuGetApiKey`, `HEROKU_API_KEY=`, `upload_token:`), as a `token:` setting at a
 * line's start, or as the `--key` / `--token` of a command about API keys (`choco apikey --key …`).
 */
const UUID = /(?<![\w-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])/g;
/** What comes right before a UUID given as the credential (see {@link uuidKey}), tested on the text before it. */
const UUID_CREDENTIAL_LEAD = new RegExp(
  String.raw`(?:\b[Aa]uthorization["']?[ \t]*[:=][ \t]*["']?(?:OAuth|Bearer|Token|bearer|token|ApiKey|Api-Key)[ \t]+` +
    String.raw`|(?<![\w-])-{1,2}[A-Za-z]*(?:[Aa]pi-?[Kk]ey|API-?KEY|[Aa]pi-?[Tt]oken)[ \t=]+["']?` +
    String.raw`|(?:api_?key|API_?KEY|[a-z]ApiKey|\bapiKey|api_?token|API_?TOKEN|(?:access|auth|upload)_?token|(?:ACCESS|AUTH|UPLOAD)_?TOKEN|(?:access|auth|upload)Token)["']?[ \t]*(?:[:=]|=>)[ \t]*["']?` +
    String.raw`|(?:^|\n)[ \t]*token[ \t]*:[ \t]*["']?` +
    String.raw`|[Aa]pi-?[Kk]ey[^\n]*?(?<![\w-])--(?:key|token)[ \t=]+["']?)$`,
);
export const uuidKey: DlpDetector = {
  type: 'api_key',
  // The UUID first (a cheap literal shape), then the words before it.
  pattern: UUID,
  requires: /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-/,
  // A window cut inside a line is marked so that `^` (a `token:` line) only matches where a line really starts.
  validate: (_value, text, index) => UUID_CREDENTIAL_LEAD.test((index > 160 ? '\u0000' : '') + text.slice(Math.max(0, index - 160), index)),
};
