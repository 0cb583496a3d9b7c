#!/usr/bin/env python3
"""Builds ../dlp-blind4.jsonl: a blind, labelled DLP corpus in real-world formats.

Standard library only, fixed seed, byte-identical output across runs.
Labels come from construction: every sensitive value is produced by a method of
the per-sample builder `S`, which records its type; negative templates never call
those methods, and the script asserts that.  Labelling rules: ../dlp-fresh/README.md.
"""
import base64
import hashlib
import json
import os
import random
import re
import string
import sys
import urllib.parse

SEED = 20261202 + 4
R = random.Random(SEED)
TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key",
         "private_key", "jwt", "password", "medical_record_number",
         "health_insurance_number", "icd10"]

# ---------------------------------------------------------------- value helpers
FIRST = ["Marisol", "Tobias", "Ingrid", "Kwame", "Yuki", "Anneliese", "Desmond", "Priya",
         "Ruairi", "Fenna", "Oskar", "Leilani", "Bartholomew", "Sunniva", "Ezekiel", "Margarethe",
         "Thandiwe", "Caspian", "Ottilie", "Rafferty", "Zofia", "Imogen", "Lorcan", "Henrike"]
LAST = ["Quillfeather", "Abernethy", "Okonkwo-Lind", "Vasquez-Marr", "Thornbury", "Delacroix",
        "Hallworth", "Nakagawa", "Brennagh", "Wystan", "Ferreira-Holt", "Castellane", "Pemberly",
        "Ravensworth", "Illingsworth", "Marchetti", "Søndergaard", "Kowalczyk", "Achterberg"]
DOMAINS = ["northwindtraders.com", "contoso-clinic.org", "fabrikam.io", "tailspintoys.net",
           "wingtipbank.com", "litwareinc.com", "adventure-works.org", "woodgrovefin.com",
           "proseware.health", "fourthcoffee.co", "alpineski.house", "margiestravel.de"]
ICD = ["E11.9", "I10", "J45.909", "M54.50", "F32.9", "Z00.00", "K21.9", "N39.0", "R07.9",
       "E78.5", "S52.501A", "G43.909", "L40.0", "C50.911", "E66.01", "F41.1", "M17.11",
       "J06.9", "Z79.4", "I48.91", "E03.9", "O24.410", "H40.1131", "K58.0", "R51.9", "T78.40XA"]
ICD_NODOT = ["E119", "I10", "J45909", "M5450", "F329", "K219", "N390", "E785", "G43909"]


def name():
    return R.choice(FIRST), R.choice(LAST)


def rd(n, first=None):
    s = "".join(R.choice(string.digits) for _ in range(n))
    if first is not None:
        s = R.choice(first) + s[1:]
    return s


def ra(n, alphabet=string.ascii_letters + string.digits):
    return "".join(R.choice(alphabet) for _ in range(n))


def hexs(n):
    return ra(n, "0123456789abcdef")


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        tot += v
    return tot % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + rd(length - len(prefix) - 1)
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def bad_luhn(prefix, length):
    good = luhn_complete(prefix, length)
    return good[:-1] + str((int(good[-1]) + R.randint(1, 9)) % 10)


ISSUER_RE = re.compile(r"^(4|5[1-5]|2[2-7]|3[47]|3[068]|35|6011|64[4-9]|65|62|5[06-9]|6)")
PUBLISHED = ["4242424242424242", "4111111111111111", "5555555555554444", "378282246310005",
             "6011111111111117", "3530111333300000", "5105105105105100", "4000056655665556",
             "2223003122003222", "36227206271667", "6011000990139424", "371449635398431",
             "4012888888881881", "5200828282828210", "4000002500003155"]
ISSUER_GEN = [("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16),
              ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3528", 16), ("4", 13),
              ("62", 16), ("36", 14), ("6759", 19)]


def fmt_card(d, style):
    if style == "plain":
        return d
    sep = {"space": " ", "dash": "-"}[style]
    if len(d) == 15:
        return d[:4] + sep + d[4:10] + sep + d[10:]
    return sep.join(d[i:i + 4] for i in range(0, len(d), 4))


def bad16():
    """16-digit reference that fails Luhn (order / gift / tracking style)."""
    return bad_luhn(R.choice(["1", "7", "8", "9", "4", "5"]), 16)


def nid(n):
    """Digit id that cannot be an issuer number: starts with 1, 7, 8 or 9; 16 long fails Luhn."""
    if n == 16:
        return bad_luhn(R.choice("1789"), 16)
    return rd(n, "1789")


def aba():
    while True:
        d = R.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12",
                      "21", "22", "26", "31", "32"]) + rd(6)
        for c in "0123456789":
            x = d + c
            w = [3, 7, 1] * 3
            if sum(int(a) * b for a, b in zip(x, w)) % 10 == 0:
                return x


def npi():
    base = R.choice("12") + rd(8)
    for c in "0123456789":
        if luhn_ok("80840" + base + c):
            return base + c


def uuid4():
    h = hexs(32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{R.choice('89ab')}{h[17:20]}-{h[20:]}"


def sha1():
    return hexs(40)


def sha256():
    return hexs(64)


def epoch_ms():
    return str(R.randint(1764000000000, 1766000000000))


def ip():
    return f"10.{R.randint(0,255)}.{R.randint(0,255)}.{R.randint(1,254)}"


def pubip():
    return f"{R.choice([34,52,104,141,185,198])}.{R.randint(0,255)}.{R.randint(0,255)}.{R.randint(1,254)}"


def mac():
    return ":".join(hexs(2) for _ in range(6))


def ndc():
    return f"{rd(5,'0')}-{rd(4)}-{rd(2)}"


def isbn13():
    d = "978" + rd(9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d))
    return d + str((10 - s % 10) % 10)


def masked_card():
    return R.choice(["**** **** **** ", "XXXX-XXXX-XXXX-", "•••• ", "************"]) + rd(4)


def pem_body(prefix, nlines):
    body = prefix + ra(64 * nlines - len(prefix), string.ascii_letters + string.digits + "+/")
    return [body[i:i + 64] for i in range(0, len(body), 64)]


def public_key_pem():
    lines = pem_body("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 6)
    return "-----BEGIN PUBLIC KEY-----\n" + "\n".join(lines) + "\nIDAQAB\n-----END PUBLIC KEY-----"


def cert_pem():
    lines = pem_body("MIIDdzCCAl+gAwIBAgIE", 8)
    return "-----BEGIN CERTIFICATE-----\n" + "\n".join(lines) + "\n-----END CERTIFICATE-----"


def ssh_pub():
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + ra(43, string.ascii_letters + string.digits + "+/")


def bcrypt():
    return "$2b$12$" + ra(53, string.ascii_letters + string.digits + "./")


def argon2():
    return "$argon2id$v=19$m=65536,t=3,p=4$" + ra(22, string.ascii_letters + string.digits + "+/") + "$" + ra(43, string.ascii_letters + string.digits + "+/")


def bad_ssn_like():
    """SSN-shaped but outside the valid range (area 000/666/9xx or group 00 or serial 0000)."""
    k = R.randint(0, 3)
    if k == 0:
        return f"000-{rd(2,'123456789')}-{rd(4,'123456789')}"
    if k == 1:
        return f"666-{rd(2,'123456789')}-{rd(4,'123456789')}"
    if k == 2:
        return f"9{rd(2)}-{rd(2,'123456789')}-{rd(4,'123456789')}"
    return f"{R.randint(100,899)}-00-{rd(4,'123456789')}"


MBI_A = "ACDEFGHJKMNPQRTUVWXY"


def mbi():
    N = string.digits
    AN = MBI_A + N
    c = [R.choice("123456789"), R.choice(MBI_A), R.choice(AN), R.choice(N), R.choice(MBI_A),
         R.choice(AN), R.choice(N), R.choice(MBI_A), R.choice(MBI_A), R.choice(N), R.choice(N)]
    return "".join(c)


def kvnr():
    letter = R.choice(string.ascii_uppercase)
    digits = rd(8, "123456789")
    s = f"{ord(letter) - 64:02d}" + digits
    tot = 0
    for i, ch in enumerate(s):
        v = int(ch) * (1 if i % 2 == 0 else 2)
        tot += v // 10 + v % 10
    return letter + digits + str(tot % 10)


# ---------------------------------------------------------------- per-sample builder
class S:
    """Collects the types of the sensitive values it hands out."""

    def __init__(self):
        self.types = set()
        self.cards = []
        self.encoded = False
        self.email_exempt = False

    def _t(self, t):
        self.types.add(t)

    def card(self, style=None, published=None):
        self._t("credit_card")
        if published is None:
            published = R.random() < 0.4
        if published:
            d = R.choice(PUBLISHED)
        else:
            p, n = R.choice(ISSUER_GEN)
            d = luhn_complete(p, n)
        self.cards.append(d)
        return fmt_card(d, style or R.choice(["plain", "space", "dash", "plain"]))

    def cvv(self, n=None):
        self._t("cvv")
        if n is None:  # four digits on Amex (CID), three elsewhere
            n = 4 if self.cards and self.cards[-1][:2] in ("34", "37") else 3
        return rd(n, "123456789")

    def ssn(self, sep="-"):
        self._t("ssn")
        area = R.randint(1, 899)
        while area == 666:
            area = R.randint(1, 899)
        g = R.randint(1, 99)
        s = R.randint(1, 9999)
        return f"{area:03d}{sep}{g:02d}{sep}{s:04d}"

    def email(self, first=None, last=None, domain=None, role=None):
        self._t("email")
        if role:
            local = role
        else:
            f, l = name()
            f, l = (first or f), (last or l)
            l = l.replace("ø", "o").replace("-", "")
            local = R.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{rd(2)}", f"{f}_{l[0]}"]).lower()
        return f"{local}@{domain or R.choice(DOMAINS)}"

    def phone(self, kind=None):
        self._t("phone")
        kind = kind or R.choice(["us", "us", "us2", "us3", "uk", "uk2", "au", "fr", "e164"])
        a = R.choice(["212", "312", "415", "617", "206", "303", "512", "718", "919"])
        x = f"{R.randint(100, 199)}"[1:]
        if kind == "us":
            return f"({a}) 555-01{x}"
        if kind == "us2":
            return f"{a}-555-01{x}"
        if kind == "us3":
            return f"+1 {a} 555 01{x}"
        if kind == "e164":
            return f"+1{a}55501{x}"
        if kind == "uk":
            return f"+44 7700 900{rd(3)}"
        if kind == "uk2":
            return f"020 7946 0{rd(3)}"
        if kind == "au":
            return "+61 491 570 " + R.choice(["006", "156", "157", "158", "159", "110", "313", "737"])
        if kind == "fr":
            return f"+33 1 99 00 {rd(2)} {rd(2)}"
        raise ValueError(kind)

    def akid(self, sts=False):
        self._t("aws_access_key")
        return ("ASIA" if sts else "AKIA") + ra(16, string.ascii_uppercase + "234567")

    def aws_secret(self):
        self._t("api_key")
        return ra(40, string.ascii_letters + string.digits + "+/")

    def apikey(self, kind=None):
        self._t("api_key")
        kind = kind or R.choice(["stripe", "gh", "slack", "glpat", "sg", "google", "hex", "npm",
                                 "shopify", "openai", "mailgun", "hf", "rk", "ghfine", "dd"])
        A = string.ascii_letters + string.digits
        if kind == "stripe":
            return "sk_live_" + ra(24, A)
        if kind == "rk":
            return "rk_live_" + ra(24, A)
        if kind == "gh":
            return "ghp_" + ra(36, A)
        if kind == "ghfine":
            return "github_pat_11" + ra(20, string.ascii_uppercase + string.digits) + "_" + ra(59, A)
        if kind == "slack":
            return f"xoxb-{rd(12,'123456789')}-{rd(13,'123456789')}-{ra(24, A)}"
        if kind == "glpat":
            return "glpat-" + ra(20, A + "-_")
        if kind == "sg":
            return "SG." + ra(22, A + "-_") + "." + ra(43, A + "-_")
        if kind == "google":
            return "AIza" + ra(35, A + "-_")
        if kind == "hex":
            return hexs(32)
        if kind == "dd":
            return hexs(32)
        if kind == "npm":
            return "npm_" + ra(36, A)
        if kind == "shopify":
            return "shpat_" + hexs(32)
        if kind == "openai":
            return "sk-proj-" + ra(48, A + "-_")
        if kind == "mailgun":
            return "key-" + hexs(32)
        if kind == "hf":
            return "hf_" + ra(34, A)
        if kind == "b64":
            return ra(43, A + "+/") + "="
        raise ValueError(kind)

    def pkey(self, kind=None, escaped=False):
        self._t("private_key")
        kind = kind or R.choice(["rsa", "pkcs8", "ec", "openssh", "enc"])
        hdr, prefix, n = {
            "rsa": ("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA", 12),
            "pkcs8": ("PRIVATE KEY", "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ", 12),
            "ec": ("EC PRIVATE KEY", "MHcCAQEEI", 3),
            "openssh": ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 5),
            "enc": ("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 12),
        }[kind]
        lines = pem_body(prefix, n)
        lines[-1] = lines[-1][:R.randint(20, 60)] + ("==" if kind != "ec" else "")
        nl = "\\n" if escaped else "\n"
        return f"-----BEGIN {hdr}-----{nl}" + nl.join(lines) + f"{nl}-----END {hdr}-----"

    def jwt(self, alg=None):
        self._t("jwt")
        alg = alg or R.choice(["HS256", "RS256", "ES256"])
        hdr = {"alg": alg, "typ": "JWT"}
        if alg != "HS256":
            hdr["kid"] = hexs(16)
        iat = R.randint(1764000000, 1766000000)
        pl = {"sub": R.choice(["usr_", "auth0|", "svc-"]) + hexs(12), "iat": iat,
              "exp": iat + R.choice([900, 3600, 86400]), "scope": R.choice(["read", "openid profile", "api:write"])}
        sig = ra({"HS256": 43, "RS256": 342, "ES256": 86}[alg], string.ascii_letters + string.digits + "-_")
        return b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "." + \
            b64u(json.dumps(pl, separators=(",", ":")).encode()) + "." + sig

    def pw(self):
        self._t("password")
        w = R.choice(["Marigold", "tundra", "Quokka", "velvet", "Harbor", "cobalt", "Juniper",
                      "saffron", "Pelican", "ember", "Orchid", "granite", "Falcon", "lantern"])
        w2 = R.choice(["Drift", "moss", "Rook", "pine", "Kite", "fjord", "Lynx", "sable"])
        sym = R.choice("!#%&*+?@^~")
        return R.choice([f"{w}{sym}{rd(2)}{w2}", f"{w2}{rd(4)}{sym}", f"{w.lower()}-{w2.lower()}-{rd(3)}{sym}",
                         f"{ra(3, string.ascii_uppercase)}{sym}{w}{rd(3)}", ra(14, string.ascii_letters + string.digits + "!#%*")])

    def mrn(self, style=None):
        self._t("medical_record_number")
        style = style or R.choice(["d8", "d7", "d10", "E", "pre", "d9"])
        if style == "d8":
            return rd(8, "123456789")
        if style == "d7":
            return rd(7, "123456789")
        if style == "d10":
            return "00" + rd(8)
        if style == "d9":
            return rd(9, "123456789")
        if style == "E":
            return "E" + rd(7)
        return R.choice(["MR", "MRN-", "H", "PT"]) + rd(7)

    def hin(self, kind=None):
        self._t("health_insurance_number")
        kind = kind or R.choice(["member", "member2", "mbi", "mbi_dash", "cin", "kvnr", "ohip", "sub"])
        if kind == "member":
            return R.choice(["XGH", "ZQW", "W", "JQU", "BCX"]) + rd(9)
        if kind == "member2":
            return rd(3, "123456789") + "-" + rd(3) + "-" + rd(3) + R.choice(["-01", "-02", "*01", ""])
        if kind == "sub":
            return R.choice(["U", "H", "M"]) + rd(8) + R.choice(["01", "02", ""])
        if kind == "mbi":
            return mbi()
        if kind == "mbi_dash":
            m = mbi()
            return f"{m[:4]}-{m[4:7]}-{m[7:]}"
        if kind == "cin":
            return ra(2, string.ascii_uppercase) + rd(5) + R.choice(string.ascii_uppercase)
        if kind == "kvnr":
            return kvnr()
        if kind == "ohip":
            return f"{rd(4,'123456789')}-{rd(3)}-{rd(3)}-" + ra(2, string.ascii_uppercase)
        raise ValueError(kind)

    def icd(self, nodot=False):
        self._t("icd10")
        return R.choice(ICD_NODOT if nodot else ICD)


def fn():
    f, l = name()
    return f"{f} {l}"


def dob():
    return f"{R.randint(1941, 2004)}-{R.randint(1,12):02d}-{R.randint(1,28):02d}"


def ts(sep="T", z="Z"):
    return f"2026-{R.randint(9,11):02d}-{R.randint(1,28):02d}{sep}{R.randint(0,23):02d}:{R.randint(0,59):02d}:{R.randint(0,59):02d}{z}"


# ---------------------------------------------------------------- templates
TEMPLATES = []  # (format, positive?, fn, repeat)


def P(tag, n=1):
    def deco(f):
        TEMPLATES.append((tag, True, f, n))
        return f
    return deco


def N(tag, n=1):
    def deco(f):
        TEMPLATES.append((tag, False, f, n))
        return f
    return deco


# ---- prisma-query-log
@P("prisma-query-log")
def _(s):
    return {"level": "query", "message": "prisma:query INSERT INTO \"public\".\"User\" (\"email\",\"phone\",\"passwordPlain\") VALUES ($1,$2,$3) RETURNING \"public\".\"User\".\"id\"",
            "params": json.dumps([s.email(), s.phone(), s.pw()]), "duration": f"{R.randint(2,40)}ms"}


@P("prisma-query-log")
def _(s):
    return {"level": "query", "message": "prisma:query SELECT \"public\".\"Patient\".\"id\" FROM \"public\".\"Patient\" WHERE \"public\".\"Patient\".\"mrn\" = $1 LIMIT $2 OFFSET $3",
            "params": f"[\"{s.mrn()}\",1,0]", "target": "quaint::connector::metrics"}


@N("prisma-query-log")
def _(s):
    return {"level": "query", "message": "prisma:query SELECT \"public\".\"Order\".\"id\", \"public\".\"Order\".\"total\" FROM \"public\".\"Order\" WHERE \"public\".\"Order\".\"orderNumber\" = $1",
            "params": f"[\"{bad16()}\"]", "duration": "3ms"}


@N("prisma-query-log")
def _(s):
    return {"level": "error", "message": "prisma:error Invalid `prisma.user.update()` invocation: Argument `password` is missing. Expected String, provided null.",
            "clientVersion": "5.22.0", "requestId": uuid4()}


# ---- typeorm-log
@P("typeorm-log")
def _(s):
    return {"log": f"query: INSERT INTO \"payment_method\"(\"id\", \"pan\", \"cvc\", \"holder\") VALUES (DEFAULT, $1, $2, $3) RETURNING \"id\" -- PARAMETERS: [\"{s.card('plain')}\",\"{s.cvv(3)}\",\"{fn()}\"]"}


@P("typeorm-log")
def _(s):
    return {"log": f"query failed: UPDATE \"employee\" SET \"ssn\" = $1 WHERE \"id\" = $2 -- PARAMETERS: [\"{s.ssn()}\",{R.randint(10,9999)}]\nerror: duplicate key value violates unique constraint \"UQ_employee_ssn\""}


@N("typeorm-log")
def _(s):
    return {"log": f"query: SELECT \"u\".\"id\", \"u\".\"password_hash\" FROM \"user\" \"u\" WHERE \"u\".\"username\" = $1 -- PARAMETERS: [\"kpaine\"]\nresult: [{{\"id\":42,\"password_hash\":\"{bcrypt()}\"}}]"}


@N("typeorm-log")
def _(s):
    return {"log": f"query: SELECT * FROM \"shipment\" WHERE \"tracking_no\" IN ($1, $2) -- PARAMETERS: [\"{nid(12)}\",\"1Z{ra(16, string.ascii_uppercase + string.digits)}\"]"}


# ---- django-admin-export (csv download from admin action)
@P("django-admin-export")
def _(s):
    rows = [f"{R.randint(100,999)},{fn()},{s.email()},{s.phone('us2')},{dob()}" for _ in range(2)]
    return {"filename": "customers-2026-11-14.csv", "content": "id,full_name,email_address,contact_number,date_of_birth\n" + "\n".join(rows)}


@P("django-admin-export")
def _(s):
    rows = [f"{R.randint(1,400)};{fn()};{s.mrn()};{s.icd()};{dob()}" for _ in range(3)]
    return {"filename": "clinic_patient_export.csv", "content": "pk;name;medical_record_no;primary_dx;dob\n" + "\n".join(rows)}


@N("django-admin-export")
def _(s):
    rows = [f"{R.randint(1,900)},{isbn13()},{R.choice(['Paperback','Hardcover'])},{R.randint(5,60)}.{rd(2)}" for _ in range(3)]
    return {"filename": "catalog_book.csv", "content": "id,isbn,binding,price\n" + "\n".join(rows)}


@N("django-admin-export")
def _(s):
    rows = [f"{R.randint(1,900)},admin,pbkdf2_sha256$870000${ra(22)}${ra(43, string.ascii_letters + string.digits + '+/')}=,{ts(' ','')}" for _ in range(2)]
    return {"filename": "auth_user.csv", "content": "id,username,password,last_login\n" + "\n".join(rows)}


# ---- rails-console
@P("rails-console")
def _(s):
    return {"session": f"irb(main):003:0> u = User.find_by(email: \"{s.email()}\")\n=> #<User id: 8812, name: \"{fn()}\", phone: \"{s.phone()}\", created_at: \"{ts(' ', ' UTC')}\">\nirb(main):004:0> u.update!(password: \"{s.pw()}\")\n=> true"}


@P("rails-console")
def _(s):
    return {"session": f"[1] pry(main)> Rails.application.credentials.stripe\n=> {{:secret_key=>\"{s.apikey('stripe')}\", :publishable_key=>\"pk_live_{ra(24)}\"}}"}


@N("rails-console")
def _(s):
    return {"session": f"irb(main):001:0> Order.last\n=> #<Order id: 77120, number: \"R{nid(9)}\", token: \"{ra(22, string.ascii_letters + string.digits + '_-')}\", total: 0.1249e3, state: \"complete\">"}


@N("rails-console")
def _(s):
    return {"session": "irb(main):002:0> User.new(password: \"x\").valid?\n=> false\nirb(main):003:0> _.errors.full_messages\n=> [\"Password is too short (minimum is 12 characters)\", \"Email can't be blank\"]"}


# ---- laravel-env
@P("laravel-env")
def _(s):
    return {"path": "/var/www/html/.env", "content": f"APP_NAME=Portal\nAPP_ENV=production\nAPP_KEY=base64:{s.apikey('b64')}\nDB_CONNECTION=mysql\nDB_HOST=10.0.4.12\nDB_USERNAME=portal\nDB_PASSWORD={s.pw()}\nMAIL_MAILER=smtp\nMAIL_USERNAME={s.email(role='postmaster')}\n"}


@P("laravel-env")
def _(s):
    return {"path": ".env.production", "content": f"AWS_ACCESS_KEY_ID={s.akid()}\nAWS_SECRET_ACCESS_KEY={s.aws_secret()}\nAWS_DEFAULT_REGION=eu-west-1\nAWS_BUCKET=portal-uploads\nPUSHER_APP_ID={rd(7,'123456789')}\n"}


@N("laravel-env")
def _(s):
    return {"path": ".env.example", "content": "APP_KEY=\nDB_PASSWORD=\nAWS_ACCESS_KEY_ID=\nAWS_SECRET_ACCESS_KEY=\nMAIL_PASSWORD=null\nSTRIPE_SECRET=sk_live_xxxxxxxxxxxxxxxxxxxx\n"}


@N("laravel-env")
def _(s):
    return {"path": ".env", "content": f"APP_ENV=local\nAPP_DEBUG=true\nLOG_CHANNEL=stack\nDB_PASSWORD=\"${{DB_PASSWORD}}\"\nSESSION_LIFETIME=120\nAPP_VERSION=4.12.{R.randint(0,9)}\nBUILD_SHA={sha1()}\n"}


# ---- laravel-log
@P("laravel-log")
def _(s):
    return {"line": f"[{ts(' ','')}] production.ERROR: Payment declined {{\"card_number\":\"{s.card()}\",\"exp\":\"0{R.randint(1,9)}/2{R.randint(7,9)}\",\"cvc\":\"{s.cvv()}\",\"exception\":\"[object] (App\\\\Exceptions\\\\GatewayException(code: 402)\"}} []"}


@P("laravel-log")
def _(s):
    return {"line": f"[{ts(' ','')}] production.INFO: Patient intake saved {{\"nhs_trust\":\"RX1\",\"MedicalRecordNumber\":\"{s.mrn()}\",\"diagnosis_codes\":[\"{s.icd()}\",\"{s.icd()}\"]}}"}


@N("laravel-log")
def _(s):
    return {"line": f"[{ts(' ','')}] production.WARNING: Login failed for user id 4411: The provided password is incorrect. {{\"ip\":\"{pubip()}\",\"request_id\":\"{uuid4()}\"}}"}


@N("laravel-log")
def _(s):
    return {"line": f"[{ts(' ','')}] production.INFO: Refund issued {{\"order\":\"{bad16()}\",\"card\":\"{masked_card()}\",\"amount\":\"{R.randint(5,300)}.00\"}}"}


# ---- firestore-export (REST document shape with typed values)
@P("firestore-export")
def _(s):
    return {"name": f"projects/clinic-prod/databases/(default)/documents/patients/{ra(20)}",
            "fields": {"displayName": {"stringValue": fn()}, "mrn": {"stringValue": s.mrn()},
                       "insurance": {"mapValue": {"fields": {"memberId": {"stringValue": s.hin('member')}, "groupNumber": {"stringValue": rd(6)}}}},
                       "problems": {"arrayValue": {"values": [{"stringValue": s.icd()}]}}},
            "createTime": ts()}


@P("firestore-export")
def _(s):
    return {"name": f"projects/shop-prod/databases/(default)/documents/users/{ra(28)}",
            "fields": {"email": {"stringValue": s.email()}, "phoneNumber": {"stringValue": s.phone('e164')},
                       "lastLogin": {"timestampValue": ts()}}}


@N("firestore-export")
def _(s):
    return {"name": f"projects/shop-prod/databases/(default)/documents/orders/{ra(20)}",
            "fields": {"orderId": {"integerValue": nid(16)}, "sku": {"stringValue": f"E11-{rd(3)}-BLK"},
                       "placedAt": {"integerValue": epoch_ms()}, "cardLast4": {"stringValue": rd(4)}}}


@N("firestore-export")
def _(s):
    return {"name": "projects/clinic-prod/databases/(default)/documents/config/rules",
            "fields": {"passwordPolicy": {"mapValue": {"fields": {"minLength": {"integerValue": "12"}, "requireSymbol": {"booleanValue": True}}}},
                       "apiKeyHeader": {"stringValue": "X-Api-Key"}}}


# ---- supabase-rows (PostgREST response)
@P("supabase-rows")
def _(s):
    return {"status": 200, "body": [{"id": R.randint(1, 900), "full_name": fn(), "ssn": s.ssn(), "bank_routing": aba()},
                                    {"id": R.randint(1, 900), "full_name": fn(), "ssn": s.ssn(), "bank_routing": aba()}]}


@P("supabase-rows")
def _(s):
    return {"status": 201, "body": [{"id": uuid4(), "service": "sendgrid", "secret": s.apikey('sg'), "created_by": s.email()}]}


@N("supabase-rows")
def _(s):
    return {"status": 200, "body": [{"id": uuid4(), "routing_number": aba(), "zip": f"{rd(5,'123456789')}-{rd(4)}", "claim_id": nid(9)}]}


@N("supabase-rows")
def _(s):
    return {"status": 200, "body": [{"id": uuid4(), "anon_key_hint": "eyJhbGciOi…(truncated)", "role": "anon", "created_at": ts()}]}


# ---- airtable-api
@P("airtable-api")
def _(s):
    return {"records": [{"id": "rec" + ra(14), "createdTime": ts(), "fields": {"Name": fn(), "Work Email": s.email(), "Mobile": s.phone('uk'), "Stage": "Interview"}}]}


@P("airtable-api")
def _(s):
    return {"records": [{"id": "rec" + ra(14), "fields": {"Patient": fn(), "Med Rec #": s.mrn(), "Payer": "Aetna", "Member ID": s.hin('member'), "Dx": s.icd()}}]}


@N("airtable-api")
def _(s):
    return {"records": [{"id": "rec" + ra(14), "fields": {"Asset Tag": f"LT-{rd(5)}", "MAC": mac(), "IP": ip(), "Serial": ra(10, string.ascii_uppercase + string.digits)}}]}


@N("airtable-api")
def _(s):
    return {"records": [{"id": "rec" + ra(14), "fields": {"Room": "B12", "Building": "C50", "Booking Ref": nid(10), "Notes": "Vitamin B12 stand at reception"}}]}


# ---- notion-blocks
@P("notion-blocks")
def _(s):
    return {"object": "block", "type": "code", "code": {"language": "bash", "rich_text": [{"type": "text", "plain_text": f"export OPENAI_API_KEY={s.apikey('openai')}\nexport GITHUB_TOKEN={s.apikey('gh')}"}]}}


@P("notion-blocks")
def _(s):
    return {"object": "block", "type": "paragraph", "paragraph": {"rich_text": [{"type": "text", "plain_text": "Wi-Fi for the offsite: SSID Harbor-Guest, password "}, {"type": "text", "plain_text": s.pw(), "annotations": {"code": True}}]}}


@P("notion-blocks")
def _(s):
    return {"object": "block", "type": "table_row", "table_row": {"cells": [[{"plain_text": fn()}], [{"plain_text": s.ssn()}], [{"plain_text": s.phone()}]]}}


@N("notion-blocks")
def _(s):
    return {"object": "block", "type": "bulleted_list_item", "bulleted_list_item": {"rich_text": [{"plain_text": "Rotate the password every 90 days; never paste it here. Use 1Password share links instead."}]}}


@N("notion-blocks")
def _(s):
    return {"object": "block", "type": "code", "code": {"language": "text", "rich_text": [{"plain_text": f"release v3.{R.randint(1,20)}.{R.randint(0,9)}  commit {sha1()}  build {epoch_ms()}"}]}}


# ---- confluence-storage (XHTML storage format)
@P("confluence-storage")
def _(s):
    return {"body": {"storage": {"representation": "storage", "value":
        f"<h2>Break-glass access</h2><table><tbody><tr><th>System</th><th>User</th><th>Password</th></tr><tr><td>bastion-01</td><td>root</td><td>{s.pw()}</td></tr><tr><td>pgbouncer</td><td>admin</td><td>{s.pw()}</td></tr></tbody></table>"}}}


@P("confluence-storage")
def _(s):
    return {"body": {"storage": {"representation": "storage", "value":
        f"<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[{s.pkey('openssh')}]]></ac:plain-text-body></ac:structured-macro>"}}}


@N("confluence-storage")
def _(s):
    return {"body": {"storage": {"representation": "storage", "value":
        f"<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[{cert_pem()}]]></ac:plain-text-body></ac:structured-macro><p>Public cert only; key lives in Vault.</p>"}}}


@N("confluence-storage")
def _(s):
    return {"body": {"storage": {"representation": "storage", "value":
        "<p>Set <code>STRIPE_KEY=&lt;your-secret-key&gt;</code> and <code>AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE</code> in your local profile.</p>"}}}


# ---- google-forms-csv (Responses sheet download, question text as headers)
@P("google-forms-csv")
def _(s):
    return {"csv": "\"Timestamp\",\"Email Address\",\"Full legal name\",\"Social Security Number (for payroll)\",\"Cell phone\"\n"
            f"\"2026/11/0{R.randint(1,9)} 9:14:22 AM GMT-5\",\"{s.email()}\",\"{fn()}\",\"{s.ssn()}\",\"{s.phone('us')}\""}


@P("google-forms-csv")
def _(s):
    return {"csv": "Timestamp,Your name,Insurance member ID (front of card),Group #,Any known conditions (ICD code if you have it)\n"
            f"11/{R.randint(10,28)}/2026 14:02:11,{fn()},{s.hin('member')},{rd(6)},{s.icd()}"}


@N("google-forms-csv")
def _(s):
    return {"csv": "Timestamp,Order number,Tracking number,Rate us 1-5\n" +
            f"11/{R.randint(10,28)}/2026 10:11:01,{nid(9)},{nid(12)},5\n11/{R.randint(10,28)}/2026 10:15:40,{nid(9)},{nid(12)},4"}


# ---- typeform-webhook
@P("typeform-webhook")
def _(s):
    return {"event_type": "form_response", "form_response": {"form_id": ra(8), "answers": [
        {"type": "email", "email": s.email(), "field": {"ref": "contact_email"}},
        {"type": "phone_number", "phone_number": s.phone('e164'), "field": {"ref": "contact_phone"}},
        {"type": "text", "text": s.hin('mbi'), "field": {"ref": "medicare_beneficiary_id"}}]}}


@P("typeform-webhook")
def _(s):
    return {"event_type": "form_response", "form_response": {"definition": {"fields": [{"id": "f1", "title": "Card number"}, {"id": "f2", "title": "Security code (3 digits on back)"}]},
            "answers": [{"field": {"id": "f1"}, "type": "text", "text": s.card()}, {"field": {"id": "f2"}, "type": "number", "number": int(s.cvv(3))}]}}


@N("typeform-webhook")
def _(s):
    return {"event_type": "form_response", "form_response": {"token": ra(32, string.ascii_lowercase + string.digits), "answers": [{"type": "choice", "choice": {"label": "Forgot my password"}}, {"type": "number", "number": R.randint(1, 10)}]}}


# ---- calendly-webhook
@P("calendly-webhook")
def _(s):
    return {"event": "invitee.created", "payload": {"email": s.email(), "name": fn(), "text_reminder_number": s.phone('us3'),
            "questions_and_answers": [{"question": "Date of birth", "answer": dob()}, {"question": "Insurance subscriber ID", "answer": s.hin('sub')}]}}


@N("calendly-webhook")
def _(s):
    return {"event": "invitee.canceled", "payload": {"uri": f"https://api.calendly.com/scheduled_events/{uuid4()}/invitees/{uuid4()}", "cancel_url": f"https://calendly.com/cancellations/{uuid4()}", "rescheduled": False}}


# ---- zoom-webhook
@P("zoom-webhook")
def _(s):
    return {"event": "meeting.participant_joined", "event_ts": int(epoch_ms()), "payload": {"account_id": ra(22), "object": {"id": rd(11, "89"), "participant": {"user_name": fn(), "email": s.email(), "phone_number": s.phone('uk2')}}}}


@P("zoom-webhook")
def _(s):
    return {"event": "endpoint.url_validation", "headers": {"authorization": "Bearer " + s.jwt("HS256")}, "payload": {"plainToken": ra(22)}}


@N("zoom-webhook")
def _(s):
    return {"event": "meeting.started", "event_ts": int(epoch_ms()), "payload": {"object": {"id": rd(11, "89"), "uuid": ra(22) + "==", "topic": "Q4 claims backlog", "passcode_required": True, "host_id": ra(22)}}}


# ---- okta-system-log
@P("okta-system-log")
def _(s):
    return {"eventType": "user.account.update_password", "actor": {"alternateId": s.email(), "type": "User"}, "outcome": {"result": "SUCCESS"},
            "debugContext": {"debugData": {"requestUri": "/api/v1/users/00u" + ra(17) + "/credentials/change_password", "oldPassword": s.pw(), "newPassword": s.pw()}}}


@N("okta-system-log")
def _(s):
    return {"eventType": "user.session.start", "actor": {"id": "00u" + ra(17), "type": "User", "displayName": fn()}, "client": {"ipAddress": pubip(), "userAgent": {"os": "Mac OS X"}},
            "outcome": {"result": "FAILURE", "reason": "INVALID_CREDENTIALS"}, "transaction": {"id": ra(27)}, "uuid": uuid4()}


@N("okta-system-log")
def _(s):
    return {"eventType": "system.api_token.create", "actor": {"id": "00u" + ra(17), "type": "User"}, "target": [{"type": "Token", "displayName": "terraform-ci", "detailEntry": {"tokenHint": "00H" + "*" * 16 + ra(4)}}]}


# ---- auth0-log
@P("auth0-log")
def _(s):
    return {"log_id": rd(56, "9"), "data": {"type": "f", "description": "Wrong email or password.", "connection": "Username-Password-Authentication", "user_name": s.email(),
            "details": {"body": {"username": "", "password": s.pw(), "grant_type": "password"}}}}


@P("auth0-log")
def _(s):
    return {"log_id": rd(56, "9"), "data": {"type": "seccft", "description": "Client Credentials for Access Token", "client_id": ra(32),
            "details": {"request": {"body": {"client_secret": s.apikey('b64'), "audience": "https://api.fabrikam.io/"}}, "response": {"access_token": s.jwt('RS256')}}}}


@N("auth0-log")
def _(s):
    return {"log_id": rd(56, "9"), "data": {"type": "s", "description": "Successful login", "connection": "google-oauth2", "user_id": "google-oauth2|" + rd(21, "1"), "ip": pubip(), "hostname": "login.fabrikam.io"}}


# ---- keycloak-realm export
@P("keycloak-realm")
def _(s):
    return {"realm": "clinic", "clients": [{"clientId": "ehr-bridge", "secret": s.apikey('hex'), "publicClient": False}], "smtpServer": {"host": "smtp.contoso-clinic.org", "user": s.email(role="idp"), "password": s.pw()}}


@P("keycloak-realm")
def _(s):
    return {"realm": "staff", "users": [{"username": "hmarchetti", "email": s.email(), "credentials": [{"type": "password", "value": s.pw(), "temporary": True}]}]}


@N("keycloak-realm")
def _(s):
    return {"realm": "staff", "passwordPolicy": "length(12) and digits(1) and notUsername(undefined) and passwordHistory(5)", "users": [{"username": "svc-sync",
            "credentials": [{"type": "password", "secretData": json.dumps({"value": base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode(), "salt": ra(22) + "=="}), "credentialData": "{\"hashIterations\":27500,\"algorithm\":\"pbkdf2-sha256\"}"}]}]}


@N("keycloak-realm")
def _(s):
    return {"realm": "staff", "keys": {"list": [{"kid": ra(43), "kty": "RSA", "alg": "RS256", "use": "sig", "n": ra(342, string.ascii_letters + string.digits + "-_"), "e": "AQAB"}]}, "smtpServer": {"password": "**********"}}


# ---- scim-user
@P("scim-user")
def _(s):
    return {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], "userName": s.email(),
            "phoneNumbers": [{"value": s.phone(), "type": "work"}], "password": s.pw(), "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": rd(6)}}


@P("scim-user")
def _(s):
    return {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "replace", "path": "urn:acme:hr:1.0:User:nationalId", "value": s.ssn()}]}


@N("scim-user")
def _(s):
    return {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"], "id": "urn:ietf:params:scim:schemas:core:2.0:User", "attributes": [{"name": "password", "type": "string", "mutability": "writeOnly", "returned": "never"}, {"name": "emails", "type": "complex", "multiValued": True}]}


@N("scim-user")
def _(s):
    return {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1, "Resources": [{"id": uuid4(), "externalId": nid(10), "userName": "jdoe", "active": False, "meta": {"version": "W/\"" + hexs(16) + "\""}}]}


# ---- prior-auth-form (faxed/typed PA request text)
@P("prior-auth-form")
def _(s):
    return {"text": f"PRIOR AUTHORIZATION REQUEST\nPatient: {fn()}    DOB: {dob()}\nMember ID: {s.hin('member')}    Group: {rd(6)}\nRxBIN: 610014  PCN: MEDDPRIME\n"
            f"Diagnosis (ICD-10): {s.icd()}\nPrescriber NPI: {npi()}   Phone: {s.phone('us2')}\nDrug: semaglutide 1 mg  NDC {ndc()}"}


@P("prior-auth-form")
def _(s):
    return {"text": f"Solicitud de autorización previa\nPaciente: {fn()}\nN.º de afiliado: {s.hin('member')}\nCódigo de diagnóstico CIE-10: {s.icd()}\nHistoria clínica (MRN): {s.mrn()}"}


@N("prior-auth-form")
def _(s):
    return {"text": f"PRIOR AUTHORIZATION — BLANK FORM\nMember ID: ____________  Group: {rd(6)}\nRxBIN: 004336  PCN: ADV  RxGRP: RX{rd(4)}\nPrescriber NPI: {npi()}\nDiagnosis (ICD-10): ________\nFax completed form to the number on the back of the card."}


@N("prior-auth-form")
def _(s):
    return {"text": f"PA reference {nid(10)} approved through 2027-03-31. Case # {nid(9)}. Payer ID 87726. Drug NDC {ndc()}. No further action needed."}


# ---- dental-claim-text (ADA form, typed text)
@P("dental-claim-text")
def _(s):
    return {"text": f"ADA Dental Claim Form 2024\n12. Policyholder/Subscriber Name: {fn()}\n15. Policyholder/Subscriber ID (SSN or ID#): {s.ssn()}\n16. Plan/Group Number: {rd(7)}\n"
            f"24. Procedure date 2026-10-{R.randint(10,28)}  Tooth 14  Code D2740  Fee 1240.00\n34a. Diagnosis code list qualifier AB  A: {s.icd()}"}


@P("dental-claim-text")
def _(s):
    return {"text": f"Subscriber ID {s.hin('member2')} / Patient acct {nid(8)} / Billing dentist NPI {npi()} / TIN {rd(2,'123456789')}-{rd(7)}"}


@N("dental-claim-text")
def _(s):
    return {"text": f"Procedure codes billed: D0120, D1110, D0274. Tooth #3, #14, #30. Claim number {nid(11)}. Plan/Group Number {rd(7)}. Payer ID CDCA1."}


# ---- lab-requisition-ocr
@P("lab-requisition-ocr")
def _(s):
    return {"ocr_text": f"QUEST  REQUISITION\nPATIENT NAME {fn().upper()}  SEX F  DOB {dob()}\nMED REC NO. {s.mrn()}   ROOM 4B\nICD DIAGNOSIS CODES: {s.icd()} , {s.icd()}\nTESTS: 322000 CMP  496 HBA1C\nBILL: INSURANCE  SUBSCRIBER # {s.hin('sub')}", "confidence": 0.91}


@P("lab-requisition-ocr")
def _(s):
    return {"ocr_text": f"Requisition / Anforderung\nPat.: {fn()}\n{s.mrn('d9')}  <- MRN (label printed below barcode)\nDiagnose: {s.icd()}", "confidence": 0.84}


@N("lab-requisition-ocr")
def _(s):
    return {"ocr_text": f"SPECIMEN LABEL\nACCESSION # {rd(2,'2')}-{ra(2, string.ascii_uppercase)}-{rd(7)}\nCOLLECTED {ts(' ','')}\nTUBE: LAV 4 mL  LOT {ra(6, string.ascii_uppercase + string.digits)}\nORDERING NPI {npi()}", "confidence": 0.88}


@N("lab-requisition-ocr")
def _(s):
    return {"ocr_text": "TEST MENU\nB12 / Folate ........ 7065\nVitamin D, 25-OH .... 17306\nTSH ................. 899\nLipid panel ......... 7600\nCodes are vendor test codes, not diagnoses.", "confidence": 0.95}


# ---- patient-portal-message
@P("patient-portal-message")
def _(s):
    return {"thread_id": uuid4(), "from": "patient", "subject": "Refill question", "body": f"Hi Dr. Abernethy, my chart number is {s.mrn()} (MRN on my after-visit summary). "
            f"Can you refill my metformin? You can call me at {s.phone()}. Thanks!"}


@P("patient-portal-message")
def _(s):
    return {"thread_id": uuid4(), "from": "care_team", "body": f"Your visit on 11/12 was coded as {s.icd()} (follow-up) and {s.icd()}. Your insurance on file is member # {s.hin('member')}."}


@N("patient-portal-message")
def _(s):
    return {"thread_id": uuid4(), "from": "system", "body": "You have a new message from your care team. For your security we never include your medical record number or diagnosis in email. Log in to read it."}


@N("patient-portal-message")
def _(s):
    return {"thread_id": uuid4(), "from": "patient", "body": "The parking garage level B2 was full again, and the elevator at gate C12 is broken. Could the clinic post signs?"}


# ---- telehealth-chat
@P("telehealth-chat")
def _(s):
    return {"session": ra(10), "messages": [{"role": "patient", "t": ts(), "text": "my insurance ID is " + s.hin('member') + ", it's BCBS"},
                                             {"role": "clinician", "t": ts(), "text": "Thanks. I'm adding " + s.icd() + " to today's note."}]}


@P("telehealth-chat")
def _(s):
    return {"session": ra(10), "messages": [{"role": "patient", "text": "Medicare number " + s.hin('mbi_dash')}, {"role": "intake_bot", "text": "Got it. What's the best callback number?"}, {"role": "patient", "text": s.phone('us')}]}


@N("telehealth-chat")
def _(s):
    return {"session": ra(10), "messages": [{"role": "intake_bot", "text": "Please have your insurance card ready. We'll ask for the member ID printed on the front (not the group number)."}, {"role": "patient", "text": "ok one sec"}]}


# ---- clinical-trial-crf
@P("clinical-trial-crf")
def _(s):
    return {"study": "FAB-204", "form": "AE", "site": "017", "subject": f"017-{rd(4)}", "items": {"AETERM": "migraine", "AEDECOD_ICD10": s.icd(), "AESER": "N"}}


@P("clinical-trial-crf")
def _(s):
    return {"study": "FAB-204", "form": "SCREENING", "items": {"SITE_MRN": s.mrn(), "CONMED": "lisinopril", "MHTERM_CODE": s.icd(), "MHSTDTC": "2019"}}


@N("clinical-trial-crf")
def _(s):
    return {"study": "FAB-204", "form": "VS", "subject": f"017-{rd(4)}", "visit": "C1D15", "items": {"SYSBP": R.randint(100, 150), "DIABP": R.randint(60, 95), "LOT": f"L{rd(6)}", "KIT_NO": nid(9)}}


@N("clinical-trial-crf")
def _(s):
    return {"study": "FAB-204", "form": "RANDOMIZATION", "items": {"RANDNO": f"R{rd(5)}", "ARM": "B", "STRATUM": "STR-2", "PROTOCOL_VERSION": "v4.2"}, "note": "stratum labels come from the IWRS"}


# ---- openemr-export (patient_data dump, tab separated with header row)
@P("openemr-export")
def _(s):
    hdr = "pid\tfname\tlname\tDOB\tss\tphone_cell\temail\tsex"
    rows = [f"{R.randint(1,5000)}\t{name()[0]}\t{name()[1]}\t{dob()}\t{s.ssn()}\t{s.phone('us2')}\t{s.email()}\t{R.choice('FM')}" for _ in range(2)]
    return {"table": "patient_data", "tsv": hdr + "\n" + "\n".join(rows)}


@P("openemr-export")
def _(s):
    return {"table": "insurance_data", "rows": [["id", "type", "provider", "policy_number", "group_number", "subscriber_relationship"],
                                                [R.randint(1, 900), "primary", "United", s.hin('member'), rd(6), "self"],
                                                [R.randint(1, 900), "secondary", "Medicare", s.hin('mbi'), "", "self"]]}


@P("openemr-export")
def _(s):
    return {"table": "lists", "rows": [["id", "pid", "type", "title", "diagnosis"], [R.randint(1, 900), R.randint(1, 900), "medical_problem", "Problem list entry", "ICD10:" + s.icd()]]}


@N("openemr-export")
def _(s):
    return {"table": "users", "rows": [["id", "username", "password", "npi", "federaltaxid"], [R.randint(1, 90), "dr_hallworth", "NoLongerUsed", npi(), f"{rd(2,'123456789')}-{rd(7)}"]],
            "note": "users.password column is deprecated; value is the literal placeholder 'NoLongerUsed'"}


@N("openemr-export")
def _(s):
    return {"table": "prescriptions", "rows": [["id", "patient_id", "drug", "ndc_number", "quantity", "refills"], [R.randint(1, 900), R.randint(1, 900), "Atorvastatin 20mg", ndc(), 90, 3]]}


# ---- epic-report-text (EHR report print)
@P("epic-report-text")
def _(s):
    return {"report": f"{fn().upper()}                    MRN: {s.mrn()}\nDOB: {dob()}   CSN: {nid(10)}   Adm: 11/{R.randint(1,28)}/2026\nProblem List\n  - {s.icd()}  active\n  - {s.icd()}  active\nPCP: Dr. Wystan   Phone: {s.phone('us')}"}


@P("epic-report-text")
def _(s):
    return {"report": f"Patient Name: {fn()}        Hospital Account: {nid(9)}\n{s.mrn('E')}  MRN\nCoverage: MEDICAID  ID {s.hin('cin')}"}


@N("epic-report-text")
def _(s):
    return {"report": f"Encounter summary  CSN: {nid(10)}  HAR: {nid(9)}\nAccession: {rd(2,'2')}L-{rd(3)}-{rd(5)}\nOrdering provider NPI: {npi()}\nNo diagnoses recorded for this encounter."}


# ---- eligibility-fixed-width (payer roster file, fixed columns, header line)
@P("eligibility-fixed-width")
def _(s):
    hdr = "SUBSCRIBER_ID  LAST_NAME       FIRST_NAME  DOB       GROUP   SSN"
    rows = []
    for _ in range(3):
        f, l = name()
        rows.append(f"{s.hin('member'):<15}{l[:15]:<16}{f[:11]:<12}{dob().replace('-',''):<10}{rd(6):<8}{s.ssn('')}")
    return {"file": "ELIG_20261101.TXT", "content": hdr + "\n" + "\n".join(rows)}


@N("eligibility-fixed-width")
def _(s):
    hdr = "RECTYPE GROUP   PLANCODE EFFDATE  TERMDATE COUNT"
    rows = [f"GRP     {rd(6):<8}{ra(4, string.ascii_uppercase):<9}20260101 20261231 {R.randint(10,900):05d}" for _ in range(3)]
    return {"file": "GROUPS_20261101.TXT", "content": hdr + "\n" + "\n".join(rows)}


# ---- refill-request-email (pharmacy to prescriber, plain text)
@P("refill-request-email")
def _(s):
    return {"subject": "Refill request", "from": s.email(role="refills", domain="fourthcoffee.co"), "text": f"Patient {fn()} (DOB {dob()}) requests refill of lisinopril 10 mg.\nDx: {s.icd()}\nPlan member no. {s.hin('member')}  BIN 003858 PCN A4\nPlease call {s.phone('us2')} with questions."}


@N("refill-request-email")
def _(s):
    return {"subject": "Refill request", "text": f"Rx #{nid(7)} for the patient at the address on file is ready for review. NDC {ndc()}. BIN 610020, PCN 9999, group RX{rd(4)}. Reply via the secure portal."}


# ---- census-tsv (hospital unit census, header row far from cells)
@P("census-tsv")
def _(s):
    hdr = "Unit\tBed\tPatient\tAge\tAttending\tAdmit Dx\tLOS\tMRN"
    rows = [f"4W\t{R.randint(1,30):02d}\t{fn()}\t{R.randint(20,95)}\tWystan\t{s.icd()}\t{R.randint(1,9)}\t{s.mrn()}" for _ in range(3)]
    return {"tsv": hdr + "\n" + "\n".join(rows)}


@N("census-tsv")
def _(s):
    hdr = "Unit\tBeds\tOccupied\tPending\tRN on shift\tCharge phone ext"
    rows = [f"{u}\t{R.randint(20,40)}\t{R.randint(10,30)}\t{R.randint(0,5)}\t{R.randint(3,9)}\tx{rd(4)}" for u in ["4W", "5E", "ICU"]]
    return {"tsv": hdr + "\n" + "\n".join(rows)}


# ---- stripe-cli output
@P("stripe-cli")
def _(s):
    return {"stdout": f"$ stripe login --api-key {s.apikey('stripe')}\n> Done! The Stripe CLI is configured for Fabrikam with account id acct_{ra(16)}\n"}


@P("stripe-cli")
def _(s):
    return {"stdout": f"$ stripe payment_methods create --type=card -d \"card[number]={s.card('plain', published=True)}\" -d \"card[exp_month]=12\" -d \"card[exp_year]=2029\" -d \"card[cvc]={s.cvv(3)}\"\n{{\n  \"id\": \"pm_{ra(24)}\",\n  \"object\": \"payment_method\"\n}}"}


@N("stripe-cli")
def _(s):
    return {"stdout": f"$ stripe trigger payment_intent.succeeded\nSetting up fixture for: payment_intent\nRunning fixture for: payment_intent\nTrigger succeeded! Check dashboard for event details.\n  evt_{ra(24)}  pi_{ra(24)}  ch_{ra(24)}"}


@N("stripe-cli")
def _(s):
    return {"stdout": f"$ stripe config --list\ntest_mode_api_key = \"sk_test_{'*' * 20}{ra(4)}\"\nlive_mode_api_key = \"\"\ndevice_name = \"ops-laptop\"\ndisplay_name = \"Fabrikam (test)\""}


# ---- adyen-notification
@P("adyen-notification")
def _(s):
    return {"live": "true", "notificationItems": [{"NotificationRequestItem": {"eventCode": "AUTHORISATION", "success": "false", "merchantAccountCode": "FabrikamECOM", "pspReference": ra(16, string.ascii_uppercase + string.digits),
            "additionalData": {"cardHolderName": fn(), "shopperEmail": s.email(), "cardNumber_debug": s.card(), "cardSummary": rd(4)}, "amount": {"value": R.randint(100, 90000), "currency": "EUR"}}}]}


@N("adyen-notification")
def _(s):
    return {"live": "true", "notificationItems": [{"NotificationRequestItem": {"eventCode": "AUTHORISATION", "success": "true", "pspReference": ra(16, string.ascii_uppercase + string.digits),
            "additionalData": {"cardSummary": rd(4), "cardBin": rd(6, "45"), "expiryDate": "03/2030", "cvcResult": "1 Matches", "hmacSignature": ra(43) + "="}, "merchantReference": f"ORD-{nid(10)}"}}]}


# ---- braintree-webhook (parsed)
@P("braintree-webhook")
def _(s):
    return {"kind": "subscription_charged_unsuccessfully", "subject": {"transaction": {"id": ra(8, string.ascii_lowercase + string.digits), "credit_card": {"bin": "411111", "last_4": "1111", "number_unmasked_for_debug": s.card('plain')},
            "customer": {"email": s.email(), "phone": s.phone('us3')}}}}


@N("braintree-webhook")
def _(s):
    return {"kind": "check", "bt_signature": f"{ra(16, string.ascii_lowercase + string.digits)}|{hexs(40)}", "bt_payload": base64.b64encode(b"<notification><kind>check</kind><subject><check type='boolean'>true</check></subject></notification>").decode()}


# ---- paypal-ipn (form-encoded)
@P("paypal-ipn")
def _(s):
    q = urllib.parse.urlencode({"mc_gross": "19.95", "payer_email": s.email(), "payer_id": ra(13, string.ascii_uppercase + string.digits), "contact_phone": s.phone('us2'), "txn_id": ra(17, string.ascii_uppercase + string.digits), "payment_status": "Completed"})
    return {"raw_body": q}


@N("paypal-ipn")
def _(s):
    q = urllib.parse.urlencode({"mc_gross": "49.00", "payer_id": ra(13, string.ascii_uppercase + string.digits), "txn_id": ra(17, string.ascii_uppercase + string.digits), "invoice": nid(16), "verify_sign": ra(56), "ipn_track_id": hexs(13)})
    return {"raw_body": q}


# ---- quickbooks-iif (tab separated, !HDR rows)
@P("quickbooks-iif")
def _(s):
    return {"iif": f"!EMP\tNAME\tADDR1\tSSNO\tPHONE1\tEMAIL\nEMP\t{fn()}\t12 Harbor Rd\t{s.ssn()}\t{s.phone('us')}\t{s.email()}\n"}


@P("quickbooks-iif")
def _(s):
    return {"iif": f"!VEND\tNAME\tTAXID\tACCNUM\tNOTE\nVEND\tHallworth Consulting\t{s.ssn()}\t{nid(8)}\tsole proprietor, 1099 uses SSN\n"}


@N("quickbooks-iif")
def _(s):
    return {"iif": f"!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tAMOUNT\tDOCNUM\nTRNS\t{R.randint(100,999)}\tINVOICE\t11/12/2026\tAccounts Receivable\t{R.randint(100,9000)}.00\t{nid(9)}\n!ENDTRNS\n"}


@N("quickbooks-iif")
def _(s):
    return {"iif": f"!VEND\tNAME\tTAXID\tNOTE\nVEND\tNorthwind Traders LLC\t{rd(2,'123456789')}-{rd(7)}\tEIN on W-9\nVEND\tWoodgrove Supply\t{rd(2,'123456789')}-{rd(7)}\tEIN\n"}


# ---- xero-export (contacts CSV)
@P("xero-export")
def _(s):
    return {"csv": "*ContactName,EmailAddress,POAddressLine1,PhoneNumber,MobileNumber,BankAccountName,BankAccountNumber\n"
            f"{fn()},{s.email()},PO Box {R.randint(10,999)},{s.phone('au')},{s.phone('uk')},Cheque,{rd(6,'0')}-{rd(8)}"}


@N("xero-export")
def _(s):
    return {"csv": "*InvoiceNumber,*InvoiceDate,*DueDate,Reference,*Quantity,*UnitAmount,*AccountCode,TaxType\n" +
            "\n".join(f"INV-{rd(5)},2026-11-{R.randint(10,28)},2026-12-{R.randint(10,28)},PO {nid(10)},{R.randint(1,9)},{R.randint(10,500)}.00,200,OUTPUT2" for _ in range(3))}


# ---- bank-statement-csv
@P("bank-statement-csv")
def _(s):
    return {"csv": "Date,Description,Debit,Credit,Balance\n" + f"2026-11-0{R.randint(1,9)},CARD PURCHASE {s.card('plain')} FOURTH COFFEE,4.75,,1022.19\n2026-11-1{R.randint(0,9)},DIRECT DEP PAYROLL,,2210.00,3232.19"}


@N("bank-statement-csv")
def _(s):
    return {"csv": "Date,Description,Amount,Reference\n" + "\n".join(f"2026-11-{R.randint(10,28)},{d},{R.randint(-900,900)}.{rd(2)},{r}" for d, r in [
        ("ACH DEBIT WINGTIP UTIL", aba()), ("POS 4421 NORTHWIND", "XXXXXXXXXXXX" + rd(4)), ("WIRE IN GB29NWBK60161331926819", nid(16)), ("CHECK 1043", nid(9))])}


# ---- loan-application (LOS JSON)
@P("loan-application")
def _(s):
    return {"loanNumber": nid(10), "borrower": {"firstName": name()[0], "lastName": name()[1], "taxpayerIdentifier": {"type": "SSN", "value": s.ssn()}, "homePhone": s.phone('us'), "emailAddress": s.email()},
            "employment": {"employerName": "Litware Inc", "monthlyIncome": R.randint(3000, 15000)}}


@P("loan-application")
def _(s):
    return {"loanNumber": nid(10), "coBorrower": {"ssn": s.ssn(''), "dateOfBirth": dob()}, "assets": [{"type": "checking", "routingNumber": aba(), "accountNumber": nid(11)}]}


@N("loan-application")
def _(s):
    return {"loanNumber": nid(10), "propertyZip": f"{rd(5,'123456789')}-{rd(4)}", "parcelNumber": f"{rd(3)}-{rd(3)}-{rd(3)}", "lenderNmlsId": rd(6), "borrower": {"ssn": "XXX-XX-" + rd(4), "creditScore": R.randint(600, 820)}}


@N("loan-application")
def _(s):
    return {"loanNumber": nid(10), "fields": [{"name": "borrower.ssn", "label": "Social Security Number", "required": True, "mask": "###-##-####"}, {"name": "borrower.password", "type": "password", "minLength": 10}]}


# ---- form-1099-ocr
@P("form-1099-ocr")
def _(s):
    return {"pages": [{"text": f"Form 1099-NEC  2026\nPAYER'S TIN {rd(2,'123456789')}-{rd(7)}\nRECIPIENT'S TIN\n{s.ssn()}\nRECIPIENT'S name {fn()}\n1 Nonemployee compensation $ {R.randint(600,40000)}.00\nAccount number (see instructions) {nid(8)}"}]}


@P("form-1099-ocr")
def _(s):
    return {"pages": [{"text": f"1099-MISC CORRECTED\nRECIPIENT'S TIN: {s.ssn(' ')}\nPAYER'S telephone no. {s.phone('us2')}"}]}


@N("form-1099-ocr")
def _(s):
    return {"pages": [{"text": f"Form 1099-INT  2026\nPAYER'S TIN {rd(2,'123456789')}-{rd(7)}\nRECIPIENT'S TIN ***-**-{rd(4)}\n1 Interest income $ {R.randint(10,900)}.{rd(2)}\nFATCA filing requirement [ ]\nPayer's RTN {aba()}"}]}


# ---- workday-export (worker report, xlsx converted; header row + rows arrays)
@P("workday-export")
def _(s):
    return {"report": "All_Active_Workers", "header": ["Employee_ID", "Legal_Name", "National_ID_Type", "National_ID", "Primary_Work_Email", "Primary_Home_Phone"],
            "rows": [[nid(6), fn(), "USA-SSN", s.ssn(), s.email(), s.phone()] for _ in range(2)]}


@P("workday-export")
def _(s):
    return {"report": "Benefits_Enrollment", "header": ["Worker", "Plan", "Coverage", "Carrier Member ID", "Dependent"],
            "rows": [[fn(), "Medical PPO", "Employee + Family", s.hin('member'), "Y"], [fn(), "Dental", "Employee", s.hin('sub'), "N"]]}


@N("workday-export")
def _(s):
    return {"report": "Cost_Center_Hierarchy", "header": ["Cost_Center_ID", "Name", "GL_Account", "Manager_Employee_ID"],
            "rows": [[f"CC{rd(5)}", "Claims Ops", rd(9, "3"), nid(6)], [f"CC{rd(5)}", "IT", rd(9, "3"), nid(6)]]}


# ---- ats-resume (parsed resume JSON from an applicant tracking system)
@P("ats-resume")
def _(s):
    return {"candidate": {"name": fn(), "contact": {"email": s.email(), "phone": s.phone('uk')}, "links": ["https://github.com/" + ra(8, string.ascii_lowercase)]},
            "raw_text": "EXPERIENCE\nSenior Data Engineer, Litware (2021-2026)\nSKILLS Python, Spark, dbt"}


@N("ats-resume")
def _(s):
    return {"candidate": {"id": uuid4(), "contact": {"email": "[hidden by candidate]", "phone": "[hidden]"}}, "raw_text": "SKILLS\nAWS (IAM, KMS, Secrets Manager), password-less auth (WebAuthn), PCI DSS 4.0, HIPAA, ICD-10 coding tools"}


# ---- gmail-api-json (users.messages.get, format=full)
@P("gmail-api-json")
def _(s):
    body = f"Hi,\n\nTemporary password for the vendor portal: {s.pw()}\nUser: {s.email()}\n".encode()
    return {"id": hexs(16), "threadId": hexs(16), "labelIds": ["INBOX"], "payload": {"headers": [{"name": "From", "value": s.email()}, {"name": "Subject", "value": "Portal access"}],
            "body": {"size": len(body), "data": b64u(body)}}}


@N("gmail-api-json")
def _(s):
    body = b"Your order has shipped. Track it with the link in your account. Order #" + nid(9).encode()
    return {"id": hexs(16), "threadId": hexs(16), "labelIds": ["CATEGORY_UPDATES"], "snippet": "Your order has shipped", "payload": {"mimeType": "text/plain", "body": {"size": len(body), "data": b64u(body)}}, "historyId": nid(8), "internalDate": epoch_ms()}


# ---- outlook-msg-text (msgconvert / text dump of a .msg)
@P("outlook-msg-text")
def _(s):
    return {"text": f"From:\t{fn()} <{s.email()}>\nSent:\tTuesday, November 18, 2026 9:02 AM\nTo:\tPayroll <{s.email(role='payroll')}>\nSubject:\tDirect deposit change\n\nMy SSN is {s.ssn()} and my new routing number is {aba()}. Cell {s.phone('us')}."}


@N("outlook-msg-text")
def _(s):
    return {"text": "From:\tIT Service Desk\nSent:\tMonday, November 17, 2026 4:40 PM\nSubject:\tPassword expiry notice\n\nYour password expires in 3 days. To change it press Ctrl+Alt+Del and choose Change a password. IT will never ask for your password by email."}


# ---- zapier-payload
@P("zapier-payload")
def _(s):
    return {"zap_id": rd(9), "step": "webhook_catch_hook", "data": {"contact__email": s.email(), "contact__phone": s.phone('us3'), "card__number": s.card(), "card__cvc": s.cvv()}}


@N("zapier-payload")
def _(s):
    return {"zap_id": rd(9), "step": "formatter_by_zapier", "data": {"input": "{{118765432__order_id}}", "transform": "number", "output": nid(10), "auth_id": "{{auth.api_key}}"}}


# ---- n8n-workflow (export with inlined credentials)
@P("n8n-workflow")
def _(s):
    return {"name": "Sync CRM", "nodes": [{"type": "n8n-nodes-base.httpRequest", "parameters": {"url": "https://api.hubapi.example/crm/v3/objects/contacts", "headerParameters": {"parameters": [{"name": "Authorization", "value": "Bearer " + s.apikey('hex')}]}}},
            {"type": "n8n-nodes-base.postgres", "credentials": {"postgres": {"host": "10.1.2.3", "user": "n8n", "password": s.pw()}}}]}


@N("n8n-workflow")
def _(s):
    return {"name": "Nightly report", "nodes": [{"type": "n8n-nodes-base.httpRequest", "parameters": {"url": "https://api.example.org/v1/report", "headerParameters": {"parameters": [{"name": "X-API-Key", "value": "={{ $credentials.apiKey }}"}]}}, "credentials": {"httpHeaderAuth": {"id": rd(2), "name": "Report API"}}}]}


# ---- pulumi-config (Pulumi.<stack>.yaml)
@P("pulumi-config")
def _(s):
    return {"file": "Pulumi.prod.yaml", "content": f"config:\n  aws:region: us-east-1\n  app:dbPassword: {s.pw()}\n  app:datadogApiKey: {s.apikey('dd')}\n"}


@N("pulumi-config")
def _(s):
    return {"file": "Pulumi.prod.yaml", "content": f"encryptionsalt: v1:{ra(12)}=:v1:{ra(16)}:{ra(32)}==\nconfig:\n  app:dbPassword:\n    secure: v1:{ra(16)}:{ra(48)}==\n  aws:region: us-east-1\n"}


# ---- serverless-yml
@P("serverless-yml")
def _(s):
    return {"file": "serverless.yml", "content": f"service: intake-api\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  environment:\n    SLACK_BOT_TOKEN: {s.apikey('slack')}\n    AWS_KEY_ID: {s.akid()}\n"}


@N("serverless-yml")
def _(s):
    return {"file": "serverless.yml", "content": "service: intake-api\nprovider:\n  name: aws\n  environment:\n    SLACK_BOT_TOKEN: ${ssm:/intake/slack-token}\n    DB_PASSWORD: ${env:DB_PASSWORD}\n    STAGE: ${sls:stage}\nfunctions:\n  ingest:\n    handler: src/ingest.handler\n    memorySize: 1024\n"}


# ---- nomad-job (HCL)
@P("nomad-job")
def _(s):
    return {"file": "billing.nomad.hcl", "content": f"job \"billing\" {{\n  group \"api\" {{\n    task \"server\" {{\n      driver = \"docker\"\n      env {{\n        STRIPE_SECRET_KEY = \"{s.apikey('stripe')}\"\n        PGPASSWORD        = \"{s.pw()}\"\n      }}\n    }}\n  }}\n}}\n"}


@N("nomad-job")
def _(s):
    return {"file": "billing.nomad.hcl", "content": "job \"billing\" {\n  group \"api\" {\n    task \"server\" {\n      template {\n        data = <<EOH\nSTRIPE_SECRET_KEY={{ with secret \"kv/data/billing\" }}{{ .Data.data.stripe }}{{ end }}\nEOH\n        destination = \"secrets/env\"\n        env = true\n      }\n    }\n  }\n}\n"}


# ---- consul-kv (consul kv export)
@P("consul-kv")
def _(s):
    return {"export": [{"key": "services/ledger/db/password", "flags": 0, "value": base64.b64encode(s.pw().encode()).decode()},
                       {"key": "services/ledger/aws/access_key_id", "flags": 0, "value": base64.b64encode(s.akid().encode()).decode()}]}


@N("consul-kv")
def _(s):
    return {"export": [{"key": "services/ledger/version", "flags": 0, "value": base64.b64encode(b"2.14.3").decode()}, {"key": "services/ledger/feature/password_reset", "flags": 0, "value": base64.b64encode(b"enabled").decode()}]}


# ---- vagrantfile
@P("vagrantfile")
def _(s):
    return {"file": "Vagrantfile", "content": f"Vagrant.configure(\"2\") do |config|\n  config.vm.box = \"ubuntu/jammy64\"\n  config.ssh.username = \"deploy\"\n  config.ssh.password = \"{s.pw()}\"\n  config.vm.provision \"shell\", inline: \"echo '{s.pkey('openssh', escaped=True)}' > /home/deploy/.ssh/id_ed25519\"\nend\n"}


@N("vagrantfile")
def _(s):
    return {"file": "Vagrantfile", "content": f"Vagrant.configure(\"2\") do |config|\n  config.vm.box = \"generic/rocky9\"\n  config.vm.network \"private_network\", ip: \"{ip()}\"\n  config.vm.provision \"shell\", inline: \"echo '{ssh_pub()} vagrant' >> ~/.ssh/authorized_keys\"\nend\n"}


# ---- chef-databag
@P("chef-databag")
def _(s):
    return {"id": "mysql", "root_password": s.pw(), "replication": {"user": "repl", "password": s.pw()}}


@N("chef-databag")
def _(s):
    return {"id": "mysql", "root_password": {"encrypted_data": ra(44) + "==\n", "iv": ra(16) + "==\n", "auth_tag": ra(22) + "==\n", "version": 3, "cipher": "aes-256-gcm"}}


# ---- salt-pillar
@P("salt-pillar")
def _(s):
    return {"file": "pillar/web/secrets.sls", "content": f"web:\n  tls:\n    key: |\n      " + s.pkey('ec').replace("\n", "\n      ") + f"\n  github_deploy_token: {s.apikey('ghfine')}\n"}


@N("salt-pillar")
def _(s):
    return {"file": "pillar/web/secrets.sls", "content": "#!yaml|gpg\nweb:\n  db_password: |\n    -----BEGIN PGP MESSAGE-----\n\n    hQEMA" + ra(60) + "\n    " + ra(64) + "\n    =" + ra(4) + "\n    -----END PGP MESSAGE-----\n"}


# ---- nginx-conf
@P("nginx-conf")
def _(s):
    return {"file": "/etc/nginx/conf.d/upstream.conf", "content": f"location /api/ {{\n    proxy_pass https://partner.api.internal;\n    proxy_set_header Authorization \"Bearer {s.jwt('RS256')}\";\n    proxy_set_header X-Api-Key {s.apikey('hex')};\n}}\n"}


@N("nginx-conf")
def _(s):
    return {"file": "/etc/nginx/conf.d/site.conf", "content": f"server {{\n    listen 443 ssl http2;\n    ssl_certificate     /etc/ssl/certs/site.pem;\n    ssl_certificate_key /etc/ssl/private/site.key;\n    auth_basic \"Restricted\";\n    auth_basic_user_file /etc/nginx/.htpasswd;\n    set_real_ip_from {ip()};\n}}\n"}


# ---- haproxy-cfg
@P("haproxy-cfg")
def _(s):
    return {"file": "haproxy.cfg", "content": f"userlist stats_users\n    user admin insecure-password {s.pw()}\nlisten stats\n    bind :8404\n    stats enable\n    stats auth ops:{s.pw()}\n"}


@N("haproxy-cfg")
def _(s):
    return {"file": "haproxy.cfg", "content": f"userlist stats_users\n    user admin password $6$rounds=5000${ra(16)}${ra(86, string.ascii_letters + string.digits + './')}\nbackend app\n    server app1 {ip()}:8080 check\n    server app2 {ip()}:8080 check\n"}


# ---- crontab
@P("crontab")
def _(s):
    return {"user": "deploy", "crontab": f"MAILTO={s.email(role='ops-alerts')}\n*/15 * * * * PGPASSWORD='{s.pw()}' pg_dump -h 10.0.0.5 -U backup ledger | gzip > /backup/ledger.sql.gz\n"}


@P("crontab")
def _(s):
    return {"user": "root", "crontab": f"0 3 * * * AWS_ACCESS_KEY_ID={s.akid()} AWS_SECRET_ACCESS_KEY={s.aws_secret()} aws s3 sync /srv/uploads s3://fab-uploads-backup\n"}


@N("crontab")
def _(s):
    return {"user": "root", "crontab": "# m h dom mon dow command\n0 2 * * * /usr/local/bin/rotate-passwords --dry-run >> /var/log/rotate.log 2>&1\n30 4 * * 0 certbot renew --quiet\n@reboot /opt/agent/start.sh\n"}


# ---- powershell-transcript
@P("powershell-transcript")
def _(s):
    return {"transcript": f"**********************\nWindows PowerShell transcript start\nUsername: CORP\\svc-deploy\n**********************\nPS C:\\deploy> $cred = New-Object PSCredential('CORP\\svc-sql', (ConvertTo-SecureString '{s.pw()}' -AsPlainText -Force))\nPS C:\\deploy> Invoke-Sqlcmd -ServerInstance sql01 -Credential $cred -Query 'SELECT 1'\n"}


@P("powershell-transcript")
def _(s):
    return {"transcript": f"PS C:\\> Get-ADUser -Identity mwystan -Properties * | Select Name,EmailAddress,MobilePhone,employeeNumber\n\nName    EmailAddress                  MobilePhone      employeeNumber\n----    ------------                  -----------      --------------\n{fn()}  {s.email()}  {s.phone('us2')}  {nid(6)}\n"}


@N("powershell-transcript")
def _(s):
    return {"transcript": f"PS C:\\> $pw = Read-Host -AsSecureString 'Password'\nPassword: ************\nPS C:\\> Set-ADAccountPassword -Identity kpaine -NewPassword $pw -Reset\nPS C:\\> Get-FileHash .\\setup.msi\n\nAlgorithm Hash\n--------- ----\nSHA256    {sha256().upper()}\n"}


# ---- registry-export (.reg)
@P("registry-export")
def _(s):
    return {"file": "putty-sessions.reg", "content": f"Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\Vendor\\SyncAgent]\n\"ServerUrl\"=\"https://sync.fabrikam.io\"\n\"ApiToken\"=\"{s.apikey('hex')}\"\n\"ProxyPassword\"=\"{s.pw()}\"\n"}


@N("registry-export")
def _(s):
    return {"file": "policy.reg", "content": f"Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\System]\n\"PasswordComplexity\"=dword:00000001\n\"MinimumPasswordLength\"=dword:0000000e\n\"InstallId\"=\"{{{uuid4().upper()}}}\"\n"}


# ---- macos-plist
@P("macos-plist")
def _(s):
    return {"file": "com.fabrikam.agent.plist", "xml": f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>\n<key>EnrollmentEmail</key><string>{s.email()}</string>\n<key>LicenseKey</key><string>{s.apikey('hex')}</string>\n</dict></plist>"}


@N("macos-plist")
def _(s):
    return {"file": "Info.plist", "xml": f"<plist version=\"1.0\"><dict>\n<key>CFBundleIdentifier</key><string>io.fabrikam.portal</string>\n<key>CFBundleShortVersionString</key><string>5.{R.randint(0,9)}.{R.randint(0,20)}</string>\n<key>CFBundleVersion</key><string>{epoch_ms()}</string>\n<key>NSFaceIDUsageDescription</key><string>Use Face ID instead of your password.</string>\n</dict></plist>"}


# ---- android-shared-prefs
@P("android-shared-prefs")
def _(s):
    return {"path": "/data/data/io.fabrikam.health/shared_prefs/session.xml", "xml": f"<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n    <string name=\"access_token\">{s.jwt()}</string>\n    <string name=\"patient_mrn\">{s.mrn()}</string>\n    <long name=\"expires_at\" value=\"{epoch_ms()}\" />\n</map>"}


@N("android-shared-prefs")
def _(s):
    return {"path": "/data/data/io.fabrikam.health/shared_prefs/settings.xml", "xml": f"<map>\n    <boolean name=\"remember_password\" value=\"false\" />\n    <string name=\"device_id\">{uuid4()}</string>\n    <int name=\"schema_version\" value=\"{R.randint(10,40)}\" />\n    <string name=\"last_sync\">{epoch_ms()}</string>\n</map>"}


# ---- ios-crash-log (.ips)
@P("ios-crash-log")
def _(s):
    return {"ips": "{\"app_name\":\"Portal\",\"bundleID\":\"io.fabrikam.portal\",\"os_version\":\"iPhone OS 18.1 (22B83)\"}\n" +
            json.dumps({"exception": {"type": "EXC_CRASH", "signal": "SIGABRT"}, "asi": {"libsystem_c.dylib": [f"Fatal error: Unexpectedly found nil while unwrapping: LoginViewModel(email: \"{s.email()}\", password: \"{s.pw()}\")"]}})}


@N("ios-crash-log")
def _(s):
    return {"ips": "{\"app_name\":\"Portal\",\"incident_id\":\"" + uuid4().upper() + "\"}\n" + json.dumps({"exception": {"type": "EXC_BAD_ACCESS", "codes": "0x0000000000000001, 0x00000001" + hexs(8)},
            "usedImages": [{"uuid": uuid4(), "base": int(rd(11, "4")), "name": "Portal"}], "threads": [{"frames": [{"imageOffset": R.randint(1000, 900000), "symbol": "-[PasswordField textDidChange:]"}]}]})}


# ---- r-console
@P("r-console")
def _(s):
    rows = "\n".join(f"{i}  {fn():<26} {s.mrn():>12}  {s.icd():>8}  {R.randint(20,90)}" for i in range(1, 4))
    return {"console": f"> head(cohort, 3)\n   name                         mrn     dx_code  age\n{rows}\n> nrow(cohort)\n[1] 4812"}


@N("r-console")
def _(s):
    return {"console": f"> set.seed({rd(8)})\n> summary(lm(y ~ x, data = df))$coefficients\n             Estimate Std. Error  t value     Pr(>|t|)\n(Intercept) 1.2049817 0.04128822 29.18455 1.392715e-98\nx           0.4410236 0.01203387 36.64867 3.107456e-132\n> sessionInfo()$R.version$version.string\n[1] \"R version 4.4.2 (2024-10-31)\""}


# ---- stata-log
@P("stata-log")
def _(s):
    return {"log": f". list id ssn phone in 1/2\n\n     +----------------------------------+\n     |  id           ssn          phone |\n     |----------------------------------|\n  1. | 101   {s.ssn()}   {s.phone('us2')} |\n  2. | 102   {s.ssn()}   {s.phone('us2')} |\n     +----------------------------------+"}


@N("stata-log")
def _(s):
    return {"log": f". tabulate region\n\n     region |      Freq.     Percent        Cum.\n------------+-----------------------------------\n         E1 |      1,204       31.10       31.10\n         F3 |      2,667       68.90      100.00\n------------+-----------------------------------\n      Total |      3,871      100.00\n. di c(stata_version)\n18.5"}


# ---- sas-log
@P("sas-log")
def _(s):
    return {"log": f"1    data work.claims;\n2      set raw.claims(where=(member_id='{s.hin('member')}'));\n3      if dx1 in ('{s.icd(nodot=True)}','{s.icd(nodot=True)}') then flag=1;\n4    run;\nNOTE: There were 12 observations read from the data set RAW.CLAIMS."}


@P("sas-log")
def _(s):
    return {"log": f"5    libname edw odbc dsn=EDW user=sasetl password=\"{s.pw()}\" schema=claims;\nNOTE: Libref EDW was successfully assigned as follows:\n      Engine:        ODBC"}


@N("sas-log")
def _(s):
    return {"log": "5    libname edw odbc dsn=EDW user=sasetl password=XXXXXXXX schema=claims;\nNOTE: Libref EDW was successfully assigned as follows:\n6    proc freq data=edw.claims; tables dx_category; run;\nNOTE: The PROCEDURE FREQ printed page 1.\nNOTE: PROCEDURE FREQ used (Total process time): real time 0.41 seconds"}


# ---- excel-formula-dump (cell address -> value/formula)
@P("excel-formula-dump")
def _(s):
    return {"sheet": "Roster", "cells": {"A1": "Name", "B1": "SSN", "C1": "Dept", "D1": "Start", "A2": fn(), "B2": s.ssn(), "C2": "Claims", "D2": "=DATE(2026,3,2)",
            "A3": fn(), "B3": s.ssn(), "C3": "IT", "D3": "=DATE(2025,7,14)"}}


@P("excel-formula-dump")
def _(s):
    return {"sheet": "Cards", "cells": {"A1": "Holder", "B1": "PAN", "C1": "CVV2", "D1": "Exp", "A2": fn(), "B2": s.card('plain'), "C2": s.cvv(3), "D2": "=TEXT(\"2029-04-30\",\"mm/yy\")"}}


@N("excel-formula-dump")
def _(s):
    return {"sheet": "Budget", "cells": {"E11": "=SUM(E2:E10)", "F32": "=VLOOKUP(A32,Rates!A:B,2,FALSE)", "J45": "=J44*1.05", "A1": "GL", "B1": rd(9, "3"), "C1": f"=\"PO-\"&{nid(10)}"}}


@N("excel-formula-dump")
def _(s):
    return {"sheet": "Cards", "cells": {"A1": "Holder", "B1": "Card (masked)", "C1": "CVV2", "A2": fn(), "B2": masked_card(), "C2": "***", "D2": "=LEN(B2)"}}


# ---- yaml-frontmatter (static-site / docs page)
@P("yaml-frontmatter")
def _(s):
    return {"path": "content/team/m-quillfeather.md", "source": f"---\ntitle: \"Marisol Quillfeather\"\nrole: Support lead\nemail: {s.email('Marisol', 'Quillfeather')}\nphone: \"{s.phone('uk')}\"\ndraft: false\n---\nMarisol runs the support rota."}


@P("yaml-frontmatter")
def _(s):
    return {"path": "_posts/2026-11-02-deploy-notes.md", "source": f"---\nlayout: post\ntitle: Deploy notes\nalgolia_admin_key: {s.apikey('hex')}\n---\nDeployed build 2026.11.2."}


@N("yaml-frontmatter")
def _(s):
    return {"path": "docs/auth.md", "source": "---\ntitle: Authentication\nsidebar_position: 3\ntags: [password, api-key, jwt]\n---\nSend your API key in the `X-Api-Key` header: `X-Api-Key: <YOUR_API_KEY>`. Passwords are never returned by the API."}


# ---- asciidoc
@P("asciidoc")
def _(s):
    return {"file": "runbook.adoc", "text": f"= Billing runbook\n:toc:\n\n== Sandbox access\n\n[source,shell]\n----\nexport SENDGRID_API_KEY={s.apikey('sg')}\nmysql -u billing -p'{s.pw()}' -h db.internal\n----\n"}


@N("asciidoc")
def _(s):
    return {"file": "security.adoc", "text": "= Key handling\n\n|===\n|Item |Where\n\n|TLS private key |`/etc/ssl/private` (never in git)\n|API keys |Vault path `kv/billing`\n|Passwords |1Password vault \"Ops\"\n|===\n\nNOTE: `AKIAIOSFODNN7EXAMPLE` below is AWS's documentation key."}


# ---- rst-doc
@P("rst-doc")
def _(s):
    return {"file": "docs/quickstart.rst", "text": f"Quickstart\n==========\n\n.. code-block:: python\n\n   client = Client(api_key=\"{s.apikey('hf')}\")\n   client.login(\"{s.email()}\", \"{s.pw()}\")\n"}


@N("rst-doc")
def _(s):
    return {"file": "docs/config.rst", "text": "Configuration\n=============\n\n.. confval:: password\n\n   :type: ``str``\n   :default: ``None``\n\n   Password for the SMTP relay. Read from ``$SMTP_PASSWORD`` if unset.\n\n.. note:: Test with ``sk_test_4eC39HqLyjWDarjtT1zdp7dc`` (Stripe's docs key)."}


# ---- go-test-fixture
@P("go-test-fixture")
def _(s):
    return {"file": "internal/billing/testdata/charge_declined.golden", "content": f"{{\"request\":{{\"card\":\"{s.card('plain', published=True)}\",\"cvc\":\"{s.cvv(3)}\",\"email\":\"{s.email()}\"}},\"response\":{{\"status\":402}}}}"}


@P("go-test-fixture")
def _(s):
    return {"file": "pkg/tlsutil/tlsutil_test.go", "content": f"var testKey = `{s.pkey('rsa')}`\n\nfunc TestLoadKey(t *testing.T) {{\n\tif _, err := Parse([]byte(testKey)); err != nil {{\n\t\tt.Fatal(err)\n\t}}\n}}\n"}


@N("go-test-fixture")
def _(s):
    return {"file": "pkg/luhn/luhn_test.go", "content": f"var cases = []struct{{ in string; ok bool }}{{\n\t{{\"{bad16()}\", false}},\n\t{{\"{bad16()}\", false}},\n\t{{\"\", false}},\n\t{{\"abcd\", false}},\n}}\n"}


@N("go-test-fixture")
def _(s):
    return {"file": "pkg/tlsutil/testdata/ca.pem", "content": cert_pem() + "\n" + public_key_pem()}


# ---- grpcurl-output
@P("grpcurl-output")
def _(s):
    return {"cmd": "grpcurl -plaintext -d '{\"id\":\"" + uuid4() + "\"}' localhost:50051 members.v1.Members/Get", "stdout": json.dumps({"member": {"fullName": fn(), "subscriberId": s.hin('sub'), "phoneNumber": s.phone(), "planCode": "PPO-500"}}, indent=2)}


@N("grpcurl-output")
def _(s):
    return {"cmd": "grpcurl -plaintext localhost:50051 describe members.v1.Member", "stdout": "members.v1.Member is a message:\nmessage Member {\n  string full_name = 1;\n  string subscriber_id = 2;\n  string phone_number = 3;\n  string password = 4 [deprecated = true];\n}"}


# ---- cbor-diag (RFC 8949 diagnostic notation)
@P("cbor-diag")
def _(s):
    return {"diag": f"{{\"v\": 1, \"kid\": h'{hexs(16)}', \"claims\": {{\"email\": \"{s.email()}\", \"tel\": \"{s.phone('e164')}\"}}}}"}


@N("cbor-diag")
def _(s):
    return {"diag": f"[1, h'{hexs(32)}', {{1: 2, 3: -7, -1: 1, -2: h'{hexs(64)}', -3: h'{hexs(64)}'}}]", "note": "COSE_Key (public EC2 key, no d parameter)"}


# ---- irc-log (weechat/irssi style)
@P("irc-log")
def _(s):
    return {"log": f"[09:14:02] <tthornbury> staging db creds pls\n[09:14:40] <mwystan> user app / {s.pw()} (rotate after)\n[09:15:01] <tthornbury> ty"}


@P("irc-log")
def _(s):
    return {"log": f"[22:01:13] <ikowalczyk> oops pasted: {s.apikey('glpat')}\n[22:01:20] <ikowalczyk> revoking now"}


@N("irc-log")
def _(s):
    return {"log": f"[11:02:09] -NickServ- This nickname is registered. Please choose a different nickname, or identify via /msg NickServ identify <password>.\n[11:02:15] * Now talking on #fabrikam-dev\n[11:03:00] <ofsonder> build {sha1()[:10]} is green"}


# ---- matrix-event
@P("matrix-event")
def _(s):
    return {"type": "m.room.message", "room_id": "!" + ra(18) + ":matrix.fabrikam.io", "sender": "@tobias:matrix.fabrikam.io", "content": {"msgtype": "m.text", "body": f"card for the conference booking: {s.card('space')} exp 08/28 cvc {s.cvv(3)}"}}


@N("matrix-event")
def _(s):
    return {"type": "m.room.encrypted", "room_id": "!" + ra(18) + ":matrix.fabrikam.io", "sender": "@priya:matrix.fabrikam.io", "content": {"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": ra(180, string.ascii_letters + string.digits + "+/"), "session_id": ra(43), "device_id": ra(10, string.ascii_uppercase)}}


# ---- mattermost-export (bulk export JSONL line)
@P("mattermost-export")
def _(s):
    return {"type": "post", "post": {"team": "ops", "channel": "oncall", "user": "rravensworth", "message": f"AWS key for the batch box: {s.akid()} / {s.aws_secret()}", "create_at": int(epoch_ms())}}


@P("mattermost-export")
def _(s):
    return {"type": "direct_post", "direct_post": {"channel_members": ["hr-bot", "zkowalczyk"], "user": "zkowalczyk", "message": f"for the background check: SSN {s.ssn()}, DOB {dob()}", "create_at": int(epoch_ms())}}


@N("mattermost-export")
def _(s):
    return {"type": "user", "user": {"username": "svc-ci", "auth_service": "gitlab", "password": "", "roles": "system_user", "locale": "en", "notify_props": {"email": "false"}}}


# ---- xmpp-stanza
@P("xmpp-stanza")
def _(s):
    return {"xml": f"<message from='{s.email(role='nurse4w', domain='chat.contoso-clinic.org')}/desk' to='{s.email(role='pharmacy', domain='chat.contoso-clinic.org')}' type='chat'><body>Bed 12 pt MRN {s.mrn()} needs insulin order, dx {s.icd()}</body></message>"}


@N("xmpp-stanza")
def _(s):
    return {"xml": f"<iq type='set' id='auth_{rd(4)}'><query xmlns='jabber:iq:auth'><username>nurse4w</username><digest>{sha1()}</digest><resource>desk</resource></query></iq>"}


# ---- smtp-transcript
@P("smtp-transcript")
def _(s):
    u = s.email()
    p = s.pw()
    plain = base64.b64encode(("\0" + u + "\0" + p).encode()).decode()
    return {"transcript": f"S: 220 mx.wingtipbank.com ESMTP\nC: EHLO app01\nS: 250-AUTH PLAIN LOGIN\nC: AUTH PLAIN {plain}\nS: 235 2.7.0 Authentication successful\nC: MAIL FROM:<{s.email(role='statements', domain='wingtipbank.com')}>"}


@N("smtp-transcript")
def _(s):
    return {"transcript": f"S: 220 mx.wingtipbank.com ESMTP\nC: EHLO app01\nS: 250-STARTTLS\nC: STARTTLS\nS: 220 2.0.0 Ready to start TLS\nC: QUIT\nS: 221 2.0.0 Bye\n[queue id {ra(10, string.ascii_uppercase + string.digits)}]"}


# ---- imap-transcript
@P("imap-transcript")
def _(s):
    return {"transcript": f"* OK IMAP4rev1 ready\na001 LOGIN {s.email()} \"{s.pw()}\"\na001 OK LOGIN completed\na002 SELECT INBOX\n* {R.randint(10,900)} EXISTS"}


@N("imap-transcript")
def _(s):
    return {"transcript": f"* OK IMAP4rev1 ready\na001 AUTHENTICATE XOAUTH2 [redacted]\na001 OK\na002 UID FETCH {R.randint(1000,9000)} (FLAGS RFC822.SIZE)\n* 12 FETCH (UID {R.randint(1000,9000)} RFC822.SIZE {R.randint(1000,90000)} FLAGS (\\Seen))"}


# ---- ftp-log (vsftpd / xferlog)
@P("ftp-log")
def _(s):
    return {"log": f"Tue Nov 18 02:10:11 2026 [pid 2211] FTP command: Client \"{pubip()}\", \"USER edi_upload\"\nTue Nov 18 02:10:11 2026 [pid 2211] [edi_upload] FTP command: Client \"{pubip()}\", \"PASS {s.pw()}\"\nTue Nov 18 02:10:12 2026 [pid 2210] [edi_upload] OK LOGIN"}


@N("ftp-log")
def _(s):
    return {"log": f"Tue Nov 18 02:10:11 2026 1 {pubip()} {R.randint(1000,900000)} /outbound/remit_{nid(9)}.835 b _ o r edi_upload ftp 0 * c\nTue Nov 18 02:10:13 2026 [pid 2211] [edi_upload] FTP command: Client \"{pubip()}\", \"PASS <hidden>\""}


# ---- zeek-log (http.log, tab separated with #fields)
@P("zeek-log")
def _(s):
    return {"log": "#separator \\x09\n#fields\tts\tuid\tid.orig_h\tmethod\thost\turi\tusername\tpassword\n" +
            f"{epoch_ms()[:10]}.{rd(6)}\tC{ra(17)}\t{ip()}\tGET\tprinter.lan\t/admin\tadmin\t{s.pw()}"}


@N("zeek-log")
def _(s):
    return {"log": "#separator \\x09\n#fields\tts\tuid\tid.orig_h\tid.resp_h\tproto\tservice\tduration\torig_bytes\n" +
            "\n".join(f"{epoch_ms()[:10]}.{rd(6)}\tC{ra(17)}\t{ip()}\t{pubip()}\ttcp\tssl\t{R.random():.6f}\t{R.randint(100,90000)}" for _ in range(3))}


# ---- suricata-eve
@P("suricata-eve")
def _(s):
    return {"timestamp": ts(), "event_type": "alert", "src_ip": ip(), "dest_ip": pubip(), "alert": {"signature": "ET POLICY Credit Card Number Detected in Clear (Track 2)", "severity": 2},
            "payload_printable": f"POST /checkout HTTP/1.1\r\nHost: shop.internal\r\n\r\ncc={s.card('plain')}&cvv={s.cvv()}&zip=94105"}


@N("suricata-eve")
def _(s):
    return {"timestamp": ts(), "event_type": "tls", "src_ip": ip(), "dest_ip": pubip(), "tls": {"subject": "CN=api.fabrikam.io", "fingerprint": ":".join(hexs(2) for _ in range(20)), "ja3": {"hash": hexs(32)}, "version": "TLS 1.3", "serial": ":".join(hexs(2) for _ in range(16)).upper()}}


# ---- modsecurity-audit
@P("modsecurity-audit")
def _(s):
    return {"audit": f"--{hexs(8)}-A--\n[18/Nov/2026:10:22:01 +0000] {ra(24)} {pubip()} 51234 {ip()} 443\n--{hexs(8)}-C--\nusername={urllib.parse.quote(s.email())}&password={urllib.parse.quote(s.pw())}\n--{hexs(8)}-H--\nMessage: Warning. Pattern match \"(?i:union.*select)\" at ARGS:username. [id \"942100\"]"}


@N("modsecurity-audit")
def _(s):
    return {"audit": f"--{hexs(8)}-A--\n[18/Nov/2026:10:23:44 +0000] {ra(24)} {pubip()} 50111 {ip()} 443\n--{hexs(8)}-B--\nGET /search?q=%27+OR+1%3D1-- HTTP/1.1\n--{hexs(8)}-H--\nMessage: Access denied with code 403. [id \"942100\"] [msg \"SQL Injection Attack Detected via libinjection\"]"}


# ---- splunk-event (HEC payload)
@P("splunk-event")
def _(s):
    return {"time": int(epoch_ms()[:10]), "host": "pos-gw-02", "sourcetype": "pos:txn", "event": {"msg": "auth request", "track2": f";{s.card('plain')}={rd(4,'23')}{rd(3)}{rd(8)}?", "terminal": f"T{rd(5)}"}}


@P("splunk-event")
def _(s):
    return {"time": int(epoch_ms()[:10]), "sourcetype": "ehr:audit", "event": f"user=dr.pemberly action=chart_view patient_mrn={s.mrn()} dx={s.icd()} ws=WS-4W-02"}


@N("splunk-event")
def _(s):
    return {"time": int(epoch_ms()[:10]), "host": "pos-gw-02", "sourcetype": "pos:txn", "event": {"msg": "auth approved", "pan": masked_card(), "auth_code": ra(6, string.ascii_uppercase + string.digits), "stan": rd(6), "rrn": nid(12), "mid": rd(15, "1")}}


@N("splunk-event")
def _(s):
    return {"time": int(epoch_ms()[:10]), "sourcetype": "linux_secure", "event": f"Failed password for invalid user oracle from {pubip()} port {R.randint(1024,65000)} ssh2"}


# ---- grafana-annotation
@P("grafana-annotation")
def _(s):
    return {"dashboardUID": ra(9), "time": int(epoch_ms()), "tags": ["deploy", "hotfix"], "text": f"Rolled back; temp admin login admin/{s.pw()} for the on-call, remove after"}


@N("grafana-annotation")
def _(s):
    return {"dashboardUID": ra(9), "time": int(epoch_ms()), "timeEnd": int(epoch_ms()), "tags": ["deploy"], "text": f"Deploy {sha1()[:12]} v7.{R.randint(0,9)}.{R.randint(0,30)} to eu-west-1 (ticket OPS-{rd(4)})"}


# ---- flyway-migration
@P("flyway-migration")
def _(s):
    return {"file": "db/migration/V42__seed_admin.sql", "sql": f"INSERT INTO app_user (email, phone, password_plain) VALUES ('{s.email()}', '{s.phone('us2')}', '{s.pw()}');\n-- TODO hash these"}


@N("flyway-migration")
def _(s):
    return {"file": "db/migration/V43__password_hash.sql", "sql": f"ALTER TABLE app_user ADD COLUMN password_hash varchar(100) NOT NULL DEFAULT '{bcrypt()}';\nALTER TABLE app_user DROP COLUMN password_plain;\nCOMMENT ON COLUMN app_user.password_hash IS 'bcrypt, cost 12';"}


# ---- liquibase-changelog
@P("liquibase-changelog")
def _(s):
    return {"file": "changelog/042-test-patients.xml", "xml": f"<changeSet id=\"42\" author=\"etl\"><insert tableName=\"patient\"><column name=\"mrn\" value=\"{s.mrn()}\"/><column name=\"medicaid_id\" value=\"{s.hin('cin')}\"/><column name=\"primary_icd10\" value=\"{s.icd()}\"/></insert></changeSet>"}


@N("liquibase-changelog")
def _(s):
    return {"file": "changelog/043-columns.xml", "xml": "<changeSet id=\"43\" author=\"etl\"><addColumn tableName=\"patient\"><column name=\"mrn\" type=\"varchar(20)\"/><column name=\"member_id\" type=\"varchar(32)\"/><column name=\"icd10_primary\" type=\"varchar(8)\"/></addColumn></changeSet>"}


# ---- dbt-model
@P("dbt-model")
def _(s):
    return {"file": "models/staging/stg_claims.sql", "sql": f"select claim_id, member_id, dx_1\nfrom {{{{ source('raw', 'claims') }}}}\nwhere member_id not in ('{s.hin('member')}', '{s.hin('member')}')  -- test members from UAT\n  and dx_1 <> '{s.icd()}'"}


@N("dbt-model")
def _(s):
    return {"file": "models/marts/schema.yml", "yaml": "version: 2\nmodels:\n  - name: dim_member\n    columns:\n      - name: member_id\n        tests: [unique, not_null]\n      - name: ssn\n        meta: {pii: true, masking_policy: mask_ssn}\n      - name: icd10_code\n        tests: [not_null]\n"}


# ---- snowflake-query-history
@P("snowflake-query-history")
def _(s):
    return {"QUERY_ID": uuid4().replace("-", "")[:32], "USER_NAME": "ETL_SVC", "QUERY_TEXT": f"CREATE OR REPLACE STAGE raw_s3 URL='s3://fab-raw/' CREDENTIALS=(AWS_KEY_ID='{s.akid()}' AWS_SECRET_KEY='{s.aws_secret()}')", "EXECUTION_STATUS": "SUCCESS"}


@P("snowflake-query-history")
def _(s):
    return {"QUERY_ID": uuid4().replace("-", "")[:32], "USER_NAME": "ANALYST_7", "QUERY_TEXT": f"SELECT * FROM hr.employees WHERE ssn = '{s.ssn()}'", "ROWS_PRODUCED": 1}


@N("snowflake-query-history")
def _(s):
    return {"QUERY_ID": uuid4().replace("-", "")[:32], "USER_NAME": "ETL_SVC", "QUERY_TEXT": "CREATE OR REPLACE STAGE raw_s3 URL='s3://fab-raw/' STORAGE_INTEGRATION=s3_int", "BYTES_SCANNED": int(rd(11, "1")), "QUERY_HASH": hexs(32)}


# ---- bigquery-job
@P("bigquery-job")
def _(s):
    return {"kind": "bigquery#job", "configuration": {"query": {"query": f"SELECT * FROM `clinic.encounters` WHERE patient_mrn = '{s.mrn()}' AND dx LIKE '{s.icd()[:3]}%'", "useLegacySql": False}}, "status": {"state": "DONE"}}


@N("bigquery-job")
def _(s):
    return {"kind": "bigquery#job", "jobReference": {"projectId": "fab-analytics", "jobId": "bquxjob_" + hexs(8) + "_" + hexs(12)}, "statistics": {"creationTime": epoch_ms(), "totalBytesProcessed": rd(10, "1"), "query": {"cacheHit": False}}}



# ================================================================ second batch: keys, tokens, card codes, label styles
# ---- aws-sso-cache (~/.aws/cli/cache/*.json)
@P("aws-sso-cache")
def _(s):
    return {"ProviderType": "sso", "Credentials": {"AccessKeyId": s.akid(sts=True), "SecretAccessKey": s.aws_secret(), "SessionToken": "IQoJb3JpZ2luX2VjE" + ra(180, string.ascii_letters + string.digits + "+/"), "Expiration": ts()}}


@N("aws-sso-cache")
def _(s):
    return {"startUrl": "https://fabrikam.awsapps.com/start", "region": "us-east-1", "accessToken": "[redacted by support bundle]", "expiresAt": ts(), "clientId": ra(22)}


# ---- botocore-debug
@P("botocore-debug")
def _(s):
    return {"log": f"2026-11-18 10:22:01,113 botocore.auth [DEBUG] Signature:\n{hexs(64)}\n2026-11-18 10:22:01,114 botocore.endpoint [DEBUG] Sending http request: <AWSPreparedRequest method=PUT, url=https://fab-raw.s3.amazonaws.com/x, headers={{'Authorization': b'AWS4-HMAC-SHA256 Credential={s.akid()}/20261118/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature={hexs(64)}'}}>"}


@N("botocore-debug")
def _(s):
    return {"log": f"2026-11-18 10:22:01,101 botocore.credentials [INFO] Found credentials in shared credentials file: ~/.aws/credentials\n2026-11-18 10:22:01,220 botocore.parsers [DEBUG] Response headers: {{'x-amz-request-id': '{ra(16, string.ascii_uppercase + string.digits)}', 'x-amz-id-2': '{ra(76)}', 'ETag': '\"{hexs(32)}\"'}}"}


# ---- rclone-conf
@P("rclone-conf")
def _(s):
    return {"file": "~/.config/rclone/rclone.conf", "content": f"[s3-archive]\ntype = s3\nprovider = AWS\naccess_key_id = {s.akid()}\nsecret_access_key = {s.aws_secret()}\nregion = eu-central-1\n"}


@N("rclone-conf")
def _(s):
    return {"file": "~/.config/rclone/rclone.conf", "content": f"[s3-archive]\ntype = s3\nprovider = AWS\nenv_auth = true\nregion = eu-central-1\n\n[sftp-edi]\ntype = sftp\nhost = {pubip()}\nuser = edi\nkey_file = ~/.ssh/id_edi\n"}


# ---- s3cfg
@P("s3cfg")
def _(s):
    return {"file": "~/.s3cfg", "content": f"[default]\naccess_key = {s.akid()}\nsecret_key = {s.aws_secret()}\nhost_base = s3.amazonaws.com\nuse_https = True\n"}


# ---- packer-hcl
@P("packer-hcl")
def _(s):
    return {"file": "ami.pkr.hcl", "content": f"source \"amazon-ebs\" \"base\" {{\n  access_key    = \"{s.akid()}\"\n  secret_key    = \"{s.aws_secret()}\"\n  region        = \"us-east-1\"\n  ssh_username  = \"ec2-user\"\n}}\n"}


@N("packer-hcl")
def _(s):
    return {"file": "ami.pkr.hcl", "content": "variable \"aws_access_key\" {\n  type      = string\n  sensitive = true\n  default   = env(\"AWS_ACCESS_KEY_ID\")\n}\nsource \"amazon-ebs\" \"base\" {\n  access_key = var.aws_access_key\n  ami_name   = \"base-{{timestamp}}\"\n}\n"}


# ---- cloud-init user-data
@P("cloud-init")
def _(s):
    return {"user_data": f"#cloud-config\nusers:\n  - name: deploy\n    ssh_authorized_keys:\n      - {ssh_pub()} deploy@ci\nwrite_files:\n  - path: /home/deploy/.ssh/id_rsa\n    permissions: '0600'\n    content: |\n      " + s.pkey('rsa').replace("\n", "\n      ") + "\n"}


@P("cloud-init")
def _(s):
    return {"user_data": f"#cloud-config\nchpasswd:\n  list: |\n    root:{s.pw()}\n  expire: false\nruncmd:\n  - [ sh, -c, 'echo ok' ]\n"}


@N("cloud-init")
def _(s):
    return {"user_data": f"#cloud-config\nusers:\n  - name: deploy\n    lock_passwd: true\n    passwd: {'$6$' + ra(16) + '$' + ra(86, string.ascii_letters + string.digits + './')}\n    ssh_authorized_keys:\n      - {ssh_pub()} deploy@ci\n"}


# ---- openssl-output
@P("openssl-output")
def _(s):
    return {"cmd": "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048", "stdout": "..+++++\n.....+++++\n" + s.pkey('pkcs8')}


@P("openssl-output")
def _(s):
    return {"cmd": "openssl ecparam -name prime256v1 -genkey", "stdout": "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + s.pkey('ec')}


@N("openssl-output")
def _(s):
    return {"cmd": "openssl x509 -in site.pem -noout -text | head", "stdout": f"Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number:\n            {':'.join(hexs(2) for _ in range(16))}\n        Signature Algorithm: sha256WithRSAEncryption\n        Issuer: C=US, O=Let's Encrypt, CN=R11\n        Subject: CN=portal.fabrikam.io\n        Subject Public Key Info:\n            Public Key Algorithm: rsaEncryption\n                Public-Key: (2048 bit)"}


@N("openssl-output")
def _(s):
    return {"cmd": "openssl rsa -in key.pem -pubout", "stdout": "writing RSA key\n" + public_key_pem()}


# ---- ssh-keygen-session
@P("ssh-keygen-session")
def _(s):
    return {"session": f"$ ssh-keygen -t ed25519 -N '' -f ./deploy_key\nYour identification has been saved in ./deploy_key\nThe key fingerprint is:\nSHA256:{ra(43)} ops@build\n$ cat deploy_key\n{s.pkey('openssh')}\n"}


@N("ssh-keygen-session")
def _(s):
    return {"session": f"$ ssh-keygen -lf ~/.ssh/id_ed25519.pub\n256 SHA256:{ra(43)} ops@build (ED25519)\n$ cat ~/.ssh/id_ed25519.pub\n{ssh_pub()} ops@build\n"}


# ---- jwks-json (JSON Web Key Set; a private JWK carries d/p/q)
@P("jwks-json")
def _(s):
    s._t("private_key")
    A = string.ascii_letters + string.digits + "-_"
    return {"keys": [{"kty": "RSA", "kid": hexs(16), "use": "sig", "alg": "RS256", "n": ra(342, A), "e": "AQAB", "d": ra(342, A), "p": ra(171, A), "q": ra(171, A), "dp": ra(171, A), "dq": ra(171, A), "qi": ra(171, A)}]}


@N("jwks-json")
def _(s):
    A = string.ascii_letters + string.digits + "-_"
    return {"keys": [{"kty": "RSA", "kid": hexs(16), "use": "sig", "alg": "RS256", "n": ra(342, A), "e": "AQAB"}, {"kty": "EC", "crv": "P-256", "kid": hexs(16), "x": ra(43, A), "y": ra(43, A)}]}


# ---- firebase-admin-init (JS source)
@P("firebase-admin-init")
def _(s):
    return {"file": "functions/src/admin.ts", "source": f"admin.initializeApp({{\n  credential: admin.credential.cert({{\n    projectId: 'clinic-prod',\n    clientEmail: '{s.email(role='firebase-adminsdk-' + ra(5, string.ascii_lowercase), domain='clinic-prod.iam.gserviceaccount.com')}',\n    privateKey: '{s.pkey('pkcs8', escaped=True)}'.replace(/\\\\n/g, '\\n'),\n  }}),\n}});"}


@N("firebase-admin-init")
def _(s):
    return {"file": "web/src/firebase.ts", "source": "const app = initializeApp({\n  apiKey: process.env.NEXT_PUBLIC_FIREBASE_API_KEY,\n  authDomain: 'clinic-prod.firebaseapp.com',\n  projectId: 'clinic-prod',\n  appId: process.env.NEXT_PUBLIC_FIREBASE_APP_ID,\n});"}


# ---- pytest-conftest / rust / java fixtures
@P("pytest-conftest")
def _(s):
    return {"file": "tests/conftest.py", "source": f"@pytest.fixture\ndef signing_key():\n    return b\"\"\"{s.pkey('ec')}\"\"\"\n\n@pytest.fixture\ndef token():\n    return \"{s.jwt('ES256')}\"\n"}


@N("pytest-conftest")
def _(s):
    return {"file": "tests/conftest.py", "source": "@pytest.fixture\ndef settings(monkeypatch):\n    monkeypatch.setenv(\"API_KEY\", \"test-api-key\")\n    monkeypatch.setenv(\"DB_PASSWORD\", \"\")\n    monkeypatch.setenv(\"JWT_SECRET\", \"${JWT_SECRET}\")\n"}


@P("rust-test-fixture")
def _(s):
    return {"file": "src/auth/tests.rs", "source": f"const TEST_KEY: &str = r#\"{s.pkey('pkcs8')}\"#;\n\n#[test]\nfn signs() {{\n    let tok = sign(TEST_KEY, \"svc\").unwrap();\n    assert!(tok.starts_with(\"eyJ\"));\n}}\n"}


@N("rust-test-fixture")
def _(s):
    return {"file": "src/id/tests.rs", "source": f"#[test]\nfn parses_ids() {{\n    assert_eq!(parse(\"{uuid4()}\").is_ok(), true);\n    assert_eq!(checksum(\"{sha256()}\"), {R.randint(0,255)});\n    assert!(luhn(\"{bad16()}\").is_err());\n}}\n"}


@P("java-test-fixture")
def _(s):
    return {"file": "src/test/java/io/fab/TokenServiceTest.java", "source": f"private static final String BEARER = \"{s.jwt('RS256')}\";\nprivate static final String PEM = \"\"\"\n{s.pkey('rsa')}\n\"\"\";"}


@P("java-test-fixture")
def _(s):
    return {"file": "src/test/java/io/fab/PaymentTest.java", "source": f"@Test void chargesCard() {{\n  var card = new Card(\"{s.card('plain', published=True)}\", \"12/30\", \"{s.cvv(3)}\");\n  assertThat(gateway.charge(card, 1999)).isSuccess();\n}}"}


# ---- wireguard-conf
@P("wireguard-conf")
def _(s):
    s._t("private_key")
    return {"file": "/etc/wireguard/wg0.conf", "content": f"[Interface]\nAddress = 10.8.0.2/24\nPrivateKey = {ra(43, string.ascii_letters + string.digits + '+/')}=\n\n[Peer]\nPublicKey = {ra(43, string.ascii_letters + string.digits + '+/')}=\nEndpoint = {pubip()}:51820\nAllowedIPs = 0.0.0.0/0\n"}


@N("wireguard-conf")
def _(s):
    return {"file": "peers.txt", "content": f"# peer list (public keys only)\nlaptop-01 {ra(43, string.ascii_letters + string.digits + '+/')}= 10.8.0.3\nlaptop-02 {ra(43, string.ascii_letters + string.digits + '+/')}= 10.8.0.4\n"}


# ---- insomnia-export / bruno / httpie / fetch snippet / k6
@P("insomnia-export")
def _(s):
    return {"_type": "export", "__export_format": 4, "resources": [{"_type": "request", "name": "Get claims", "method": "GET", "url": "https://api.proseware.health/v2/claims", "authentication": {"type": "bearer", "token": s.jwt()}}]}


@N("insomnia-export")
def _(s):
    return {"_type": "export", "__export_format": 4, "resources": [{"_type": "request", "name": "Get claims", "url": "{{ _.base_url }}/v2/claims", "authentication": {"type": "bearer", "token": "{{ _.access_token }}"}}, {"_type": "environment", "data": {"base_url": "https://api.proseware.health", "access_token": ""}}]}


@P("bruno-request")
def _(s):
    return {"file": "collections/members/get-member.bru", "content": f"meta {{\n  name: get member\n  type: http\n}}\n\nget {{\n  url: https://api.proseware.health/members/{s.hin('member')}\n}}\n\nauth:bearer {{\n  token: {s.jwt()}\n}}\n"}


@P("httpie-session")
def _(s):
    return {"__meta__": {"about": "HTTPie session file", "httpie": "3.2.4"}, "auth": {"type": None}, "cookies": [{"name": "session", "value": s.jwt('HS256'), "domain": "portal.fabrikam.io"}], "headers": [{"name": "X-Api-Key", "value": s.apikey('hex')}]}


@N("httpie-session")
def _(s):
    return {"__meta__": {"about": "HTTPie session file", "httpie": "3.2.4"}, "cookies": [{"name": "csrftoken", "value": ra(32), "domain": "portal.fabrikam.io"}, {"name": "_ga", "value": f"GA1.1.{rd(10,'1')}.{epoch_ms()[:10]}"}], "headers": []}


@P("fetch-snippet")
def _(s):
    return {"snippet": f"fetch(\"https://api.fabrikam.io/v1/me\", {{\n  \"headers\": {{\n    \"accept\": \"application/json\",\n    \"authorization\": \"Bearer {s.jwt()}\",\n    \"x-request-id\": \"{uuid4()}\"\n  }},\n  \"method\": \"GET\"\n}});"}


@N("fetch-snippet")
def _(s):
    return {"snippet": f"fetch(\"https://api.fabrikam.io/v1/orders/{nid(10)}\", {{\n  \"headers\": {{\"authorization\": \"Bearer <token>\", \"if-none-match\": \"W/\\\"{hexs(27)}\\\"\"}},\n  \"method\": \"GET\"\n}});"}


@P("k6-script")
def _(s):
    return {"file": "load/claims.js", "source": f"const TOKEN = '{s.jwt('HS256')}';\nexport default function () {{\n  http.get('https://staging.proseware.health/claims', {{ headers: {{ Authorization: `Bearer ${{TOKEN}}` }} }});\n}}"}


@N("k6-script")
def _(s):
    return {"file": "load/claims.js", "source": "const TOKEN = __ENV.API_TOKEN;\nexport const options = { vus: 20, duration: '5m', thresholds: { http_req_duration: ['p(95)<400'] } };\nexport default function () {\n  http.get(`${__ENV.BASE_URL}/claims`, { headers: { Authorization: `Bearer ${TOKEN}` } });\n}"}


@P("websocket-frame-log")
def _(s):
    return {"frames": [{"dir": "send", "t": epoch_ms(), "data": json.dumps({"type": "connection_init", "payload": {"authToken": s.jwt()}})}, {"dir": "recv", "t": epoch_ms(), "data": "{\"type\":\"connection_ack\"}"}]}


@N("websocket-frame-log")
def _(s):
    return {"frames": [{"dir": "recv", "t": epoch_ms(), "data": json.dumps({"type": "ticker", "seq": int(nid(12)), "px": "104.22", "id": uuid4()})}, {"dir": "send", "t": epoch_ms(), "data": "{\"type\":\"ping\"}"}]}


# ---- card processors: authnet-xml, cybersource-soap, nmi-query, bitwarden-export, selenium-log
@P("authnet-xml")
def _(s):
    return {"xml": f"<createTransactionRequest xmlns=\"AnetApi/xml/v1/schema/AnetApiSchema.xsd\"><merchantAuthentication><name>{ra(12)}</name><transactionKey>{s._t('api_key') or ra(16)}</transactionKey></merchantAuthentication><transactionRequest><transactionType>authCaptureTransaction</transactionType><amount>42.00</amount><payment><creditCard><cardNumber>{s.card('plain')}</cardNumber><expirationDate>2029-11</expirationDate><cardCode>{s.cvv()}</cardCode></creditCard></payment></transactionRequest></createTransactionRequest>"}


@N("authnet-xml")
def _(s):
    return {"xml": f"<createTransactionResponse><transactionResponse><responseCode>1</responseCode><authCode>{ra(6, string.ascii_uppercase + string.digits)}</authCode><avsResultCode>Y</avsResultCode><cvvResultCode>M</cvvResultCode><transId>{nid(11)}</transId><accountNumber>XXXX{rd(4)}</accountNumber><accountType>Visa</accountType></transactionResponse></createTransactionResponse>"}


@P("cybersource-soap")
def _(s):
    return {"xml": f"<soap:Envelope><soap:Body><requestMessage xmlns=\"urn:schemas-cybersource-com:transaction-data-1.211\"><merchantReferenceCode>{nid(10)}</merchantReferenceCode><billTo><email>{s.email()}</email><phoneNumber>{s.phone('us2')}</phoneNumber></billTo><card><accountNumber>{s.card('plain')}</accountNumber><cvNumber>{s.cvv()}</cvNumber></card></requestMessage></soap:Body></soap:Envelope>"}


@N("cybersource-soap")
def _(s):
    return {"xml": f"<replyMessage><merchantReferenceCode>{nid(10)}</merchantReferenceCode><requestID>{rd(22,'7')}</requestID><decision>ACCEPT</decision><ccAuthReply><reasonCode>100</reasonCode><cvCode>M</cvCode><authorizationCode>{rd(6)}</authorizationCode></ccAuthReply></replyMessage>"}


@P("nmi-query")
def _(s):
    return {"request_line": "POST /api/transact.php", "body": urllib.parse.urlencode({"security_key": s.apikey('hex'), "type": "sale", "ccnumber": s.card('plain'), "ccexp": "1029", "cvv": s.cvv(), "amount": "10.00"})}


@P("bitwarden-export")
def _(s):
    return {"encrypted": False, "items": [{"type": 3, "name": "Corporate Amex", "card": {"cardholderName": fn(), "brand": "Amex", "number": s.card('plain'), "expMonth": "4", "expYear": "2030", "code": s.cvv()}},
                                          {"type": 1, "name": "Payroll portal", "login": {"username": s.email(), "password": s.pw(), "uris": [{"uri": "https://payroll.woodgrovefin.com"}]}}]}


@N("bitwarden-export")
def _(s):
    return {"encrypted": True, "passwordProtected": True, "salt": ra(24) + "==", "kdfType": 0, "kdfIterations": 600000, "encKeyValidation_DO_NOT_EDIT": "2." + ra(24) + "==|" + ra(44) + "|" + ra(44) + "=", "data": "2." + ra(24) + "==|" + ra(200, string.ascii_letters + string.digits + "+/") + "|" + ra(44) + "="}


@P("selenium-log")
def _(s):
    return {"log": f"[INFO] step 4: type '{s.card('space', published=True)}' into #card-number\n[INFO] step 5: type '{s.cvv(3)}' into input[name=cvc]\n[INFO] step 6: click button#pay\n[WARN] element not interactable after 10s"}


@N("selenium-log")
def _(s):
    return {"log": "[INFO] step 4: type '${TEST_CARD}' into #card-number\n[INFO] step 5: type '***' into input[name=cvc]\n[INFO] step 6: assert text 'Your card's security code is incomplete.'\n[PASS] checkout_validation (4.2s)"}


# ---- label styles for label-driven types
@P("logfmt")
def _(s):
    return {"line": f"ts={ts()} level=info svc=intake msg=\"registered\" MEDICAL_RECORD_NO={s.mrn()} HEALTH-PLAN-MEMBER-ID={s.hin('member')} primaryDx={s.icd()}"}


@P("logfmt")
def _(s):
    return {"line": f"ts={ts()} level=warn svc=hr msg=\"duplicate tax id\" employee.national_id.ssn={s.ssn()} employee.id={nid(6)}"}


@N("logfmt")
def _(s):
    return {"line": f"ts={ts()} level=info svc=intake msg=\"registered\" encounter_csn={nid(10)} accession={rd(2,'2')}-{rd(6)} npi={npi()} group_no={rd(6)} bin=610014 pcn=ADV dur=41ms"}


@N("logfmt")
def _(s):
    return {"line": f"ts={ts()} level=info svc=auth msg=\"password reset email queued\" user_id={nid(7)} template=reset_v3 trace_id={hexs(32)}"}


@P("graylog-gelf")
def _(s):
    return {"version": "1.1", "host": "ehr-api-3", "short_message": "chart opened", "_patient.mrn": s.mrn(), "_patient.coverage.subscriber-id": s.hin('sub'), "_encounter.dx[0]": s.icd()}


@N("graylog-gelf")
def _(s):
    return {"version": "1.1", "host": "ehr-api-3", "short_message": "chart opened", "_encounter.csn": nid(10), "_order.accession": f"{rd(2,'2')}-CH-{rd(7)}", "_provider.npi": npi(), "_drug.ndc": ndc()}


@P("fluentd-record")
def _(s):
    return {"tag": "app.billing", "record": {"kubernetes.labels.app": "billing", "event": "claim.created", "claim": {"memberIdentifier": s.hin('member2'), "diagnosisPointer": [s.icd(), s.icd()], "patientMedRecNbr": s.mrn()}}}


@N("fluentd-record")
def _(s):
    return {"tag": "app.billing", "record": {"event": "claim.created", "claim": {"claimId": nid(12), "groupNumber": rd(6), "payerId": "87726", "rxBin": "610014", "rxPcn": "MEDDPRIME", "status": "queued"}}}


@P("arztbrief")
def _(s):
    return {"text": f"Arztbrief\nPatientin: {fn()}, geb. {R.randint(1,28):02d}.{R.randint(1,12):02d}.{R.randint(1940,2000)}\nVersichertennummer: {s.hin('kvnr')}\nKasse: AOK Nordost\nDiagnosen: {s.icd()} G, {s.icd()} V\nMit freundlichen Grüßen"}


@N("arztbrief")
def _(s):
    return {"text": "Arztbrief (Vorlage)\nVersichertennummer: __________\nIK der Kasse: 109519005\nBetriebsstättennummer: 123456700\nDiagnosen: ______\nRaum B12, Station 3"}


@P("prontuario-br")
def _(s):
    return {"texto": f"Prontuário nº {s.mrn()}\nPaciente: {fn()}\nCID-10: {s.icd()}\nConvênio: Unimed  Carteirinha: {s.hin('member')}"}


@P("historia-clinica-es")
def _(s):
    return {"texto": f"{s.mrn()}  ← N.º de historia clínica\nPaciente: {fn()}\nDiagnóstico principal (CIE-10): {s.icd()}\nTel.: {s.phone('fr')}"}


@P("w9-form-text")
def _(s):
    return {"text": f"Form W-9 (Rev. March 2024)\n1 Name: {fn()}\n3 Federal tax classification: Individual/sole proprietor\nPart I Taxpayer Identification Number (TIN)\nSocial security number\n{s.ssn(' ')}\nor Employer identification number\n__-_______"}


@N("w9-form-text")
def _(s):
    return {"text": f"Form W-9\n1 Name: Northwind Traders LLC\nPart I Taxpayer Identification Number (TIN)\nSocial security number\n___ - __ - ____\nor Employer identification number\n{rd(2,'123456789')}-{rd(7)}"}


@P("background-check-json")
def _(s):
    return {"candidate": {"givenName": name()[0], "familyName": name()[1], "socialSecurityNumber": s.ssn(), "dateOfBirth": dob(), "mobile": s.phone('us')}, "package": "standard-7yr"}


@P("background-check-json")
def _(s):
    return {"candidate": {"id": uuid4(), "SSN": s.ssn(''), "aliases": []}, "report": {"status": "clear", "completed_at": ts()}}


@N("background-check-json")
def _(s):
    return {"candidate": {"id": uuid4(), "ssnTrace": {"ssnLast4": rd(4), "issuedState": "OH", "issuedYears": "1998-2000"}, "zip": f"{rd(5,'123456789')}-{rd(4)}"}, "report": {"status": "consider", "adjudication": "pending", "order": nid(9)}}



# ---- third batch
@P("powershell-transcript")
def _(s):
    return {"transcript": f"PS C:\\ops> Set-AWSCredential -AccessKey {s.akid()} -SecretKey {s.aws_secret()} -StoreAs backup\nPS C:\\ops> Get-S3Bucket -ProfileName backup | Select BucketName\n\nBucketName\n----------\nfab-uploads-backup\n"}


@P("grafana-datasource")
def _(s):
    return {"file": "provisioning/datasources/cloudwatch.yaml", "content": f"apiVersion: 1\ndatasources:\n  - name: CloudWatch\n    type: cloudwatch\n    jsonData:\n      authType: keys\n      defaultRegion: us-east-1\n    secureJsonData:\n      accessKey: '{s.akid()}'\n      secretKey: '{s.aws_secret()}'\n"}


@N("grafana-datasource")
def _(s):
    return {"file": "provisioning/datasources/cloudwatch.yaml", "content": "apiVersion: 1\ndatasources:\n  - name: CloudWatch\n    type: cloudwatch\n    jsonData:\n      authType: default\n      assumeRoleArn: arn:aws:iam::123456789012:role/grafana-cw\n    secureJsonData:\n      accessKey: $CW_ACCESS_KEY\n      secretKey: $CW_SECRET_KEY\n"}


@P("okta-system-log")
def _(s):
    return {"eventType": "app.oauth2.as.token.grant.id_token", "actor": {"id": "0oa" + ra(17), "type": "PublicClientApp"}, "outcome": {"result": "SUCCESS"},
            "debugContext": {"debugData": {"grantType": "authorization_code", "idTokenIssued": s.jwt('RS256'), "requestId": ra(27)}}}



# ---- fourth batch: identifiers that look like cards, codes, phones
def ean13(prefix):
    """EAN-13 (GS1 check digit) that is not Luhn-valid."""
    while True:
        d = prefix + rd(12 - len(prefix))
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d))
        d += str((10 - s % 10) % 10)
        if not luhn_ok(d):
            return d


def imei():
    """15-digit IMEI (Luhn check digit) with a TAC that is no card issuer prefix."""
    return luhn_complete(R.choice(["86", "01", "99"]), 15)


@N("barcode-scan-log")
def _(s):
    return {"log": "\n".join(f"{ts(' ','')} scanner=DOCK-{R.randint(1,9)} sym=EAN13 data={ean13(R.choice(['40', '41', '42', '50', '54']))} qty={R.randint(1,40)}" for _ in range(3))}


@N("mdm-device-inventory")
def _(s):
    return {"devices": [{"serial": ra(12, string.ascii_uppercase + string.digits), "imei": imei(), "meid": rd(14, "9"), "wifiMac": mac(), "osVersion": f"17.{R.randint(0,7)}.{R.randint(0,3)}", "assetTag": f"FAB-{rd(5)}"} for _ in range(2)]}


@P("mdm-device-inventory")
def _(s):
    return {"devices": [{"serial": ra(12, string.ascii_uppercase + string.digits), "imei": imei(), "assignedUser": s.email(), "phoneNumber": s.phone('us3'), "supervised": True}]}


@N("kicad-bom")
def _(s):
    rows = [f"\"{ref}\",\"{val}\",\"{fp}\",\"{mpn}\"" for ref, val, fp, mpn in [
        ("C50", "100nF", "Capacitor_SMD:C_0402", f"GRM155R71C104KA88{R.choice('DJ')}"), ("J45", "RJ45", "Connector_RJ:RJ45_Amphenol", f"RJHSE-538{rd(1)}"),
        ("E11", "Ferrite", "Inductor_SMD:L_0603", f"BLM18PG221SN1{R.choice('DJ')}"), ("K21", "Relay", "Relay_THT:Relay_SPDT", f"G5V-1-DC{R.choice(['5', '12'])}")]]
    return {"file": "mainboard-bom.csv", "csv": "\"Reference\",\"Value\",\"Footprint\",\"MPN\"\n" + "\n".join(rows)}


@N("metar-report")
def _(s):
    return {"raw": f"METAR KSEA {R.randint(10,28)}{R.randint(10,23)}53Z 18012G20KT 10SM -RA FEW020 BKN045 OVC090 11/08 A2992 RMK AO2 SLP135 P0002 T01110083", "station": "KSEA", "runway_state": "R16L/C50", "taf_group": "FM021800 20015KT P6SM BKN035"}


@N("cargo-lock")
def _(s):
    return {"file": "Cargo.lock", "content": "\n".join(f"[[package]]\nname = \"{n}\"\nversion = \"{v}\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"{sha256()}\"\n" for n, v in [("ring", "0.17.8"), ("rustls", "0.23.18"), ("jsonwebtoken", "9.3.0")])}


@N("dhcpd-leases")
def _(s):
    return {"file": "/var/lib/dhcp/dhcpd.leases", "content": "\n".join(f"lease {ip()} {{\n  starts 3 2026/11/18 07:{R.randint(10,59)}:{R.randint(10,59)};\n  binding state active;\n  hardware ethernet {mac()};\n  uid \"\\001{hexs(12)}\";\n  client-hostname \"POS-{rd(3)}\";\n}}" for _ in range(2))}


@P("git-log")
def _(s):
    f, l = name()
    return {"stdout": f"commit {sha1()}\nAuthor: {f} {l} <{s.email(f, l)}>\nDate:   Tue Nov 18 09:12:44 2026 +0000\n\n    fix: stop logging the stripe key ({s.apikey('stripe')})\n"}


@N("git-log")
def _(s):
    return {"stdout": "\n".join(f"{sha1()[:12]} {msg}" for msg in ["chore(deps): bump jsonwebtoken to 9.3.0", "fix: mask card numbers in logs (PCI-4411)", "docs: explain password policy", "feat: add ICD-10 picker to intake form", "test: luhn fixtures"])}



# ---- fifth batch: more tokens, keys and card codes in developer artefacts
@P("http-file")
def _(s):
    return {"file": "requests/claims.http", "content": f"### list claims\nGET https://api.proseware.health/v2/claims?member={s.hin('member')}\nAuthorization: Bearer {s.jwt()}\nAccept: application/json\n"}


@N("http-file")
def _(s):
    return {"file": "requests/claims.http", "content": "@host = https://api.proseware.health\n@token = {{$dotenv API_TOKEN}}\n\n### list claims\nGET {{host}}/v2/claims\nAuthorization: Bearer {{token}}\n"}


@P("kcadm-output")
def _(s):
    return {"cmd": "kcadm.sh config credentials --server https://sso.fabrikam.io --realm master --user admin", "stdout": json.dumps({"access_token": s.jwt('RS256'), "expires_in": 60, "refresh_token": s.jwt('HS256'), "token_type": "Bearer"}, indent=1)}


@P("redis-cli-session")
def _(s):
    return {"session": f"127.0.0.1:6379> KEYS sess:*\n1) \"sess:{hexs(16)}\"\n127.0.0.1:6379> GET sess:{hexs(16)}\n\"{{\\\"uid\\\":4411,\\\"token\\\":\\\"{s.jwt('HS256')}\\\"}}\"\n"}


@N("redis-cli-session")
def _(s):
    return {"session": f"127.0.0.1:6379> INFO keyspace\n# Keyspace\ndb0:keys={R.randint(1000,90000)},expires={R.randint(100,900)},avg_ttl={rd(8,'1')}\n127.0.0.1:6379> TTL sess:{hexs(16)}\n(integer) {R.randint(10,3600)}\n"}


@P("python-boto3-source")
def _(s):
    return {"file": "scripts/export_to_s3.py", "source": f"import boto3\n\ns3 = boto3.client(\n    \"s3\",\n    aws_access_key_id=\"{s.akid()}\",\n    aws_secret_access_key=\"{s.aws_secret()}\",\n)\ns3.upload_file(\"out.csv\", \"fab-exports\", \"out.csv\")\n"}


@N("aws-configure-list")
def _(s):
    return {"stdout": f"      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n   profile                <not set>             None    None\naccess_key     ****************{ra(4, string.ascii_uppercase + '234567')} shared-credentials-file\nsecret_key     ****************{ra(4)} shared-credentials-file\n    region                us-east-1      config-file    ~/.aws/config"}


@P("python-paramiko-source")
def _(s):
    return {"file": "deploy/sftp_push.py", "source": f"KEY = paramiko.RSAKey.from_private_key(io.StringIO(\"\"\"{s.pkey('rsa')}\"\"\"))\nclient.connect(\"{pubip()}\", username=\"edi\", pkey=KEY)\n"}


@P("node-jsonwebtoken-source")
def _(s):
    return {"file": "src/auth/sign.js", "source": f"const PRIVATE_KEY = `{s.pkey('pkcs8')}`;\nmodule.exports = (sub) => jwt.sign({{ sub }}, PRIVATE_KEY, {{ algorithm: 'RS256', expiresIn: '15m' }});\n"}


@N("node-jsonwebtoken-source")
def _(s):
    return {"file": "src/auth/verify.js", "source": "const PUBLIC_KEY = fs.readFileSync(process.env.JWT_PUBLIC_KEY_PATH);\nmodule.exports = (token) => jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] });\n// private key lives in KMS; never commit it\n"}


@P("php-var-dump")
def _(s):
    c = s.card('plain')
    v = s.cvv(3)
    return {"output": f"array(4) {{\n  [\"cc_number\"]=>\n  string({len(c)}) \"{c}\"\n  [\"cc_cvv\"]=>\n  string(3) \"{v}\"\n  [\"cc_exp\"]=>\n  string(5) \"11/29\"\n  [\"email\"]=>\n  string(0) \"\"\n}}"}


@N("php-var-dump")
def _(s):
    return {"output": f"array(3) {{\n  [\"order_id\"]=>\n  string(16) \"{bad16()}\"\n  [\"cvv_result\"]=>\n  string(1) \"M\"\n  [\"last4\"]=>\n  string(4) \"{rd(4)}\"\n}}"}


@P("django-debug-page")
def _(s):
    return {"text": f"ValidationError at /checkout/pay\nRequest Method: POST\nDjango Version: 5.1.3\n\nPOST\nVariable\tValue\ncsrfmiddlewaretoken\t'{ra(64)}'\ncard_number\t'{s.card()}'\ncard_cvc\t'{s.cvv()}'\nbilling_email\t'{s.email()}'\n"}


@N("django-debug-page")
def _(s):
    return {"text": "ValidationError at /accounts/password/change/\nRequest Method: POST\n\nPOST\nVariable\tValue\ncsrfmiddlewaretoken\t'" + ra(64) + "'\nold_password\t'********************'\nnew_password1\t'********************'\nnew_password2\t'********************'\n\nSettings\nPASSWORD_HASHERS\t['django.contrib.auth.hashers.PBKDF2PasswordHasher']\nSECRET_KEY\t'********************'"}


# ---------------------------------------------------------------- build + invariants
FORBIDDEN_TAGS = set("""
actuator-env airflow-connections airflow-log alertmanager-webhook android-logcat appsettings-json asr-json avro-json
azure-resource bank-transfer bash-history camt053 celery-log cloudtrail cloudwatch-event cms1500-ocr cookie-jar
crash-report datadog-log dataframe-print dicom-dump dicom-json discharge-summary discord-message discord-webhook
docker-config dockerfile edifact email-headers envelope eob eob-text fax-ocr gcp-audit gitlab-ci hex-dump hotel-folio
hr-onboarding hubspot-export i18n-text ini-config insurance-card-ocr insurance-fax intercom-conversation iso8583-dump
ivr-dtmf-log java-properties jenkins-xml jenkinsfile jira-webhook journald-json json-escaped jupyter-notebook
jupyter-output kafka-connect kafka-record kubeconfig latex ldif linear-webhook localstorage-dump markdown-table mbox
mongodb-extjson mt103 mt940 mysql-general-log nacha-ach netrc order-export otlp-span pagerduty-webhook payroll-export
pgp-armor pgpass pharmacy-label pnr pos-receipt postgres-log ppk-file protobuf-text quoted-printable radiology-report
rails-database-yml rails-yml raw-http redis-monitor salesforce-record saml-assertion sbar-handoff sendgrid-event
shipping-label shopify-order spring-yml systemd-unit tcpdump-ascii teams-webhook telegram-export terminal-log
textract-json toml-config twilio-callback vault-kv w2-ocr web-config-xml whatsapp-export windows-event-xml
wp-config-php zendesk-ticket zpl-wristband access-log ansible aws-credentials claims-json curl docs elasticsearch
email-mime encoded gh-actions graphql har helm-values helpdesk-ticket icalendar issue-comment lab-result multilingual
npmrc ocr-card ofx openapi payment-webhook postman protobuf-json pypirc sentry service-account-json sheet-rows
sms-export ssh-config stacktrace terraform tfstate unicode vcard voice-transcript
changelog checksums env-example erx git-remote health-text ids-misc masked npm-lock pem user-dump
chat logs nested-json csv hl7 fhir env env-dump url slack syslog sql docker-env k8s-secret cda x12 ncpdp
""".split())

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
AKID_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{10,}")
PEM_PRIV_RE = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\n|\n|\s)*[A-Za-z0-9+/]{20}")
RUN_RE = re.compile(r"\d(?:[ \-\u00a0]?\d)*")


def valid_ssn(a, g, s):
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


def check(sample, text, st):
    t = set(sample["types"])
    sid = sample["id"]
    for d in st.cards:
        assert luhn_ok(d) and ISSUER_RE.match(d), (sid, d)
        assert d in re.sub(r"[ \-]", "", text), (sid, d)
    if "credit_card" not in t:
        for m in RUN_RE.finditer(text):
            d = re.sub(r"\D", "", m.group())
            if 13 <= len(d) <= 19:
                assert not (luhn_ok(d) and ISSUER_RE.match(d)), (sid, "luhn-valid issuer run", d)
                if len(d) == 16:
                    assert not luhn_ok(d), (sid, "luhn-valid 16", d)
    if "ssn" not in t:
        for m in SSN_RE.finditer(text):
            assert not valid_ssn(*m.groups()), (sid, "ssn-shaped", m.group())
    if "email" not in t:
        found = [e for e in EMAIL_RE.findall(text)]
        assert not found, (sid, "email", found)
    if "aws_access_key" not in t:
        found = [k for k in AKID_RE.findall(text) if "EXAMPLE" not in k]
        assert not found, (sid, "akid", found)
    if "jwt" not in t:
        assert not JWT_RE.search(text), (sid, "jwt")
    if "private_key" not in t:
        assert not PEM_PRIV_RE.search(text), (sid, "pem")


def leaves(v):
    """Every key and scalar value of a payload, as text (what a scanner of the payload sees)."""
    if isinstance(v, dict):
        for k, x in v.items():
            yield str(k)
            yield from leaves(x)
    elif isinstance(v, list):
        for x in v:
            yield from leaves(x)
    elif v is not None:
        yield str(v)


REPEAT = 2  # every template is drawn twice, with fresh values


def build():
    out = []
    for tag, positive, f, n in TEMPLATES:
        assert tag not in FORBIDDEN_TAGS, tag
        for _ in range(n * REPEAT):
            st = S()
            data = f(st)
            assert isinstance(data, dict)
            types = [x for x in TYPES if x in st.types]
            assert bool(types) == positive, (tag, f.__name__, types)
            sample = {"id": f"b4-{len(out):03d}", "format": tag, "types": types, "data": data}
            check(sample, "\n".join(leaves(data)), st)
            out.append(sample)
    return out


def main():
    out = build()
    counts = {t: sum(t in s["types"] for s in out) for t in TYPES}
    negs = sum(not s["types"] for s in out)
    formats = sorted({s["format"] for s in out})
    if "--stats" in sys.argv:
        print(len(out), negs, len(formats), counts)
    assert len(out) >= 450, len(out)
    assert negs >= 170, negs
    assert len(formats) >= 60, len(formats)
    for t, c in counts.items():
        assert c >= 25, (t, c)
    assert len({s["id"] for s in out}) == len(out)
    here = os.path.dirname(os.path.abspath(__file__))
    dst = os.path.join(here, "..", "dlp-blind4.jsonl")
    body = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in out)
    with open(dst, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(body)
    if "--stats" in sys.argv:
        print(f"samples {len(out)}  positives {len(out) - negs}  negatives {negs}  formats {len(formats)}")
        for t in TYPES:
            print(f"| `{t}` | {counts[t]} |")
        hist = {}
        for s in out:
            hist[len(s["types"])] = hist.get(len(s["types"]), 0) + 1
        print("by number of types", sorted(hist.items()))
        for fmt in formats:
            p = sum(1 for s in out if s["format"] == fmt and s["types"])
            q = sum(1 for s in out if s["format"] == fmt and not s["types"])
            print(f"| {fmt} | {p} | {q} |")
        print("sha256", hashlib.sha256(body.encode()).hexdigest())


if __name__ == "__main__":
    main()
