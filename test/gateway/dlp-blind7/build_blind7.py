#!/usr/bin/env python3
"""Build test/gateway/dlp-blind7.jsonl: a blind, labelled DLP corpus.

Python 3 standard library only, fixed seed, deterministic output.
Every positive label is recorded by the value generator that drew it, so a
sample's `types` is exactly the set of sensitive values its template drew.
Labelling rules: test/gateway/dlp-fresh/README.md.
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

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "dlp-blind7.jsonl"))
AVOID = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".avoid-formats.txt"))
DRAWS = 3

TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "api_key", "aws_access_key",
         "jwt", "private_key", "password", "medical_record_number",
         "health_insurance_number", "icd10"]

# ---------------------------------------------------------------- helpers
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
B64 = AN + "+/"
B64U = AN + "-_"
HEX = "0123456789abcdef"


def luhn_ok(d):
    tot = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return tot % 10 == 0


def luhn_complete(body):
    for c in DG:
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def issuer(d):
    """True when a digit string is in a card network's range and length."""
    n = len(d)
    p2, p3, p4, p6 = int(d[:2]), int(d[:3]), int(d[:4]), int(d[:6])
    if d[0] == "4" and n in (13, 16, 19):
        return True
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return True
    if p2 in (34, 37) and n == 15:
        return True
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return True
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return True
    if (300 <= p3 <= 305 or p4 == 3095 or p2 in (36, 38, 39)) and 14 <= n <= 19:
        return True
    if p2 in (62, 81) and 16 <= n <= 19:
        return True
    if p4 in (5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763) and 12 <= n <= 19:
        return True
    if 2200 <= p4 <= 2204 and 16 <= n <= 19:
        return True
    if (p2 == 60 or p3 == 508) and n == 16:
        return True
    if p4 == 9792 and n == 16:
        return True
    return False


def ssn_valid(a, g, s):
    a, g, s = int(a), int(g), int(s)
    return 1 <= a <= 899 and a != 666 and g != 0 and s != 0


FIRST = ["Aino", "Bartosz", "Chiamaka", "Dmitri", "Elif", "Farida", "Gustavo", "Hana", "Ingrid",
         "Jomo", "Keiko", "Leandro", "Mirela", "Nkechi", "Oskar", "Priya", "Quentin", "Rosalind",
         "Siosaia", "Tamsin", "Ulrike", "Vikram", "Wanjiru", "Ximena", "Yusuf", "Zofia", "Anselm",
         "Beatriz", "Casimir", "Delphine", "Emeka", "Florin", "Greta", "Hamid", "Isolde", "Jarrah",
         "Kalani", "Ludovica", "Marit", "Nuno", "Odile", "Pavel", "Radhika", "Soren", "Thandiwe",
         "Umberto", "Valentina", "Wojciech", "Yaretzi", "Zainab"]
LAST = ["Abernethy", "Bakshi", "Cardoso", "Dahlberg", "Eze", "Fairweather", "Gruber", "Halloran",
        "Ishikawa", "Jankowski", "Kovalenko", "Lindqvist", "Mbeki", "Nakamura", "Okonkwo",
        "Pellegrini", "Quiroga", "Rasmussen", "Sabatini", "Thorvaldsen", "Uribe", "Vasquez",
        "Whitlock", "Xu", "Yilmaz", "Zielinski", "Achterberg", "Brennan", "Castellano", "Dorsey",
        "Ekwueme", "Falkenrath", "Goncalves", "Hargreaves", "Iwu", "Jaramillo", "Kettering",
        "Lemaire", "Moreau", "Novak", "Ostrowski", "Pereira", "Rinaldi", "Szabo", "Tanaka"]
PERSONAL = ["gmail.com", "outlook.com", "yahoo.co.jp", "web.de", "gmx.at", "orange.fr",
            "libero.it", "mail.ru", "qq.com", "163.com", "naver.com", "hotmail.co.uk",
            "icloud.com", "proton.me", "uol.com.br", "t-online.de", "free.fr", "yandex.ru",
            "rediffmail.com", "seznam.cz", "wp.pl", "bigpond.com", "shaw.ca", "telenet.be"]
WORK = ["harbourline-freight.com", "quillfeather.io", "bramblecare.org", "northmere-health.org",
        "kestrelpay.com", "tidewater-clinic.net", "ostara-labs.de", "cobaltridge.co.uk",
        "veldtsoftware.co.za", "lumenfield.fr", "maplecrest-dental.ca", "sakuragi-shoji.co.jp",
        "pinnacle-ortho.com", "riverbend-pediatrics.com", "atlasvane.com.au", "fernhollow.nl",
        "granitepeak-insurance.com", "silverlake-pharmacy.com", "emberlight.es", "nordkyn.no"]


class Draw:
    """Random values for one sample; positives record their type."""

    def __init__(self, rng):
        self.r = rng
        self.types = set()
        self.values = []   # (type, literal or None when encoded)

    # --- primitives
    def ch(self, seq):
        return self.r.choice(seq)

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def n(self, k):
        return self.s(DG, k)

    def i(self, a, b):
        return self.r.randint(a, b)

    def _rec(self, t, val, enc=False):
        self.types.add(t)
        self.values.append((t, None if enc else val))
        return val

    # --- names etc. (not sensitive)
    def first(self):
        return self.ch(FIRST)

    def last(self):
        return self.ch(LAST)

    def name(self):
        return self.first() + " " + self.last()

    def uuid(self):
        h = self.s(HEX, 32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.ch("89ab"), h[17:20], h[20:32])

    def hexs(self, k):
        return self.s(HEX, k)

    def date(self, y0=2025, y1=2026):
        return "%04d-%02d-%02d" % (self.i(y0, y1), self.i(1, 12), self.i(1, 28))

    def dob(self):
        return "%04d-%02d-%02d" % (self.i(1938, 2004), self.i(1, 12), self.i(1, 28))

    def ts(self):
        return "%sT%02d:%02d:%02d%s" % (self.date(), self.i(0, 23), self.i(0, 59), self.i(0, 59),
                                        self.ch(["Z", ".%03dZ" % self.i(0, 999), "+02:00", "-05:00"]))

    def epoch(self):
        return str(self.i(1735689600, 1798761600))

    def lfail(self, k, lead=None):
        """A k-digit number that fails Luhn (for ids, refs, tracking numbers)."""
        while True:
            d = (lead or "") + self.n(k - len(lead or ""))
            if d[0] == "0" and not lead:
                continue
            if not luhn_ok(d):
                return d

    def ip(self):
        return "10.%d.%d.%d" % (self.i(0, 255), self.i(0, 255), self.i(1, 254))

    # --- positives
    def cc(self, net=None, fmt=None, enc=False):
        net = net or self.ch(["visa", "visa", "mc", "mc2", "amex", "disc", "jcb", "diners", "up", "maestro", "mir"])
        pre, ln = {
            "visa": ("4" + self.n(5), 16), "mc": (str(self.i(51, 55)) + self.n(4), 16),
            "mc2": (str(self.i(2221, 2720)) + self.n(2), 16), "amex": (self.ch(["34", "37"]) + self.n(4), 15),
            "disc": (self.ch(["6011", "65" + self.n(2), "64" + str(self.i(4, 9)) + self.n(1)]) + self.n(2), 16),
            "jcb": (str(self.i(3528, 3589)) + self.n(2), 16), "diners": ("36" + self.n(4), 14),
            "up": ("62" + str(self.i(2126, 2925)) + self.n(0), self.ch([16, 19])),
            "maestro": (self.ch(["6759", "5018", "6304"]) + self.n(2), self.ch([16, 18, 19])),
            "mir": ("220" + str(self.i(0, 4)) + self.n(2), 16), "visa13": ("4" + self.n(5), 13),
        }[net]
        d = luhn_complete(pre + self.n(ln - len(pre) - 1))
        fmt = fmt or self.ch(["plain", "plain", "space", "dash"])
        if fmt == "plain":
            v = d
        elif len(d) == 15:
            sep = " " if fmt == "space" else "-"
            v = d[:4] + sep + d[4:10] + sep + d[10:]
        elif len(d) == 14:
            sep = " " if fmt == "space" else "-"
            v = d[:4] + sep + d[4:10] + sep + d[10:]
        else:
            sep = {"space": " ", "dash": "-", "nbsp": "\u00a0"}.get(fmt, " ")
            v = sep.join(d[i:i + 4] for i in range(0, len(d), 4))
        return self._rec("credit_card", v, enc)

    def cvv(self, k=3, enc=False):
        return self._rec("cvv", self.n(k), enc)

    def exp(self):
        return "%02d/%02d" % (self.i(1, 12), self.i(27, 32))

    def ssn(self, fmt="dash", enc=False):
        while True:
            a, g, s = self.i(1, 899), self.i(1, 99), self.i(1, 9999)
            if a != 666:
                break
        a, g, s = "%03d" % a, "%02d" % g, "%04d" % s
        v = {"dash": a + "-" + g + "-" + s, "space": a + " " + g + " " + s, "plain": a + g + s, "dot": a + "." + g + "." + s, "slash": a + "/" + g + "/" + s}[fmt]
        return self._rec("ssn", v, enc)

    def em(self, kind=None, enc=False, first=None, last=None):
        f = (first or self.first()).lower()
        l = (last or self.last()).lower()
        kind = kind or self.ch(["p", "w"])
        local = self.ch([f + "." + l, f[0] + l, f + l[0] + self.n(2), l + "." + f, f + "_" + l + self.n(1), f])
        dom = self.ch(PERSONAL if kind == "p" else WORK)
        return self._rec("email", local + "@" + dom, enc)

    def ph(self, cc="us", enc=False):
        r = self.r
        k = self.n
        if cc == "us":
            a = self.ch(["212", "415", "617", "312", "206", "512", "303", "404", "503", "720", "646", "702"])
            x = "555-01" + k(2)
            v = self.ch(["(%s) %s" % (a, x), "%s-%s" % (a, x), "+1 %s %s" % (a, x.replace("-", " ")),
                         "%s.%s" % (a, x.replace("-", ".")), "+1%s555%s" % (a, "01" + k(2)), "1-%s-%s" % (a, x)])
        else:
            v = {
                "uk": lambda: self.ch(["020 7946 0%s" % k(3), "+44 161 496 0%s" % k(3), "07700 900%s" % k(3), "+44 7700 900%s" % k(3)]),
                "au": lambda: self.ch(["0491 570 %s" % self.ch(["006", "156", "157", "158", "159", "110", "313", "737"]), "(02) 5550 %s" % k(4), "+61 3 5550 %s" % k(4)]),
                "de": lambda: self.ch(["+49 30 %s %s" % (k(4), k(4)), "0151 %s%s" % (k(4), k(3)), "089/%s-%s" % (k(4), k(3)), "+49 (0)40 %s %s" % (k(3), k(4))]),
                "fr": lambda: self.ch(["01 99 00 %s %s" % (k(2), k(2)), "+33 6 39 98 %s %s" % (k(2), k(2)), "06.39.98.%s.%s" % (k(2), k(2))]),
                "es": lambda: "+34 6%s %s %s" % (k(2), k(3), k(3)),
                "it": lambda: "+39 3%s %s %s" % (k(2), k(3), k(4)),
                "nl": lambda: "06-%s %s" % (k(4), k(4)),
                "br": lambda: self.ch(["+55 11 9%s-%s" % (k(4), k(4)), "(21) 9%s-%s" % (k(4), k(4))]),
                "mx": lambda: "+52 55 %s %s" % (k(4), k(4)),
                "in": lambda: self.ch(["+91 98%s %s" % (k(3), k(5)), "098%s-%s" % (k(3), k(5))]),
                "jp": lambda: self.ch(["090-%s-%s" % (k(4), k(4)), "03-%s-%s" % (k(4), k(4)), "+81 80 %s %s" % (k(4), k(4))]),
                "kr": lambda: "010-%s-%s" % (k(4), k(4)),
                "cn": lambda: "13%s %s %s" % (k(1), k(4), k(4)),
                "ng": lambda: "+234 80%s %s %s" % (k(1), k(3), k(4)),
                "ke": lambda: "+254 7%s %s%s" % (k(2), k(3), k(3)),
                "za": lambda: "+27 8%s %s %s" % (k(1), k(3), k(4)),
                "ph": lambda: "+63 9%s %s %s" % (k(2), k(3), k(4)),
                "tr": lambda: "+90 5%s %s %s %s" % (k(2), k(3), k(2), k(2)),
                "ru": lambda: "+7 9%s %s-%s-%s" % (k(2), k(3), k(2), k(2)),
                "pl": lambda: "+48 5%s %s %s" % (k(2), k(3), k(3)),
                "se": lambda: "07%s-%s %s %s" % (k(1), k(3), k(2), k(2)),
                "ae": lambda: "+971 5%s %s %s" % (k(1), k(3), k(4)),
                "sa": lambda: "+966 5%s %s %s" % (k(1), k(3), k(4)),
                "eg": lambda: "+20 10 %s %s" % (k(4), k(4)),
                "ar": lambda: "+54 9 11 %s-%s" % (k(4), k(4)),
                "co": lambda: "+57 3%s %s %s" % (k(2), k(3), k(4)),
                "id": lambda: "+62 8%s-%s-%s" % (k(2), k(4), k(4)),
                "vn": lambda: "09%s %s %s" % (k(1), k(3), k(4)),
                "il": lambda: "05%s-%s-%s" % (k(1), k(3), k(4)),
                "pt": lambda: "+351 91%s %s %s" % (k(1), k(3), k(3)),
                "ie": lambda: "+353 8%s %s %s" % (k(1), k(3), k(4)),
            }[cc]()
        return self._rec("phone", v, enc)

    def key(self, kind=None, enc=False):
        kind = kind or self.ch(["stripe", "gh", "slack", "sg", "google", "openai", "npm", "gitlab",
                                "shopify", "do", "twilio", "mailgun", "linear", "notion", "airtable",
                                "telegram", "hf", "anthropic", "postman", "pat"])
        s = self.s
        v = {
            "stripe": lambda: "sk_live_" + s(AN, self.ch([24, 99])),
            "rk": lambda: "rk_live_" + s(AN, 99),
            "gh": lambda: self.ch(["ghp_", "gho_", "ghs_"]) + s(AN, 36),
            "pat": lambda: "github_pat_11" + s(UP + DG, 21) + "_" + s(AN, 59),
            "slack": lambda: self.ch(["xoxb-", "xoxp-"]) + self.n(12) + "-" + self.n(13) + "-" + s(AN, 24),
            "sg": lambda: "SG." + s(B64U, 22) + "." + s(B64U, 43),
            "google": lambda: "AIza" + s(B64U, 35),
            "openai": lambda: "sk-proj-" + s(B64U, 48) + "T3BlbkFJ" + s(B64U, 48),
            "anthropic": lambda: "sk-ant-api03-" + s(B64U, 93) + "AA",
            "npm": lambda: "npm_" + s(AN, 36),
            "gitlab": lambda: "glpat-" + s(B64U, 20),
            "shopify": lambda: self.ch(["shpat_", "shpss_"]) + s(HEX, 32),
            "do": lambda: "dop_v1_" + s(HEX, 64),
            "twilio": lambda: s(HEX, 32),
            "hex32": lambda: s(HEX, 32),
            "hex40": lambda: s(HEX, 40),
            "mailgun": lambda: "key-" + s(HEX, 32),
            "linear": lambda: "lin_api_" + s(AN, 40),
            "notion": lambda: "ntn_" + self.n(11) + s(AN, 35),
            "airtable": lambda: "pat" + s(AN, 14) + "." + s(HEX, 64),
            "telegram": lambda: str(self.i(1000000000, 7999999999)) + ":AA" + s(B64U, 33),
            "hf": lambda: "hf_" + s(AN, 34),
            "postman": lambda: "PMAK-" + s(HEX, 24) + "-" + s(HEX, 34),
            "azure": lambda: s(B64, 86) + "==",
            "vault": lambda: "hvs." + s(AN + "_-", 90),
            "tfc": lambda: s(AN, 14) + ".atlasv1." + s(AN, 67),
            "dd": lambda: s(HEX, 32),
            "mailchimp": lambda: s(HEX, 32) + "-us" + str(self.i(2, 21)),
            "okta": lambda: "00" + s(AN + "_-", 40),
            "discord": lambda: self.ch(["MT", "Nz", "OT"]) + s(AN, 24) + "." + s(B64U, 6) + "." + s(B64U, 38),
            "cloudflare": lambda: s(AN + "_-", 40),
            "sq": lambda: "EAAA" + s(B64U, 60),
            "pypi": lambda: "pypi-AgEIcHlwaS5vcmc" + s(B64U, 150),
            "figma": lambda: "figd_" + s(B64U, 40),
            "dpl": lambda: "dp.st." + self.ch(["prd", "dev"]) + "." + s(AN, 43),
            "b64_40": lambda: s(B64, 40),
            "pul": lambda: "pul-" + s(HEX, 40),
            "fcm": lambda: "AAAA" + s(B64U, 7) + ":APA91b" + s(B64U, 134),
            "hubspot": lambda: "pat-na1-" + self.uuid(),
            "paystack": lambda: "sk_live_" + s(HEX, 40),
            "flw": lambda: "FLWSECK-" + s(HEX, 32) + "-X",
            "alnum32": lambda: s(AN, 32),
            "alnum24": lambda: s(AN, 24),
            "tskey": lambda: "tskey-auth-k" + s(AN, 16) + "-" + s(AN, 32),
            "ngrok": lambda: "2" + s(AN, 26) + "_" + s(AN, 21),
            "glc": lambda: "glc_" + s(B64, 96) + "==",
            "b64_44": lambda: s(B64, 43) + "=",
        }[kind]()
        return self._rec("api_key", v, enc)

    def aws(self, sts=False, enc=False):
        return self._rec("aws_access_key", ("ASIA" if sts else "AKIA") + self.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), enc)

    def aws_secret(self, enc=False):
        return self.key("b64_40", enc)

    def jwt(self, enc=False, alg=None):
        alg = alg or self.ch(["HS256", "RS256", "ES256", "RS512"])
        hdr = {"alg": alg, "typ": "JWT"}
        if alg != "HS256":
            hdr["kid"] = self.hexs(self.ch([8, 16, 40]))
        now = int(self.epoch())
        pl = {"sub": self.ch([self.uuid(), "usr_" + self.s(AN, 12), self.n(8)]), "iat": now, "exp": now + self.ch([300, 900, 3600, 86400])}
        if self.r.random() < 0.6:
            pl["iss"] = self.ch(["https://auth.quillfeather.io/", "https://login.kestrelpay.com", "urn:bramblecare:idp", "https://sso.northmere-health.org/realms/staff"])
        if self.r.random() < 0.5:
            pl["scope"] = self.ch(["read:orders write:orders", "openid profile", "patient/*.read", "api"])
        e = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
        sig = self.s(B64U, 43 if alg == "HS256" else (86 if alg == "ES256" else 342))
        return self._rec("jwt", e(hdr) + "." + e(pl) + "." + sig, enc)

    def pk(self, kind=None, esc=False, enc=False, lines=None):
        kind = kind or self.ch(["rsa", "pkcs8", "ec", "openssh", "enc"])
        label, prefix, nl = {
            "rsa": ("RSA PRIVATE KEY", "MIIEowIBAAKCAQEA", 25),
            "rsa4k": ("RSA PRIVATE KEY", "MIIJKQIBAAKCAgEA", 30),
            "pkcs8": ("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", 25),
            "ec": ("EC PRIVATE KEY", "MHcCAQEEI", 3),
            "openssh": ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA", 7),
            "enc": ("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 27),
            "dsa": ("DSA PRIVATE KEY", "MIIBuwIBAAKBgQ", 9),
            "pkcs8ec": ("PRIVATE KEY", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", 3),
        }[kind]
        nl = lines or nl
        body = prefix + self.s(B64, 64 * nl - len(prefix) - self.i(0, 40))
        rows = [body[i:i + 64] for i in range(0, len(body), 64)]
        if kind == "ec":
            rows[-1] = rows[-1][:-2] + "=="
        pem = "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, "\n".join(rows), label)
        if esc:
            pem = pem.replace("\n", "\\n")
        return self._rec("private_key", pem + ("\\n" if esc else "\n"), enc)

    PWS = ["{W}{Y}!", "{W}{n2}#", "{w}-{w}-{w}-{w}", "{R}", "{R}", "{W}@{n4}", "{w}{n3}{w}", "{L}",
           "{W}_{W}{n2}", "{R}{n2}", "{w}.{W}.{n4}", "{p}"]
    WORDS = ["harbour", "Tulip", "glacier", "Mango", "falcon", "Oktober", "sunflower", "Zebra",
             "marmot", "Paprika", "quartz", "Rembrandt", "pistachio", "Walrus", "cobalt", "Nebula",
             "otter", "Lavanda", "biscuit", "Kiwi", "granite", "Fjord", "saffron", "Obsidian"]
    LOCAL = ["Contraseña", "Passwort", "Sommer", "Ciao", "Parola", "Haslo", "Sifre", "Senha", "Wachtwoord", "Salasana"]

    def pw(self, enc=False, style=None):
        t = style or self.ch(self.PWS)
        W = lambda: self.ch(self.WORDS).capitalize()
        w = lambda: self.ch(self.WORDS).lower()
        res = ""
        parts = re.split(r"(\{[A-Za-z0-9]+\})", t)
        for p in parts:
            if p == "{W}":
                res += W()
            elif p == "{w}":
                res += w()
            elif p == "{Y}":
                res += str(self.i(2019, 2027))
            elif p.startswith("{n") and p.endswith("}"):
                res += self.n(int(p[2:-1]))
            elif p == "{R}":
                res += self.s(AN + "!#$%&*+-=?@^_~", self.i(12, 22))
            elif p == "{L}":
                res += self.ch(self.LOCAL) + self.ch(["2026", "!", "_01", "#77", str(self.i(10, 99))]) + self.ch(["", "!", "$"])
            elif p == "{p}":
                res += self.s(LO, 4) + self.s(DG, 2) + self.s(UP, 3) + self.ch("!?*%")
            else:
                res += p
        return self._rec("password", res, enc)

    def mrn(self, fmt=None):
        fmt = fmt or self.ch(["d7", "d8", "d10", "e", "mr", "pad", "dash", "alpha"])
        v = {
            "d7": lambda: self.lfail(7),
            "d8": lambda: self.lfail(8),
            "d10": lambda: "00" + self.n(8),
            "e": lambda: "E" + self.n(7),
            "mr": lambda: "MR" + self.n(6),
            "pad": lambda: "000" + self.n(6),
            "dash": lambda: self.n(2) + "-" + self.n(2) + "-" + self.n(2),
            "alpha": lambda: self.ch(["RX", "NM", "KH", "SJ"]) + self.n(7),
        }[fmt]()
        return self._rec("medical_record_number", v)

    MBI_A = "ACDEFGHJKMNPQRTUVWXY"

    def mbi(self, dashed=False):
        A, N = self.MBI_A, DG
        AN_ = A + N
        seq = [("123456789",), (A,), (AN_,), (N,), (A,), (AN_,), (N,), (A,), (A,), (N,), (N,)]
        v = "".join(self.ch(c[0]) for c in seq)
        if v in ("1EG4TE5MK73",):
            v = "2" + v[1:]
        if dashed:
            v = v[:4] + "-" + v[4:7] + "-" + v[7:]
        return self._rec("health_insurance_number", v)

    def hin(self, kind=None):
        kind = kind or self.ch(["bcbs", "aetna", "uhc", "cigna", "humana", "generic"])
        v = {
            "bcbs": lambda: self.ch(["XGH", "YLB", "JQU", "ZGP", "R"]) + self.n(9),
            "aetna": lambda: "W" + self.n(9),
            "uhc": lambda: self.n(9) + self.ch(["", "00", "01"]),
            "cigna": lambda: "U" + self.n(8) + " " + self.ch(["01", "02"]),
            "humana": lambda: "H" + self.n(8),
            "kaiser": lambda: "1" + self.n(7),
            "generic": lambda: self.s(UP, 3) + self.n(6) + self.s(UP, 2),
            "kvnr": lambda: self.ch(UP) + self.n(9),
            "medicaid_ny": lambda: self.s(UP, 2) + self.n(5) + self.ch(UP),
            "au": lambda: "%s %s %s" % (str(self.i(2, 6)) + self.n(3), self.n(5), str(self.i(1, 9))),
            "bcphn10": lambda: "9" + self.n(9),
            "bcphn": lambda: "9" + self.n(3) + " " + self.n(3) + " " + self.n(3),
            "ramq": lambda: self.s(UP, 4) + " " + self.n(4) + " " + self.n(4),
            "vitale": lambda: "%s %s %s %s %s %s %s" % (self.ch("12"), self.n(2), "%02d" % self.i(1, 12), self.n(2), self.n(3), self.n(3), self.n(2)),
            "ecard_at": lambda: self.n(4) + " " + "%02d%02d%02d" % (self.i(1, 28), self.i(1, 12), self.i(40, 99)),
            "tricare": lambda: self.n(11),
            "nhif": lambda: self.n(8),
            "nhi_kr_dash": lambda: self.n(1) + "-" + self.n(10),
            "pmjay": lambda: self.s(UP + DG, 9),
            "abha": lambda: "91-%s-%s-%s" % (self.n(4), self.n(4), self.n(4)),
            "cip_es": lambda: self.s(UP, 4) + self.n(6) + self.s(UP, 2) + self.n(2),
            "sus_br": lambda: "7%s %s %s %s" % (self.n(2), self.n(4), self.n(4), self.n(4)),
            "nhi_kr": lambda: self.n(11),
            "ehic": lambda: "80" + self.n(3) + "0" + self.n(14),
            "hmo_ph": lambda: self.n(2) + "-" + self.n(9) + "-" + self.n(1),
        }[kind]()
        return self._rec("health_insurance_number", v)

    ICD = ["E11.9", "E11.65", "I10", "J45.909", "M54.5", "M54.50", "F32.A", "F41.1", "K21.9", "N39.0",
           "Z00.00", "Z23", "R07.9", "S52.501A", "S93.401A", "G43.909", "E78.5", "I48.91", "J06.9",
           "L40.0", "O24.419", "C50.911", "H52.13", "K35.80", "R51.9", "T78.40XA", "Z79.4", "E03.9",
           "I25.10", "J18.9", "N18.3", "F90.0", "M17.11", "R10.31", "B34.9", "U07.1", "Z34.01", "E66.01",
           "G47.33", "D64.9", "A09", "K58.0", "F10.20", "Z51.11", "E55.9", "I50.9", "M79.7", "R53.83"]

    def icd(self, undotted=False):
        v = self.ch(self.ICD)
        if undotted:
            v = v.replace(".", "")
        return self._rec("icd10", v)


T = []


def tpl(fmt, neg=False, once=False):
    def deco(fn):
        T.append((fmt, neg, once, fn))
        return fn
    return deco


J = lambda o: json.dumps(o, ensure_ascii=False)
def b64(s):
    return base64.b64encode(s.encode()).decode()
def q(s):
    return urllib.parse.quote(s, safe="")


# ================================================================ ticketing / CRM
@tpl("youtrack-issue-json")
def _(d):
    return {"idReadable": "SUP-%d" % d.i(100, 9999), "summary": "Customer cannot log in after card update",
            "description": "Reporter %s says the card on file %s (exp %s) was charged twice. Callback: %s" % (d.name(), d.cc(), d.exp(), d.ph("us")),
            "customFields": [{"name": "Priority", "value": {"name": "Major"}}]}


@tpl("redmine-issue-xml")
def _(d):
    n = d.name()
    return {"xml": "<issue><id>%d</id><subject>VPN account for %s</subject><description>Initial credentials: login %s / pass %s\r\nPlease rotate after first use.</description><status name=\"New\"/></issue>" % (d.i(1000, 99999), n, n.split()[0].lower(), d.pw())}


@tpl("bugzilla-comment-json")
def _(d):
    return {"bugs": {str(d.i(100000, 1999999)): {"comments": [{"id": d.i(1, 9999999), "count": d.i(1, 30), "creator": "qa-bot",
            "text": "Repro steps: POST /v2/auth with header\nAuthorization: Bearer %s\nreturns 500 instead of 401." % d.jwt()}]}}}


@tpl("mantis-bug-csv")
def _(d):
    return {"csv": "Id,Project,Reporter,Summary,Additional Information\n%07d,Billing,%s,\"Refund failed\",\"customer email %s, phone %s\"" % (d.i(1, 999999), d.first().lower(), d.em("p"), d.ph(d.ch(["uk", "ie", "au"])))}


@tpl("helpscout-thread-json")
def _(d):
    f, l = d.first(), d.last()
    return {"_embedded": {"threads": [{"type": "customer", "body": "<p>Hi, my new card is %s, CVC %s. Please update my subscription.</p>" % (d.cc(), d.cvv()),
            "createdBy": {"first": f, "last": l, "email": d.em("p", first=f, last=l)}}]}}


@tpl("front-app-message-event")
def _(d):
    return {"type": "inbound", "conversation": {"id": "cnv_" + d.s(LO + DG, 6)}, "target": {"data": {"body": "Bonjour, voici mon numéro de sécurité sociale américain pour le dossier W-4 : %s. Merci !" % d.ssn(), "author": None}}}


@tpl("kustomer-conversation-json")
def _(d):
    return {"data": {"type": "message", "attributes": {"channel": "sms", "direction": "in", "preview": "ok my member id is %s and dob %s" % (d.hin(), d.dob()), "meta": {"from": d.ph("us")}}}}


@tpl("gorgias-ticket-message")
def _(d):
    return {"channel": "chat", "via": "chat", "body_text": "Olá! Meu pedido ainda não chegou. Meu celular é %s e meu e-mail %s" % (d.ph("br"), d.em("p")), "sender": {"firstname": d.first()}}


@tpl("zoho-crm-lead-json")
def _(d):
    f, l = d.first(), d.last()
    return {"data": [{"First_Name": f, "Last_Name": l, "Email": d.em("w", first=f, last=l), "Mobile": d.ph(d.ch(["de", "nl", "pl"])), "Lead_Source": "Trade Show", "Description": "Met at booth 4B"}]}


@tpl("sugarcrm-contacts-export-csv")
def _(d):
    rows = ['"%s","%s","%s","%s"' % (d.first(), d.last(), d.em("w"), d.ph("us")) for _ in range(d.i(2, 4))]
    return {"export": '"First Name","Last Name","Email Address","Office Phone"\n' + "\n".join(rows)}


@tpl("bitrix24-crm-lead-add")
def _(d):
    return {"method": "crm.lead.add", "params": {"fields": {"TITLE": "Заявка с сайта", "NAME": d.first(), "PHONE": [{"VALUE": d.ph("ru"), "VALUE_TYPE": "WORK"}], "EMAIL": [{"VALUE": d.em("p"), "VALUE_TYPE": "HOME"}]}}}


@tpl("close-crm-lead-activity")
def _(d):
    return {"lead_id": "lead_" + d.s(AN, 20), "_type": "Call", "note": "Spoke w/ office mgr. She read the AMEX over the phone: %s exp %s CID %s. Charged deposit." % (d.cc("amex"), d.exp(), d.cvv(4))}


@tpl("vtiger-webservice-create")
def _(d):
    return {"operation": "create", "elementType": "Contacts", "element": J({"lastname": d.last(), "mobile": d.ph("it"), "email": d.em("p"), "assigned_user_id": "19x1"})}


@tpl("monday-item-column-values")
def _(d):
    return {"data": {"items": [{"name": d.name(), "column_values": [{"id": "phone", "text": d.ph(d.ch(["il", "us"]))}, {"id": "email", "text": d.em("w")}, {"id": "status", "text": "Working on it"}]}]}}


@tpl("clickup-task-comment")
def _(d):
    return {"comment_text": "staging db creds for the migration: host db-stg.internal user migrator password %s (expires Friday)" % d.pw(), "user": {"username": d.first().lower()}}


@tpl("asana-story-json")
def _(d):
    return {"data": {"resource_type": "story", "type": "comment", "text": "Here's the Mailgun key for the transactional domain: %s — don't paste it anywhere else pls" % d.key("mailgun")}}


@tpl("basecamp-campfire-line")
def _(d):
    return {"content": "<div>new deploy token for the registry: <strong>%s</strong></div>" % d.key("gitlab"), "creator": {"name": d.name()}}


@tpl("kayako-case-post")
def _(d):
    return {"case": {"subject": "Actualizar tarjeta"}, "post": {"contents": "Hola, mi nueva tarjeta es %s, vence %s y el código de seguridad es %s. Gracias." % (d.cc(), d.exp(), d.cvv())}}


@tpl("spiceworks-ticket-json")
def _(d):
    return {"Article": {"From": d.name(), "Subject": "insurance details", "Body": "Please bill my plan. Member ID: %s Group: %s\nDOB %s" % (d.hin(), "G" + d.n(5), d.dob())}}


@tpl("deskpro-ticket-message")
def _(d):
    return {"message": "Hallo, meine Steuer-ID habe ich nicht, aber meine US-Sozialversicherungsnummer ist %s. Reicht das für das Formular?" % d.ssn(d.ch(["dash", "space"])), "person": {"name": d.name()}}


@tpl("pipeliner-crm-activity")
def _(d):
    return {"eventTemplateId": str(d.i(1000000, 9999999)), "objectId": str(d.i(100, 99999)), "tokens": {"callerNumber": d.ph(d.ch(["us", "mx", "co"])), "agent": d.first()}}


@tpl("jitbit-inbound-email-json")
def _(d):
    return {"attributes": {"type": "EmailMessage"}, "FromAddress": d.em("p"), "Subject": "Re: Case 0%07d" % d.i(1, 9999999), "TextBody": "Thanks. As requested, last 4 of the card is not enough, so here's the full one: %s" % d.cc()}


@tpl("chatwoot-message-created-webhook")
def _(d):
    return {"event": "message_created", "message_type": "incoming", "content": "Bom dia, o CPF não serve? Meu SSN americano é %s" % d.ssn(), "sender": {"phone_number": d.ph("br"), "name": d.first()}}


@tpl("freshchat-conversation-nl")
def _(d):
    return {"actor_type": "user", "message_parts": [{"text": {"content": "Hoi, mijn wachtwoord werkt niet meer. Het oude was %s, kunnen jullie het resetten? Mijn mobiel: %s" % (d.pw(), d.ph("nl"))}}]}


@tpl("tawk-to-transcript-it")
def _(d):
    return {"transcript": "[10:02] Visitatore: buongiorno, non riesco a pagare\n[10:03] Operatore: mi può dare la email dell'account?\n[10:03] Visitatore: %s\n[10:04] Visitatore: il mio cellulare è %s" % (d.em("p"), d.ph("it"))}


@tpl("crisp-chat-fr")
def _(d):
    return {"website_id": d.uuid(), "data": {"type": "text", "from": "user", "content": "Mon numéro de carte : %s, date %s, cryptogramme %s" % (d.cc(fmt="space"), d.exp(), d.cvv())}}


@tpl("userlike-chat-de")
def _(d):
    return {"messages": [{"from": "visitor", "body": "Guten Tag, meine Handynummer lautet %s, bitte rufen Sie mich zurück." % d.ph("de")}, {"from": "operator", "body": "Gerne, bis gleich!"}]}


@tpl("drift-conversation-message")
def _(d):
    return {"type": "new_message", "data": {"body": "sure, best way to reach me is %s or %s" % (d.em("w"), d.ph(d.ch(["us", "uk"]))), "author": {"type": "contact"}}}


@tpl("olark-offline-message")
def _(d):
    return {"body": "(%s) visitor: i need to change the email on file from old to %s\n(%s) visitor: and my cvv is %s if you need it" % (d.ts()[11:16], d.em("p"), d.ts()[11:16], d.cvv())}


@tpl("livechat-inc-thread-es")
def _(d):
    return {"thread": {"events": [{"type": "message", "author_id": d.uuid(), "text": "Me llamo %s, mi teléfono es %s y el correo %s" % (d.name(), d.ph(d.ch(["es", "mx", "ar", "co"])), d.em("p"))}]}}


@tpl("viber-chat-export-ru")
def _(d):
    return {"export": "%s, %s\n%s: Скинь пароль от почты, пожалуйста\n%s: %s\n" % (d.date(), "21:14", d.first(), d.first(), d.pw())}


@tpl("threema-chat-export-de")
def _(d):
    return {"text": "[%s 08:12] %s: Das WLAN-Passwort für die Praxis ist %s\n[%s 08:13] Ich: danke!" % (d.date(), d.first(), d.pw(), d.date())}


@tpl("dingtalk-robot-markdown")
def _(d):
    return {"msgtype": "markdown", "markdown": {"title": "部署通知", "text": "#### 生产数据库\n- 账号: app_rw\n- 密码: %s\n- 联系人手机: %s" % (d.pw(), d.ph("cn"))}}


@tpl("feishu-lark-im-message")
def _(d):
    return {"msg_type": "text", "content": J({"text": "客户信用卡号 %s 有效期 %s 安全码 %s，请尽快处理退款" % (d.cc(), d.exp(), d.cvv())})}


@tpl("naver-talktalk-event-ko")
def _(d):
    return {"event": "send", "textContent": {"text": "안녕하세요, 제 연락처는 %s 이고 이메일은 %s 입니다." % (d.ph("kr"), d.em("p"))}}


@tpl("zulip-message-json")
def _(d):
    return {"type": "stream", "stream": "ops", "subject": "incident-%d" % d.i(100, 999), "content": "temporary key for the vendor sandbox: `%s`" % d.key(d.ch(["stripe", "rk", "paystack"]))}


@tpl("rocketchat-export-json")
def _(d):
    return {"messages": [{"u": {"username": d.first().lower()}, "msg": "AWS keys for the backup bucket\nid: %s\nsecret: %s" % (d.aws(), d.aws_secret()), "ts": {"$date": d.ts()}}]}


@tpl("skype-chat-history-json")
def _(d):
    return {"conversations": [{"MessageList": [{"content": "Call me on %s when you land" % d.ph(d.ch(["za", "ng", "ke"])), "messagetype": "RichText", "originalarrivaltime": d.ts()}]}]}


@tpl("google-chat-message-event")
def _(d):
    return {"type": "MESSAGE", "message": {"text": "@ops the openai key in the notebook is %s, rotate after the demo" % d.key("openai"), "sender": {"displayName": d.name()}}}


@tpl("webex-message-json")
def _(d):
    return {"roomType": "direct", "text": "Patient %s, MRN %s, needs the follow-up scheduled; dx %s" % (d.last(), d.mrn(), d.icd()), "created": d.ts()}


# ================================================================ payments
@tpl("checkout-com-payment-request")
def _(d):
    return {"source": {"type": "card", "number": d.cc(fmt="plain"), "expiry_month": d.i(1, 12), "expiry_year": d.i(2027, 2031), "cvv": d.cvv()}, "amount": d.i(100, 99999), "currency": "GBP", "reference": "ORD-" + d.n(6)}


@tpl("klarna-order-customer-json")
def _(d):
    return {"purchase_country": "SE", "billing_address": {"given_name": d.first(), "family_name": d.last(), "email": d.em("p"), "phone": d.ph("se"), "street_address": "Storgatan %d" % d.i(1, 90)}}


@tpl("paddle-webhook-subscription")
def _(d):
    return {"alert_name": "subscription_created", "email": d.em("p"), "subscription_id": str(d.i(100000, 999999)), "p_signature": b64(d.s(AN, 96))}


@tpl("chargebee-event-customer")
def _(d):
    return {"event_type": "customer_changed", "content": {"customer": {"id": "AzZ" + d.s(AN, 11), "email": d.em("w"), "phone": d.ph(d.ch(["in", "ae"])), "card_status": "valid"}}}


@tpl("recurly-billing-info-xml")
def _(d):
    return {"xml": "<billing_info><first_name>%s</first_name><number>%s</number><verification_value>%s</verification_value><month>%d</month><year>%d</year></billing_info>" % (d.first(), d.cc(fmt="plain"), d.cvv(), d.i(1, 12), d.i(2027, 2031))}


@tpl("gocardless-customer-create")
def _(d):
    return {"customers": {"email": d.em("p"), "given_name": d.first(), "family_name": d.last(), "phone_number": d.ph("uk"), "country_code": "GB"}}


@tpl("flutterwave-charge-card")
def _(d):
    return {"card_number": d.cc(fmt="plain"), "cvv": d.cvv(), "expiry_month": "%02d" % d.i(1, 12), "expiry_year": str(d.i(27, 31)), "currency": "NGN", "amount": str(d.i(1000, 90000)), "phone_number": d.ph("ng"), "tx_ref": "MC-" + d.n(10)}


@tpl("midtrans-charge-credit-card")
def _(d):
    return {"payment_type": "credit_card", "transaction_details": {"order_id": "INV-" + d.n(8), "gross_amount": d.i(10000, 900000)},
            "customer_details": {"first_name": d.first(), "phone": d.ph("id")}, "_debug_raw": "card_number=%s&card_cvv=%s&card_exp_month=%02d" % (d.cc(fmt="plain"), d.cvv(), d.i(1, 12))}


@tpl("payu-latam-submit-transaction")
def _(d):
    return {"command": "SUBMIT_TRANSACTION", "transaction": {"creditCard": {"number": d.cc(fmt="plain"), "securityCode": d.cvv(), "expirationDate": "20%d/%02d" % (d.i(27, 31), d.i(1, 12)), "name": d.name().upper()}, "payer": {"emailAddress": d.em("p"), "contactPhone": d.ph("co")}}}


@tpl("iyzico-payment-request")
def _(d):
    return {"locale": "tr", "paymentCard": {"cardHolderName": d.name(), "cardNumber": d.cc(fmt="plain"), "expireMonth": "%02d" % d.i(1, 12), "expireYear": "20%d" % d.i(27, 31), "cvc": d.cvv()}, "buyer": {"gsmNumber": d.ph("tr")}}


@tpl("bluesnap-card-transaction-xml")
def _(d):
    return {"xml": "<card-transaction xmlns=\"http://ws.plimus.com\"><card-transaction-type>AUTH_CAPTURE</card-transaction-type><credit-card><card-number>%s</card-number><security-code>%s</security-code><expiration-month>%02d</expiration-month></credit-card></card-transaction>" % (d.cc(fmt="plain"), d.cvv(), d.i(1, 12))}


@tpl("elavon-converge-form-post")
def _(d):
    return {"body": "ssl_transaction_type=ccsale&ssl_card_number=%s&ssl_exp_date=%02d%d&ssl_cvv2cvc2=%s&ssl_cvv2cvc2_indicator=1&ssl_amount=%d.00" % (d.cc(fmt="plain"), d.i(1, 12), d.i(27, 31), d.cvv(), d.i(5, 900))}


@tpl("moneris-purchase-xml")
def _(d):
    return {"xml": "<request><store_id>store%d</store_id><purchase><order_id>%s</order_id><amount>%d.00</amount><pan>%s</pan><expdate>%d%02d</expdate><cvd_info><cvd_indicator>1</cvd_indicator><cvd_value>%s</cvd_value></cvd_info></purchase></request>" % (d.i(1, 9), d.hexs(10), d.i(1, 400), d.cc(fmt="plain"), d.i(27, 31), d.i(1, 12), d.cvv())}


@tpl("opayo-direct-registration-post")
def _(d):
    return {"form": "VPSProtocol=4.00&TxType=PAYMENT&CardHolder=%s&CardNumber=%s&ExpiryDate=%02d%d&CV2=%s&CardType=%s" % (q(d.name()), d.cc(fmt="plain"), d.i(1, 12), d.i(27, 31), d.cvv(), d.ch(["VISA", "MC", "DELTA"]))}


@tpl("realex-hpp-response-debug")
def _(d):
    return {"log": "DEBUG realex request: <request type=\"auth\"><card><number>%s</number><expdate>%02d%d</expdate><chname>%s</chname><type>VISA</type><cvn><number>%s</number><presind>1</presind></cvn></card></request>" % (d.cc("visa", fmt="plain"), d.i(1, 12), d.i(27, 31), d.name(), d.cvv())}


@tpl("pagseguro-checkout-sender")
def _(d):
    return {"sender": {"name": d.name(), "email": d.em("p"), "phone": {"areaCode": "11", "number": "9" + d.n(8)}, "documents": [{"type": "CPF", "value": d.n(11)}]}, "_note": "celular de contato %s" % d.ph("br")}


@tpl("conekta-order-charge")
def _(d):
    return {"customer_info": {"name": d.name(), "email": d.em("p"), "phone": d.ph("mx")}, "charges": [{"payment_method": {"type": "card", "token_id": "tok_test_visa_4242"}}]}


@tpl("2checkout-ins-notification")
def _(d):
    return {"message_type": "ORDER_CREATED", "customer_email": d.em("p"), "customer_phone": d.ph(d.ch(["us", "de"])), "sale_id": d.n(10), "md5_hash": d.hexs(32).upper()}


@tpl("nexi-xpay-api-payload")
def _(d):
    return {"pan": d.cc(fmt="plain"), "scadenza": "20%d%02d" % (d.i(27, 31), d.i(1, 12)), "cvv": d.cvv(), "importo": d.i(100, 99999), "divisa": "EUR", "codTrans": "T" + d.n(12)}


@tpl("virtual-terminal-audit-csv")
def _(d):
    return {"csv": "timestamp,operator,action,details\n%s,%s,KEYED_SALE,\"PAN=%s; EXP=%s; CVV=%s\"" % (d.ts(), d.first().lower(), d.cc(), d.exp(), d.cvv())}


@tpl("payment-link-sms-reply")
def _(d):
    return {"from": d.ph("uk"), "body": "Link didn't work so here it is: %s %s cvv %s" % (d.cc(fmt="space"), d.exp(), d.cvv())}


@tpl("hosted-fields-error-report")
def _(d):
    return {"error": "validation_failed", "field": "number", "context": {"raw_input": d.cc(fmt=d.ch(["space", "dash"])), "browser": "Safari 18.1"}}


@tpl("wise-transfer-recipient")
def _(d):
    return {"accountHolderName": d.name(), "currency": "EUR", "type": "iban", "details": {"legalType": "PRIVATE", "email": d.em("p")}, "_ops_comment": "recipient phone %s" % d.ph("pt")}


@tpl("paypal-payouts-batch")
def _(d):
    items = [{"recipient_type": "EMAIL", "amount": {"value": "%d.00" % d.i(5, 500), "currency": "USD"}, "receiver": d.em("p")} for _ in range(d.i(1, 3))]
    return {"sender_batch_header": {"sender_batch_id": "Payouts_" + d.n(8)}, "items": items}


@tpl("stripe-terminal-reader-log")
def _(d):
    return {"reader": "tmr_" + d.s(AN, 14), "log": "Connecting with secret %s to api.stripe.com ... ok" % d.key("stripe")}


@tpl("pos-offline-batch-dat")
def _(d):
    return {"dat": "H|%s|STORE%03d\nT|%s|%s|%02d%d|%d\nT|%s|%s|%02d%d|%d\nZ|2" % (d.date(), d.i(1, 999), d.n(6), d.cc(fmt="plain"), d.i(1, 12), d.i(27, 31), d.i(100, 9999), d.n(6), d.cc(fmt="plain"), d.i(1, 12), d.i(27, 31), d.i(100, 9999))}


@tpl("mail-order-form-ocr")
def _(d):
    return {"ocr_text": "PAYMENT  [x] Visa  [ ] MasterCard\nCard No. %s\nExpires %s   3-digit code on back %s\nSignature ____________" % (d.cc("visa", fmt="space"), d.exp(), d.cvv())}


@tpl("donation-form-submission")
def _(d):
    return {"form_id": "donate-%d" % d.i(1, 99), "fields": {"donor_email": d.em("p"), "card": d.cc(), "card_cvc": d.cvv(), "gift_aid": True}}


@tpl("ticketing-box-office-note")
def _(d):
    return {"note": "Phone booking, 2x stalls row F. Paid by Amex %s, CID %s, contact %s" % (d.cc("amex"), d.cvv(4), d.ph("uk"))}


@tpl("fuel-card-application")
def _(d):
    return {"company": "%s Haulage Ltd" % d.last(), "fleet_manager": d.name(), "manager_email": d.em("w"), "manager_mobile": d.ph(d.ch(["uk", "ie"])), "vehicles": d.i(3, 60)}


# ================================================================ healthcare
def hl7ts(d):
    return d.date().replace("-", "") + "%02d%02d" % (d.i(0, 23), d.i(0, 59))


@tpl("hl7-siu-s12")
def _(d):
    m = d.mrn()
    return {"hl7": "MSH|^~\\&|SCHED|CLINIC|EHR|HOSP|%s||SIU^S12|%s|P|2.5.1\rSCH|%s||||||ROUTINE|||30|min\rPID|1||%s^^^MRN^MR||%s^%s||%s|F|||||%s\rAIS|1||99213^Office visit" % (hl7ts(d), d.n(8), d.n(6), m, d.last().upper(), d.first().upper(), d.dob().replace("-", ""), d.ph("us"))}


@tpl("hl7-mdm-t02-txa")
def _(d):
    return {"hl7": "MSH|^~\\&|DICT|RAD|EHR|HOSP|%s||MDM^T02|%s|P|2.4\rPID|1||%s^^^HOSP^MR\rTXA|1|DS|TX|%s\rOBX|1|TX|||Impression: findings consistent with %s. Follow up 6 wks." % (hl7ts(d), d.n(9), d.mrn(), hl7ts(d), d.icd())}


@tpl("hl7-rde-o11-rxe")
def _(d):
    return {"hl7": "MSH|^~\\&|CPOE|HOSP|PHARM|HOSP|%s||RDE^O11|%s|P|2.5\rPID|1||%s^^^HOSP^MR||%s^%s\rIN1|1|%s|%s|MEDICARE\rRXE|^Q12H|00093-1048-01^Metformin 500 mg|1||TAB\rDG1|1||%s^^I10" % (hl7ts(d), d.n(8), d.mrn(), d.last().upper(), d.first().upper(), "MCR", d.n(5), d.icd())}


@tpl("hl7-vxu-v04")
def _(d):
    return {"hl7": "MSH|^~\\&|EHR|PEDS|IIS|STATE|%s||VXU^V04^VXU_V04|%s|P|2.5.1\rPID|1||%s^^^PEDS^MR||%s^%s||%s|M|||||^PRN^PH^^^%s\rRXA|0|1|%s||08^HepB^CVX|0.5|mL" % (hl7ts(d), d.n(8), d.mrn(), d.last().upper(), d.first().upper(), d.dob().replace("-", ""), d.ph("us"), hl7ts(d))}


@tpl("hl7-dft-p03-ft1")
def _(d):
    return {"hl7": "MSH|^~\\&|ORTHO|CLINIC|BILLING|HOSP|%s||DFT^P03|%s|P|2.3\rPID|1||%s^^^CL^MR||%s^%s||||||||||||||%s\rFT1|1|||%s||CG|29881^Knee arthroscopy|||1\rDG1|1|I10|%s" % (hl7ts(d), d.n(9), d.mrn(), d.last().upper(), d.first().upper(), d.ssn("plain"), d.date().replace("-", ""), d.icd())}


@tpl("hl7-orm-o01-obr")
def _(d):
    return {"hl7": "MSH|^~\\&|EHR|CLINIC|LAB|REFLAB|%s||ORM^O01|%s|P|2.3\rPID|1||%s^^^CLINIC^MR\rIN1|1|BCBS01|%s|BLUE CROSS||||||||||||||||||||||||||||||||||%s\rORC|NW|%s\rOBR|1|%s||80053^CMP\rDG1|1|I10|%s" % (hl7ts(d), d.n(7), d.mrn(), d.n(5), d.hin("bcbs"), d.n(8), d.n(8), d.icd())}


@tpl("x12-270-eligibility-inquiry")
def _(d):
    return {"edi": "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*PAYER          *%s*1200*^*00501*%s*0*P*:~GS*HS*SUB*PAY*20261203*1200*1*X*005010X279A1~ST*270*0001*005010X279A1~NM1*IL*1*%s*%s****MI*%s~DMG*D8*%s~EQ*30~SE*6*0001~" % (d.n(6), d.n(9), d.last().upper(), d.first().upper(), d.hin(), d.dob().replace("-", ""))}


@tpl("x12-276-claim-status-request")
def _(d):
    return {"edi": "ST*276*0001*005010X212~NM1*IL*1*%s*%s****MI*%s~TRN*1*%s~REF*EA*%s~AMT*T3*%d~DTP*472*RD8*%s-%s~SE*7*0001~" % (d.last().upper(), d.first().upper(), d.mbi(), d.n(10), d.mrn(), d.i(100, 9000), d.date().replace("-", ""), d.date().replace("-", ""))}


@tpl("x12-278-services-review")
def _(d):
    return {"edi": "ST*278*0001*005010X217~UM*HS*I*2~NM1*IL*1*%s*%s****MI*%s~HI*ABK:%s*ABF:%s~SV1*HC:73721~SE*8*0001~" % (d.last().upper(), d.first().upper(), d.hin(), d.icd(undotted=True), d.icd(undotted=True))}


@tpl("ncpdp-d0-b1-claim")
def _(d):
    return {"ncpdp": "D0B1          1011%s     %s\x1e\x1cAM04\x1cC2%s\x1cCCJANE\x1cCD%s\x1e\x1cAM07\x1cEM1\x1cD2%s\x1cE103\x1cD700093104801\x1e\x1cAM13\x1cDO%s" % (d.n(6), d.date().replace("-", ""), d.hin(), d.last().upper(), d.n(7), d.icd(undotted=True))}


@tpl("redcap-records-export-csv")
def _(d):
    rows = ["%d,%s,%s,%s,%s" % (i + 1, d.mrn(), d.dob(), d.icd(), d.ch(["1", "2"])) for i in range(d.i(2, 3))]
    return {"csv": "record_id,mrn,dob,primary_dx_icd10,arm\n" + "\n".join(rows)}


@tpl("odk-collect-submission-xml")
def _(d):
    return {"xml": "<data id=\"household_health_v3\"><meta><instanceID>uuid:%s</instanceID></meta><hh_head>%s</hh_head><nhif_member_no>%s</nhif_member_no><phone>%s</phone></data>" % (d.uuid(), d.name(), d.hin("nhif"), d.ph("ke")), "_label": "NHIF member number"}


@tpl("kobo-toolbox-submission-json")
def _(d):
    return {"_id": d.i(10000000, 99999999), "group_patient/patient_name": d.name(), "group_patient/hospital_record_no": d.mrn(), "group_patient/diagnosis_icd": d.icd(), "_submission_time": d.ts()}


@tpl("nemsis-pcr-xml")
def _(d):
    return {"xml": "<PatientCareReport><ePatient><ePatient.02>%s</ePatient.02><ePatient.12>%s</ePatient.12><ePatient.18>%s</ePatient.18></ePatient><ePayment><ePayment.10>%s</ePayment.10></ePayment><eSituation><eSituation.11>%s</eSituation.11></eSituation></PatientCareReport>" % (d.last(), d.ssn("plain"), d.ph("us"), d.hin(), d.icd()),
            "_dictionary": {"ePatient.12": "Social Security Number", "ePatient.18": "Patient's Phone Number", "ePayment.10": "Insurance Policy ID Number", "eSituation.11": "Provider's Primary Impression (ICD-10)"}}


@tpl("ed-tracking-board-json")
def _(d):
    return {"board": [{"room": "ED%02d" % d.i(1, 40), "pt": "%s, %s" % (d.last(), d.first()[0]), "mrn": d.mrn(), "cc": "chest pain", "dx": d.icd(), "esi": d.i(1, 5)} for _ in range(2)]}


@tpl("anesthesia-preop-record")
def _(d):
    return {"text": "PRE-ANESTHESIA EVALUATION\nPatient: %s   MRN: %s   ASA: II\nPMH: %s (HTN), %s\nAirway: Mallampati II\nNPO since 2200" % (d.name(), d.mrn(), d.icd(), d.icd())}


@tpl("infusion-pump-event-log")
def _(d):
    return {"events": [{"t": d.ts(), "pump": "PCA-" + d.n(5), "patient_mrn": d.mrn(), "drug": "hydromorphone", "event": "BOLUS_DENIED"}]}


@tpl("cgm-clarity-export-csv")
def _(d):
    return {"csv": "Index,Timestamp,Event Type,Glucose Value (mg/dL)\n1,,FirstName,%s\n2,,LastName,%s\n3,,Patient Info,MRN %s\n4,%s,EGV,%d" % (d.first(), d.last(), d.mrn(), d.ts()[:19], d.i(60, 300))}


@tpl("surgery-consent-form-text")
def _(d):
    return {"text": "CONSENT FOR OPERATION\nName: %s      Hospital No.: %s\nProcedure: laparoscopic appendicectomy\nIndication: %s acute appendicitis\nSigned: ____" % (d.name(), d.mrn(), d.icd())}


@tpl("hospital-billing-statement-text")
def _(d):
    return {"text": "STATEMENT DATE %s\nPATIENT ACCOUNT 7%s\nMEDICAL RECORD # %s\nINSURANCE: AETNA  MEMBER ID %s\nAMOUNT DUE $%d.00" % (d.date(), d.n(8), d.mrn(), d.hin("aetna"), d.i(20, 3000))}


@tpl("patient-registration-facesheet")
def _(d):
    return {"text": "FACE SHEET\nPatient: %s   DOB: %s   SSN: %s\nHome phone: %s\nMRN: %s\nPrimary Ins: Medicare  MBI: %s\nAdmit dx: %s" % (d.name(), d.dob(), d.ssn(), d.ph("us"), d.mrn(), d.mbi(), d.icd())}


@tpl("chemo-order-set-text")
def _(d):
    return {"text": "ONCOLOGY ORDER SET — FOLFOX q14d\nMRN %s | Dx: %s | BSA 1.82 m2\nOxaliplatin 85 mg/m2 IV over 2h" % (d.mrn(), d.icd())}


@tpl("speech-therapy-eval-note")
def _(d):
    return {"note": "SLP EVALUATION. Referred for dysphagia following CVA. Treating dx: %s, %s. Recommend IDDSI level 5 diet. MRN %s." % (d.icd(), d.icd(), d.mrn())}


@tpl("teledermatology-request-json")
def _(d):
    return {"request_type": "e-consult", "specialty": "derm", "patient": {"mrn": d.mrn()}, "question": "Plaques on extensor surfaces, ?%s vs eczema. Photos attached." % d.icd()}


@tpl("audiology-report-text")
def _(d):
    return {"text": "AUDIOLOGY REPORT\nPt %s  Chart# %s\nDX: H90.3 bilateral SNHL; %s\nInsurance member # %s" % (d.name(), d.mrn(), d.icd(), d.hin())}


@tpl("drg-grouper-output")
def _(d):
    return {"grouper": "MS-DRG v42", "input": {"pdx": d.icd(undotted=True), "sdx": [d.icd(undotted=True), d.icd(undotted=True)], "age": d.i(20, 90), "sex": d.ch("MF")}, "result": {"drg": "%03d" % d.i(1, 999), "mdc": "%02d" % d.i(1, 25)}}


@tpl("claim-scrubber-edit-report")
def _(d):
    return {"report": "EDIT  CLAIM      DX1      MESSAGE\nE201  %s  %s  Dx requires 7th character\nE305  %s  %s  Primary dx cannot be manifestation code" % (d.n(10), d.icd(), d.n(10), d.icd())}


@tpl("denial-letter-text")
def _(d):
    return {"text": "Dear %s,\nWe reviewed the claim for services on %s. Member ID: %s. The diagnosis %s does not support medical necessity for CPT 97110.\nAppeal within 180 days." % (d.name(), d.date(), d.hin(), d.icd())}


@tpl("utilization-review-note")
def _(d):
    return {"note": "UR day 3: InterQual criteria met for continued stay. Principal dx %s. Payer auth ref %s. Member %s." % (d.icd(), "A" + d.n(9), d.hin())}


@tpl("au-arbeitsunfaehigkeit-de")
def _(d):
    return {"text": "Arbeitsunfähigkeitsbescheinigung\nKrankenkasse: AOK Bayern\nVersicherten-Nr.: %s\narbeitsunfähig seit: %s\nICD-10-GM: %s G" % (d.hin("kvnr"), d.date(), d.icd())}


@tpl("arret-de-travail-cim10-fr")
def _(d):
    return {"text": "AVIS D'ARRÊT DE TRAVAIL\nN° d'immatriculation (carte Vitale) : %s\nMotif médical (CIM-10) : %s\nDu %s au %s" % (d.hin("vitale"), d.icd(), d.date(), d.date())}


@tpl("atestado-medico-cid-br")
def _(d):
    return {"texto": "ATESTADO MÉDICO\nAtesto que %s, Cartão SUS %s, necessita de 3 dias de afastamento.\nCID-10: %s" % (d.name(), d.hin("sus_br"), d.icd())}


@tpl("certificato-malattia-inps-it")
def _(d):
    return {"certificato": {"protocollo": d.n(9), "diagnosi": "lombalgia acuta", "codice_diagnosi_icd": d.icd(), "reperibilita_tel": d.ph("it")}}


@tpl("e-zla-zwolnienie-pl")
def _(d):
    return {"dokument": "e-ZLA", "pacjent": d.name(), "kod_choroby": d.icd(), "okres": "%s – %s" % (d.date(), d.date()), "telefon": d.ph("pl")}


@tpl("receta-cie10-es")
def _(d):
    return {"texto": "RECETA MÉDICA\nPaciente: %s   Código CIP: %s\nDiagnóstico CIE-10: %s\nRp/ amoxicilina 500 mg c/8h" % (d.name(), d.hin("cip_es"), d.icd())}


@tpl("medicare-au-bulk-bill-claim")
def _(d):
    return {"claim": {"patient": {"medicareCardNumber": d.hin("au"), "name": d.name()}, "items": [{"itemNumber": "23", "date": d.date()}], "referral": {"reason": d.icd()}}}


@tpl("bc-msp-teleplan-claim")
def _(d):
    return {"record": "C02%s%s %s %s" % (d.n(5), d.hin("bcphn10"), d.last().upper().ljust(18), d.icd(undotted=True)), "_layout": "C02|PRACT|PHN|SURNAME|DIAG"}


@tpl("ramq-renouvellement-lettre-fr")
def _(d):
    return {"lettre": "Madame, Monsieur %s,\nVotre carte d'assurance maladie (numéro %s) expire le %s. Renouvelez-la en ligne ou par la poste.\nRégie de l'assurance maladie du Québec" % (d.last(), d.hin("ramq"), d.date())}


@tpl("ecard-at-ordination-export")
def _(d):
    return {"patient": d.name(), "svnr": d.hin("ecard_at"), "kasse": "ÖGK", "diagnose_icd10": d.icd()}


@tpl("pmjay-ecard-text")
def _(d):
    return {"text": "AYUSHMAN BHARAT PM-JAY e-card\nName: %s\nPM-JAY ID (beneficiary): %s\nMobile: %s" % (d.name(), d.hin("pmjay"), d.ph("in"))}


@tpl("deers-eligibility-terminal-capture")
def _(d):
    return {"screen": "DEERS ELIGIBILITY\nSponsor: %s\nDoD Benefits Number: %s\nPlan: TRICARE Prime\nStatus: ELIGIBLE" % (d.name().upper(), d.hin("tricare"))}


@tpl("medicaid-ny-cin-referral")
def _(d):
    return {"referral": "NYS Medicaid CIN: %s\nReason: %s\nPCP phone %s" % (d.hin("medicaid_ny"), d.icd(), d.ph("us"))}


@tpl("philhealth-member-data-record")
def _(d):
    return {"pin": d.hin("hmo_ph"), "member": d.name(), "contact": d.ph("ph"), "membership": "Formal Economy"}


@tpl("ehic-request-confirmation-text")
def _(d):
    return {"text": "Your European Health Insurance Card has been issued.\nCard number (field 8): %s\nInstitution: 0%s\nValid until %s\nName: %s" % (d.hin("ehic"), d.n(4), d.date(2027, 2031), d.name())}


# ================================================================ infrastructure configs
@tpl("keepalived-conf")
def _(d):
    return {"conf": "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id %d\n    authentication {\n        auth_type PASS\n        auth_pass %s\n    }\n}" % (d.i(1, 254), d.pw(style="{w}{n3}"))}


@tpl("bird-bgp-neighbor-conf")
def _(d):
    return {"conf": "protocol bgp upstream1 {\n  local as 6%s;\n  neighbor 192.0.2.%d as 64%s;\n  password \"%s\";\n  ipv4 { import all; export none; };\n}" % (d.n(4), d.i(1, 254), d.n(3), d.pw())}


@tpl("frr-conf-bgp-neighbor")
def _(d):
    return {"conf": "router bgp 65%s\n neighbor 198.51.100.%d remote-as 65%s\n neighbor 198.51.100.%d password %s\n address-family ipv4 unicast\n  network 203.0.113.0/24" % (d.n(3), d.i(1, 99), d.n(3), d.i(1, 99), d.pw(style=d.ch(["{W}{n2}#", "{R}"])))}


@tpl("strongswan-ipsec-secrets")
def _(d):
    return {"file": "/etc/ipsec.secrets", "content": "# PSK for branch tunnel\n%s %s : PSK \"%s\"\n: RSA /etc/ipsec.d/private/gw.key" % (d.ip(), d.ip(), d.pw(style="{R}"))}


@tpl("pfsense-config-xml-user")
def _(d):
    return {"xml": "<system><user><name>admin</name><bcrypt-hash>$2y$10$%s</bcrypt-hash></user></system><openvpn><openvpn-client><auth_user>vpnuser</auth_user><auth_pass>%s</auth_pass></openvpn-client></openvpn>" % (d.s(AN + "./", 53), d.pw())}


@tpl("vyos-config-commands")
def _(d):
    return {"commands": "set interfaces pppoe pppoe0 authentication username 'isp%s'\nset interfaces pppoe pppoe0 authentication password '%s'\nset service ssh port 22" % (d.n(6), d.pw())}


@tpl("huawei-vrp-display-current")
def _(d):
    return {"output": "#\naaa\n local-user netops password irreversible-cipher $1a$%s$\n local-user netops service-type ssh\n#\nsnmp-agent community read cipher %%^%%#%s%%^%%#\nsnmp-agent sys-info contact %s" % (d.s(AN, 40), d.s(AN, 30), d.ph("cn"))}


@tpl("squid-cache-peer-conf")
def _(d):
    return {"conf": "cache_peer proxy.upstream.net parent 3128 0 no-query default login=corpproxy:%s\nnever_direct allow all" % d.pw(style=d.ch(["{W}{n2}#", "{w}{n3}{w}", "{W}@{n4}"]))}


@tpl("lighttpd-auth-conf")
def _(d):
    return {"conf": "server.modules += (\"mod_auth\")\nauth.backend = \"plain\"\nauth.backend.plain.userfile = \"/etc/lighttpd/users\"\n# /etc/lighttpd/users:\n# admin:%s" % d.pw()}


@tpl("apache-httpd-proxy-vhost")
def _(d):
    return {"vhost": "<VirtualHost *:443>\n  ServerName erp.internal\n  RequestHeader set Authorization \"Bearer %s\"\n  ProxyPass / http://10.0.4.12:8069/\n</VirtualHost>" % d.key(d.ch(["hex40", "alnum32"]))}


@tpl("envoy-bootstrap-yaml-secret")
def _(d):
    return {"yaml": "static_resources:\n  secrets:\n  - name: upstream_tls\n    tls_certificate:\n      certificate_chain: {filename: /etc/envoy/cert.pem}\n      private_key:\n        inline_string: |\n" + "".join("          " + ln + "\n" for ln in d.pk(d.ch(["rsa", "pkcs8", "ec"])).splitlines())}


@tpl("external-secrets-fake-provider")
def _(d):
    return {"yaml": "apiVersion: external-secrets.io/v1beta1\nkind: SecretStore\nspec:\n  provider:\n    fake:\n      data:\n      - key: /prod/payments/stripe\n        value: %s\n      - key: /prod/db/password\n        value: \"%s\"" % (d.key("stripe"), d.pw())}


@tpl("flux-helmrelease-crd")
def _(d):
    return {"yaml": "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    smtp:\n      host: smtp.sendgrid.net\n      user: apikey\n      pass: %s\n    redis:\n      auth:\n        password: %s" % (d.key("sg"), d.pw())}


@tpl("tekton-pipelinerun-params")
def _(d):
    return {"yaml": "kind: PipelineRun\nspec:\n  params:\n  - name: registry-token\n    value: %s\n  - name: image\n    value: ghcr.io/quillfeather/api:1.8.2" % d.key(d.ch(["gh", "pat"]))}


@tpl("drone-yml-pipeline")
def _(d):
    return {"yaml": "kind: pipeline\ntype: docker\nname: deploy\nsteps:\n- name: publish\n  image: plugins/s3\n  settings:\n    access_key: %s\n    secret_key: %s\n    bucket: releases" % (d.aws(), d.aws_secret())}


@tpl("woodpecker-ci-yaml")
def _(d):
    return {"yaml": "steps:\n  notify:\n    image: alpine\n    environment:\n      TELEGRAM_TOKEN: %s\n    commands:\n      - ./notify.sh" % d.key("telegram")}


@tpl("gocd-cruise-config-xml")
def _(d):
    return {"xml": "<environments><environment name=\"prod\"><environmentvariables><variable name=\"DATADOG_API_KEY\"><value>%s</value></variable><variable name=\"DB_PASS\" secure=\"false\"><value>%s</value></variable></environmentvariables></environment></environments>" % (d.key("dd"), d.pw())}


@tpl("teamcity-kotlin-dsl")
def _(d):
    return {"kts": "object Deploy : BuildType({\n    params {\n        param(\"env.NPM_TOKEN\", \"%s\")\n        password(\"env.SIGNING_PASS\", \"%s\", display = ParameterDisplay.HIDDEN)\n    }\n})" % (d.key("npm"), d.pw())}


@tpl("octopus-deploy-variables-json")
def _(d):
    return {"Variables": [{"Name": "ConnectionStrings:Main", "Value": "Server=sql01;Database=Orders;User Id=orders_app;Password=%s;" % d.pw(), "IsSensitive": False}, {"Name": "Twilio.AuthToken", "Value": d.key("twilio"), "IsSensitive": False}]}


@tpl("rundeck-job-definition-yaml")
def _(d):
    return {"yaml": "- name: nightly-export\n  sequence:\n    commands:\n    - exec: PGPASSWORD='%s' pg_dump -h db01 -U exporter sales > /backup/sales.sql" % d.pw()}


@tpl("awx-job-template-extra-vars")
def _(d):
    return {"name": "Patch Windows", "extra_vars": "---\nansible_user: svc_patch\nansible_password: %s\nansible_winrm_transport: ntlm" % d.pw()}


@tpl("spinnaker-pipeline-json")
def _(d):
    return {"stages": [{"type": "webhook", "url": "https://hooks.internal/deploy", "customHeaders": {"X-Api-Key": d.key(d.ch(["hex32", "alnum32"]))}}]}


@tpl("terragrunt-hcl-inputs")
def _(d):
    return {"hcl": "inputs = {\n  cloudflare_api_token = \"%s\"\n  zone                 = \"quillfeather.io\"\n}" % d.key("cloudflare")}


@tpl("crossplane-provider-config-secret")
def _(d):
    return {"yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: aws-creds\nstringData:\n  creds: |\n    [default]\n    aws_access_key_id = %s\n    aws_secret_access_key = %s" % (d.aws(), d.aws_secret())}


@tpl("jsonnet-tanka-environment")
def _(d):
    return {"libsonnet": "{\n  _config+:: {\n    grafana_admin_password: '%s',\n    slack_webhook_token: '%s',\n  },\n}" % (d.pw(), d.key("slack"))}


@tpl("puppet-manifest-pp")
def _(d):
    return {"pp": "class profile::mysql {\n  class { 'mysql::server':\n    root_password           => '%s',\n    remove_default_accounts => true,\n  }\n}" % d.pw()}


@tpl("chef-knife-rb")
def _(d):
    return {"rb": "node_name 'deployer'\nclient_key_contents <<~KEY\n%sKEY\nchef_server_url 'https://chef.internal/organizations/ops'" % d.pk("rsa")}


@tpl("mongod-conf-yaml")
def _(d):
    return {"yaml": "security:\n  authorization: enabled\n  keyFile: /etc/mongo/keyfile\nsetParameter:\n  ldapQueryPassword: \"%s\"" % d.pw()}


@tpl("cassandra-jmxremote-password-file")
def _(d):
    return {"jmxremote.password": "monitorRole %s\ncontrolRole %s" % (d.pw(), d.pw())}


@tpl("clickhouse-users-xml")
def _(d):
    return {"xml": "<clickhouse><users><analyst><password>%s</password><networks><ip>::/0</ip></networks><profile>readonly</profile></analyst></users></clickhouse>" % d.pw()}


@tpl("pgadmin-servers-json")
def _(d):
    return {"Servers": {"1": {"Name": "prod-ro", "Host": "pg-prod.internal", "Port": 5432, "Username": "readonly", "PassFile": "/pgpass", "Password": d.pw(), "SSLMode": "require"}}}


@tpl("dbeaver-credentials-decrypted")
def _(d):
    return {"credentials-config.json (decrypted)": J({"postgres-jdbc-%s" % d.hexs(11): {"#connection": {"user": "etl", "password": d.pw()}}})}


@tpl("heidisql-settings-export")
def _(d):
    return {"txt": "Servers\\Prod MySQL\\Host<|||>1<|||>db-prod.internal\nServers\\Prod MySQL\\User<|||>1<|||>root\nServers\\Prod MySQL\\Password<|||>1<|||>%s" % d.pw(), "_note": "HeidiSQL stores encoded; this export was decoded by support"}


@tpl("tnsnames-ora-with-wallet-note")
def _(d):
    return {"ora": "ORCLPDB =\n  (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = ora01)(PORT = 1521))\n    (CONNECT_DATA = (SERVICE_NAME = orclpdb)))\n# sqlplus hr/%s@ORCLPDB" % d.pw(style=d.ch(["{W}{n2}#", "{w}{n3}{w}", "{L}"]))}


@tpl("freetds-conf-and-tsql")
def _(d):
    return {"shell": "$ tsql -S mssql01 -U sa -P '%s'\nlocale is \"C.UTF-8\"\n1> select @@version\n2> go" % d.pw()}


@tpl("samba-smbpasswd-session")
def _(d):
    return {"terminal": "# smbpasswd -a scanner\nNew SMB password: %s\nRetype new SMB password: %s\nAdded user scanner." % ((lambda p: (p, p))(d.pw()))}


@tpl("krb5-kinit-script")
def _(d):
    return {"sh": "#!/bin/sh\necho '%s' | kinit svc_hadoop\nhdfs dfs -ls /warehouse" % d.pw()}


@tpl("dovecot-passwd-file")
def _(d):
    return {"file": "/etc/dovecot/users", "content": "alerts:{PLAIN}%s:5000:5000::/home/alerts\nbackup:{SHA512-CRYPT}$6$%s$%s:5001:5001::/home/backup" % (d.pw(), d.s(AN, 8), d.s(AN + "./", 86))}


@tpl("exim-passwd-client")
def _(d):
    return {"file": "/etc/exim4/passwd.client", "content": "# target.mail.server.example:login:password\nsmtp.mailrelay.net:relayuser:%s" % d.pw()}


@tpl("nagios-resource-cfg")
def _(d):
    return {"cfg": "$USER1$=/usr/lib/nagios/plugins\n$USER3$=monitor\n$USER4$=%s\n" % d.pw()}


@tpl("zabbix-agent2-conf-plugins")
def _(d):
    return {"conf": "Plugins.Mysql.Sessions.prod.Uri=tcp://db01:3306\nPlugins.Mysql.Sessions.prod.User=zbx_monitor\nPlugins.Mysql.Sessions.prod.Password=%s" % d.pw()}


@tpl("icinga2-api-users-conf")
def _(d):
    return {"conf": "object ApiUser \"director\" {\n  password = \"%s\"\n  permissions = [ \"*\" ]\n}" % d.pw()}


@tpl("promtail-loki-client-bearer")
def _(d):
    return {"yaml": "clients:\n  - url: https://logs-prod-eu-west-0.grafana.net/loki/api/v1/push\n    tenant_id: \"%s\"\n    bearer_token: %s" % (d.n(6), d.key("glc"))}


@tpl("vector-toml-sink")
def _(d):
    return {"toml": "[sinks.dd]\ntype = \"datadog_logs\"\ninputs = [\"app\"]\ndefault_api_key = \"%s\"\nsite = \"datadoghq.eu\"" % d.key("dd")}


@tpl("fluent-bit-output-conf")
def _(d):
    return {"conf": "[OUTPUT]\n    Name  es\n    Match *\n    Host  search.internal\n    HTTP_User  fluent\n    HTTP_Passwd %s\n    tls   On" % d.pw()}


@tpl("filebeat-yml-output")
def _(d):
    return {"yaml": "output.elasticsearch:\n  hosts: [\"https://es01:9200\"]\n  api_key: \"%s:%s\"\n  ssl.verification_mode: full" % (d.s(AN, 20), d.key("b64_40"))}


@tpl("wazuh-ossec-conf-integration")
def _(d):
    return {"xml": "<integration>\n  <name>slack</name>\n  <hook_url>https://hooks.slack.com/services/T%s/B%s/%s</hook_url>\n  <alert_format>json</alert_format>\n</integration>" % (d.s(UP + DG, 10), d.s(UP + DG, 10), d.key("alnum24"))}


@tpl("cloudflared-config-yml")
def _(d):
    return {"yaml": "tunnel: %s\ncredentials-file: /etc/cloudflared/creds.json\n# creds.json: {\"AccountTag\":\"%s\",\"TunnelSecret\":\"%s\",\"TunnelID\":\"%s\"}" % (d.uuid(), d.hexs(32), d.key("b64_44"), d.uuid())}


@tpl("ngrok-yml-v2")
def _(d):
    return {"yaml": "version: \"2\"\nauthtoken: %s\ntunnels:\n  web:\n    proto: http\n    addr: 8080" % d.key("ngrok")}


@tpl("frpc-ini")
def _(d):
    return {"ini": "[common]\nserver_addr = frp.quillfeather.io\nserver_port = 7000\ntoken = %s\n\n[ssh]\ntype = tcp\nlocal_port = 22" % d.key(d.ch(["alnum32", "hex40"]))}


@tpl("tailscale-up-authkey-shell")
def _(d):
    return {"history": "sudo tailscale up --authkey %s --advertise-routes=10.0.0.0/24" % d.key("tskey")}


# ================================================================ database dumps / clients of other engines
@tpl("pg-dump-copy-block")
def _(d):
    rows = "\n".join("%d\t%s\t%s\t%s" % (i + 1, d.name(), d.em("p"), d.ph("us")) for i in range(d.i(2, 3)))
    return {"sql": "COPY public.customers (id, full_name, email, phone) FROM stdin;\n%s\n\\.\n" % rows}


@tpl("mssql-bcp-char-output")
def _(d):
    return {"out": "%d|%s|%s|%s\r\n%d|%s|%s|%s\r\n" % (d.i(1, 9999), d.last(), d.ssn(), d.dob(), d.i(1, 9999), d.last(), d.ssn(), d.dob()), "cmd": "bcp HR.dbo.Employees out emp.dat -c -t\"|\" -S hr-sql -T"}


@tpl("sybase-isql-output")
def _(d):
    return {"out": " emp_id  lname           ssn\n ------- --------------- -----------\n %7d %-15s %s\n\n(1 row affected)" % (d.i(1, 9999999), d.last(), d.ssn())}


@tpl("firebird-isql-select")
def _(d):
    return {"out": "SQL> SELECT PATIENT_MRN, SURNAME, ICD_CODE FROM ADMISSIONS WHERE ID = %d;\n\nPATIENT_MRN SURNAME        ICD_CODE\n=========== ============== ========\n%11s %-14s %s" % (d.i(1, 99999), d.mrn("d8"), d.last().upper(), d.icd())}


@tpl("db2-export-del")
def _(d):
    return {"del": '%d,"%s","%s","%s","%s"\n' % (d.i(1, 999999), d.last(), d.first(), d.cc(fmt="plain"), d.exp()), "_cmd": "EXPORT TO cards.del OF DEL SELECT * FROM PAY.CARDS"}


@tpl("couchdb-all-docs-json")
def _(d):
    return {"total_rows": 2, "rows": [{"id": d.hexs(32), "doc": {"type": "member", "name": d.name(), "email": d.em("p"), "mobile": d.ph(d.ch(["fr", "es"]))}}]}


@tpl("arangoexport-jsonl-line")
def _(d):
    return {"line": J({"_key": d.n(7), "_id": "users/" + d.n(7), "login": d.first().lower(), "api_token": d.key(d.ch(["hex40", "alnum32"]))})}


@tpl("couchbase-cbexport-lines")
def _(d):
    return {"lines": J({"type": "guest", "passport": d.s(UP, 2) + d.n(7), "phone": d.ph(d.ch(["ae", "sa", "eg"])), "email": d.em("p")})}


@tpl("cockroach-sql-table-output")
def _(d):
    return {"out": "  id |       email        | password_plain\n-----+--------------------+-----------------\n  %d | %s | %s\n(1 row)\n\nTime: 3ms total" % (d.i(1, 99), d.em("w"), d.pw())}


@tpl("teradata-bteq-export")
def _(d):
    return {"out": " *** Query completed. 1 rows found. 3 columns returned.\n\nMember_Id    Dx_Cd   Svc_Dt\n------------ ------- ----------\n%-12s %-7s %s" % (d.hin(), d.icd(undotted=True), d.date())}


@tpl("access-mdb-export-csv")
def _(d):
    return {"csv": "ClientID,Surname,SocSecNo,HomePhone\n%d,%s,%s,%s" % (d.i(1, 9999), d.last(), d.ssn(), d.ph("us")), "_cmd": "mdb-export clients.accdb tblClients"}


@tpl("filemaker-fmpxmlresult")
def _(d):
    return {"xml": "<FMPXMLRESULT><METADATA><FIELD NAME=\"PatientID\"/><FIELD NAME=\"MRN\"/><FIELD NAME=\"InsuranceMemberNo\"/></METADATA><RESULTSET><ROW><COL><DATA>%d</DATA></COL><COL><DATA>%s</DATA></COL><COL><DATA>%s</DATA></COL></ROW></RESULTSET></FMPXMLRESULT>" % (d.i(1, 9999), d.mrn(), d.hin())}


@tpl("h2-script-sql")
def _(d):
    return {"sql": "INSERT INTO \"PUBLIC\".\"APP_USER\" VALUES\n(%d, '%s', '%s', '%s');" % (d.i(1, 99), d.first().lower(), d.em("w"), d.pw())}


@tpl("etcdctl-get-output")
def _(d):
    return {"out": "/config/payments/stripe_secret\n%s\n/config/mail/smtp_password\n%s" % (d.key("stripe"), d.pw())}


@tpl("meilisearch-documents-add")
def _(d):
    return {"index": "contacts", "documents": [{"id": d.i(1, 99999), "name": d.name(), "email": d.em("w"), "phone": d.ph(d.ch(["us", "uk", "au"]))}]}


@tpl("typesense-import-jsonl")
def _(d):
    return {"jsonl": "\n".join(J({"id": str(d.i(1, 9999)), "member_name": d.name(), "member_id": d.hin()}) for _ in range(2))}


@tpl("realm-studio-json-export")
def _(d):
    return {"Account": [{"_id": d.hexs(24), "username": d.first().lower(), "pin_hash": d.hexs(64), "recovery_email": d.em("p")}]}


@tpl("oracle-sqlldr-data-file")
def _(d):
    return {"ctl": "LOAD DATA INFILE * INTO TABLE emp FIELDS TERMINATED BY ','\n(empno, ename, ssn)\nBEGINDATA\n%d,%s,%s\n%d,%s,%s" % (d.i(1000, 9999), d.last().upper(), d.ssn(), d.i(1000, 9999), d.last().upper(), d.ssn())}


# ================================================================ message queues
@tpl("sqs-receive-message-json")
def _(d):
    return {"Messages": [{"MessageId": d.uuid(), "ReceiptHandle": "AQEB" + d.s(B64, 60), "MD5OfBody": d.hexs(32), "Body": J({"event": "signup", "email": d.em("p"), "phone": d.ph("us")})}]}


@tpl("sns-http-notification")
def _(d):
    return {"Type": "Notification", "MessageId": d.uuid(), "TopicArn": "arn:aws:sns:eu-west-1:%s:orders" % d.n(12), "Message": J({"card_last4": d.n(4), "customer_email": d.em("p")}), "SignatureVersion": "1", "Signature": d.s(B64, 172) + "=="}


@tpl("azure-service-bus-peek")
def _(d):
    return {"brokerProperties": {"MessageId": d.hexs(32), "SequenceNumber": d.i(1, 99999)}, "body": J({"patientMrn": d.mrn(), "icd10": d.icd(), "action": "admit"})}


@tpl("pubsub-push-envelope")
def _(d):
    return {"message": {"data": b64(J({"user": d.first().lower(), "ssn": d.ssn(enc=True)})), "messageId": d.n(16), "publishTime": d.ts()}, "subscription": "projects/hr-prod/subscriptions/payroll-sync"}


@tpl("artemis-browse-message")
def _(d):
    return {"out": "ClientMessageImpl[messageID=%d, durable=true, address=orders]\nbody: {\"pan\":\"%s\",\"cvv\":\"%s\"}" % (d.i(1, 9999999), d.cc(fmt="plain"), d.cvv())}


@tpl("ibm-mq-amqsbcg-dump")
def _(d):
    em = d.em("w")
    hx = " ".join(em.encode().hex()[i:i + 8] for i in range(0, min(len(em) * 2, 32), 8))
    return {"dump": "****Message descriptor****\n  MsgId : X'%s'\n****   Message      ****\n length - %d of %d bytes\n00000000:  %s '%s'" % (d.hexs(48).upper(), len(em), len(em), hx, em)}


@tpl("pulsar-client-consume-output")
def _(d):
    return {"out": "----- got message -----\nkey:[null], properties:[], content:{\"driver\":\"%s\",\"mobile\":\"%s\"}" % (d.name(), d.ph(d.ch(["in", "id", "vn"])))}


@tpl("nsq-tail-output")
def _(d):
    return {"out": "{\"action\":\"password_reset\",\"user\":\"%s\",\"temp_password\":\"%s\"}" % (d.first().lower(), d.pw())}


@tpl("sidekiq-job-json")
def _(d):
    return {"class": "WelcomeMailer", "args": [d.em("p"), {"temp_password": d.pw()}], "jid": d.hexs(24), "queue": "mailers", "enqueued_at": float(d.epoch())}


@tpl("bullmq-job-data")
def _(d):
    return {"name": "sms", "data": {"to": d.ph(d.ch(["uk", "au", "us"])), "text": "Your appointment is confirmed"}, "opts": {"attempts": 3}, "id": str(d.i(1, 99999))}


@tpl("laravel-horizon-payload")
def _(d):
    return {"payload": J({"displayName": "App\\Jobs\\ChargeCard", "data": {"command": "O:19:\"App\\Jobs\\ChargeCard\":2:{s:4:\"card\";s:%d:\"%s\";s:3:\"cvc\";s:3:\"%s\";}" % (16, d.cc("visa", fmt="plain"), d.cvv())}})}


@tpl("kinesis-get-records-json")
def _(d):
    return {"Records": [{"SequenceNumber": "4959" + d.n(52), "Data": b64(J({"device": d.hexs(12), "owner_email": d.em("p", enc=True)})), "PartitionKey": d.hexs(8)}]}


@tpl("temporal-workflow-history-json")
def _(d):
    return {"events": [{"eventId": "1", "eventType": "WorkflowExecutionStarted", "workflowExecutionStartedEventAttributes": {"input": {"payloads": [{"metadata": {"encoding": "anNvbi9wbGFpbg=="}, "data": b64(J({"ssn": d.ssn(enc=True), "name": d.name()}))}]}}}]}


@tpl("hangfire-job-arguments")
def _(d):
    return {"InvocationData": J({"t": "Billing.Jobs, Billing", "m": "Charge"}), "Arguments": J([J(d.cc(fmt="plain")), J(d.exp()), J(d.i(100, 99999))])}


@tpl("oban-job-row")
def _(d):
    return {"worker": "MyApp.Workers.SendSms", "args": {"phone": d.ph(d.ch(["br", "mx"])), "body": "Código de verificação enviado"}, "state": "available", "queue": "sms"}


@tpl("rq-job-hash-dump")
def _(d):
    return {"redis_hgetall": ["description", "tasks.provision_user('%s', password='%s')" % (d.first().lower(), d.pw()), "status", "queued", "origin", "default"]}


# ================================================================ SaaS audit logs
@tpl("github-org-audit-log-json")
def _(d):
    return {"action": "org.add_member", "actor": d.first().lower(), "user": d.first().lower(), "created_at": int(d.epoch()) * 1000, "_document_id": d.s(B64U, 22), "actor_location": {"country_code": "DE"}, "note": "invited via %s" % d.em("w")}


@tpl("gitlab-audit-event-json")
def _(d):
    return {"entity_type": "Project", "details": {"custom_message": "Added CI/CD variable DEPLOY_TOKEN with value %s" % d.key("gitlab"), "author_name": d.name()}}


@tpl("google-workspace-admin-report")
def _(d):
    return {"kind": "admin#reports#activity", "actor": {"email": d.em("w")}, "events": [{"type": "USER_SETTINGS", "name": "CHANGE_PASSWORD", "parameters": [{"name": "USER_EMAIL", "value": d.em("w")}]}]}


@tpl("m365-unified-audit-record")
def _(d):
    return {"CreationTime": d.ts()[:19], "Operation": "New-InboxRule", "Workload": "Exchange", "UserId": d.em("w"), "Parameters": [{"Name": "ForwardTo", "Value": d.em("p")}]}


@tpl("salesforce-event-monitoring-csv")
def _(d):
    return {"csv": "\"EVENT_TYPE\",\"TIMESTAMP\",\"USER_ID\",\"URI\",\"QUERY\"\n\"API\",\"%s\",\"005%s\",\"/services/data/v59.0/query\",\"SELECT Id FROM Contact WHERE SSN__c = '%s'\"" % (d.n(14), d.s(AN, 12), d.ssn())}


@tpl("box-admin-events-json")
def _(d):
    return {"entries": [{"event_type": "SHARE", "source": {"name": "payroll_%s.xlsx" % d.date()}, "created_by": {"login": d.em("w")}, "additional_details": {"shared_link": {"accessible_by": "open"}}}]}


@tpl("dropbox-team-log-event")
def _(d):
    return {"timestamp": d.ts(), "event_type": {".tag": "sso_change_login_url"}, "actor": {".tag": "admin", "admin": {"email": d.em("w")}}}


@tpl("atlassian-org-audit-event")
def _(d):
    return {"type": "events", "attributes": {"action": "api_token_created", "actor": {"email": d.em("w")}, "context": [{"value": "token label: CI bot"}]}}


@tpl("onelogin-events-api")
def _(d):
    return {"data": [{"event_type_id": 13, "user_name": d.name(), "ipaddr": d.ip(), "notes": "reset by admin to temporary password %s" % d.pw()}]}


@tpl("jumpcloud-directory-insights")
def _(d):
    return {"event_type": "user_create", "initiated_by": {"username": "admin"}, "resource": {"email": d.em("w")}, "changes": [{"field": "phoneNumbers", "to": d.ph("us")}]}


@tpl("duo-authentication-log")
def _(d):
    return {"factor": "phone_call", "result": "success", "user": {"name": d.first().lower()}, "auth_device": {"name": d.ph(d.ch(["us", "uk", "de"]))}, "txid": d.uuid()}


@tpl("onepassword-events-itemusage")
def _(d):
    return {"uuid": d.s(UP + DG, 26), "item_uuid": d.s(LO + DG, 26), "action": "reveal", "client": {"app_name": "1Password Browser Extension"}, "_support_paste": "the revealed value was %s" % d.pw()}


@tpl("figma-activity-log")
def _(d):
    return {"event": "fig_file_export", "actor": {"email": d.em("w")}, "entity": {"name": "Onboarding v3"}}


@tpl("asana-audit-log-event")
def _(d):
    return {"event_type": "user_login_succeeded", "actor": {"actor_type": "user", "email": d.em("w")}, "context": {"client_ip_address": d.ip()}}


@tpl("ringcentral-call-log-record")
def _(d):
    return {"records": [{"direction": "Inbound", "from": {"phoneNumber": d.ph("us"), "name": d.name()}, "to": {"phoneNumber": d.ph("us")}, "duration": d.i(5, 900), "result": "Accepted"}]}


@tpl("aircall-call-ended-webhook")
def _(d):
    return {"event": "call.ended", "data": {"direction": "inbound", "raw_digits": d.ph(d.ch(["fr", "uk", "de"])), "duration": d.i(3, 600), "comments": []}}


@tpl("dialpad-call-event")
def _(d):
    return {"call_id": int(d.lfail(16)), "external_number": d.ph("us"), "state": "hangup", "direction": "outbound"}


@tpl("vonage-voice-event-callback")
def _(d):
    return {"from": d.ph(d.ch(["uk", "ie"])), "to": d.ph("uk"), "uuid": d.hexs(32), "status": "completed", "direction": "inbound"}


@tpl("telnyx-message-received")
def _(d):
    return {"data": {"event_type": "message.received", "payload": {"from": {"phone_number": d.ph("us")}, "text": "STOP"}}}


@tpl("sinch-mo-sms-json")
def _(d):
    return {"type": "mo_text", "from": d.ph(d.ch(["se", "pl", "tr"])), "to": "4560", "body": "PIN?"}


@tpl("bandwidth-message-callback")
def _(d):
    return [{"type": "message-received", "message": {"from": d.ph("us"), "text": "my email is %s" % d.em("p")}}]


@tpl("docusign-connect-envelope")
def _(d):
    return {"event": "envelope-completed", "data": {"envelopeSummary": {"recipients": {"signers": [{"email": d.em("p"), "name": d.name(), "tabs": {"textTabs": [{"tabLabel": "SSN", "value": d.ssn()}]}}]}}}}


@tpl("dropbox-sign-event")
def _(d):
    return {"event": {"event_type": "signature_request_signed"}, "signature_request": {"custom_fields": [{"name": "Member ID", "value": d.hin()}, {"name": "Phone", "value": d.ph("us")}]}}


# ================================================================ mobile crash reports / telemetry
@tpl("crashlytics-bigquery-row")
def _(d):
    return {"issue_title": "NullPointerException", "custom_keys": [{"key": "last_screen", "value": "CheckoutActivity"}, {"key": "card_input", "value": d.cc(fmt="space")}], "user": {"email": d.em("p")}}


@tpl("acra-android-report-json")
def _(d):
    return {"REPORT_ID": d.uuid(), "APP_VERSION_NAME": "4.2.%d" % d.i(0, 20), "SHARED_PREFERENCES": {"default": {"auth_token": d.jwt(), "onboarded": "true"}}, "STACK_TRACE": "java.lang.IllegalStateException\n\tat com.app.Login.onResume(Login.java:88)"}


@tpl("bugsnag-event-payload")
def _(d):
    return {"events": [{"exceptions": [{"errorClass": "TypeError", "message": "Cannot read properties of undefined (reading 'cvc')"}], "metaData": {"request": {"body": {"email": d.em("p"), "password": d.pw()}}}}]}


@tpl("instabug-bug-report")
def _(d):
    return {"title": "Payment sheet stuck", "email": d.em("p"), "user_steps": ["tapped 'Pay'", "typed phone %s" % d.ph(d.ch(["ae", "sa", "in"]))]}


@tpl("appcenter-crash-attachment")
def _(d):
    return {"errorId": d.uuid(), "attachments": [{"fileName": "log.txt", "textAttachment": "D/Net: POST /login {\"user\":\"%s\",\"pass\":\"%s\"}" % (d.first().lower(), d.pw())}]}


@tpl("android-anr-traces-txt")
def _(d):
    return {"traces": "----- pid %d at %s -----\nCmd line: com.quillfeather.wallet\n\"main\" prio=5 tid=1 Blocked\n  at com.qf.wallet.CardRepo.save(CardRepo.kt:41)\n  - locked <0x0a1b2c3d> (card=%s)" % (d.i(1000, 30000), d.date(), d.cc(fmt="plain"))}


@tpl("react-native-metro-log")
def _(d):
    return {"log": " LOG  [auth] refresh ok {\"accessToken\": \"%s\", \"expiresIn\": 3600}" % d.jwt()}


@tpl("flutter-debugprint-log")
def _(d):
    return {"log": "I/flutter (12345): signup payload: {name: %s, phone: %s, email: %s}" % (d.name(), d.ph(d.ch(["in", "ng", "ke", "ph"])), d.em("p"))}


@tpl("rollbar-item-json")
def _(d):
    return {"data": {"environment": "production", "body": {"trace": {"exception": {"class": "Stripe::AuthenticationError", "message": "Invalid API Key provided: %s" % d.key("stripe")}}}}}


@tpl("raygun-crash-payload")
def _(d):
    return {"Details": {"Error": {"Message": "Login failed"}, "Request": {"Form": {"username": d.first().lower(), "password": d.pw()}}, "User": {"Email": d.em("p")}}}


@tpl("xcode-console-os-log")
def _(d):
    return {"log": "%s Wallet[813:22871] [Keychain] stored item svc=com.qf.api acct=default value=%s" % (d.ts()[:19].replace("T", " "), d.key(d.ch(["stripe", "gh", "hex40"])))}


@tpl("lorawan-ttn-uplink")
def _(d):
    return {"end_device_ids": {"device_id": "eui-" + d.hexs(16), "dev_eui": d.hexs(16).upper()}, "uplink_message": {"decoded_payload": {"temp": d.i(10, 30), "owner_phone": d.ph(d.ch(["nl", "de"]))}, "f_port": 1}}


@tpl("aws-iot-device-shadow")
def _(d):
    return {"state": {"reported": {"wifi": {"ssid": "HomeNet-%d" % d.i(1, 99), "psk": d.pw()}, "fw": "2.1.%d" % d.i(0, 9)}}, "version": d.i(1, 999)}


@tpl("azure-iot-hub-connection-string")
def _(d):
    return {"device": "thermo-%d" % d.i(100, 999), "connectionString": "HostName=plant-hub.azure-devices.net;DeviceId=thermo-%d;SharedAccessKey=%s" % (d.i(100, 999), d.key("b64_44"))}


@tpl("tasmota-status-json")
def _(d):
    return {"StatusMQT": {"MqttHost": "broker.local", "MqttUser": "tasmota", "MqttPassword": d.pw()}, "Status": {"DeviceName": "Kitchen Plug"}}


@tpl("home-assistant-secrets-yaml")
def _(d):
    return {"yaml": "wifi_password: \"%s\"\nnotify_twilio_sid: AC%s\nnotify_twilio_token: %s\nowner_mobile: \"%s\"" % (d.pw(), d.hexs(32), d.key("twilio"), d.ph(d.ch(["uk", "au"])))}


@tpl("esphome-device-yaml")
def _(d):
    return {"yaml": "wifi:\n  ssid: \"Shed\"\n  password: \"%s\"\napi:\n  encryption:\n    key: \"%s\"\nota:\n  password: \"%s\"" % (d.pw(), d.key("b64_44"), d.pw())}


@tpl("zigbee2mqtt-configuration")
def _(d):
    return {"yaml": "mqtt:\n  server: mqtt://192.168.1.10\n  user: z2m\n  password: %s\nadvanced:\n  network_key: GENERATE" % d.pw()}


@tpl("node-red-flows-cred")
def _(d):
    return {"flows_cred.json (decrypted)": {d.hexs(16): {"user": "node", "password": d.pw()}, d.hexs(16): {"token": d.key("telegram")}}}


@tpl("particle-webhook-event")
def _(d):
    return {"event": "alarm", "data": "door open; notify %s" % d.ph("us"), "coreid": d.hexs(24), "published_at": d.ts()}


@tpl("geotab-driver-api-json")
def _(d):
    return {"method": "Add", "params": {"typeName": "User", "entity": {"name": d.em("w"), "firstName": d.first(), "password": d.pw(), "phoneNumber": d.ph("us")}}}


@tpl("shelly-rpc-wifi-setconfig")
def _(d):
    return {"id": 1, "method": "WiFi.SetConfig", "params": {"config": {"sta": {"ssid": "Barn", "pass": d.pw(), "enable": True}}}}


# ================================================================ forms
@tpl("jotform-submission-webhook")
def _(d):
    return {"formID": d.n(15), "rawRequest": J({"q3_fullName": {"first": d.first(), "last": d.last()}, "q4_email": d.em("p"), "q5_phoneNumber": {"full": d.ph("us")}, "q7_ssn": d.ssn()})}


@tpl("formstack-webhook-post")
def _(d):
    return {"FormID": str(d.i(1000000, 9999999)), "Social Security Number": d.ssn(), "Date of Birth": d.dob(), "HandshakeKey": ""}


@tpl("cognito-forms-entry-json")
def _(d):
    return {"Entry": {"Number": d.i(1, 999)}, "Name": {"First": d.first(), "Last": d.last()}, "Email": d.em("p"), "Insurance": {"Carrier": "Cigna", "MemberID": d.hin("cigna"), "GroupNumber": "00" + d.n(5)}}


@tpl("wufoo-entries-json")
def _(d):
    return {"Entries": [{"EntryId": str(d.i(1, 999)), "Field1": d.name(), "Field3": d.em("p"), "Field5": d.ph("us"), "Field8": "Yes"}], "_fields": {"Field5": "Phone Number"}}


@tpl("surveymonkey-response-json")
def _(d):
    return {"pages": [{"questions": [{"heading": "What is the best number to reach you?", "answers": [{"text": d.ph(d.ch(["us", "uk", "ie"]))}]}]}]}


@tpl("qualtrics-response-export-csv")
def _(d):
    return {"csv": "ResponseId,Q1_Name,Q2_Email,Q7_MRN,Q8_Diagnosis\nR_%s,%s,%s,%s,%s" % (d.s(AN, 15), d.name(), d.em("p"), d.mrn(), d.icd())}


@tpl("gravity-forms-entry-rest")
def _(d):
    return {"id": str(d.i(1, 9999)), "form_id": "3", "1.3": d.first(), "1.6": d.last(), "2": d.em("p"), "4": d.ph("us"), "6": "Tell me more"}


@tpl("cf7-flamingo-inbound-message")
def _(d):
    return {"post_type": "flamingo_inbound", "subject": "Quote request", "from_name": d.name(), "from_email": d.em("p"), "fields": {"your-message": "Please call me back on %s." % d.ph(d.ch(["uk", "au", "ie"])), "your-consent": "1"}}


@tpl("tally-forms-webhook")
def _(d):
    return {"eventType": "FORM_RESPONSE", "data": {"fields": [{"label": "Numéro de téléphone", "type": "INPUT_PHONE_NUMBER", "value": d.ph("fr")}, {"label": "Adresse e-mail", "type": "INPUT_EMAIL", "value": d.em("p")}]}}


@tpl("ms-forms-excel-export-row")
def _(d):
    return {"row": {"ID": d.i(1, 300), "Start time": "12/%02d/26 9:%02d:11" % (d.i(1, 28), d.i(0, 59)), "Employee SSN (for benefits enrollment)": d.ssn(), "Dependent name": d.name()}}


@tpl("pdf-fdf-form-data")
def _(d):
    return {"fdf": "%%FDF-1.2\n1 0 obj<</FDF<</Fields[<</T(applicant_name)/V(%s)>><</T(ssn)/V(%s)>><</T(phone)/V(%s)>>]>>>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF" % (d.name(), d.ssn(), d.ph("us"))}


@tpl("xfdf-form-fields")
def _(d):
    return {"xfdf": "<xfdf xmlns=\"http://ns.adobe.com/xfdf/\"><fields><field name=\"MemberID\"><value>%s</value></field><field name=\"PatientMRN\"><value>%s</value></field></fields></xfdf>" % (d.hin(), d.mrn())}


@tpl("pdftk-dump-data-fields")
def _(d):
    return {"out": "---\nFieldType: Text\nFieldName: topmostSubform[0].Page1[0].f1_02[0]\nFieldNameAlt: Your social security number\nFieldValue: %s\n---\nFieldType: Text\nFieldName: f1_05[0]\nFieldValue: %s" % (d.ssn("plain"), d.name())}


@tpl("pdfplumber-table-rows")
def _(d):
    return {"tables": [[["Employee", "SSN", "Gross"], [d.name(), d.ssn(), "%d.00" % d.i(1000, 9000)], [d.name(), d.ssn(), "%d.00" % d.i(1000, 9000)]]]}


@tpl("pdftotext-layout-paystub")
def _(d):
    return {"text": "EARNINGS STATEMENT                         Pay Date: %s\n   %s                                 SSN: XXX-XX-%s\n   Employee ID: %s\n   Direct deposit: ****%s" % (d.date(), d.name().upper(), d.n(4), d.n(6), d.n(4)), "_attached_w4": "Social Security number %s" % d.ssn()}


@tpl("tika-extracted-text-lease")
def _(d):
    return {"X-TIKA:content": "RESIDENTIAL LEASE APPLICATION\nApplicant: %s\nSocial Security #: %s\nCell: %s\nEmail: %s" % (d.name(), d.ssn(d.ch(["dash", "space"])), d.ph("us"), d.em("p")), "Content-Type": "application/pdf"}


@tpl("tesseract-hocr-fragment")
def _(d):
    v = d.cc("visa", fmt="space", enc=True)  # split across word spans
    w = v.split(" ")
    return {"hocr": "<span class='ocr_line'>" + "".join("<span class='ocrx_word' title='bbox %d 40 %d 62; x_wconf 9%d'>%s</span> " % (100 + 80 * i, 170 + 80 * i, d.i(0, 9), x) for i, x in enumerate(w)) + "</span>"}


@tpl("abbyy-finereader-xml")
def _(d):
    return {"xml": "<page><block blockType=\"Text\"><text><par><line><formatting lang=\"German\">Versichertennummer %s</formatting></line><line><formatting>Telefon %s</formatting></line></par></text></block></page>" % (d.hin("kvnr"), d.ph("de"))}


@tpl("google-vision-fulltext-json")
def _(d):
    return {"responses": [{"fullTextAnnotation": {"text": "MEMBER SERVICES\nMember ID %s\nRxBIN 610014\nRxPCN MEDDPRIME\nRxGRP %s\n" % (d.hin(), "RX" + d.n(4))}}]}


@tpl("paddleocr-result-lines")
def _(d):
    return {"result": [[[[12, 10], [300, 10], [300, 40], [12, 40]], ["姓名 %s" % d.name(), 0.98]], [[[12, 50], [300, 50], [300, 80], [12, 80]], ["手机 %s" % d.ph("cn"), 0.97]]]}


@tpl("document-ai-ssn-card-entities")
def _(d):
    s_ = d.ssn(d.ch(["dash", "space"]))
    return {"document": {"text": "SOCIAL SECURITY\n%s\n%s\n" % (s_, d.name().upper()), "entities": [{"type": "ssn", "mentionText": s_, "confidence": 0.97}]}}


@tpl("scanned-check-micr-and-memo")
def _(d):
    return {"ocr": "PAY TO THE ORDER OF %s\nMEMO: rent + deposit, ssn %s for the landlord form" % (d.name().upper(), d.ssn())}


# ================================================================ voice transcripts
@tpl("aws-transcribe-json")
def _(d):
    return {"results": {"transcripts": [{"transcript": "yeah my card number is %s and the expiry is %s security code %s" % (d.cc(fmt="space"), d.exp(), d.cvv())}]}}


@tpl("deepgram-listen-response")
def _(d):
    return {"results": {"channels": [{"alternatives": [{"transcript": "you can call me back at %s thanks" % d.ph("us"), "confidence": 0.94}]}]}}


@tpl("assemblyai-transcript-json")
def _(d):
    s = d.ssn()
    sp = " ".join(s.replace("-", ""))
    return {"text": "Sure, my social is %s, I'll repeat, %s." % (s, sp), "status": "completed", "speaker_labels": True}


@tpl("whisper-webvtt-captions")
def _(d):
    return {"vtt": "WEBVTT\n\n00:01:12.000 --> 00:01:16.500\nThe member ID on my card is %s.\n\n00:01:16.500 --> 00:01:19.000\nAnd the group is %s." % (d.hin(), "G" + d.n(6))}


@tpl("google-stt-recognize-response")
def _(d):
    return {"results": [{"alternatives": [{"transcript": "mi número de teléfono es %s" % d.ph(d.ch(["es", "mx", "ar"])), "confidence": 0.91}], "languageCode": "es-es"}]}


@tpl("rev-ai-transcript-elements")
def _(d):
    p = d.pw(style="{W}{n2}#")
    return {"monologues": [{"speaker": 1, "elements": [{"type": "text", "value": "the"}, {"type": "text", "value": "password"}, {"type": "text", "value": "is"}, {"type": "text", "value": p}]}]}


@tpl("otter-transcript-export-txt")
def _(d):
    return {"txt": "%s  0:04\nOkay so the new Wi-Fi password is %s, all one word.\n\n%s  0:11\nGot it." % (d.name(), d.pw(style=d.ch(["{w}{n3}{w}", "{W}{n2}#", "{W}@{n4}"])), d.name())}


@tpl("gong-call-transcript-json")
def _(d):
    return {"callTranscripts": [{"transcript": [{"speakerId": d.n(10), "sentences": [{"start": 1200, "text": "Best email is %s." % d.em("w")}, {"start": 4100, "text": "And my direct line is %s." % d.ph("us")}]}]}]}


@tpl("dragon-dictation-note")
def _(d):
    return {"dictation": "patient %s medical record number %s presents with %s period new paragraph plan metformin" % (d.name(), d.mrn(), d.icd())}


@tpl("contact-lens-analysis-json")
def _(d):
    return {"Transcript": [{"ParticipantId": "CUSTOMER", "Content": "it's %s expiry %s and the three digits on the back are %s" % (d.cc(fmt="space"), d.exp(), d.cvv())}], "Categories": {"MatchedCategories": []}}


@tpl("ivr-speech-slot-log")
def _(d):
    return {"session": d.uuid(), "slots": {"member_id": {"value": d.hin(), "confidence": 0.88}, "date_of_birth": {"value": d.dob()}}}


@tpl("call-summary-llm-output")
def _(d):
    return {"summary": "Caller %s (MRN %s) asked to move her appointment. Callback number %s. Mentioned ongoing %s." % (d.name(), d.mrn(), d.ph("us"), d.icd())}


# ================================================================ spreadsheets / mail merge
@tpl("spreadsheetml-2003-xml")
def _(d):
    return {"xml": "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"Staff\"><Table><Row><Cell><Data ss:Type=\"String\">Name</Data></Cell><Cell><Data ss:Type=\"String\">SSN</Data></Cell></Row><Row><Cell><Data ss:Type=\"String\">%s</Data></Cell><Cell><Data ss:Type=\"String\">%s</Data></Cell></Row></Table></Worksheet></Workbook>" % (d.name(), d.ssn())}


@tpl("csv-semicolon-de-excel")
def _(d):
    return {"csv": "Name;Vorname;E-Mail;Telefon;Geburtsdatum\n%s;%s;%s;%s;%02d.%02d.%d" % (d.last(), d.first(), d.em("p"), d.ph("de"), d.i(1, 28), d.i(1, 12), d.i(1950, 2000))}


@tpl("clipboard-tsv-paste")
def _(d):
    return {"pasted": "Name\tCard\tExp\tCVV\n%s\t%s\t%s\t%s" % (d.name(), d.cc(), d.exp(), d.cvv())}


@tpl("excel-vba-module-bas")
def _(d):
    return {"bas": "Attribute VB_Name = \"Sync\"\nSub Upload()\n    Const API_KEY = \"%s\"\n    Dim http: Set http = CreateObject(\"MSXML2.XMLHTTP\")\nEnd Sub" % d.key(d.ch(["airtable", "hubspot", "alnum32"]))}


@tpl("numbers-app-csv-export")
def _(d):
    return {"csv": "Table 1\nGuest,Mobile,Dietary\n%s,%s,vegetarian\n%s,%s,none" % (d.name(), d.ph("au"), d.name(), d.ph("au"))}


@tpl("word-mailmerge-datasource")
def _(d):
    return {"datasource": "Title\tFirstName\tLastName\tPolicyNo\tMemberID\nMs\t%s\t%s\tP%s\t%s" % (d.first(), d.last(), d.n(8), d.hin())}


@tpl("mailmerge-rendered-letter")
def _(d):
    return {"letter": "Dear %s,\n\nYour new benefits card is enclosed. Subscriber ID: %s. If you have questions email %s.\n" % (d.first(), d.hin(), d.em("w"))}


@tpl("avery-label-merge-csv")
def _(d):
    return {"csv": "Name,Address1,City,Phone\n\"%s\",\"%d Elm St\",\"Springfield\",\"%s\"" % (d.name(), d.i(1, 999), d.ph("us"))}


@tpl("lettershop-fixed-width-file")
def _(d):
    return {"fwf": "%-25s%-11s%-30s\n" % (d.name().upper(), d.ssn("plain"), "%d OAK AVE" % d.i(1, 999)), "_layout": "NAME(1-25) SSN(26-36) ADDR(37-66)"}


@tpl("google-apps-script-merge")
def _(d):
    return {"gs": "function sendAll() {\n  const row = ['%s', '%s', '%s'];\n  MailApp.sendEmail(row[1], 'Your temporary login', 'Password: ' + row[2]);\n}" % (d.name(), d.em("p"), d.pw())}


# ================================================================ HR / finance / government
@tpl("adp-workforce-worker-json")
def _(d):
    return {"workers": [{"person": {"governmentIDs": [{"idValue": d.ssn("plain"), "nameCode": {"codeValue": "SSN"}}], "legalName": {"formattedName": d.name()}}}]}


@tpl("paylocity-employee-import")
def _(d):
    return {"csv": "EmpID,LastName,FirstName,SSN,HomePhone,PersonalEmail\n%d,%s,%s,%s,%s,%s" % (d.i(100, 9999), d.last(), d.first(), d.ssn(), d.ph("us"), d.em("p"))}


@tpl("w4-efile-xml")
def _(d):
    return {"xml": "<W4Form TaxYr=\"2026\"><EmployeeFirstName>%s</EmployeeFirstName><EmployeeLastName>%s</EmployeeLastName><EmployeeSSN>%s</EmployeeSSN><FilingStatusCd>2</FilingStatusCd></W4Form>" % (d.first(), d.last(), d.ssn(d.ch(["plain", "dash"])))}


@tpl("ssa-89-consent-text")
def _(d):
    return {"text": "Form SSA-89\nPrinted Name: %s\nDate of Birth: %s\nSocial Security Number: %s\nReason for authorizing consent: Mortgage Service" % (d.name(), d.dob(), d.ssn())}


@tpl("fincen-sar-narrative")
def _(d):
    return {"narrative": "Subject %s (SSN %s) made 6 cash deposits below $10,000 between %s and %s." % (d.name(), d.ssn(), d.date(), d.date())}


@tpl("mortgage-credit-pull-request-xml")
def _(d):
    return {"xml": "<REQUEST_GROUP><BORROWER _FirstName=\"%s\" _LastName=\"%s\" _SSN=\"%s\"/></REQUEST_GROUP>" % (d.first(), d.last(), d.ssn("plain"))}


@tpl("financial-aid-portal-message")
def _(d):
    return {"body": "Hi financial aid office, I'm confirming my SSN is %s and my student ID is S%s. Phone %s." % (d.ssn(), d.n(7), d.ph("us"))}


@tpl("tax-preparer-intake-chat")
def _(d):
    return {"chat": [{"role": "client", "text": "my wife's social is %s and mine is %s" % (d.ssn(), d.ssn())}, {"role": "preparer", "text": "thanks, got them"}]}


@tpl("benefits-carrier-feed-csv")
def _(d):
    return {"csv": "SubscriberSSN,DependentSSN,Relationship,PlanCode\n%s,%s,SPOUSE,PPO500" % (d.ssn("plain"), d.ssn("plain"))}


@tpl("unemployment-claim-portal-json")
def _(d):
    return {"claimant": {"ssn": d.ssn(), "phone": d.ph("us"), "email": d.em("p")}, "separation_reason": "lack of work"}


@tpl("child-support-case-note")
def _(d):
    return {"note": "NCP %s, SSN %s, employer verified. Income withholding sent %s." % (d.name(), d.ssn(), d.date())}


@tpl("payroll-garnishment-order-ocr")
def _(d):
    return {"ocr": "INCOME WITHHOLDING FOR SUPPORT\nEmployee/Obligor's Name: %s\nEmployee/Obligor's Social Security Number: %s" % (d.name().upper(), d.ssn(d.ch(["dash", "space"])))}


# ================================================================ developer tools: tokens, keys
@tpl("swagger-ui-authorize-localstorage")
def _(d):
    return {"authorized": J({"bearerAuth": {"name": "bearerAuth", "schema": {"type": "http", "scheme": "bearer"}, "value": d.jwt()}})}


@tpl("grpc-metadata-debug-log")
def _(d):
    return {"log": "DEBUG grpc.metadata outgoing: [(':authority', 'orders.svc:443'), ('authorization', 'Bearer %s'), ('x-request-id', '%s')]" % (d.jwt(), d.uuid())}


@tpl("nextauth-session-cookie-dump")
def _(d):
    return {"cookies": "__Secure-next-auth.session-token=%s; __Host-next-auth.csrf-token=%s%%7C%s" % (d.jwt(), d.hexs(64), d.hexs(64))}


@tpl("supabase-js-client-init")
def _(d):
    return {"ts": "export const admin = createClient(\n  'https://%s.supabase.co',\n  '%s' // service_role\n)" % (d.s(LO, 20), d.jwt(alg="HS256"))}


@tpl("hasura-graphql-console-headers")
def _(d):
    return {"headers": {"content-type": "application/json", "Authorization": "Bearer " + d.jwt(), "x-hasura-role": "user"}}


@tpl("keycloak-token-exchange-response")
def _(d):
    return {"access_token": d.jwt(alg="RS256"), "expires_in": 300, "refresh_expires_in": 1800, "refresh_token": d.jwt(alg="HS256"), "token_type": "Bearer", "not-before-policy": 0}


@tpl("websocket-upgrade-query-token")
def _(d):
    return {"request_line": "GET /live?token=%s&v=3 HTTP/1.1" % d.jwt(), "upgrade": "websocket"}


@tpl("graphql-apollo-studio-operation-log")
def _(d):
    return {"operationName": "Me", "http": {"requestHeaders": {"authorization": d.jwt()}}, "clientName": "web"}


@tpl("pytest-httpx-cassette-yaml")
def _(d):
    return {"yaml": "interactions:\n- request:\n    headers:\n      Authorization:\n      - Bearer %s\n    method: GET\n    uri: https://api.kestrelpay.com/v1/balance\n  response:\n    status: {code: 200, message: OK}" % d.jwt()}


@tpl("vcr-ruby-cassette-yaml")
def _(d):
    return {"yaml": "http_interactions:\n- request:\n    method: post\n    uri: https://api.stripe.com/v1/charges\n    headers:\n      Authorization:\n      - Bearer %s\n" % d.key("stripe")}


@tpl("nock-recorder-output-js")
def _(d):
    return {"js": "nock('https://api.github.com:443', {\"encodedQueryParams\":true})\n  .get('/user')\n  .matchHeader('authorization', 'token %s')\n  .reply(200, {\"login\":\"octo\"});" % d.key("gh")}


@tpl("wiremock-mapping-json")
def _(d):
    return {"request": {"method": "POST", "url": "/oauth/token", "headers": {"Authorization": {"equalTo": "Basic " + b64("svc-billing:" + d.pw(enc=True))}}}, "response": {"status": 200}}


@tpl("mockoon-environment-json")
def _(d):
    return {"routes": [{"endpoint": "v1/users", "responses": [{"body": J({"id": 1, "email": d.em("w"), "phone": d.ph("us")})}]}]}


@tpl("dotnet-user-secrets-json")
def _(d):
    return {"secrets.json": {"Stripe:SecretKey": d.key("stripe"), "ConnectionStrings:Default": "Host=localhost;Username=app;Password=%s" % d.pw()}}


@tpl("spring-cloud-config-server-response")
def _(d):
    return {"name": "billing", "profiles": ["prod"], "propertySources": [{"name": "vault:billing", "source": {"spring.datasource.password": d.pw(), "aws.accessKeyId": d.aws(), "aws.secretKey": d.aws_secret()}}]}


@tpl("quarkus-application-properties")
def _(d):
    return {"properties": "quarkus.datasource.username=orders\nquarkus.datasource.password=%s\nquarkus.oidc.credentials.secret=%s" % (d.pw(), d.key("alnum32"))}


@tpl("micronaut-application-yml")
def _(d):
    return {"yaml": "micronaut:\n  security:\n    token:\n      jwt:\n        signatures:\n          secret:\n            generator:\n              secret: '%s'" % d.key(d.ch(["alnum32", "hex40"]))}


@tpl("deno-env-and-run")
def _(d):
    return {"sh": "OPENAI_API_KEY=%s deno run --allow-net --allow-env main.ts" % d.key("openai")}


@tpl("bun-bunfig-toml-registry")
def _(d):
    return {"toml": "[install.scopes]\n\"@quillfeather\" = { token = \"%s\", url = \"https://npm.pkg.github.com/\" }" % d.key("gh")}


@tpl("jupyterlab-kernel-history-sqlite-row")
def _(d):
    return {"session": d.i(1, 300), "line": d.i(1, 50), "source": "client = anthropic.Anthropic(api_key=\"%s\")" % d.key("anthropic")}


@tpl("rstudio-renviron")
def _(d):
    return {"file": "~/.Renviron", "content": "GITHUB_PAT=%s\nCENSUS_API_KEY=%s\n" % (d.key("gh"), d.key("hex40"))}


@tpl("matlab-weboptions-script")
def _(d):
    return {"m": "opts = weboptions('HeaderFields', {'Authorization', ['Bearer ' '%s']});\ndata = webread(url, opts);" % d.key(d.ch(["hf", "openai"]))}


@tpl("huggingface-hub-token-cache")
def _(d):
    return {"path": "~/.cache/huggingface/token", "content": d.key("hf")}


@tpl("aws-toolkit-vscode-profile-dump")
def _(d):
    return {"profiles": [{"name": "prod-admin", "aws_access_key_id": d.aws(), "aws_secret_access_key": d.aws_secret(), "region": "eu-central-1"}]}


@tpl("boto3-session-repr-log")
def _(d):
    return {"log": "Credentials(access_key='%s', secret_key='%s', token='%s', method='sts-assume-role')" % (d.aws(sts=True), d.aws_secret(), "IQoJb3JpZ2luX2Vj" + d.s(B64, 160))}


@tpl("localstack-init-script")
def _(d):
    return {"sh": "export AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s\naws --endpoint-url=http://localhost:4566 s3 mb s3://uploads" % (d.aws(), d.aws_secret())}


@tpl("aws-sigv4-authorization-header")
def _(d):
    return {"headers": {"Authorization": "AWS4-HMAC-SHA256 Credential=%s/20261203/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=%s" % (d.aws(), d.hexs(64)), "X-Amz-Date": "20261203T101500Z"}}


@tpl("rclone-like-s3-remote-in-notes")
def _(d):
    return {"md": "## Backup bucket\n- endpoint: s3.eu-west-2.amazonaws.com\n- key id: `%s`\n- secret: `%s`" % (d.aws(), d.aws_secret())}


@tpl("ses-smtp-credentials-csv")
def _(d):
    return {"csv": "IAM User Name,Smtp Username,Smtp Password\nses-smtp-user.%s,%s,%s" % (d.n(8) + "-" + d.n(6), d.aws(), d._rec("password", "B" + d.s(B64, 43)))}


@tpl("datadog-aws-integration-payload")
def _(d):
    return {"account_id": d.n(12), "access_key_id": d.aws(), "secret_access_key": d.aws_secret(), "host_tags": ["env:prod"]}


@tpl("minio-mc-admin-user-info")
def _(d):
    return {"out": "AccessKey: %s\nSecretKey: %s\nStatus: enabled\nPolicyName: readwrite" % (d.aws(), d.aws_secret())}


@tpl("snowflake-external-stage-sql")
def _(d):
    return {"sql": "CREATE STAGE raw_stage URL='s3://lake-raw/' CREDENTIALS=(AWS_KEY_ID='%s' AWS_SECRET_KEY='%s');" % (d.aws(), d.aws_secret())}


@tpl("redshift-copy-command-log")
def _(d):
    return {"stl_query": "copy sales from 's3://etl/sales/' credentials 'aws_access_key_id=%s;aws_secret_access_key=%s' csv;" % (d.aws(), d.aws_secret())}


@tpl("gitea-actions-secret-leak-log")
def _(d):
    return {"log": "2026-12-03T10:12:01Z + aws configure set aws_access_key_id %s\n2026-12-03T10:12:01Z + aws configure set aws_secret_access_key %s" % (d.aws(), d.aws_secret())}


# ================================================================ private keys
@tpl("gpg-export-secret-key-armor")
def _(d):
    body = "lQdGBGV" + d.s(B64, 64 * 12)
    rows = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    v = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----" % (rows, d.s(B64, 4))
    return {"out": d._rec("private_key", v)}


@tpl("acme-account-key-json")
def _(d):
    return {"account.json": {"uri": "https://acme-v02.api.letsencrypt.org/acme/acct/%d" % d.i(10 ** 8, 10 ** 9)}, "private_key.pem": d.pk(d.ch(["ec", "rsa"]))}


@tpl("certbot-privkey-cat")
def _(d):
    return {"terminal": "$ sudo cat /etc/letsencrypt/live/shop.quillfeather.io/privkey.pem\n" + d.pk("pkcs8")}


@tpl("java-keystore-pem-export")
def _(d):
    return {"terminal": "$ openssl pkcs12 -in keystore.p12 -nodes -nocerts\nEnter Import Password:\nBag Attributes\n    friendlyName: tomcat\n" + d.pk("pkcs8")}


@tpl("xmlsec-keyinfo-with-private")
def _(d):
    return {"xml": "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIC%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n<!-- sp private key for testing -->\n<sp_key>%s</sp_key>" % (d.s(B64, 120), d.pk("rsa", esc=True))}


@tpl("github-app-private-key-env")
def _(d):
    return {"env": "GITHUB_APP_ID=%d\nGITHUB_APP_PRIVATE_KEY=\"%s\"" % (d.i(100000, 999999), d.pk("rsa", esc=True))}


@tpl("apple-signin-key-in-json-config")
def _(d):
    return {"appleAuth": {"teamId": d.s(UP + DG, 10), "keyId": d.s(UP + DG, 10), "privateKey": d.pk("pkcs8ec", esc=True)}}


@tpl("sftp-deploy-key-in-ci-variable-dump")
def _(d):
    return {"variables": [{"key": "SSH_PRIVATE_KEY", "value": d.pk("openssh"), "protected": False, "masked": False}]}


@tpl("ssh-keygen-private-key-cat")
def _(d):
    return {"terminal": "$ cat ~/.ssh/id_ed25519\n" + d.pk("openssh", lines=7)}


@tpl("paramiko-dss-key-string")
def _(d):
    return {"py": "KEY = '''%s'''\nkey = paramiko.DSSKey.from_private_key(io.StringIO(KEY))" % d.pk("dsa")}


@tpl("encrypted-pkcs8-in-helm-secret")
def _(d):
    return {"yaml": "tls:\n  keyPassphrase: %s\n  key: |\n" % d.pw() + "".join("    " + ln + "\n" for ln in d.pk("enc").splitlines())}


@tpl("age-secret-key-file")
def _(d):
    v = "AGE-SECRET-KEY-1" + d.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".upper(), 58)
    return {"file": "# created: %s\n# public key: age1%s\n%s" % (d.ts(), d.s("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58), d._rec("private_key", v))}


@tpl("jwk-private-rsa-in-config")
def _(d):
    k = {"kty": "RSA", "kid": d.hexs(8), "n": d.s(B64U, 342), "e": "AQAB", "d": d.s(B64U, 342), "p": d.s(B64U, 171), "q": d.s(B64U, 171)}
    d._rec("private_key", k["d"])
    return {"signing_key": k}


@tpl("expo-eas-credentials-json")
def _(d):
    return {"credentials.json": {"android": {"keystore": {"keystorePath": "android/keystores/release.keystore", "keystorePassword": d.pw(), "keyAlias": "upload", "keyPassword": d.pw()}}}}


# ================================================================ more languages and positions
@tpl("shopware-order-comment-de")
def _(d):
    return {"customerComment": "Bitte Karte %s belasten, gültig bis %s, Prüfnummer %s. Danke!" % (d.cc(fmt="space"), d.exp(), d.cvv())}


@tpl("rakuten-inquiry-form-ja")
def _(d):
    return {"お問い合わせ内容": "カード番号 %s 有効期限 %s セキュリティコード %s で決済できません。電話 %s" % (d.cc(), d.exp(), d.cvv(), d.ph("jp"))}


@tpl("mercadolivre-pergunta-pt")
def _(d):
    return {"text": "Posso pagar por fora? Cartão %s validade %s código de segurança %s" % (d.cc(), d.exp(), d.cvv())}


@tpl("bol-com-klantvraag-nl")
def _(d):
    return {"bericht": "Mijn creditcard %s (geldig tot %s, beveiligingscode %s) is geweigerd, wat nu?" % (d.cc(fmt="dash"), d.exp(), d.cvv())}


@tpl("allegro-wiadomosc-pl")
def _(d):
    return {"tresc": "Dzień dobry, numer karty %s, data ważności %s, kod CVV2 %s. Proszę o kontakt: %s" % (d.cc(), d.exp(), d.cvv(), d.ph("pl"))}


@tpl("trendyol-musteri-notu-tr")
def _(d):
    return {"not": "Kart numaram %s son kullanma %s güvenlik kodu %s, şifre: %s" % (d.cc(fmt="space"), d.exp(), d.cvv(), d.pw())}


@tpl("noon-support-chat-ar")
def _(d):
    return {"messages": [{"from": "customer", "text": "رقم البطاقة %s وتاريخ الانتهاء %s ورمز الأمان %s" % (d.cc(), d.exp(), d.cvv())}]}


@tpl("hotel-booking-guarantee-fax-ocr")
def _(d):
    return {"ocr": "CREDIT CARD AUTHORIZATION\nCard type: AMEX\nCard #: %s\nExp: %s   CID (4 digits, front): %s\nGuest phone: %s" % (d.cc("amex", fmt="space"), d.exp(), d.cvv(4), d.ph(d.ch(["us", "mx"])))}


@tpl("ssn-dotted-chat-es")
def _(d):
    return {"chat": "Cliente: mi número de seguro social es %s\nAgente: gracias, ¿y su fecha de nacimiento?" % d.ssn(d.ch(["dot", "dash", "plain"]))}


@tpl("tagalog-remittance-chat")
def _(d):
    return {"msg": "Ate, ito yung SSN ko para sa form: %s. Tawagan mo ako sa %s" % (d.ssn(), d.ph("ph"))}


@tpl("irs-transcript-request-notes")
def _(d):
    return {"notes": "4506-T faxed. Taxpayer SSN %s, spouse SSN %s, tax years 2023-2025." % (d.ssn(d.ch(["dash", "slash"])), d.ssn("space"))}


@tpl("google-keep-takeout-note")
def _(d):
    lab = d.ch(["пароль", "パスワード", "şifre", "كلمة المرور", "mật khẩu", "hasło", "lösenord", "heslo", "salasana"])
    return {"title": d.ch(["wifi", "bank", "portal", "router"]), "textContent": "%s: %s" % (lab, d.pw()), "isPinned": False, "createdTimestampUsec": int(d.epoch()) * 1000000}


@tpl("wifi-guest-card-text")
def _(d):
    return {"text": "WELCOME!\nNetwork: Guest-%s\nWiFi password: %s\nFront desk: %s" % (d.last(), d.pw(style=d.ch(["{w}{n3}{w}", "{W}{n2}#", "{W}_{W}{n2}"])), d.ph(d.ch(["uk", "fr", "es", "it"])))}


@tpl("router-sticker-ocr")
def _(d):
    return {"ocr": "SSID: FRITZ!Box 7590 %s\nWLAN-Netzwerkschlüssel: %s\nFRITZ!Box-Kennwort: %s" % (d.s(UP, 2), d.pw(style="{R}"), d.pw(style="{p}"))}


@tpl("kp-wallet-pass-json")
def _(d):
    return {"formatVersion": 1, "passTypeIdentifier": "pass.org.kp.member", "generic": {"primaryFields": [{"key": "name", "value": d.name()}], "secondaryFields": [{"key": "mrn", "label": "MRN", "value": d.mrn("d8")}]}, "barcode": {"format": "PKBarcodeFormatPDF417", "message": d.hexs(24)}}


@tpl("uhc-digital-id-card-api-json")
def _(d):
    return {"card": {"payer": "UnitedHealthcare", "memberName": d.name().upper(), "memberId": d.hin("uhc"), "groupNumber": d.n(6), "payerId": "87726", "rxBin": "610279"}}


@tpl("delta-dental-eligibility-json")
def _(d):
    return {"subscriber": {"name": d.name(), "subscriberId": d.hin(d.ch(["generic", "uhc"])), "relationship": "self"}, "coverage": {"preventive": "100%"}}


@tpl("korean-nhi-certificate-text")
def _(d):
    return {"text": "건강보험 자격득실 확인서\n성명: %s\n건강보험증번호: %s\n연락처: %s" % (d.name(), d.hin("nhi_kr_dash"), d.ph("kr"))}


@tpl("mbi-in-sms-reply")
def _(d):
    return {"from": d.ph("us"), "text": "here's my medicare # %s" % d.mbi(dashed=d.ch([True, False]))}


@tpl("phone-in-e164-json-field-list")
def _(d):
    return {"contacts": [{"label": lab, "value": d.ph(cc)} for lab, cc in [("mobile", d.ch(["za", "ng", "ke"])), ("work", d.ch(["ae", "sa", "eg"]))]]}


@tpl("phone-tel-uri-html")
def _(d):
    p = d.ph(d.ch(["us", "uk", "de", "fr"]))
    return {"html": "<a href=\"tel:%s\">Call %s</a>" % (re.sub(r"[^\d+]", "", p), p)}


@tpl("cloudflare-access-jwt-assertion-log")
def _(d):
    return {"log": "%s access-check host=intranet path=/ cf-access-jwt-assertion=%s result=allow" % (d.ts(), d.jwt(alg="RS256"))}


@tpl("oauth2-proxy-upstream-headers")
def _(d):
    return {"headers": {"X-Forwarded-User": d.first().lower(), "X-Forwarded-Access-Token": d.jwt(), "X-Auth-Request-Groups": "staff"}}


@tpl("firebase-id-token-curl-history")
def _(d):
    return {"history": "http POST https://api.quillfeather.io/v1/profile \"Authorization:Bearer %s\" name=test" % d.jwt(alg="RS256")}


@tpl("unity-player-prefs-xml")
def _(d):
    return {"xml": "<map><string name=\"session_jwt\">%s</string><int name=\"level\" value=\"%d\" /></map>" % (d.jwt(), d.i(1, 80))}


@tpl("service-worker-cache-entry")
def _(d):
    return {"url": "https://app.kestrelpay.com/api/me", "requestHeaders": [["authorization", "Bearer " + d.jwt()]], "responseStatus": 200}


FW = str.maketrans("0123456789-+()", "０１２３４５６７８９－＋（）")
AI = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@tpl("keycloak-login-actions-form-post")
def _(d):
    e = d.em("w", enc=True)  # url-encoded in the body
    return {"request": "POST /realms/staff/login-actions/authenticate?session_code=%s&execution=%s HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nusername=%s&password=%s&credentialId=" % (d.s(B64U, 43), d.uuid(), q(e), q(d.pw(enc=True)))}


@tpl("mercari-torihiki-message-ja")
def _(d):
    p = d.ph("jp")
    fw = p.translate(FW)
    d.values[-1] = ("phone", fw)
    return {"message": "お世話になります。発送の件でご連絡ください。電話番号：%s" % fw, "item_id": "m" + d.n(11)}


@tpl("careem-captain-chat-ar")
def _(d):
    p = d.ph(d.ch(["ae", "sa", "eg"]))
    ai = p.translate(AI)
    d.values[-1] = ("phone", ai)
    return {"messages": [{"from": "rider", "text": "أنا عند البوابة، رقمي %s" % ai}, {"from": "captain", "text": "دقيقتين"}]}


# ================================================================ hard negatives
N = lambda fmt: tpl(fmt, neg=True)


@N("x12-856-ship-notice")
def _(d):
    return {"edi": "ST*856*0001~BSN*00*%s*%s*1200~HL*1**S~TD5**2*UPSN~REF*CN*1Z%s~HL*2*1*O~PRF*PO%s~HL*3*2*I~LIN**UP*%s~SN1**%d*EA~MAN*GM*00%s~SE*12*0001~" % (d.n(10), d.date().replace("-", ""), d.s(UP + DG, 16), d.n(7), d.n(12), d.i(1, 99), d.lfail(18))}


@N("ups-quantum-view-event")
def _(d):
    return {"TrackingNumber": "1Z" + d.s(UP + DG, 6) + d.n(10), "ShipperNumber": d.s(UP + DG, 6), "ReferenceNumber": [d.lfail(10), "PO-" + d.n(6)], "Activity": {"Date": d.date().replace("-", ""), "Status": "DELIVERED"}}


@N("usps-informed-delivery-text")
def _(d):
    t = "9400" + d.n(18)
    return {"text": "Your package is out for delivery.\nTracking: %s %s %s %s %s %s\nExpected by 8pm." % (t[:4], t[4:8], t[8:12], t[12:16], t[16:20], t[20:])}


@N("warranty-imei-lookup-json")
def _(d):
    imei = luhn_complete("35" + d.n(12))
    return {"imei": imei, "imei2": luhn_complete("35" + d.n(12)), "serial": d.s(UP + DG, 12), "warranty": "active", "purchase_date": d.date()}


@N("sim-iccid-activation-log")
def _(d):
    return {"log": "%s ACTIVATE iccid=%s imsi=%s msisdn_assigned=pending plan=IOT-5GB" % (d.ts(), luhn_complete("8944" + d.n(14)), "23415" + d.n(10))}


@N("receipt-email-card-ending")
def _(d):
    return {"body": "Thanks for your order #%s.\nPaid with Visa ending in %s\nAuth code: %s\nCard: **** **** **** %s\nTotal: EUR %d.%02d" % (d.n(8), d.n(4), d.s(UP + DG, 6), d.n(4), d.i(5, 300), d.i(0, 99))}


@N("gateway-avs-cvv-result-json")
def _(d):
    return {"transaction_id": d.lfail(12), "avs_result": d.ch(["Y", "Z", "N"]), "cvv_result": d.ch(["M", "N", "P"]), "cvc_check": "pass", "card": {"bin": "4" + d.n(5), "last4": d.n(4), "brand": "visa", "exp_month": d.i(1, 12)}}


@N("pci-asv-scan-summary")
def _(d):
    return {"text": "ASV scan %s: PASS\nStored CVV2 data detected: No\nPAN in logs: 0 instances\nTLS 1.0 disabled: Yes\nScan ID %s" % (d.date(), d.uuid())}


@N("checkout-com-payment-captured-webhook")
def _(d):
    return {"type": "payment_captured", "data": {"id": "pay_" + d.s(LO + DG, 26), "source": {"bin": "5" + d.n(5), "last4": d.n(4), "fingerprint": d.hexs(64).upper(), "cvv_check": "Y", "avs_check": "S"}, "amount": d.i(100, 99999)}}


@N("binlist-lookup-json")
def _(d):
    return {"number": {"length": 16, "luhn": True}, "scheme": "visa", "bin": "4" + d.n(7), "bank": {"name": "Example Bank"}, "country": {"alpha2": "GB"}}


@N("benefits-annual-statement-text")
def _(d):
    return {"text": "Annual Benefits Statement %d\nParticipant: %s\nSSN: ***-**-%s\nEmployee ID: %s" % (d.i(2025, 2026), d.name(), d.n(4), d.n(6))}


@N("itin-assignment-notice-text")
def _(d):
    return {"text": "Notice CP565\nWe assigned you an Individual Taxpayer Identification Number (ITIN): 9%s-%s-%s\nThis is not a Social Security number." % (d.n(2), d.ch(["70", "75", "81", "92"]), d.n(4))}


@N("vendor-ein-summary-csv")
def _(d):
    return {"csv": "Vendor,EIN,1099 Type\n%s LLC,%s-%s,NEC\n%s Inc,%s-%s,MISC" % (d.last(), d.n(2), d.n(7), d.last(), d.n(2), d.n(7))}


@N("ssn-validator-jest-spec")
def _(d):
    cases = ["000-%s-%s" % (d.n(2), d.n(4)), "666-%s-%s" % (d.n(2), d.n(4)), "%d-00-%s" % (d.i(100, 899), d.n(4)), "%d-%s-0000" % (d.i(100, 899), d.n(2)), "9%s-%s-%s" % (d.n(2), d.n(2), d.n(4))]
    return {"ts": "describe('isValidSsn', () => {\n  it.each(%s)('rejects %%s', (v) => {\n    expect(isValidSsn(v)).toBe(false);\n  });\n});" % J(cases)}


@N("zip4-address-validation-response")
def _(d):
    return {"address": {"street": "%d Market St" % d.i(1, 999), "zip5": "9410" + d.n(1), "zip4": d.n(4), "full_zip": "9410%s-%s" % (d.n(1), d.n(4)), "county_fips": "06075", "dpv": "Y"}}


@N("ach-return-notice-text")
def _(d):
    return {"text": "ACH RETURN R01 (Insufficient Funds)\nTrace: %s\nOriginating DFI: %s\nCompany ID: 1%s\nEffective: %s" % (d.lfail(15, "0"), d.n(8), d.n(9), d.date())}


@N("fedex-track-api-response")
def _(d):
    return {"output": {"completeTrackResults": [{"trackingNumber": d.lfail(12, "7"), "trackResults": [{"latestStatusDetail": {"code": "DL"}, "dateAndTimes": [{"type": "ACTUAL_DELIVERY", "dateTime": d.ts()}]}]}]}}


@N("amazon-order-confirmation-text")
def _(d):
    return {"text": "Order #%s-%s-%s\nArriving %s\nShip to: %s\nItem: USB-C cable (ASIN B0%s)" % (d.n(3), d.n(7), d.n(7), d.date(), d.name(), d.s(UP + DG, 8))}


@N("provider-credentialing-roster-csv")
def _(d):
    return {"csv": "Provider,NPI,Taxonomy,CAQH ID,License\n%s MD,%s,207Q00000X,%s,A%s\n%s DO,%s,208D00000X,%s,G%s" % (d.name(), d.lfail(10, "1"), d.n(8), d.n(5), d.name(), d.lfail(10, "1"), d.n(8), d.n(5))}


@N("epoch-metrics-json")
def _(d):
    return {"series": [{"metric": "http_requests_total", "points": [[int(d.epoch()), d.i(1, 9999)], [int(d.epoch()), d.i(1, 9999)]]}], "start_ms": int(d.epoch()) * 1000, "duration_ns": d.i(10 ** 9, 10 ** 10)}


@N("ip-mac-inventory-csv")
def _(d):
    return {"csv": "hostname,ip,mac,switch_port\n%s,%s,%s,Gi1/0/%d" % ("ws-" + d.n(4), d.ip(), ":".join(d.hexs(2) for _ in range(6)), d.i(1, 48))}


@N("release-manifest-semver")
def _(d):
    return {"release": "%d.%d.%d-build.%d" % (d.i(1, 20), d.i(0, 30), d.i(0, 99), d.i(1000, 99999)), "commit": d.hexs(40), "built_at": d.ts(), "artifacts": [{"name": "app.tar.gz", "sha256": d.hexs(64)}]}


@N("buildx-imagetools-inspect")
def _(d):
    return {"out": "Name:      ghcr.io/quillfeather/api:1.%d.0\nMediaType: application/vnd.oci.image.index.v1+json\nDigest:    sha256:%s\n\nManifests:\n  Name: ghcr.io/quillfeather/api:1.%d.0@sha256:%s\n  Platform: linux/amd64" % (d.i(0, 9), d.hexs(64), d.i(0, 9), d.hexs(64))}


@N("argocd-vault-plugin-placeholders")
def _(d):
    return {"yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  annotations:\n    avp.kubernetes.io/path: \"secret/data/%s\"\nstringData:\n  password: <password>\n  api-key: <path:secret/data/stripe#secret_key>" % d.s(LO, 6)}


@N("op-inject-template")
def _(d):
    return {"tpl": "DATABASE_URL=postgres://app:{{ op://Prod/%s-db/password }}@db:5432/app\nSTRIPE_KEY={{ op://Prod/stripe/credential }}" % d.s(LO, 5)}


@N("cfn-dynamic-references")
def _(d):
    return {"yaml": "Resources:\n  DB:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUsername: admin\n      MasterUserPassword: '{{resolve:secretsmanager:prod/%s:SecretString:password}}'\n      StorageEncrypted: true" % d.s(LO, 6)}


@N("password-policy-config-json")
def _(d):
    return {"passwordPolicy": {"minLength": d.i(8, 16), "requireUppercase": True, "requireSymbols": True, "maxAgeDays": d.i(30, 365), "historyCount": d.i(3, 24), "lockoutThreshold": d.i(3, 10)}, "message": "Password must contain at least one symbol"}


@N("cis-benchmark-sshd-audit-output")
def _(d):
    return {"out": "5.2.%d Ensure sshd PermitRootLogin is disabled ........ PASS (permitrootlogin no)\n5.2.%d Ensure sshd PasswordAuthentication is disabled ... PASS (passwordauthentication no)\n5.2.%d Ensure sshd PermitEmptyPasswords is disabled .... PASS\nScore: %d/%d" % (d.i(1, 9), d.i(10, 14), d.i(15, 19), d.i(20, 30), d.i(31, 40))}


@N("pam-pwquality-conf")
def _(d):
    return {"conf": "# /etc/security/pwquality.conf\nminlen = %d\ndcredit = -%d\nucredit = -1\nocredit = -%d\nretry = %d\ndictcheck = 1" % (d.i(10, 16), d.i(1, 2), d.i(1, 2), d.i(2, 5))}


@N("flutter-arb-localization")
def _(d):
    return {"app_%s.arb" % d.ch(["de", "fr", "es", "pt"]): {"@@locale": "de", "passwordLabel": "Passwort", "passwordHint": "Mindestens %d Zeichen" % d.i(8, 14), "wrongPassword": "Falsches Passwort. Bitte erneut versuchen.", "forgotPassword": "Passwort vergessen?"}}


@N("strapi-admin-users-export-json")
def _(d):
    return {"rows": [{"id": d.i(1, 999), "username": d.first().lower(), "password_hash": "$2b$12$" + d.s(AN + "./", 53)}, {"id": d.i(1, 999), "username": d.first().lower(), "password": "pbkdf2_sha256$600000$%s$%s" % (d.s(AN, 22), d.s(B64, 43) + "=")}, {"id": d.i(1, 999), "username": d.first().lower(), "passwd": "$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (d.s(B64, 22), d.s(B64, 43))}]}


@N("freeipa-user-show-output")
def _(d):
    return {"out": "  User login: %s\n  First name: %s\n  Home directory: /home/%s\n  Login shell: /bin/bash\n  Password: True\n  Member of groups: ipausers\n  Kerberos keys available: True" % (d.first().lower(), d.first(), d.first().lower())}


@N("secretsdump-ntlm-hashes")
def _(d):
    return {"out": "[*] Dumping Domain Credentials (domain\\uid:rid:lmhash:nthash)\n%s:%d:aad3b435b51404eeaad3b435b51404ee:%s:::\n%s:%d:aad3b435b51404eeaad3b435b51404ee:%s:::" % (d.first().lower(), d.i(1100, 1999), d.hexs(32), d.first().lower(), d.i(1100, 1999), d.hexs(32))}


@N("jwt-header-only-debug-log")
def _(d):
    hdr = base64.urlsafe_b64encode(J({"alg": "RS256", "kid": d.hexs(16)}).replace(" ", "").encode()).decode().rstrip("=")
    return {"log": "WARN jwt: unknown kid in header %s (token truncated: %s…)" % (hdr, hdr[:12])}



@N("venafi-certificate-request-json")
def _(d):
    body = "MIIC" + d.s(B64, 60 + 64 * 6)
    return {"csr": "-----BEGIN CERTIFICATE REQUEST-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + "\n-----END CERTIFICATE REQUEST-----", "cn": "shop.quillfeather.io"}


@N("ssh-keyscan-fingerprints")
def _(d):
    return {"out": "256 SHA256:%s git-host-%d (ED25519)\n3072 SHA256:%s git-host-%d (RSA)" % (d.s(B64, 43), d.i(1, 9), d.s(B64, 43), d.i(1, 9))}


@N("age-recipients-file")
def _(d):
    return {"recipients.txt": "# ops team\nage1%s\nage1%s" % (d.s("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58), d.s("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58))}



@N("aws-iam-get-role-json")
def _(d):
    acct = d.n(12)
    return {"Role": {"RoleName": "lambda-exec", "RoleId": "AROA" + d.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17), "Arn": "arn:aws:iam::%s:role/lambda-exec" % acct, "CreateDate": d.ts()}, "_user": {"UserId": "AIDA" + d.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17)}}



@N("kms-list-keys-output")
def _(d):
    return {"Keys": [{"KeyId": d.uuid(), "KeyArn": "arn:aws:kms:us-east-1:%s:key/%s" % (d.n(12), d.uuid())} for _ in range(2)]}


@N("nestjs-decorators-source")
def _(d):
    return {"ts": "import { Injectable } from '@nestjs/common';\nimport { InjectRepository } from '@nestjs/typeorm';\n// \"@nestjs/core\": \"^10.%d.%d\"\n@Injectable()\nexport class %sService {}" % (d.i(0, 4), d.i(0, 9), d.last())}


@N("css-at-rules-stylesheet")
def _(d):
    return {"css": "@import url('fonts.css');\n@media (max-width: %dpx) { .nav { display: none } }\n@font-face { font-family: Inter; src: url(inter.woff2) }\n@supports (display: grid) { .g { display: grid } }" % d.i(480, 1024)}


@N("social-media-campaign-copy")
def _(d):
    return {"copy": "Big news! Follow @%s and @%sHQ for launch updates #launch%d #saas" % (d.last().lower(), d.last(), d.i(2025, 2026))}


@N("ssh-runbook-user-at-host")
def _(d):
    return {"md": "1. `ssh deploy@web-%02d`\n2. `sudo -u postgres psql`\n3. `scp ubuntu@bastion:/tmp/dump.sql .`" % d.i(1, 20)}


@N("code-review-mentions")
def _(d):
    return {"comment": "@%s @%s can you take a look? Bumped lodash@4.17.%d and react@18.%d.0" % (d.first().lower(), d.first().lower(), d.i(10, 21), d.i(0, 3))}


@N("crm-merge-tag-template")
def _(d):
    return {"template": "Hi {{contact.first_name}},\nWe'll send the receipt to {{contact.email}} and text {{contact.phone}}.\nRef: %s" % d.s(UP + DG, 8)}


@N("lab-analyzer-qc-log")
def _(d):
    return {"log": "QC LOT %s LEVEL %d  LOINC 2345-7 GLU %d mg/dL  OK\nQC LOT %s LEVEL %d  LOINC 2160-0 CREA %.2f mg/dL  OK\nInstrument SN %s" % (d.n(6), d.i(1, 3), d.i(60, 300), d.n(6), d.i(1, 3), d.i(50, 150) / 100, d.s(UP + DG, 10))}


@N("hospital-price-transparency-csv")
def _(d):
    return {"csv": "description,code|1,code|1|type,standard_charge|gross\nOffice visit est. pt,99213,CPT,%d.00\nCeftriaxone inj 250mg,J0696,HCPCS,%d.00\nChest x-ray 2 views,71046,CPT,%d.00" % (d.i(100, 400), d.i(10, 90), d.i(100, 600))}


@N("dscsa-datamatrix-scan-log")
def _(d):
    return {"log": "%s SCAN gs1=(01)0030093%s(17)%d%02d%02d(10)%s(21)%s product=NDC 0093-%s-01" % (d.ts(), d.n(7), d.i(27, 30), d.i(1, 12), d.i(1, 28), d.s(UP + DG, 7), d.s(UP + DG, 12), d.n(4))}


@N("cosmetics-inci-ingredient-list")
def _(d):
    return {"inci": "Aqua, Glycerin, Cetearyl Alcohol, Parfum, CI 77891, CI 77491, CI 19140, Tocopherol. Batch %s" % d.s(UP + DG, 8)}


@N("wine-import-spec-sheet")
def _(d):
    return {"spec": {"product": "Rioja Crianza %d" % d.i(2018, 2023), "additives": ["E220", "E334", "E414"], "abv": "%d.%d%%" % (d.i(12, 14), d.i(0, 9)), "hs_code": "2204.21"}}


@N("uk-delivery-slot-postcodes")
def _(d):
    return {"slots": [{"postcode": "E11 %d%s" % (d.i(1, 9), d.s("ABDEFGHJLNPQRSTUWXYZ", 2)), "window": "08:00-10:00"}, {"postcode": "F" + "K10 %d%s" % (d.i(1, 9), d.s("ABDEFGHJLNPQRSTUWXYZ", 2)), "window": "10:00-12:00"}, {"postcode": "N22 %d%s" % (d.i(1, 9), d.s("ABDEFGHJLNPQRSTUWXYZ", 2)), "window": "12:00-14:00"}]}


@N("bingo-caller-log")
def _(d):
    calls = [d.ch("BINGO") + str(d.i(1, 75)) for _ in range(12)]
    return {"game": d.i(1, 999), "calls": ", ".join(calls), "winner_card": "C-%s" % d.n(4)}


@N("aircraft-seat-map-json")
def _(d):
    return {"flight": "LH%d" % d.i(100, 999), "available": ["%d%s" % (d.i(10, 40), d.ch("ABCDEFJK")) for _ in range(6)], "exit_rows": [12, 13], "blocked": ["J%d" % d.i(1, 9)]}


@N("tyre-spec-sheet")
def _(d):
    return {"sizes": ["%d/%d R%d %d%s" % (d.ch([195, 205, 225, 245]), d.ch([45, 55, 65]), d.ch([15, 16, 17, 18]), d.i(85, 99), d.ch("HVWY")) for _ in range(3)], "ean": d.n(13)}


@N("traffic-incident-feed-json")
def _(d):
    return {"incidents": [{"road": "M%d" % d.ch([1, 4, 6, 25, 62]), "junction": "J%d-J%d" % (d.i(1, 20), d.i(21, 40)), "severity": "moderate", "updated": d.ts()}, {"road": "A%d" % d.i(1, 99), "desc": "lane closed"}]}


@N("plate-reader-export-csv")
def _(d):
    wells = ["%s%02d" % (r, c) for r in "ABCDEFGH" for c in (1, 10, 11, 12)]
    sel = [d.ch(wells) for _ in range(6)]
    return {"csv": "Well,OD450\n" + "\n".join("%s,%.3f" % (w, d.i(50, 3000) / 1000) for w in sel), "assay": "ELISA IL-6 (research use only)"}


@N("battleship-game-log")
def _(d):
    return {"moves": ["%s%d %s" % (d.ch("ABCDEFGHIJ"), d.i(1, 10), d.ch(["miss", "hit", "sunk"])) for _ in range(8)]}


@N("camera-store-inventory-json")
def _(d):
    return {"items": [{"model": d.ch(["Z50", "R10", "A7 IV", "X-T5", "G9 II", "E-M10"]), "sku": "CAM-%s" % d.n(5), "qty": d.i(0, 20)} for _ in range(3)]}


@N("wellness-app-daily-summary")
def _(d):
    return {"date": d.date(), "steps": d.i(1000, 20000), "resting_hr": d.i(50, 80), "sleep_minutes": d.i(240, 540), "note": "Felt tired, mild headache in the evening."}


@N("medication-reminder-push")
def _(d):
    return {"aps": {"alert": {"title": "Reminder", "body": "Time to take %s %d mg" % (d.ch(["Lisinopril", "Metformin", "Atorvastatin"]), d.ch([5, 10, 20, 500]))}}, "schedule_id": d.uuid()}


@N("encounter-ids-export-csv")
def _(d):
    return {"csv": "CSN,FIN,Accession,Bed,Order ID\n%s,%s,S%d-%06d,%d%s,%s" % (d.n(10), d.n(9), d.i(24, 26), d.i(1, 999999), d.i(100, 999), d.ch("ABCD"), d.n(8)), "_note": "no MRN column in this extract"}


@N("phlebotomy-route-pickup-log")
def _(d):
    return {"log": "%s PICKUP route %d: accession %s, %s; tube ids %s, %s; temp 4C" % (d.ts(), d.i(1, 40), "A" + d.n(9), "A" + d.n(9), d.n(10), d.n(10))}


@N("payer-list-json")
def _(d):
    return {"payers": [{"name": "Aetna", "payer_id": "60054", "naic": "60054"}, {"name": "UnitedHealthcare", "payer_id": "87726"}, {"name": "Plan %d" % d.i(1, 99), "payer_id": d.n(5), "rx_bin": "0" + d.n(5), "rx_pcn": d.s(UP, 6), "group": "GRP" + d.n(5)}]}


@N("insurance-broker-training-deck-text")
def _(d):
    return {"slide": "Slide %d: Reading the new Medicare card\nThe sample card shows MBI 1EG4-TE5-MK73 — this is CMS's specimen, not a real number.\nNotice: no dashes are entered in claims." % d.i(1, 40)}


@N("member-portal-profile-json")
def _(d):
    return {"member": {"name": d.first() + " " + d.last()[0] + ".", "member_id": "****" + d.n(4), "group": "G" + d.n(6), "plan": "Gold PPO", "email": "%s***@***.com" % d.first()[0].lower()}}


@N("rx-card-back-fields")
def _(d):
    return {"ocr": "RxBIN %s\nRxPCN %s\nRxGrp %s\nIssuer (80840) %s\nPharmacist use only" % ("0" + d.n(5), d.s(UP, 4), d.s(UP + DG, 6), d.n(10))}


@N("otp-sms-delivery-log")
def _(d):
    return {"log": "%s sms.sent template=otp code_len=6 code=%s provider=sinch status=DELIVERED msg_id=%s" % (d.ts(), d.n(6), d.hexs(24))}


@N("http-status-latency-table")
def _(d):
    return {"table": "status  count   p50ms  p99ms\n200     %d   %d     %d\n404     %d     %d     %d\n502     %d       %d    %d" % (d.i(1000, 99999), d.i(5, 99), d.i(100, 999), d.i(10, 999), d.i(5, 99), d.i(100, 999), d.i(1, 99), d.i(5, 99), d.i(100, 9999))}


@N("hotel-keycard-encoder-log")
def _(d):
    return {"log": "%s ENCODE room=%d keys=2 card_uid=%s checkout=%s op=frontdesk%d" % (d.ts(), d.i(100, 1299), d.hexs(8).upper(), d.date(), d.i(1, 9))}


@N("frequent-flyer-statement")
def _(d):
    return {"text": "Miles & More statement\nMember no. %s\nPNR %s  Ticket %s  Miles %d\nPNR %s  Ticket %s  Miles %d" % (d.lfail(15, "992"), d.s(UP + DG, 6), "220" + d.n(10), d.i(100, 9000), d.s(UP + DG, 6), "220" + d.n(10), d.i(100, 9000))}


@N("exchange-withdrawal-whitelist")
def _(d):
    return {"whitelist": [{"asset": "ETH", "address": "0x" + d.hexs(40), "label": "cold"}, {"asset": "BTC", "address": "bc1q" + d.s("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 38)}], "last_tx": "0x" + d.hexs(64)}


@N("github-issue-form-yaml")
def _(d):
    return {"yaml": "name: Bug report\nbody:\n  - type: input\n    id: api-key\n    attributes:\n      label: API key prefix only\n      placeholder: \"sk_live_xxxxxxxx (never paste the full key)\"\n  - type: input\n    id: token\n    attributes:\n      placeholder: <your-token>\n  - type: dropdown\n    id: version\n    attributes:\n      options: [\"v%d.%d\", \"v%d.%d\"]" % (d.i(1, 9), d.i(0, 30), d.i(1, 9), d.i(0, 30))}


@N("github-token-revocation-events")
def _(d):
    return {"events": [{"action": "token.revoked", "token": "ghp_" + "*" * 32 + d.s(AN, 4)}, {"action": "key.rolled", "key": "sk_live_..." + d.s(AN, 4)}, {"action": "token.revoked", "token": "xoxb-" + "*" * 10 + d.s(AN, 4)}]}



@N("zipkin-span-json-v2")
def _(d):
    return [{"traceId": d.hexs(32), "id": d.hexs(16), "parentId": d.hexs(16), "name": "get /api/orders", "timestamp": int(d.epoch()) * 1000000 + d.i(0, 999999), "duration": d.i(100, 99999), "localEndpoint": {"serviceName": "orders", "ipv4": d.ip()}}]


@N("requirements-txt-hashes")
def _(d):
    return {"requirements.txt": "requests==2.32.%d \\\n    --hash=sha256:%s \\\n    --hash=sha256:%s\nurllib3==2.2.%d \\\n    --hash=sha256:%s" % (d.i(0, 5), d.hexs(64), d.hexs(64), d.i(0, 5), d.hexs(64))}


@N("keybase-sigchain-json")
def _(d):
    return {"seqno": d.i(1, 200), "kid": "0120" + d.hexs(64) + "0a", "fingerprint": d.hexs(40).upper(), "sig_id": d.hexs(64) + "0f"}



@N("api-pagination-cursor-response")
def _(d):
    return {"items": [{"id": d.n(6)}], "nextToken": base64.b64encode(J({"pk": "ORDER#" + d.n(6), "sk": d.date()}).encode()).decode(), "count": 1}


@N("supplier-invoice-ocr-text")
def _(d):
    return {"ocr": "RECHNUNG Nr. %s\nUSt-IdNr. DE%s\nDatum %02d.%02d.%d\nNetto %d,00 EUR\nZahlbar bis %02d.%02d.%d" % (d.n(8), d.n(9), d.i(1, 28), d.i(1, 12), 2026, d.i(100, 9999), d.i(1, 28), d.i(1, 12), 2026)}


@N("weatherlink-current-json")
def _(d):
    return {"station_id": d.i(10000, 99999), "sensors": [{"lsid": d.i(100000, 999999), "data": [{"ts": int(d.epoch()), "temp": d.i(-10, 35), "hum": d.i(20, 99), "bar_sea_level": 29.9 + d.i(0, 9) / 10}]}]}


@N("dlms-meter-readout")
def _(d):
    return {"readout": "/ISK5MT174-0001\n0.0.0(%s)\n1.8.0(%06d.%03d*kWh)\n2.8.0(%06d.%03d*kWh)\n0.9.1(%02d%02d%02d)\n!" % (d.n(8), d.i(0, 99999), d.i(0, 999), d.i(0, 9999), d.i(0, 999), d.i(0, 23), d.i(0, 59), d.i(0, 59))}


@N("candump-log")
def _(d):
    return {"log": "\n".join("(%s.%06d) can0 %03X#%s" % (d.epoch(), d.i(0, 999999), d.i(0, 0x7FF), d.hexs(16).upper()) for _ in range(4))}


@N("nmea-gps-sentences")
def _(d):
    return {"nmea": "$GPGGA,%02d%02d%02d.00,%02d%02d.%05d,N,%03d%02d.%05d,E,1,%02d,0.9,%d.0,M,47.0,M,,*%s" % (d.i(0, 23), d.i(0, 59), d.i(0, 59), d.i(0, 89), d.i(0, 59), d.i(0, 99999), d.i(0, 179), d.i(0, 59), d.i(0, 99999), d.i(4, 12), d.i(0, 900), d.hexs(2).upper())}


@N("ble-scan-advertisements")
def _(d):
    return {"devices": [{"mac": ":".join(d.hexs(2).upper() for _ in range(6)), "rssi": -d.i(30, 99), "service_uuids": [d.uuid()], "mfr_data": d.hexs(20)} for _ in range(2)]}


@N("minidump-stackwalk-output")
def _(d):
    return {"out": "Crash reason:  EXCEPTION_ACCESS_VIOLATION_READ\nCrash address: 0x%s\nThread 0 (crashed)\n 0  app.exe!render+0x%s\n    rax = 0x%s   rbx = 0x%s" % (d.hexs(16), d.hexs(3), d.hexs(16), d.hexs(16))}


@N("cups-page-log")
def _(d):
    return {"log": "Office-MFP %s %d [%s] total %d - localhost report-%s.pdf - -" % (d.first().lower(), d.i(100, 9999), d.ts(), d.i(1, 40), d.n(6))}


@N("pos-z-report-totals")
def _(d):
    return {"report": "Z-REPORT #%d  TERMINAL %s\nVISA      %d  %d.%02d\nMASTERCARD %d  %d.%02d\nCARD ****%s DECLINED x1\nBATCH %s CLOSED" % (d.i(1, 999), d.s(UP + DG, 8), d.i(1, 99), d.i(10, 9999), d.i(0, 99), d.i(1, 99), d.i(10, 9999), d.i(0, 99), d.n(4), d.n(6))}


@N("promo-code-batch-csv")
def _(d):
    return {"csv": "code,discount,expires\n" + "\n".join("%s-%s-%s,%d%%,%s" % (d.s(UP + DG, 4), d.s(UP + DG, 4), d.s(UP + DG, 4), d.ch([10, 15, 20]), d.date()) for _ in range(3))}


@N("signup-form-empty-password-json")
def _(d):
    return {"form": "register", "fields": {"username": d.first().lower(), "password": "", "password_confirmation": "", "terms": True}, "errors": {"password": ["can't be blank"]}}


@N("docker-secrets-file-refs")
def _(d):
    return {"environment": {"POSTGRES_PASSWORD_FILE": "/run/secrets/db_password", "API_KEY_FILE": "/run/secrets/api_key", "TZ": "Europe/Berlin", "WORKERS": str(d.i(1, 16))}}


@N("consul-template-ctmpl")
def _(d):
    return {"ctmpl": "{{ with secret \"database/creds/%s\" }}\nusername={{ .Data.username }}\npassword={{ .Data.password }}\n{{ end }}" % d.s(LO, 6)}


@N("mailmerge-main-document-fields")
def _(d):
    return {"docx_text": "Dear «FirstName» «LastName»,\nYour Social Security Number «SSN» and member ID «MemberID» are on file.\nRef %s" % d.s(UP + DG, 6)}


@N("formio-form-definition")
def _(d):
    return {"components": [{"type": "textfield", "key": "ssn", "label": "Social Security Number", "inputMask": "999-99-9999"}, {"type": "textfield", "key": "cardNumber", "label": "Card number", "validate": {"required": True}}, {"type": "phoneNumber", "key": "phone", "inputMask": "(999) 999-9999"}], "title": "Intake v%d" % d.i(1, 9)}


@N("checkout-ui-mockup-text")
def _(d):
    return {"frame": "Card number\n•••• •••• •••• ••••\nMM/YY   CVC\nName on card\n[ Pay $%d.00 ]" % d.i(5, 500)}


@N("hl7-mfn-m02")
def _(d):
    return {"hl7": "MSH|^~\\&|HR|HOSP|EHR|HOSP|%s||MFN^M02|%s|P|2.5\rMFI|PRA||UPD\rMFE|MAD|||%s\rSTF|%s|%s^NPI|%s^%s\rPRA|%s|||||||%s^NPI" % (hl7ts(d), d.n(8), d.n(6), d.n(6), d.lfail(10, "1"), d.last().upper(), d.first().upper(), d.n(6), d.lfail(10, "1"))}


@N("x12-997-functional-ack")
def _(d):
    return {"edi": "ISA*00*          *00*          *ZZ*PAYER          *ZZ*SUBMITTER      *%s*%s*^*00501*%s*0*P*:~ST*997*%s~AK1*HC*%s~AK9*A*1*1*1~SE*4*%s~" % (d.n(6), d.n(4), d.n(9), d.n(4), d.n(4), d.n(4))}


@N("ncpdp-reject-code-reference")
def _(d):
    return {"rows": [["07", "M/I Cardholder ID"], ["65", "Patient Is Not Covered"], ["75", "Prior Authorization Required"], ["M%d" % d.i(1, 9), "See reject detail"]], "source": "internal wiki rev %d" % d.i(1, 99)}


@N("train-departures-board")
def _(d):
    return {"departures": [{"time": "%02d:%02d" % (d.i(5, 23), d.i(0, 59)), "to": "Leeds", "platform": "%d%s" % (d.i(1, 14), d.ch(["A", "B", ""])), "coach_for_bikes": "C%d" % d.i(1, 12)} for _ in range(3)]}


@N("ga4-measurement-protocol-payload")
def _(d):
    return {"client_id": "%s.%s" % (d.n(10), d.epoch()), "events": [{"name": "page_view", "params": {"session_id": d.epoch(), "engagement_time_msec": d.i(10, 99999)}}], "user_pseudo_id": d.hexs(32)}


@N("guitar-chord-chart")
def _(d):
    return {"song": "Track %d" % d.i(1, 99), "chords": " | ".join(d.ch(["E7", "A9", "D11", "C13", "G7", "F9", "B7", "Em7"]) for _ in range(8)), "capo": d.i(0, 5)}


@N("paper-and-battery-sizes-catalog")
def _(d):
    return {"items": [{"sku": "PP-" + d.n(5), "desc": "Copy paper A4 80gsm", "qty": d.i(1, 50)}, {"sku": "BT-" + d.n(5), "desc": "Battery AA / LR6 / CR2032", "qty": d.i(1, 50)}, {"sku": "LB-" + d.n(5), "desc": "LED bulb E27 / GU10 / B22", "qty": d.i(1, 50)}]}


@N("warehouse-bin-locations-csv")
def _(d):
    return {"csv": "bin,sku,qty\n" + "\n".join("%s%02d-%s,%s,%d" % (d.ch("ABCDEFGHJK"), d.i(1, 99), d.n(2), "SKU" + d.n(6), d.i(0, 500)) for _ in range(4))}


@N("vehicle-fault-code-dashboard")
def _(d):
    return {"vehicle": "VAN-%d" % d.i(100, 999), "codes": ["P0%d" % d.i(100, 999), "U0%d" % d.i(100, 199), "B1%d" % d.i(100, 999)], "odometer_km": d.i(1000, 300000)}


@N("jwt-truncated-in-error-log")
def _(d):
    return {"log": "%s ERROR auth: token expired (jwt=eyJhbGciOi…%s) sub=%s" % (d.ts(), d.s(B64U, 6), d.uuid())}


@N("redacted-support-transcript")
def _(d):
    return {"transcript": "Agent: Can I get the card number?\nCustomer: [REDACTED-PAN]\nAgent: And the security code?\nCustomer: [REDACTED-CVV]\nAgent: Thanks, payment ref %s." % d.s(UP + DG, 10)}


# ================================================================ MAIN (keep last)
SEPS = " -\u00a0\u2011\u200b"
RUN = re.compile(r"\d(?:[%s]?\d)*" % re.escape(SEPS))
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
AWS_ID = re.compile(r"(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
PEM_RE = re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*(?:[A-Za-z]+-[A-Za-z]+:[^\n]*\n\s*)*[A-Za-z0-9+/=]{16}")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")


def leaves(o, out):
    if isinstance(o, dict):
        for k, v in o.items():
            out.append(str(k))
            leaves(v, out)
    elif isinstance(o, list):
        for v in o:
            leaves(v, out)
    elif o is not None:
        out.append(str(o))
    return out


def norm(text):
    t = unicodedata.normalize("NFKC", text)
    t = "".join(str(unicodedata.decimal(c)) if c.isdigit() and not c.isascii() and unicodedata.decimal(c, None) is not None else c for c in t)
    return t.replace("\\n", "\n")


def digit_groups(text):
    """Maximal digit runs (with single separators), as lists of digit groups."""
    for m in RUN.finditer(text):
        yield [g for g in re.split("[%s]" % re.escape(SEPS), m.group(0)) if g]


def card_hits(text, any16=False):
    hits = []
    for groups in digit_groups(text):
        for i in range(len(groups)):
            acc = ""
            for j in range(i, len(groups)):
                acc += groups[j]
                if len(acc) > 19:
                    break
                if 13 <= len(acc) <= 19 and luhn_ok(acc) and (issuer(acc) or (any16 and len(acc) == 16)):
                    hits.append(acc)
    return hits


def check(sample):
    """Invariants from dlp-fresh/README.md. Returns an error string or None."""
    types = set(sample["types"])
    raw = "\n".join(leaves(sample["data"], []))
    text = norm(raw)
    for t, v in sample["_values"]:
        if v is not None and v not in raw and norm(v) not in text and re.sub(r"\s+", "", norm(v)) not in re.sub(r"\s+", "", text):
            return "drawn %s value not in text: %r" % (t, v)
    hits = card_hits(text, any16=True)
    if "credit_card" in types:
        if not card_hits(text) and all(v is not None for t, v in sample["_values"] if t == "credit_card"):
            return "card sample without an issuer Luhn-valid number"
    elif hits:
        return "Luhn-valid run in non-card sample: %s" % hits
    ssns = [m for m in SSN_RE.finditer(text) if ssn_valid(*m.groups())]
    if ssns and "ssn" not in types:
        return "valid-range SSN shape in non-ssn sample: %s" % ssns[0].group(0)
    emails = []
    for m in EMAIL.finditer(text):
        tok_start = max(text.rfind(c, 0, m.start()) for c in " \n\t\"'<>(),;")
        if "://" in text[tok_start + 1:m.start()]:
            continue
        emails.append(m.group(0))
    if emails and "email" not in types:
        return "email in non-email sample: %s" % emails[0]
    if "email" in types and not emails and all(v is not None for t, v in sample["_values"] if t == "email"):
        return "email sample without an email"
    ids = [x for x in AWS_ID.findall(text) if "EXAMPLE" not in x]
    if bool(ids) != ("aws_access_key" in types) and not ("aws_access_key" in types and any(v is None for t, v in sample["_values"] if t == "aws_access_key")):
        return "AKIA/ASIA id presence != label"
    jw = JWT_RE.findall(text)
    if bool(jw) != ("jwt" in types) and not ("jwt" in types and any(v is None for t, v in sample["_values"] if t == "jwt")):
        return "JWT presence != label"
    if PEM_RE.search(text) and "private_key" not in types:
        return "PEM private key body in non-private_key sample"
    if sample["types"] == [] and not sample["_neg"]:
        return "positive template drew nothing"
    if sample["_neg"] and sample["types"]:
        return "negative template drew %s" % sample["types"]
    return None


def main():
    if os.path.exists(AVOID):
        avoid = set(x.strip() for x in open(AVOID, encoding="utf-8") if x.strip())
    else:  # the list lives untracked in the writer's worktree
        print("warning: %s not found; format tags not checked against it" % AVOID, file=sys.stderr)
        avoid = set()
    fmts = [f for f, _, _, _ in T]
    dup = sorted(set(f for f in fmts if fmts.count(f) > 1))
    if dup:
        sys.exit("duplicate format tags: %s" % dup)
    bad = sorted(set(fmts) & avoid)
    if bad:
        sys.exit("format tags also used by other corpora (.avoid-formats.txt): %s" % bad)
    rng = random.Random(SEED)
    samples = []
    seen = set()
    for fmt, neg, once, fn in T:
        for k in range(1 if once else DRAWS):
            for attempt in range(40):
                d = Draw(rng)
                data = fn(d)
                s = {"format": fmt, "types": [t for t in TYPES if t in d.types], "data": data, "_values": d.values, "_neg": neg}
                err = check(s)
                if err is None and J(data) in seen:
                    err = "duplicate data"
                if err is None:
                    break
                if attempt == 39:
                    sys.exit("%s: %s" % (fmt, err))
            samples.append(s)
            seen.add(J(s["data"]))
    out = []
    for n, s in enumerate(samples, 1):
        line = {"id": "b7-%04d" % n, "format": s["format"], "types": s["types"], "data": s["data"]}
        out.append(J(line))
    neg = sum(1 for s in samples if not s["types"])
    per = {t: sum(1 for s in samples if t in s["types"]) for t in TYPES}
    nf = len(set(fmts))
    assert len(samples) >= 800, len(samples)
    assert neg >= 220, neg
    assert nf >= 280, nf
    low = {t: c for t, c in per.items() if c < 30}
    assert not low, low
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    if "--stats" in sys.argv:
        print("samples", len(samples), "positive", len(samples) - neg, "negative", neg, "formats", nf,
              "neg formats", len(set(f for f, n_, _, _ in T if n_)))
        for t in TYPES:
            print("  %-24s %d" % (t, per[t]))
    if "--formats" in sys.argv:
        for f, n_, _, _ in sorted(T):
            print(f, "negative" if n_ else "positive")


if __name__ == "__main__":
    main()
