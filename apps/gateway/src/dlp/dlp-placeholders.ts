import type { DlpType } from '../message/dlp.types';
import { PASSWORD_WORD } from './detectors/password.detectors';

// What a field holds when it holds no secret or identifier: placeholders, references, masks.

/** Credential types whose values are often placeholders in configs, templates and docs. */
const SECRET_TYPES: ReadonlySet<DlpType> = new Set<DlpType>(['password', 'api_key', 'aws_access_key']);
/**
 * A secret's value that is a reference or a mask, not the secret: template and variable references
 * (`{{ vault_pw }}`, `${{ secrets.X }}`, `${DB_PASS}`, `$DB_PASS`, `%(pw)s`, Terraform `var.x` /
 * `local.x`), `<your-key>`, `YOUR_API_KEY`, sample-config blanks (`password_here`, `put your unique
 * phrase here`), and masks (`********`, `••••`, `[REDACTED]`); a single-brace template variable (`{FRIGATE_RTSP_PASSWORD}`,
 * Python's `str.format` `{password}`), which the tool fills in before use.
 */
const PLACEHOLDER =
  /^\s*["'\\]*(?:\{\{|\{%|\$\{|\$\(|<%|%\(|<[\w -]+>|\[(?:REDACTED|HIDDEN|MASKED|FILTERED)[^\]]*\]|\$\$?[A-Z_][A-Z0-9_]*["'\\]*\s*$|(?:var|local|module|data|secrets|vars|env)\.[A-Za-z_][\w.-]*["'\\]*\s*$|[Yy]our[_-][\w-]+$|YOUR[_-][A-Z0-9_-]+|[\w-]*[_-](?:here|HERE)["'\\]*\s*$|(?:[Pp]ut|[Ee]nter|[Ii]nsert|[Tt]ype) your\b|[*•xX]{4,}["'\\]*\s*$|\{[A-Za-z_][\w.-]*\}["'\\]*\s*$)/;

/**
 * A secret's value that is a reference to where the secret is kept, or ciphertext: Jasypt `ENC(…)`, SOPS `ENC[AES256_GCM,…]`,
 * Spring Cloud Config `{cipher}…`, ARM template expressions `[parameters('…')]`, Key Vault and
 * Secrets Manager references, Ansible `!vault`, Octopus / Azure DevOps `#{…}` and `__X__` tokens,
 * Puppet `%{…}`, a file path (`/etc/credstore/db`).
 */
const REFERENCE =
  /^\s*["'\\]*(?:ENC[([]|\{cipher\b|\[(?:parameters|variables|reference|concat|format|listKeys)\(|@Microsoft\.KeyVault\(|arn:aws:secretsmanager:|projects\/[\w-]+\/secrets\/|!vault|vault:|#\{|%\{|__[A-Za-z0-9_]+__["'\\]*\s*$|(?:\/[\w.-]+){2,}\/?["'\\]*\s*$)/i;
/**
 * A password field's value that is code reading it from elsewhere: `request.form['password']`, `os.getenv(`,
 * `settings.DB_PASSWORD`, a PowerShell cmdlet (`$pw = Read-Host -AsSecureString`, `Get-Credential`).
 */
// Each dotted part a name (`settings.DB_PASSWORD`, `process.env.PG_PASS2`): a random value with a dot (`w0J$8JuDx.x2tg`) is not code.
const CODE_REFERENCE =
  /^\s*(?:\$?[A-Za-z_][A-Za-z_]*\d*(?:\.\$?[A-Za-z_][A-Za-z_]*\d*)+(?:[[(].*)?|(?:ENV|env|getenv|input|getpass)\s*[[(].*|(?:Read|Get|ConvertTo|ConvertFrom|Import|Unprotect)-[A-Z][A-Za-z]+)["'\\]*\s*$/;
/**
 * A stored password hash, not a password: modular crypt (`$6$salt$…`, `$2b$12$…`, `$argon2id$…`, `$y$…`),
 * Django / Passlib `algorithm$iterations$salt$hash` (`pbkdf2_sha256$870000$…`), LDAP `{SSHA}…`, PostgreSQL's `SCRAM-SHA-256$4096:salt$key:key`
 * and `md5` + 32 hex digits (`pg_authid.rolpassword`); a scheme in square brackets before the digest (Bareos / Bacula `[md5]…`).
 */
const PASSWORD_HASH =
  /^\s*["'\\]*(?:\[(?:md5|sha\d*|crypt|ssha\d*)\](?=[0-9a-f]{16,}["'\\]*\s*$)|SCRAM-SHA-\d+\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:|md5(?=[0-9a-f]{32}["'\\]*\s*$)|\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|md5|sha1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?)\$|(?:pbkdf2_sha\d+|argon2|bcrypt(?:_sha256)?|sha1|md5|unsalted_md5|scrypt|crypt)\$|\{(?:SSHA|SHA|SMD5|MD5|CRYPT|SSHA256|SSHA512|PBKDF2[\w-]*|ARGON2)\})[A-Za-z0-9./+=$_,-]{8,}["'\\]*\s*$/i;
/**
 * Values of a key or token field that are not secrets: Stripe object ids and test / publishable keys
 * (`tok_…`, `pm_…`, `cus_…`, `sk_test_…`, `pk_live_…`), masks and AWS's documentation keys; and (API
 * keys) values with too few distinct characters to be anything but a placeholder (`ghp_xxxxxxxx…`).
 */
// Also Mapbox's public tokens (`pk.eyJ…`, meant for the browser like Stripe's `pk_live_`; its secret ones are `sk.`).
const NOT_A_KEY = /^\s*["'\\]*(?:pk\.eyJ[\w.-]*["'\\]*\s*$|(?:tok|pm|card|cus|ch|pi|src|seti|sub|in|ii|prod|price|txn|evt|acct|ba|btok|py|po|re|si|cs|pk_live|pk_test|sk_test|rk_test|pub_(?:prod|test|live|sandbox)|[a-z]{2,8}_(?:development|public))_[A-Za-z0-9_-]{6,}["'\\]*\s*$|.*(?:\*{4}|•{3}|EXAMPLE))/;

/**
 * A secret's value replaced by a word saying so, in any brackets or case: `(redacted)`, `<hidden>`,
 * `HIDDEN_DUE_TO_SECURITY_REASONS` (CloudTrail), `[FILTERED]` (Rails), `*masked*`, `not shown`.
 */
const MASK_WORD = /^\s*["'\\]*[([{<*_-]*(?:redacted|hidden|masked|filtered|removed|omitted|sanitized|scrubbed|obfuscated|censored|suppressed|withheld|not[ _-]?shown)(?:[\s_-][A-Za-z0-9]*)*[)\]}>*_-]*["'\\]*\s*$/i;
/** A password field whose value is the word password itself, in some language: a form label or a translation (`login.password=Passwort`). */
const PASSWORD_WORD_VALUE = new RegExp(`^\\s*["'\\\\]*(?:${PASSWORD_WORD})["'\\\\]*\\s*$`, 'i');

/** A line of a credentials file, `user:secret`. */
const USER_SECRET_LINE = /^\s*[^\s:]{1,64}:(\S+)\s*$/;
/** pgpool's encrypted form of a stored password (`AES` then base64), beside its `md5…` hashes in `pool_passwd`. */
const AES_STORED = /^AES[A-Za-z0-9+/]{16,}={0,2}$/;

/**
 * A password file whose every line's secret is a stored hash or ciphertext (mosquitto `passwd` of `$7$…`, pgpool `pool_passwd` of `md5…`
 * and `AES…`): it holds no password in clear.
 */
function hashedLines(value: string): boolean {
  if (!value.includes('\n')) return false;
  const lines = value.split(/\r?\n/).filter((line) => line.trim());
  return lines.length > 0 && lines.every((line) => {
    const secret = USER_SECRET_LINE.exec(line)?.[1];
    return secret !== undefined && (PASSWORD_HASH.test(secret) || AES_STORED.test(secret));
  });
}

/**
 * A password field's value that is the name of a variable holding the password (Bicep / ARM `administratorLoginPassword: adminPassword`,
 * `password = dbPassword`): an identifier in camelCase ending in a password word refers to the password, it is not one.
 */
const PASSWORD_VARIABLE = /^\s*["'\\]*[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*(?:Password|Passwd|Pwd|Pass|Secret)["'\\]*\s*$/;

/** A sentence of a user interface under a password key (`Falsches Passwort. Bitte erneut versuchen.`, `Passwort vergessen?`): words closed by `.`, `?` or `!`. */
const UI_SENTENCE = /^\s*["'\\]*\p{Lu}[\p{L}'’]*(?:[ ,.;:]*[ ][\p{L}'’]+)+[.?!…]["'\\]*\s*$/u;

/** A password field's value longer than any password, all base64: ciphertext (a SealedSecret's `encryptedData`, an encrypted vault entry). */
const CIPHERTEXT = /^\s*["'\\]*[A-Za-z0-9+/_-]{129,}={0,2}["'\\]*\s*$/;

/**
 * A password field's value that is a digest, not a password: only hex digits, as long as SHA-1, SHA-256 or SHA-512 print them (Pi-hole's
 * `WEBPASSWORD`, a stored `sha256(password)`). People and password managers do not write 40 or more hex digits and nothing else.
 */
const HEX_DIGEST = /^\s*["'\\]*(?:[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}|[0-9A-F]{40}|[0-9A-F]{64}|[0-9A-F]{128})["'\\]*\s*$/;
/**
 * A password field holding base64 of a stored hash (LDIF's `userPassword::` gives `{SSHA}…` base64-encoded) or of ciphertext: base64 whose
 * decoding starts with a hash scheme, or padded base64 of 32 bytes or more (mRemoteNG's and other tools' encrypted `Password=`), which a
 * person does not type.
 */
const BASE64_VALUE = /^\s*["'\\]*([A-Za-z0-9+/]{8,}={0,2})["'\\]*\s*$/;
function encodedHash(value: string): boolean {
  const body = BASE64_VALUE.exec(value)?.[1];
  if (!body) return false;
  if (body.length >= 44 && body.endsWith('=') && !printable(body)) return true;
  const head = Buffer.from(body.slice(0, 24), 'base64').toString('latin1');
  return /^(?:\{[A-Z][A-Z0-9-]{1,15}\}|\$(?:1|2[abxy]?|5|6|y|apr1|argon2(?:id|i|d))\$)/.test(head);
}
/** True when base64 decodes to printable text (HTTP Basic's and SMTP `AUTH PLAIN`'s `user:password`): an encoded credential, not ciphertext. */
function printable(base64: string): boolean {
  return /^[\x20-\x7e\0\t\r\n]+$/.test(Buffer.from(base64, 'base64').toString('latin1'));
}

/** An example's own value in a password field: `mypassword`, `yourpassword`, `examplepassword` (ESP-IDF's and other SDKs' samples). */
const EXAMPLE_PASSWORD = /^\s*["'\\]*(?:my|your|example|sample|some)[_-]?(?:password|passwd|pass|pwd|passphrase)["'\\]*\s*$/i;

/** A field's value that says there is none, or a setting: `N/A`, `-`, `true`, `none`, `required`, `?`. */
const NOT_A_VALUE = /^\s*["'\\]*(?:n\/?a|none|null|nil|tbd|true|false|yes|no|on|off|required|optional|enabled|disabled|-+|—|\?+)["'\\]*\s*$/i;
/** A resource name, not a key: lowercase words and numbers joined by `-` `_` `.` with two or more plain words (`db-creds-2026-v1`). */
const NAME_LIKE = /^\s*(?=(?:[a-z0-9]*[-_.])*?[a-z]{2,}[-_.](?:[a-z0-9]*[-_.])*?[a-z]{2,}(?:[-_.]|\s*$))[a-z0-9]+(?:[-_.][a-z0-9]+)+\s*$/;

/**
 * A part of a value that is random, not a word or a version: eight or more letters and digits with three digits and two letters
 * (`sk_live_a994d08a…`, HubSpot's `pat-na1-d4c433ae-…`): a key whose prefix is words is still a key.
 */
// Or a UUID after the words (Plaid's `access-production-<uuid>`): the words say what the token is, the UUID is the random part.
const RANDOM_PART = /(?:^|[-_.])(?:(?=(?:[a-z]*\d){3})(?=(?:\d*[a-z]){2})[a-z0-9]{8,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=[-_.]|\s*$)/;

/**
 * A value in a password's place that a service issued, not a person chose: one random token of letters and digits (maybe
 * `+ / = _ - .`), 50 characters or more (Confluent's API secrets, Azure DevOps PATs in lower-case base32, Heroku's `HRKU-…`
 * tokens) or exactly the 40 characters of both cases of an AWS secret key, which tools take where a password goes
 * (`sasl.password`, a `.netrc` password, a URL's userinfo, `--password`). People and password managers choose shorter ones,
 * passphrases have spaces; base64 of printable text is an encoded `user:password`, not a key.
 */
const ISSUED_KEY = /^(?:(?=.{50,256}$)(?=(?:\D*\d){3})[A-Za-z0-9][A-Za-z0-9+/=_.-]+|(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=(?:\D*\d){3})[A-Za-z0-9+/]{40})$/;
/** The type a password detector's value is: `api_key` when a service issued it (see {@link ISSUED_KEY}). */
export function passwordOrKey(type: DlpType, value: string): DlpType {
  if (type !== 'password') return type;
  const token = value.trim();
  return ISSUED_KEY.test(token) && !(/^[A-Za-z0-9+/]+={0,2}$/.test(token) && printable(token)) ? 'api_key' : type;
}

/** True when a secret-type value is a placeholder, a reference or a mask (see {@link PLACEHOLDER}, {@link REFERENCE}). */
export function placeholder(type: DlpType, value: string): boolean {
  if (!SECRET_TYPES.has(type)) return MASKED.test(value) || INPUT_MASK.test(value) || (type === 'health_insurance_number' && SPECIMEN_MBI.test(value));
  if (PLACEHOLDER.test(value) || REFERENCE.test(value) || MASK_WORD.test(value)) return true;
  if (type === 'password') return UI_SENTENCE.test(value) || CIPHERTEXT.test(value) || CODE_REFERENCE.test(value) || NOT_A_VALUE.test(value) || PASSWORD_WORD_VALUE.test(value) || PASSWORD_HASH.test(value) || AES_STORED.test(value) || PASSWORD_VARIABLE.test(value) || hashedLines(value) || HEX_DIGEST.test(value) || EXAMPLE_PASSWORD.test(value) || encodedHash(value);
  if (type === 'api_key' && NAME_LIKE.test(value) && !RANDOM_PART.test(value)) return true;
  return NOT_A_KEY.test(value) || (type === 'api_key' && value.length >= 16 && new Set(value).size < 6);
}

/**
 * The Medicare number CMS prints on its sample card and in its MBI guides (`1EG4-TE5-MK73`): a published specimen, like
 * AWS's documentation keys, not anyone's number.
 */
const SPECIMEN_MBI = /^\s*1EG4-?TE5-?MK73\s*$/i;

/** A form's input mask, seven digits or more, every one a 9 or every one a 0 (`(999) 999-9999`, `000-000-0000`, `9999 9999 9999 9999`): a format, not a number. */
const INPUT_MASK = /^\s*[(+]?(?=(?:\D*9){7})9[9\s()./-]*$|^\s*[(+]?(?=(?:\D*0){7})0[0\s()./-]*$/;

/** An identifier shown masked, all but its last characters (`XXXXXX4840`, `***-**-6789`, `••••1234`): not the identifier. */
const MASKED = /^\s*(?:[Xx*•#]{4,}|[Xx*•]{3}[- ])[\w-]{0,6}\s*$/;
