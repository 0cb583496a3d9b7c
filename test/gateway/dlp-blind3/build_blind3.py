#!/usr/bin/env python3
"""Build test/gateway/dlp-blind3.jsonl: a third blind DLP corpus in formats the older sets do not use.

Written from the labelling rules of test/gateway/dlp-fresh/README.md and knowledge of the real
formats only; the detectors and the other corpora were not opened. Deterministic (fixed seed),
standard library only. Run from anywhere:

    python3 test/gateway/dlp-blind3/build_blind3.py

Every value is synthetic: published test card numbers or issuer-prefix numbers completed with a
Luhn digit, valid-range SSNs, random keys in the providers' published shapes, fictional phone
ranges, invented names. The script checks its own labels (see `validate`) before writing.
"""

import base64
import json
import os
import random
import re
import string
import sys
import unicodedata
import urllib.parse

SEED = 20261203
R = random.Random(SEED)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "dlp-blind3.jsonl")

TYPES = [
    "credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key", "private_key",
    "jwt", "password", "medical_record_number", "health_insurance_number", "icd10",
]

SAMPLES = []


def add(fmt, types, data, check=None):
    """Record one sample. `check` is the plain text the validator reads for encoded samples."""
    for t in types:
        assert t in TYPES, t
    SAMPLES.append({"format": fmt, "types": sorted(set(types), key=TYPES.index), "data": data,
                    "_check": check})


# ---------------------------------------------------------------- small random helpers

def pick(seq):
    return R.choice(seq)


def digits(n):
    return "".join(R.choice(string.digits) for _ in range(n))


def alnum(n, alphabet=string.ascii_letters + string.digits):
    return "".join(R.choice(alphabet) for _ in range(n))


def hexs(n):
    return alnum(n, "0123456789abcdef")


def b64chars(n):
    return alnum(n, string.ascii_letters + string.digits + "+/")


def b64url(raw):
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def b64(s):
    return base64.b64encode(s.encode() if isinstance(s, str) else s).decode()


def uuid4():
    h = hexs(32)
    h = h[:12] + "4" + h[13:16] + pick("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def sha1():
    return hexs(40)


FIRST = ["Aiko", "Mateo", "Priya", "Lukas", "Chloé", "Oluwaseun", "Sofia", "Hiroshi", "Fatima",
         "Ngozi", "Erik", "Camila", "Dmitri", "Ana", "Wei", "Rahul", "Isabella", "Jonas", "Amara",
         "Tomás", "Yuki", "Leila", "Marek", "Sienna", "Kwame", "Ingrid", "Diego", "Mei", "Omar",
         "Harriet", "Rafael", "Zanele", "Björn", "Anjali", "Niamh", "Thiago", "Keiko", "Samir"]
LAST = ["Tanaka", "Okafor", "Lindqvist", "Moreau", "Castellanos", "Brennan", "Schäfer", "Novak",
        "Haddad", "Mensah", "Kowalski", "Ferreira", "Nakamura", "Iyer", "Delacroix", "Oyelaran",
        "Vasquez", "Holloway", "Petrov", "Abernathy", "Quispe", "Rasmussen", "Achterberg", "Bianchi",
        "Mahlangu", "Sato", "Whitfield", "Grünewald", "Kapoor", "Estrada", "Oduya", "Lefebvre"]
PERSONAL = ["gmail.com", "outlook.com", "yahoo.co.jp", "web.de", "orange.fr", "proton.me",
            "icloud.com", "gmx.net", "hotmail.co.uk", "uol.com.br", "libero.it", "rediffmail.com"]
WORK = ["northwind-health.org", "acme-logistics.com", "brightpath.io", "kestrel-bank.co.uk",
        "fjordsoft.no", "quantaloop.dev", "meridian-clinic.com", "tallgrass-pay.com",
        "bluejay-insure.com", "harborview-labs.net", "sundial-retail.de", "copperleaf.fr"]


def person():
    return pick(FIRST), pick(LAST)


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def email(first=None, last=None, domain=None):
    if first is None:
        first, last = person()
    f, l = ascii_fold(first).lower(), ascii_fold(last).lower()
    local = pick([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}{R.randint(1, 99)}", f"{f}{l[0]}",
                  f"{l}.{f}", f"{f}+orders"])
    return f"{local}@{domain or pick(PERSONAL + WORK)}"


# ---------------------------------------------------------------- cards

TEST_CARDS = ["4242424242424242", "4111111111111111", "4012888888881881", "4000056655665556",
              "5555555555554444", "5105105105105100", "2223003122003222", "378282246310005",
              "371449635398431", "6011111111111117", "6011000990139424", "3056930009020004",
              "36227206271667", "3566002020360505", "6200000000000005", "4917610000000000003"]
ISSUER_PREFIXES = [("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16),
                   ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3530", 16), ("3589", 16),
                   ("36", 14), ("62", 16), ("62", 19), ("4", 13)]


def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def is_issuer(num):
    n = len(num)
    if num[0] == "4" and n in (13, 16, 19):
        return True
    p2, p4, p3 = int(num[:2]), int(num[:4]), int(num[:3])
    if 51 <= p2 <= 55 and n == 16:
        return True
    if 2221 <= p4 <= 2720 and n == 16:
        return True
    if p2 in (34, 37) and n == 15:
        return True
    if (p4 == 6011 or p2 == 65 or 644 <= p3 <= 649) and n in (16, 19):
        return True
    if 3528 <= p4 <= 3589 and n in (16, 19):
        return True
    if (p2 in (36, 38, 39) or 300 <= p3 <= 305) and n in (14, 16):
        return True
    if p2 == 62 and 16 <= n <= 19:
        return True
    if p2 in (50, 56, 57, 58, 63, 67) and 12 <= n <= 19:
        return True
    return False


def card():
    if R.random() < 0.45:
        return pick(TEST_CARDS)
    prefix, length = pick(ISSUER_PREFIXES)
    return luhn_complete(prefix, length)


def fmt_card(num, style=None):
    style = style or pick(["plain", "space", "dash", "space", "plain"])
    if style == "plain":
        return num
    sep = " " if style == "space" else "-"
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    if len(num) == 14:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, len(num), 4))


def cvv_for(num):
    return digits(4) if num[:2] in ("34", "37") else digits(3)


def bad_luhn16(prefix=None):
    """A 16-digit reference number that fails Luhn (order ids, loyalty numbers, refs)."""
    while True:
        n = (prefix or str(R.randint(1, 9))) + digits(16 - len(prefix or "x"))
        if not luhn_ok(n):
            return n


def exp():
    return f"{R.randint(1, 12):02d}/{R.randint(27, 31)}"


# ---------------------------------------------------------------- SSN

def ssn(style="dash"):
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    g, s = R.randint(1, 99), R.randint(1, 9999)
    if style == "plain":
        return f"{a:03d}{g:02d}{s:04d}"
    if style == "space":
        return f"{a:03d} {g:02d} {s:04d}"
    return f"{a:03d}-{g:02d}-{s:04d}"


def ein():
    return f"{R.randint(10, 88)}-{digits(7)}"


# ---------------------------------------------------------------- phones (fictional ranges)

def phone(country=None):
    c = country or pick(["US", "US", "UK", "DE", "FR", "ES", "IT", "BR", "IN", "JP", "AU", "MX",
                         "NL", "AE", "ZA", "KR", "CA", "IE", "SE", "PL"])
    d = digits
    if c in ("US", "CA"):
        area = pick(["212", "415", "312", "617", "206", "512", "303", "404"] if c == "US"
                    else ["416", "604", "514", "403"])
        n = f"01{d(2)}"
        return pick([f"({area}) 555-{n}", f"{area}-555-{n}", f"+1 {area} 555 {n}",
                     f"{area}.555.{n}", f"+1-{area}-555-{n}", f"1 ({area}) 555-{n}"])
    if c == "UK":
        return pick([f"07700 900{d(3)}", f"+44 7700 900{d(3)}", f"020 7946 0{d(3)}",
                     f"+44 (0)161 496 0{d(3)}", f"0113 496 0{d(3)}"])
    if c == "DE":
        return pick([f"+49 30 {d(4)} {d(4)}", f"030 {d(8)}", f"0151 {d(8)}", f"+49 (0)89 {d(3)} {d(4)}",
                     f"0176 {d(3)} {d(5)}"])
    if c == "FR":
        return pick([f"06 {d(2)} {d(2)} {d(2)} {d(2)}", f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
                     f"01 99 00 {d(2)} {d(2)}", f"+33 (0)7 {d(2)} {d(2)} {d(2)} {d(2)}"])
    if c == "ES":
        return pick([f"+34 6{d(2)} {d(3)} {d(3)}", f"6{d(2)} {d(2)} {d(2)} {d(2)}", f"91 {d(3)} {d(2)} {d(2)}"])
    if c == "IT":
        return pick([f"+39 347 {d(3)} {d(4)}", f"338 {d(7)}", f"06 {d(4)} {d(4)}"])
    if c == "BR":
        return pick([f"(11) 9{d(4)}-{d(4)}", f"+55 11 9{d(4)}-{d(4)}", f"+55 (21) 9{d(4)}-{d(4)}"])
    if c == "IN":
        return pick([f"+91 98{d(3)} {d(5)}", f"098{d(3)} {d(5)}", f"+91-97{d(8)}"])
    if c == "JP":
        return pick([f"090-{d(4)}-{d(4)}", f"03-{d(4)}-{d(4)}", f"+81 90-{d(4)}-{d(4)}", f"080-{d(4)}-{d(4)}"])
    if c == "AU":
        return pick([f"0491 570 {R.randint(6, 9):03d}"[:12], f"+61 491 570 {R.randint(110, 159)}",
                     f"(02) 5550 {d(4)}"])
    if c == "MX":
        return pick([f"+52 55 {d(4)} {d(4)}", f"55 {d(4)} {d(4)}"])
    if c == "NL":
        return pick([f"06-{d(8)}", f"+31 6 {d(8)}", f"+31 20 {d(3)} {d(4)}"])
    if c == "AE":
        return pick([f"+971 50 {d(3)} {d(4)}", f"050 {d(3)} {d(4)}"])
    if c == "ZA":
        return pick([f"+27 82 {d(3)} {d(4)}", f"082 {d(3)} {d(4)}"])
    if c == "KR":
        return pick([f"010-{d(4)}-{d(4)}", f"+82 10-{d(4)}-{d(4)}"])
    if c == "IE":
        return pick([f"+353 85 {d(3)} {d(4)}", f"087 {d(3)} {d(4)}"])
    if c == "SE":
        return pick([f"070-{d(3)} {d(2)} {d(2)}", f"+46 70 {d(3)} {d(2)} {d(2)}"])
    if c == "PL":
        return pick([f"+48 {5}{d(2)} {d(3)} {d(3)}", f"601 {d(3)} {d(3)}"])
    raise AssertionError(c)


def e164(country="US"):
    if country == "US":
        return f"+1{pick(['415', '212', '646', '310', '737'])}55501{digits(2)}"
    if country == "UK":
        return f"+447700900{digits(3)}"
    if country == "DE":
        return f"+49151{digits(8)}"
    if country == "BR":
        return f"+55119{digits(8)}"
    if country == "IN":
        return f"+9198{digits(8)}"
    if country == "MX":
        return f"+5255{digits(8)}"
    raise AssertionError


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# ---------------------------------------------------------------- keys, tokens, secrets

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def aws_id(prefix=None):
    return (prefix or pick(["AKIA", "AKIA", "ASIA"])) + alnum(16, B32)


def aws_secret():
    return alnum(40, string.ascii_letters + string.digits + "+/")


def api_key(kind=None):
    """(kind, value) of a real provider's published token shape, random body."""
    kind = kind or pick(["github", "github_fine", "gitlab", "slack_bot", "slack_user", "stripe",
                         "stripe_rk", "sendgrid", "google", "openai", "anthropic", "npm", "pypi",
                         "twilio", "mailgun", "shopify", "hf", "digitalocean", "linear",
                         "postman", "newrelic", "datadog", "telegram", "azure_storage", "square",
                         "atlassian", "doppler", "github_oauth", "pulumi", "grafana"])
    a = alnum
    v = {
        "github": lambda: "ghp_" + a(36),
        "github_oauth": lambda: "gho_" + a(36),
        "github_fine": lambda: "github_pat_11" + a(20, string.ascii_uppercase + string.digits) + "_" + a(59),
        "gitlab": lambda: "glpat-" + a(20, string.ascii_letters + string.digits + "_-"),
        "slack_bot": lambda: f"xoxb-{digits(12)}-{digits(13)}-{a(24)}",
        "slack_user": lambda: f"xoxp-{digits(12)}-{digits(12)}-{digits(13)}-{hexs(32)}",
        "stripe": lambda: "sk_live_51" + a(22) + a(75),
        "stripe_rk": lambda: "rk_live_51" + a(22) + a(75),
        "sendgrid": lambda: "SG." + a(22, string.ascii_letters + string.digits + "_-") + "." + a(43, string.ascii_letters + string.digits + "_-"),
        "google": lambda: "AIza" + a(35, string.ascii_letters + string.digits + "_-"),
        "openai": lambda: "sk-proj-" + a(56, string.ascii_letters + string.digits + "_-") + "T3BlbkFJ" + a(56, string.ascii_letters + string.digits + "_-"),
        "anthropic": lambda: "sk-ant-api03-" + a(93, string.ascii_letters + string.digits + "_-") + "AA",
        "npm": lambda: "npm_" + a(36),
        "pypi": lambda: "pypi-AgEIcHlwaS5vcmcCJ" + a(120, string.ascii_letters + string.digits + "_-"),
        "twilio": lambda: hexs(32),
        "mailgun": lambda: "key-" + hexs(32),
        "shopify": lambda: "shpat_" + hexs(32),
        "hf": lambda: "hf_" + a(34),
        "digitalocean": lambda: "dop_v1_" + hexs(64),
        "linear": lambda: "lin_api_" + a(40),
        "postman": lambda: f"PMAK-{hexs(24)}-{hexs(34)}",
        "newrelic": lambda: "NRAK-" + a(27, string.ascii_uppercase + string.digits),
        "datadog": lambda: hexs(32),
        "telegram": lambda: f"{R.randint(1000000000, 7999999999)}:AA{a(33, string.ascii_letters + string.digits + '_-')}",
        "azure_storage": lambda: b64chars(86) + "==",
        "square": lambda: "EAAA" + a(60, string.ascii_letters + string.digits + "_-"),
        "atlassian": lambda: "ATATT3xFfGF0" + a(180, string.ascii_letters + string.digits + "_-") + "=" + hexs(8).upper(),
        "doppler": lambda: "dp.st.prd." + a(43),
        "pulumi": lambda: "pul-" + hexs(40),
        "grafana": lambda: "glsa_" + a(32) + "_" + hexs(8),
    }[kind]()
    return kind, v


def jwt(alg=None, sub=None, extra=None):
    alg = alg or pick(["HS256", "RS256", "ES256", "RS256"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        hdr["kid"] = alnum(pick([16, 20, 27]), string.ascii_letters + string.digits + "_-")
    now = R.randint(1764500000, 1764700000)
    pl = {"sub": sub or pick([uuid4(), "user_" + alnum(10), str(R.randint(10000, 999999))]),
          "iat": now, "exp": now + pick([900, 3600, 86400])}
    pl.update(extra or {pick(["scope", "scp"]): pick(["read:orders write:orders", "openid profile",
                                                       "api.read", "tickets:write"])})
    siglen = {"HS256": 43, "RS256": 342, "ES256": 86}[alg]
    return ".".join([b64url(json.dumps(hdr, separators=(",", ":")).encode()),
                     b64url(json.dumps(pl, separators=(",", ":")).encode()),
                     alnum(siglen, string.ascii_letters + string.digits + "_-")])


PEM_KINDS = {
    "RSA PRIVATE KEY": ("MIIEpAIBAAKCAQEA", 25),
    "PRIVATE KEY": ("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", 26),
    "EC PRIVATE KEY": ("MHcCAQEEI", 3),
    "OPENSSH PRIVATE KEY": ("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 7),
    "ENCRYPTED PRIVATE KEY": ("MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 27),
    "DSA PRIVATE KEY": ("MIIBuwIBAAKBgQD", 9),
}


def pem(kind=None, newline="\n"):
    kind = kind or pick(list(PEM_KINDS))
    prefix, lines = PEM_KINDS[kind]
    body = prefix + b64chars(64 * lines - len(prefix) - R.randint(5, 40))
    body_lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    if kind == "EC PRIVATE KEY":
        body_lines[-1] = body_lines[-1] + "=="
    parts = [f"-----BEGIN {kind}-----"]
    if kind == "RSA PRIVATE KEY" and R.random() < 0.25:
        parts += ["Proc-Type: 4,ENCRYPTED", f"DEK-Info: AES-128-CBC,{hexs(32).upper()}", ""]
    return newline.join(parts + body_lines + [f"-----END {kind}-----"]) + newline


def cert_pem():
    body = "MIID" + b64chars(64 * 18 - 4)
    return "\n".join(["-----BEGIN CERTIFICATE-----"] + [body[i:i + 64] for i in range(0, len(body), 64)]
                     + ["-----END CERTIFICATE-----"]) + "\n"


def pubkey_pem():
    body = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + b64chars(64 * 6 - 44 + 8) + "IDAQAB"
    return "\n".join(["-----BEGIN PUBLIC KEY-----"] + [body[i:i + 64] for i in range(0, len(body), 64)]
                     + ["-----END PUBLIC KEY-----"]) + "\n"


def ssh_pub():
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + b64chars(43) + " " + pick(["deploy@ci", "ops@bastion-2", "mk@laptop"])


def password():
    words = ["Harbor", "Violet", "Tundra", "Quokka", "Saffron", "Marlin", "Copper", "Juniper", "Falcon",
             "Nimbus", "Rosewood", "Pebble", "Zephyr", "Orchid", "Basalt"]
    return pick([
        lambda: pick(words) + pick(["!", "#", "$", "%", "@", "&"]) + digits(R.randint(2, 4)) + pick(words).lower(),
        lambda: alnum(R.randint(14, 22), string.ascii_letters + string.digits + "!#%^*-_=+"),
        lambda: pick(words).lower() + "-" + pick(words).lower() + "-" + pick(words).lower() + digits(1),
        lambda: pick(words) + digits(4) + pick(["?", "!", "*"]),
    ])()


def bcrypt_hash():
    return "$2b$12$" + alnum(53, string.ascii_letters + string.digits + "./")


# ---------------------------------------------------------------- health identifiers

ICD = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
       ("J45.909", "Unspecified asthma, uncomplicated"), ("M54.50", "Low back pain, unspecified"),
       ("Z79.4", "Long term (current) use of insulin"), ("F32.A", "Depression, unspecified"),
       ("S72.001A", "Fracture of unspecified part of neck of right femur, initial encounter"),
       ("O24.419", "Gestational diabetes mellitus in pregnancy, unspecified control"),
       ("C50.911", "Malignant neoplasm of unspecified site of right female breast"),
       ("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
       ("N18.30", "Chronic kidney disease, stage 3 unspecified"), ("R07.9", "Chest pain, unspecified"),
       ("G43.909", "Migraine, unspecified, not intractable, without status migrainosus"),
       ("E78.5", "Hyperlipidemia, unspecified"), ("I25.10", "Atherosclerotic heart disease of native coronary artery"),
       ("Z00.00", "Encounter for general adult medical examination without abnormal findings"),
       ("U07.1", "COVID-19"), ("F41.1", "Generalized anxiety disorder"), ("J18.9", "Pneumonia, unspecified organism"),
       ("E03.9", "Hypothyroidism, unspecified"), ("I48.91", "Unspecified atrial fibrillation"),
       ("L40.0", "Psoriasis vulgaris"), ("M17.11", "Unilateral primary osteoarthritis, right knee"),
       ("Z23", "Encounter for immunization"), ("H52.13", "Myopia, bilateral"), ("B20", "HIV disease"),
       ("F10.20", "Alcohol dependence, uncomplicated"), ("O80", "Encounter for full-term uncomplicated delivery"),
       ("T78.40XA", "Allergy, unspecified, initial encounter"), ("D50.9", "Iron deficiency anemia, unspecified")]


def icd():
    return pick(ICD)


def mrn(style=None):
    style = style or pick(["num8", "num7", "alpha", "dashed", "num10", "prefixed"])
    return {"num8": lambda: digits(8), "num7": lambda: str(R.randint(1000000, 9999999)),
            "alpha": lambda: pick("EMHK") + digits(7), "dashed": lambda: f"{digits(2)}-{digits(3)}-{digits(3)}",
            "num10": lambda: "00" + digits(8), "prefixed": lambda: "MR" + digits(7)}[style]()


MBI_ALPHA = "ACDEFGHJKMNPQRTUVWXY"


def mbi(dashed=False):
    an = MBI_ALPHA + string.digits
    s = (pick("123456789") + pick(MBI_ALPHA) + pick(an) + pick(string.digits) + pick(MBI_ALPHA)
         + pick(an) + pick(string.digits) + pick(MBI_ALPHA) + pick(MBI_ALPHA) + pick(string.digits) + pick(string.digits))
    return f"{s[:4]}-{s[4:7]}-{s[7:]}" if dashed else s


def kvnr():
    letter = pick(string.ascii_uppercase)
    body = digits(8)
    num = f"{ord(letter) - 64:02d}" + body
    total = 0
    for i, ch in enumerate(num):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return f"{letter}{body}{total % 10}"


def au_medicare():
    while True:
        first = str(R.randint(2, 6))
        body = first + digits(7)
        w = [1, 3, 7, 9, 1, 3, 7, 9]
        chk = sum(int(c) * w[i] for i, c in enumerate(body)) % 10
        return f"{body[:4]} {body[4:]}{chk} {R.randint(1, 5)}"


def fr_nir():
    sex = pick("12")
    yy, mm = f"{R.randint(50, 99):02d}", f"{R.randint(1, 12):02d}"
    dep, com, ordre = f"{R.randint(1, 95):02d}", f"{R.randint(1, 990):03d}", f"{R.randint(1, 999):03d}"
    n = sex + yy + mm + dep + com + ordre
    key = 97 - int(n) % 97
    return f"{sex} {yy} {mm} {dep} {com} {ordre} {key:02d}"


def member_id():
    return pick([lambda: pick(["XDP", "JQU", "YLK", "R2W", "ZGP"]) + digits(9),
                 lambda: "W" + digits(9), lambda: "U" + digits(8) + "01",
                 lambda: "H" + digits(8), lambda: "M" + digits(8) + "-01"])()


def medicaid_cin():
    return alnum(2, string.ascii_uppercase) + digits(5) + pick(string.ascii_uppercase)


def ohip():
    while True:
        n = str(R.randint(1, 9)) + digits(9)
        if luhn_ok(n):
            return f"{n[:4]}-{n[4:7]}-{n[7:]}-{alnum(2, string.ascii_uppercase)}"


# ---------------------------------------------------------------- hard-negative values

def isbn13():
    b = pick(["978", "979"]) + digits(9)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(b))
    return b + str((10 - s % 10) % 10)


def ean13(prefix=None):
    b = (prefix or pick(["400", "590", "871", "300", "760", "540"])) + digits(12 - len(prefix or "400"))
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(b))
    return b + str((10 - s % 10) % 10)


def upc():
    b = pick("0367") + digits(10)
    s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(b))
    return b + str((10 - s % 10) % 10)


def ups_tracking():
    return "1Z" + alnum(6, string.ascii_uppercase + string.digits) + digits(10)


def epoch_ms():
    return R.randint(1764500000000, 1764700000000)


def ipv4():
    return f"{pick([10, 172, 192, 100, 203, 198])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def semver():
    return f"{R.randint(0, 14)}.{R.randint(0, 30)}.{R.randint(0, 99)}"


def amount():
    return f"{R.randint(3, 9800)}.{digits(2)}"


# ================================================================ formats: issue trackers, webhooks

def iso_ts():
    return f"2026-{R.randint(1, 11):02d}-{R.randint(1, 28):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}"


def jira_webhook():
    def wrap(summary, description, reporter=None, comment=None):
        issue = {"id": str(R.randint(10000, 99999)), "key": f"{pick(['OPS', 'PAY', 'CLIN', 'SUP'])}-{R.randint(10, 4999)}",
                 "fields": {"summary": summary, "description": description,
                            "issuetype": {"name": pick(["Bug", "Task", "Incident"])},
                            "priority": {"name": pick(["High", "Medium", "Highest"])},
                            "status": {"name": "To Do"}, "labels": [pick(["prod", "customer", "billing"])]}}
        if reporter:
            issue["fields"]["reporter"] = reporter
        ev = {"timestamp": epoch_ms(), "webhookEvent": "comment_created" if comment else "jira:issue_created",
              "issue_event_type_name": "issue_commented" if comment else "issue_created", "issue": issue}
        if comment:
            ev["comment"] = {"id": str(R.randint(100000, 999999)), "body": comment, "created": iso_ts() + ".000+0000"}
        return ev
    f, l = person()
    e = email(f, l, pick(WORK))
    add("jira-webhook", ["email"], wrap("Export job fails for tenant 4471", "Stack trace attached, started after deploy 2026.11.3",
                                        {"accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": f"{f} {l}", "emailAddress": e, "timeZone": "Europe/Berlin"}))
    c = card()
    add("jira-webhook", ["credit_card", "cvv"], wrap("Refund not applied", "Customer pasted card in chat: " + fmt_card(c) + f" exp {exp()} cvc {cvv_for(c)} - please refund order 88231"))
    k = aws_id("AKIA")
    add("jira-webhook", ["aws_access_key", "api_key"], wrap("Rotate leaked key", "Found in build log:\n{code}\nAWS_ACCESS_KEY_ID=" + k + "\nAWS_SECRET_ACCESS_KEY=" + aws_secret() + "\n{code}"))
    add("jira-webhook", ["password"], wrap("Staging DB access", "n/a", comment=f"creds for the staging replica: user `report_ro` password `{password()}` (will rotate friday)"))
    add("jira-webhook", ["icd10", "medical_record_number"], wrap("Claim rejected - wrong dx", f"Patient MRN {mrn()} claim denied, coder used {icd()[0]} but note says {icd()[0]}. Please re-bill."))
    add("jira-webhook", [], wrap("Bump lodash to 4.17.21", f"Dependabot PR #{R.randint(100, 999)}; CI build {R.randint(10000, 99999)} green at commit {sha1()[:12]}."))
    add("jira-webhook", [], wrap("Card form shows wrong last4", "Checkout shows **** **** **** 4242 for every saved card; see order " + bad_luhn16("7") + "."))
    add("jira-webhook", [], wrap("Docs: API key header", "Docs should say `Authorization: Bearer <YOUR_API_KEY>`; example uses AKIAIOSFODNN7EXAMPLE which is fine."))
    add("jira-webhook", [], wrap("Password reset e-mail not sent", "Users report the password reset link expires after 10 min instead of 60. Error: `password_reset_token expired`."))


def linear_webhook():
    def ev(title, desc, action="create"):
        return {"action": action, "type": "Issue", "createdAt": iso_ts() + ".512Z",
                "data": {"id": uuid4(), "identifier": f"ENG-{R.randint(100, 2999)}", "title": title, "description": desc,
                         "priority": R.randint(0, 4), "teamId": uuid4(), "stateId": uuid4(),
                         "labelIds": [uuid4()]},
                "url": f"https://linear.app/quantaloop/issue/ENG-{R.randint(100, 2999)}", "organizationId": uuid4(),
                "webhookTimestamp": epoch_ms()}
    _, t = api_key("slack_bot")
    add("linear-webhook", ["api_key"], ev("Slack notifier broken", f"Bot token in the old config was `{t}`, revoke it."))
    add("linear-webhook", ["jwt"], ev("401 from /v2/me", "Repro:\n```\ncurl -H 'Authorization: Bearer " + jwt() + "' https://api.brightpath.io/v2/me\n```"))
    add("linear-webhook", ["phone", "email"], ev("Customer callback", f"Call back {pick(FIRST)} at {phone('UK')} or {email()}"))
    add("linear-webhook", ["private_key"], ev("Deploy key in repo", "Someone committed this to infra/keys/deploy:\n```\n" + pem("OPENSSH PRIVATE KEY") + "```"))
    add("linear-webhook", [], ev("Flaky test", f"`orders.spec.ts` fails 1 in 20 runs; seed 0x{hexs(8)}; last seen at {epoch_ms()}."))
    add("linear-webhook", [], ev("Rotate tokens", "Move all `xoxb-your-token` placeholders in README to `${SLACK_BOT_TOKEN}`.", "update"))
    add("linear-webhook", [], ev("Geo lookup wrong", f"IP {ipv4()} resolves to 52.5200,13.4050 instead of 48.1372,11.5756; version {semver()}."))


def twilio_callback():
    def cb(body, frm=None, to=None):
        return {"ToCountry": "US", "SmsMessageSid": "SM" + hexs(32), "NumMedia": "0", "ToCity": "",
                "FromZip": "", "SmsSid": "SM" + hexs(32), "FromState": "", "SmsStatus": "received",
                "Body": body, "FromCountry": "US", "To": to or "+1415555" + "01" + digits(2), "NumSegments": "1",
                "MessageSid": "SM" + hexs(32), "AccountSid": "AC" + hexs(32), "From": frm or e164("US"), "ApiVersion": "2010-04-01"}
    add("twilio-callback", ["phone"], cb("STOP"))
    add("twilio-callback", ["phone", "ssn"], cb(f"my ssn is {ssn()} for the verification"))
    c = card()
    add("twilio-callback", ["phone", "credit_card"], cb(f"card {fmt_card(c, 'plain')} pls charge the balance"))
    add("twilio-callback", ["phone", "email"], cb(f"send the receipt to {email()} thanks", frm=e164("UK")))
    add("twilio-callback", ["phone"], {"MessageStatus": "delivered", "MessageSid": "SM" + hexs(32), "AccountSid": "AC" + hexs(32),
                                       "To": e164("BR"), "From": "+14155550" + digits(3), "ErrorCode": ""})
    add("twilio-callback", [], {"MessageStatus": "undelivered", "MessageSid": "SM" + hexs(32), "AccountSid": "AC" + hexs(32),
                                "ErrorCode": "30007", "ApiVersion": "2010-04-01", "SmsStatus": "undelivered", "NumSegments": "2"})
    add("twilio-callback", [], {"CallSid": "CA" + hexs(32), "CallStatus": "completed", "CallDuration": "187",
                                "Timestamp": "Tue, 01 Dec 2026 18:22:07 +0000", "SequenceNumber": "3", "RecordingSid": "RE" + hexs(32)})


def sendgrid_event():
    evs = []
    for _ in range(R.randint(1, 3)):
        evs.append({"email": email(), "timestamp": epoch_ms() // 1000, "smtp-id": f"<{hexs(20)}@ismtpd0012p1lon1.sendgrid.net>",
                    "event": pick(["delivered", "open", "processed", "bounce"]), "category": ["receipt"],
                    "sg_event_id": alnum(22, string.ascii_letters + string.digits + "-_"), "sg_message_id": alnum(22) + ".filter0123p1mdw1-123-5F-0"})
    add("sendgrid-event", ["email"], evs)
    add("sendgrid-event", ["email", "phone"], [{"email": email(), "timestamp": epoch_ms() // 1000, "event": "click",
                                                "url": "https://tallgrass-pay.com/account?utm_source=sg", "customer_phone": phone("US"),
                                                "sg_event_id": alnum(22), "useragent": "Mozilla/5.0"}])
    add("sendgrid-event", [], [{"timestamp": epoch_ms() // 1000, "event": "group_unsubscribe", "asm_group_id": 1043,
                                "sg_event_id": alnum(22), "sg_message_id": alnum(22) + ".filter0001p3las1-2541-60B-1",
                                "ip": ipv4(), "tls": 1, "cert_err": 0}])
    add("sendgrid-event", [], [{"timestamp": epoch_ms() // 1000, "event": "deferred", "attempt": "5", "response": "421 4.7.0 Try again later",
                                "sg_event_id": alnum(22), "category": ["password-reset"], "marketing_campaign_id": 88213}])


def datadog_log():
    def log(msg, attrs=None, status="info"):
        d = {"date": iso_ts() + "Z", "host": f"ip-{ipv4().replace('.', '-')}.ec2.internal", "service": pick(["checkout", "auth-api", "claims-worker"]),
             "status": status, "message": msg, "ddsource": pick(["nodejs", "python", "java"]),
             "ddtags": f"env:prod,version:{semver()},kube_namespace:payments",
             "dd": {"trace_id": safe_id(19), "span_id": safe_id(18)}}
        if attrs:
            d["attributes"] = attrs
        return d
    c = card()
    add("datadog-log", ["credit_card"], log("charge failed", {"http": {"method": "POST", "url_details": {"path": "/v1/charge"}},
                                                             "request_body": {"card_number": c, "amount": 4200}}, "error"))
    add("datadog-log", ["email", "password"], log(f"login attempt payload: {{\"username\":\"{email()}\",\"password\":\"{password()}\"}}", None, "warn"))
    add("datadog-log", ["jwt"], log("upstream 401", {"http": {"request_headers": {"authorization": "Bearer " + jwt()}}}, "error"))
    add("datadog-log", ["api_key"], log("config loaded", {"env": {"DD_API_KEY": hexs(32), "NODE_ENV": "production"}}))
    add("datadog-log", ["ssn", "icd10"], log(f"eligibility check subscriber_ssn={ssn()} dx={icd()[0]} result=ELIGIBLE", None))
    add("datadog-log", [], log("request completed", {"http": {"status_code": 200, "duration": R.randint(10**6, 10**9)},
                                                      "usr": {"id": uuid4()}, "network": {"client": {"ip": ipv4()}}}))
    add("datadog-log", [], log(f"payment authorized last4=4242 brand=visa amount={amount()} currency=EUR order={bad_luhn16('9')}"))
    add("datadog-log", [], log("GC pause 212ms", {"jvm": {"heap_used": 1932735283, "thread_count": 211}, "build": f"{R.randint(1000, 9999)}"}))
    add("datadog-log", [], log("auth failed: password authentication failed for user \"app\"", None, "error"))


def windows_event_xml():
    def ev(eid, data, channel="Security"):
        rows = "".join(f"<Data Name=\"{k}\">{v}</Data>" for k, v in data)
        return ("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                f"<Provider Name=\"Microsoft-Windows-Security-Auditing\" Guid=\"{{{uuid4().upper()}}}\"/>"
                f"<EventID>{eid}</EventID><Version>2</Version><Level>0</Level><Task>12544</Task>"
                f"<TimeCreated SystemTime=\"{iso_ts()}.{digits(7)}Z\"/><EventRecordID>{R.randint(10**6, 10**8)}</EventRecordID>"
                f"<Channel>{channel}</Channel><Computer>WKS-{R.randint(100, 999)}.corp.kestrel-bank.co.uk</Computer></System>"
                f"<EventData>{rows}</EventData></Event>")
    pw = password()
    add("windows-event-xml", ["password"], {"xml": ev(4688, [("SubjectUserName", "svc_backup"), ("NewProcessName", r"C:\Windows\System32\net.exe"),
                                                            ("CommandLine", f"net use \\\\fs01\\backup /user:CORP\\svc_backup {pw}")])})
    add("windows-event-xml", ["password"], {"xml": ev(4104, [("ScriptBlockText", f"$pw = ConvertTo-SecureString '{password()}' -AsPlainText -Force; New-LocalUser -Name helpdesk2 -Password $pw")],
                                                     "Microsoft-Windows-PowerShell/Operational")})
    k = aws_id("AKIA")
    add("windows-event-xml", ["aws_access_key", "api_key"], {"xml": ev(4688, [("NewProcessName", r"C:\Program Files\Amazon\AWSCLIV2\aws.exe"),
                                                                             ("CommandLine", f"cmd /c set AWS_ACCESS_KEY_ID={k}&& set AWS_SECRET_ACCESS_KEY={aws_secret()}&& aws s3 ls")])})
    add("windows-event-xml", ["email"], {"xml": ev(4624, [("TargetUserName", email(domain="kestrel-bank.co.uk")), ("LogonType", "10"), ("IpAddress", ipv4())])})
    add("windows-event-xml", [], {"xml": ev(4625, [("TargetUserName", "administrator"), ("Status", "0xc000006d"), ("SubStatus", "0xc000006a"),
                                                   ("FailureReason", "%%2313"), ("IpAddress", ipv4())])})
    add("windows-event-xml", [], {"xml": ev(4724, [("TargetUserName", "jmensah"), ("TargetSid", f"S-1-5-21-{digits(10)}-{digits(10)}-{digits(9)}-{R.randint(1000, 9999)}")])})
    add("windows-event-xml", [], {"xml": ev(4688, [("NewProcessName", r"C:\Windows\System32\certutil.exe"), ("CommandLine", f"certutil -hashfile setup.msi SHA256"),
                                                   ("ProcessId", "0x" + hexs(4))])})


def journald_json():
    def j(msg, unit="app.service", extra=None):
        d = {"__CURSOR": f"s={hexs(32)};i={hexs(5)};b={hexs(32)};m={hexs(8)};t={hexs(13)};x={hexs(16)}",
             "__REALTIME_TIMESTAMP": str(epoch_ms() * 1000), "__MONOTONIC_TIMESTAMP": str(R.randint(10**9, 10**11)),
             "_BOOT_ID": hexs(32), "PRIORITY": str(R.randint(3, 6)), "_UID": "998", "_GID": "998",
             "_SYSTEMD_UNIT": unit, "_HOSTNAME": pick(["api-3", "worker-eu-1", "db-proxy"]), "_PID": str(R.randint(300, 65000)),
             "_COMM": unit.split(".")[0], "MESSAGE": msg}
        if extra:
            d.update(extra)
        return d
    add("journald-json", ["password"], j(f"Starting with --db-url=mysql://billing:{urllib.parse.quote(password(), safe='')}@10.0.4.12:3306/billing", "billing.service"))
    add("journald-json", ["api_key"], j(f"Loaded env STRIPE_SECRET_KEY={api_key('stripe')[1]}", "checkout.service"))
    add("journald-json", ["private_key"], j("sshd key material dumped by debug flag", "keygen.service", {"KEY": pem("EC PRIVATE KEY")}))
    add("journald-json", ["email", "phone"], j(f"notify: sent SMS to {phone('DE')} and mail to {email()}", "notifier.service"))
    add("journald-json", [], j("Accepted publickey for deploy from 10.0.3.7 port 51122 ssh2: ED25519 SHA256:" + b64chars(43), "sshd.service"))
    add("journald-json", [], j("Failed password for invalid user admin from 203.0.113.9 port 40110 ssh2", "sshd.service"))
    add("journald-json", [], j(f"kernel: EXT4-fs (nvme0n1p1): mounted filesystem {uuid4()} r/w with ordered data mode", "kernel"))


def kafka_connect():
    def rec(topic, value, key=None):
        return {"topic": topic, "partition": R.randint(0, 11), "offset": R.randint(10**5, 10**8), "timestamp": epoch_ms(),
                "timestampType": "CreateTime", "key": key, "value": value,
                "headers": [{"key": "__connect.errors.connector.name", "stringValue": "pg-sink"}] if R.random() < 0.3 else []}
    f, l = person()
    add("kafka-connect", ["email", "phone"], rec("dbserver1.public.customers", {
        "before": None, "after": {"id": R.randint(1000, 99999), "first_name": f, "last_name": l, "email": email(f, l), "phone": phone()},
        "source": {"version": "2.5.0.Final", "connector": "postgresql", "name": "dbserver1", "ts_ms": epoch_ms(), "db": "shop",
                   "schema": "public", "table": "customers", "lsn": R.randint(10**7, 10**9)}, "op": "c", "ts_ms": epoch_ms()}, {"id": R.randint(1, 99999)}))
    add("kafka-connect", ["ssn"], rec("hr.employees", {"schema": {"type": "struct", "fields": [{"field": "emp_id", "type": "int32"}, {"field": "tax_id", "type": "string"}]},
                                                      "payload": {"emp_id": R.randint(100, 9999), "tax_id": ssn()}}))
    add("kafka-connect", ["medical_record_number", "icd10"], rec("ehr.encounters", {"after": {"encounter_id": R.randint(10**6, 10**7), "patient_mrn": mrn(),
                                                                                             "primary_dx": icd()[0], "admit_ts": epoch_ms()}, "op": "u"}))
    c = card()
    add("kafka-connect", ["credit_card"], rec("payments.dlq", {"pan": c, "amount_minor": R.randint(100, 90000), "currency": "GBP"}))
    add("kafka-connect", [], rec("orders.v1", {"after": {"order_id": bad_luhn16("8"), "sku": f"SKU-{digits(6)}", "ean": ean13(), "qty": 2,
                                                          "total": amount(), "updated_at": epoch_ms()}, "op": "c"}))
    add("kafka-connect", [], rec("connect-status", {"state": "FAILED", "trace": "org.apache.kafka.connect.errors.DataException: Failed to deserialize data for topic users to Avro",
                                                    "worker_id": "10.0.2.19:8083", "generation": 14}))
    add("kafka-connect", [], rec("dbserver1.public.customers", {"before": {"id": 4412}, "after": {"id": 4412, "email": "m•••@g•••.com", "card_last4": "1881", "ssn_last4": "0412"}, "op": "u"}))


def avro_json():
    schema = {"type": "record", "name": "Patient", "namespace": "org.harborview.ehr",
              "fields": [{"name": "mrn", "type": "string"}, {"name": "insurance", "type": ["null", {"type": "record", "name": "Coverage", "fields": [
                  {"name": "member_id", "type": "string"}, {"name": "payer", "type": "string"}]}]}, {"name": "diagnoses", "type": {"type": "array", "items": "string"}}]}
    add("avro-json", ["medical_record_number", "health_insurance_number", "icd10"],
        {"schema": schema, "record": {"mrn": mrn(), "insurance": {"org.harborview.ehr.Coverage": {"member_id": member_id(), "payer": "Bluejay Health Plan"}},
                                      "diagnoses": [icd()[0], icd()[0]]}})
    add("avro-json", ["health_insurance_number"], {"schema": {"type": "record", "name": "Beneficiary", "fields": [{"name": "mbi", "type": "string"}, {"name": "plan", "type": "string"}]},
                                                   "record": {"mbi": mbi(), "plan": "H1234-005"}})
    add("avro-json", ["email", "phone"], {"schema": {"type": "record", "name": "Contact", "fields": [{"name": "email", "type": "string"}, {"name": "mobile", "type": ["null", "string"]}]},
                                          "record": {"email": email(), "mobile": {"string": phone()}}})
    add("avro-json", [], {"schema": schema, "record": None, "note": "schema only; registered as subject ehr-patient-value version 7"})
    add("avro-json", [], {"schema": {"type": "record", "name": "Shipment", "fields": [{"name": "tracking", "type": "string"}, {"name": "weight_g", "type": "int"}]},
                          "record": {"tracking": ups_tracking(), "weight_g": R.randint(100, 30000)}})


def protobuf_text():
    c = card()
    add("protobuf-text", ["credit_card", "cvv"], {"textproto": f"# proto-file: payments/v1/charge.proto\n# proto-message: ChargeRequest\namount {{ currency_code: \"USD\" units: {R.randint(1, 900)} nanos: 500000000 }}\n"
                                                  f"card {{\n  number: \"{c}\"\n  exp_month: {R.randint(1, 12)}\n  exp_year: {R.randint(2027, 2031)}\n  cvc: \"{cvv_for(c)}\"\n}}\nidempotency_key: \"{uuid4()}\"\n"})
    add("protobuf-text", ["api_key"], {"textproto": f"# envoy bootstrap fragment\nstatic_resources {{\n  secrets {{\n    name: \"upstream-token\"\n    generic_secret {{ secret {{ inline_string: \"{api_key('github')[1]}\" }} }}\n  }}\n}}\n"})
    add("protobuf-text", ["email", "ssn"], {"textproto": f"employee {{\n  id: {R.randint(100, 9999)}\n  work_email: \"{email(domain=pick(WORK))}\"\n  ssn: \"{ssn()}\"\n  start_date {{ year: 2026 month: 3 day: 1 }}\n}}\n"})
    add("protobuf-text", [], {"textproto": "# tensorflow serving model config\nmodel_config_list {\n  config {\n    name: \"ranker\"\n    base_path: \"/models/ranker\"\n    model_platform: \"tensorflow\"\n    model_version_policy { specific { versions: 1764612345 } }\n  }\n}\n"})
    add("protobuf-text", [], {"textproto": f"order {{\n  id: \"{bad_luhn16('5')}\"\n  line_items {{ sku: \"{upc()}\" quantity: 3 }}\n  shipping {{ carrier: \"UPS\" tracking: \"{ups_tracking()}\" }}\n  payment {{ brand: \"mastercard\" last4: \"4444\" }}\n}}\n"})


def safe_id(n):
    """An n-digit id that is not a Luhn-valid issuer number (trace ids, order refs)."""
    while True:
        s = str(R.randint(1, 9)) + digits(n - 1)
        if not (13 <= n <= 19 and is_issuer(s) and luhn_ok(s)) and not (n == 16 and luhn_ok(s)):
            return s


# ================================================================ formats: config files

def toml_config():
    add("toml-config", ["password"], {"path": "config/production.toml", "text": f"[server]\nport = 8080\n\n[database]\nhost = \"db.internal\"\nuser = \"orders\"\npassword = \"{password()}\"\npool_size = 20\n"})
    add("toml-config", ["api_key"], {"path": "Cargo.toml/.cargo/credentials.toml", "text": f"[registry]\ntoken = \"cio{alnum(32)}\"\n\n[registries.internal]\ntoken = \"Bearer {api_key('gitlab')[1]}\"\n"})
    add("toml-config", ["api_key"], {"path": "netlify.toml", "text": f"[build]\n  command = \"npm run build\"\n[build.environment]\n  NODE_VERSION = \"20\"\n  SENDGRID_API_KEY = \"{api_key('sendgrid')[1]}\"\n"})
    add("toml-config", ["aws_access_key", "api_key"], {"path": "samconfig.toml", "text": f"version = 0.1\n[default.deploy.parameters]\nstack_name = \"claims-api\"\nparameter_overrides = \"AccessKeyId={aws_id('AKIA')} SecretAccessKey={aws_secret()}\"\n"})
    add("toml-config", [], {"path": "pyproject.toml", "text": f"[project]\nname = \"ledger\"\nversion = \"{semver()}\"\nrequires-python = \">=3.10\"\ndependencies = [\"httpx>=0.27\", \"pydantic==2.9.2\"]\n\n[tool.poetry.source]\nurl = \"https://pypi.internal/simple\"\n"})
    add("toml-config", [], {"path": "config/example.toml", "text": "[database]\nuser = \"orders\"\npassword = \"\"          # set DB_PASSWORD in the environment\n[stripe]\nsecret_key = \"${STRIPE_SECRET_KEY}\"\n"})
    add("toml-config", [], {"path": "Cargo.lock", "text": f"[[package]]\nname = \"serde\"\nversion = \"1.0.215\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"{hexs(64)}\"\n"})


def ini_config():
    add("ini-config", ["password"], {"path": "~/.config/rclone/rclone.conf", "text": f"[nas]\ntype = sftp\nhost = 192.168.1.20\nuser = backup\npass = {password()}\nshell_type = unix\n"})
    add("ini-config", ["password", "email"], {"path": "php.ini fragment / msmtprc", "text": f"[mail function]\nSMTP = smtp.office365.com\nsmtp_port = 587\nauth_username = {email(domain=pick(WORK))}\nauth_password = {password()}\n"})
    add("ini-config", ["aws_access_key", "api_key"], {"path": "~/.s3cfg", "text": f"[default]\naccess_key = {aws_id('AKIA')}\nsecret_key = {aws_secret()}\nhost_base = s3.amazonaws.com\nuse_https = True\n"})
    add("ini-config", ["password"], {"path": "/etc/odbc.ini", "text": f"[ReportingDSN]\nDriver = ODBC Driver 18 for SQL Server\nServer = tcp:sql-prod.kestrel-bank.co.uk,1433\nDatabase = reporting\nUID = rpt_reader\nPWD = {password()}\n"})
    add("ini-config", [], {"path": "setup.cfg", "text": f"[metadata]\nname = claimsparser\nversion = {semver()}\n\n[flake8]\nmax-line-length = 100\nexclude = .git,__pycache__\n"})
    add("ini-config", [], {"path": "~/.gitconfig", "text": "[user]\n\tname = Build Bot\n[credential]\n\thelper = osxkeychain\n[url \"git@github.com:\"]\n\tinsteadOf = https://github.com/\n"})
    add("ini-config", [], {"path": "/etc/odbc.ini.sample", "text": "[ReportingDSN]\nDriver = ODBC Driver 18 for SQL Server\nServer = tcp:<server>,1433\nUID = <username>\nPWD = <password>\n"})


def netrc():
    add("netrc", ["password"], {"path": "~/.netrc", "text": f"machine ftp.sundial-retail.de\n  login edi_upload\n  password {password()}\n"})
    add("netrc", ["password"], {"path": "~/.netrc", "text": f"machine nexus.internal login ci-reader password {password()}\nmachine files.harborview-labs.net login results password {password()}\n"})
    add("netrc", [], {"path": "~/.netrc", "text": "# credentials now come from the keychain\nmachine github.com login x-access-token password ${GITHUB_TOKEN}\n"})
    add("netrc", [], {"path": "docs/netrc.md", "text": "Create `~/.netrc` with:\n\n    machine api.example.test\n      login YOUR_LOGIN\n      password YOUR_PASSWORD\n"})


def systemd_unit():
    add("systemd-unit", ["password"], {"path": "/etc/systemd/system/ledger.service", "text": f"[Unit]\nDescription=Ledger API\nAfter=network-online.target\n\n[Service]\nUser=ledger\nEnvironment=NODE_ENV=production\nEnvironment=\"PGPASSWORD={password()}\"\nExecStart=/usr/bin/node /opt/ledger/dist/main.js\nRestart=on-failure\n"})
    add("systemd-unit", ["api_key"], {"path": "/etc/systemd/system/uptime-agent.service", "text": f"[Service]\nEnvironment=NEW_RELIC_LICENSE_KEY={hexs(36)}NRAL\nEnvironment=NEW_RELIC_API_KEY={api_key('newrelic')[1]}\nExecStart=/usr/local/bin/agent\n"})
    add("systemd-unit", ["aws_access_key", "api_key"], {"path": "/etc/systemd/system/backup.service.d/override.conf", "text": f"[Service]\nEnvironment=\"AWS_ACCESS_KEY_ID={aws_id('AKIA')}\" \"AWS_SECRET_ACCESS_KEY={aws_secret()}\"\n"})
    add("systemd-unit", [], {"path": "/etc/systemd/system/ledger.service", "text": "[Service]\nEnvironmentFile=/etc/ledger/env\nLoadCredential=db-password:/etc/credstore/ledger.db\nExecStart=/usr/bin/node main.js\nMemoryMax=512M\n"})
    add("systemd-unit", [], {"path": "/lib/systemd/system/fstrim.timer", "text": "[Unit]\nDescription=Discard unused blocks once a week\n\n[Timer]\nOnCalendar=weekly\nAccuracySec=1h\nPersistent=true\nRandomizedDelaySec=6000\n"})


def saml_assertion():
    def assertion(attrs, nameid):
        a = "".join(f"<saml:Attribute Name=\"{k}\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:basic\"><saml:AttributeValue xsi:type=\"xs:string\">{v}</saml:AttributeValue></saml:Attribute>" for k, v in attrs)
        return (f"<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_{hexs(40)}\" IssueInstant=\"{iso_ts()}Z\" Version=\"2.0\">"
                f"<saml:Issuer>https://idp.kestrel-bank.co.uk/adfs/services/trust</saml:Issuer>"
                f"<ds:Signature><ds:SignedInfo><ds:Reference URI=\"#_x\"><ds:DigestValue>{b64chars(43)}=</ds:DigestValue></ds:Reference></ds:SignedInfo>"
                f"<ds:SignatureValue>{b64chars(340)}==</ds:SignatureValue></ds:Signature>"
                f"<saml:Subject><saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:{'emailAddress' if '@' in nameid else 'unspecified'}\">{nameid}</saml:NameID></saml:Subject>"
                f"<saml:AttributeStatement>{a}</saml:AttributeStatement></saml:Assertion>")
    f, l = person()
    add("saml-assertion", ["email"], {"SAMLResponse_decoded": assertion([("givenName", f), ("sn", l), ("groups", "finance-ro")], email(f, l, "kestrel-bank.co.uk"))})
    add("saml-assertion", ["email", "phone"], {"SAMLResponse_decoded": assertion([("mail", email(f, l, "meridian-clinic.com")), ("mobile", phone("US"))], "_" + hexs(32))})
    add("saml-assertion", ["ssn"], {"SAMLResponse_decoded": assertion([("employeeNumber", str(R.randint(10000, 99999))), ("ssn", ssn())], "_" + hexs(32))})
    add("saml-assertion", [], {"SAMLResponse_decoded": assertion([("groups", "engineering"), ("department", "R&D")], "_" + hexs(32))})
    add("saml-assertion", [], {"metadata": "<md:EntityDescriptor entityID=\"https://sp.brightpath.io\"><md:SPSSODescriptor><md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIC" + b64chars(600) + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:SPSSODescriptor></md:EntityDescriptor>"})


def ldif():
    f, l = person()
    add("ldif", ["email", "phone"], {"text": f"dn: uid={ascii_fold(f).lower()},ou=people,dc=fjordsoft,dc=no\nobjectClass: inetOrgPerson\nuid: {ascii_fold(f).lower()}\ncn: {ascii_fold(f)} {ascii_fold(l)}\nsn: {ascii_fold(l)}\nmail: {email(f, l, 'fjordsoft.no')}\ntelephoneNumber: +47 {digits(3)} {digits(2)} {digits(3)}\nmobile: {phone('SE')}\n"})
    add("ldif", ["password"], {"text": f"dn: cn=replicator,dc=fjordsoft,dc=no\nchangetype: modify\nreplace: userPassword\nuserPassword: {password()}\n-\n"})
    pw = password()
    add("ldif", ["password"], {"text": f"dn: uid=svc-jenkins,ou=services,dc=fjordsoft,dc=no\nobjectClass: account\nobjectClass: simpleSecurityObject\nuserPassword:: {b64(pw)}\n"}, check=f"userPassword: {pw}")
    add("ldif", [], {"text": "dn: uid=okafor,ou=people,dc=fjordsoft,dc=no\nchangetype: modify\nreplace: userPassword\nuserPassword: {SSHA}" + b64chars(32) + "\n-\n"})
    add("ldif", [], {"text": "dn: cn=admins,ou=groups,dc=fjordsoft,dc=no\nobjectClass: groupOfNames\ncn: admins\nmember: uid=okafor,ou=people,dc=fjordsoft,dc=no\nmember: uid=lindqvist,ou=people,dc=fjordsoft,dc=no\n"})
    add("ldif", [], {"text": f"dn: uid=kapoor,ou=people,dc=fjordsoft,dc=no\nobjectClass: posixAccount\nuidNumber: {R.randint(1000, 60000)}\ngidNumber: 100\nhomeDirectory: /home/kapoor\nloginShell: /bin/bash\nsshPublicKey: {ssh_pub()}\n"})


def edifact():
    # INVOIC / IFTMIN / PAXLST fragments; segments end with '
    f, l = person()
    una = "UNA:+.? '"
    unb = f"UNB+UNOC:3+4012345000009:14+5412345000013:14+26{R.randint(1, 11):02d}{R.randint(1, 28):02d}:{R.randint(10, 23)}{R.randint(10, 59)}+{digits(8)}'"
    add("edifact", ["phone", "email"], {"interchange": una + unb + f"UNH+1+ORDERS:D:96A:UN'BGM+220+PO{digits(6)}+9'NAD+BY+4012345000009::9'CTA+PD+:{ascii_fold(f)} {ascii_fold(l)}'COM+{phone('DE').replace('+', '?+')}:TE'COM+{email(domain='sundial-retail.de')}:EM'UNT+7+1'UNZ+1+{digits(8)}'"})
    add("edifact", ["credit_card"], {"interchange": una + unb + f"UNH+1+PAYMUL:D:96A:UN'BGM+452+{digits(8)}+9'FII+OR+{card()}:{pick(['VI', 'MC', 'AX'])}::25'MOA+9:{amount()}:EUR'UNT+4+1'UNZ+1+{digits(8)}'"})
    add("edifact", ["phone"], {"interchange": una + f"UNB+IATA:1+1AGDS+DEHBAPIS+{R.randint(261101, 261130)}:0800+{digits(8)}'UNH+PAX001+PAXLST:D:02B:UN:IATA'NAD+FL+++{ascii_fold(l).upper()}:{ascii_fold(f).upper()}'COM+{phone('NL').replace('+', '?+')}:TE'DOC+P:110:111+C{digits(8)}'UNT+5+PAX001'"})
    add("edifact", [], {"interchange": una + unb + f"UNH+1+INVOIC:D:96A:UN'BGM+380+INV{digits(7)}+9'DTM+137:2026{R.randint(1, 11):02d}{R.randint(1, 28):02d}:102'LIN+1++{ean13('400')}:EN'QTY+47:{R.randint(1, 90)}'MOA+203:{amount()}'UNT+6+1'UNZ+1+{digits(8)}'"})
    add("edifact", [], {"interchange": una + unb + f"UNH+1+IFTSTA:D:01B:UN'BGM+23+{digits(10)}+9'CNI+1+{ups_tracking()}'STS+1+21'RFF+CN:{digits(12)}'LOC+14+NLRTM'UNT+6+1'UNZ+1+{digits(8)}'"})


def dicom_json():
    f, l = person()
    def ds(extra):
        d = {"00080016": {"vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.2"]},
             "00080018": {"vr": "UI", "Value": [f"1.2.826.0.1.3680043.8.498.{digits(20)}"]},
             "00080060": {"vr": "CS", "Value": [pick(["CT", "MR", "US", "CR"])]},
             "0020000D": {"vr": "UI", "Value": [f"1.3.6.1.4.1.14519.5.2.1.{digits(4)}.{digits(30)}"]}}
        d.update(extra)
        return d
    add("dicom-json", ["medical_record_number"], [ds({"00100010": {"vr": "PN", "Value": [{"Alphabetic": f"{ascii_fold(l)}^{ascii_fold(f)}"}]},
                                                     "00100020": {"vr": "LO", "Value": [mrn()]}, "00100021": {"vr": "LO", "Value": ["MERIDIAN_MRN"]},
                                                     "00100030": {"vr": "DA", "Value": [f"19{R.randint(40, 99)}0{R.randint(1, 9)}1{R.randint(0, 9)}"]}})])
    add("dicom-json", ["medical_record_number", "icd10"], [ds({"00100020": {"vr": "LO", "Value": [mrn()]}, "00100021": {"vr": "LO", "Value": ["HVL"]},
                                                               "00081080": {"vr": "LO", "Value": [f"{icd()[0]}"]},
                                                               "00081084": {"vr": "SQ", "Value": [{"00080100": {"vr": "SH", "Value": [icd()[0]]}, "00080102": {"vr": "SH", "Value": ["I10"]}}]}})])
    add("dicom-json", ["health_insurance_number"], [ds({"00101050": {"vr": "LO", "Value": [member_id()]}, "00101040": {"vr": "LO", "Value": ["Bluejay Health Plan"]}})])
    add("dicom-json", [], [ds({"00100010": {"vr": "PN", "Value": [{"Alphabetic": "ANON^PATIENT"}]}, "00100020": {"vr": "LO", "Value": ["ANON-0001"]},
                               "00120062": {"vr": "CS", "Value": ["YES"]}, "00120063": {"vr": "LO", "Value": ["DICOM PS 3.15 E.1 Basic Profile"]}})])
    add("dicom-json", [], [ds({"00280010": {"vr": "US", "Value": [512]}, "00280011": {"vr": "US", "Value": [512]}, "00180050": {"vr": "DS", "Value": ["1.25"]},
                               "00200032": {"vr": "DS", "Value": ["-175.0", "-175.0", "-312.5"]}})])


# ================================================================ formats: health documents

def dob():
    return f"{R.randint(1, 12):02d}/{R.randint(1, 28):02d}/{R.randint(1941, 2004)}"


def pharmacy_label():
    f, l = person()
    add("pharmacy-label", ["phone", "medical_record_number"], {"ocr_text": f"MERIDIAN OUTPATIENT PHARMACY  Tel {phone('US')}\nRx# {digits(7)}   Date: 11/{R.randint(1, 28):02d}/2026\n{ascii_fold(l).upper()}, {ascii_fold(f).upper()}   MRN: {mrn()}\nMETFORMIN HCL 500 MG TAB\nTAKE 1 TABLET BY MOUTH TWICE DAILY WITH MEALS\nQty: 60   Refills: 3   NDC 00093-1048-01\nDr. A. Haddad"})
    add("pharmacy-label", ["phone"], {"ocr_text": f"Apotheke am Markt · {phone('DE')}\nFrau {ascii_fold(l)}\nIbuprofen 600 mg Filmtabletten\n1-1-1 nach dem Essen\nPZN 01234567  Ch.-B. K{digits(5)}  verw. bis 08/2028"})
    add("pharmacy-label", ["health_insurance_number"], {"ocr_text": f"CVS/pharmacy #0{digits(4)}\n{ascii_fold(f).upper()} {ascii_fold(l).upper()}  DOB {dob()}\nAMLODIPINE 5MG TABLET\nTAKE ONE TABLET DAILY\nINS: BLUEJAY HEALTH  ID# {member_id()}  RxBIN 610014 PCN MEDDPRIME GRP RX{digits(4)}\nRX {digits(7)}  QTY 30  RFL 5"})
    add("pharmacy-label", ["medical_record_number", "icd10"], {"ocr_text": f"INPATIENT PHARMACY - IV ADMIXTURE\nPt: {ascii_fold(l)}, {ascii_fold(f)}   MRN {mrn('alpha')}   Rm 4{digits(2)}B\nDx: {icd()[0]}\nvancomycin 1.25 g in NS 250 mL  q12h\nexp 12/0{R.randint(1, 9)}/26 23:00"})
    add("pharmacy-label", [], {"ocr_text": f"ATORVASTATIN 20 MG TABLET\nTAKE ONE TABLET AT BEDTIME\nQTY 90  RFL 1  NDC 0{digits(4)}-{digits(4)}-{digits(2)}\nLot {alnum(6, string.ascii_uppercase + string.digits)}  EXP 03/2028\nKeep out of reach of children. Do not take with grapefruit juice."})
    add("pharmacy-label", [], {"ocr_text": "VITAMIN B12 1000 MCG  -  TAKE 1 TABLET DAILY\nVitamin D3 2000 IU\nStore at room temperature 20-25C (68-77F)\nRoom B12, Bay E11"})


def eob_text():
    f, l = person()
    add("eob-text", ["health_insurance_number", "icd10"], {"pdf_text": f"EXPLANATION OF BENEFITS - THIS IS NOT A BILL\nMember: {ascii_fold(f)} {ascii_fold(l)}   Member ID: {member_id()}   Group: {digits(6)}\nClaim #: {digits(11)}   Provider: Harborview Orthopedics\nService date  Code   Dx        Billed    Allowed   Plan paid  You owe\n10/14/2026    99214  {icd()[0]:<8}  $245.00   $162.31   $129.85    $32.46\n10/14/2026    73562  {icd()[0]:<8}  $180.00   $88.10    $70.48     $17.62"})
    add("eob-text", ["health_insurance_number"], {"pdf_text": f"Medicare Summary Notice for {ascii_fold(f).upper()} {ascii_fold(l).upper()}\nMedicare Number {mbi(True)}\nThe amount you may be billed: $41.18\nDid Medicare approve all services? YES"})
    add("eob-text", ["health_insurance_number", "ssn"], {"pdf_text": f"Subscriber: {ascii_fold(l).upper()}, {ascii_fold(f).upper()}\nSubscriber ID {member_id()}\nSubscriber SSN on file: {ssn()}\nPatient responsibility: $0.00"})
    add("eob-text", [], {"pdf_text": f"EXPLANATION OF BENEFITS\nClaim #: {digits(11)}   Group: {digits(6)}   Payer ID 60054\nDeductible met: $1,250.00 of $1,500.00\nOut-of-pocket max: $6,350.00\nQuestions? Call the number on the back of your ID card."})
    add("eob-text", [], {"pdf_text": "Reason codes: CO-45 Charge exceeds fee schedule. PR-1 Deductible amount. N130 Consult plan benefit documents.\nCPT 99213, 97110, 97140; revenue code 0420; place of service 11."})


def discharge_summary():
    f, l = person()
    a, b = icd(), icd()
    add("discharge-summary", ["medical_record_number", "icd10"], {"note": f"DISCHARGE SUMMARY\nPatient: {ascii_fold(f)} {ascii_fold(l)}    MRN: {mrn()}    Admit: 11/02/2026  Discharge: 11/06/2026\nPrincipal diagnosis: {a[1]} ({a[0]})\nSecondary: {b[1]} ({b[0]})\nHospital course: uneventful; transitioned to oral therapy on day 3.\nFollow-up with PCP in 1 week."})
    add("discharge-summary", ["icd10"], {"note": f"Arztbrief / Entlassungsbericht\nDiagnosen: {a[0]} G {a[1]}; {b[0]} V\nTherapie: Ramipril 5 mg 1-0-0\nWiedervorstellung bei Beschwerden."})
    add("discharge-summary", ["medical_record_number", "phone"], {"note": f"Compte rendu d'hospitalisation\nN° de dossier patient (IPP/MRN) : {mrn('num10')}\nMotif : douleur thoracique\nContact famille : {phone('FR')}"})
    add("discharge-summary", ["medical_record_number", "health_insurance_number", "icd10"], {"note": f"Resumen de alta\nHistoria clínica (MRN): {mrn()}\nN.º de afiliado (seguro médico): {member_id()}\nDiagnóstico principal: {a[0]} — neumonía\n"})
    add("discharge-summary", [], {"note": "DISCHARGE INSTRUCTIONS\nDrink plenty of fluids. Take acetaminophen 650 mg every 6 hours as needed. Return to the ED for fever above 101.5F, chest pain or shortness of breath. Diet: as tolerated. Activity: no lifting over 10 lb for 2 weeks."})
    add("discharge-summary", [], {"note": "Template v3.2 — sections: Principal diagnosis (ICD-10 code), Secondary diagnoses, Procedures (CPT), Hospital course, Medications, Follow-up. Fill the MRN field from the banner."})


def fax_ocr():
    f, l = person()
    add("fax-ocr", ["health_insurance_number", "icd10", "phone"], {"ocr_text": f"FAX  PRIOR AUTHORIZATION REQUEST\nTo: Bluejay Health UM Dept   Fax: {phone('US')}\nMember name: {ascii_fold(f)} {ascii_fold(l)}   Member ID: {member_id()}\nRequested: MRI lumbar spine w/o contrast (72148)\nDiagnosis: {icd()[0]}  {icd()[0]}\nClinical notes attached (4 pages)"})
    add("fax-ocr", ["medical_record_number", "phone"], {"ocr_text": f"HARBORVIEW LABS - RESULTS FAX\nPage 1 of 2\nPATIENT: {ascii_fold(l).upper()}, {ascii_fold(f).upper()}   MRN#: {mrn()}\nCALLBACK: {phone('US')}\nHbA1c 7.9 % (H)   ref 4.0-5.6"})
    add("fax-ocr", ["ssn", "phone"], {"ocr_text": f"DISABILITY CLAIM FORM - EMPLOYEE SECTION\nName: {ascii_fold(f)} {ascii_fold(l)}\nSocial Security No.: {ssn()}\nHome phone: {phone('US')}\nEmployer: Acme Logistics"})
    add("fax-ocr", [], {"ocr_text": f"CONFIDENTIALITY NOTICE: This facsimile contains privileged information intended only for the recipient. If you received it in error, notify the sender and destroy all copies.\nPages: 3   Job #{digits(5)}   {R.randint(1, 12)}/{R.randint(1, 28)}/2026 14:{R.randint(10, 59)}"})
    add("fax-ocr", [], {"ocr_text": f"TRANSMISSION REPORT\nTIME : 11/30/2026 09:41\nSERIAL # : BRN{alnum(12, string.ascii_uppercase + string.digits)}\nDURATION : 00:01:12\nPAGE(S) : 04\nRESULT : OK\nMODE : STANDARD ECM"})


def cms1500_ocr():
    f, l = person()
    a, b = icd(), icd()
    add("cms1500-ocr", ["health_insurance_number", "icd10", "phone"], {"ocr_text": f"HEALTH INSURANCE CLAIM FORM  APPROVED BY NUCC 02/12\n1a. INSURED'S I.D. NUMBER  {member_id()}\n2. PATIENT'S NAME  {ascii_fold(l).upper()}, {ascii_fold(f).upper()}\n5. TELEPHONE  {phone('US')}\n21. DIAGNOSIS  ICD Ind. 0   A. {a[0].replace('.', '')}   B. {b[0].replace('.', '')}\n24. 11 01 26  11 01 26  11  99213  AB  125 00"})
    add("cms1500-ocr", ["health_insurance_number", "ssn", "icd10"], {"ocr_text": f"1. MEDICARE [X]\n1a. INSURED'S I.D. NUMBER  {mbi()}\n25. FEDERAL TAX I.D. NUMBER  SSN [X] EIN [ ]   {ssn('plain')}\n21. A. {a[0]}\n"})
    add("cms1500-ocr", [], {"ocr_text": f"25. FEDERAL TAX I.D. NUMBER  SSN [ ] EIN [X]   {ein()}\n32. SERVICE FACILITY  Meridian Clinic  NPI {R.randint(1000000000, 1999999999)}\n33. BILLING PROVIDER INFO & PH #  Meridian Clinic   NPI {R.randint(1000000000, 1999999999)}\n28. TOTAL CHARGE  $ {amount()}"})
    add("cms1500-ocr", [], {"ocr_text": "PLEASE DO NOT STAPLE IN THIS AREA\nPICA   HEALTH INSURANCE CLAIM FORM\n1. MEDICARE  MEDICAID  TRICARE  CHAMPVA  GROUP HEALTH PLAN  FECA BLK LUNG  OTHER\n21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY  Relate A-L to service line below (24E)"})


def textract_json():
    f, l = person()
    def doc(pairs):
        blocks = [{"BlockType": "PAGE", "Id": uuid4(), "Geometry": {"BoundingBox": {"Width": 1.0, "Height": 1.0, "Left": 0.0, "Top": 0.0}}}]
        for k, v in pairs:
            blocks.append({"BlockType": "LINE", "Id": uuid4(), "Confidence": round(R.uniform(91, 99.9), 3), "Text": f"{k} {v}".strip(),
                           "Geometry": {"BoundingBox": {"Width": round(R.random(), 4), "Height": 0.0211, "Left": round(R.random() / 2, 4), "Top": round(R.random(), 4)}}})
        return {"DocumentMetadata": {"Pages": 1}, "Blocks": blocks, "AnalyzeDocumentModelVersion": "1.0"}
    add("textract-json", ["health_insurance_number"], doc([("BLUEJAY", "HEALTH"), ("Member", f"{ascii_fold(f).upper()} {ascii_fold(l).upper()}"), ("Member ID", member_id()), ("Group No.", digits(6)), ("RxBIN", "004336"), ("PCN", "ADV")]))
    add("textract-json", ["health_insurance_number"], doc([("MEDICARE", "HEALTH INSURANCE"), ("Name/Nombre", f"{ascii_fold(f).upper()} {ascii_fold(l).upper()}"), ("Medicare Number/Número de Medicare", mbi(True)), ("Entitled to", "HOSPITAL (PART A) 03-01-2026")]))
    add("textract-json", ["health_insurance_number"], doc([("AOK", "Die Gesundheitskasse"), ("Versichertennummer", kvnr()), ("Name", f"{ascii_fold(l)}, {ascii_fold(f)}"), ("gültig bis", "12/2030")]))
    add("textract-json", ["credit_card"], doc([("KESTREL", "BANK"), ("", fmt_card(card(), "space")), ("VALID THRU", exp()), ("", f"{ascii_fold(f).upper()} {ascii_fold(l).upper()}")]))
    add("textract-json", ["ssn"], doc([("SOCIAL SECURITY", ""), ("THIS NUMBER HAS BEEN ESTABLISHED FOR", ""), ("", ssn()), ("", f"{ascii_fold(f).upper()} {ascii_fold(l).upper()}")]))
    add("textract-json", [], doc([("RECEIPT", ""), ("Order", safe_id(12)), ("VISA ************4242", ""), ("Total", amount()), ("Thank you!", "")]))
    add("textract-json", [], doc([("DRIVER LICENSE", "SAMPLE"), ("DL", "I1234562"), ("DOB", "08/31/1977"), ("CLASS", "C")]))


# ================================================================ formats: banking and payroll

def mt940():
    def stmt(lines86):
        acct = f"DE{digits(2)}{digits(18)}"
        s = f":20:STMT{digits(8)}\n:25:{acct}\n:28C:{R.randint(100, 400)}/1\n:60F:C261130EUR{R.randint(1000, 90000)},{digits(2)}\n"
        for t in lines86:
            s += f":61:2612{R.randint(1, 28):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{pick('DC')}{R.randint(5, 5000)},{digits(2)}NTRFNONREF//{digits(10)}\n:86:{t}\n"
        return s + f":62F:C261201EUR{R.randint(1000, 90000)},{digits(2)}\n-"
    f, l = person()
    add("mt940", [], {"swift": stmt([f"166?00SEPA-UEBERWEISUNG?20EREF+{digits(12)}?21SVWZ+RE {digits(8)}?32{ascii_fold(l).upper()} GMBH", "105?00FOLGELASTSCHRIFT?20MREF+M-" + digits(6) + "?21CRED+DE98ZZZ09999999999"])})
    add("mt940", ["email"], {"swift": stmt([f"166?00GUTSCHRIFT?20SVWZ+Rueckfragen an {email()}?32{ascii_fold(f).upper()} {ascii_fold(l).upper()}"])})
    add("mt940", ["phone"], {"swift": stmt([f"166?00GUTSCHRIFT?20SVWZ+Rueckruf {phone('DE')}?21Kundennr {digits(7)}"])})
    add("mt940", [], {"swift": stmt([f"835?00KARTENZAHLUNG?20{R.randint(10, 28)}.11 14.22 ME1?21VISA Debit ****{digits(4)}?22Terminal {digits(8)}", f"835?00ENTGELT?20Kontofuehrung {amount()}"])})


def camt053():
    def ntry(ustrd, amt=None):
        return (f"<Ntry><Amt Ccy=\"EUR\">{amt or amount()}</Amt><CdtDbtInd>{pick(['CRDT', 'DBIT'])}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                f"<BookgDt><Dt>2026-11-{R.randint(1, 28):02d}</Dt></BookgDt><AcctSvcrRef>{bad_luhn16()}</AcctSvcrRef>"
                f"<NtryDtls><TxDtls><Refs><EndToEndId>E2E{digits(12)}</EndToEndId></Refs><RmtInf><Ustrd>{ustrd}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>")
    def doc(entries):
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>"
                f"<GrpHdr><MsgId>CAMT053{digits(10)}</MsgId><CreDtTm>{iso_ts()}</CreDtTm></GrpHdr><Stmt><Id>{digits(12)}</Id>"
                f"<Acct><Id><IBAN>FR76{digits(23)}</IBAN></Id></Acct>" + "".join(entries) + "</Stmt></BkToCstmrStmt></Document>")
    add("camt053", [], {"xml": doc([ntry(f"FACTURE {digits(8)} ECHEANCE 30J"), ntry(f"LOYER DECEMBRE REF {safe_id(11)}")])})
    add("camt053", ["credit_card"], {"xml": doc([ntry(f"REMBOURSEMENT CARTE {card()} ERREUR SAISIE")])})
    add("camt053", ["email"], {"xml": doc([ntry(f"Cotisation 2026 - contact {email()}")])})
    add("camt053", [], {"xml": doc([ntry(f"PAIEMENT CB ****{digits(4)} SUPERMARCHE {R.randint(1, 28)}/11"), ntry("PRLV SEPA EDF ICS FR{}ZZZ{}".format(digits(2), digits(6)))])})


def nacha_ach():
    def rec6(name, acct):
        return f"6{pick(['22', '27', '32'])}{digits(8)}{acct:<17}{R.randint(1000, 999999):010d}{safe_id(15)}{name[:22]:<22}  0{digits(15)}"
    f, l = person()
    hdr = f"101 {digits(9)} {digits(9)}{R.randint(261101, 261130)}1200A094101KESTREL BANK           ACME LOGISTICS PAYROLL "
    batch = f"5220ACME LOGISTICS                      {digits(10)}PPDPAYROLL   261201261201   1{digits(8)}0000001"
    add("nacha-ach", [], {"ach": "\n".join([hdr, batch, rec6(f"{ascii_fold(l).upper()} {ascii_fold(f)[0].upper()}", digits(10)), rec6(f"{ascii_fold(pick(LAST)).upper()} J", digits(9)), "8220000002" + digits(10) + "0" * 12 + digits(12) + " " * 25 + digits(8) + "0000001"])})
    add("nacha-ach", ["ssn"], {"ach": "\n".join([hdr, batch, rec6(f"{ascii_fold(l).upper()} {ascii_fold(f)[0].upper()}", digits(12)),
                                                  f"705SSN {ssn('plain')} EMPLOYEE ADJ                                                    00010000001"])})
    add("nacha-ach", [], {"ach": "\n".join([hdr, "9000001000001000000020" + digits(10) + "0" * 12 + digits(12) + " " * 39])})


def iso8583_dump():
    c = card()
    add("iso8583-dump", ["credit_card"], {"log": f"ISO8583 MTI=0100\n  [002] PAN ........................ {c}\n  [003] Processing code ............ 000000\n  [004] Amount, txn ................ {R.randint(100, 99999):012d}\n  [007] Transmission date/time ..... {digits(10)}\n  [011] STAN ....................... {digits(6)}\n  [014] Expiration date ............ {R.randint(27, 31)}{R.randint(1, 12):02d}\n  [022] POS entry mode ............. 051\n  [041] Terminal id ................ T{digits(7)}\n  [049] Currency code .............. 840"})
    c = card()
    add("iso8583-dump", ["credit_card"], {"log": f"<isomsg direction=\"outgoing\">\n  <field id=\"0\" value=\"0200\"/>\n  <field id=\"2\" value=\"{c}\"/>\n  <field id=\"35\" value=\"{c}={R.randint(27, 31)}{R.randint(1, 12):02d}201{digits(11)}\"/>\n  <field id=\"37\" value=\"{digits(12)}\"/>\n  <field id=\"41\" value=\"29110001\"/>\n</isomsg>"})
    c = card()
    add("iso8583-dump", ["credit_card", "cvv"], {"log": f"DE002={c} DE014={R.randint(27, 31)}{R.randint(1, 12):02d} DE048.SE92(CVV2)={cvv_for(c)} DE049=978 DE043=SUNDIAL RETAIL BERLIN DE"})
    add("iso8583-dump", [], {"log": f"ISO8583 MTI=0110\n  [002] PAN ........................ {'4' + digits(5)}******{digits(4)}\n  [038] Approval code .............. {alnum(6, string.ascii_uppercase + string.digits)}\n  [039] Response code .............. 00\n  [011] STAN ....................... {digits(6)}\n  [037] RRN ........................ {digits(12)}"})
    add("iso8583-dump", [], {"log": f"DE002=<masked> DE004={R.randint(100, 99999):012d} DE007={digits(10)} DE011={digits(6)} DE012={digits(6)} DE032={digits(6)} DE037={digits(12)} DE039=05 (Do not honor)"})


def pos_receipt():
    c = card()
    add("pos-receipt", ["credit_card"], {"text": f"   SUNDIAL RETAIL #0{digits(3)}\n   MERCHANT COPY\nCARD: {pick(['VISA', 'MASTERCARD', 'AMEX'])}\nACCT: {c}\nEXP: {R.randint(1, 12):02d}{R.randint(27, 31)}\nAUTH: {alnum(6, string.ascii_uppercase + string.digits)}  ENTRY: KEYED\nTOTAL  ${amount()}\nSIGNATURE X_______________"})
    add("pos-receipt", [], {"text": f"   SUNDIAL RETAIL #0{digits(3)}\n   CUSTOMER COPY\nVISA CONTACTLESS\n************4242\nAID: A0000000031010\nTVR: 0000008000  TSI: E800\nAUTH: {alnum(6, string.ascii_uppercase + string.digits)}\nTOTAL  EUR {amount()}\nREF {safe_id(12)}"})
    add("pos-receipt", [], {"text": f"Kassenbon  Bon-Nr. {digits(6)}  Kasse 3\n2x Brot              3,98\n1x Milch 1,5%        1,19\nSUMME EUR            5,17\nGirocard   **** **** **** {digits(4)}\nTSE-Signatur: {b64chars(88)}\nTSE-Seriennr.: {hexs(64)}"})
    add("pos-receipt", [], {"text": f"REÇU  CB SANS CONTACT\nA0000000421010\nMASTERCARD\nXXXX XXXX XXXX {digits(4)}\nMONTANT = {amount()} EUR\nDEBIT\nTICKET CLIENT  A CONSERVER\nN° AUTO : {digits(6)}"})


def mt103():
    f, l = person()
    base = f"{{1:F01KSTRGB2LAXXX{digits(10)}}}{{2:I103DEUTDEFFXXXXN}}{{4:\n:20:REF{digits(10)}\n:23B:CRED\n:32A:2612{R.randint(1, 28):02d}EUR{R.randint(100, 90000)},{digits(2)}\n:50K:/GB{digits(2)}KSTR{digits(14)}\n{ascii_fold(f).upper()} {ascii_fold(l).upper()}\n:59:/DE{digits(20)}\nSUNDIAL RETAIL GMBH\n"
    add("mt103", [], {"swift": base + f":70:/INV/{digits(8)}\n:71A:SHA\n-}}"})
    add("mt103", ["phone"], {"swift": base + f":70:INVOICE {digits(6)} CALL {phone('UK')}\n:71A:OUR\n-}}"})
    add("mt103", ["email"], {"swift": base + f":72:/BNF/REMIT ADVICE TO {email(domain='sundial-retail.de').upper()}\n:71A:SHA\n-}}"})


def payroll_fixed_width():
    rows = []
    for _ in range(3):
        f, l = person()
        rows.append(f"{R.randint(1000, 9999):06d}{ascii_fold(l).upper()[:15]:<15}{ascii_fold(f).upper()[:12]:<12}{ssn('plain')}{R.randint(200000, 900000):09d}{'S' if R.random() < 0.5 else 'M'}{R.randint(0, 4)}")
    add("payroll-export", ["ssn"], {"filename": "PR_EXPORT_20261130.txt", "layout": "EMPNO(6) LAST(15) FIRST(12) SSN(9) GROSS_CENTS(9) FS(1) ALLOW(1)", "rows": rows})
    f, l = person()
    add("payroll-export", ["ssn", "email"], {"filename": "W2_corrections.json", "records": [{"employee": f"{ascii_fold(f)} {ascii_fold(l)}", "ssn": ssn(), "box1_wages": amount(), "email": email(f, l)}]})
    add("payroll-export", [], {"filename": "PR_EXPORT_20261130.txt", "layout": "EMPNO(6) DEPT(4) GROSS_CENTS(9) NET_CENTS(9) PERIOD(8)",
                               "rows": [f"{R.randint(1000, 9999):06d}{R.randint(1000, 9999)}{R.randint(200000, 900000):09d}{R.randint(100000, 600000):09d}20261130" for _ in range(4)]})
    add("payroll-export", [], {"filename": "payroll_summary.json", "employer_ein": ein(), "period": "2026-11", "headcount": 214,
                               "employees_masked": [{"id": R.randint(1000, 9999), "ssn": f"***-**-{digits(4)}"} for _ in range(3)]})
    f, l = person()
    add("payroll-export", ["ssn"], {"filename": "Lohnjournal_export.csv.json", "rows": [{"Personalnr": str(R.randint(100, 999)), "Name": f"{ascii_fold(l)}, {ascii_fold(f)}", "US_SSN (expat)": ssn(), "Brutto": amount().replace(".", ",")}]})


def hr_onboarding():
    f, l = person()
    def form(answers):
        return {"event_id": alnum(10), "event_type": "form_response", "form_response": {"form_id": alnum(8), "token": alnum(32, string.ascii_lowercase + string.digits),
                "submitted_at": iso_ts() + "Z", "definition": {"title": "New hire onboarding"},
                "answers": [{"type": t, "field": {"id": alnum(12), "ref": r}, t: v} for r, t, v in answers]}}
    add("hr-onboarding", ["ssn", "email", "phone"], form([("legal_name", "text", f"{f} {l}"), ("ssn", "text", ssn()), ("personal_email", "email", email(f, l)), ("mobile", "phone_number", e164(pick(["US", "UK"])))]))
    add("hr-onboarding", ["health_insurance_number"], form([("benefits_enrolled", "boolean", True), ("current_insurer", "text", "Bluejay Health"), ("member_id", "text", member_id())]))
    c = card()
    add("hr-onboarding", ["credit_card", "cvv"], form([("corporate_card_request", "text", f"{fmt_card(c)} exp {exp()} CVV {cvv_for(c)} (my personal card for the deposit)")]))
    add("hr-onboarding", ["phone"], form([("emergency_contact", "text", f"{pick(FIRST)} (mother) {phone()}")]))
    add("hr-onboarding", [], form([("start_date", "date", "2027-01-04"), ("laptop", "choice", {"label": "MacBook Pro 14"}), ("tshirt", "choice", {"label": "M"})]))
    add("hr-onboarding", [], form([("ssn_last4", "text", digits(4)), ("policy_ack", "boolean", True), ("handbook_version", "text", semver())]))


# ================================================================ formats: messaging and documents

def email_headers():
    def hdr(frm, to, extra=""):
        return (f"Return-Path: <{frm}>\nReceived: from mail-oi1-f171.google.com (mail-oi1-f171.google.com [209.85.167.171])\n\tby mx.kestrel-bank.co.uk (Postfix) with ESMTPS id {alnum(12, string.ascii_uppercase + string.digits)}\n\tfor <{to}>; Tue,  1 Dec 2026 09:{R.randint(10, 59)}:{R.randint(10, 59)} +0000 (UTC)\n"
                f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; h=to:subject:message-id:date:from; bh={b64chars(43)}=; b={b64chars(120)}\n"
                f"Message-ID: <CA+{alnum(40)}@mail.gmail.com>\nFrom: {frm}\nTo: {to}\nSubject: Re: statement\nDate: Tue, 1 Dec 2026 09:12:44 +0000\nMIME-Version: 1.0\n{extra}")
    add("email-headers", ["email"], {"headers": hdr(email(), email(domain="kestrel-bank.co.uk"))})
    add("email-headers", ["email", "phone"], {"headers": hdr(email(), email(domain=pick(WORK)), f"X-Caller-ID: {phone('UK')}\nX-Mailer: Zimbra 9.0\n")})
    add("email-headers", [], {"headers": "Received: from localhost (localhost [127.0.0.1])\n\tby mx1 (Postfix) with ESMTP id 4QmX2b1Xyz\nAuthentication-Results: mx1; dkim=pass header.d=acme-logistics.com; spf=pass smtp.mailfrom=bounces.acme-logistics.com\nX-Spam-Score: -0.1\nX-Spam-Status: No, score=-0.1 required=5.0 tests=DKIM_SIGNED,DKIM_VALID\nContent-Type: multipart/alternative; boundary=\"000000000000" + hexs(12) + "\""})
    add("email-headers", [], {"headers": f"ARC-Seal: i=1; a=rsa-sha256; t={epoch_ms() // 1000}; cv=none; d=google.com; s=arc-20240605; b={b64chars(200)}\nX-Google-Smtp-Source: AGHT+I{b64chars(60)}\nX-Received: by 2002:a05:6a20:{hexs(4)}:b0:1d9:{hexs(4)} with SMTP id {alnum(24)}.{R.randint(10, 99)}.{epoch_ms()}"})


def telegram_export():
    f, l = person()
    def chat(texts):
        return {"name": f"{f} {l}", "type": "personal_chat", "id": R.randint(10**8, 10**10), "messages": [
            {"id": 1000 + i, "type": "message", "date": iso_ts(), "date_unixtime": str(epoch_ms() // 1000), "from": pick([f, "Support"]),
             "from_id": f"user{R.randint(10**8, 10**10)}", "text": t, "text_entities": [{"type": "plain", "text": t}]} for i, t in enumerate(texts)]}
    c = card()
    add("telegram-export", ["credit_card", "cvv"], chat(["окей, вот данные карты", f"{fmt_card(c, 'space')} до {exp()} CVV {cvv_for(c)}"]))
    add("telegram-export", ["phone"], chat(["мой новый номер", f"+7 9{digits(2)} {digits(3)}-{digits(2)}-{digits(2)}"]))
    _, t = api_key("telegram")
    add("telegram-export", ["api_key"], chat(["BotFather gave me this:", f"Use this token to access the HTTP API:\n{t}"]))
    add("telegram-export", ["password"], chat(["wifi в офисе?", f"сеть Office-5G, пароль: {password()}"]))
    add("telegram-export", [], chat(["посылка пришла?", f"трек {ups_tracking()}, ещё в пути", "ок, спасибо"]))
    add("telegram-export", [], chat(["встреча в 15:30", "координаты 55.7558, 37.6173", f"заказ №{safe_id(10)}"]))


def markdown_table():
    rows = lambda hdr, rs: "| " + " | ".join(hdr) + " |\n|" + "---|" * len(hdr) + "\n" + "".join("| " + " | ".join(r) + " |\n" for r in rs)
    f, l = person()
    add("markdown-table", ["email", "phone"], {"md": "## On-call roster\n\n" + rows(["Name", "Email", "Phone"], [[f"{ascii_fold(a)} {ascii_fold(b)}", email(a, b, pick(WORK)), phone()] for a, b in [person() for _ in range(3)]])})
    add("markdown-table", ["credit_card", "cvv"], {"md": "### QA cards (prod!)\n\n" + rows(["Brand", "Number", "CVC", "Exp"], [[b, c, cvv_for(c), exp()] for b, c in [("Visa", luhn_complete("4", 16)), ("Amex", luhn_complete("37", 15))]])})
    add("markdown-table", ["api_key"], {"md": "| service | token |\n|---|---|\n| npm | `" + api_key("npm")[1] + "` |\n| HF | `" + api_key("hf")[1] + "` |\n"})
    add("markdown-table", [], {"md": "## Saved cards (masked)\n\n" + rows(["Brand", "Number", "CVC"], [["Visa", "•••• •••• •••• 4242", "•••"], ["Mastercard", "**** **** **** 4444", "***"]]) + "\nOnly the last four digits are ever shown."})
    add("markdown-table", [], {"md": rows(["Version", "Date", "Commit"], [[semver(), f"2026-{R.randint(1, 11):02d}-{R.randint(1, 28):02d}", sha1()[:10]] for _ in range(4)])})
    add("markdown-table", [], {"md": rows(["Env var", "Example"], [["STRIPE_SECRET_KEY", "`sk_test_...`"], ["AWS_ACCESS_KEY_ID", "`AKIAIOSFODNN7EXAMPLE`"], ["DB_PASSWORD", "`<your-db-password>`"]])})


def jupyter_notebook():
    def nb(cells):
        return {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}, "language_info": {"name": "python", "version": "3.11.7"}},
                "cells": cells}
    code = lambda src, out=None: {"cell_type": "code", "execution_count": R.randint(1, 40), "id": hexs(8), "metadata": {}, "source": src.splitlines(True),
                                  "outputs": [] if out is None else [{"output_type": "stream", "name": "stdout", "text": out.splitlines(True)}]}
    add("jupyter-notebook", ["api_key"], nb([code(f"import openai\nclient = openai.OpenAI(api_key=\"{api_key('openai')[1]}\")\nresp = client.models.list()")]))
    add("jupyter-notebook", ["aws_access_key", "api_key"], nb([code(f"import boto3\ns3 = boto3.client('s3', aws_access_key_id='{aws_id('AKIA')}', aws_secret_access_key='{aws_secret()}')\ns3.list_buckets()")]))
    f, l = person()
    add("jupyter-notebook", ["email", "phone"], nb([code("df[['name', 'email', 'phone']].head(2)", f"            name                      email            phone\n0  {ascii_fold(f)} {ascii_fold(l)}  {email(f, l)}  {phone()}\n1  {ascii_fold(pick(FIRST))} {ascii_fold(pick(LAST))}  {email()}  {phone()}")]))
    add("jupyter-notebook", ["medical_record_number", "icd10"], nb([code("cohort.sample(2, random_state=7)", f"       mrn  icd10  age\n812  {mrn('num8')}  {icd()[0]}   61\n133  {mrn('num8')}  {icd()[0]}   47")]))
    add("jupyter-notebook", ["password"], nb([code(f"engine = sqlalchemy.create_engine('postgresql+psycopg://analyst:{urllib.parse.quote(password(), safe='')}@warehouse.internal:5432/dw')")]))
    add("jupyter-notebook", [], nb([code("import numpy as np\nnp.random.seed(20261203)\nx = np.random.randn(1000)\nprint(x.mean(), x.std())", "0.0123881 0.99721")]))
    add("jupyter-notebook", [], nb([code("api_key = os.environ['OPENAI_API_KEY']  # never hard-code\nclient = openai.OpenAI(api_key=api_key)")]))
    add("jupyter-notebook", [], nb([{"cell_type": "markdown", "id": hexs(8), "metadata": {}, "source": ["## ICD-10 chapter counts\n", "Chapter IX circulatory; Chapter X respiratory.\n"]},
                                    code("df.groupby('chapter').size()", "chapter\nIX     1203\nX       877\ndtype: int64")]))


def mongodb_extjson():
    oid = lambda: {"$oid": hexs(24)}
    f, l = person()
    add("mongodb-extjson", ["email", "phone"], {"_id": oid(), "name": {"first": f, "last": l}, "email": email(f, l), "phone": phone(), "createdAt": {"$date": {"$numberLong": str(epoch_ms())}}})
    add("mongodb-extjson", ["ssn"], {"_id": oid(), "applicant": {"ssn": ssn(), "income": {"$numberDecimal": amount()}}, "status": "pending_review"})
    add("mongodb-extjson", ["password", "email"], {"_id": oid(), "username": email(), "password": password(), "roles": ["user"], "_v": {"$numberInt": "0"}})
    add("mongodb-extjson", ["medical_record_number", "health_insurance_number"], {"_id": oid(), "mrn": mrn(), "coverage": {"memberId": member_id(), "plan": "PPO Gold"}, "updated": {"$date": iso_ts() + "Z"}})
    add("mongodb-extjson", ["private_key"], {"_id": oid(), "tenant": "acme", "sso": {"idpCert": "MIIC" + b64chars(200), "spPrivateKey": pem("PRIVATE KEY")}})
    add("mongodb-extjson", [], {"_id": oid(), "username": "okafor", "passwordHash": bcrypt_hash(), "lastLogin": {"$date": {"$numberLong": str(epoch_ms())}}, "loginCount": {"$numberLong": "18237"}})
    add("mongodb-extjson", [], {"_id": oid(), "order": {"$numberLong": safe_id(16)}, "items": [{"sku": upc(), "qty": 1}], "total": {"$numberDecimal": amount()}, "ts": {"$timestamp": {"t": epoch_ms() // 1000, "i": 1}}})
    add("mongodb-extjson", [], {"_id": {"$binary": {"base64": b64chars(22) + "==", "subType": "04"}}, "geo": {"type": "Point", "coordinates": [-73.9857, 40.7484]}, "schemaVersion": semver()})


def redis_monitor():
    ts = lambda: f"{epoch_ms() // 1000}.{digits(6)}"
    src = lambda: f"[0 {ipv4()}:{R.randint(30000, 65000)}]"
    add("redis-monitor", ["jwt"], {"lines": [f"{ts()} {src()} \"SET\" \"sess:{hexs(16)}\" \"{jwt()}\" \"EX\" \"3600\"", f"{ts()} {src()} \"GET\" \"rate:{ipv4()}\""]})
    add("redis-monitor", ["email", "phone"], {"lines": [f"{ts()} {src()} \"HSET\" \"user:{R.randint(1, 99999)}\" \"email\" \"{email()}\" \"phone\" \"{phone()}\""]})
    add("redis-monitor", ["password"], {"lines": [f"{ts()} [0 unix:/run/redis.sock] \"AUTH\" \"{password()}\"", f"{ts()} {src()} \"PING\""]})
    add("redis-monitor", ["credit_card"], {"lines": [f"{ts()} {src()} \"LPUSH\" \"queue:charges\" \"{{\\\"pan\\\":\\\"{card()}\\\",\\\"amt\\\":1999}}\""]})
    add("redis-monitor", [], {"lines": [f"{ts()} {src()} \"INCRBY\" \"stats:orders:{R.randint(20261101, 20261130)}\" \"1\"", f"{ts()} {src()} \"EXPIRE\" \"lock:{uuid4()}\" \"30\"", f"{ts()} {src()} \"XADD\" \"events\" \"*\" \"type\" \"shipped\" \"tracking\" \"{ups_tracking()}\""]})
    add("redis-monitor", [], {"lines": [f"{ts()} [0 lua] \"HGET\" \"cfg:{hexs(8)}\" \"ttl\"", f"{ts()} {src()} \"AUTH\" \"(redacted)\"", f"{ts()} {src()} \"CLIENT\" \"SETNAME\" \"worker-3\""]})


def crash_report():
    def ips(env, frames):
        return {"app_name": "Kestrel", "timestamp": "2026-11-30 21:14:03.00 +0100", "app_version": semver(), "slice_uuid": uuid4(), "build_version": str(R.randint(1000, 9999)),
                "platform": 2, "bundleID": "uk.co.kestrel.mobile", "os_version": "iPhone OS 18.1.1 (22B91)", "incident_id": uuid4().upper(),
                "exception": {"type": "EXC_CRASH", "signal": "SIGABRT"}, "threads": [{"triggered": True, "frames": frames}], "environment": env}
    fr = [{"imageOffset": R.randint(10**4, 10**6), "symbol": s, "imageIndex": 0} for s in ["__pthread_kill", "abort", "-[KBPaymentSheet submit:]"]]
    add("crash-report", ["credit_card"], ips({"lastUserAction": f"paymentSheet.submit cardNumber={card()}"}, fr))
    add("crash-report", ["api_key"], ips({"SENTRY_DSN": f"https://{hexs(32)}@o{R.randint(10000, 999999)}.ingest.sentry.io/{R.randint(1000, 99999)}", "STRIPE_SECRET_KEY": api_key("stripe")[1]}, fr))
    add("crash-report", ["email"], ips({"currentUser": email()}, fr))
    add("crash-report", [], ips({"locale": "en_GB", "darkMode": True, "memoryPressure": "warn"}, fr))
    add("crash-report", [], {"text": f"Incident Identifier: {uuid4().upper()}\nHardware Model: iPhone15,3\nProcess: Kestrel [{R.randint(300, 9000)}]\nVersion: {semver()} ({R.randint(1000, 9999)})\nException Type: EXC_BAD_ACCESS (SIGSEGV)\nException Codes: KERN_INVALID_ADDRESS at 0x{hexs(16)}\nThread 0 Crashed:\n0   libobjc.A.dylib  0x{hexs(16)} objc_msgSend + 32\n1   Kestrel          0x{hexs(16)} 0x{hexs(9)} + {R.randint(10**5, 10**7)}"})


def android_logcat():
    pre = lambda lvl, tag: f"12-01 {R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}.{digits(3)} {R.randint(1000, 9999):>5} {R.randint(1000, 9999):>5} {lvl} {tag}: "
    add("android-logcat", ["jwt"], {"log": pre("D", "OkHttp") + "Authorization: Bearer " + jwt() + "\n" + pre("D", "OkHttp") + "--> END GET"})
    add("android-logcat", ["email", "password"], {"log": pre("D", "LoginViewModel") + f"signIn(email={email()}, password={password()})"})
    add("android-logcat", ["phone"], {"log": pre("I", "SmsReceiver") + f"OTP SMS from {phone('IN')}: Your code is 482913"})
    add("android-logcat", ["api_key"], {"log": pre("W", "MapsInit") + f"Using Maps API key {api_key('google')[1]} from manifest"})
    add("android-logcat", [], {"log": pre("I", "ActivityManager") + f"Start proc {R.randint(1000, 30000)}:com.kestrel.mobile/u0a{R.randint(100, 400)} for activity {{com.kestrel.mobile/.MainActivity}}\n" + pre("E", "AndroidRuntime") + "FATAL EXCEPTION: main\njava.lang.NullPointerException: Attempt to invoke virtual method 'int java.lang.String.length()' on a null object reference"})
    add("android-logcat", [], {"log": pre("I", "SmsReceiver") + "OTP SMS from AX-KSTRBK: Your code is 482913. Do not share it."})
    add("android-logcat", [], {"log": pre("D", "Billing") + f"purchaseToken=<redacted> orderId=GPA.{digits(4)}-{digits(4)}-{digits(4)}-{digits(5)} sku=premium_yearly"})


def localstorage_dump():
    add("localstorage-dump", ["jwt"], {"origin": "https://app.brightpath.io", "localStorage": {"auth.token": jwt(), "theme": "dark", "lastRoute": "/billing"}})
    f, l = person()
    add("localstorage-dump", ["email", "phone"], {"origin": "https://shop.sundial-retail.de", "localStorage": {"checkout.draft": json.dumps({"email": email(f, l), "phone": phone("DE"), "zip": "10115"}), "cartId": uuid4()}})
    add("localstorage-dump", ["api_key"], {"origin": "http://localhost:3000", "localStorage": {"persist:root": json.dumps({"settings": json.dumps({"openaiKey": api_key("openai")[1]})})}})
    add("localstorage-dump", ["jwt"], {"origin": "https://portal.meridian-clinic.com", "sessionStorage": {"oidc.user:https://login.meridian-clinic.com:portal": json.dumps({"id_token": jwt("RS256"), "access_token": jwt("RS256"), "token_type": "Bearer"})}})
    add("localstorage-dump", [], {"origin": "https://app.brightpath.io", "localStorage": {"ajs_anonymous_id": json.dumps(uuid4()), "i18nextLng": "pt-BR", "featureFlags": json.dumps({"newNav": True})}})
    add("localstorage-dump", [], {"origin": "https://www.youtube.com", "localStorage": {"yt-player-quality": json.dumps({"data": "hd1080", "expiration": epoch_ms(), "creation": epoch_ms()}), "yt-remote-device-id": json.dumps({"data": uuid4()})}})


def cookie_jar():
    line = lambda dom, name, val: f"{dom}\tTRUE\t/\tTRUE\t{epoch_ms() // 1000 + 86400 * 30}\t{name}\t{val}"
    head = "# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n# This file was generated by libcurl! Edit at your own risk.\n\n"
    add("cookie-jar", ["jwt"], {"cookies.txt": head + "\n".join([line(".brightpath.io", "access_token", jwt()), line(".brightpath.io", "_ga", f"GA1.2.{digits(10)}.{epoch_ms() // 1000}")])})
    add("cookie-jar", ["email"], {"cookies.txt": head + line("shop.sundial-retail.de", "remember_email", urllib.parse.quote(email()))})
    add("cookie-jar", [], {"cookies.txt": head + "\n".join([line(".github.com", "_octo", f"GH1.1.{digits(9)}.{epoch_ms() // 1000}"), line("github.com", "tz", "Europe%2FBerlin"), line(".github.com", "logged_in", "no")])})
    add("cookie-jar", [], {"cookies.txt": head + "\n".join([line("app.brightpath.io", "csrftoken", alnum(64)), line("app.brightpath.io", "__cf_bm", alnum(43) + "-" + str(epoch_ms() // 1000) + "-1.0.1.1-" + alnum(60))])})


# ================================================================ formats: databases and ops

def postgres_log():
    pre = lambda: f"2026-12-01 0{R.randint(0, 9)}:{R.randint(10, 59)}:{R.randint(10, 59)}.{digits(3)} UTC [{R.randint(1000, 99999)}] "
    add("postgres-log", ["password"], {"log": pre() + f"app@orders LOG:  statement: ALTER ROLE reporting WITH PASSWORD '{password()}';"})
    add("postgres-log", ["ssn"], {"log": pre() + f"hr@people ERROR:  duplicate key value violates unique constraint \"employees_ssn_key\"\n" + pre() + f"hr@people DETAIL:  Key (ssn)=({ssn()}) already exists."})
    add("postgres-log", ["email"], {"log": pre() + f"web@shop LOG:  duration: 812.331 ms  execute <unnamed>: SELECT * FROM customers WHERE email = $1\n" + pre() + f"web@shop DETAIL:  parameters: $1 = '{email()}'"})
    add("postgres-log", ["credit_card"], {"log": pre() + f"pay@ledger ERROR:  value too long for type character varying(4)\n" + pre() + f"pay@ledger STATEMENT:  UPDATE cards SET last4 = '{card()}' WHERE id = {R.randint(1, 99999)}"})
    add("postgres-log", [], {"log": pre() + "app@orders FATAL:  password authentication failed for user \"app\"\n" + pre() + "app@orders DETAIL:  Connection matched pg_hba.conf line 99: \"host all all 0.0.0.0/0 scram-sha-256\""})
    add("postgres-log", [], {"log": pre() + "LOG:  checkpoint complete: wrote 1842 buffers (11.2%); 0 WAL file(s) added, 0 removed, 2 recycled; write=179.512 s, sync=0.004 s, total=179.553 s; sync files=61, longest=0.002 s, average=0.001 s; distance=31012 kB, estimate=33841 kB"})
    add("postgres-log", [], {"log": pre() + f"app@orders LOG:  statement: ALTER ROLE reporting WITH PASSWORD 'SCRAM-SHA-256$4096:{b64chars(22)}==${b64chars(43)}=:{b64chars(43)}='"})


def mysql_general_log():
    pre = lambda: f"2026-12-01T0{R.randint(0, 9)}:{R.randint(10, 59)}:{R.randint(10, 59)}.{digits(6)}Z\t   {R.randint(10, 999)} "
    add("mysql-general-log", ["password"], {"log": pre() + f"Query\tCREATE USER 'etl'@'%' IDENTIFIED BY '{password()}'"})
    add("mysql-general-log", ["phone", "email"], {"log": pre() + f"Query\tINSERT INTO leads (email, phone, source) VALUES ('{email()}', '{phone()}', 'webinar')"})
    add("mysql-general-log", ["medical_record_number", "icd10"], {"log": pre() + f"Query\tUPDATE encounters SET dx_code = '{icd()[0]}' WHERE mrn = '{mrn()}'"})
    add("mysql-general-log", [], {"log": pre() + "Connect\tetl@10.0.4.19 on warehouse using TCP/IP\n" + pre() + "Query\tSET NAMES utf8mb4\n" + pre() + "Query\tSELECT @@version_comment LIMIT 1"})
    add("mysql-general-log", [], {"log": pre() + f"Query\tSELECT order_id, total FROM orders WHERE order_id IN ({safe_id(16)}, {safe_id(16)}) AND created_at > FROM_UNIXTIME({epoch_ms() // 1000})"})


def hex_dump():
    def xxd(raw):
        out = []
        for off in range(0, len(raw), 16):
            chunk = raw[off:off + 16]
            hx = " ".join(chunk[i:i + 2].hex() for i in range(0, len(chunk), 2))
            asc = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
            out.append(f"{off:08x}: {hx:<39}  {asc}")
        return "\n".join(out)
    c = card()
    body = f"POST /pay HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\ncc={c}&cvv={cvv_for(c)}&exp=1229"
    add("hex-dump", ["credit_card", "cvv"], {"xxd": xxd(body.encode())}, check=body)
    body = f"AUTH PLAIN {b64(chr(0) + 'alerts' + chr(0) + password())}"
    add("hex-dump", ["password"], {"xxd": xxd(body.encode())}, check=body + " password")
    k = aws_id("AKIA")
    body = f"[default]\naws_access_key_id = {k}\naws_secret_access_key = {aws_secret()}\n"
    add("hex-dump", ["aws_access_key", "api_key"], {"xxd": xxd(body.encode())}, check=body)
    add("hex-dump", [], {"xxd": xxd(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(R.randint(0, 255) for _ in range(72)))})
    body = "GET /healthz HTTP/1.1\r\nHost: api.internal\r\nUser-Agent: kube-probe/1.30\r\n\r\n"
    add("hex-dump", [], {"xxd": xxd(body.encode())}, check=body)


def vault_kv():
    meta = lambda: {"created_time": iso_ts() + ".123456Z", "custom_metadata": None, "deletion_time": "", "destroyed": False, "version": R.randint(1, 30)}
    add("vault-kv", ["password"], {"request_id": uuid4(), "lease_id": "", "lease_duration": 0, "renewable": False,
                                   "data": {"data": {"username": "billing", "password": password()}, "metadata": meta()}})
    add("vault-kv", ["api_key"], {"request_id": uuid4(), "data": {"data": {"SHOPIFY_ADMIN_TOKEN": api_key("shopify")[1], "SHOP": "sundial.myshopify.com"}, "metadata": meta()}})
    add("vault-kv", ["private_key"], {"request_id": uuid4(), "data": {"certificate": cert_pem(), "issuing_ca": cert_pem(), "private_key": pem(pick(["RSA PRIVATE KEY", "EC PRIVATE KEY"])), "private_key_type": "rsa", "serial_number": ":".join(hexs(2) for _ in range(20))}})
    add("vault-kv", ["aws_access_key", "api_key"], {"request_id": uuid4(), "lease_id": f"aws/creds/deploy/{alnum(24)}", "lease_duration": 3600, "renewable": True,
                                                    "data": {"access_key": aws_id("AKIA"), "secret_key": aws_secret(), "security_token": None}})
    add("vault-kv", [], {"request_id": uuid4(), "data": {"keys": ["billing", "shopify", "stripe/"]}, "wrap_info": None, "warnings": None, "auth": None})
    add("vault-kv", [], {"request_id": uuid4(), "data": {"data": None, "metadata": {"deletion_time": iso_ts() + "Z", "destroyed": True, "version": 4}}, "warnings": ["secret version 4 was destroyed"]})
    add("vault-kv", [], {"request_id": uuid4(), "data": {"certificate": cert_pem(), "expiration": epoch_ms() // 1000, "serial_number": ":".join(hexs(2) for _ in range(20))}})


def gitlab_ci():
    add("gitlab-ci", ["api_key"], {"path": ".gitlab-ci.yml", "text": f"deploy:\n  stage: deploy\n  image: alpine:3.20\n  variables:\n    DIGITALOCEAN_ACCESS_TOKEN: \"{api_key('digitalocean')[1]}\"\n  script:\n    - doctl apps create-deployment $APP_ID\n"})
    add("gitlab-ci", ["password"], {"path": ".gitlab-ci.yml", "text": f"test:\n  services:\n    - name: postgres:16\n  variables:\n    POSTGRES_DB: app\n    POSTGRES_USER: app\n    POSTGRES_PASSWORD: \"{password()}\"\n  script:\n    - npm test\n"})
    add("gitlab-ci", ["api_key"], {"path": ".gitlab-ci.yml", "text": f"publish:\n  script:\n    - echo \"//registry.npmjs.org/:_authToken={api_key('npm')[1]}\" > .npmrc\n    - npm publish\n  only: [tags]\n"})
    add("gitlab-ci", [], {"path": ".gitlab-ci.yml", "text": "publish:\n  script:\n    - echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc\n    - npm publish\n  rules:\n    - if: $CI_COMMIT_TAG\n"})
    add("gitlab-ci", [], {"path": ".gitlab-ci.yml", "text": f"build:\n  image: node:20.11.1\n  cache:\n    key: $CI_COMMIT_REF_SLUG\n    paths: [node_modules/]\n  script:\n    - npm ci\n    - npm run build\n  artifacts:\n    expire_in: 1 week\n# pipeline {R.randint(100000, 9999999)} commit {sha1()}\n"})


def kubeconfig():
    pk = pem("RSA PRIVATE KEY")
    add("kubeconfig", ["private_key"], {"text": f"apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: {b64(cert_pem())}\n    server: https://10.0.0.1:6443\n  name: prod\nusers:\n- name: admin\n  user:\n    client-certificate-data: {b64(cert_pem())}\n    client-key-data: {b64(pk)}\ncurrent-context: prod\n"}, check=pk)
    add("kubeconfig", ["jwt"], {"text": f"apiVersion: v1\nkind: Config\nusers:\n- name: ci-deployer\n  user:\n    token: {jwt('RS256', sub='system:serviceaccount:ci:deployer', extra={'kubernetes.io': {'namespace': 'ci'}})}\ncontexts:\n- context: {{cluster: prod, user: ci-deployer}}\n  name: ci\n"})
    add("kubeconfig", ["password"], {"text": f"apiVersion: v1\nkind: Config\nusers:\n- name: legacy-basic\n  user:\n    username: admin\n    password: {password()}\n"})
    add("kubeconfig", [], {"text": "apiVersion: v1\nkind: Config\nusers:\n- name: eks\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [eks, get-token, --cluster-name, prod, --region, eu-west-1]\n"})
    add("kubeconfig", [], {"text": f"apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: {b64(cert_pem())}\n    server: https://{ipv4()}:6443\n  name: staging\n"})


def docker_config():
    pw = password()
    add("docker-config", ["password"], {"path": "~/.docker/config.json", "json": {"auths": {"registry.gitlab.com": {"auth": b64("deploy-bot:" + pw)}}}}, check=f"password: {pw}")
    pw = password()
    add("docker-config", ["password"], {"path": "~/.docker/config.json", "json": {"auths": {"https://index.docker.io/v1/": {"username": "acmeops", "password": pw, "email": None}}}})
    add("docker-config", [], {"path": "~/.docker/config.json", "json": {"auths": {"https://index.docker.io/v1/": {}, "ghcr.io": {}}, "credsStore": "desktop", "currentContext": "desktop-linux"}})
    add("docker-config", [], {"path": "~/.docker/config.json", "json": {"credHelpers": {"123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login", "gcr.io": "gcloud"}, "experimental": "enabled"}})


def pgpass():
    add("pgpass", ["password"], {"path": "~/.pgpass", "text": f"db-primary.internal:5432:orders:app:{password()}\n*:5432:*:replicator:{password()}\n"})
    add("pgpass", ["password"], {"path": "/var/lib/postgresql/.pgpass", "text": f"# backup user\nlocalhost:*:*:barman:{password()}\n"})
    add("pgpass", [], {"path": "docs/pgpass.example", "text": "hostname:port:database:username:password\n# e.g.\nlocalhost:5432:mydb:myuser:<password>\n"})


def java_properties():
    add("java-properties", ["password"], {"path": "src/main/resources/application-prod.properties", "text": f"spring.datasource.url=jdbc:postgresql://db.internal:5432/claims\nspring.datasource.username=claims\nspring.datasource.password={password()}\nspring.jpa.open-in-view=false\n"})
    add("java-properties", ["api_key"], {"path": "gradle.properties", "text": f"org.gradle.jvmargs=-Xmx2g\nsigning.keyId=24875D73\ngpr.user=acme-release\ngpr.key={api_key('github')[1]}\n"})
    add("java-properties", ["password"], {"path": "conf/mail.properties", "text": f"mail.smtp.host=smtp.sundial-retail.de\nmail.smtp.auth=true\nmail.smtp.user=alerts\nmail.smtp.password={password()}\n"})
    add("java-properties", [], {"path": "application.properties", "text": "spring.datasource.password=${DB_PASSWORD}\nmanagement.endpoints.web.exposure.include=health,info\nserver.port=8080\n"})
    add("java-properties", [], {"path": "messages_de.properties", "text": "login.password=Passwort\nlogin.password.forgot=Passwort vergessen?\nerror.password.tooShort=Das Passwort muss mindestens 12 Zeichen lang sein.\n"})


def actuator_env():
    add("actuator-env", ["password"], {"activeProfiles": ["prod"], "propertySources": [{"name": "systemEnvironment", "properties": {"SPRING_DATASOURCE_PASSWORD": {"value": password(), "origin": "System Environment Property \"SPRING_DATASOURCE_PASSWORD\""}, "JAVA_HOME": {"value": "/opt/java/openjdk"}}}]})
    add("actuator-env", ["api_key"], {"activeProfiles": ["prod"], "propertySources": [{"name": "Config resource 'class path resource [application-prod.yml]'", "properties": {"sendgrid.api-key": {"value": api_key("sendgrid")[1], "origin": "class path resource [application-prod.yml] - 14:14"}}}]})
    add("actuator-env", [], {"activeProfiles": ["prod"], "propertySources": [{"name": "systemEnvironment", "properties": {"SPRING_DATASOURCE_PASSWORD": {"value": "******"}, "SENDGRID_API_KEY": {"value": "******"}, "HOSTNAME": {"value": "claims-7f9c8d-2x"}}}]})
    add("actuator-env", [], {"activeProfiles": [], "propertySources": [{"name": "server.ports", "properties": {"local.server.port": {"value": 8080}}}, {"name": "random", "properties": {}}]})


def web_config_xml():
    add("web-config-xml", ["password"], {"xml": f"<configuration><connectionStrings><add name=\"Default\" connectionString=\"Server=tcp:sql01.kestrel-bank.co.uk,1433;Database=Payments;User ID=pay_app;Password={password()};Encrypt=True;\" providerName=\"System.Data.SqlClient\" /></connectionStrings></configuration>"})
    add("web-config-xml", ["api_key"], {"xml": f"<configuration><appSettings><add key=\"StorageConnection\" value=\"DefaultEndpointsProtocol=https;AccountName=kestreldocs;AccountKey={api_key('azure_storage')[1]};EndpointSuffix=core.windows.net\" /></appSettings></configuration>"})
    add("web-config-xml", ["password"], {"xml": f"<Context><Resource name=\"jdbc/claims\" auth=\"Container\" type=\"javax.sql.DataSource\" username=\"claims\" password=\"{password()}\" driverClassName=\"org.postgresql.Driver\" url=\"jdbc:postgresql://db:5432/claims\"/></Context>"})
    add("web-config-xml", [], {"xml": "<configuration><connectionStrings configProtectionProvider=\"RsaProtectedConfigurationProvider\"><EncryptedData Type=\"http://www.w3.org/2001/04/xmlenc#Element\"><CipherData><CipherValue>" + b64chars(344) + "</CipherValue></CipherData></EncryptedData></connectionStrings></configuration>"})
    add("web-config-xml", [], {"xml": "<configuration><system.web><compilation debug=\"false\" targetFramework=\"4.8\" /><httpRuntime maxRequestLength=\"51200\" /><machineKey validation=\"HMACSHA256\" decryption=\"AES\" validationKey=\"AutoGenerate,IsolateApps\" /></system.web></configuration>"})


def wp_config():
    salts = "".join(f"define( '{k}', 'put your unique phrase here' );\n" for k in ["AUTH_KEY", "SECURE_AUTH_KEY", "NONCE_KEY"])
    add("wp-config-php", ["password"], {"text": f"<?php\ndefine( 'DB_NAME', 'wp_shop' );\ndefine( 'DB_USER', 'wp_shop' );\ndefine( 'DB_PASSWORD', '{password()}' );\ndefine( 'DB_HOST', 'localhost' );\n$table_prefix = 'wp_';\n"})
    add("wp-config-php", ["password", "email"], {"text": f"<?php\n// WP Mail SMTP\ndefine( 'WPMS_ON', true );\ndefine( 'WPMS_SMTP_USER', '{email(domain=pick(WORK))}' );\ndefine( 'WPMS_SMTP_PASS', '{password()}' );\n"})
    add("wp-config-php", [], {"text": "<?php\ndefine( 'DB_NAME', 'database_name_here' );\ndefine( 'DB_USER', 'username_here' );\ndefine( 'DB_PASSWORD', 'password_here' );\n" + salts})
    add("wp-config-php", [], {"text": "<?php\ndefine( 'DB_PASSWORD', getenv( 'WORDPRESS_DB_PASSWORD' ) );\ndefine( 'WP_DEBUG', false );\ndefine( 'WP_MEMORY_LIMIT', '256M' );\n"})


def rails_database_yml():
    add("rails-database-yml", ["password"], {"path": "config/database.yml", "text": f"production:\n  adapter: postgresql\n  encoding: unicode\n  database: shop_production\n  username: shop\n  password: {password()}\n  host: db.internal\n  pool: <%= ENV.fetch(\"RAILS_MAX_THREADS\") {{ 5 }} %>\n"})
    add("rails-database-yml", ["api_key", "private_key"], {"path": "config/credentials.yml (decrypted)", "text": f"secret_key_base: {hexs(128)}\nstripe:\n  secret_key: {api_key('stripe')[1]}\napple_pay:\n  merchant_key: |\n" + "".join("    " + ln + "\n" for ln in pem("EC PRIVATE KEY").splitlines())})
    add("rails-database-yml", [], {"path": "config/database.yml", "text": "production:\n  <<: *default\n  database: shop_production\n  username: shop\n  password: <%= ENV[\"SHOP_DATABASE_PASSWORD\"] %>\n"})
    add("rails-database-yml", [], {"path": "config/credentials.yml.enc", "text": b64chars(600) + "--" + b64chars(16) + "--" + b64chars(22) + "=="})


# ================================================================ formats: alerts, commerce, cloud

def alertmanager_webhook():
    def hook(labels, ann):
        return {"receiver": "pagerduty-critical", "status": "firing", "groupKey": "{}:{alertname=\"" + labels.get("alertname", "x") + "\"}", "version": "4",
                "alerts": [{"status": "firing", "labels": labels, "annotations": ann, "startsAt": iso_ts() + "Z", "endsAt": "0001-01-01T00:00:00Z",
                            "generatorURL": f"http://prometheus:9090/graph?g0.expr=up+%3D%3D+0", "fingerprint": hexs(16)}], "externalURL": "http://alertmanager:9093"}
    add("alertmanager-webhook", ["password"], hook({"alertname": "ProbeFailed", "instance": "https://metrics:" + password() + "@pushgateway.internal:9091"}, {"summary": "blackbox probe failed"}))
    add("alertmanager-webhook", ["email"], hook({"alertname": "CertExpiring", "owner": email(domain=pick(WORK))}, {"description": "TLS certificate for api.brightpath.io expires in 6 days"}))
    add("alertmanager-webhook", [], hook({"alertname": "HighLatency", "service": "checkout", "severity": "critical"}, {"summary": "p99 > 2s for 10m", "value": "2.381"}))
    add("alertmanager-webhook", [], hook({"alertname": "DiskFull", "instance": f"{ipv4()}:9100", "device": "/dev/nvme0n1p1"}, {"description": "Disk 93% full on node; 18446744073 bytes used"}))


def pagerduty_webhook():
    def ev(title, body=None):
        d = {"event": {"id": alnum(14, string.ascii_uppercase + string.digits), "event_type": "incident.triggered", "resource_type": "incident", "occurred_at": iso_ts() + ".000Z",
                       "data": {"id": alnum(7, string.ascii_uppercase + string.digits), "type": "incident", "number": R.randint(100, 99999), "title": title, "urgency": "high",
                                "service": {"id": alnum(7, string.ascii_uppercase + string.digits), "summary": "Payments API"}}}}
        if body:
            d["event"]["data"]["body"] = {"type": "incident_body", "details": body}
        return d
    add("pagerduty-webhook", ["aws_access_key"], ev("GuardDuty: UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration", f"Credentials {aws_id('ASIA')} used from external IP {ipv4()}"))
    add("pagerduty-webhook", ["phone"], ev("Escalation", f"Primary on-call unreachable, call {pick(FIRST)} on {phone()}"))
    add("pagerduty-webhook", [], ev("[FIRING:1] HighErrorRate checkout (prod)", f"error ratio 0.071 over 5m; runbook https://wiki.internal/rb/{R.randint(100, 999)}"))
    add("pagerduty-webhook", [], ev(f"Disk usage on db-{R.randint(1, 9)} above 90%", f"{R.randint(91, 99)}% used; host {ipv4()}; check id {uuid4()}"))


def shopify_order():
    f, l = person()
    addr = lambda: {"first_name": f, "last_name": l, "address1": f"{R.randint(1, 200)} Main St", "city": "Portland", "zip": "97201", "country_code": "US"}
    base = lambda: {"id": int(safe_id(13)), "admin_graphql_api_id": f"gid://shopify/Order/{safe_id(13)}", "order_number": R.randint(1000, 99999), "currency": "USD",
                    "total_price": amount(), "financial_status": "paid", "created_at": iso_ts() + "-05:00",
                    "line_items": [{"id": int(safe_id(14)), "sku": f"TEE-{alnum(3, string.ascii_uppercase)}-M", "quantity": 1, "price": amount()}]}
    o = base()
    o.update({"email": email(f, l), "phone": e164("US"), "billing_address": addr(), "shipping_address": dict(addr(), phone=phone("US"))})
    add("shopify-order", ["email", "phone"], o)
    o = base()
    o.update({"payment_details": {"credit_card_bin": "424242", "credit_card_number": "•••• •••• •••• 4242", "credit_card_company": "Visa"}, "note": "gift wrap please"})
    add("shopify-order", [], o)
    o = base()
    c = card()
    o.update({"note": f"pls use this card instead: {fmt_card(c)} {exp()} cvv {cvv_for(c)}"})
    add("shopify-order", ["credit_card", "cvv"], o)
    o = base()
    o.update({"fulfillments": [{"tracking_company": "UPS", "tracking_number": ups_tracking(), "status": "success"}], "tags": "wholesale, net30"})
    add("shopify-order", [], o)


def cloudtrail():
    def ev(name, ident, params=None, resp=None, src="iam.amazonaws.com"):
        return {"eventVersion": "1.09", "userIdentity": ident, "eventTime": iso_ts() + "Z", "eventSource": src, "eventName": name, "awsRegion": "eu-west-1",
                "sourceIPAddress": ipv4(), "userAgent": "aws-cli/2.17.40 md/Botocore#1.35.8", "requestParameters": params, "responseElements": resp,
                "requestID": uuid4(), "eventID": uuid4(), "readOnly": False, "eventType": "AwsApiCall", "recipientAccountId": digits(12)}
    acct = digits(12)
    add("cloudtrail", ["aws_access_key"], ev("ListBuckets", {"type": "IAMUser", "principalId": "AIDA" + alnum(17, B32), "arn": f"arn:aws:iam::{acct}:user/ci", "accountId": acct, "accessKeyId": aws_id("AKIA"), "userName": "ci"}, src="s3.amazonaws.com"))
    add("cloudtrail", ["aws_access_key"], ev("GetCallerIdentity", {"type": "AssumedRole", "principalId": "AROA" + alnum(17, B32) + ":deploy", "arn": f"arn:aws:sts::{acct}:assumed-role/deploy/gh-actions", "accountId": acct, "accessKeyId": aws_id("ASIA")}, src="sts.amazonaws.com"))
    add("cloudtrail", ["aws_access_key"], ev("CreateAccessKey", {"type": "IAMUser", "principalId": "AIDA" + alnum(17, B32), "accountId": acct, "userName": "admin"},
                                              {"userName": "backup"}, {"accessKey": {"userName": "backup", "accessKeyId": aws_id("AKIA"), "status": "Active", "createDate": "Dec 1, 2026 9:02:11 AM"}}))
    add("cloudtrail", [], ev("ConsoleLogin", {"type": "IAMUser", "principalId": "AIDA" + alnum(17, B32), "arn": f"arn:aws:iam::{acct}:user/okafor", "accountId": acct, "userName": "okafor"},
                             None, {"ConsoleLogin": "Success"}, src="signin.amazonaws.com"))
    add("cloudtrail", [], ev("PutObject", {"type": "AWSService", "invokedBy": "cloudtrail.amazonaws.com"}, {"bucketName": "acme-logs", "key": f"AWSLogs/{acct}/CloudTrail/eu-west-1/2026/12/01/{acct}_CloudTrail_eu-west-1_20261201T0905Z_{alnum(16)}.json.gz"}, None, "s3.amazonaws.com"))
    add("cloudtrail", [], ev("UpdateLoginProfile", {"type": "Root", "principalId": acct, "accountId": acct}, {"userName": "okafor", "password": "HIDDEN_DUE_TO_SECURITY_REASONS", "passwordResetRequired": True}))


def otlp_span():
    def span(name, attrs):
        return {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": pick(["checkout", "ehr-gateway", "auth"])}}]},
                                   "scopeSpans": [{"scope": {"name": "@opentelemetry/instrumentation-http"}, "spans": [{
                                       "traceId": hexs(32), "spanId": hexs(16), "name": name, "kind": 2, "startTimeUnixNano": str(epoch_ms() * 10**6), "endTimeUnixNano": str(epoch_ms() * 10**6),
                                       "attributes": [{"key": k, "value": {"stringValue": v}} for k, v in attrs], "status": {}}]}]}]}
    add("otlp-span", ["jwt"], span("GET /api/orders", [("http.method", "GET"), ("http.request.header.authorization", "Bearer " + jwt())]))
    add("otlp-span", ["email", "password"], span("pg.query", [("db.system", "postgresql"), ("db.statement", f"UPDATE users SET password = '{password()}' WHERE email = '{email()}'")]))
    add("otlp-span", ["medical_record_number", "icd10"], span("POST /claims", [("claim.patient_mrn", mrn()), ("claim.dx", icd()[0])]))
    add("otlp-span", ["credit_card"], span("POST /v1/tokens", [("http.url", f"https://api.tallgrass-pay.com/v1/tokens?card[number]={card()}&card[exp_month]=12")]))
    add("otlp-span", [], span("GET /healthz", [("http.method", "GET"), ("http.status_code", "200"), ("net.peer.ip", ipv4()), ("http.user_agent", "kube-probe/1.30")]))
    add("otlp-span", [], span("redis.GET", [("db.system", "redis"), ("db.statement", "GET session:[redacted]"), ("net.peer.name", "redis-master")]))


def raw_http():
    add("raw-http", ["jwt"], {"request": f"GET /v2/accounts/me HTTP/1.1\r\nHost: api.kestrel-bank.co.uk\r\nAuthorization: Bearer {jwt('RS256')}\r\nAccept: application/json\r\nUser-Agent: Kestrel/5.12 (iPhone; iOS 18.1)\r\n\r\n"})
    user, pw = "svc-report", password()
    add("raw-http", ["password"], {"request": f"GET /reports/daily.csv HTTP/1.1\r\nHost: intranet.acme-logistics.com\r\nAuthorization: Basic {b64(user + ':' + pw)}\r\n\r\n"}, check=f"password: {pw}")
    add("raw-http", ["password", "email"], {"request": f"POST /login HTTP/1.1\r\nHost: shop.sundial-retail.de\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nemail={urllib.parse.quote(email())}&password={urllib.parse.quote(password())}&remember=1"})
    add("raw-http", ["api_key"], {"request": f"POST /v3/mail/send HTTP/1.1\r\nHost: api.sendgrid.com\r\nAuthorization: Bearer {api_key('sendgrid')[1]}\r\nContent-Type: application/json\r\n\r\n{{\"template_id\":\"d-{hexs(32)}\"}}"})
    add("raw-http", ["api_key"], {"request": f"GET /admin/api/2024-10/orders.json?status=any HTTP/1.1\r\nHost: sundial.myshopify.com\r\nX-Shopify-Access-Token: {api_key('shopify')[1]}\r\n\r\n"})
    add("raw-http", [], {"request": f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: W/\"{hexs(32)}\"\r\nX-Request-Id: {uuid4()}\r\nStrict-Transport-Security: max-age=31536000\r\nSet-Cookie: csrftoken={alnum(32)}; Path=/; SameSite=Lax\r\n\r\n{{\"ok\":true}}"})
    add("raw-http", [], {"request": "GET /v2/accounts/me HTTP/1.1\r\nHost: api.kestrel-bank.co.uk\r\nAuthorization: Bearer <token>\r\nIf-None-Match: W/\"" + hexs(16) + "\"\r\n\r\n"})
    add("raw-http", [], {"request": f"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"\r\nContent-Length: 0\r\n\r\n"})


def bash_history():
    add("bash-history", ["password"], {"path": "/root/.bash_history", "text": f"cd /opt/app\nmysql -u root -p'{password()}' -e 'show databases'\nexit\n"})
    add("bash-history", ["api_key"], {"path": "~/.zsh_history", "text": f": {epoch_ms() // 1000}:0;export GITHUB_TOKEN={api_key('github')[1]}\n: {epoch_ms() // 1000}:0;gh repo list acme\n"})
    add("bash-history", ["aws_access_key", "api_key"], {"path": "~/.bash_history", "text": f"aws configure set aws_access_key_id {aws_id('AKIA')}\naws configure set aws_secret_access_key {aws_secret()}\naws s3 ls\n"})
    add("bash-history", ["password"], {"path": "~/.bash_history", "text": f"sshpass -p '{password()}' ssh pi@192.168.1.40\nsudo systemctl restart kiosk\n"})
    add("bash-history", ["api_key"], {"path": "~/.bash_history", "text": f"curl -s -H \"Authorization: Bearer {api_key('hf')[1]}\" https://huggingface.co/api/whoami-v2\n"})
    add("bash-history", [], {"path": "~/.bash_history", "text": f"git log --oneline -5\ngit checkout {sha1()[:7]}\nnpm version {semver()}\ndocker build -t acme/api:{sha1()[:12]} .\n"})
    add("bash-history", [], {"path": "~/.bash_history", "text": "read -s DB_PASSWORD\nexport DB_PASSWORD\npsql \"host=db user=app password=$DB_PASSWORD\"\npasswd\nhistory -c\n"})


def dockerfile():
    add("dockerfile", ["api_key"], {"path": "Dockerfile", "text": f"FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN echo '@acme:registry=https://npm.pkg.github.com' > .npmrc && echo '//npm.pkg.github.com/:_authToken={api_key('github')[1]}' >> .npmrc && npm ci\nCOPY . .\nCMD [\"node\", \"dist/main.js\"]\n"})
    add("dockerfile", ["password"], {"path": "Dockerfile", "text": f"FROM mcr.microsoft.com/mssql/server:2022-latest\nENV ACCEPT_EULA=Y\nENV MSSQL_SA_PASSWORD={password()}\nEXPOSE 1433\n"})
    add("dockerfile", ["private_key"], {"path": "Dockerfile", "text": "FROM alpine:3.20\nRUN mkdir -p /root/.ssh && printf '%s' '" + pem("OPENSSH PRIVATE KEY", "\\n") + "' > /root/.ssh/id_ed25519 && chmod 600 /root/.ssh/id_ed25519\n"})
    add("dockerfile", [], {"path": "Dockerfile", "text": "# syntax=docker/dockerfile:1.7\nFROM python:3.12-slim\nRUN --mount=type=secret,id=pip_token PIP_INDEX_URL=https://__token__:$(cat /run/secrets/pip_token)@pypi.internal/simple pip install -r requirements.txt\n"})
    add("dockerfile", [], {"path": "Dockerfile", "text": f"FROM golang:1.23 AS build\nARG VERSION={semver()}\nARG COMMIT={sha1()}\nRUN go build -ldflags \"-X main.version=$VERSION -X main.commit=$COMMIT\" ./cmd/api\nFROM gcr.io/distroless/static@sha256:{hexs(64)}\n"})


def jenkins_xml():
    add("jenkins-xml", ["password"], {"path": "credentials.xml (exported, decrypted by script)", "xml": f"<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl><scope>GLOBAL</scope><id>nexus-deploy</id><username>deployer</username><password>{password()}</password></com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>"})
    add("jenkins-xml", ["api_key"], {"path": "config.xml", "xml": f"<org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl><id>slack-bot</id><secret>{api_key('slack_bot')[1]}</secret></org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>"})
    add("jenkins-xml", ["private_key"], {"path": "credentials.xml (decrypted)", "xml": f"<com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey><id>deploy-ssh</id><username>deploy</username><privateKeySource class=\"com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey$DirectEntryPrivateKeySource\"><privateKey>{pem('RSA PRIVATE KEY')}</privateKey></privateKeySource></com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey>"})
    add("jenkins-xml", [], {"path": "credentials.xml", "xml": f"<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl><id>nexus-deploy</id><username>deployer</username><password>{{AQAAABAAAAAQ{b64chars(64)}=}}</password></com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>"})
    add("jenkins-xml", [], {"path": "jobs/api/config.xml", "xml": f"<flow-definition plugin=\"workflow-job@1436.vfa_244484591f\"><description>Build {R.randint(1000, 9999)}</description><definition class=\"org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition\"><scriptPath>Jenkinsfile</scriptPath></definition><disabled>false</disabled></flow-definition>"})


def airflow_connections():
    add("airflow-connections", ["password"], {"warehouse_pg": {"conn_type": "postgres", "host": "warehouse.internal", "login": "airflow", "password": password(), "schema": "dw", "port": 5432, "extra": ""}})
    add("airflow-connections", ["aws_access_key", "api_key"], {"aws_default": {"conn_type": "aws", "extra": json.dumps({"aws_access_key_id": aws_id("AKIA"), "aws_secret_access_key": aws_secret(), "region_name": "eu-west-1"})}})
    add("airflow-connections", ["api_key"], {"slack_alerts": {"conn_type": "slackwebhook", "host": "hooks.slack.com", "password": "", "extra": json.dumps({"token": api_key("slack_bot")[1]})}})
    add("airflow-connections", [], {"aws_default": {"conn_type": "aws", "extra": json.dumps({"role_arn": f"arn:aws:iam::{digits(12)}:role/airflow", "region_name": "eu-west-1"})}})
    add("airflow-connections", [], {"warehouse_pg": {"conn_type": "postgres", "host": "warehouse.internal", "login": "airflow", "password": "{{ var.value.warehouse_password }}", "port": 5432}})


# ================================================================ formats: key files, voice, capture, multilingual cards

def ppk_file():
    priv = b64chars(44)
    add("ppk-file", ["private_key"], {"path": "deploy.ppk", "text": f"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@acme\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAI{b64chars(43)}\n\nPrivate-Lines: 1\n{priv}\nPrivate-MAC: {hexs(64)}\n"})
    pub = "".join(b64chars(64) + "\n" for _ in range(6))
    prv = "".join(b64chars(64) + "\n" for _ in range(14))
    add("ppk-file", ["private_key"], {"path": "legacy-rsa.ppk", "text": f"PuTTY-User-Key-File-2: ssh-rsa\nEncryption: aes256-cbc\nComment: rsa-key-20190412\nPublic-Lines: 6\nAAAAB3NzaC1yc2EAAAABJQAAAQEA{pub[28:]}Private-Lines: 14\n{prv}Private-MAC: {hexs(40)}\n"})
    add("ppk-file", [], {"path": "authorized_keys", "text": ssh_pub() + "\n" + "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + b64chars(300) + " build@ci\n"})


def pgp_armor():
    body = "lQPGBGc" + b64chars(64 * 20)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    add("pgp-armor", ["private_key"], {"text": "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + "\n".join(lines) + f"\n={b64chars(4)}\n-----END PGP PRIVATE KEY BLOCK-----\n"})
    body = "mQINBGc" + b64chars(64 * 18)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    add("pgp-armor", [], {"text": "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n" + "\n".join(lines) + f"\n={b64chars(4)}\n-----END PGP PUBLIC KEY BLOCK-----\n"})
    add("pgp-armor", [], {"text": f"-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n{hexs(64)}  release-{semver()}.tar.gz\n-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCgAdFiEE{b64chars(60)}\n{b64chars(64)}\n={b64chars(4)}\n-----END PGP SIGNATURE-----\n"})


WORDS = {"0": "zero", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine"}


def spoken(num, oh=False):
    out = []
    for ch in num:
        if ch.isdigit():
            out.append("oh" if (oh and ch == "0" and R.random() < 0.5) else WORDS[ch])
    return " ".join(out)


def ivr_dtmf_log():
    c = card()
    dt = lambda: f"2026-12-01 1{R.randint(0, 9)}:{R.randint(10, 59)}:{R.randint(10, 59)}.{digits(3)}"
    cid = f"{R.randint(10**6, 10**7)}.{R.randint(10, 99)}"
    add("ivr-dtmf-log", ["credit_card", "phone"], {"log": f"{dt()} [{cid}] INBOUND from {e164('US')} to +18005550100\n{dt()} [{cid}] menu=payments prompt=enter_card\n{dt()} [{cid}] DTMF collected: {c}#\n{dt()} [{cid}] prompt=enter_expiry DTMF collected: {R.randint(1, 12):02d}{R.randint(27, 31)}#"})
    add("ivr-dtmf-log", ["cvv"], {"log": f"{dt()} [{cid}] card on file ending {digits(4)} confirmed\n{dt()} [{cid}] prompt=enter_security_code DTMF collected: {digits(3)}#\n{dt()} [{cid}] auth result=APPROVED"})
    add("ivr-dtmf-log", ["ssn"], {"log": f"{dt()} [{cid}] prompt=verify_identity \"please enter your social security number\"\n{dt()} [{cid}] DTMF collected: {ssn('plain')}#\n{dt()} [{cid}] verify=MATCH"})
    add("ivr-dtmf-log", ["health_insurance_number"], {"log": f"{dt()} [{cid}] prompt=member_id \"enter the member ID from your insurance card\"\nDTMF collected (alpha mode): {member_id()}#"})
    add("ivr-dtmf-log", [], {"log": f"{dt()} [{cid}] prompt=enter_card DTMF collected: [SUPPRESSED 16 digits]#\n{dt()} [{cid}] prompt=enter_security_code DTMF collected: [SUPPRESSED]#\n{dt()} [{cid}] transfer queue=billing wait={R.randint(5, 400)}s"})
    add("ivr-dtmf-log", [], {"log": f"{dt()} [{cid}] menu=main DTMF 2\n{dt()} [{cid}] menu=orders prompt=enter_order DTMF collected: {safe_id(10)}#\n{dt()} [{cid}] order status=SHIPPED eta=2026-12-04"})


def asr_json():
    def tr(text, spk="spk_1"):
        items = [{"start_time": f"{i * 0.42:.2f}", "end_time": f"{i * 0.42 + 0.38:.2f}", "alternatives": [{"confidence": f"{R.uniform(0.8, 1):.4f}", "content": w}], "type": "pronunciation"} for i, w in enumerate(text.split()[:12])]
        return {"jobName": f"call-{uuid4()}", "accountId": digits(12), "status": "COMPLETED",
                "results": {"transcripts": [{"transcript": text}], "speaker_labels": {"speakers": 2}, "items": items}}
    c = card()
    text = f"sure my card number is {spoken(c, True)} and it expires {spoken(exp())}"
    add("asr-json", ["credit_card"], tr(text), check=text + " " + c)
    cv = digits(3)
    text = f"the three digit code on the back is {spoken(cv)}"
    add("asr-json", ["cvv"], tr(text), check=text + " CVV " + cv)
    s = ssn("plain")
    text = f"my social is {spoken(s[:3])} {spoken(s[3:5])} {spoken(s[5:])}"
    add("asr-json", ["ssn"], tr(text), check=text + f" SSN {s[:3]}-{s[3:5]}-{s[5:]}")
    text = f"you can reach me at {spoken('415555' + '01' + digits(2))}"
    add("asr-json", ["phone"], tr(text), check=text + " phone")
    add("asr-json", [], tr("thanks for calling the order should arrive on thursday is there anything else i can help with today"))
    add("asr-json", [], tr("your reference number is seven seven two one and the total was forty two dollars ninety nine"))


def tcpdump_ascii():
    head = lambda: f"09:{R.randint(10, 59)}:{R.randint(10, 59)}.{digits(6)} IP {ipv4()}.{R.randint(30000, 60000)} > {ipv4()}.80: Flags [P.], seq {R.randint(1, 9999)}:{R.randint(10000, 19999)}, ack 1, win 502, length {R.randint(100, 900)}\n"
    add("tcpdump-ascii", ["password"], {"capture": head() + f"E..{alnum(6)}@.@.......\nPOST /api/login HTTP/1.1\nHost: 10.0.0.5\nContent-Type: application/json\n\n{{\"user\":\"admin\",\"pass\":\"{password()}\"}}"})
    add("tcpdump-ascii", ["password"], {"capture": head().replace(".80:", ".21:") + f"USER backup\r\n" + head().replace(".80:", ".21:") + f"PASS {password()}\r\n"})
    add("tcpdump-ascii", ["jwt"], {"capture": head() + f"GET /api/v1/me HTTP/1.1\nHost: 10.0.0.5\nCookie: session={jwt('HS256')}\n"})
    add("tcpdump-ascii", [], {"capture": head() + "GET /index.html HTTP/1.1\nHost: 10.0.0.5\nUser-Agent: curl/8.5.0\nAccept: */*\n\n" + head() + "HTTP/1.1 304 Not Modified\nETag: \"" + hexs(16) + "\"\n"})
    add("tcpdump-ascii", [], {"capture": f"09:12:{R.randint(10, 59)}.{digits(6)} IP {ipv4()}.53 > {ipv4()}.{R.randint(30000, 60000)}: 4471 3/0/0 CNAME api.brightpath.io., A {ipv4()}, A {ipv4()} (98)\n"})


def jp_insurance_ocr():
    f, l = pick(["健太", "美咲", "翔", "陽菜"]), pick(["佐藤", "鈴木", "高橋", "田中"])
    kigo, bango = digits(R.randint(3, 8)), digits(R.randint(4, 7))
    add("insurance-card-ocr", ["health_insurance_number"], {"ocr_text": f"健康保険被保険者証\n本人（被保険者）\n記号 {kigo}  番号 {bango}  枝番 0{R.randint(0, 9)}\n氏名 {l} {f}\n生年月日 平成{R.randint(1, 15)}年{R.randint(1, 12)}月{R.randint(1, 28)}日\n保険者番号 0{digits(7)}\n全国健康保険協会"})
    add("insurance-card-ocr", ["health_insurance_number"], {"ocr_text": f"Carte Vitale\n{pick(['Camille', 'Julien', 'Léa'])} {pick(['Martin', 'Bernard', 'Dubois'])}\nN° d'assuré social : {fr_nir()}"})
    add("insurance-card-ocr", ["health_insurance_number"], {"ocr_text": f"medicare\n{au_medicare()}\n1 {pick(['OLIVIA', 'JACK', 'MIA'])} {pick(['NGUYEN', 'SMITH', 'WILLIAMS'])}\nVALID TO 11/2031"})
    add("insurance-card-ocr", ["health_insurance_number"], {"ocr_text": f"Ontario  Health Santé\n{ohip()}\n{pick(['ARJUN', 'EMMA'])} {pick(['SINGH', 'TREMBLAY'])}\nBORN/NÉ(E) 1988-04-17  EXP 2029-04-17"})
    add("insurance-card-ocr", ["health_insurance_number"], {"ocr_text": f"NEW YORK STATE  BENEFIT IDENTIFICATION CARD\nMEDICAID\nID: {medicaid_cin()}\nISSUED 07/15/2025"})
    add("insurance-card-ocr", ["health_insurance_number", "phone"], {"ocr_text": f"कर्मचारी राज्य बीमा निगम (ESIC)\nबीमा संख्या (IP No.): {digits(10)}\nमोबाइल: {phone('IN').translate(DEVANAGARI)}"})
    add("insurance-card-ocr", [], {"ocr_text": "健康保険被保険者証\n記号 ＊＊＊＊  番号 ＊＊＊\n（マスキング済み）\n保険者番号 ＊＊＊＊＊＊＊＊\n※ 記号・番号は告知要求制限の対象です"})
    add("insurance-card-ocr", [], {"ocr_text": f"BLUEJAY HEALTH\nRxBIN 610014   RxPCN 9999   RxGRP {alnum(6, string.ascii_uppercase + string.digits)}\nPayer ID 60054\nCustomer service: see back of card (TTY 711)\nMember ID: on front of card"})



# ================================================================ more formats and second samples in the formats above

def whatsapp_export():
    f, g = pick(FIRST), pick(FIRST)
    line = lambda who, t: f"{R.randint(1, 12)}/{R.randint(1, 28)}/26, {R.randint(1, 12)}:{R.randint(10, 59)} {pick(['AM', 'PM'])} - {who}: {t}"
    c = card()
    add("whatsapp-export", ["credit_card", "cvv"], {"chat.txt": "\n".join([line(f, "Hola! para la reserva necesito la tarjeta"), line(g, f"Tarjeta {fmt_card(c, 'space')}"), line(g, f"Vence {exp()} y el código de seguridad (CVV) es {cvv_for(c)}")])})
    c = card()
    add("whatsapp-export", ["credit_card", "cvv"], {"chat.txt": "\n".join([line(f, "Kannst du die Hotelrechnung zahlen?"), line(g, f"Karte: {fmt_card(c, 'dash')}, Prüfnummer {cvv_for(c)}")])})
    add("whatsapp-export", ["cvv"], {"chat.txt": "\n".join([line(f, "usa o cartão final 4821"), line(f, f"o código de segurança é {digits(3)}")])})
    add("whatsapp-export", ["medical_record_number"], {"chat.txt": "\n".join([line(f, f"pt in bed 12 is MRN {mrn('num7')}, can you pull the overnight labs"), line(g, "on it")])})
    add("whatsapp-export", ["icd10"], {"chat.txt": "\n".join([line(f, f"coding q: for the ED visit do I bill {icd()[0]} or {icd()[0]} as primary?"), line(g, "the first one, documentation supports it")])})
    add("whatsapp-export", ["jwt"], {"chat.txt": line(f, f"this magic link isn't working for me https://app.brightpath.io/auth/magic?token={jwt('HS256')}")})
    add("whatsapp-export", [], {"chat.txt": "\n".join([line(f, "<Media omitted>"), line(g, "haha"), line(f, f"meet at 48.8584, 2.2945 at 7?"), line(g, "Messages and calls are end-to-end encrypted.")])})
    add("whatsapp-export", [], {"chat.txt": "\n".join([line(f, f"seu pedido {safe_id(12)} foi enviado, rastreio {ups_tracking()}"), line(g, "obrigado!")])})
    add("whatsapp-export", [], {"chat.txt": line(f, "the CVV check failed again, bank says cvc_check: fail. I'll call them tomorrow")})


def discord_message():
    def msg(content):
        return {"id": safe_id(19), "type": 0, "content": content, "channel_id": safe_id(19), "author": {"id": safe_id(18), "username": pick(["nightowl", "pixelfern", "quokka_dev"]), "discriminator": "0", "global_name": None},
                "attachments": [], "embeds": [], "mentions": [], "pinned": False, "timestamp": iso_ts() + ".123000+00:00", "edited_timestamp": None, "flags": 0}
    bot = b64url(safe_id(18).encode()) + "." + alnum(6, string.ascii_letters + string.digits + "_-") + "." + alnum(38, string.ascii_letters + string.digits + "_-")
    add("discord-message", ["api_key"], msg(f"why does my bot not start?? token is {bot} and intents are on"))
    add("discord-message", ["jwt"], msg(f"api keeps 401ing, my header is `Authorization: Bearer {jwt()}`"))
    add("discord-message", ["private_key"], msg("here is the key from the tutorial ```\n" + pem("EC PRIVATE KEY") + "```"))
    c = card()
    add("discord-message", ["credit_card", "cvv"], msg(f"selling acc, pay here {c} {exp()} cvv {cvv_for(c)}"))
    add("discord-message", [], msg(f"v{semver()} is out! changelog: fixed the crash on login, build {R.randint(1000, 9999)}, commit {sha1()[:8]}"))
    add("discord-message", [], msg("PSA: never paste your bot token here. if you did, reset it in the developer portal. use `process.env.DISCORD_TOKEN`"))
    add("discord-message", [], msg("decoded the header part `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9` -> {\"alg\":\"HS256\",\"typ\":\"JWT\"}, so it's HMAC"))


def w2_ocr():
    f, l = person()
    add("w2-ocr", ["ssn"], {"ocr_text": f"a Employee's social security number\n{ssn()}\nOMB No. 1545-0008\nb Employer identification number (EIN)\n{ein()}\n1 Wages, tips, other compensation\n{amount()}\ne Employee's first name and initial  Last name\n{ascii_fold(f)}  {ascii_fold(l)}\nForm W-2 Wage and Tax Statement 2026"})
    add("w2-ocr", ["ssn"], {"ocr_text": f"Form W-4 (2026)\nStep 1: (a) First name and middle initial {ascii_fold(f)}  Last name {ascii_fold(l)}\n(b) Social security number {ssn('space')}\n(c) [X] Single or Married filing separately"})
    add("w2-ocr", [], {"ocr_text": f"a Employee's social security number\nXXX-XX-{digits(4)}\nb Employer identification number (EIN)\n{ein()}\n1 Wages, tips, other compensation\n{amount()}\nCopy B—To Be Filed With Employee's FEDERAL Tax Return"})
    add("w2-ocr", [], {"ocr_text": f"Form 1099-NEC  2026\nPAYER'S TIN {ein()}\nRECIPIENT'S TIN ***-**-{digits(4)}\n1 Nonemployee compensation $ {amount()}\nAccount number (see instructions) {digits(10)}"})


def zpl_wristband():
    f, l = person()
    m = mrn()
    add("zpl-wristband", ["medical_record_number"], {"zpl": f"^XA^CI28^PW300^LL1800\n^FO40,60^A0R,40,40^FD{ascii_fold(l).upper()}, {ascii_fold(f).upper()}^FS\n^FO90,60^A0R,30,30^FDMRN: {m}  DOB: {dob()}^FS\n^FO130,60^BCR,80,N,N^FD{m}^FS\n^XZ"})
    add("zpl-wristband", ["medical_record_number"], {"zpl": f"^XA\n^FO50,50^A0N,28,28^FDPt: {ascii_fold(l)}, {ascii_fold(f)}   Med Rec #: {mrn('alpha')}^FS\n^FO50,90^A0N,24,24^FDAllergies: PCN^FS\n^FO50,130^BQN,2,5^FDQA,MRN={mrn('alpha')}^FS\n^XZ"})
    add("zpl-wristband", [], {"zpl": f"^XA\n^FO30,30^A0N,26,26^FDSPECIMEN  ACC# {digits(2)}-{digits(6)}^FS\n^FO30,70^BCN,60,Y,N^FD{digits(10)}^FS\n^FO30,150^A0N,22,22^FDLAV 4mL  EDTA  {R.randint(1, 12)}/{R.randint(1, 28)} 06:{R.randint(10, 59)}^FS\n^XZ"})
    add("zpl-wristband", [], {"zpl": f"^XA^FO20,20^A0N,30,30^FDVISITOR - WARD B12^FS^FO20,60^A0N,24,24^FDValid {R.randint(1, 28)}/12/2026^FS^XZ"})


def sbar_handoff():
    f, l = person()
    a, b = icd(), icd()
    add("sbar-handoff", ["medical_record_number", "icd10"], {"note": f"S: {ascii_fold(f)} {ascii_fold(l)}, 71F, MRN {mrn()}, rm 4{digits(2)}, admitted for {a[1].lower()} ({a[0]}).\nB: hx {b[0]}; on apixaban.\nA: HR 112 irregular, BP 98/61, SpO2 93% 2L.\nR: recheck lactate at 0200, page cardiology if HR > 130."})
    add("sbar-handoff", ["icd10"], {"note": f"Shift report — bed 7: working dx {a[0]} ({a[1]}); r/o {b[0]}. NPO after midnight for scope."})
    add("sbar-handoff", ["medical_record_number"], {"note": f"Handover: new admit from ED, MRN# {mrn('prefixed')}, falls risk, bed alarm on. Family at bedside."})
    add("sbar-handoff", [], {"note": "S: bed 12 stable overnight. B: post-op day 2. A: pain 3/10, ambulating with walker, tolerating diet. R: continue plan, PT consult in AM, d/c planning Thursday."})
    add("sbar-handoff", [], {"note": "Unit huddle 07:00 — census 28/30, 2 pending discharges, room B12 out of service (plumbing), float nurse to pod E11."})


def more_samples():
    """Second samples in formats above, for the rarer types and more hard negatives."""
    # cvv
    c = card()
    add("mongodb-extjson", ["credit_card", "cvv"], {"_id": {"$oid": hexs(24)}, "paymentDraft": {"number": c, "cvc": cvv_for(c), "expMonth": {"$numberInt": str(R.randint(1, 12))}, "expYear": {"$numberInt": "2029"}}})
    c = card()
    add("redis-monitor", ["credit_card", "cvv"], {"lines": [f"{epoch_ms() // 1000}.{digits(6)} [0 {ipv4()}:{R.randint(30000, 65000)}] \"HSET\" \"checkout:{uuid4()}\" \"cc\" \"{c}\" \"cvv\" \"{cvv_for(c)}\" \"exp\" \"{exp()}\""]})
    add("protobuf-text", ["cvv"], {"textproto": f"payment_method {{\n  card_on_file {{ last4: \"{digits(4)}\" brand: VISA }}\n  security_code: \"{digits(3)}\"\n}}\n"})
    c = luhn_complete("37", 15)
    add("ivr-dtmf-log", ["credit_card", "cvv"], {"log": f"2026-12-01 11:02:17.{digits(3)} [{R.randint(10**6, 10**7)}.11] card type=AMEX DTMF collected: {c}#\n2026-12-01 11:02:31.{digits(3)} [..] prompt=\"enter the four digit CID on the front\" DTMF collected: {digits(4)}#"})
    c = card()
    add("datadog-log", ["credit_card", "cvv"], {"date": iso_ts() + "Z", "service": "legacy-pos", "status": "error", "message": f"validation error on field cvc for card={c} cvc={cvv_for(c)}", "ddtags": "env:prod"})
    c = card()
    body = f"cc-number={c}&cc-exp={R.randint(1, 12):02d}%2F{R.randint(27, 31)}&cc-csc={cvv_for(c)}&name={pick(FIRST)}"
    add("raw-http", ["credit_card", "cvv"], {"request": f"POST /checkout/pay HTTP/1.1\r\nHost: shop.sundial-retail.de\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n{body}"})
    add("asr-json", ["cvv"], {"results": {"transcripts": [{"transcript": f"and the security code is {digits(3)}"}]}, "status": "COMPLETED"})
    add("telegram-export", ["cvv"], {"name": "Магазин", "type": "personal_chat", "messages": [{"id": 1, "type": "message", "date": iso_ts(), "text": f"карта заканчивается на {digits(4)}, CVC {digits(3)}"}]})
    add("jupyter-notebook", ["credit_card", "cvv"], {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "execution_count": 3, "id": hexs(8), "metadata": {}, "source": ["raw.loc[raw.cvv.notna(), ['pan', 'cvv']].head(1)"],
                                                                                                                     "outputs": [{"output_type": "stream", "name": "stdout", "text": [f"                pan  cvv\n17  {luhn_complete('5', 16)}  {digits(3)}"]}]}]})
    add("kafka-connect", ["cvv"], {"topic": "payments.retry", "partition": 3, "offset": R.randint(10**5, 10**7), "value": {"token": "tok_" + alnum(24), "card_last4": digits(4), "cvc": digits(3)}})
    add("hr-onboarding", ["cvv"], {"event_type": "form_response", "form_response": {"answers": [{"type": "text", "field": {"ref": "card_security_code"}, "text": digits(3)}]}})
    c = card()
    add("textract-json", ["credit_card", "cvv"], {"Blocks": [{"BlockType": "LINE", "Text": t, "Confidence": 97.1} for t in ["CARD AUTHORIZATION FORM", f"Card number: {fmt_card(c, 'space')}", f"Exp: {exp()}", f"CVV2/CVC2: {cvv_for(c)}"]]})
    # ssn
    add("otlp-span", ["ssn"], {"resourceSpans": [{"scopeSpans": [{"spans": [{"name": "POST /kyc", "attributes": [{"key": "applicant.ssn", "value": {"stringValue": ssn()}}]}]}]}]})
    add("discord-message", ["ssn"], {"id": safe_id(19), "content": f"lol the form rejected my SSN {ssn()} twice, anyone else?", "timestamp": iso_ts()})
    add("mysql-general-log", ["ssn"], {"log": f"2026-12-01T04:12:09.{digits(6)}Z\t   {R.randint(10, 999)} Query\tSELECT * FROM applicants WHERE ssn = '{ssn()}'"})
    # aws
    k = aws_id("AKIA")
    add("raw-http", ["aws_access_key"], {"request": f"PUT /acme-backups/db-2026-12-01.sql.gz HTTP/1.1\r\nHost: s3.eu-west-1.amazonaws.com\r\nx-amz-date: 20261201T031500Z\r\nx-amz-content-sha256: {hexs(64)}\r\nAuthorization: AWS4-HMAC-SHA256 Credential={k}/20261201/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={hexs(64)}\r\n\r\n"})
    add("datadog-log", ["aws_access_key"], {"date": iso_ts() + "Z", "service": "export-api", "status": "info", "message": f"presigned url https://acme-exports.s3.amazonaws.com/report.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={aws_id('AKIA')}%2F20261201%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261201T101500Z&X-Amz-Expires=900&X-Amz-Signature={hexs(64)}"})
    add("cloudtrail", ["aws_access_key", "api_key"], {"eventVersion": "1.09", "eventSource": "sts.amazonaws.com", "eventName": "AssumeRole", "awsRegion": "eu-west-1", "userIdentity": {"type": "AWSService", "invokedBy": "ec2.amazonaws.com"},
                                           "requestParameters": {"roleArn": f"arn:aws:iam::{digits(12)}:role/app", "roleSessionName": "i-0" + hexs(16)},
                                           "responseElements": {"credentials": {"accessKeyId": aws_id("ASIA"), "sessionToken": "IQoJb3JpZ2luX2VjE" + b64chars(300), "expiration": "Dec 1, 2026, 4:15:02 PM"}}})
    add("gitlab-ci", ["aws_access_key", "api_key"], {"path": ".gitlab-ci.yml", "text": f"variables:\n  AWS_DEFAULT_REGION: eu-west-1\n  AWS_ACCESS_KEY_ID: {aws_id('AKIA')}\n  AWS_SECRET_ACCESS_KEY: {aws_secret()}\ndeploy:\n  script: [aws s3 sync dist/ s3://acme-site]\n"})
    add("dockerfile", ["aws_access_key", "api_key"], {"path": "Dockerfile", "text": f"FROM amazon/aws-cli:2.17.40\nENV AWS_ACCESS_KEY_ID={aws_id('AKIA')} \\\n    AWS_SECRET_ACCESS_KEY={aws_secret()}\nENTRYPOINT [\"aws\", \"s3\", \"sync\", \"/data\", \"s3://acme-archive\"]\n"})
    add("java-properties", ["aws_access_key", "api_key"], {"path": "src/main/resources/application.properties", "text": f"cloud.aws.region.static=eu-west-1\ncloud.aws.credentials.access-key={aws_id('AKIA')}\ncloud.aws.credentials.secret-key={aws_secret()}\n"})
    add("tcpdump-ascii", ["aws_access_key"], {"capture": f"09:41:{R.randint(10, 59)}.{digits(6)} IP {ipv4()}.{R.randint(30000, 60000)} > {ipv4()}.80: Flags [P.], length 612\nGET /?list-type=2 HTTP/1.1\nHost: acme-logs.s3.amazonaws.com\nAuthorization: AWS4-HMAC-SHA256 Credential={aws_id('AKIA')}/20261201/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature={hexs(64)}\n"})
    add("kafka-connect", ["aws_access_key", "api_key"], {"name": "s3-sink-orders", "config": {"connector.class": "io.confluent.connect.s3.S3SinkConnector", "topics": "orders.v1", "s3.bucket.name": "acme-lake",
                                                                                         "aws.access.key.id": aws_id("AKIA"), "aws.secret.access.key": aws_secret(), "flush.size": "1000"}})
    # private keys
    add("toml-config", ["private_key"], {"path": "~/.snowsql/connections.toml", "text": f"[default]\naccount = \"acme-eu\"\nuser = \"LOADER\"\nauthenticator = \"SNOWFLAKE_JWT\"\nprivate_key = \"\"\"\n{pem('PRIVATE KEY')}\"\"\"\n"})
    add("gitlab-ci", ["private_key"], {"path": ".gitlab-ci.yml (variables export)", "text": "variables:\n  SSH_PRIVATE_KEY: |\n" + "".join("    " + ln + "\n" for ln in pem("OPENSSH PRIVATE KEY").splitlines())})
    add("actuator-env", ["private_key"], {"activeProfiles": ["prod"], "propertySources": [{"name": "applicationConfig", "properties": {"jwt.signing-key": {"value": pem("RSA PRIVATE KEY", "\\n")}}}]})
    add("jira-webhook", ["private_key"], {"webhookEvent": "comment_created", "issue": {"key": f"OPS-{R.randint(10, 4999)}"}, "comment": {"body": "{noformat}\n" + pem("ENCRYPTED PRIVATE KEY") + "{noformat}\npassphrase is in the vault"}})
    add("bash-history", ["private_key"], {"path": "~/.bash_history", "text": "cat > /tmp/k <<'EOF'\n" + pem("OPENSSH PRIVATE KEY") + "EOF\nchmod 600 /tmp/k\nssh -i /tmp/k ec2-user@10.0.8.14\n"})
    add("android-logcat", ["private_key"], {"log": f"12-01 10:11:12.{digits(3)}  4412  4470 D KeyStoreHelper: exported key:\n" + pem("EC PRIVATE KEY")})
    add("kafka-connect", ["private_key"], {"name": "pg-sink", "config": {"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector", "security.protocol": "SSL", "ssl.keystore.type": "PEM",
                                                                       "ssl.keystore.certificate.chain": cert_pem(), "ssl.keystore.key": pem("PRIVATE KEY")}})
    add("redis-monitor", ["private_key"], {"lines": [f"{epoch_ms() // 1000}.{digits(6)} [0 {ipv4()}:{R.randint(30000, 65000)}] \"SET\" \"tls:api.brightpath.io:key\" \"{pem('EC PRIVATE KEY', chr(92) + 'n')}\""]})
    add("telegram-export", ["private_key"], {"name": "devops", "type": "private_group", "messages": [{"id": 7, "type": "message", "date": iso_ts(), "text": "ключ для сервера:\n" + pem("RSA PRIVATE KEY")}]})
    add("ini-config", ["private_key"], {"path": "/etc/stunnel/stunnel.conf + key.pem", "text": "[https]\naccept = 443\nconnect = 8080\ncert = /etc/stunnel/stunnel.pem\n; key.pem follows\n" + pem("RSA PRIVATE KEY")})
    # jwt
    add("postgres-log", ["jwt"], {"log": f"2026-12-01 03:12:44.{digits(3)} UTC [{R.randint(1000, 99999)}] auth@api LOG:  statement: INSERT INTO refresh_tokens (user_id, token) VALUES ({R.randint(1, 99999)}, '{jwt()}')"})
    add("windows-event-xml", ["jwt"], {"xml": "<Event><System><EventID>4104</EventID><Channel>Microsoft-Windows-PowerShell/Operational</Channel></System><EventData><Data Name=\"ScriptBlockText\">Invoke-RestMethod -Uri https://api.brightpath.io/v2/export -Headers @{Authorization = 'Bearer " + jwt("RS256") + "'}</Data></EventData></Event>"})
    add("journald-json", ["jwt"], {"_SYSTEMD_UNIT": "oauth2-proxy.service", "PRIORITY": "7", "MESSAGE": f"[2026/12/01 03:12:09] [oauthproxy.go:1021] injecting X-Forwarded-Access-Token: {jwt('RS256')}", "__REALTIME_TIMESTAMP": "1764558729123456"})
    add("jupyter-notebook", ["jwt"], {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "execution_count": 2, "id": hexs(8), "metadata": {}, "source": [f"headers = {{\"Authorization\": \"Bearer {jwt()}\"}}\n", "r = requests.get(BASE + '/metrics', headers=headers)"], "outputs": []}]})
    add("mongodb-extjson", ["jwt"], {"_id": {"$oid": hexs(24)}, "userId": {"$oid": hexs(24)}, "refreshToken": jwt("HS256"), "expiresAt": {"$date": iso_ts() + "Z"}})
    add("crash-report", ["jwt"], {"app_name": "Kestrel", "exception": {"type": "EXC_CRASH"}, "environment": {"lastRequest": "GET /v2/accounts", "authHeader": "Bearer " + jwt("ES256")}})
    add("mysql-general-log", ["jwt"], {"log": f"2026-12-01T05:01:19.{digits(6)}Z\t   {R.randint(10, 999)} Query\tUPDATE api_sessions SET id_token = '{jwt('RS256')}' WHERE sid = '{hexs(32)}'"})
    add("gitlab-ci", ["jwt"], {"path": "job log #" + str(R.randint(10**6, 10**7)), "text": f"$ export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=deploy jwt={jwt('RS256', sub='project_path:acme/api:ref_type:branch:ref:main')})\n$ vault kv get secret/deploy\n"})
    add("otlp-span", ["jwt"], {"resourceSpans": [{"scopeSpans": [{"spans": [{"name": "GET /callback", "attributes": [{"key": "http.url", "value": {"stringValue": f"https://app.brightpath.io/callback#id_token={jwt('RS256')}&state={alnum(16)}"}}]}]}]}]})
    # mrn / icd10 / hin
    add("datadog-log", ["medical_record_number"], {"date": iso_ts() + "Z", "service": "ehr-gateway", "status": "warn", "message": "patient lookup slow", "attributes": {"patient_mrn": mrn(), "duration_ms": R.randint(900, 4000)}})
    add("redis-monitor", ["medical_record_number"], {"lines": [f"{epoch_ms() // 1000}.{digits(6)} [3 {ipv4()}:{R.randint(30000, 65000)}] \"HGETALL\" \"patient:mrn:{mrn('num8')}\""]})
    add("textract-json", ["medical_record_number", "icd10"], {"Blocks": [{"BlockType": "LINE", "Text": t, "Confidence": 95.2} for t in ["LABORATORY REQUISITION", f"MRN: {mrn()}", "Tests: CMP, Lipid panel, HbA1c", f"Dx code(s): {icd()[0]}, {icd()[0]}"]]})
    add("linear-webhook", ["icd10"], {"action": "create", "type": "Issue", "data": {"identifier": f"RCM-{R.randint(10, 999)}", "title": "Coder rule for diabetes", "description": f"Bill {pick(['E11.65', 'E11.22', 'E11.40'])} instead of E11.9 when the note documents hyperglycemia."}})
    add("eob-text", ["icd10"], {"pdf_text": f"Claim detail — line 2 denied: diagnosis {icd()[0]} is not covered for procedure 97110 (CARC 11)."})
    add("otlp-span", ["icd10", "health_insurance_number"], {"resourceSpans": [{"scopeSpans": [{"spans": [{"name": "POST /eligibility", "attributes": [{"key": "subscriber.member_id", "value": {"stringValue": member_id()}}, {"key": "dx", "value": {"stringValue": icd()[0]}}]}]}]}]})
    add("kafka-connect", ["health_insurance_number"], {"topic": "claims.837.parsed", "value": {"subscriber": {"medicare_mbi": mbi(), "plan": "MA-PPO"}, "claim_id": safe_id(14)}})
    # more hard negatives
    add("gitlab-ci", [], {"path": "docs/ci.md", "text": "Set these masked variables in Settings > CI/CD:\n\n    AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n    AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"})
    add("vault-kv", [], {"request_id": uuid4(), "data": {"data": {"private_key": "-----BEGIN PRIVATE KEY-----\n[REDACTED]\n-----END PRIVATE KEY-----\n", "password": "[REDACTED]"}, "metadata": {"version": 3}}})
    add("markdown-table", [], {"md": "| key | example |\n|---|---|\n| Stripe | `sk_test_" + alnum(24) + "` (test mode, docs) |\n| Publishable | `pk_live_" + alnum(24) + "` |\n"})
    add("kafka-connect", [], {"topic": "catalog.books", "partition": 0, "offset": R.randint(10**4, 10**6), "value": {"isbn13": isbn13(), "ean": ean13(), "upc": upc(), "title": "Data Pipelines Pocket Reference", "price": amount()}})
    add("datadog-log", [], {"date": iso_ts() + "Z", "service": "geo", "status": "info", "message": f"resolved {ipv4()} -> lat=40.7128 lon=-74.0060 asn=AS{R.randint(1000, 65000)} took {R.randint(1, 90)}ms"})
    add("shopify-order", [], {"id": int(safe_id(13)), "order_number": R.randint(1000, 99999), "total_price": amount(), "note_attributes": [{"name": "gift_card", "value": "•••• •••• •••• " + digits(4)}], "discount_codes": [{"code": "BLACKFRIDAY26", "amount": "10.00"}]})
    add("iso8583-dump", [], {"log": f"[000] MTI 0800  [007] {digits(10)}  [011] {digits(6)}  [070] 301 (echo test)  [039] 00"})
    add("camt053", [], {"xml": f"<Ntry><Amt Ccy=\"EUR\">{amount()}</Amt><NtryRef>{safe_id(18)}</NtryRef><AddtlNtryInf>SEPA-ÜBERWEISUNG RE {digits(8)} KD {digits(6)}</AddtlNtryInf></Ntry>"})
    add("edifact", [], {"interchange": f"UNA:+.? 'UNB+UNOC:3+SENDER+RECEIVER+{R.randint(261101, 261130)}:1200+{digits(6)}'UNH+1+DESADV:D:96A:UN'BGM+351+{digits(10)}+9'CPS+1'PAC+4++PK'GIN+BJ+{'00' + digits(16)}'UNT+6+1'UNZ+1+{digits(6)}'"})
    add("saml-assertion", [], {"AuthnRequest": f"<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_{hexs(32)}\" Version=\"2.0\" IssueInstant=\"{iso_ts()}Z\" AssertionConsumerServiceURL=\"https://sp.brightpath.io/saml/acs\"><saml:Issuer>https://sp.brightpath.io</saml:Issuer><samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\" AllowCreate=\"true\"/></samlp:AuthnRequest>"})
    add("android-logcat", [], {"log": f"12-01 08:00:01.{digits(3)}  1201  1290 I chatty  : uid=10{R.randint(100, 400)}(com.kestrel.mobile) identical 14 lines\n12-01 08:00:01.{digits(3)}  1201  1290 D NetworkMonitor: PROBE_DNS www.google.com {R.randint(5, 90)}ms OK {ipv4()}"})
    add("postgres-log", [], {"log": f"2026-12-01 03:00:00.{digits(3)} UTC [{R.randint(1000, 99999)}] LOG:  automatic vacuum of table \"shop.public.orders\": index scans: 1\n\tpages: 0 removed, {R.randint(1000, 99999)} remain\n\ttuples: {R.randint(100, 9999)} removed, {R.randint(10**5, 10**7)} remain"})
    add("ldif", [], {"text": "# Schema excerpt\nattributetype ( 2.5.4.35 NAME 'userPassword' DESC 'RFC4519/2307: password of user' EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 )\n"})
    add("telegram-export", [], {"name": "Bot", "type": "bot_chat", "messages": [{"id": 9, "type": "message", "date": iso_ts(), "text": "Use this token to access the HTTP API: <hidden>. Keep your token secure."}]})
    add("mt940", [], {"swift": f":20:{digits(16)}X\n:25:{digits(8)}/{digits(10)}\n:28C:00001/001\n:60F:C261130EUR0,00\n:62F:C261201EUR0,00\n-"})
    add("nacha-ach", [], {"ach": "5200ACME LOGISTICS     VENDOR PAY           " + digits(10) + "CCDVENDORPAY 261201261201   1" + digits(8) + "0000002\n9000001000001" + digits(8) + "0" * 10 + digits(12)})
    add("pos-receipt", [], {"text": f"SALE\nMID: {digits(15)}\nTID: {digits(8)}\nBATCH {digits(6)}  INV {digits(6)}\nAMEX ***********{digits(4)}\nAPPROVED {alnum(6, string.ascii_uppercase + string.digits)}\nTOTAL ${amount()}"})
    add("redis-monitor", [], {"lines": [f"{epoch_ms() // 1000}.{digits(6)} [0 {ipv4()}:{R.randint(30000, 65000)}] \"SET\" \"cache:isbn:{isbn13()}\" \"{{\\\"title\\\":\\\"Dune\\\"}}\" \"EX\" \"86400\""]})
    add("hex-dump", [], {"xxd": "00000000: 504b 0304 1400 0000 0800 {} {} {} {}  PK..........".format(hexs(4), hexs(4), hexs(4), hexs(4))})
    add("fax-ocr", [], {"ocr_text": "REFERRAL FORM\nReason for referral: ____________\nDiagnosis (ICD-10): ____________\nMRN: ____________   Member ID: ____________\nPlease fax completed form to the number above."})
    add("cms1500-ocr", [], {"ocr_text": "1a. INSURED'S I.D. NUMBER (For Program in Item 1)\n21. DIAGNOSIS  ICD Ind. 0  A. ______  B. ______\nNUCC Instruction Manual available at www.nucc.org"})
    add("discharge-summary", [], {"note": "Patient education: hemoglobin A1c goal under 7%. Checked vitamin B12 and folate — normal. Follow up in clinic room E11 on level 2."})



def lookalike_and_encoded():
    """Full-width / zero-width / NBSP / Arabic-Indic characters and base64 payloads inside the formats above."""
    c = card()
    fw = fmt_card(c, "space").translate(FULLWIDTH).replace(" ", "\u3000")
    add("telegram-export", ["credit_card"], {"name": "注文サポート", "type": "personal_chat", "messages": [{"id": 3, "type": "message", "date": iso_ts(), "text": f"カード番号：{fw}　有効期限：{exp().translate(FULLWIDTH)}"}]})
    v = ssn()
    add("discord-message", ["ssn"], {"id": safe_id(19), "content": "ssn for the form: " + "\u200b".join(v), "timestamp": iso_ts()})
    p = phone("UK").replace(" ", "\u00a0")
    add("email-headers", ["email", "phone"], {"headers": f"From: {email()}\nTo: {email(domain='kestrel-bank.co.uk')}\nSubject: callback\nX-Callback-Number: {p}\nDate: Tue, 1 Dec 2026 10:02:11 +0000"})
    add("whatsapp-export", ["phone"], {"chat.txt": f"12/1/26, 9:02 PM - {pick(FIRST)}: رقمي الجديد {phone('AE').translate(ARABIC_INDIC)}"})
    f, l = person()
    add("localstorage-dump", ["email"], {"origin": "https://app.brightpath.io", "localStorage": {"signup.email": email(f, l).replace("@", "＠")}})
    c = card()
    add("markdown-table", ["credit_card"], {"md": "| customer | card |\n|---|---|\n| " + pick(LAST) + " | " + fmt_card(c, "space").replace(" ", "\u00a0") + " |\n"})
    add("telegram-export", [], {"name": "注文サポート", "type": "personal_chat", "messages": [{"id": 4, "type": "message", "date": iso_ts(), "text": f"注文番号：{bad_luhn16('1').translate(FULLWIDTH)}　合計：{amount().translate(FULLWIDTH)}円"}]})
    add("whatsapp-export", [], {"chat.txt": f"12/1/26, 9:05 PM - {pick(FIRST)}: الفاتورة رقم {safe_id(8).translate(ARABIC_INDIC)} بتاريخ ٢٠٢٦/١٢/٠١ المبلغ {amount().translate(ARABIC_INDIC)}"})
    c = card()
    inner = json.dumps({"event": "charge.failed", "card": {"number": c, "exp": exp()}, "amount": R.randint(100, 99999)})
    add("kafka-connect", ["credit_card"], {"topic": "payments.raw", "partition": 1, "offset": R.randint(10**5, 10**7), "key": None, "value": b64(inner), "valueSchema": "bytes"}, check=inner)
    inner = json.dumps({"event": "order.shipped", "order": safe_id(12), "tracking": ups_tracking()})
    add("kafka-connect", [], {"topic": "orders.raw", "partition": 2, "offset": R.randint(10**5, 10**7), "key": None, "value": b64(inner), "valueSchema": "bytes"}, check=inner)
    inner = json.dumps({"mrn": mrn(), "dx": [icd()[0]]})
    add("redis-monitor", ["medical_record_number", "icd10"], {"lines": [f"{epoch_ms() // 1000}.{digits(6)} [2 {ipv4()}:{R.randint(30000, 65000)}] \"SET\" \"enc:{uuid4()}\" \"{b64(inner)}\""]}, check=inner.replace('"mrn"', "MRN"))
    add("otlp-span", ["email"], {"resourceSpans": [{"scopeSpans": [{"spans": [{"name": "GET /unsubscribe", "attributes": [{"key": "http.target", "value": {"stringValue": "/unsubscribe?u=" + urllib.parse.quote(email(), safe="")}}]}]}]}]})


# ================================================================ validation and output

ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
RUN = re.compile(r"\d(?:[ \-]?\d)*")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_\-]+\.eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")
AWS_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])")
PK_RE = re.compile(r"BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----.{0,200}?[A-Za-z0-9+/]{40}|PuTTY-User-Key-File-\d", re.S)
KEY_RES = [re.compile(p) for p in [
    r"gh[po]_[A-Za-z0-9]{36}", r"github_pat_\w{60,}", r"glpat-[\w\-]{20}", r"xox[bp]-\d{6,}", r"[sr]k_live_[A-Za-z0-9]{20,}",
    r"SG\.[\w\-]{22}\.[\w\-]{43}", r"AIza[\w\-]{35}", r"sk-proj-[\w\-]{40,}", r"sk-ant-api03-", r"npm_[A-Za-z0-9]{36}",
    r"pypi-AgEI", r"shpat_[0-9a-f]{32}", r"hf_[A-Za-z0-9]{34}", r"dop_v1_[0-9a-f]{64}", r"lin_api_[A-Za-z0-9]{40}",
    r"PMAK-[0-9a-f]{24}", r"NRAK-[A-Z0-9]{27}", r"ATATT3", r"dp\.st\.", r"glsa_", r"\d{9,10}:AA[\w\-]{33}"]]
PHONE_HINT = re.compile(r"555[ \-.]01\d\d|07700 ?900|\+44 ?7700|\+\d{1,3}[ \-]\(?\d{1,4}\)?[ \-]\d{2,}")
ICD_CODES = {c for c, _ in ICD}
MRN_HINT = re.compile(r"(?:MRN|Med Rec)[ #:=]*[A-Z]{0,2}\d{5,}|mrn\W{1,4}\d{5,}", re.I)
HIN_HINT = re.compile(r"(?:member.?id|subscriber id|medicare number|mbi|versichertennummer)\W{1,6}[A-Z0-9]{6,}", re.I)


def norm(text):
    text = unicodedata.normalize("NFKC", text).translate(ZW)
    text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩०१२३४५६७८९", "01234567890123456789"))
    return text


def texts(s):
    raw = json.dumps(s["data"], ensure_ascii=False)
    out = [norm(raw), norm(urllib.parse.unquote(raw))]
    if s["_check"]:
        out.append(norm(s["_check"]))
    return out


def card_hits(t):
    hits, bad16 = [], []
    for m in RUN.finditer(t):
        d = re.sub(r"\D", "", m.group())
        if 13 <= len(d) <= 19 and is_issuer(d) and luhn_ok(d):
            hits.append(d)
        if len(d) == 16 and luhn_ok(d):
            bad16.append(d)
    return hits, bad16


def email_hits(t):
    out = []
    for m in EMAIL_RE.finditer(t):
        before = t[max(0, m.start() - 120):m.start()]
        before = re.split(r"[\s\"'<>(),;]", before)[-1]
        v = m.group()
        if "://" in before or "://" in v or v.split("@")[1][0].isdigit() or v.startswith("git@github.com") or v.endswith(("sentry.io", "mail.gmail.com", "sendgrid.net")):
            continue
        out.append(v)
    return out


def validate():
    errors = []
    for s in SAMPLES:
        ts, T = set(s["types"]), texts(s)
        allt = "\n".join(T)
        where = f"{s['id']} {s['format']} {sorted(ts)}"
        hits, bad16 = card_hits(allt)
        if "credit_card" in ts and not hits:
            hits = [d for m in RUN.finditer(allt) for d in [re.sub(r"\D", "", m.group())]
                    for i in range(len(d)) for j in range(i + 13, min(len(d), i + 19) + 1) if is_issuer(d[i:j]) and luhn_ok(d[i:j])]
        if "credit_card" in ts and not hits:
            errors.append(f"{where}: labelled credit_card, no valid card found")
        if "credit_card" not in ts and hits:
            errors.append(f"{where}: unlabelled card-like run {hits}")
        ssns = [m for m in SSN_RE.finditer(allt) if 1 <= int(m.group(1)) <= 899 and m.group(1) != "666" and m.group(2) != "00" and m.group(3) != "0000"]
        if ssns and "ssn" not in ts:
            errors.append(f"{where}: unlabelled SSN {ssns[0].group()}")
        if "ssn" in ts and not (ssns or re.search(r"(?<!\d)\d{9}(?!\d)", allt) or re.search(r"ssn|social security", allt, re.I)):
            errors.append(f"{where}: labelled ssn, none found")
        em = email_hits(allt)
        if bool(em) != ("email" in ts):
            errors.append(f"{where}: email label vs found {em[:2]}")
        if bool(JWT_RE.search(allt)) != ("jwt" in ts):
            errors.append(f"{where}: jwt label mismatch")
        aws = [a for a in AWS_RE.findall(allt) if "EXAMPLE" not in a]
        if bool(aws) != ("aws_access_key" in ts):
            errors.append(f"{where}: aws label vs found {aws}")
        if bool(PK_RE.search(allt)) != ("private_key" in ts):
            errors.append(f"{where}: private_key label mismatch")
        keys = [r.pattern for r in KEY_RES if r.search(allt)]
        if keys and "api_key" not in ts:
            errors.append(f"{where}: unlabelled provider key {keys}")
        if "phone" not in ts and PHONE_HINT.search(allt):
            errors.append(f"{where}: unlabelled phone-like value: {PHONE_HINT.search(allt).group()}")
        codes = [c for c in ICD_CODES if re.search(r"(?<![A-Za-z0-9.])" + re.escape(c) + r"(?![A-Za-z0-9])", allt)]
        if codes and "icd10" not in ts:
            errors.append(f"{where}: unlabelled ICD code {codes}")
        if MRN_HINT.search(allt) and "medical_record_number" not in ts:
            errors.append(f"{where}: unlabelled MRN {MRN_HINT.search(allt).group()}")
        if HIN_HINT.search(allt) and "health_insurance_number" not in ts:
            errors.append(f"{where}: unlabelled member id {HIN_HINT.search(allt).group()}")
    return errors


FORMATS = [jira_webhook, linear_webhook, twilio_callback, sendgrid_event, datadog_log, windows_event_xml, journald_json,
           kafka_connect, avro_json, protobuf_text, toml_config, ini_config, netrc, systemd_unit, saml_assertion, ldif, edifact,
           dicom_json, pharmacy_label, eob_text, discharge_summary, fax_ocr, cms1500_ocr, textract_json, mt940, camt053,
           nacha_ach, iso8583_dump, pos_receipt, mt103, payroll_fixed_width, hr_onboarding, email_headers, telegram_export,
           markdown_table, jupyter_notebook, mongodb_extjson, redis_monitor, crash_report, android_logcat, localstorage_dump,
           cookie_jar, postgres_log, mysql_general_log, hex_dump, vault_kv, gitlab_ci, kubeconfig, docker_config, pgpass,
           java_properties, actuator_env, web_config_xml, wp_config, rails_database_yml, alertmanager_webhook, pagerduty_webhook,
           shopify_order, cloudtrail, otlp_span, raw_http, bash_history, dockerfile, jenkins_xml, airflow_connections, ppk_file,
           pgp_armor, ivr_dtmf_log, asr_json, tcpdump_ascii, jp_insurance_ocr, whatsapp_export, discord_message, w2_ocr,
           zpl_wristband, sbar_handoff, more_samples, lookalike_and_encoded]


def summary():
    per_type = {t: sum(t in s["types"] for s in SAMPLES) for t in TYPES}
    per_fmt = {}
    for s in SAMPLES:
        p, n = per_fmt.get(s["format"], (0, 0))
        per_fmt[s["format"]] = (p + bool(s["types"]), n + (not s["types"]))
    neg = sum(not s["types"] for s in SAMPLES)
    return per_type, per_fmt, neg


def main():
    for fn in FORMATS:
        fn()
    order = list(range(len(SAMPLES)))
    random.Random(SEED + 1).shuffle(order)
    shuffled = [SAMPLES[i] for i in order]
    SAMPLES[:] = shuffled
    for i, s in enumerate(SAMPLES):
        s["id"] = f"b3-{i:03d}"
    errors = validate()
    per_type, per_fmt, neg = summary()
    if "--stats" in sys.argv or errors:
        print(json.dumps({"total": len(SAMPLES), "negatives": neg, "formats": len(per_fmt), "per_type": per_type}, indent=1))
        for f, (p, n) in sorted(per_fmt.items()):
            print(f"| {f} | {p} | {n} |")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    assert len(SAMPLES) >= 420 and neg >= 160 and len(per_fmt) >= 45, (len(SAMPLES), neg, len(per_fmt))
    assert all(v >= 20 for v in per_type.values()), per_type
    with open(OUT, "w", encoding="utf-8") as fh:
        for s in SAMPLES:
            fh.write(json.dumps({"id": s["id"], "format": s["format"], "types": s["types"], "data": s["data"]}, ensure_ascii=False) + "\n")
    print(f"wrote {len(SAMPLES)} samples ({len(SAMPLES) - neg} positive, {neg} negative, {len(per_fmt)} formats) to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
