import type { DlpDetector } from '../dlp-detector.interfaces';
import { anyCase } from './secret.detectors';

// Passwords: after a password word in any language, in connection strings and URLs, and in the forms of tools and protocols.

/** Password words in English and other languages (`mot de passe`, `Passwort`, `contraseña`, `senha`, `şifre`, `密码`, …). */
export const PASSWORD_WORD =
  'password|passwd|pwd|pw|pword|passphrase|passcode|mot de passe|passwort|kennwort|contraseña|contrasena|senha|wachtwoord|lösenord|adgangskode|salasana|hasło|heslo|lozinka|parolă|şifre|şifresi|sifre|пароль|パスワード|密码|密碼|비밀번호|mật khẩu|รหัสผ่าน|كلمة المرور|كلمة السر|סיסמה|पासवर्ड|jelszó|jelszava|jelszót|passord|parola|kata laluan|kata sandi|비번|κωδικός(?= (?:σας|μου) )|κωδικός πρόσβασης|پاس ورڈ|پسورد|wpa2? key|wpa2?[ -]psk|wi-?fi key|pre-?shared key' +
  // The short `pass` after the service or account it opens, in a sentence (`SMTP pass is …`, `the wifi pass is …`); alone it is a boarding pass, a bus pass.
  '|(?<=(?:smtp|imap|ftp|sftp|ssh|vpn|wi-?fi|wlan|router|db|database|mysql|admin|root|mail|e-?mail|server|serveradmin|account|login|portal) )pass(?= +(?:is|was) )';
/** What joins a password word to its value in a sentence: `is`, `ist`, `est`, `es`, `é`, `è`, `lautet`, `är`, `jest`, a dash, CJK `是` / `は` / `는`. */
// Also what a ticket says an admin did: `Temp password set to …`, `changed to`, `reset to`.
const COPULA = String.raw`(?:\s+(?:is|is now|was|will be|ist|lautet|est|es|era|é|è|är|er|jest|je|wynosi|(?:was |has been |been )?(?:set|changed|reset|updated) to|είναι|היא|הוא|là|adalah|ialah|este|هي|هو)\s+|\s+-\s+|\s*(?:是|为|為|は|는|은|คือ)\s*)`;
/** A password's owner between the word and the copula: `the password for the admin account is …`, `la password del Wi-Fi è …`. */
// Greek `για`, Hebrew `של` / `שלי` (of, mine) and `ל…` (for), Russian `для`, written without a Latin word boundary.
const OWNER = String.raw`(?:\s+(?:for|of|to|on|del|della|dello|de|du|des|da|do|für|von|van|för|för|til|dla)\b[^\n:=.;,]{1,40}?|\s+(?:για|של|שלי|ל|для)[^\n:=.;,]{0,40}?|\s+(?:anda|kamu|σας|μου)|ของ[^\s:=]{0,12}?)?`;
/**
 * A word saying what kind of password it is, after the word (`Mot de passe provisoire :`, `senha temporária do portal é`,
 * `password temporanea:`, `Passwort (neu):` without the brackets).
 */
const QUALIFIER = String.raw`(?:\s+(?:provisoire|temporaire|initial(?:e)?|temporary|temp|one-time|new|nouveau|nouvel(?:le)?|neue?s?|vorl[äa]ufige?s?|provisori[oa]|provis[óo]ri[oa]|tempor[áa]ri[oa]|temporal|temporane[oa]|provvisori[oa]|tijdelijke?|nieuwe?|ge[çc]ici|yeni|tymczasowe|nowe|временный|новый|default|por defecto|padr[ãa]o|predeterminad[oa]|inicial|νέος|νέο|החדשה|החדש|új|uusi|provisional|provisoria|tempor[aă]r[aă]|sementara|given|issued|assigned|provided|المؤقتة|الجديدة|הזמנית|初始)|ใหม่|ชั่วคราว)?`;
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
    // A key in a subscript may close its bracket before the `=` (`gitlab_rails['smtp_password'] = "…"`, PHP `$cfg['password'] = '…'`).
    String.raw`(?<![A-Za-z0-9])(?:${PASSWORD_WORD})(?:\\?["'])?\]?(?:` +
      [
        String.raw`\s*(?:[:=]|=>)\s*(?:\\?"(?<v>(?:[^"\\]|\\[^"])+?)\\?"|'(?<v2>[^']+)')`,
        String.raw`=(?<v3>[^\s"',;&}]+)`,
        // The value on the same line (`DB_PASSWORD=` with nothing after it does not take the next line); LDIF's `::` (base64 value);
        // an owner before the colon too (`Temporary password for the vendor portal: …`).
        String.raw`${QUALIFIER}${OWNER}(?:\s*(?:::|[:=]|=>)[ \t]*|${COPULA})(?<v4>${BARE_VALUE})`,
        // Asked for in a chat and given on the next line: `mi giri la password del wifi?` / `[10:03] Giulia: certo, è …`, `… password? — sure, it's …`.
        String.raw`[^\n?]{0,60}\?[ \t]*\r?\n[^\n]{0,40}?[:>\]-][ \t]*(?:[^\s]+[ \t]+){0,3}?(?:è|é|is|it's|its|it is|es|ist|c'est|est|то|是)[ \t]+(?<v10>(?=\S{6})(?:${BARE_VALUE}))`,
        // A configuration written as calls (syslog-ng `password("…")`, Gradle / Groovy DSLs `password('…')`): one quoted literal, not a word.
        String.raw`\(\s*(?:"(?<v11>(?![A-Za-z]+")[^"\s]{3,128})"|'(?<v12>(?![A-Za-z]+')[^'\s]{3,128})')\s*\)`,
        // SQL: `ALTER ROLE r WITH LOGIN PASSWORD 'literal'`, `CREATE USER u PASSWORD "literal"`.
        String.raw`[ \t]+'(?<v7>[^'\s]{3,128})'`,
        // What a ticket says was done to the password: `I reset the password to …`, `changed my password to …` (the verb is checked in validate).
        String.raw`[ \t]+to[ \t]+(?<v13>${BARE_VALUE})`,
        // A configuration statement giving it in double quotes (EdgeOS / VyOS `plaintext-password "…"`, IOS-style `password "…"`).
        String.raw`[ \t]+"(?<v14>[^"\s]{3,128})"`,
        // Quoted as code or in typographic quotes in chat and tickets: password `x`, password “x”, password «x».
        String.raw`[ \t]+(?:\x60(?<v8>[^\x60\s]{3,128})\x60|[“‘«](?<v9>[^”’»\s]{3,128})[”’»])`,
      ].join('|') +
      ')' +
      // credentials in a URL: scheme://user:password@host (a password may hold an unencoded `@`: the last one before the host ends it)
      // Letters only are a placeholder (`USER:PASSWORD@HOST`, `user:secret@`) unless of both cases (`redash:sGkMrzAOktACOkUlic@postgres`: random).
      String.raw`|(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://[^\s:/@]*:(?<v5>(?!\$\{|<|\*+@|x+@)[^\s/]{1,256}?)@(?=[\w[])(?![^\s/@]*@)` +
      // curl / wget / httpie basic auth on the command line: `-u user:password`, `--user user:password`.
      String.raw`|(?<![\w-])(?:-u|--user|--http-user)[ =]["']?[^\s:'"]+:(?<v6>(?![A-Z_]+["'\s]|\$)[^\s'"]+)`,
    'gi',
  ),
  // A plain word closed by punctuation is prose (`(using password: YES)`, `password: required.`); one character is a test's
  // stand-in (`User.new(password: "x")`), a YAML block indicator (`password: |`) has the value below; after `for user:` comes a name.
  validate: (value, text, index) =>
    !/^[A-Za-z]+[).\]:,?]+$/.test(value) &&
    // A plain word closed by a tag of the markup around it (`pass is REDACTED</p>`, `password is <b>required</b>`) is prose too.
    !/^[A-Za-z]+<\/[A-Za-z0-9]+>[).,]*$/.test(value) &&
    // A word of another script is prose too (`ο κωδικός σας είναι έγκυρος.`: the code is valid), as a plain Latin word is.
    !/^[^\x00-\x7f]\p{L}*[).\]:,?!]*$/u.test(value) &&
    // A URL's password of letters only (the pattern is case-insensitive, so this is checked here).
    !(text[index + value.length] === '@' && /^[A-Za-z_]+$/.test(value) && !(/[a-z]/.test(value) && /[A-Z]/.test(value))) &&
    !/^(?:\d{1,3}|\S|[|>][-+]?\d?)$/.test(value) &&
    !PASSWORD_RULE.test(text.slice(index + value.length, index + value.length + 16)) &&
    !USER_BEFORE.test(text.slice(Math.max(0, index - 24), index)) &&
    // `… password to X` only after a verb that set it (`reset the password to …`), not `the password to the vault is …`.
    (!/[ \t]to[ \t]+$/.test(text.slice(Math.max(0, index - 6), index)) || /\b(?:reset|set|changed?|updated?)[ \t]+(?:(?:the|my|your|his|her|their|our)[ \t]+)?(?:\S+[ \t]+){0,2}?to[ \t]+$/i.test(text.slice(Math.max(0, index - 56), index))) &&
    // Inside a shell parameter expansion (`${POSTGRES_PASSWORD:?set it}`): the message shown when the variable is unset.
    !/\$\{\w*:$/.test(text.slice(Math.max(0, index - 64), index)),
  // `userpass`: OFX `<USERPASS>`; also `db_pass`, `redis_pass`, `db_pwd`; a column saying the password is kept in clear (`password_plain`).
  // Also `authtok` (PAM and SSSD's authentication token: `ldap_default_authtok`).
  key: /^(?:[a-z0-9]*authtok|[a-z0-9]*password(?:plain|clear|cleartext|raw|temp|tmp)?|[a-z0-9]*passwd|[a-z0-9]{0,12}pwd|[a-z]{0,8}pw|passphrase|passcode|pswd|[a-z]{0,8}pswd|(?:user|login|db|database|admin|root|smtp|mail|redis|mysql|postgres|pg|mongo|rabbitmq|amqp|ldap|ftp|sftp|ssh|proxy|bind|sa|app|service|svc|wifi|wlan|remote|local|master|server|client|vnc|imap|pop|pop3|web|auth|backup)?pass|(?:wpa|wpa2|wifi|wlan)?psk|passwort|kennwort|contrasena|contraseña|senha|motdepasse|wachtwoord|parol|sifre|şifre|hasło|haslo|lösenord|salasana|пароль|密码|密碼|パスワード|비밀번호)$/,
  // A field saying its value is encrypted or hashed holds ciphertext (Firefox `encryptedPassword`, `hashed_password`), not a password.
  // Nor a field of a form's validation errors, hints or translations (`errors.password: ["can't be blank"]`, an ARB file's `wrongPassword`).
  keyVeto: (keyPath, key) =>
    /^(?:encrypted|encrypt|enc|hashed|hash|crypted|sealed|cipher|digest|salted|obfuscated)/.test(key) || /\b(?:errors?|validation|i18n|l10n|translations?|locales?|arb|hints?|placeholders?)\b/i.test(keyPath),
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
      String.raw`\becho[ \t]+(?:-n[ \t]+)?["']?(?<v31>[^\s'"|]{3,128})["']?[ \t]*\|[^\n|]{0,120}?(?:--password-stdin|--passw(?:or)?d(?:-on)?-stdin|passwd[ \t]+--stdin|kinit\b|sudo[ \t]+-S\b|smbpasswd\b[^\n|]*[ \t]-s\b|htpasswd\b[^\n|]*[ \t]-i\b|-passin[ \t]+stdin)`,
      // An IKE secrets file's entry (strongSwan / Libreswan `ipsec.secrets`): selectors, a colon, the type, the quoted secret.
      String.raw`:[ \t]*(?:PSK|EAP|XAUTH|NTLM)[ \t]+"(?<v51>[^"\n]{3,128})"`,
      // A password scheme tag saying the stored value is clear text (Dovecot passwd-files, OpenLDAP `userPassword`): `{PLAIN}…`, `{CLEARTEXT}…`.
      String.raw`\{(?:PLAIN|CLEARTEXT|CLEAR|plain|cleartext)\}(?<v37>[^\s:{}]{3,128})`,
      // A database tool's login as flags, the user then the password (`tsql -S h -U sa -P …`, `bcp … -U u -P …`, `isql -U u -P …`).
      String.raw`[ \t]-U[ \t]*["']?[^\s'"-][^\s'"]{0,63}["']?(?:[ \t]+-[A-Za-z](?:[ \t]+[^\s-]\S*)?){0,4}[ \t]+-P[ \t]*(?:'(?<v38>[^'\n]{3,128})'|"(?<v39>[^"\n]{3,128})"|(?<v50>[^\s'"-][^\s'"]{2,127}))`,
      // Cisco IOS type 0 (clear text): `username x privilege 15 secret 0 …`, `enable password 0 …` (types 5, 8, 9 are hashes, 7 is obfuscation).
      String.raw`(?<![\w-])(?:secret|password)[ \t]+0[ \t]+(?<v32>\S{3,128})`,
      // A Wi-Fi QR code's network password (`WIFI:T:WPA;S:ssid;P:…;;`).
      String.raw`\bWIFI:(?:[^;\n]{0,64};){0,4}?P:(?<v33>(?:[^;\\\n]|\\.){3,63});`,
      // OpenLDAP tools' bind password: `ldapsearch -x -D "cn=…" -w 'secret'`.
      String.raw`\bldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn|exop)\b[^\n|;&]{0,200}?[ \t]-w[ \t]+(?:'(?<v34>[^'\n]{3,128})'|"(?<v35>[^"\n]{3,128})"|(?<v36>[^\s'"-][^\s'"]{2,127}))`,
      // A login call with the user and the password as literals: `client.login("user@x", "…")`, `signIn('u', '…')`.
      String.raw`\b(?:login|logIn|log_in|signIn|sign_in|authenticate)\(\s*(?<q1>["'])[^"'\n]{1,128}\k<q1>\s*,\s*(?<q2>["'])(?<v20>[^"'\n]{3,128})\k<q2>\s*[,)]`,
      // A credentials object built from literals, the user then the password last (Jenkins `new UsernamePasswordCredentialsImpl(scope, id, description, 'u', '…')`).
      String.raw`\b\w*(?:UsernamePassword|UserPass(?:word)?)\w*\((?:[^()\n]*?,)?\s*(?<q4>["'])[^"'\n]{1,64}\k<q4>\s*,\s*(?<q5>["'])(?<v52>[^"'\n]{3,128})\k<q5>\s*\)`,
    ].join('|'),
    'g',
  ),
  requires: /chpasswd|insecure-password|stats[ \t]+auth|LOGIN|PASS|PSK|EAP|XAUTH|NTLM|kinit|sudo[ \t]+-S|passin[ \t]+stdin|\{(?:PLAIN|CLEAR|plain|clear)|[ \t]-P[ \t'"]|(?:log_?[iI]n|sign_?[iI]n|authenticate)\(|sernamePassword\w*\(|serPass\w*\(|xfreerdp|net[ \t]+user|pass:|(?:store|key)pass|smbclient|htpasswd|sqlcmd|-stdin|--stdin|(?:secret|password)[ \t]+0[ \t]|WIFI:|ldap[a-z]+\b/,
  validate: (value) => !/^[A-Za-z]+[).\]:,?]*$/.test(value) && !/^[\w.-]+=/.test(value),
};

/**
 * More tools' password forms, behind a test of their own names: SNMP communities and USM users, Oracle's `user/password@db`, connect
 * calls taking the password third, Bundler's per-host credentials, a user and a password in chat with markup around them, and
 * commands that set or take a password as an argument (`-u user -p …`, `set-initial-password …`, `*ctl add_user u …`, `secret set X_PASSWORD --body …`).
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
      String.raw`\b(?:[Uu]ser(?:name)?|USER(?:NAME)?|[Ll]ogin|LOGIN)[ \t:]+${MARKUP}[\w.@-]{1,64}${MARKUP}[ \t,;/]+(?:and[ \t]+)?(?:[Pp]ass(?:word)?|PASS(?:WORD)?|pw|pwd|PW)[ \t]*[:=]?[ \t]*${MARKUP}(?<v49>(?=[^\s\[<*\x60]*[\d!#$%^&~+=?@])(?=[^\s\[<*\x60]*[A-Za-z])[^\s\[<*\x60]{6,128}?)(?=${MARKUP}[.,;!)]*(?:\s|<|$))`,
      // A command named for setting a password, the password its argument (`neo4j-admin dbms set-initial-password …`, `… change-password …`).
      String.raw`(?<![\w-])(?:set|change|reset|update)(?:-initial)?-password[ \t]+(?!-)['"]?(?<v14>[^\s'"]{6,128})`,
      // An admin tool adding a user, the user then the password (`rabbitmqctl add_user u '…'`, `kamctl add 2575 …`, `ejabberdctl register u host …`).
      String.raw`\b[a-z]+ctl[ \t]+(?:add_?user|add|change_password|register)[ \t]+['"]?[\w.@-]{1,64}['"]?[ \t]+(?:[\w-]+(?:\.[\w-]+)+[ \t]+)?['"]?(?<v15>(?!-)[^\s'"]{4,128})`,
      // A user and a password as lower-case flags of a remote command (`PsExec \\host -u CORP\x -p …`, `racadm -r host -u root -p …`): a value
      // with a letter and something else, not a port or a port mapping (`-p 8080:80`).
      String.raw`[ \t]-u[ \t]+['"]?[^\s'"-][^\s'"]{0,63}['"]?(?:[ \t]+-[A-Za-z](?:[ \t]+[^\s-]\S*)?){0,3}[ \t]+-p[ \t]+['"]?(?<v17>(?=[^\s'"]*[A-Za-z])(?=[^\s'"]*[^A-Za-z\s'"])(?!\d+(?::\d+)*(?:\/\w+)?(?:['"\s]|$))[^\s'"-][^\s'"]{2,127})`,
      // A board joining a wireless network, the network then its passphrase (MicroPython `wlan.connect("ssid", "…")`, Arduino `WiFi.begin(ssid, "…")`).
      String.raw`\b(?:wlan|wifi|WiFi|sta|sta_if|network)\.(?:connect|begin)\(\s*(?:"[^"\n]{1,64}"|'[^'\n]{1,64}'|[\w.]{1,64})\s*,\s*(?:"(?<v22>[^"\n]{3,128})"|'(?<v23>[^'\n]{3,128})')`,
      // Net-SNMP v3 on the command line (`-v3`: USM users exist only there): `-A` the authentication passphrase, `-X` the privacy passphrase.
      String.raw`(?<=\bsnmp[a-z]*[ \t][^\n]{0,200}?-v[ \t]?3\b[^\n]{0,200}?)[ \t]-[AX][ \t]+['"]?(?<v24>[^\s'"-][^\s'"]{2,127})`,
      // The PIN that guards an account, as carriers and tax services ask for it (`Account PIN: …`, `port-out PIN`, `Self-Select PIN`), not a card's.
      String.raw`\b(?:[Aa]ccount|ACCOUNT|[Aa]cct|[Pp]ort-?[Oo]ut|[Tt]ransfer|[Ss]elf-[Ss]elect|e-?[Ff]ile|[Ss]ignature)[ \t]+(?:PIN|[Pp]in)(?:[ \t]+(?:[Cc]ode|[Nn]umber))?[ \t]*(?:[:#=]|is)[ \t]*(?<v21>\d{4,8})(?!\d)`,
      // A secret stored under a name saying it is a password (`gh secret set DB_PASSWORD --body '…'`, `… ADMIN_PASS --value …`).
      String.raw`\b[A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|_PASS|_PWD)\b[^\n|;&]{0,60}?[ \t](?:--body|--value|-b)[ \t=]+(?:'(?<v18>[^'\n]{3,128})'|"(?<v19>[^"\n]{3,128})"|(?<v20>[^\s'"-][^\s'"]{2,127}))`,
    ].join('|'),
    'g',
  ),
  requires: /-(?:u[ \t]|password[ \t]|-body|-value|b[ \t=])|PIN|[Pp]in[ \t]*[:#=]|\.(?:connect|begin)\(|snmp|ctl[ \t]|community|com2sec|createUser|sqlplus|rman|expdp|impdp|sqlldr|dgmgrl|onn(?:ect|ECT)?[ \t]|DBI->|getConnection|PDO|mysqli|ldap_bind|imap_open|ftp_login|\.connect\(|BUNDLE_|bundle[ \t]+config|(?:ser(?:name)?|SER(?:NAME)?|ogin|OGIN)[ \t:]+\S{1,70}[ \t,;/]+(?:and[ \t]+)?(?:[Pp]ass|PASS|pw|PW)/,
  validate: (value) => !/^[A-Za-z]+[).\]:,?]*$/.test(value),
};

/** A user and a password given in chat as `user app / …`, `login admin/…`: the password has a letter and a digit or a symbol. */
export const pairPassword: DlpDetector = {
  type: 'password',
  // Also the sentence saying what to log in with (`the test account logs in with demo-user / …`).
  pattern: /\b(?:user(?:name)?|login|log(?:s|ged|ging)?[ -]?in(?:[ \t]+(?:with|as))?|creds?|credentials)[ \t:]+[\w.@-]{1,64}[ \t]*\/[ \t]*(?<v>(?=[^\s/]*[\d!#$%^&*~+=?@])(?=[^\s/]*[A-Za-z])[^\s/]{6,128})(?![^\s/]*\/)/gi,
  requires: /(?:user|log(?:s|ged|ging)?[ -]?in|cred)[^\n/]{0,70}\//i,
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
      String.raw`(?<![\w-])--(?:[a-z]+-|(?!by|com|sur|over|under)[a-z]{1,12})?(?:password|passwd|pass)[ \t]+(?!-)['"]?(?<v4>[^\s'"]{3,128})`,
      // PuTTY's `plink` / `pscp -pw …`; kickstart's `rootpw [--plaintext] …` (not `--iscrypted`: a hash, refused as such).
      String.raw`(?<![\w-])(?:-pw|rootpw(?:[ \t]+--plaintext)?)[ \t]+(?!-)['"]?(?<v14>[^\s'"]{3,128})`,
      // Junos / VyOS `set …` statements: a RADIUS or TACACS+ `secret`, a `plaintext-password`, an `authentication-key`.
      String.raw`\bset[ \t][^\n]{0,120}?[ \t](?:secret|plaintext-password|authentication-key|pre-shared-key)[ \t]+"?(?<v15>[^\s"]{3,128})`,
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
  // Also a `login=user:password` option (Squid `cache_peer`, proxy and mount options).
  key: /^(?:auth|basicauth|httpauth|userinfo|credentials?|userpass|logincredentials|login)$/,
  // Not a namespace path (`Aws::InstanceProfileCredentials.new`: `::` joins names in Ruby, C++, Rust and PHP).
  keyValue: /^\s*[^\s:]{1,64}:(?!:)(?![A-Za-z]+\s*$)\S{3,128}\s*$/,
};

/**
 * `user=name:password` (coturn's long-term credentials, a daemon's `--user` option): under a bare `user` the second part must read as a
 * password — a letter and a digit or a symbol — not a port, a group (`www-data:www-data`) or a path.
 */
export const userCredentialPair: DlpDetector = {
  type: 'password',
  key: /^user$/,
  keyValue: /^\s*[^\s:]{1,64}:\S{3,128}\s*$/,
  keyValid: (value) => {
    const [name, secret = ''] = value.trim().split(/:(.*)/);
    return secret !== name && !/^(?:\d+|[\w.-]*\/\S*)$/.test(secret) && /[A-Za-z]/.test(secret) && /[\d!#$%^&*@?~+=]/.test(secret);
  },
};

/**
 * What a password looks like when nothing but a space joins it to its label: six to 64 characters, a letter and a digit or a
 * symbol, not a path, a variable, a placeholder, a URL or a call (`$DB_PASS`, `<secret>`, `/run/secrets/db`, `env(X)`).
 */
const CREDENTIAL = String.raw`(?=[^\s]*[A-Za-z])(?=[^\s]*[\d!#$%^&*@?~+=])(?![^\s]*:\/\/)[^\s'"<>(){}[\]$%/\\,;\x60][^\s'"<>(){}[\]\\,;\x60]{5,63}?`;
/** A label ending in a password word: the word itself, or a directive or variable whose last part is one (`auth_pass`, `HTTP_Passwd`, `bindPassword`). */
const SPACED_LABEL = String.raw`(?<![A-Za-z0-9_-])(?:${anyCase(PASSWORD_WORD)}|(?!${anyCase('(?:boarding|day|season|bus|ski|free|back|by)[_-]?pass')})[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*(?:[_-]${anyCase('(?:pass|passwd|password|pwd|pw|passphrase)')}|(?<=[a-z])(?:Pass|Passwd|Password|Pwd|PASS|PASSWD|PASSWORD)))`;

/**
 * A password after its label with only a space or a colon between: configuration directives written `name value` (keepalived
 * `auth_pass …`, FRR and IOS `neighbor … password …`, Fluent Bit `HTTP_Passwd …`, Squid, Dovecot), and tickets and chats that name
 * the password without punctuation (`user migrator password …`, `reset to temporary password …`). Only a credential-shaped value
 * counts (a plain word, a number, a path or a variable is a setting or prose), and never the user a `passwd` command changes.
 */
export const spacedPassword: DlpDetector = {
  type: 'password',
  pattern: new RegExp(
    String.raw`${SPACED_LABEL}(?::?[ \t]+)(?<v>${CREDENTIAL})(?=[.,;:!?)]*(?:\s|$|[\u3000-\u9fff\uac00-\ud7af]))` +
      // A chat export's line asking for a password, the next line's message nothing but a credential (`A: send me the mail password please` / `B: …`).
      String.raw`|(?<![A-Za-z0-9_-])(?:${anyCase(PASSWORD_WORD)})[^\n]{0,80}\r?\n[^\n]{1,40}?:[ \t]*(?<v2>${CREDENTIAL})[ \t]*\r?(?=\n|$)`,
    'g',
  ),
  requires: /pass|pwd|pw|kennwort|비번|laluan|sandi|contrase|senha|wachtwoord|lösenord|salasana|has[łl]o|heslo|lozinka|parol|[şs]ifre|пароль|パスワード|密[码碼]|비밀번호|mật khẩu|รหัสผ่าน|كلمة|סיסמה|पासवर्ड|mot de passe|jelsz|κωδικός|پاس ورڈ|پسورد|wpa|wi-?fi key|shared key/i,
  validate: (value, text, index) => {
    const label = text.slice(Math.max(0, index - 12), index);
    // `passwd deploy01` changes the password of the user it names.
    if (/(?:^|[^\w-])passwd:?[ \t]+$/i.test(label) && /^[a-z0-9._-]+$/.test(value)) return false;
    // The digit or symbol is the value's own, not the punctuation closing the sentence (`Mot de passe oublié?`).
    if (!/[\d!#$%^&*@?~+=]/.test(value)) return false;
    // Lower-case letters and a digit or two are a name (`field2`, `node01`); a password of that alphabet is longer.
    if (/^[a-z0-9]+$/.test(value) && (value.length < 7 || !/\d.*\d/.test(value))) return false;
    return !/^[A-Za-z_][\w.-]*=(?=.)/.test(value) && !/^(?:[A-Za-z]+-)*\d+(?:\.\d+)*[A-Za-z]?$/.test(value) && !PASSWORD_RULE.test(text.slice(index + value.length, index + value.length + 16));
  },
};

/**
 * The key of a wireless network's settings: in a section that names the network (`ssid`) and a WPA / pre-shared-key mode, a field
 * called `key` is the network's passphrase (OpenWrt UCI `option key '…'`, router exports, provisioning files).
 */
export const wirelessKeyPassword: DlpDetector = {
  type: 'password',
  pattern: /(?<![\w-])(?:option[ \t]+)?key['"]?[ \t]*(?:[=:][ \t]*|[ \t]+)["']?(?<v>[^\s'"]{8,63})["']?/g,
  requires: /ssid/i,
  validate: (value, text) => /\b(?:psk2?|wpa\d?|sae|encryption)\b/i.test(text) && !/^[A-Za-z]+$/.test(value) && !/^(?:psk|wpa|sae)/i.test(value),
};

/**
 * What a password manager's command prints: the password alone on the line after it (`pass show work/portal`, `gopass show`, GNOME
 * `secret-tool lookup …`, macOS `security find-generic-password … -w`, 1Password `op read`, Bitwarden `bw get password`, `keyring get`).
 */
export const managerOutputPassword: DlpDetector = {
  type: 'password',
  pattern:
    /^[^\n]{0,60}?(?:^|[$#>%][ \t]+)(?:g?o?pass[ \t]+show|secret-tool[ \t]+lookup|security[ \t]+find-(?:generic|internet)-password\b[^\n]*?[ \t]-w|op[ \t]+read|bw[ \t]+get[ \t]+password|keyring[ \t]+get)[ \t]+[^\n]*\r?\n(?<v>[^\s$#][^\s]{2,127})[ \t]*\r?$/gm,
  requires: /pass[ \t]+show|secret-tool[ \t]|find-(?:generic|internet)-password|op[ \t]+read|bw[ \t]+get|keyring[ \t]+get/,
  validate: (value) => !/^[A-Za-z]+[).\]:,?]*$/.test(value),
};

/**
 * A file of credentials, one `user:password` per line, maybe after a label (OpenSMTPD `table secrets`, `relay  user:…`; htpasswd-style
 * lists in clear): under a key naming such a file (`/etc/mail/secrets`, `passwd`, `credentials`). Hashes are not passwords (see the placeholders).
 */
export const secretsFilePassword: DlpDetector = {
  type: 'password',
  key: /(?:secrets|passwd|passwords|credentials|htpasswd)$/,
  keyValue: /^(?:[ \t]*[^\n]*\r?\n)*?[ \t]*(?:[\w.-]{1,64}[ \t]+)?[\w.@\\-]{1,64}:(?=[^\s:]*[A-Za-z])(?=[^\s:]*[^A-Za-z\s:])[^\s:$][^\s:]{2,127}[ \t]*\r?(?:\n|$)/,
};
