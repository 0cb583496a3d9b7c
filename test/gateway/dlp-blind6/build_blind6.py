#!/usr/bin/env python3
"""Build test/gateway/dlp-blind6.jsonl: a blind, labelled DLP corpus.

Python 3 standard library only, fixed seed, byte-identical output across runs.
Labelling rules: test/gateway/dlp-fresh/README.md. Every value is synthetic.

Each template is a function of a generator `g`; positive values are drawn with
`g.v(kind)`, which records the DLP type, so a sample's `types` is exactly the
set of kinds it drew. Hard-negative look-alikes come from `g.n(kind)` and carry
no type. Invariants are checked before anything is written (see `check`).
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

SEED = 20261206
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "dlp-blind6.jsonl")
AVOID = os.path.join(HERE, "..", "..", "..", ".avoid-formats.txt")

TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key",
         "private_key", "jwt", "password", "medical_record_number",
         "health_insurance_number", "icd10"]

B64 = string.ascii_letters + string.digits + "+/"
B64U = string.ascii_letters + string.digits + "-_"
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

# ---------------------------------------------------------------- cards

def luhn_ok(d):
    s, alt = 0, False
    for ch in reversed(d):
        x = int(ch)
        if alt:
            x *= 2
            if x > 9:
                x -= 9
        s += x
        alt = not alt
    return s % 10 == 0


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def is_issuer(d):
    n = len(d)
    p2, p3, p4 = int(d[:2]), int(d[:3]), int(d[:4])
    if d[0] == "4" and n in (13, 16, 19):
        return True
    if 51 <= p2 <= 55 and n == 16:
        return True
    if 2221 <= p4 <= 2720 and n == 16:
        return True
    if p2 in (34, 37) and n == 15:
        return True
    if (d.startswith("6011") or d.startswith("65") or 644 <= p3 <= 649) and 16 <= n <= 19:
        return True
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return True
    if (p2 in (36, 38, 39) or 300 <= p3 <= 305) and 14 <= n <= 19:
        return True
    if p2 == 62 and 16 <= n <= 19:
        return True
    if (p2 in (50, 56, 57, 58) or p2 == 63 or p2 == 67) and 12 <= n <= 19:
        return True
    return False


PUBLISHED = ["4242424242424242", "4111111111111111", "5555555555554444", "378282246310005",
             "6011111111111117", "3530111333300000", "5105105105105100", "4000056655665556",
             "2223003122003222", "371449635398431", "6011000990139424", "4012888888881881",
             "5200828282828210", "3566002020360505", "6200000000000005", "36227206271667"]


def gen_card(r, kind=None):
    kind = kind or r.choice(["visa", "visa", "mc", "mc2", "disc", "jcb", "amex", "up"])
    pre, n = {
        "visa": (r.choice(["4", "41", "45", "47", "49"]), 16),
        "mc": (str(r.randint(51, 55)), 16),
        "mc2": (str(r.randint(2221, 2720)), 16),
        "disc": (r.choice(["6011", "65", "644", "649"]), 16),
        "jcb": (str(r.randint(3528, 3589)), 16),
        "amex": (r.choice(["34", "37"]), 15),
        "up": ("62" + str(r.randint(0, 9)), 16),
        "diners": ("36", 14),
    }[kind]
    body = pre + "".join(r.choice(string.digits) for _ in range(n - 1 - len(pre)))
    d = luhn_complete(body)
    assert is_issuer(d), d
    return d


def group_card(d, sep=" "):
    if len(d) == 15:
        return sep.join([d[:4], d[4:10], d[10:]])
    if len(d) == 14:
        return sep.join([d[:4], d[4:10], d[10:]])
    return sep.join(d[i:i + 4] for i in range(0, len(d), 4))


FW = str.maketrans("0123456789", "０１２３４５６７８９")


def neg16(r, first=None):
    """A 16-digit number that fails Luhn (order refs, account numbers)."""
    first = first or r.choice("123456789")
    d = luhn_complete(first + "".join(r.choice(string.digits) for _ in range(14)))
    return d[:-1] + str((int(d[-1]) + r.randint(1, 9)) % 10)

# ---------------------------------------------------------------- ids


def gen_ssn(r):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            break
    return "%03d-%02d-%04d" % (a, r.randint(1, 99), r.randint(1, 9999))


def mbi(r):
    L = "ACDEFGHJKMNPQRTUVWXY"
    A = L + string.digits
    s = (r.choice("123456789") + r.choice(L) + r.choice(A) + r.choice(string.digits) + r.choice(L)
         + r.choice(A) + r.choice(string.digits) + r.choice(L) + r.choice(L)
         + r.choice(string.digits) + r.choice(string.digits))
    return s


def mbi_fmt(s):
    return s[:4] + "-" + s[4:7] + "-" + s[7:]


def kvnr(r):
    letter = r.choice(string.ascii_uppercase)
    digits = "".join(r.choice(string.digits) for _ in range(8))
    seq = "%02d" % (ord(letter) - 64) + digits
    tot = 0
    for i, ch in enumerate(seq):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        tot += p // 10 + p % 10
    return letter + digits + str(tot % 10)


def au_medicare(r):
    d = [r.randint(2, 6)] + [r.randint(0, 9) for _ in range(7)]
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    chk = sum(a * b for a, b in zip(d, w)) % 10
    s = "".join(map(str, d)) + str(chk) + str(r.randint(1, 9))
    return "%s %s %s" % (s[:4], s[4:9], s[9])


def ohip(r):
    d = luhn_complete("".join(r.choice(string.digits) for _ in range(9)))
    return "%s-%s-%s-%s" % (d[:4], d[4:7], d[7:], "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(2)))


def member_id(r):
    f = r.choice(["p3", "w", "zz", "h"])
    if f == "p3":
        return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)) + "".join(r.choice(string.digits) for _ in range(9))
    if f == "w":
        return "W" + "".join(r.choice(string.digits) for _ in range(9))
    if f == "zz":
        return "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + "".join(r.choice(string.digits) for _ in range(8)) + "-0" + str(r.randint(1, 4))
    return "H" + "".join(r.choice(string.digits) for _ in range(8)) + r.choice("ABC") + "0" + str(r.randint(1, 3))


def medicaid_cin(r):
    L = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return r.choice(L) + r.choice(L) + "%05d" % r.randint(0, 99999) + r.choice(L)


def mrn(r):
    f = r.choice(["d8", "d7", "e", "mr", "d10"])
    if f == "d8":
        return "%08d" % r.randint(100000, 99999999)
    if f == "d7":
        return "%07d" % r.randint(1000000, 9999999)
    if f == "e":
        return "E" + "%07d" % r.randint(0, 9999999)
    if f == "mr":
        return "MR" + "%06d" % r.randint(0, 999999)
    return "%010d" % r.randint(10 ** 8, 10 ** 10 - 1)


ICD = ["E11.9", "I10", "J45.909", "M54.50", "F32.A", "Z79.4", "K21.9", "N18.30", "E78.5",
       "G43.909", "R51.9", "S72.001A", "O24.419", "C50.911", "Z00.00", "J06.9", "L40.0",
       "F41.1", "E66.01", "I48.91", "M17.11", "G47.33", "J44.1", "I25.10", "E03.9", "R07.9",
       "N39.0", "K57.30", "M81.0", "F90.0", "Z23", "S06.0X0A", "T78.40XA", "H40.1131",
       "E11.65", "I50.22", "D50.9", "R10.31", "Z12.31", "M25.561", "J18.9", "C34.90", "R73.03"]

# ---------------------------------------------------------------- people and contact

FIRST = ["Amara", "Bastian", "Chiara", "Dmitri", "Elif", "Fenna", "Gustavo", "Hana", "Imogen",
         "Jovan", "Keala", "Lior", "Mireille", "Nnamdi", "Oskar", "Priya", "Quentin", "Rosalind",
         "Saoirse", "Tadeo", "Ulla", "Viktor", "Wren", "Xiomara", "Yusuf", "Zofia", "Anouk",
         "Bram", "Caetano", "Delphine", "Emeka", "Farida", "Gideon", "Halvard", "Ines", "Joaquin"]
LAST = ["Okonkwo", "Lindqvist", "Abernathy", "Castellanos", "Varga", "Nakashima", "Brennan",
        "Petrovic", "Haddad", "Quispe", "Thorsen", "Delacroix", "Marchetti", "Oyelaran",
        "Kowalczyk", "Ferreira", "Achterberg", "Rahimi", "Vasquez-Lund", "Ebersole", "Moreau",
        "Szabo", "Whitlock", "Iwasaki", "Dunmore", "Kaplan", "Rousseau", "Halloran", "Mbeki"]
DOMAINS = ["quillfeather.io", "harborlane-health.org", "mossgrove.co.uk", "pelicanbay.net",
           "tidewatermail.com", "brightfern.de", "oakridge-clinic.com", "kestrelworks.dev",
           "lumenpay.com", "northwick.ac.uk", "saltmarsh.fr", "cobaltline.com.au", "juniperfin.com",
           "vantaaloft.fi", "marigoldsystems.in", "riverstone-logistics.com"]


def email_of(r, first=None, last=None):
    first = first or r.choice(FIRST)
    last = last or r.choice(LAST)
    lp = r.choice([first.lower() + "." + last.lower().replace("-", ""),
                   first[0].lower() + last.lower().replace("-", ""),
                   first.lower() + str(r.randint(7, 98)),
                   first.lower() + "_" + last[:3].lower(),
                   r.choice(["billing", "ops", "support", "accounts", "hr", "frontdesk", "noreply"])])
    return lp + "@" + r.choice(DOMAINS)


def phone(r, style=None):
    style = style or r.choice(["us", "us", "use164", "uk", "uke164", "ukland", "au", "de", "fr", "jp", "in", "br"])
    x = "%02d" % r.randint(0, 99)
    a = r.choice(["212", "312", "415", "503", "617", "702", "808", "919", "206", "305"])
    if style == "us":
        return r.choice(["(%s) 555-01%s", "%s-555-01%s", "%s.555.01%s"]) % (a, x)
    if style == "use164":
        return "+1 %s 555 01%s" % (a, x)
    if style == "uk":
        return "07700 900%03d" % r.randint(0, 999)
    if style == "uke164":
        return "+44 7700 900%03d" % r.randint(0, 999)
    if style == "ukland":
        return "020 7946 0%03d" % r.randint(0, 999)
    if style == "au":
        return "0491 570 %03d" % r.randint(6, 999)
    if style == "de":
        return "+49 30 %04d %04d" % (r.randint(2000, 9999), r.randint(0, 9999))
    if style == "fr":
        return "+33 6 %02d %02d %02d %02d" % tuple(r.randint(10, 99) for _ in range(4))
    if style == "jp":
        return "090-%04d-%04d" % (r.randint(1000, 9999), r.randint(0, 9999))
    if style == "in":
        return "+91 98%03d %05d" % (r.randint(0, 999), r.randint(0, 99999))
    if style == "br":
        return "+55 11 9%04d-%04d" % (r.randint(1000, 9999), r.randint(0, 9999))
    raise KeyError(style)

# ---------------------------------------------------------------- secrets


def rs(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(r, rs256=None):
    rs256 = r.random() < 0.4 if rs256 is None else rs256
    hdr = {"alg": "RS256", "typ": "JWT", "kid": rs(r, HEX, 16)} if rs256 else {"alg": "HS256", "typ": "JWT"}
    iat = 1790000000 + r.randint(0, 9000000)
    pl = {"sub": r.choice(["usr_", "acct-", "svc:", ""]) + rs(r, HEX, 12), "iat": iat, "exp": iat + r.choice([900, 3600, 86400])}
    if r.random() < 0.5:
        pl["scope"] = r.choice(["read write", "orders:read", "openid profile", "admin"])
    if r.random() < 0.4:
        pl["iss"] = r.choice(["https://auth.kestrelworks.dev/", "https://login.lumenpay.com", "gitea"])
    sig = rs(r, B64U, 342 if rs256 else 43)
    return b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "." + b64u(json.dumps(pl, separators=(",", ":")).encode()) + "." + sig


def pem_lines(body, width=64):
    return "\n".join(body[i:i + width] for i in range(0, len(body), width))


def private_key(r, kind=None):
    kind = kind or r.choice(["rsa", "pkcs8", "ec", "openssh", "enc"])
    if kind == "rsa":
        body = "MIIEowIBAAKCAQEA" + rs(r, B64, 1572)
        return "-----BEGIN RSA PRIVATE KEY-----\n" + pem_lines(body) + "\n-----END RSA PRIVATE KEY-----"
    if kind == "pkcs8":
        body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + rs(r, B64, 1574) + "=="
        return "-----BEGIN PRIVATE KEY-----\n" + pem_lines(body) + "\n-----END PRIVATE KEY-----"
    if kind == "ec":
        body = "MHcCAQEEI" + rs(r, B64, 155)
        return "-----BEGIN EC PRIVATE KEY-----\n" + pem_lines(body) + "\n-----END EC PRIVATE KEY-----"
    if kind == "openssh":
        body = ("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"
                "QyNTUxOQAAACD" + rs(r, B64, 300) + "=")
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + pem_lines(body, 70) + "\n-----END OPENSSH PRIVATE KEY-----"
    body = "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI" + rs(r, B64, 1640) + "="
    return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + pem_lines(body) + "\n-----END ENCRYPTED PRIVATE KEY-----"


WORDS = ["harbor", "velvet", "cobalt", "marigold", "tundra", "lantern", "pepper", "quartz",
         "saffron", "willow", "ember", "glacier", "orchid", "falcon", "juniper", "meadow"]


def password(r, alnum=False):
    f = r.choice(["words", "rand", "leet", "phrase"])
    if alnum:
        f = r.choice(["words_a", "rand_a"])
    if f == "words":
        return r.choice(WORDS).capitalize() + r.choice("!#$%*") + r.choice(WORDS).capitalize() + str(r.randint(10, 99))
    if f == "rand":
        return rs(r, ALNUM, 3) + r.choice("#$%!*") + rs(r, ALNUM, 5) + r.choice("_-.+") + rs(r, ALNUM, 4)
    if f == "leet":
        w = r.choice(WORDS)
        return w[0].upper() + w[1:].replace("a", "4").replace("e", "3").replace("o", "0") + "_" + str(r.randint(2019, 2026)) + r.choice("!?")
    if f == "phrase":
        return "-".join(r.choice(WORDS) for _ in range(3)) + str(r.randint(1, 9))
    if f == "words_a":
        return r.choice(WORDS).capitalize() + str(r.randint(100, 999)) + r.choice(WORDS).capitalize()
    return rs(r, ALNUM, 14)


def aws_id(r, prefix="AKIA"):
    return prefix + rs(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)


def api_key(r, kind=None):
    kind = kind or r.choice(["ghp", "glpat", "xoxb", "sk_live", "sg", "npm", "hf", "openai", "dop", "shpat", "twilio", "aiza"])
    if kind == "ghp":
        return "ghp_" + rs(r, ALNUM, 36)
    if kind == "gho":
        return "gho_" + rs(r, ALNUM, 36)
    if kind == "ghpat":
        return "github_pat_11" + rs(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 20) + "_" + rs(r, ALNUM, 59)
    if kind == "glpat":
        return "glpat-" + rs(r, ALNUM + "-_", 20)
    if kind == "xoxb":
        return "xoxb-%d-%d-%s" % (r.randint(10 ** 11, 10 ** 12 - 1), r.randint(10 ** 12, 10 ** 13 - 1), rs(r, ALNUM, 24))
    if kind == "sk_live":
        return "sk_live_51" + rs(r, ALNUM, 97)
    if kind == "rk_live":
        return "rk_live_51" + rs(r, ALNUM, 97)
    if kind == "sg":
        return "SG." + rs(r, B64U, 22) + "." + rs(r, B64U, 43)
    if kind == "npm":
        return "npm_" + rs(r, ALNUM, 36)
    if kind == "hf":
        return "hf_" + rs(r, ALNUM, 34)
    if kind == "openai":
        return "sk-proj-" + rs(r, ALNUM + "-_", 156)
    if kind == "anthropic":
        return "sk-ant-api03-" + rs(r, ALNUM + "-_", 93) + "AA"
    if kind == "dop":
        return "dop_v1_" + rs(r, HEX, 64)
    if kind == "shpat":
        return "shpat_" + rs(r, HEX, 32)
    if kind == "twilio":
        return "SK" + rs(r, HEX, 32)
    if kind == "aiza":
        return "AIza" + rs(r, ALNUM + "-_", 35)
    if kind == "hex32":
        return rs(r, HEX, 32)
    if kind == "hex40":
        return rs(r, HEX, 40)
    if kind == "awssecret":
        return rs(r, ALNUM + "+/", 40)
    if kind == "b64_32":
        return base64.b64encode(bytes(r.randrange(256) for _ in range(32))).decode()
    if kind == "azure":
        return base64.b64encode(bytes(r.randrange(256) for _ in range(64))).decode()
    if kind == "dapi":
        return "dapi" + rs(r, HEX, 32)
    if kind == "cio":
        return "cio" + rs(r, ALNUM, 32)
    if kind == "nrak":
        return "NRAK-" + rs(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 27)
    if kind == "glsa":
        return "glsa_" + rs(r, ALNUM, 32) + "_" + rs(r, HEX, 8)
    if kind == "pplx":
        return "pplx-" + rs(r, ALNUM, 48)
    if kind == "lin":
        return "lin_api_" + rs(r, ALNUM, 40)
    if kind == "pat_ado":
        return rs(r, "abcdefghijklmnopqrstuvwxyz234567", 52)
    if kind == "mailgun":
        return "key-" + rs(r, HEX, 32)
    if kind == "dd":
        return rs(r, HEX, 32)
    raise KeyError(kind)

# ---------------------------------------------------------------- negatives


def uuid4(r):
    h = rs(r, HEX, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def imei(r):
    return luhn_complete("35" + "".join(r.choice(string.digits) for _ in range(12)))


def isbn13(r):
    b = "978" + "".join(r.choice(string.digits) for _ in range(9))
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(b))
    return b + str((10 - s % 10) % 10)


def bcrypt(r):
    return "$2b$12$" + rs(r, ALNUM + "./", 53)


def sha512crypt(r):
    return "$6$" + rs(r, ALNUM + "./", 16) + "$" + rs(r, ALNUM + "./", 86)


def ssh_pub(r, kind="ed25519"):
    if kind == "ed25519":
        return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(r, B64, 43)
    return "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + rs(r, B64, 510) + "="


def cert_pem(r):
    return "-----BEGIN CERTIFICATE-----\n" + pem_lines("MIIDdzCCAl+gAwIBAgIU" + rs(r, B64, 1100) + "=") + "\n-----END CERTIFICATE-----"


def pub_pem(r):
    return "-----BEGIN PUBLIC KEY-----\n" + pem_lines("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + rs(r, B64, 348) + "IDAQAB") + "\n-----END PUBLIC KEY-----"


def iban_de(r):
    bban = "".join(r.choice(string.digits) for _ in range(18))
    num = int(bban + "131400")
    return "DE%02d%s" % (98 - num % 97, bban)


def ein(r):
    return "%02d-%07d" % (r.choice([12, 27, 45, 61, 84, 93]), r.randint(0, 9999999))


def npi(r):
    b = str(r.randint(1, 2)) + "".join(r.choice(string.digits) for _ in range(8))
    return luhn_complete("80840" + b)[5:]


NEG = {
    "neg16": neg16, "uuid": uuid4, "imei": imei, "isbn": isbn13, "bcrypt": bcrypt,
    "sha512crypt": sha512crypt, "sshpub": ssh_pub, "cert": cert_pem, "pubpem": pub_pem,
    "iban": iban_de, "ein": ein, "npi": npi,
    "sha1": lambda r: rs(r, HEX, 40), "sha256": lambda r: rs(r, HEX, 64),
    "hex32": lambda r: rs(r, HEX, 32), "order9": lambda r: str(r.randint(100000000, 999999999)),
    "epoch": lambda r: str(r.randint(1700000000, 1799999999)),
    "epochms": lambda r: str(r.randint(1700000000000, 1799999999999)),
    "last4": lambda r: "%04d" % r.randint(0, 9999),
    "name": lambda r: r.choice(FIRST) + " " + r.choice(LAST),
    "first": lambda r: r.choice(FIRST), "last": lambda r: r.choice(LAST),
    "date": lambda r: "20%02d-%02d-%02d" % (r.randint(24, 26), r.randint(1, 12), r.randint(1, 28)),
    "dob": lambda r: "%02d/%02d/19%02d" % (r.randint(1, 12), r.randint(1, 28), r.randint(40, 99)),
    "ip": lambda r: "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
    "b64blob": lambda r: rs(r, B64, 44),
}

POS = {
    "card": ("credit_card", lambda r: gen_card(r)),
    "card16": ("credit_card", lambda r: gen_card(r, r.choice(["visa", "mc", "mc2", "disc", "jcb"]))),
    "amex": ("credit_card", lambda r: gen_card(r, "amex")),
    "cardpub": ("credit_card", lambda r: r.choice(PUBLISHED)),
    "cvv": ("cvv", lambda r: "%03d" % r.randint(100, 999)),
    "cvv4": ("cvv", lambda r: "%04d" % r.randint(1000, 9999)),
    "ssn": ("ssn", gen_ssn),
    "email": ("email", lambda r: email_of(r)),
    "phone": ("phone", lambda r: phone(r)),
    "phone_us": ("phone", lambda r: phone(r, r.choice(["us", "use164"]))),
    "phone_uk": ("phone", lambda r: phone(r, r.choice(["uk", "uke164", "ukland"]))),
    "akid": ("aws_access_key", lambda r: aws_id(r)),
    "asia": ("aws_access_key", lambda r: aws_id(r, "ASIA")),
    "jwt": ("jwt", lambda r: jwt(r)),
    "pk": ("private_key", lambda r: private_key(r)),
    "pw": ("password", lambda r: password(r)),
    "pwa": ("password", lambda r: password(r, True)),
    "mrn": ("medical_record_number", mrn),
    "mbi": ("health_insurance_number", lambda r: mbi_fmt(mbi(r))),
    "mbiraw": ("health_insurance_number", mbi),
    "member": ("health_insurance_number", member_id),
    "cin": ("health_insurance_number", medicaid_cin),
    "kvnr": ("health_insurance_number", kvnr),
    "aumed": ("health_insurance_number", au_medicare),
    "ohip": ("health_insurance_number", ohip),
    "icd": ("icd10", lambda r: r.choice(ICD)),
}


class G:
    """Per-sample value source: records DLP types and the values that must appear."""

    def __init__(self, r):
        self.r = r
        self.types = set()
        self.expect = []
        self.raw = []  # (type, value as drawn, before any grouping or encoding)

    def v(self, kind, sub=None):
        if kind == "key":
            t, val = "api_key", api_key(self.r, sub)
        elif kind in ("pk",) and sub:
            t, val = "private_key", private_key(self.r, sub)
        elif kind == "phone" and sub:
            t, val = "phone", phone(self.r, sub)
        elif kind == "card" and sub:
            t, val = "credit_card", gen_card(self.r, sub)
        elif kind == "jwt" and sub is not None:
            t, val = "jwt", jwt(self.r, sub)
        else:
            t, fn = POS[kind]
            val = fn(self.r)
        self.types.add(t)
        self.expect.append(val)
        return val

    def custom(self, t, val):
        """A value of type t drawn by the template itself."""
        assert t in TYPES
        self.types.add(t)
        self.expect.append(val)
        self.raw.append((t, val))
        return val

    def swap(self, old, new):
        """The value appears transformed (grouped, escaped, encoded): expect the new form."""
        i = self.expect.index(old)
        self.expect[i] = new
        return new

    def n(self, kind, *a):
        return NEG[kind](self.r, *a)

    def c(self, seq):
        return self.r.choice(seq)

    def i(self, a, b):
        return self.r.randint(a, b)

    def s(self, alphabet, n):
        return rs(self.r, alphabet, n)


TEMPLATES = []


def T(fmt, draws=3):
    def deco(fn):
        TEMPLATES.append((fmt, draws, fn))
        return fn
    return deco


def grouped(g, kind="card", sep=" "):
    d = g.v(kind)
    return g.swap(d, group_card(d, sep))

# ================================================================= positive templates
# ---- payments


@T("emv-tlv-dump")
def _(g):
    c = g.v("card16")
    return {"text": "EMV TLV (contactless read, reader id %s)\n  4F 07 A0000000031010\n  50 0A 56495341204445424954\n  57 13 %sD%s2011%s\n  5A 08 %s\n  5F24 03 %02d1231\n  9F02 06 000000004599\n  9F36 02 00%02X" % (
        g.s(HEX, 8).upper(), c, "%02d12" % g.i(27, 31), g.s(string.digits, 9), c, g.i(27, 31), g.i(1, 250))}


@T("magstripe-track-data")
def _(g):
    c = g.v("card16")
    n = g.n("last").upper()
    return {"raw_swipe": "%%B%s^%s/%s^%02d%02d1010000000%s?;%s=%02d%02d101%s?" % (
        c, n, g.n("first").upper(), g.i(27, 31), g.i(1, 12), g.s(string.digits, 6), c, g.i(27, 31), g.i(1, 12), g.s(string.digits, 8)),
        "terminal": "POS-%d" % g.i(10, 99)}


@T("emv-3ds-areq-json")
def _(g):
    c = g.v("card16")
    return {"messageType": "AReq", "messageVersion": "2.2.0", "threeDSServerTransID": g.n("uuid"),
            "acctNumber": c, "cardExpiryDate": "%02d%02d" % (g.i(27, 31), g.i(1, 12)),
            "deviceChannel": "02", "purchaseAmount": str(g.i(100, 99999)), "purchaseCurrency": "978",
            "email": g.v("email"), "browserInfo": {"browserLanguage": "nl-NL", "browserTZ": "-60"}}


@T("worldpay-xml-order")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    return {"xml": """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE paymentService PUBLIC "-//Worldpay//DTD Worldpay PaymentService v1//EN" "http://dtd.worldpay.com/paymentService_v1.dtd">
<paymentService version="1.4" merchantCode="MOSSGROVEECOM">
  <submit><order orderCode="MG-%d">
    <description>Garden furniture</description>
    <amount currencyCode="GBP" exponent="2" value="%d"/>
    <paymentDetails><CARD-SSL>
      <cardNumber>%s</cardNumber>
      <expiryDate><date month="%02d" year="20%d"/></expiryDate>
      <cardHolderName>%s</cardHolderName>
      <cvc>%s</cvc>
    </CARD-SSL></paymentDetails>
  </order></submit>
</paymentService>""" % (g.i(100000, 999999), g.i(1000, 90000), c, g.i(1, 12), g.i(27, 31), g.n("name"), cv)}


@T("opentravel-ota-hotelres-xml")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    return {"xml": '<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="3.0"><HotelReservations><HotelReservation><ResGlobalInfo><Guarantee><GuaranteesAccepted><GuaranteeAccepted><PaymentCard CardCode="%s" CardNumber="%s" SeriesCode="%s" ExpireDate="%02d%02d"><CardHolderName>%s</CardHolderName></PaymentCard></GuaranteeAccepted></GuaranteesAccepted></Guarantee><HotelReservationIDs><HotelReservationID ResID_Type="14" ResID_Value="%d"/></HotelReservationIDs></ResGlobalInfo></HotelReservation></HotelReservations></OTA_HotelResNotifRQ>' % (
        "VI" if c[0] == "4" else "MC", c, cv, g.i(1, 12), g.i(27, 31), g.n("name"), g.i(10000000, 99999999))}


@T("razorpay-payment-json")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    return {"amount": g.i(10000, 900000), "currency": "INR", "email": g.v("email"), "contact": g.v("phone", "in"),
            "method": "card", "card": {"number": c, "name": g.n("name"), "expiry_month": "%02d" % g.i(1, 12),
                                       "expiry_year": "20%d" % g.i(27, 31), "cvv": cv}, "order_id": "order_" + g.s(ALNUM, 14)}


@T("paystack-charge-request")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    return {"sdk": "paystack-node", "call": "charge.create", "args": {"email": g.v("email"), "amount": str(g.i(5000, 500000)),
            "card": {"number": c, "cvv": cv, "expiry_month": "%02d" % g.i(1, 12), "expiry_year": "%d" % g.i(27, 31)},
            "metadata": {"custom_fields": [{"display_name": "Invoice", "variable_name": "invoice", "value": "INV-%d" % g.i(1000, 9999)}]}}}


@T("mercadopago-card-token")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    return {"request": {"url": "https://api.mercadopago.com/v1/card_tokens", "body": {
        "card_number": c, "security_code": cv, "expiration_month": g.i(1, 12), "expiration_year": 2000 + g.i(27, 31),
        "cardholder": {"name": g.n("name"), "identification": {"type": "CPF", "number": "%011d" % g.i(10 ** 9, 10 ** 10)}}}}}


@T("card-embossing-file")
def _(g):
    rows = []
    for _ in range(3):
        c = g.v("card16")
        cv = g.v("cvv")
        rows.append("D %-19s %-26s %02d%02d 101 %s %06d" % (c, g.n("name").upper(), g.i(1, 12), g.i(27, 31), cv, g.i(0, 999999)))
    return {"file": "PREPAID_EMB_%s.dat" % g.n("date").replace("-", ""), "content": "H %s LUMENPAY GIFT V2.1\n# layout: REC PAN(19) EMBOSS_NAME(26) EXP_MMYY SVC CVV2 SEQ\n%s\nT %06d" % (
        g.n("date").replace("-", ""), "\n".join(rows), 3)}


@T("magento-exception-log")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    return {"text": "[%s 03:14:07] main.CRITICAL: Payment gateway error: Transaction declined {\"exception\":\"[object] (Magento\\\\Payment\\\\Gateway\\\\Command\\\\CommandException(code: 0): Transaction has been declined\"} {\"payment\":{\"method\":\"authorizenet_directpost\",\"cc_type\":\"VI\",\"cc_number\":\"%s\",\"cc_cid\":\"%s\",\"cc_exp_month\":\"%d\",\"cc_exp_year\":\"20%d\"}} []" % (
        g.n("date"), c, cv, g.i(1, 12), g.i(27, 31))}


@T("imessage-export")
def _(g):
    c = grouped(g, "card16")
    cv = g.v("cvv")
    a, b = g.n("first"), g.n("first")
    return {"text": "%s, 7:41 PM\n%s: can you book the tickets? my card is %s, exp %02d/%d and the 3 digits on the back are %s\n%s: ok doing it now\n%s: delivered" % (
        g.n("date"), a, c, g.i(1, 12), g.i(27, 31), cv, b, a)}


@T("messenger-json-export")
def _(g):
    c = g.v("amex")
    cv = g.v("cvv4")
    return {"participants": [{"name": g.n("name")}, {"name": g.n("name")}], "messages": [
        {"sender_name": "Tadeo", "timestamp_ms": int(g.n("epochms")), "content": "the amex is %s" % c},
        {"sender_name": "Tadeo", "timestamp_ms": int(g.n("epochms")), "content": "4 digit code on the front: %s" % cv},
        {"sender_name": "Ines", "timestamp_ms": int(g.n("epochms")), "content": "thanks, deleting this after"}],
        "title": "Tadeo", "thread_path": "inbox/tadeo_%d" % g.i(1000, 9999)}


@T("wechat-chat-export")
def _(g):
    c = g.v("card16")
    cv = g.v("cvv")
    return {"text": "%s 21:03 王小明\n帮我订一下酒店，卡号 %s，有效期 %02d/%d，安全码 %s\n%s 21:05 李娜\n好的，收到" % (
        g.n("date"), c, g.i(1, 12), g.i(27, 31), cv, g.n("date"))}


@T("restaurant-booking-note")
def _(g):
    c = g.v("card16")
    c2 = g.swap(c, group_card(c, "-"))
    return {"reservation": {"party": g.i(2, 12), "time": "19:30", "guest": g.n("name"), "phone": g.v("phone"),
                            "notes": "Deposit taken by phone on %s, card %s exp %02d/%d. Birthday, window table." % (g.n("date"), c2, g.i(1, 12), g.i(27, 31))}}


@T("taobao-order-note-zh")
def _(g):
    c = g.v("card16")
    fw = g.swap(c, group_card(c, " ").translate(FW))
    cv = g.v("cvv")
    cvf = g.swap(cv, cv.translate(FW))
    return {"text": "订单确认\n姓名：%s\n信用卡号：%s\n安全码（ＣＶＶ）：%s\n备注：请尽快发货" % (g.n("name"), fw, cvf)}


@T("trello-card-comment")
def _(g):
    c = g.v("card16")
    z = "\u200b".join(c[i:i + 4] for i in range(0, 16, 4))
    g.swap(c, z)
    return {"comment": {"author": g.n("name"), "body": "pls charge %s again, the first attempt timed out" % z, "ticket": "HD-%d" % g.i(1000, 9999)}}


@T("session-replay-form-capture")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    raw = "cardnumber=%s&exp=%02d%%2F%d&cvc=%s" % (c, g.i(1, 12), g.i(27, 31), cv)
    enc = base64.b64encode(raw.encode()).decode()
    g.swap(c, enc)
    g.swap(cv, enc)
    return {"event": "form_replay", "session": g.n("uuid"), "payload_b64": enc}


@T("visa-account-updater-batch")
def _(g):
    lines = ["customer_ref,new_pan,exp,reason"]
    for _ in range(3):
        lines.append("C%06d,%s,%02d/%d,ABU update" % (g.i(0, 999999), g.v("card16"), g.i(1, 12), g.i(27, 31)))
    return {"attachment_name": "vau_abu_updates.csv", "attachment_text": "\n".join(lines)}


@T("rechnung-de")
def _(g):
    c = grouped(g, "card16")
    cv = g.v("cvv")
    return {"text": "RECHNUNG Nr. %d\nKunde: %s\nZahlungsart: Kreditkarte\nKartennummer: %s\nPrüfnummer: %s\nGültig bis: %02d/%d\nBetrag: %d,%02d EUR" % (
        g.i(10000, 99999), g.n("name"), c, cv, g.i(1, 12), g.i(27, 31), g.i(10, 900), g.i(0, 99))}


@T("woocommerce-order-meta-json")
def _(g):
    c, cv = g.v("card16"), g.v("cvv")
    return {"id": g.i(1000, 99999), "status": "on-hold", "payment_method": "legacy_offline_cc", "billing": {"first_name": g.n("first"), "email": g.v("email")},
            "meta_data": [{"id": g.i(1, 9999), "key": "_offline_cc_number", "value": c}, {"id": g.i(1, 9999), "key": "_offline_cc_cvc", "value": cv},
                          {"id": g.i(1, 9999), "key": "_offline_cc_expiry", "value": "%02d/%d" % (g.i(1, 12), g.i(27, 31))}]}


# ---- ssn


@T("gedcom")
def _(g):
    s = g.v("ssn")
    return {"text": "0 HEAD\n1 SOUR FamilyTreeMaker\n1 GEDC\n2 VERS 5.5.1\n0 @I%d@ INDI\n1 NAME %s /%s/\n1 SEX M\n1 BIRT\n2 DATE 14 MAR 1931\n2 PLAC Scranton, Lackawanna, Pennsylvania, USA\n1 SSN %s\n1 DEAT\n2 DATE 02 NOV 1998\n0 TRLR" % (
        g.i(1, 400), g.n("first"), g.n("last"), s)}


@T("credit-report-text")
def _(g):
    s = g.v("ssn")
    p = g.v("phone_us")
    return {"text": "CONSUMER CREDIT REPORT  -  TRI-MERGE\nBorrower: %s    SSN: %s    DOB: %s\nCurrent address: 41 Alder Way, Boise ID 83702   Reported phone: %s\nSCORE (FICO 8): %d\nTRADELINES  Creditor        Acct #           Opened   Balance  Status\n            RIVERSTONE BK   ****%s        03/2019  $4,120   CURRENT" % (
        g.n("name"), s, g.n("dob"), p, g.i(580, 820), g.n("last4"))}


@T("i9-form-text")
def _(g):
    s = g.v("ssn")
    s2 = g.swap(s, s.replace("-", " - "))
    return {"text": "Form I-9  Section 1. Employee Information and Attestation\nLast Name (Family Name): %s   First Name (Given Name): %s\nDate of Birth (mm/dd/yyyy): %s   U.S. Social Security Number: %s\nEmployee's Email Address: %s\n[X] A citizen of the United States" % (
        g.n("last"), g.n("first"), g.n("dob"), s2, g.v("email"))}


@T("irs-4506c-form")
def _(g):
    s = g.v("ssn")
    return {"fields": {"1a_taxpayer_name": g.n("name"), "1b_first_ssn": s, "3_current_address": "77 Pine St, Dayton OH 45402",
                       "6_transcript_requested": "Return Transcript", "8_years": ["12/31/2024", "12/31/2025"], "ives_participant_id": "IVES%d" % g.i(1000, 9999)}}


@T("fafsa-summary-text")
def _(g):
    s = g.v("ssn")
    ss = g.swap(s, s.replace("-", ""))
    return {"text": "FAFSA Submission Summary 2026-27\nStudent: %s\nSocial Security Number: %s\nEmail: %s\nStudent Aid Index (SAI): %d\nPell Grant eligibility: Maximum" % (
        g.n("name"), ss, g.v("email"), g.i(-1500, 9000))}


@T("x12-834-enrollment")
def _(g):
    s = g.v("ssn").replace("-", "")
    g.expect[-1] = s
    m = g.v("member")
    return {"edi": "ISA*00*          *00*          *ZZ*EMPLOYER01     *ZZ*CARRIER99      *260105*1200*^*00501*%09d*0*P*:~GS*BE*EMPLOYER01*CARRIER99*20260105*1200*1*X*005010X220A1~ST*834*0001*005010X220A1~BGN*00*%d*20260105*1200****2~INS*Y*18*021*28*A***FT~REF*0F*%s~REF*1L*GRP%d~NM1*IL*1*%s*%s****34*%s~N3*12 ORCHARD RD~N4*AUSTIN*TX*78701~DMG*D8*19820311*F~HD*021**HLT*PPO*EMP~SE*11*0001~" % (
        g.i(1, 10 ** 8), g.i(1000, 9999), m, g.i(100, 999), g.n("last").upper(), g.n("first").upper(), s)}


@T("mismo-urla-xml")
def _(g):
    s = g.v("ssn").replace("-", "")
    g.expect[-1] = s
    return {"xml": "<PARTY><INDIVIDUAL><NAME><FirstName>%s</FirstName><LastName>%s</LastName></NAME><CONTACT_POINTS><CONTACT_POINT><CONTACT_POINT_TELEPHONE><ContactPointTelephoneValue>%s</ContactPointTelephoneValue></CONTACT_POINT_TELEPHONE></CONTACT_POINT></CONTACT_POINTS></INDIVIDUAL><ROLES><ROLE><ROLE_DETAIL><PartyRoleType>Borrower</PartyRoleType></ROLE_DETAIL></ROLE></ROLES><TAXPAYER_IDENTIFIERS><TAXPAYER_IDENTIFIER><TaxpayerIdentifierType>SocialSecurityNumber</TaxpayerIdentifierType><TaxpayerIdentifierValue>%s</TaxpayerIdentifierValue></TAXPAYER_IDENTIFIER></TAXPAYER_IDENTIFIERS></PARTY>" % (
        g.n("first"), g.n("last"), g.v("phone", "us"), s)}


@T("life-insurance-application")
def _(g):
    return {"text": "PART A - PROPOSED INSURED\n1. Full name: %s\n2. Social Security No.: %s\n3. Daytime phone: %s\n4. Face amount applied for: $%d,000\n5. Tobacco use in last 12 months? No\nBeneficiary: %s (spouse) 100%%" % (
        g.n("name"), g.v("ssn"), g.v("phone_us"), g.i(100, 900), g.n("name"))}


@T("rental-application")
def _(g):
    return {"applicant": {"full_name": g.n("name"), "ssn": g.v("ssn"), "mobile": g.v("phone_us"), "email": g.v("email"),
                          "employer": "Riverstone Logistics", "monthly_income": g.i(3000, 12000)}, "unit": "4B", "move_in": g.n("date")}


@T("beeline-output")
def _(g):
    rows = "".join("| %-8d | %-22s | %-11s | %-10s |\n" % (g.i(10000, 99999), g.n("name"), g.v("ssn"), g.n("date")) for _ in range(3))
    return {"text": "0: jdbc:hive2://hs2.internal:10000/hr> SELECT emp_id, full_name, ssn, hire_date FROM staff LIMIT 3;\n+-----------+-------------------------+--------------+-------------+\n| emp_id   | full_name              | ssn         | hire_date  |\n+-----------+-------------------------+--------------+-------------+\n%s+-----------+-------------------------+--------------+-------------+\n3 rows selected (0.412 seconds)" % rows}


@T("xlsx-sharedstrings-xml")
def _(g):
    items = ["Employee", "SSN", "Department", g.n("name"), g.v("ssn"), "Finance", g.n("name"), g.v("ssn"), "Facilities"]
    return {"entry": "xl/sharedStrings.xml", "xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">' + "".join("<si><t>%s</t></si>" % x for x in items) + "</sst>"}


@T("docx-document-xml")
def _(g):
    s = g.v("ssn")
    return {"entry": "word/document.xml", "xml": '<w:body><w:p><w:r><w:t xml:space="preserve">Re: Beneficiary change for </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>%s</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Social Security number: </w:t></w:r><w:r><w:t>%s</w:t></w:r></w:p><w:p><w:r><w:t>Please call me at </w:t></w:r><w:r><w:t>%s</w:t></w:r></w:p></w:body>' % (
        g.n("name"), s, g.v("phone_us"))}


@T("std-attending-physician-statement")
def _(g):
    return {"text": "ATTENDING PHYSICIAN STATEMENT - Short Term Disability\nEmployee: %s   SSN: %s\nPrimary diagnosis (ICD-10): %s   Secondary: %s\nDate first unable to work: %s\nRestrictions: no lifting > 10 lb\nPhysician signature: ________  NPI %s" % (
        g.n("name"), g.v("ssn"), g.v("icd"), g.v("icd"), g.n("date"), g.n("npi"))}


@T("form-1040-text")
def _(g):
    a = g.v("ssn")
    b = g.v("ssn")
    a2, b2 = g.swap(a, a.replace("-", " ")), g.swap(b, b.replace("-", " "))
    return {"text": "Form 1040 U.S. Individual Income Tax Return 2025\nYour first name and middle initial  %s      Last name  %s      Your social security number  %s\nIf joint return, spouse's first name  %s      Spouse's social security number  %s\nHome address: 9 Birch Ct   Filing status: Married filing jointly" % (
        g.n("first"), g.n("last"), a2, g.n("first"), b2)}


@T("benefits-letter-es")
def _(g):
    return {"text": "Estimado Sr. %s:\nPara tramitar su solicitud de beneficios necesitamos confirmar su número de Seguro Social (%s) y un teléfono de contacto. Nos indicó el %s.\nAtentamente,\nOficina de Beneficios" % (
        g.n("last"), g.v("ssn"), g.v("phone_us"))}

# ---- email / phone


@T("mailmap")
def _(g):
    a, b = g.n("first"), g.n("last")
    return {"file": ".mailmap", "content": "%s %s <%s> <%s>\n%s <%s> %s <%s>" % (
        a, b, g.v("email"), g.v("email"), g.n("name"), g.v("email"), g.n("name"), g.v("email"))}


@T("gitconfig")
def _(g):
    return {"text": "[user]\n\tname = %s\n\temail = %s\n\tsigningkey = %s\n[commit]\n\tgpgsign = true\n[core]\n\teditor = nvim" % (
        g.n("name"), g.v("email"), g.s(HEX, 16).upper())}


@T("bibtex")
def _(g):
    return {"text": "@article{%s2025,\n  author = {%s and %s},\n  title = {Sparse attention for longitudinal cohort data},\n  journal = {J. Biomed. Inform.},\n  year = {2025},\n  doi = {10.1016/j.jbi.2025.%06d},\n  note = {Corresponding author: %s}\n}" % (
        g.n("last").lower(), g.n("name"), g.n("name"), g.i(0, 999999), g.v("email"))}


@T("usenet-article")
def _(g):
    return {"text": "Path: news.eternal-september.org!.POSTED!not-for-mail\nFrom: %s <%s>\nNewsgroups: comp.lang.python\nSubject: Re: asyncio cancellation semantics\nDate: Tue, 02 Dec 2026 10:11:12 +0100\nMessage-ID: <%s@news.eternal-september.org>\n\n> what happens to the finally block?\nIt runs, but only after the CancelledError propagates." % (
        g.n("name"), g.v("email"), g.s(ALNUM, 12))}


@T("pop3-session")
def _(g):
    e, p = g.v("email"), g.v("pwa")
    return {"text": "S: +OK Dovecot ready.\nC: USER %s\nS: +OK\nC: PASS %s\nS: +OK Logged in.\nC: STAT\nS: +OK 3 10432\nC: QUIT" % (e, p)}


@T("fastlane-appfile")
def _(g):
    return {"text": 'app_identifier("io.quillfeather.app")\napple_id("%s")\nitc_team_id("%d")\nteam_id("%s")\n\n# CI: export FASTLANE_PASSWORD="%s"' % (
        g.v("email"), g.i(100000, 999999), g.s(string.ascii_uppercase + string.digits, 10), g.v("pw"))}


@T("mailchimp-audience-csv")
def _(g):
    rows = ["Email Address,First Name,Last Name,Phone Number,MEMBER_RATING,OPTIN_TIME"]
    for _ in range(3):
        rows.append("%s,%s,%s,%s,%d,%s 09:12:44" % (g.v("email"), g.n("first"), g.n("last"), g.v("phone_us"), g.i(1, 5), g.n("date")))
    return {"file": "subscribed_members_export_%s.csv" % g.s(HEX, 10), "text": "\n".join(rows)}


@T("eventbrite-attendee-report")
def _(g):
    return {"attendees": [{"profile": {"name": g.n("name"), "email": g.v("email"), "cell_phone": g.v("phone")},
                           "ticket_class_name": "General Admission", "order_id": str(g.i(10 ** 9, 10 ** 10)), "checked_in": False}],
            "pagination": {"page_number": 1, "has_more_items": False}}


@T("get-aduser-output")
def _(g):
    n = g.n("name")
    return {"text": "PS C:\\> Get-ADUser -Identity %s -Properties EmailAddress,MobilePhone,Department\n\nDepartment        : Finance\nDistinguishedName : CN=%s,OU=Staff,DC=corp,DC=local\nEmailAddress      : %s\nEnabled           : True\nMobilePhone       : %s\nSamAccountName    : %s\nObjectGUID        : %s" % (
        n.split()[0].lower(), n, g.v("email"), g.v("phone"), n.split()[0].lower(), g.n("uuid"))}


@T("entra-signin-log")
def _(g):
    e = g.v("email")
    return {"value": [{"id": g.n("uuid"), "createdDateTime": g.n("date") + "T08:01:22Z", "userPrincipalName": e,
                       "appDisplayName": "Office 365 Exchange Online", "ipAddress": "203.0.113.%d" % g.i(1, 254),
                       "status": {"errorCode": 50126, "failureReason": "Invalid username or password."},
                       "location": {"city": "Lyon", "countryOrRegion": "FR"}}]}


@T("dynamodb-json")
def _(g):
    return {"Items": [{"pk": {"S": "USER#" + g.n("uuid")}, "email": {"S": g.v("email")}, "phone": {"S": g.v("phone")},
                       "createdAt": {"N": g.n("epoch")}, "tags": {"SS": ["beta", "newsletter"]}}], "Count": 1, "ScannedCount": 1}


@T("cypher-shell-output")
def _(g):
    return {"text": "neo4j@neo4j> MATCH (p:Person)-[:WORKS_AT]->(c:Company {name:'Kestrel'}) RETURN p.name, p.email LIMIT 2;\n+------------------------------------------------+\n| p.name           | p.email                     |\n+------------------------------------------------+\n| \"%s\" | \"%s\" |\n| \"%s\" | \"%s\" |\n+------------------------------------------------+\n2 rows\nready to start consuming query after 12 ms" % (
        g.n("name"), g.v("email"), g.n("name"), g.v("email"))}


@T("activitypub-note-json")
def _(g):
    return {"@context": "https://www.w3.org/ns/activitystreams", "type": "Note", "id": "https://social.example/users/wren/statuses/%d" % g.i(10 ** 15, 10 ** 16),
            "content": "<p>Lost my badge at the conference, if found ping me at %s or text %s</p>" % (g.v("email"), g.v("phone_uk")),
            "published": g.n("date") + "T12:00:00Z", "to": ["https://www.w3.org/ns/activitystreams#Public"]}


@T("solr-select-response")
def _(g):
    return {"responseHeader": {"status": 0, "QTime": g.i(1, 40), "params": {"q": "last_name:%s" % g.n("last")}},
            "response": {"numFound": 1, "start": 0, "docs": [{"id": "cust-%d" % g.i(1000, 99999), "full_name_t": g.n("name"),
                                                            "contact_phone_s": g.v("phone"), "contact_email_s": g.v("email")}]}}


@T("arcsight-cef")
def _(g):
    return {"text": "CEF:0|Proofpoint|TAP|1.0|MSG_DELIVERED|Message delivered|3|suser=%s duser=%s msg=Invoice overdue cs1Label=threatStatus cs1=active src=198.51.100.%d rt=%s" % (
        g.v("email"), g.v("email"), g.i(1, 254), g.n("epochms"))}


@T("codeowners")
def _(g):
    return {"file": ".github/CODEOWNERS", "content": "# Each line is a file pattern followed by one or more owners.\n*       @kestrelworks/platform\n/docs/  %s\n/billing/ @kestrelworks/payments %s\n*.tf    @kestrelworks/infra" % (g.v("email"), g.v("email"))}


@T("debian-control")
def _(g):
    return {"text": "Source: libquill\nSection: libs\nPriority: optional\nMaintainer: %s <%s>\nUploaders: %s <%s>\nBuild-Depends: debhelper-compat (= 13), cmake\nStandards-Version: 4.6.2\nHomepage: https://quillfeather.io" % (
        g.n("name"), g.v("email"), g.n("name"), g.v("email"))}


@T("rpm-spec-file")
def _(g):
    return {"text": "Name:           libquill\nVersion:        2.4.1\nRelease:        1%%{?dist}\nLicense:        MIT\nPackager:       %s <%s>\nSource0:        https://quillfeather.io/dl/%%{name}-%%{version}.tar.gz\n\n%%description\nQuill text layout library.\n\n%%changelog\n* Mon Nov 30 2026 %s <%s> - 2.4.1-1\n- Rebase to 2.4.1" % (
        g.n("name"), g.v("email"), g.n("name"), g.v("email"))}


@T("security-txt")
def _(g):
    return {"path": "/.well-known/security.txt", "body": "Contact: mailto:%s\nContact: tel:%s\nExpires: 2027-12-31T23:00:00.000Z\nPreferred-Languages: en, nl\nPolicy: https://kestrelworks.dev/disclosure" % (
        g.v("email"), g.v("phone", "use164"))}


@T("gpg-list-keys")
def _(g):
    return {"text": "$ gpg --list-keys\n/home/ops/.gnupg/pubring.kbx\n----------------------------\npub   ed25519 2025-03-11 [SC] [expires: 2028-03-10]\n      %s\nuid           [ultimate] %s <%s>\nsub   cv25519 2025-03-11 [E] [expires: 2028-03-10]" % (
        g.s(HEX, 40).upper(), g.n("name"), g.v("email"))}


@T("dns-zone-dmarc")
def _(g):
    return {"text": "$ORIGIN pelicanbay.net.\n$TTL 3600\n@   IN SOA ns1.pelicanbay.net. hostmaster.pelicanbay.net. (2026120201 7200 3600 1209600 3600)\n_dmarc IN TXT \"v=DMARC1; p=quarantine; rua=mailto:%s; ruf=mailto:%s; fo=1\"\nwww IN CNAME pelicanbay.net." % (
        g.v("email"), g.v("email"))}


@T("sip-invite")
def _(g):
    a, b = g.v("phone", "use164"), g.v("phone", "use164")
    aa, bb = a.replace(" ", ""), b.replace(" ", "")
    g.swap(a, aa)
    g.swap(b, bb)
    return {"text": "INVITE sip:%s@198.51.100.7;user=phone SIP/2.0\nVia: SIP/2.0/UDP 10.20.0.5:5060;branch=z9hG4bK%s\nFrom: \"%s\" <sip:%s@10.20.0.5>;tag=%s\nTo: <sip:%s@198.51.100.7;user=phone>\nCall-ID: %s\nCSeq: 102 INVITE\nP-Asserted-Identity: <tel:%s>\nContent-Type: application/sdp\nContent-Length: 0" % (
        bb, g.s(HEX, 10), g.n("name"), aa, g.s(HEX, 8), bb, g.n("uuid"), aa)}


@T("smpp-submit-sm")
def _(g):
    p = g.v("phone", "uke164").replace(" ", "")
    g.expect[-1] = p
    g.swap(p, p.lstrip("+"))
    return {"text": "2026-12-02 09:14:03,118 DEBUG [smpp-session-3] PDU submit_sm seq=%d\n  service_type: ''\n  source_addr_ton: 5 source_addr: 'MOSSGROVE'\n  dest_addr_ton: 1 dest_addr_npi: 1 destination_addr: '%s'\n  registered_delivery: 1 data_coding: 0\n  short_message: 'Your appointment is confirmed for Fri 10:30.'" % (g.i(100, 9999), p.lstrip("+"))}


@T("number-port-loa")
def _(g):
    return {"text": "LETTER OF AUTHORIZATION - NUMBER PORT\nCustomer name: %s\nService address: 200 Main St, Suite 4, Tacoma WA\nNumbers to port: %s, %s\nCurrent carrier account #: %d\nAuthorized signature: %s   Date: %s" % (
        g.n("name"), g.v("phone_us"), g.v("phone_us"), g.i(10 ** 8, 10 ** 9), g.n("name"), g.n("date"))}


@T("asterisk-extensions-conf")
def _(g):
    p = g.v("phone_us")
    d = re.sub(r"\D", "", p)
    g.swap(p, d)
    return {"text": "[from-internal]\nexten => 7001,1,Dial(PJSIP/7001,20)\n same => n,Dial(PJSIP/trunk-out/%s,30) ; forward to on-call mobile\n same => n,Voicemail(7001@default)\n same => n,Hangup()" % d}


@T("airbnb-host-message")
def _(g):
    return {"thread": [{"from": "host", "text": "Hi! Lockbox is on the left of the door. If anything goes wrong call my cell %s (WhatsApp works too)." % g.v("phone", g.c(["fr", "de", "uk", "br"]))},
                       {"from": "guest", "text": "Thanks, landing at 21:00."}]}


@T("classified-ad")
def _(g):
    return {"title": "Cargo bike, barely used - €1400", "body": "Selling my cargo bike, 2 years old, new brakes. Viewing in Utrecht. Call or text %s, email %s. No shipping." % (g.v("phone"), g.v("email")), "category": "bikes"}


@T("mls-listing")
def _(g):
    return {"text": "MLS# %d  ACTIVE  3bd/2ba  1,840 sqft  $%d,000\nRemarks: Updated kitchen, fenced yard. Showing instructions: call listing agent %s at %s; lockbox on side door.\nAgent email: %s" % (
        g.i(1000000, 9999999), g.i(300, 900), g.n("name"), g.v("phone_us"), g.v("email"))}


@T("emergency-contact-sheet")
def _(g):
    rows = "\n".join("%-20s | %-10s | %-18s" % (g.n("name"), g.c(["Mother", "Father", "Aunt", "Grandparent"]), g.v("phone")) for _ in range(3))
    return {"text": "FIELD TRIP - EMERGENCY CONTACTS (Class 4B)\nStudent / Contact    | Relation   | Phone\n" + rows}


@T("avito-listing-ru")
def _(g):
    return {"text": "Продаю ноутбук ThinkPad T14, состояние отличное. Звоните по номеру %s или пишите на почту %s. Торг уместен." % (g.v("phone"), g.v("email"))}


@T("vietnamese-zalo-message")
def _(g):
    return {"text": "Chào anh, em gửi lại số điện thoại mới của em: %s. Email công việc: %s. Cảm ơn anh!" % (g.v("phone"), g.v("email"))}


@T("hindi-sms-callback-request")
def _(g):
    return {"text": "नमस्ते, कृपया मुझे इस नंबर पर कॉल करें: %s\nईमेल: %s\nधन्यवाद" % (g.v("phone", "in"), g.v("email"))}


@T("clinic-appointment-sms-ar")
def _(g):
    p = g.v("phone", "use164")
    ar = p.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    g.swap(p, ar)
    return {"sms": {"from": "ALRAWDA-CLINIC", "body": "تم تأكيد موعدك. للاستفسار اتصل على %s" % ar}}


@T("jp-contact-form-reply")
def _(g):
    e = g.v("email")
    fw = e.replace("@", "＠")
    g.swap(e, fw)
    return {"text": "お問い合わせありがとうございます。担当：%s\n連絡先メール：%s\n電話：%s" % (g.n("last"), fw, g.v("phone", "jp"))}

# ---- aws / api keys


@T("hadoop-core-site-xml")
def _(g):
    return {"xml": "<configuration>\n  <property><name>fs.s3a.access.key</name><value>%s</value></property>\n  <property><name>fs.s3a.secret.key</name><value>%s</value></property>\n  <property><name>fs.s3a.endpoint</name><value>s3.eu-west-1.amazonaws.com</value></property>\n</configuration>" % (g.v("akid"), g.v("key", "awssecret"))}


@T("ec2-imds-credentials-response")
def _(g):
    return {"text": "$ curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role\n{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"%sT07:12:40Z\",\n  \"Type\" : \"AWS-HMAC\",\n  \"AccessKeyId\" : \"%s\",\n  \"SecretAccessKey\" : \"%s\",\n  \"Token\" : \"IQoJb3JpZ2luX2VjE%s\",\n  \"Expiration\" : \"%sT13:40:02Z\"\n}" % (
        g.n("date"), g.v("asia"), g.v("key", "awssecret"), g.s(B64, 300), g.n("date"))}


@T("restic-backup-script")
def _(g):
    return {"text": "#!/bin/sh\n# /etc/cron.daily/restic-backup\nexport AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s\nexport RESTIC_REPOSITORY=s3:s3.amazonaws.com/kw-backups/host01\nexport RESTIC_PASSWORD='%s'\nrestic backup /srv --exclude-caches --quiet\nrestic forget --keep-daily 7 --keep-weekly 4 --prune" % (
        g.v("akid"), g.v("key", "awssecret"), g.v("pw"))}


@T("s3-presigned-url")
def _(g):
    a = g.v("akid")
    return {"link": "https://kw-exports.s3.eu-central-1.amazonaws.com/reports/q3.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s%%2F20261202%%2Feu-central-1%%2Fs3%%2Faws4_request&X-Amz-Date=20261202T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=%s" % (a, g.s(HEX, 64)),
            "shared_by": g.n("name")}


@T("aws-java-sdk-wire-log")
def _(g):
    return {"text": "2026-12-02 11:02:13,441 DEBUG [main] org.apache.http.headers: http-outgoing-0 >> Authorization: AWS4-HMAC-SHA256 Credential=%s/20261202/us-east-1/sqs/aws4_request, SignedHeaders=amz-sdk-invocation-id;host;x-amz-date, Signature=%s\n2026-12-02 11:02:13,442 DEBUG [main] org.apache.http.headers: http-outgoing-0 >> X-Amz-Date: 20261202T110213Z" % (g.v("akid"), g.s(HEX, 64))}


@T("codebuild-buildspec-yml")
def _(g):
    return {"text": "version: 0.2\nenv:\n  variables:\n    AWS_DEFAULT_REGION: us-west-2\n    DEPLOY_AWS_ACCESS_KEY_ID: %s\n    DEPLOY_AWS_SECRET_ACCESS_KEY: %s\nphases:\n  build:\n    commands:\n      - ./scripts/deploy.sh" % (g.v("akid"), g.v("key", "awssecret"))}


@T("ebextensions-config")
def _(g):
    return {"file": ".ebextensions/01-env.config", "text": "option_settings:\n  aws:elasticbeanstalk:application:environment:\n    S3_UPLOAD_KEY: %s\n    S3_UPLOAD_SECRET: %s\n    DJANGO_SETTINGS_MODULE: shop.settings.prod" % (g.v("akid"), g.v("key", "awssecret"))}


@T("trufflehog-json")
def _(g):
    k = g.v("key", g.c(["ghp", "sg", "xoxb", "npm", "hf"]))
    return {"SourceMetadata": {"Data": {"Git": {"commit": g.n("sha1"), "file": "deploy/notify.py", "email": "ci-bot", "line": g.i(3, 200)}}},
            "DetectorName": "Generic", "Verified": True, "Raw": k, "Redacted": ""}


@T("gitleaks-report-json")
def _(g):
    a = g.v("akid")
    return [{"Description": "AWS Access Key", "StartLine": g.i(1, 90), "Match": "aws_access_key_id = %s" % a, "Secret": a,
             "File": "infra/old/credentials.bak", "Commit": g.n("sha1"), "RuleID": "aws-access-token", "Fingerprint": "%s:infra/old/credentials.bak:aws-access-token:%d" % (g.n("sha1"), g.i(1, 90))}]


@T("github-secret-scanning-alert")
def _(g):
    return {"number": g.i(1, 300), "state": "open", "secret_type": "github_personal_access_token", "secret_type_display_name": "GitHub Personal Access Token",
            "secret": g.v("key", "ghpat"), "validity": "active", "html_url": "https://github.com/kestrelworks/api/security/secret-scanning/%d" % g.i(1, 300)}


@T("gh-cli-hosts-yml")
def _(g):
    return {"text": "github.com:\n    users:\n        %s:\n            oauth_token: %s\n    git_protocol: ssh\n    oauth_token: %s\n    user: %s" % (
        g.n("first").lower(), g.v("key", "gho"), g.expect[-1], g.n("first").lower())}


@T("cargo-credentials-toml")
def _(g):
    return {"path": "~/.cargo/credentials.toml", "text": '[registry]\ntoken = "%s"\n\n[registries.internal]\ntoken = "Bearer %s"' % (g.v("key", "cio"), g.v("key", "hex40"))}


@T("databrickscfg")
def _(g):
    return {"text": "[DEFAULT]\nhost  = https://adb-%d.12.azuredatabricks.net\ntoken = %s\n\n[staging]\nhost  = https://dbc-%s.cloud.databricks.com\ntoken = %s" % (
        g.i(10 ** 15, 10 ** 16), g.v("key", "dapi"), g.s(HEX, 8) + "-" + g.s(HEX, 4), g.v("key", "dapi"))}


@T("newrelic-yml")
def _(g):
    return {"text": "common: &default_settings\n  license_key: '%s'\n  app_name: checkout-service\n  distributed_tracing:\n    enabled: true\nproduction:\n  <<: *default_settings" % g.v("key", "hex40")}


@T("telegraf-conf")
def _(g):
    tok = g.custom("api_key", g.s(B64U, 84) + "==")
    return {"text": "[[outputs.influxdb_v2]]\n  urls = [\"https://eu-central-1-1.aws.cloud2.influxdata.com\"]\n  token = \"%s\"\n  organization = \"kestrel\"\n  bucket = \"edge\"" % tok}


@T("azure-functions-local-settings")
def _(g):
    k = g.v("key", "azure")
    return {"IsEncrypted": False, "Values": {"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=kwfuncstore%d;AccountKey=%s;EndpointSuffix=core.windows.net" % (g.i(1, 99), k), "FUNCTIONS_WORKER_RUNTIME": "node"}}


@T("gcloud-adc-json")
def _(g):
    cs = g.custom("api_key", "GOCSPX-" + g.s(ALNUM + "-_", 28))
    rt = g.custom("api_key", "1//0" + g.s(ALNUM + "-_", 99))
    return {"path": "~/.config/gcloud/application_default_credentials.json", "json": {
        "account": "", "client_id": "%d-%s.apps.googleusercontent.com" % (g.i(10 ** 11, 10 ** 12), g.s(string.ascii_lowercase + string.digits, 32)),
        "client_secret": cs, "refresh_token": rt, "quota_project_id": "kw-analytics", "type": "authorized_user"}}


@T("bind-tsig-key")
def _(g):
    return {"text": 'key "xfer-ns2" {\n    algorithm hmac-sha256;\n    secret "%s";\n};\nzone "pelicanbay.net" {\n    type primary;\n    file "/var/lib/bind/pelicanbay.net.zone";\n    allow-transfer { key "xfer-ns2"; };\n};' % g.v("key", "b64_32")}


@T("makefile")
def _(g):
    st = g.custom("api_key", "sntrys_" + g.s(ALNUM, 64))
    return {"text": "REGISTRY ?= ghcr.io/kestrelworks\nSENTRY_AUTH_TOKEN := %s\nSLACK_BOT_TOKEN := %s\n\nrelease:\n\t./scripts/release.sh $(REGISTRY)\n\tcurl -s -H \"Authorization: Bearer $(SLACK_BOT_TOKEN)\" https://slack.com/api/chat.postMessage -d channel=C0123 -d text=released" % (
        st, g.v("key", "xoxb"))}


@T("bazelrc")
def _(g):
    k = g.custom("api_key", g.s(ALNUM, 20))
    return {"text": "build --remote_cache=grpcs://remote.buildbuddy.io\nbuild --remote_header=x-buildbuddy-api-key=%s\nbuild --remote_timeout=3600\ntest --test_output=errors" % k}


@T("zshrc")
def _(g):
    return {"path": "~/.zshrc", "text": "export PATH=\"$HOME/.local/bin:$PATH\"\nexport HOMEBREW_GITHUB_API_TOKEN=%s\nexport OPENAI_API_KEY=%s\nalias k=kubectl\nsource <(fzf --zsh)" % (g.v("key", "ghp"), g.v("key", "openai"))}


@T("neovim-lua-config")
def _(g):
    return {"path": "~/.config/nvim/lua/plugins/ai.lua", "text": "return {\n  \"olimorris/codecompanion.nvim\",\n  opts = {\n    adapters = {\n      anthropic = function()\n        return require(\"codecompanion.adapters\").extend(\"anthropic\", {\n          env = { api_key = \"%s\" },\n        })\n      end,\n    },\n  },\n}" % g.v("key", "anthropic")}


@T("swift-source")
def _(g):
    return {"path": "Sources/Payments/Config.swift", "text": "import Foundation\n\nenum PaymentsConfig {\n    static let baseURL = URL(string: \"https://api.stripe.com\")!\n    // TODO move to keychain before release\n    static let secretKey = \"%s\"\n}" % g.v("key", "sk_live")}


@T("gitea-app-ini")
def _(g):
    sk = g.custom("api_key", g.s(ALNUM, 64))
    return {"text": "APP_NAME = Kestrel Git\nRUN_MODE = prod\n\n[database]\nDB_TYPE  = postgres\nHOST     = 127.0.0.1:5432\nNAME     = gitea\nUSER     = gitea\nPASSWD   = `%s`\n\n[security]\nINSTALL_LOCK   = true\nSECRET_KEY     = %s\nINTERNAL_TOKEN = %s" % (
        g.v("pw"), sk, g.v("jwt", False))}


@T("git-credentials-store")
def _(g):
    p = g.v("pwa")
    return {"path": "~/.git-credentials", "text": "https://%s:%s@git.kestrelworks.dev\n" % (g.n("first").lower(), p)}


@T("nuget-config-xml")
def _(g):
    return {"xml": '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <add key="kw-feed" value="https://nexus.kestrelworks.dev/repository/nuget-hosted/index.json" />\n  </packageSources>\n  <packageSourceCredentials>\n    <kw-feed>\n      <add key="Username" value="build" />\n      <add key="ClearTextPassword" value="%s" />\n    </kw-feed>\n  </packageSourceCredentials>\n</configuration>' % g.v("pw")}


@T("python-places-script")
def _(g):
    return {"text": "import requests\n\nGOOGLE_KEY = \"%s\"  # server key, restricted to our egress IP\n\ndef geocode(addr):\n    r = requests.get(\"https://maps.googleapis.com/maps/api/geocode/json\", params={\"address\": addr, \"key\": GOOGLE_KEY})\n    return r.json()[\"results\"][0][\"geometry\"]" % g.v("key", "aiza")}


@T("powershell-ps1-script")
def _(g):
    sid = "AC" + g.s(HEX, 32)
    return {"text": "$env:TWILIO_ACCOUNT_SID = \"%s\"\n$env:TWILIO_AUTH_TOKEN = \"%s\"\nInvoke-RestMethod -Uri \"https://api.twilio.com/2010-04-01/Accounts/$env:TWILIO_ACCOUNT_SID/Messages.json\" -Method Post -Credential $cred" % (sid, g.v("key", "hex32"))}


@T("linear-graphql-script-ts")
def _(g):
    return {"text": "import { LinearClient } from '@linear/sdk'\n\nconst client = new LinearClient({ apiKey: '%s' })\nconst me = await client.viewer\nconsole.log(me.displayName)" % g.v("key", "lin")}


@T("mailgun-php-snippet")
def _(g):
    return {"text": "<?php\nrequire 'vendor/autoload.php';\nuse Mailgun\\Mailgun;\n$mg = Mailgun::create('%s', 'https://api.eu.mailgun.net');\n$mg->messages()->send('mg.pelicanbay.net', ['from' => 'Pelican Bay <%s>', 'to' => '%s', 'subject' => 'Welcome', 'text' => 'Hi!']);" % (
        g.v("key", "mailgun"), g.v("email"), g.v("email"))}


@T("go-http-client-source")
def _(g):
    return {"path": "internal/dash/client.go", "text": "func fetchDashboard(uid string) (*http.Response, error) {\n\treq, _ := http.NewRequest(\"GET\", \"https://grafana.kestrelworks.dev/api/dashboards/uid/\"+uid, nil)\n\treq.Header.Set(\"Authorization\", \"Bearer %s\")\n\treturn http.DefaultClient.Do(req)\n}" % g.v("key", "glsa")}


@T("datadog-agent-helm-set")
def _(g):
    return {"text": "helm upgrade --install datadog-agent datadog/datadog --set datadog.site=datadoghq.eu --set datadog.apiKey=%s --set datadog.appKey=%s -n monitoring" % (g.v("key", "dd"), g.v("key", "hex40"))}

# ---- passwords


@T("wpa-supplicant-conf")
def _(g):
    return {"text": "ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev\nupdate_config=1\ncountry=NL\n\nnetwork={\n\tssid=\"Kestrel-Office\"\n\tpsk=\"%s\"\n\tkey_mgmt=WPA-PSK\n}" % g.v("pw")}


@T("networkmanager-nmconnection")
def _(g):
    return {"path": "/etc/NetworkManager/system-connections/Warehouse.nmconnection", "text": "[connection]\nid=Warehouse\nuuid=%s\ntype=wifi\n\n[wifi]\nmode=infrastructure\nssid=Warehouse-5G\n\n[wifi-security]\nkey-mgmt=wpa-psk\npsk=%s\n\n[ipv4]\nmethod=auto" % (g.n("uuid"), g.v("pw"))}


@T("postfix-sasl-passwd")
def _(g):
    return {"path": "/etc/postfix/sasl_passwd", "text": "[smtp.tidewatermail.com]:587 %s:%s\n" % (g.v("email"), g.v("pwa"))}


@T("msmtprc")
def _(g):
    return {"text": "defaults\nauth on\ntls on\n\naccount work\nhost smtp.juniperfin.com\nport 587\nfrom %s\nuser %s\npassword %s\n\naccount default : work" % (g.v("email"), g.expect[-1], g.v("pw"))}


@T("muttrc")
def _(g):
    e = g.v("email")
    return {"text": 'set from = "%s"\nset imap_user = "%s"\nset imap_pass = "%s"\nset folder = "imaps://imap.mossgrove.co.uk:993"\nset spoolfile = "+INBOX"' % (e, e, g.v("pw"))}


@T("rsyncd-secrets")
def _(g):
    return {"path": "/etc/rsyncd.secrets", "text": "backup:%s\nmirror:%s\n" % (g.v("pwa"), g.v("pwa"))}


@T("mysql-my-cnf")
def _(g):
    return {"path": "/root/.my.cnf", "text": "[client]\nuser=root\npassword=\"%s\"\nhost=db-primary.internal\n\n[mysqldump]\nsingle-transaction" % g.v("pw")}


@T("redis-conf")
def _(g):
    return {"text": "bind 10.0.4.12\nport 6380\nprotected-mode yes\nrequirepass %s\nmasterauth %s\nmaxmemory 2gb\nmaxmemory-policy allkeys-lru" % (g.v("pwa"), g.expect[-1])}


@T("kibana-yml")
def _(g):
    return {"text": "server.host: \"0.0.0.0\"\nelasticsearch.hosts: [\"https://es01:9200\"]\nelasticsearch.username: \"kibana_system\"\nelasticsearch.password: \"%s\"\nxpack.encryptedSavedObjects.encryptionKey: \"%s\"" % (g.v("pw"), g.custom("api_key", g.s(ALNUM, 32)))}


@T("grafana-ini")
def _(g):
    return {"text": "[server]\nhttp_port = 3000\ndomain = grafana.kestrelworks.dev\n\n[security]\nadmin_user = admin\nadmin_password = %s\n\n[smtp]\nenabled = true\nhost = smtp.kestrelworks.dev:587\nuser = grafana\npassword = \"\"\"%s\"\"\"" % (g.v("pw"), g.v("pw"))}


@T("prometheus-scrape-config")
def _(g):
    return {"text": "scrape_configs:\n  - job_name: 'edge-routers'\n    scheme: https\n    basic_auth:\n      username: prom\n      password: '%s'\n    static_configs:\n      - targets: ['r1.edge:9100', 'r2.edge:9100']" % g.v("pw")}


@T("sssd-conf")
def _(g):
    return {"text": "[domain/corp.local]\nid_provider = ldap\nldap_uri = ldaps://ldap.corp.local\nldap_search_base = dc=corp,dc=local\nldap_default_bind_dn = cn=sssd,ou=svc,dc=corp,dc=local\nldap_default_authtok_type = password\nldap_default_authtok = %s\ncache_credentials = True" % g.v("pw")}


@T("windows-unattend-xml")
def _(g):
    return {"xml": "<UserAccounts>\n  <AdministratorPassword>\n    <Value>%s</Value>\n    <PlainText>true</PlainText>\n  </AdministratorPassword>\n  <LocalAccounts><LocalAccount wcm:action=\"add\"><Name>support</Name><Group>Administrators</Group><Password><Value>%s</Value><PlainText>true</PlainText></Password></LocalAccount></LocalAccounts>\n</UserAccounts>" % (g.v("pwa"), g.v("pwa"))}


@T("kickstart-cfg")
def _(g):
    return {"text": "#version=RHEL9\nlang en_US.UTF-8\nkeyboard us\ntimezone Europe/Amsterdam --utc\nrootpw --plaintext %s\nuser --name=ansible --password=%s --plaintext --groups=wheel\nautopart --type=lvm\nreboot" % (g.v("pwa"), g.v("pwa"))}


@T("debian-preseed")
def _(g):
    p = g.v("pwa")
    return {"text": "d-i passwd/root-login boolean false\nd-i passwd/user-fullname string Ops User\nd-i passwd/username string ops\nd-i passwd/user-password password %s\nd-i passwd/user-password-again password %s\nd-i pkgsel/include string openssh-server" % (p, p)}


@T("batch-net-use")
def _(g):
    return {"path": "\\\\fs01\\netlogon\\map_drives.bat", "text": "@echo off\nnet use S: \\\\fs01\\scans /user:SHOPFLOOR\\scanner %s /persistent:no\nnet use P: \\\\fs01\\public\nexit /b 0" % g.v("pwa")}


@T("powershell-ps1-script")
def _(g):
    return {"text": "$user = 'CORP\\svc_reports'\n$secure = ConvertTo-SecureString '%s' -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential($user, $secure)\nInvoke-Command -ComputerName rpt01 -Credential $cred -ScriptBlock { Get-Service Spooler }" % g.v("pw")}


@T("mimikatz-sekurlsa")
def _(g):
    return {"text": "mimikatz # sekurlsa::logonpasswords\n\nAuthentication Id : 0 ; %d (00000000:%08x)\nSession           : Interactive from 1\nUser Name         : %s\nDomain            : CORP\n\tmsv :\n\t [00000003] Primary\n\t * Username : %s\n\t * NTLM     : %s\n\twdigest :\n\t * Username : %s\n\t * Domain   : CORP\n\t * Password : %s" % (
        g.i(10 ** 5, 10 ** 7), g.i(0, 2 ** 31), "j.doe", "j.doe", g.n("hex32"), "j.doe", g.v("pw"))}


@T("burp-xml-export")
def _(g):
    u, p = g.n("first").lower(), g.v("pwa")
    req = "POST /login HTTP/1.1\r\nHost: portal.mossgrove.co.uk\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nusername=%s&password=%s" % (u, p)
    enc = base64.b64encode(req.encode()).decode()
    g.swap(p, enc)
    return {"xml": '<items burpVersion="2024.1"><item><time>Wed Dec 02 10:12:00 UTC 2026</time><url><![CDATA[https://portal.mossgrove.co.uk/login]]></url><method>POST</method><request base64="true"><![CDATA[%s]]></request><status>302</status></item></items>' % enc}


@T("tshark-verbose-basic-auth")
def _(g):
    u, p = "admin", g.v("pwa")
    b = base64.b64encode(("%s:%s" % (u, p)).encode()).decode()
    return {"text": "Hypertext Transfer Protocol\n    GET /cgi-bin/status HTTP/1.1\\r\\n\n    Host: 192.168.1.20\\r\\n\n    Authorization: Basic %s\\r\\n\n        Credentials: %s:%s\n    User-Agent: curl/8.5.0\\r\\n" % (b, u, p)}


@T("freeradius-debug")
def _(g):
    return {"text": "(3) Received Access-Request Id 41 from 10.1.1.2:51822 to 10.1.1.10:1812 length 78\n(3)   User-Name = \"%s\"\n(3)   User-Password = \"%s\"\n(3)   NAS-IP-Address = 10.1.1.2\n(3) # Executing section authorize from file /etc/freeradius/sites-enabled/default\n(3) pap: Login attempt with password" % (g.n("first").lower(), g.v("pw"))}


@T("snmpd-conf")
def _(g):
    return {"text": "agentAddress udp:161\nrocommunity %s 10.0.0.0/8\ncreateUser monitor SHA \"%s\" AES \"%s\"\nrouser monitor priv" % (g.v("pwa"), g.v("pw"), g.v("pw"))}


@T("jaas-conf")
def _(g):
    return {"text": 'KafkaClient {\n  org.apache.kafka.common.security.scram.ScramLoginModule required\n  username="orders-consumer"\n  password="%s";\n};' % g.v("pw")}


@T("snowsql-config")
def _(g):
    return {"text": "[connections.prod]\naccountname = kw12345.eu-central-1\nusername = ETL_USER\npassword = %s\nwarehousename = LOAD_WH\nrolename = LOADER" % g.v("pw")}


@T("dbt-profiles-yml")
def _(g):
    return {"text": "analytics:\n  target: prod\n  outputs:\n    prod:\n      type: postgres\n      host: warehouse.internal\n      user: dbt\n      password: \"%s\"\n      port: 5432\n      dbname: analytics\n      schema: marts\n      threads: 8" % g.v("pw")}


@T("nextcloud-config-php")
def _(g):
    return {"text": "<?php\n$CONFIG = array (\n  'instanceid' => 'oc%s',\n  'secret' => '%s',\n  'dbtype' => 'mysql',\n  'dbname' => 'nextcloud',\n  'dbuser' => 'nc',\n  'dbpassword' => '%s',\n);" % (
        g.s(string.ascii_lowercase + string.digits, 10), g.custom("api_key", g.s(ALNUM + "+/", 48)), g.v("pw"))}


@T("odbc-ini")
def _(g):
    return {"path": "/etc/odbc.ini", "text": "[ReportingDSN]\nDriver = ODBC Driver 18 for SQL Server\nServer = tcp:sql-rpt.corp.local,1433\nDatabase = Reporting\nUID = rpt_reader\nPWD = %s\nEncrypt = yes" % g.v("pw")}


@T("tomcat-context-xml")
def _(g):
    return {"xml": '<Context>\n  <Resource name="jdbc/shop" auth="Container" type="javax.sql.DataSource"\n            maxTotal="40" username="shop_app" password="%s"\n            driverClassName="org.postgresql.Driver" url="jdbc:postgresql://db01:5432/shop"/>\n</Context>' % g.v("pwa")}


@T("wildfly-standalone-xml")
def _(g):
    return {"xml": '<datasource jndi-name="java:jboss/datasources/LedgerDS" pool-name="LedgerDS">\n  <connection-url>jdbc:oracle:thin:@ora01:1521/LEDGER</connection-url>\n  <driver>oracle</driver>\n  <security>\n    <user-name>ledger</user-name>\n    <password>%s</password>\n  </security>\n</datasource>' % g.v("pwa")}


@T("sqlplus-session")
def _(g):
    return {"text": "$ sqlplus hr/%s@//ora01.corp.local:1521/HRPROD\n\nSQL*Plus: Release 19.0.0.0.0 - Production\nConnected to:\nOracle Database 19c Enterprise Edition\n\nSQL> SELECT COUNT(*) FROM employees;\n\n  COUNT(*)\n----------\n       412" % g.v("pwa")}


@T("xml-rpc-call")
def _(g):
    return {"xml": "<?xml version=\"1.0\"?>\n<methodCall>\n  <methodName>wp.getUsersBlogs</methodName>\n  <params>\n    <param><value><string>%s</string></value></param>\n    <param><value><string>%s</string></value></param>\n  </params>\n</methodCall>" % (g.n("first").lower(), g.v("pwa"))}


@T("nats-protocol")
def _(g):
    return {"text": 'INFO {"server_id":"NCX%s","version":"2.10.7","auth_required":true,"max_payload":1048576}\nCONNECT {"verbose":false,"pedantic":false,"user":"telemetry","pass":"%s","lang":"go","version":"1.31.0","protocol":1}\nPING\nPONG\nSUB sensors.> 1' % (g.s(string.ascii_uppercase, 20), g.v("pwa"))}


@T("stomp-frame")
def _(g):
    return {"text": "CONNECT\naccept-version:1.2\nhost:/\nlogin:billing-svc\npasscode:%s\nheart-beat:10000,10000\n\n\x00" % g.v("pwa")}


@T("sublime-sftp-config")
def _(g):
    return {"path": "sftp-config.json", "json": {"type": "sftp", "save_before_upload": True, "upload_on_save": True, "host": "web01.mossgrove.co.uk",
                                                 "user": "deploy", "password": g.v("pw"), "remote_path": "/var/www/shop/", "connect_timeout": 30}}


@T("filezilla-sitemanager-xml")
def _(g):
    p = g.v("pw")
    enc = base64.b64encode(p.encode()).decode()
    g.swap(p, enc)
    return {"xml": '<FileZilla3 version="3.66.4" platform="windows"><Servers><Server><Host>ftp.pelicanbay.net</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type><User>webmaster</User><Pass encoding="base64">%s</Pass><Logontype>1</Logontype><Name>Pelican site</Name></Server></Servers></FileZilla3>' % enc}


@T("wgetrc")
def _(g):
    return {"path": "~/.wgetrc", "text": "check_certificate = on\nuser = mirror\nhttp_password = %s\nftp_password = %s\ntries = 3" % (g.v("pwa"), g.v("pwa"))}


@T("sbt-credentials")
def _(g):
    return {"path": "~/.sbt/.credentials", "text": "realm=Sonatype Nexus Repository Manager\nhost=nexus.kestrelworks.dev\nuser=ci-publisher\npassword=%s" % g.v("pw")}


@T("bundler-config")
def _(g):
    return {"path": ".bundle/config", "text": "---\nBUNDLE_PATH: \"vendor/bundle\"\nBUNDLE_GEMS__CONTRIBSYS__COM: \"%s:%s\"\nBUNDLE_JOBS: \"4\"" % (g.s(HEX, 8), g.v("pwa"))}


@T("helm-repositories-yaml")
def _(g):
    return {"path": "~/.config/helm/repositories.yaml", "text": "apiVersion: \"\"\ngenerated: \"0001-01-01T00:00:00Z\"\nrepositories:\n- name: internal\n  url: https://charts.kestrelworks.dev\n  username: helm\n  password: %s\n  insecure_skip_tls_verify: false" % g.v("pwa")}


@T("kustomization-yaml")
def _(g):
    return {"text": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\nsecretGenerator:\n  - name: db-credentials\n    literals:\n      - username=orders\n      - password=%s" % g.v("pwa")}


@T("concourse-pipeline-yml")
def _(g):
    return {"text": "resources:\n- name: release-bucket\n  type: s3\n  source:\n    bucket: kw-releases\n    access_key_id: %s\n    secret_access_key: %s\n- name: repo\n  type: git\n  source:\n    uri: https://git.kestrelworks.dev/app.git\n    username: concourse\n    password: %s" % (g.v("akid"), g.v("key", "awssecret"), g.v("pw"))}


@T("csharp-source")
def _(g):
    return {"path": "src/Reports/Db.cs", "text": "public static class Db\n{\n    public const string ConnectionString =\n        \"Server=sql01;Database=Reports;User Id=report_writer;Password=%s;TrustServerCertificate=True\";\n}" % g.v("pw")}


@T("elixir-config-exs")
def _(g):
    return {"path": "config/prod.exs", "text": "import Config\n\nconfig :shop, Shop.Repo,\n  username: \"shop\",\n  password: \"%s\",\n  hostname: \"db.internal\",\n  pool_size: 15\n\nconfig :shop, ShopWeb.Endpoint,\n  secret_key_base: \"%s\"" % (g.v("pw"), g.custom("api_key", g.s(ALNUM + "+/", 64)))}


@T("perl-dbi-script")
def _(g):
    return {"text": "#!/usr/bin/perl\nuse strict; use DBI;\nmy $dbh = DBI->connect('DBI:mysql:database=crm;host=10.2.0.8', 'crm_batch', '%s', { RaiseError => 1 });\nmy $sth = $dbh->prepare('SELECT id FROM leads WHERE status = ?');" % g.v("pwa")}


@T("expect-script")
def _(g):
    return {"text": "#!/usr/bin/expect -f\nset timeout 20\nspawn ssh admin@10.9.0.1\nexpect \"password:\"\nsend \"%s\\r\"\nexpect \"#\"\nsend \"show running-config\\r\"\nexpect eof" % g.v("pwa")}


@T("org-mode-notes")
def _(g):
    return {"text": "* Homelab\n** NAS\n:PROPERTIES:\n:HOST: nas.lan\n:USER: admin\n:PASSWORD: %s\n:END:\n** TODO renew cert on the router" % g.v("pw")}


@T("mediawiki-markup")
def _(g):
    return {"text": "== Shared accounts ==\n{| class=\"wikitable\"\n! System !! Login !! Password\n|-\n| Label printer UI || admin || %s\n|-\n| Door controller || install || %s\n|}" % (g.v("pwa"), g.v("pwa"))}


@T("bbcode-forum-post")
def _(g):
    return {"text": "[quote=\"%s\"]cant log in to the router after reset[/quote]\nDefault got changed by the ISP tech. He wrote it on the box: user [b]admin[/b] pass [b]%s[/b]. Change it straight away." % (g.n("first"), g.v("pwa"))}


@T("extranet-welcome-fr")
def _(g):
    return {"text": "Bonjour %s,\nVotre compte sur l'extranet a été créé. Identifiant : %s\nMot de passe provisoire : %s\nMerci de le modifier à la première connexion.\nCordialement" % (g.n("first"), g.n("first").lower(), g.v("pw"))}


@T("otrs-ticket-de")
def _(g):
    return {"text": "Ticket #%d – Zugang Buchhaltung\nHallo, das neue Kennwort für das Konto fibu-scan lautet: %s\nBitte nach der ersten Anmeldung ändern.\nGruß, IT-Service" % (g.i(10000, 99999), g.v("pw"))}


@T("signal-desktop-export-it")
def _(g):
    return {"text": "[10:02] Marco: mi giri la password del wifi ospiti?\n[10:03] Giulia: certo, è %s\n[10:03] Marco: grazie!" % g.v("pwa")}


@T("condominio-sms-pt")
def _(g):
    return {"sms": "Olá! A senha temporária do portal do condomínio é %s. Válida por 24 horas." % g.v("pwa")}


@T("muhasebe-note-tr")
def _(g):
    return {"text": "Merhaba, muhasebe sunucusuna bağlanmak için kullanıcı adı: finans, şifre: %s. Lütfen kimseyle paylaşmayın." % g.v("pw")}


@T("oauth-ropc-token-request")
def _(g):
    p = g.v("pw")
    q = g.swap(p, urllib.parse.quote(p, safe=""))
    e = g.v("email")
    eq = g.swap(e, urllib.parse.quote(e, safe=""))
    return {"request_body": "grant_type=password&username=%s&password=%s&client_id=mobile" % (eq, q)}

# ---- private keys


@T("openvpn-ovpn")
def _(g):
    return {"text": "client\ndev tun\nproto udp\nremote vpn.kestrelworks.dev 1194\ncipher AES-256-GCM\n<ca>\n%s\n</ca>\n<key>\n%s\n</key>" % (g.n("cert"), g.v("pk", g.c(["rsa", "pkcs8"])))}


@T("unified-diff")
def _(g):
    k = g.v("pk", g.c(["rsa", "ec", "openssh"]))
    return {"text": "diff --git a/deploy/keys/deploy_key b/deploy/keys/deploy_key\nnew file mode 100600\nindex 0000000..%s\n--- /dev/null\n+++ b/deploy/keys/deploy_key\n@@ -0,0 +1,%d @@\n%s" % (
        g.n("sha1")[:7], k.count("\n") + 1, "\n".join("+" + ln for ln in k.split("\n")))} if _plus(g, k) else None


def _plus(g, k):
    g.swap(k, "\n".join("+" + ln for ln in k.split("\n")))
    return True


@T("secretsmanager-get-secret-value")
def _(g):
    k = g.v("pk", g.c(["rsa", "pkcs8", "ec"]))
    inner = json.dumps({"private_key": k, "key_id": g.s(HEX, 40)})
    return {"ARN": "arn:aws:secretsmanager:eu-west-1:%012d:secret:prod/reports-signing-%s" % (g.i(10 ** 11, 10 ** 12 - 1), g.s(ALNUM, 6)), "Name": "prod/reports-signing",
            "SecretString": inner, "VersionStages": ["AWSCURRENT"]} if _esc(g, k) else None


def _esc(g, k):
    g.swap(k, json.dumps(k)[1:-1])
    return True


@T("csharp-source")
def _(g):
    k = g.v("pk", "pkcs8")
    body = "\n".join('        "%s\\n" +' % ln for ln in k.split("\n"))
    g.swap(k, k.split("\n")[1])
    return {"text": "internal static class SigningKey\n{\n    public const string Pem =\n%s\n        \"\";\n}" % body}


@T("stackoverflow-question")
def _(g):
    k = g.v("pk", g.c(["rsa", "openssh"]))
    return {"title": "paramiko says 'not a valid RSA private key file' but the key works with ssh", "body_markdown": "I load the key like this and it fails. Here is the key (it's only for the test box):\n\n    %s\n\nWhat am I doing wrong?" % k.replace("\n", "\n    "), "tags": ["python", "ssh", "paramiko"]} if _indent(g, k) else None


def _indent(g, k):
    g.swap(k, k.replace("\n", "\n    "))
    return True


@T("gist-api-json")
def _(g):
    k = g.v("pk", g.c(["ec", "rsa"]))
    return {"id": g.s(HEX, 32), "public": False, "description": "jwt signing key staging", "files": {"staging-signing.pem": {"filename": "staging-signing.pem", "type": "application/x-x509-ca-cert", "language": "PEM", "content": k}}}


@T("snowflake-rsa-key-p8-cat")
def _(g):
    k = g.v("pk", "enc")
    return {"text": "$ cat ~/.snowflake/rsa_key.p8\n%s\n$ snowsql -a kw12345 -u ETL_USER --private-key-path ~/.snowflake/rsa_key.p8" % k}


@T("mosquitto-bridge-conf")
def _(g):
    k = g.v("pk", "ec")
    return {"text": "# bridge to cloud broker; key pasted here by installer\nconnection cloud\naddress mqtt.kestrelworks.dev:8883\nbridge_certfile /etc/mosquitto/certs/edge.crt\nbridge_keyfile /etc/mosquitto/certs/edge.key\n\n# /etc/mosquitto/certs/edge.key:\n%s" % k}


@T("render-env-group-json")
def _(g):
    k = g.v("pk", g.c(["rsa", "pkcs8"]))
    enc = base64.b64encode(k.encode()).decode()
    g.swap(k, enc)
    return {"vars": [{"key": "GITHUB_APP_ID", "value": str(g.i(100000, 999999))}, {"key": "GITHUB_APP_PRIVATE_KEY_B64", "value": enc}]}


@T("pyjwt-salesforce-script")
def _(g):
    k = g.v("pk", "rsa")
    body = k.replace("\n", "\n    ")
    g.swap(k, body)
    return {"text": "import time, jwt, requests\n\nPRIVATE_KEY = \"\"\"\n    %s\n\"\"\"\n\nassertion = jwt.encode({\"iss\": CLIENT_ID, \"sub\": SF_USER, \"aud\": \"https://login.salesforce.com\", \"exp\": int(time.time()) + 180}, PRIVATE_KEY, algorithm=\"RS256\")" % body}


# ---- jwt


@T("varnishlog")
def _(g):
    return {"text": "*   << Request  >> %d\n-   Begin          req %d rxreq\n-   ReqMethod      GET\n-   ReqURL         /api/v2/cart\n-   ReqHeader      Host: shop.mossgrove.co.uk\n-   ReqHeader      Authorization: Bearer %s\n-   VCL_call       RECV\n-   VCL_return     pass" % (g.i(10 ** 5, 10 ** 7), g.i(10 ** 5, 10 ** 7), g.v("jwt"))}


@T("devtools-console-log")
def _(g):
    return {"text": "auth.js:42 [auth] token refreshed {accessToken: '%s', expiresIn: 900}\nVM512:1 Uncaught (in promise) TypeError: Cannot read properties of undefined (reading 'items')\n    at CartView.render (cart.js:118:23)" % g.v("jwt")}


@T("nghttp-verbose")
def _(g):
    return {"text": "[  0.031] send HEADERS frame <length=412, flags=0x25, stream_id=13>\n          ; END_STREAM | END_HEADERS | PRIORITY\n          :method: GET\n          :path: /v1/orders?limit=20\n          :scheme: https\n          :authority: api.lumenpay.com\n          authorization: Bearer %s\n          accept: */*\n[  0.118] recv (stream_id=13) :status: 200" % g.v("jwt")}


@T("k8s-sa-token-cat")
def _(g):
    return {"text": "root@web-7d9f8c-xk2lp:/# cat /var/run/secrets/kubernetes.io/serviceaccount/token\n%s\nroot@web-7d9f8c-xk2lp:/# cat /var/run/secrets/kubernetes.io/serviceaccount/namespace\nshop" % g.v("jwt", True)}


@T("jmeter-jmx")
def _(g):
    return {"xml": '<HeaderManager guiclass="HeaderPanel" testclass="HeaderManager" testname="Auth header">\n  <collectionProp name="HeaderManager.headers">\n    <elementProp name="" elementType="Header">\n      <stringProp name="Header.name">Authorization</stringProp>\n      <stringProp name="Header.value">Bearer %s</stringProp>\n    </elementProp>\n  </collectionProp>\n</HeaderManager>' % g.v("jwt")}


@T("artillery-yml")
def _(g):
    return {"text": "config:\n  target: https://api.lumenpay.com\n  phases:\n    - duration: 60\n      arrivalRate: 20\n  defaults:\n    headers:\n      authorization: 'Bearer %s'\nscenarios:\n  - flow:\n      - get:\n          url: /v1/balance" % g.v("jwt")}


@T("mitmdump-output")
def _(g):
    return {"text": "192.168.0.14:53422: GET https://api.quillfeather.io/me\n    Host: api.quillfeather.io\n    Cookie: qf_session=%s; theme=dark\n    User-Agent: Quill/4.2 (iPhone; iOS 18.1)\n << 200 OK 312b" % g.v("jwt")}


@T("apigw-test-invoke-log")
def _(g):
    return {"text": "Execution log for request %s\nWed Dec 02 10:41:13 UTC 2026 : Starting execution for request: %s\nWed Dec 02 10:41:13 UTC 2026 : HTTP Method: GET, Resource Path: /profile\nWed Dec 02 10:41:13 UTC 2026 : Method request headers: {Authorization=Bearer %s, Accept=application/json}\nWed Dec 02 10:41:13 UTC 2026 : Method completed with status: 200" % (
        g.n("uuid"), g.n("uuid"), g.v("jwt", True))}


@T("cognito-initiate-auth-json")
def _(g):
    return {"ChallengeParameters": {}, "AuthenticationResult": {"AccessToken": g.v("jwt", True), "ExpiresIn": 3600, "TokenType": "Bearer",
                                                                 "IdToken": g.v("jwt", True)}}


@T("hls-m3u8-playlist")
def _(g):
    t = g.v("jwt")
    segs = "\n".join("#EXTINF:6.006,\nseg_%05d.ts?token=%s" % (i, t) for i in range(3))
    return {"text": "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:7\n#EXT-X-MEDIA-SEQUENCE:%d\n%s" % (g.i(100, 9000), segs)}


@T("sse-event-stream")
def _(g):
    return {"text": "event: session\ndata: {\"type\":\"session.created\",\"token\":\"%s\"}\n\nevent: ping\ndata: {}\n\n" % g.v("jwt")}


@T("playwright-storage-state")
def _(g):
    return {"cookies": [{"name": "__Host-auth", "value": g.v("jwt"), "domain": "app.kestrelworks.dev", "path": "/", "expires": int(g.n("epoch")), "httpOnly": True, "secure": True, "sameSite": "Lax"}],
            "origins": [{"origin": "https://app.kestrelworks.dev", "localStorage": [{"name": "onboarding_done", "value": "true"}]}]}

# ---- medical


@T("operative-report")
def _(g):
    return {"text": "OPERATIVE REPORT\nPatient: %s    MRN: %s    DOS: %s\nPreoperative diagnosis: Right hip fracture (%s)\nPostoperative diagnosis: Same\nProcedure: Cephalomedullary nailing, right femur\nSurgeon: Dr. %s   Anesthesia: General\nEBL: 150 mL   Complications: none" % (
        g.n("name"), g.v("mrn"), g.n("date"), g.custom("icd10", "S72.001A"), g.n("last"))}


@T("pathology-report")
def _(g):
    return {"text": "SURGICAL PATHOLOGY REPORT   Accession: S26-%05d\nName: %s   Med Rec #: %s   Sex: F\nSpecimen: Left breast, core needle biopsy\nFinal diagnosis: Invasive ductal carcinoma, Nottingham grade 2\nICD-10: %s\nER: positive (95%%)  PR: positive  HER2: 1+ (negative)" % (
        g.i(0, 99999), g.n("name"), g.v("mrn"), g.custom("icd10", g.c(["C50.912", "C50.411", "C50.911"])))}


@T("chiropractic-soap-note")
def _(g):
    return {"text": "S: Pt reports low back pain 6/10, worse after sitting.\nO: Restricted lumbar flexion, hypertonic L paraspinals.\nA: %s Low back pain, unspecified; M99.03 segmental dysfunction lumbar region\nP: CMT lumbar, ice, HEP. Re-eval 2 wks.\nIns: %s  Member ID %s" % (
        g.custom("icd10", "M54.50"), g.c(["Aetna PPO", "Cigna OAP", "Humana Gold"]), g.v("member"))} if _m9903(g) else None


def _m9903(g):
    g.custom("icd10", "M99.03")
    return True


@T("pt-plan-of-care")
def _(g):
    return {"text": "PHYSICAL THERAPY PLAN OF CARE\nPatient: %s  MRN %s\nTreatment diagnosis: %s; %s\nFrequency: 2x/week x 8 weeks\nGoals: independent stairs with rail; knee flexion to 110 deg\nCertification period: %s to %s" % (
        g.n("name"), g.v("mrn"), g.custom("icd10", "M17.11"), g.custom("icd10", "Z96.651"), g.n("date"), g.n("date"))}


@T("oasis-assessment")
def _(g):
    return {"text": "OASIS-E START OF CARE\nM0020 Patient ID Number (agency MRN): %s\nM0063 Medicare Number: %s\nM0064 SSN: %s\nM1021 Primary Diagnosis: %s\nM1023 Other Diagnoses: %s, %s\nM1800 Grooming: 1" % (
        g.v("mrn"), g.v("mbiraw"), g.v("ssn"), g.v("icd"), g.v("icd"), g.v("icd"))}


@T("sleep-study-report")
def _(g):
    return {"text": "POLYSOMNOGRAPHY REPORT\nPatient: %s   DOB: %s   MRN: %s\nReferring: Dr %s\nAHI: %.1f events/hr   Lowest SpO2: %d%%\nImpression: Obstructive sleep apnea, moderate (%s). CPAP titration recommended." % (
        g.n("name"), g.n("dob"), g.v("mrn"), g.n("last"), g.i(150, 290) / 10, g.i(78, 88), g.custom("icd10", "G47.33"))}


@T("ub04-ocr")
def _ub04_ocr(g):
    a, b = g.v("icd"), g.v("icd")
    g.swap(a, a.replace(".", ""))
    g.swap(b, b.replace(".", ""))
    return {"text": "FL 3a PAT CNTL # %d   FL 3b MED REC # %s\nFL 8 PATIENT NAME %s\nFL 50 PAYER NAME MEDICARE PART A\nFL 60 INSURED'S UNIQUE ID %s\nFL 67 PRIN DIAG CD %s   FL 67A %s\nFL 76 ATTENDING NPI %s" % (
        g.i(100000, 999999), g.v("mrn"), g.n("name").upper(), g.v("mbiraw"), a.replace(".", ""), b.replace(".", ""), g.n("npi"))}


@T("x12-837p-claim")
def _(g):
    a, b = g.v("icd"), g.v("icd")
    aa, bb = a.replace(".", ""), b.replace(".", "")
    g.swap(a, aa)
    g.swap(b, bb)
    return {"edi": "ST*837*0021*005010X222A1~BHT*0019*00*%d*20261202*1015*CH~NM1*85*2*HARBORLANE FAMILY MEDICINE*****XX*%s~HL*2*1*22*0~SBR*P*18*GRP%d******CI~NM1*IL*1*%s*%s****MI*%s~DMG*D8*19710522*F~CLM*PCN%d*185***11:B:1*Y*A*Y*Y~HI*ABK:%s*ABF:%s~LX*1~SV1*HC:99214*185*UN*1***1~DTP*472*D8*20261201~SE*14*0021~" % (
        g.i(1000, 9999), g.n("npi"), g.i(1000, 9999), g.n("last").upper(), g.n("first").upper(), g.v("member"), g.i(10000, 99999), aa, bb)}


@T("ihe-xds-submitset")
def _(g):
    m = g.v("mrn")
    return {"xml": '<rim:ExtrinsicObject id="Document01" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1"><rim:Slot name="sourcePatientId"><rim:ValueList><rim:Value>%s^^^&amp;1.2.840.113619.6.197&amp;ISO</rim:Value></rim:ValueList></rim:Slot><rim:Slot name="sourcePatientInfo"><rim:ValueList><rim:Value>PID-3|%s^^^HLH&amp;1.2.840.113619.6.197&amp;ISO^MR</rim:Value><rim:Value>PID-5|%s^%s</rim:Value></rim:ValueList></rim:Slot></rim:ExtrinsicObject>' % (m, m, g.n("last").upper(), g.n("first").upper())}


@T("chinese-medical-record")
def _(g):
    return {"text": "门诊病历\n姓名：%s  性别：男  年龄：56岁\n病历号：%s\n医保卡号：%s\n诊断：2型糖尿病（ICD-10：%s）；高血压（%s）\n医嘱：二甲双胍 0.5g 每日两次" % (
        g.n("last"), g.v("mrn"), g.custom("health_insurance_number", "%d%s" % (g.i(1, 9), g.s(string.digits, 9))), g.custom("icd10", "E11.9"), g.custom("icd10", "I10"))}


@T("patient-transport-request")
def _(g):
    return {"request": {"id": "PT-%d" % g.i(1000, 99999), "from": "ED Bay 7", "to": "CT Scanner 2", "mode": "stretcher", "isolation": "contact",
                        "patient": {"display": g.n("name"), "mrn": g.v("mrn")}, "priority": "STAT", "requested_by": "RN %s" % g.n("last")}}


@T("adc-dispense-log")
def _(g):
    return {"text": "Pyxis MedStation 4000 | Unit 5W | %s 02:14\nUser: %s RN  Patient: %s  MRN: %s\nRemove: HYDROmorphone 1 mg/mL inj  Qty 1  Pocket 3-B-12\nWitness: not required  Override: N" % (
        g.n("date"), g.n("last"), g.n("name"), g.v("mrn"))}


@T("blood-gas-printout")
def _(g):
    return {"text": "RAPIDPoint 500  Sample: Arterial\nPatient ID (MRN): %s\nLast name: %s\npH 7.31  pCO2 52 mmHg  pO2 64 mmHg\nHCO3 25.6  SO2 91%%  FIO2 40%%\nOperator: RT%d   %s 04:51" % (g.v("mrn"), g.n("last").upper(), g.i(10, 99), g.n("date"))}


@T("diet-order-ticket")
def _(g):
    return {"text": "*** DIET ORDER ***\nRoom 412-B   %s   MRN %s\nDiet: Consistent carbohydrate, 2 g sodium\nAllergies: shellfish\nDx: %s\nTray: Lunch" % (g.n("name"), g.v("mrn"), g.v("icd"))}


@T("or-schedule-csv")
def _(g):
    rows = ["room,start,mrn,procedure,dx_code,surgeon"]
    for _ in range(3):
        rows.append("OR%d,%02d:%02d,%s,%s,%s,Dr %s" % (g.i(1, 9), g.i(7, 16), g.c([0, 15, 30, 45]), g.v("mrn"), g.c(["Lap chole", "TKA right", "ORIF wrist"]), g.v("icd"), g.n("last")))
    return {"text": "\n".join(rows)}


@T("immunization-record")
def _(g):
    return {"text": "IMMUNIZATION HISTORY\nPatient: %s  DOB %s  Chart #(MRN): %s\nInsurance: Medicaid  ID %s\n%s  Influenza, quadrivalent  Lot UT%d  L deltoid\n%s  Tdap  Lot %s  R deltoid\nEncounter dx: %s" % (
        g.n("name"), g.n("dob"), g.v("mrn"), g.v("cin"), g.n("date"), g.i(1000, 9999), g.n("date"), g.s(string.ascii_uppercase + string.digits, 6), g.custom("icd10", "Z23"))}


@T("death-certificate-text")
def _(g):
    return {"text": "CERTIFICATE OF DEATH - CAUSE OF DEATH (Part I)\na. Immediate cause: Acute myocardial infarction   ICD-10: %s\nb. Due to: Atherosclerotic heart disease   ICD-10: %s\nc. Due to: Type 2 diabetes mellitus   ICD-10: %s\nManner of death: Natural   Decedent SSN: %s" % (
        g.custom("icd10", "I21.9"), g.custom("icd10", "I25.10"), g.custom("icd10", "E11.9"), g.v("ssn"))}


@T("coding-quiz-worksheet")
def _(g):
    return {"text": "CPC prep - ICD-10-CM practice set 7\n1. Type 2 DM with hyperglycemia -> answer: %s\n2. Moderate persistent asthma, uncomplicated -> answer: J45.40\n3. Screening mammogram -> answer: %s\n(Check against the tabular list; don't code from the index alone.)" % (
        g.custom("icd10", "E11.65"), g.custom("icd10", "Z12.31"))} if _j4540(g) else None


def _j4540(g):
    g.custom("icd10", "J45.40")
    return True


@T("hcc-risk-extract-csv")
def _(g):
    rows = ["mbi,dos,dx_code,hcc_v28,provider_npi"]
    for _ in range(3):
        rows.append("%s,%s,%s,%d,%s" % (g.v("mbiraw"), g.n("date"), g.v("icd"), g.i(17, 280), g.n("npi")))
    return {"file": "ra_submission_q4.csv", "text": "\n".join(rows)}


@T("partd-enrollment-form")
def _(g):
    return {"text": "MEDICARE PRESCRIPTION DRUG PLAN ENROLLMENT FORM\nLast name: %s   First: %s\nPhone: %s\nMedicare Number: %s\nPart A effective: 01/01/2026  Part B effective: 01/01/2026\nPaying by: automatic deduction from Social Security" % (
        g.n("last"), g.n("first"), g.v("phone_us"), g.v("mbi"))}


@T("cobra-election-notice")
def _(g):
    return {"text": "COBRA CONTINUATION COVERAGE ELECTION NOTICE\nQualified beneficiary: %s\nPlan: Kestrel Works Medical PPO    Subscriber ID: %s\nCoverage ends: %s\nElection deadline: 60 days from this notice\nMonthly premium: $%d.00" % (
        g.n("name"), g.v("member"), g.n("date"), g.i(500, 2200))}


@T("au-gp-online-booking")
def _(g):
    return {"booking": {"practice": "Harbour Lane Medical", "patient": g.n("name"), "mobile": g.v("phone", "au"), "medicare_card_number": g.v("aumed"), "reason": "repeat script", "slot": g.n("date") + "T09:15"}}


@T("ohip-clinic-registration")
def _(g):
    return {"text": "WALK-IN REGISTRATION\nName: %s\nOntario Health Card (OHIP) #: %s\nPhone: %s\nReason for visit: sore throat x3 days\nDx (billing): %s" % (
        g.n("name"), g.v("ohip"), g.v("phone_us"), g.custom("icd10", "J02.9"))}


@T("kvnr-rezept-de")
def _(g):
    return {"text": "Muster 16 – Kassenrezept\nKrankenkasse: Techniker Krankenkasse   Kostenträgerkennung: 1%08d\nName, Vorname: %s\nVersicherten-Nr.: %s   Status: 1000000\nBetriebsstätten-Nr.: %09d   Arzt-Nr.: %09d\nRp. Metformin 1000 mg N3\nDiagnose: %s" % (
        g.i(0, 99999999), g.n("name"), g.v("kvnr"), g.i(0, 999999999), g.i(0, 999999999), g.custom("icd10", "E11.9"))}


@T("jp-hokensho-text")
def _(g):
    kigo = "%d-%d" % (g.i(10, 99), g.i(100, 999))
    ban = "%d" % g.i(1000, 99999)
    val = g.custom("health_insurance_number", "記号 %s  番号 %s" % (kigo, ban))
    return {"text": "健康保険被保険者証\n%s\n氏名 %s\n保険者番号 %08d\n交付 令和7年4月1日" % (val, g.n("name"), g.i(1000000, 99999999))}


@T("pharmacy-pms-claim-note")
def _(g):
    return {"note": "Called NY Medicaid help desk re: rejected claim. Client ID (CIN) %s. Override granted for early refill, diagnosis %s documented by prescriber. Ref %d." % (
        g.v("cin"), g.v("icd"), g.i(10 ** 6, 10 ** 7))}


@T("telehealth-visit-api-json")
def _(g):
    return {"visit": {"id": g.n("uuid"), "patient": {"mrn": g.v("mrn"), "coverage": [{"payer": "Blue Cross", "subscriberId": g.v("member"), "relationship": "self"}]},
                      "reason": {"text": "UTI symptoms", "codes": [{"system": "ICD-10-CM", "code": g.custom("icd10", "N39.0")}]}}}


@T("informe-urgencias-es")
def _(g):
    return {"text": "Informe de alta de Urgencias – Hospital Comarcal\nPaciente: %s, N.º de historia (MRN) %s. Dx: neumonía adquirida en la comunidad (%s). Afebril, SatO2 95%% con 2 L. Se pauta amoxicilina-clavulánico y control por su médico de cabecera." % (
        g.n("name"), g.v("mrn"), g.custom("icd10", "J18.9"))}


@T("nl-afspraakbevestiging")
def _(g):
    return {"text": "Afspraakbevestiging polikliniek Cardiologie\nPatiënt: %s  Patiëntnummer (MRN): %s\nDatum: %s om 10:40, route 42\nNeem uw identiteitsbewijs en medicijnlijst mee." % (
        g.n("name"), g.v("mrn"), g.n("date"))}


# ================================================================= hard negatives


@T("fix-protocol")
def _(g):
    fields = ["8=FIX.4.4", "9=%d" % g.i(120, 300), "35=D", "34=%d" % g.i(1, 9999), "49=KWTRADER", "56=BROKERX", "52=20261202-10:14:%02d.%03d" % (g.i(0, 59), g.i(0, 999)),
              "11=%s" % g.n("neg16"), "1=ACC%d" % g.i(10000, 99999), "55=AAPL", "54=1", "38=%d" % g.i(1, 900), "40=2", "44=%d.%02d" % (g.i(100, 300), g.i(0, 99)), "10=%03d" % g.i(0, 255)]
    return {"raw": "\x01".join(fields) + "\x01"}


@T("iata-bcbp")
def _(g):
    return {"scan": "M1%-20sE%s %s%s %s %04d %03dY%03dA%04d 100" % (
        (g.n("last") + "/" + g.n("first")).upper()[:20], g.s(string.ascii_uppercase + string.digits, 6), g.c(["AMS", "LHR", "CDG"]), g.c(["JFKKL", "SFOBA", "YULAF"]), "%04d" % g.i(600, 6999), g.i(1, 366), g.i(1, 60), g.i(1, 99), g.i(1, 999))}


@T("bai2-file")
def _(g):
    return {"text": "01,122000661,KESTREL,261202,0600,1,,,2/\n02,KESTREL,121000248,1,261201,2400,USD,2/\n03,%s,USD,010,%d,,,015,%d,,/\n16,195,%d,Z,%s,%s/\n49,%d,3/\n98,%d,1,5/\n99,%d,1,7/" % (
        g.i(10 ** 9, 10 ** 10), g.i(10 ** 5, 10 ** 8), g.i(10 ** 5, 10 ** 8), g.i(100, 10 ** 6), g.n("neg16"), g.n("order9"), g.i(10 ** 5, 10 ** 8), g.i(10 ** 5, 10 ** 8), g.i(10 ** 5, 10 ** 8))}


@T("iso20022-pain001")
def _(g):
    return {"xml": "<CstmrCdtTrfInitn><GrpHdr><MsgId>KW-%s</MsgId><CreDtTm>%sT09:00:00</CreDtTm><NbOfTxs>1</NbOfTxs></GrpHdr><PmtInf><PmtInfId>%s</PmtInfId><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct><CdtTrfTxInf><PmtId><EndToEndId>%s</EndToEndId></PmtId><Amt><InstdAmt Ccy=\"EUR\">%d.00</InstdAmt></Amt><CdtrAcct><Id><IBAN>%s</IBAN></Id></CdtrAcct><RmtInf><Ustrd>INVOICE %s</Ustrd></RmtInf></CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn>" % (
        g.s(HEX, 10).upper(), g.n("date"), g.n("neg16"), g.n("iban"), g.n("neg16"), g.i(10, 9000), g.n("iban"), g.n("order9"))}


@T("jvm-gc-log")
def _(g):
    return {"text": "[%d.%03ds][info][gc] GC(%d) Pause Young (Normal) (G1 Evacuation Pause) %dM->%dM(%dM) %d.%03dms\n[%d.%03ds][info][gc,heap] GC(%d) Eden regions: %d->0(%d)" % (
        g.i(100, 99999), g.i(0, 999), g.i(1, 9999), g.i(200, 900), g.i(50, 199), g.i(1024, 4096), g.i(1, 40), g.i(0, 999), g.i(100, 99999), g.i(0, 999), g.i(1, 9999), g.i(10, 99), g.i(10, 99))}


@T("keytool-list-output")
def _(g):
    fp = ":".join(g.s("0123456789ABCDEF", 2) for _ in range(32))
    return {"text": "Keystore type: PKCS12\nKeystore provider: SUN\n\nYour keystore contains 1 entry\n\nserver, %s, PrivateKeyEntry,\nCertificate fingerprint (SHA-256): %s" % (g.n("date"), fp)}


@T("ssh-add-list")
def _(g):
    return {"text": "$ ssh-add -L\n%s %s\n%s deploy@ci" % (g.n("sshpub"), g.n("first").lower() + "@laptop", g.n("sshpub", "rsa"))}


@T("known-hosts")
def _(g):
    return {"path": "~/.ssh/known_hosts", "text": "|1|%s=|%s= %s\ngithub.com %s\n[10.0.4.2]:2222 %s" % (
        g.s(B64, 27), g.s(B64, 27), g.n("sshpub")[:0] + "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB" + g.s(B64, 87) + "=", g.n("sshpub"), g.n("sshpub", "rsa"))}


@T("authorized-keys-options")
def _(g):
    return {"text": 'command="/usr/local/bin/backup-only",no-port-forwarding,no-pty,from="10.0.0.0/8" %s backup@nas\n%s %s' % (g.n("sshpub"), g.n("sshpub", "rsa"), g.n("first").lower())}


@T("klist-output")
def _(g):
    return {"text": "Ticket cache: KCM:1000\nDefault principal: %s@CORP.LOCAL\n\nValid starting       Expires              Service principal\n12/02/2026 08:01:12  12/02/2026 18:01:12  krbtgt/CORP.LOCAL@CORP.LOCAL\n\trenew until 12/09/2026 08:01:10" % g.n("first").lower()}


@T("oidc-discovery-json")
def _(g):
    return {"issuer": "https://login.kestrelworks.dev", "authorization_endpoint": "https://login.kestrelworks.dev/oauth2/authorize", "token_endpoint": "https://login.kestrelworks.dev/oauth2/token",
            "jwks_uri": "https://login.kestrelworks.dev/.well-known/jwks.json", "response_types_supported": ["code", "id_token"], "id_token_signing_alg_values_supported": ["RS256", "ES256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"], "claims_supported": ["sub", "email", "phone_number", "name"]}


@T("troff-manpage")
def _(g):
    return {"text": '.TH PWGEN 1 "December 2026"\n.SH NAME\npwgen \\- generate pronounceable passwords\n.SH OPTIONS\n.TP\n.B \\-s, \\-\\-secure\nGenerate completely random passwords.\n.TP\n.B \\-y\nInclude at least one special symbol in the password.'}


@T("pg-hba-conf")
def _(g):
    return {"text": "# TYPE  DATABASE  USER      ADDRESS         METHOD\nlocal   all       postgres                  peer\nhost    all       all       10.%d.0.0/16     scram-sha-256\nhostssl replication replicator 10.%d.4.0/24 scram-sha-256\nhost    all       all       0.0.0.0/0       reject" % (g.i(0, 255), g.i(0, 255))}


@T("htpasswd")
def _(g):
    return {"path": "/etc/nginx/.htpasswd", "text": "%s:$apr1$%s$%s\n%s:%s" % (g.n("first").lower(), g.s(ALNUM, 8), g.s(ALNUM + "./", 22), g.n("first").lower(), g.n("bcrypt"))}


@T("caddyfile")
def _(g):
    return {"text": "admin.pelicanbay.net {\n\tbasicauth /* {\n\t\tops %s\n\t}\n\treverse_proxy 127.0.0.1:8080\n}" % g.n("bcrypt")}


@T("firefox-logins-json")
def _(g):
    return {"nextId": 3, "logins": [{"id": 1, "hostname": "https://portal.mossgrove.co.uk", "encryptedUsername": "ME" + g.s(B64, 70) + "=", "encryptedPassword": "ME" + g.s(B64, 86) + "==",
                                     "guid": "{%s}" % g.n("uuid"), "encType": 1, "timeCreated": int(g.n("epochms")), "timesUsed": g.i(1, 90)}], "version": 3}


@T("sealed-secret-yaml")
def _(g):
    return {"text": "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db-credentials\n  namespace: shop\nspec:\n  encryptedData:\n    password: AgB%s\n    username: AgA%s" % (g.s(B64, 300), g.s(B64, 200))}


@T("dependabot-yml")
def _(g):
    return {"text": "version: 2\nregistries:\n  npm-internal:\n    type: npm-registry\n    url: https://npm.kestrelworks.dev\n    token: ${{secrets.NPM_INTERNAL_TOKEN}}\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    registries: [npm-internal]\n    schedule:\n      interval: weekly"}


@T("fortigate-config")
def _(g):
    return {"text": "config system admin\n    edit \"admin\"\n        set accprofile \"super_admin\"\n        set vdom \"root\"\n        set password ENC SH2%s\n    next\nend" % g.s(ALNUM + "+/", 60)}


@T("junos-set-config")
def _(g):
    return {"text": 'set system login user netops class super-user\nset system login user netops authentication encrypted-password "%s"\nset system services ssh protocol-version v2' % g.n("sha512crypt")}


@T("kickstart-cfg")
def _(g):
    return {"text": "lang en_US.UTF-8\nrootpw --iscrypted %s\nuser --name=ops --iscrypted --password=%s\nfirewall --enabled --service=ssh" % (g.n("sha512crypt"), g.n("sha512crypt"))}


@T("html-sri-tags")
def _(g):
    return {"html": '<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="sha384-%s" crossorigin="anonymous"></script>\n<link rel="stylesheet" href="/static/app.css" integrity="sha256-%s=">' % (g.s(B64, 64), g.s(B64, 43))}


@T("go-sum")
def _(g):
    return {"text": "github.com/google/uuid v1.6.0 h1:%s=\ngithub.com/google/uuid v1.6.0/go.mod h1:%s=\ngolang.org/x/crypto v0.31.0 h1:%s=" % (g.s(B64, 43), g.s(B64, 43), g.s(B64, 43))}


@T("nix-flake-lock")
def _(g):
    return {"nodes": {"nixpkgs": {"locked": {"lastModified": int(g.n("epoch")), "narHash": "sha256-%s=" % g.s(B64, 43), "owner": "NixOS", "repo": "nixpkgs", "rev": g.n("sha1"), "type": "github"}}}, "root": "root", "version": 7}


@T("apksigner-output")
def _(g):
    return {"text": "Signer #1 certificate DN: CN=Quill Feather, OU=Mobile, O=Quill, C=NL\nSigner #1 certificate SHA-256 digest: %s\nSigner #1 certificate SHA-1 digest: %s\nSigner #1 key algorithm: RSA\nSigner #1 key size (bits): 4096" % (g.n("sha256"), g.n("sha1"))}


@T("mapbox-gl-html")
def _(g):
    tok = "pk.eyJ1IjoicXVpbGxmZWF0aGVyIiwiYSI6I" + g.s(B64U, 30) + "." + g.s(B64U, 22)
    return {"html": "<div id=\"map\"></div>\n<script>\nmapboxgl.accessToken = '%s';\nconst map = new mapboxgl.Map({ container: 'map', style: 'mapbox://styles/mapbox/streets-v12', center: [4.89, 52.37], zoom: 11 });\n</script>" % tok}


@T("aws-cli-setup-readme")
def _(g):
    return {"markdown": "Configure the CLI (values below are the placeholders from the AWS docs):\n\n```ini\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = us-west-2\n```"}


@T("config-sample-file")
def _(g):
    return {"text": "# config.sample.toml - copy to config.toml\n[database]\nurl = \"postgres://USER:PASSWORD@localhost:5432/app\"\n\n[stripe]\nsecret_key = \"<your-stripe-secret-key>\"\n\n[github]\ntoken = \"${GITHUB_TOKEN}\"\n\n[smtp]\npassword = \"\"  # set via SMTP_PASSWORD"}


@T("order-thank-you-text")
def _(g):
    return {"text": "Thanks for your order #%s!\nPaid with Visa ending in %s (•••• •••• •••• %s)\nAuth code: %s\nTotal: €%d.%02d" % (g.n("order9"), g.n("last4"), g.n("last4"), g.s(string.ascii_uppercase + string.digits, 6), g.i(5, 400), g.i(0, 99))}


@T("utility-bill-text")
def _(g):
    return {"text": "ENERGIE NOORD – Jaarafrekening\nKlantnummer: %s\nAansluiting EAN: 871%s\nMeternummer: %s\nVerbruik: %d kWh\nTe betalen: € %d,%02d" % (
        g.n("neg16"), g.s(string.digits, 15), g.s(string.digits, 10), g.i(1200, 5000), g.i(50, 900), g.i(0, 99))}


@T("ils-overdue-notice-batch")
def _(g):
    return {"text": "Overdue notices batch\n" + "\n".join("barcode 2%s  item 3%s  due %s" % (g.s(string.digits, 13), g.s(string.digits, 13), g.n("date")) for _ in range(3))}


@T("gsma-imei-check-report")
def _(g):
    return {"text": "Device check report\nIMEI: %s\nBlocklist status: CLEAN\nModel: Galaxy S24 (SM-S921B)\nCarrier lock: unlocked\nReport id: %s" % (g.n("imei"), g.n("uuid"))}


@T("vin-decoder-output")
def _(g):
    vin = g.c(["1HGCM82633A", "WVWZZZ1JZXW", "JH4KA8260MC", "5YJ3E1EA7KF"]) + g.s("0123456789", 6)
    return {"result": {"VIN": vin, "Make": "HONDA", "ModelYear": str(g.i(2005, 2026)), "PlantCountry": "JAPAN", "ErrorCode": "0"}}


@T("orcid-researcher-profile")
def _(g):
    while True:
        d = "0000000%s" % g.s(string.digits, 9)
        if not luhn_ok(d):
            break
    return {"orcid-identifier": {"path": "%s-%s-%s-%s" % (d[:4], d[4:8], d[8:12], d[12:]), "host": "orcid.org"}, "works": {"count": g.i(1, 90)}, "affiliation": "Dept. of Epidemiology"}


@T("ap-vendor-master-list")
def _(g):
    return {"text": "Vendor master (1099 eligible)\n" + "\n".join("%-28s EIN %s  1099-NEC  remit to P.O. Box %d" % (g.c(["Harbor Lane Cleaning LLC", "Saltmarsh Print Co", "Kestrel Plumbing Inc"]), g.n("ein"), g.i(100, 9999)) for _ in range(3))}


@T("ssa-invalid-ssn-doc")
def _(g):
    return {"text": "Validation notes: reject SSNs with area 000, 666 or 900-999 (e.g. 000-12-3456, 666-45-1234, 912-34-5678), group 00 (123-00-4567) or serial 0000 (123-45-0000). These never identify a person."}


@T("provider-directory-csv")
def _(g):
    rows = ["npi,provider,specialty,office_fax"]
    for _ in range(3):
        rows.append("%s,Dr %s,%s,FAX-%d" % (g.n("npi"), g.n("last"), g.c(["Cardiology", "Dermatology", "Pediatrics"]), g.i(1000, 9999)))
    return {"text": "\n".join(rows)}


@T("van-route-manifest-uk")
def _(g):
    pcs = ["E11 3QA", "N18 2RT", "E10 6PX", "L40 9QZ", "G43 1LD"]
    return {"text": "Delivery round %d (van %s)\nStops: %s\nDepot: Leyton" % (g.i(1, 40), g.c(["KX21 ABC", "LD70 XYZ"]), ", ".join(g.c(pcs) for _ in range(4)))}


@T("motorcycle-service-invoice")
def _(g):
    return {"text": "Service invoice notes: oil filter S72-001 fits the E46 and E90 chassis; wiper blade kit C50-911 (pair); bulb H11 / H7; fuse F10 20A."}


@T("gaming-patch-notes")
def _(g):
    return {"text": "Patch 4.2: Map B12 lighting fixed, K9 companion no longer clips through walls, grenade G43 damage reduced 10%, T78 tank armor buffed."}


@T("hospital-facilities-po")
def _(g):
    return {"text": "PURCHASE ORDER – Facilities & Supply Chain\nPO %s\nLine 1: N95 respirator masks (3M 1860), 20 cases\nLine 2: Nitrile gloves size M, 40 boxes\nDeliver to: Dock B, Building C10\nCost centre %d" % (g.n("order9"), g.i(1000, 9999))}


@T("pharmacy-chatbot-faq-answer")
def _(g):
    return {"text": "Type 2 diabetes often develops slowly. Common signs include thirst, frequent urination and fatigue. A fasting glucose test or an HbA1c test can confirm the diagnosis; lifestyle change and metformin are usual first steps."}


@T("signup-form-html")
def _(g):
    return {"html": "<h2>Password requirements</h2><ul><li>At least 12 characters</li><li>One uppercase letter, one number and one symbol</li><li>Your password can't contain your username</li></ul><p>Forgot your password? <a href=\"/reset\">Reset it</a>.</p>"}


@T("gunicorn-app-log")
def _(g):
    return {"text": "%sT10:12:%02dZ WARN  auth: login failed for user=%s reason=invalid_password attempts=%d ip=%s\n%sT10:12:%02dZ INFO  auth: account locked after 5 failed password attempts user=%s" % (
        g.n("date"), g.i(0, 59), g.n("first").lower(), g.i(1, 5), g.n("ip"), g.n("date"), g.i(0, 59), g.n("first").lower())}


@T("pydantic-model-source")
def _(g):
    return {"path": "app/schemas/auth.py", "text": "from pydantic import BaseModel, EmailStr, SecretStr, Field\n\n\nclass SignupRequest(BaseModel):\n    email: EmailStr\n    password: SecretStr = Field(min_length=12, description=\"Plain password, hashed with argon2 before storage\")\n    password_confirm: SecretStr\n"}


@T("psql-pg-authid-output")
def _(g):
    rows = "\n".join(" %-10s | SCRAM-SHA-256$4096:%s$%s:%s" % (n, g.s(B64, 24), g.s(B64, 44), g.s(B64, 44)) for n in ["app", "replicator", "grafana"])
    return {"text": "postgres=# SELECT rolname, rolpassword FROM pg_authid WHERE rolcanlogin;\n  rolname   | rolpassword\n------------+-------------\n%s\n(3 rows)" % rows}


@T("slapd-conf")
def _(g):
    return {"text": "database mdb\nsuffix \"dc=corp,dc=local\"\nrootdn \"cn=admin,dc=corp,dc=local\"\nrootpw {SSHA}%s\ndirectory /var/lib/ldap\nindex objectClass eq" % g.s(B64, 32)}


@T("acme-sh-issue-log")
def _(g):
    return {"text": "[Wed Dec  2 04:00:12 UTC 2026] Verify finished, start to sign.\n[Wed Dec  2 04:00:14 UTC 2026] Cert success.\n%s\n[Wed Dec  2 04:00:14 UTC 2026] Your cert is in: /root/.acme.sh/shop.mossgrove.co.uk_ecc/shop.mossgrove.co.uk.cer\n[Wed Dec  2 04:00:14 UTC 2026] Your cert key is in: /root/.acme.sh/shop.mossgrove.co.uk_ecc/shop.mossgrove.co.uk.key" % g.n("cert")}


@T("saml-sp-metadata-xml")
def _(g):
    body = g.s(B64, 900) + "="
    return {"xml": '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://app.kestrelworks.dev/saml"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>MIIC%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://app.kestrelworks.dev/saml/acs" index="0"/></md:SPSSODescriptor></md:EntityDescriptor>' % body}


@T("docusaurus-mdx-page")
def _(g):
    return {"text": "Step 4: paste the deploy key into Vault (path secret/ci/deploy):\n\n-----BEGIN OPENSSH PRIVATE KEY-----\n[REDACTED – fetch from 1Password vault 'Infra']\n-----END OPENSSH PRIVATE KEY-----"}


@T("express-jwt-error-log")
def _(g):
    h = b64u(json.dumps({"alg": "RS256", "kid": g.s(HEX, 16)}, separators=(",", ":")).encode())
    return {"text": "jwt verify failed: header=%s kid not found in JWKS (keys: %s, %s)" % (h, g.s(HEX, 16), g.s(HEX, 16))}


@T("justfile")
def _(g):
    return {"path": "justfile", "text": "setup:\n    npm i lodash@4.17.21 @types/node@20.11.0\n\ndeploy host=\"%s\":\n    scp build.tgz deploy@{{host}}:/tmp/\n    ssh ops@bastion 'sudo systemctl restart app'\n\nclone:\n    git clone git@github.com:kestrelworks/api.git\n\nimage:\n    docker pull python@sha256:%s" % (g.n("ip"), g.n("sha256"))}


@T("kerberos-keytab-list")
def _(g):
    return {"text": "Keytab name: FILE:/etc/krb5.keytab\nKVNO Principal\n---- ----------------------------------\n   3 host/web01.corp.local@CORP.LOCAL (aes256-cts-hmac-sha1-96)\n   3 HTTP/web01.corp.local@CORP.LOCAL (aes128-cts-hmac-sha1-96)"}


@T("returns-portal-confirmation")
def _(g):
    return {"text": "Return label created. FedEx tracking %d. RMA %d. Invoice %s. Order %s placed %s." % (g.i(10 ** 11, 10 ** 12 - 1), g.i(10 ** 9, 10 ** 10 - 1), g.n("order9"), g.n("order9"), g.n("epoch"))}


@T("patent-citation-list")
def _(g):
    return {"text": "References cited: US %d,%03d,%03d B2; US 2021/0%06d A1; EP %d %03d %03d B1; WO 2019/%06d" % (g.i(9, 11), g.i(0, 999), g.i(0, 999), g.i(0, 999999), g.i(1, 3), g.i(0, 999), g.i(0, 999), g.i(0, 999999))}


@T("pacer-docket-header")
def _(g):
    return {"text": "Case No. %d:%02d-cv-%05d-%s  Filed %s  Docket entries 1-%d" % (g.i(1, 5), g.i(20, 26), g.i(0, 99999), g.c(["JLR", "PKC", "AMD"]), g.n("date"), g.i(10, 200))}


@T("library-acquisition-request")
def _(g):
    return {"text": "Purchase request (library)\n" + "\n".join("ISBN %s  qty %d" % (g.n("isbn"), g.i(1, 4)) for _ in range(4))}


@T("mempool-space-tx-text")
def _(g):
    return {"text": "Tx %s\nFrom bc1q%s\nTo   bc1q%s\nFee 0.0000%d BTC  Confirmations %d" % (g.n("sha256"), g.s("023456789acdefghjklmnpqrstuvwxyz", 38), g.s("023456789acdefghjklmnpqrstuvwxyz", 38), g.i(100, 999), g.i(1, 90))}


@T("fasta-sequence")
def _(g):
    return {"text": ">sp|P%05d|INS_HUMAN Insulin OS=Homo sapiens\n%s\n%s" % (g.i(0, 99999), g.s("ACDEFGHIKLMNPQRSTVWY", 60), g.s("ACDEFGHIKLMNPQRSTVWY", 50))}


@T("mollie-payment-object")
def _(g):
    return {"resource": "payment", "id": "tr_" + g.s(ALNUM, 10), "mode": "live", "amount": {"value": "%d.00" % g.i(5, 900), "currency": "EUR"}, "method": "creditcard",
            "details": {"cardNumber": g.n("last4"), "cardHolder": g.n("name"), "cardFingerprint": g.s(ALNUM, 22), "cardAudience": "consumer", "cardLabel": "Mastercard", "cardSecurity": "normal", "feeRegion": "intra-eu"},
            "profileId": "pfl_" + g.s(ALNUM, 10), "customerId": "cst_" + g.s(ALNUM, 10)}


@T("benefits-portal-dashboard-text")
def _(g):
    return {"text": "Welcome back, %s. SSN on file: ***-**-%s. Your next payment of $%d is scheduled for %s." % (g.n("first"), g.n("last4"), g.i(800, 3000), g.n("date"))}


@T("account-recovery-prompt")
def _(g):
    return {"text": "We sent a verification code to %s•••@g•••.com and to the phone ending in %s."  % (g.n("first")[0].lower(), g.n("last4")[:2])}


@T("sms-signup-form-help")
def _(g):
    return {"text": "Enter your number in E.164 format, e.g. +1XXXXXXXXXX. Numbers must include the country code. Extensions are not supported."}


@T("airport-fids-text")
def _(g):
    return {"text": "DEPARTURES  KL%d  AMS  Gate E11  BOARDING\nBA%d  LHR  Gate D50  DELAYED\nAF%d  CDG  Gate F32  ON TIME" % (g.i(100, 1999), g.i(100, 999), g.i(100, 1999))}


@T("chess-pgn")
def _(g):
    return {"text": '[Event "Club championship"]\n[White "%s"]\n[Black "%s"]\n1. e4 c5 2. Nf3 d6 3. d4 cxd4 4. Nxd4 Nf6 5. Nc3 a6 6. Be3 e5 7. Nb3 Be7 8. f3 O-O 9. Qd2 Nbd7 10. g4 b5 1/2-1/2' % (g.n("name"), g.n("name"))}


@T("aws-cdk-synth-output")
def _(g):
    return {"text": "Role arn:aws:iam::%012d:role/deploy assumed; bucket arn:aws:s3:::kw-logs-%012d; KMS key %s" % (g.i(10 ** 11, 10 ** 12 - 1), g.i(10 ** 11, 10 ** 12 - 1), g.n("uuid"))}


@T("profile-avatar-data-uri")
def _(g):
    return {"avatar": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA" + g.s(B64, 400) + "=="}


@T("lis-specimen-receipt-log")
def _(g):
    return {"text": "Specimen accession 26-HEM-%06d received %s. Container barcode %d. Test: CBC w/ diff. Status: in process." % (g.i(0, 999999), g.n("date"), g.i(10 ** 7, 10 ** 8))}


@T("payer-plan-setup-sheet")
def _(g):
    return {"text": "Plan setup: Group No. %d, RxBIN %06d, RxPCN ADV, RxGrp RX%d, Payer ID %05d (electronic claims)." % (g.i(10000, 999999), g.i(0, 999999), g.i(1000, 9999), g.i(0, 99999))}


@T("hashcat-benchmark")
def _(g):
    return {"text": "Hashmode: 3200 - bcrypt $2*$, Blowfish (Unix)\nSpeed.#1.........:    %d H/s\nHashmode: 1000 - NTLM\nSpeed.#1.........:  %d.%d GH/s" % (g.i(10000, 99999), g.i(50, 150), g.i(0, 9))}


@T("jp-takkyubin-slip")
def _(g):
    return {"text": "フリガナ：ヤマダ タロウ\n郵便番号：%03d-%04d\n住所：東京都千代田区丸の内1-%d-%d\n備考：置き配希望" % (g.i(100, 999), g.i(0, 9999), g.i(1, 9), g.i(1, 20))}


@T("hvac-sensor-export")
def _(g):
    return {"text": "ts,device,temp_c,rh\n" + "\n".join("%s,%s,%d.%d,%d" % (g.n("epochms"), "th-" + g.s(HEX, 6), g.i(15, 30), g.i(0, 9), g.i(30, 70)) for _ in range(4))}

# ---- later additions


@T("gettext-po")
def _(g):
    return {"path": "locale/nl/LC_MESSAGES/app.po", "text": 'msgid ""\nmsgstr ""\n"Project-Id-Version: quill 4.2\\n"\n"Last-Translator: %s <%s>\\n"\n"Language-Team: Dutch <%s>\\n"\n"Language: nl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Save draft"\nmsgstr "Concept opslaan"' % (g.n("name"), g.v("email"), g.v("email"))}


@T("xliff-translation")
def _(g):
    p = g.v("phone_uk")
    return {"xml": '<xliff version="1.2"><file source-language="en" target-language="de" datatype="plaintext" original="support.strings"><body><trans-unit id="support.hotline"><source>Call our support line on %s (Mon-Fri 9-17).</source><target>Rufen Sie unsere Hotline unter %s an (Mo-Fr 9-17 Uhr).</target></trans-unit></body></file></xliff>' % (p, p)}


@T("android-strings-xml")
def _(g):
    return {"path": "app/src/main/res/values/strings.xml", "xml": '<resources>\n    <string name="app_name">Harbour Lane</string>\n    <string name="clinic_phone">%s</string>\n    <string name="after_hours_msg">Outside opening hours call %s</string>\n</resources>' % (g.v("phone_uk"), g.v("phone_uk"))}


@T("srt-subtitles")
def _(g):
    p = g.v("phone_us")
    return {"text": "41\n00:03:12,480 --> 00:03:15,990\nIf you have questions, call me directly\n\n42\n00:03:16,000 --> 00:03:19,250\nat %s, that's my cell.\n" % p}


@T("robot-framework-suite")
def _(g):
    return {"text": "*** Settings ***\nLibrary    SeleniumLibrary\n\n*** Variables ***\n${LOGIN URL}    https://staging.quillfeather.io/login\n${USERNAME}     qa-admin\n${PASSWORD}     %s\n\n*** Test Cases ***\nValid Login\n    Open Browser    ${LOGIN URL}    chrome\n    Input Text    id=username    ${USERNAME}\n    Input Password    id=password    ${PASSWORD}" % g.v("pw")}


@T("gherkin-feature")
def _(g):
    return {"path": "features/checkout.feature", "text": "Feature: Checkout\n  Scenario: pay with a card\n    Given I have 2 items in my basket\n    When I pay with card number \"%s\" expiry \"12/%d\" and CVC \"%s\"\n    Then I see the order confirmation" % (g.v("cardpub"), g.i(27, 31), g.v("cvv"))}


@T("supervisord-conf")
def _(g):
    return {"text": "[program:worker]\ncommand=/srv/app/venv/bin/celery -A app worker -l info\ndirectory=/srv/app\nuser=app\nautorestart=true\nenvironment=SENDGRID_API_KEY=\"%s\",HF_TOKEN=\"%s\"" % (g.v("key", "sg"), g.v("key", "hf"))}


@T("dme-cmn-form")
def _(g):
    return {"text": "CERTIFICATE OF MEDICAL NECESSITY CMS-484 - OXYGEN\nSECTION A  Patient name: %s   Medicare Number (MBI): %s\nSupplier: Tidewater Home Medical\nSECTION B  ICD-10 diagnosis codes: %s, %s\nQ1a. Arterial blood gas PO2: 54 mmHg\nQ3. Oxygen flow rate: 2 LPM" % (
        g.n("name"), g.v("mbiraw"), g.custom("icd10", "J44.1"), g.custom("icd10", "J96.11"))}


@T("hospital-pager-message")
def _(g):
    return {"page": {"to": "Dr %s (pager 4471)" % g.n("last"), "from": "5W charge RN", "text": "RM 512B %s MRN %s K+ 2.9 on AM labs, pls call x5521" % (g.n("last").upper(), g.v("mrn")), "sent": g.n("date") + " 06:12"}}


@T("vsp-eligibility-screen")
def _(g):
    return {"text": "VISION BENEFITS - ELIGIBILITY\nMember: %s    Member ID: %s\nPlan: Choice  Group: %d\nExam: Eligible (last used 2024-11-02)\nFrames: Eligible   Allowance $150" % (g.n("name"), g.v("member"), g.i(10000000, 99999999))}


@T("obd2-scan-report")
def _(g):
    return {"text": "OBD-II scan  VIN %s\nStored DTCs:\n  P0420  Catalyst System Efficiency Below Threshold (Bank 1)\n  P0171  System Too Lean (Bank 1)\n  C1201  ABS/TCS lamp request\nFreeze frame: RPM 2210, ECT 88 C, load 34%%" % ("1HGCM82633A" + g.s(string.digits, 6))}


@T("safety-data-sheet")
def _(g):
    return {"text": "SAFETY DATA SHEET  Section 1 / 3\nProduct: Isopropyl alcohol 99%%\nCAS No.: 67-63-0   EC No.: 200-661-7   UN 1219, Class 3, PG II\nComposition: propan-2-ol >= 99%%, water (CAS 7732-18-5) < 1%%\nRevision %d, %s" % (g.i(2, 9), g.n("date"))}


@T("micr-line-ocr")
def _(g):
    return {"ocr": {"micr": "\u2446%09d\u2446 %010d\u2448 %04d" % (g.i(10 ** 8, 10 ** 9 - 1), g.i(10 ** 9, 10 ** 10 - 1), g.i(1000, 9999)), "amount": "%d.%02d" % (g.i(10, 5000), g.i(0, 99)), "payee": g.n("name")}}


@T("snomed-ct-browser-export")
def _(g):
    return {"text": "conceptId\tfsn\tsemanticTag\n44054006\tDiabetes mellitus type 2 (disorder)\tdisorder\n38341003\tHypertensive disorder, systemic arterial (disorder)\tdisorder\n195967001\tAsthma (disorder)\tdisorder"}


@T("fda-ndc-directory-csv")
def _(g):
    rows = ["PRODUCTNDC,PROPRIETARYNAME,NONPROPRIETARYNAME,DOSAGEFORMNAME,LABELERNAME"]
    for nm in ["Metformin Hydrochloride", "Lisinopril", "Atorvastatin Calcium"]:
        rows.append("%05d-%03d,%s,%s,TABLET,%s Pharma" % (g.i(0, 99999), g.i(0, 999), nm, nm.lower(), g.n("last")))
    return {"text": "\n".join(rows)}


@T("who-atc-formulary")
def _(g):
    return {"text": "Hospital formulary excerpt (by ATC)\nA10BA02  metformin      oral 500/850/1000 mg\nC09AA03  lisinopril     oral 5/10/20 mg\nJ01CR02  amoxicillin and beta-lactamase inhibitor  oral/iv\nN02BE01  paracetamol    oral/iv/rectal"}


@T("fail2ban-log")
def _(g):
    return {"text": "%s 03:11:%02d,112 fail2ban.filter [812]: INFO [sshd] Found %s - %s 03:11:%02d\n%s 03:11:%02d,509 fail2ban.actions [812]: NOTICE [sshd] Ban %s" % (
        g.n("date"), g.i(0, 59), g.n("ip"), g.n("date"), g.i(0, 59), g.n("date"), g.i(0, 59), g.n("ip"))}


@T("sudoers")
def _(g):
    return {"path": "/etc/sudoers.d/90-ops", "text": "Defaults:ops !requiretty\n%%ops ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart app, /usr/bin/journalctl\ndeploy ALL=(root) NOPASSWD: /usr/local/bin/deploy.sh\n# passwords are never stored here"}


@T("docker-images-ls")
def _(g):
    rows = "\n".join("%-38s %-10s %s   %d days ago   %dMB" % (r, t, g.s(HEX, 12), g.i(1, 90), g.i(20, 900)) for r, t in [("ghcr.io/kestrelworks/api", "1.42.0"), ("postgres", "16-alpine"), ("redis", "7.4")])
    return {"text": "REPOSITORY                             TAG        IMAGE ID       CREATED        SIZE\n" + rows + "\nDigest: sha256:%s" % g.n("sha256")}


@T("podman-quadlet-container")
def _(g):
    return {"path": "/etc/containers/systemd/api.container", "text": "[Container]\nImage=ghcr.io/kestrelworks/api:1.42.0\nSecret=db_password,type=env,target=DB_PASSWORD\nSecret=stripe_key,type=env,target=STRIPE_SECRET_KEY\nEnvironment=DB_USER=api\nPublishPort=8080:8080\n\n[Install]\nWantedBy=multi-user.target"}


@T("dapr-component-yaml")
def _(g):
    return {"text": "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: statestore\nspec:\n  type: state.redis\n  version: v1\n  metadata:\n  - name: redisHost\n    value: redis-master:6379\n  - name: redisPassword\n    secretKeyRef:\n      name: redis\n      key: redis-password\nauth:\n  secretStore: kubernetes"}


@T("acquirer-auth-response-log")
def _(g):
    return {"text": "%s 14:02:%02d AUTH RESP stan=%06d rc=00 APPROVED authcode=%s\n  avs_result=Y cvv2_result=M eci=05 cavv_result=2 card=%s******%s\n  amount=%d.%02d EUR mid=%d" % (
        g.n("date"), g.i(0, 59), g.i(0, 999999), g.s(string.ascii_uppercase + string.digits, 6), "%06d" % g.i(400000, 499999), g.n("last4"), g.i(1, 900), g.i(0, 99), g.i(10 ** 8, 10 ** 9))}


@T("rx-ready-sms")
def _(g):
    return {"sms": "Tidewater Pharmacy: Rx #%07d for %s is ready for pickup. Reply STOP to opt out." % (g.i(1000000, 9999999), g.n("first"))}


@T("badge-access-log")
def _(g):
    return {"text": "\n".join("%s %02d:%02d:%02d DOOR-%s badge=%010d result=%s" % (g.n("date"), g.i(6, 22), g.i(0, 59), g.i(0, 59), g.c(["B2-EAST", "LOBBY", "LAB-3"]), g.i(10 ** 8, 10 ** 10 - 1), g.c(["GRANTED", "DENIED"])) for _ in range(4))}


@T("claim-status-inquiry-web")
def _(g):
    return {"text": "Claim status\nClaim #: %d%08d\nPatient account #: PA%07d\nDate of service: %s\nBilled: $%d.00   Allowed: $%d.00\nStatus: Finalized - paid" % (g.i(2024, 2026), g.i(0, 99999999), g.i(0, 9999999), g.n("date"), g.i(200, 900), g.i(50, 199))}


@T("git-rebase-todo")
def _(g):
    return {"path": ".git/rebase-merge/git-rebase-todo", "text": "\n".join("%s %s %s" % (c, g.n("sha1")[:7], m) for c, m in [("pick", "Add retry to webhook sender"), ("squash", "fix typo"), ("pick", "Bump axios to 1.7.9"), ("drop", "WIP debug logging")]) + "\n\n# Rebase %s..%s onto %s (4 commands)" % (g.n("sha1")[:7], g.n("sha1")[:7], g.n("sha1")[:7])}


@T("wifi-site-survey-csv")
def _(g):
    rows = ["bssid,ssid,channel,rssi_dbm,security"]
    for _ in range(4):
        rows.append("%s,%s,%d,-%d,%s" % (":".join(g.s("0123456789abcdef", 2) for _ in range(6)), g.c(["Kestrel-Office", "Kestrel-Guest", "HP-Print-4F"]), g.c([1, 6, 11, 36, 44, 149]), g.i(40, 88), g.c(["WPA2-PSK", "WPA3-SAE", "WPA2-Enterprise", "Open"])))
    return {"text": "\n".join(rows)}


@T("password-manager-audit-report")
def _(g):
    return {"text": "Vault health report (%s)\nWeak passwords: %d\nReused passwords: %d\nExposed in breaches: %d\nAccounts without 2FA: %d\nRecommendation: rotate the reused passwords first." % (g.n("date"), g.i(0, 30), g.i(0, 20), g.i(0, 5), g.i(0, 40))}


@T("tax-form-instructions")
def _(g):
    return {"text": "Line 1a. Enter your social security number (SSN) in the format XXX-XX-XXXX. If you do not have an SSN, enter your ITIN. Do not enter an EIN here. Box 9 is left blank for 2025."}


@T("aws-sts-get-caller-identity")
def _(g):
    return {"UserId": "AIDA" + g.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17), "Account": "%012d" % g.i(10 ** 11, 10 ** 12 - 1),
            "Arn": "arn:aws:sts::%012d:assumed-role/ci-deploy/AROA%s:gh-actions" % (g.i(10 ** 11, 10 ** 12 - 1), g.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17))}


@T("ssl-labs-report-text")
def _(g):
    return {"text": "Certificate #1: RSA 2048 bits (SHA256withRSA)\nSubject: shop.mossgrove.co.uk\nSerial Number: %s\nFingerprint SHA256: %s\nPin SHA256: %s=\nValid until: Fri, 05 Mar 2027 08:11:09 UTC\nKey: RSA 2048 bits (e 65537)" % (g.s("0123456789abcdef", 36), g.n("sha256"), g.s(B64, 43))}


# ================================================================= invariants and output

ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
AR = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
FWBACK = str.maketrans("０１２３４５６７８９", "0123456789")
RUN = re.compile(r"\d(?:[ \-\u00a0\u2011\u2012\u2013]?\d)+")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+[@＠][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
AWS_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}")
PEM_RE = re.compile(r"-----BEGIN (?:(?:RSA|EC|OPENSSH|ENCRYPTED|DSA) )?PRIVATE KEY-----(?:\\n|[\s+\"'])*[A-Za-z0-9+/]{40,}")

# Templates whose look-alikes are deliberate negatives (see README "borderline decisions").
EMAIL_OK = {"justfile", "klist-output", "kerberos-keytab-list", "git-credentials-store"}


def leaves(x, out):
    if isinstance(x, dict):
        for k, v in x.items():
            out.append(str(k))
            leaves(v, out)
    elif isinstance(x, list):
        for v in x:
            leaves(v, out)
    elif isinstance(x, str):
        out.append(x)
    else:
        out.append(json.dumps(x))
    return out


def check(fmt, types, expect, data):
    """Return None if the sample satisfies every invariant, else the reason."""
    parts = leaves(data, [])
    text = "\n".join(parts)
    for v in expect:
        if v not in text:
            return "value not in text: %r" % v[:60]
    norm = text.translate(ZW).translate(FWBACK).translate(AR)
    runs = [re.sub(r"\D", "", m.group()) for m in RUN.finditer(norm)] + re.findall(r"\d+", norm)
    if "credit_card" not in types:
        for d in runs:
            if 13 <= len(d) <= 19 and luhn_ok(d) and is_issuer(d):
                return "unlabelled card-like run %s" % d
            if len(d) == 16 and luhn_ok(d):
                return "unlabelled Luhn-valid 16-digit run %s" % d
    if "ssn" not in types:
        for m in SSN_RE.finditer(norm):
            a, gr, se = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= a <= 899 and a != 666 and gr and se:
                return "unlabelled SSN-shaped %s" % m.group()
    if "email" not in types and fmt not in EMAIL_OK and EMAIL_RE.search(text):
        return "unlabelled email %s" % EMAIL_RE.search(text).group()
    if "aws_access_key" not in types:
        for m in AWS_RE.finditer(text):
            if "EXAMPLE" not in m.group():
                return "unlabelled AWS id"
    if "jwt" not in types and JWT_RE.search(text):
        return "unlabelled JWT"
    if "private_key" not in types and PEM_RE.search(text):
        return "unlabelled private key"
    if "credit_card" in types and fmt not in ENCODED:
        if not any(13 <= len(d) <= 19 and luhn_ok(d) and is_issuer(d) for d in runs):
            return "card label but no Luhn-valid issuer run in the text"
    return None


# Samples whose labelled values appear only encoded (base64, percent-encoding).
ENCODED = {"session-replay-form-capture", "burp-xml-export", "filezilla-sitemanager-xml", "render-env-group-json", "oauth-ropc-token-request"}


def card_digits_ok(expect_raw):
    for d in expect_raw:
        assert luhn_ok(d) and is_issuer(d), d


def build():
    avoid = set()
    if os.path.exists(AVOID):
        avoid = {ln.strip() for ln in open(AVOID, encoding="utf-8") if ln.strip()}
    out, seen_fmt, seen_data = [], [], set()
    for ti, (fmt, draws, fn) in enumerate(TEMPLATES):
        assert fmt not in avoid, "format already used by another corpus: " + fmt
        seen_fmt.append(fmt)
        for d in range(draws):
            for attempt in range(40):
                r = random.Random("%d/%s/%d/%d" % (SEED, fmt, d, attempt))
                g = G(r)
                data = fn(g)
                if isinstance(data, list):
                    data = {"results": data}
                assert isinstance(data, dict), fmt
                # cards drawn raw must be valid issuer numbers
                types = [t for t in TYPES if t in g.types]
                why = check(fmt, set(types), g.expect, data)
                key = json.dumps(data, sort_keys=True, ensure_ascii=False)
                if why is None and key in seen_data:
                    why = "duplicate of an earlier draw"
                for t, val in g.raw:
                    if t == "credit_card":
                        assert luhn_ok(val) and is_issuer(val), (fmt, val)
                    if t == "ssn":
                        a, gr, se = map(int, val.split("-"))
                        assert 1 <= a <= 899 and a != 666 and gr and se, val
                    if t == "aws_access_key":
                        assert re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", val) and "EXAMPLE" not in val
                    if t == "jwt":
                        h = json.loads(base64.urlsafe_b64decode(val.split(".")[0] + "=="))
                        assert "alg" in h
                        pl = json.loads(base64.urlsafe_b64decode(val.split(".")[1] + "=="))
                        assert not any("@" in str(x) for x in pl.values()), pl
                    if t == "private_key":
                        assert "PRIVATE KEY-----" in val
                if why is None:
                    break
            else:
                if why == "duplicate of an earlier draw":
                    continue  # a template without random parts is drawn once
                raise AssertionError("%s draw %d: %s" % (fmt, d, why))
            seen_data.add(key)
            out.append({"id": "b6-%04d" % (len(out) + 1), "format": fmt, "types": types, "data": data})
    return out


def main():
    samples = build()
    n = len(samples)
    neg = sum(1 for s in samples if not s["types"])
    fmts = {s["format"] for s in samples}
    per = {t: sum(1 for s in samples if t in s["types"]) for t in TYPES}
    assert n >= 500, n
    assert neg >= 200, neg
    assert len(fmts) >= 150, len(fmts)
    low = {t: c for t, c in per.items() if c < 15}
    assert not low, low
    lines = [json.dumps(s, ensure_ascii=False) for s in samples]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    with open(OUT, "wb") as f:
        f.write(body)
    print("samples %d  positive %d  negative %d  formats %d" % (n, n - neg, neg, len(fmts)))
    for t in TYPES:
        print("  %-24s %d" % (t, per[t]))
    print("sha256", hashlib.sha256(body).hexdigest())
    if "--formats" in sys.argv:
        for f in sorted(fmts):
            pos = sum(1 for s in samples if s["format"] == f and s["types"])
            ng = sum(1 for s in samples if s["format"] == f and not s["types"])
            print("| %s | %d | %d |" % (f, pos, ng))


if __name__ == "__main__":
    main()
