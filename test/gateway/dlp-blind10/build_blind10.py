#!/usr/bin/env python3
"""Build test/gateway/dlp-blind10.jsonl: the tenth blind DLP corpus.

Standard library only, fixed seed 20261210, byte-identical output, writes no bytecode.
    python3 test/gateway/dlp-blind10/build_blind10.py [--tables]
"""
import sys

sys.dont_write_bytecode = True

import base64
import json
import os
import random
import re
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from values import Gen, luhn_ok, issuer_ok, ssn_valid, mbi_ok, kvnr_check, ICD10  # noqa: E402
import tpl_health  # noqa: E402
import tpl_money  # noqa: E402
import tpl_dev  # noqa: E402
import tpl_comm  # noqa: E402
import tpl_more  # noqa: E402
import tpl_neg  # noqa: E402

SEED = 20261210
OUT = os.path.join(HERE, "..", "dlp-blind10.jsonl")
TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key", "private_key", "jwt",
         "password", "medical_record_number", "health_insurance_number", "icd10"]
MIN_PER_TYPE = 70
MIN_BIG = {"password": 160, "api_key": 160, "health_insurance_number": 160, "medical_record_number": 160,
           "cvv": 160, "phone": 160}


def last4(v):
    d = re.sub(r"\D", "", v)
    return d[-4:] if len(d) >= 4 else v[-4:]


def mask_card(g, v):
    return g.r.choice(["**** **** **** " + last4(v), "XXXXXXXXXXXX" + last4(v), v[:6] + "******" + last4(v),
                       "ending in " + last4(v), "•••• " + last4(v)])


def mask_key(g, v):
    return g.r.choice(["<your-api-key>", "YOUR_API_KEY", "********", "[REDACTED]", "${API_TOKEN}",
                       v[:4] + "••••••••" + v[-4:], "{{ api_key }}", "<redacted>"])


def mask_email(g, v):
    local, dom = v.split("@")
    return g.r.choice([local[0] + "•••@" + dom[0] + "•••." + dom.rsplit(".", 1)[1], "[email protected]",
                       "[email redacted]", local[0] + "***(at)" + dom[0] + "***"])


def mask_phone(g, v):
    return g.r.choice(["(***) ***-" + last4(v), "••• ••• " + last4(v), "[phone removed]", "XXX-XXX-" + last4(v),
                       "+** *** *** " + last4(v)[-2:]])


def mask_pw(g, v):
    return g.r.choice(["********", "<password>", "[hidden]", "${DB_PASSWORD}", "(set via vault)", "•••••••••", "REDACTED"])


def mask_id(g, v):
    return g.r.choice(["[REDACTED]", "*" * (len(v) - 4) + v[-4:], "X" * (len(v) - 3) + v[-3:], "(on file)"])


def mask_pem(g, v):
    label = re.match(r"-----BEGIN ([A-Z ]+)-----", v).group(1)
    return "-----BEGIN %s-----\n[REDACTED]\n-----END %s-----" % (label, label)


def basic(g):
    user = g.r.choice(["svc-sync", "admin", "apiuser", "integration", "lab_feed", "clinic01"])
    pw = g.password()
    return base64.b64encode((user + ":" + pw).encode()).decode(), pw


# name -> (type or None, generator(g), negator(g, value) or None, encoded)
P = {
    "CC": ("credit_card", lambda g: g.card(), mask_card),
    "CCS": ("credit_card", lambda g: g.group(g.card()), mask_card),
    "CCD": ("credit_card", lambda g: g.group(g.card(), "-"), mask_card),
    "VISA": ("credit_card", lambda g: g.card("visa"), mask_card),
    "AMEX": ("credit_card", lambda g: g.card("amex"), mask_card),
    "CVV": ("cvv", lambda g: g.cvv(), lambda g, v: g.r.choice(["***", "XXX", "•••", "N/A"])),
    "CID": ("cvv", lambda g: g.cid(), lambda g, v: g.r.choice(["****", "XXXX"])),
    "SSN": ("ssn", lambda g: (lambda s: s[:3] + "-" + s[3:5] + "-" + s[5:])(g.ssn()), lambda g, v: g.r.choice(["***-**-", "XXX-XX-"]) + v[-4:]),
    "SSNP": ("ssn", lambda g: g.ssn(), lambda g, v: "*****" + v[-4:]),
    "SSNS": ("ssn", lambda g: (lambda s: s[:3] + " " + s[3:5] + " " + s[5:])(g.ssn()), lambda g, v: "*** ** " + v[-4:]),
    "EMAIL": ("email", lambda g: g.email(), mask_email),
    "SAEMAIL": ("email", lambda g: g.r.choice(["etl", "deploy-bot", "reports"]) + "@" + g.r.choice(["acme-prod", "shop-dw"]) + ".iam.gserviceaccount.com", mask_email),
    "PHONE": ("phone", lambda g: g.phone_us(), mask_phone),
    "TELUK": ("phone", lambda g: g.phone_uk(), mask_phone),
    "TELFR": ("phone", lambda g: g.phone_fr(), mask_phone),
    "TELDE": ("phone", lambda g: g.phone_de(), mask_phone),
    "TELAU": ("phone", lambda g: g.phone_au(), mask_phone),
    "TELJP": ("phone", lambda g: g.phone_jp(), mask_phone),
    "TELX": ("phone", lambda g: g.phone_other(), mask_phone),
    "TELKR": ("phone", lambda g: "+82 10-5550-" + g.digits(4), mask_phone),
    "TELKE": ("phone", lambda g: "+254 20 5550 " + g.digits(3), mask_phone),
    "TELZA": ("phone", lambda g: "+27 21 555 " + g.digits(4), mask_phone),
    "TELIE": ("phone", lambda g: "+353 1 555 " + g.digits(4), mask_phone),
    "TELPL": ("phone", lambda g: "+48 22 555 " + g.digits(2) + " " + g.digits(2), mask_phone),
    "TELSG": ("phone", lambda g: "+65 6555 " + g.digits(4), mask_phone),
    "TELCN": ("phone", lambda g: "+86 138 5550 " + g.digits(4), mask_phone),
    "AKIA": ("aws_access_key", lambda g: g.akia(), lambda g, v: "AKIAIOSFODNN7EXAMPLE"),
    "ASIA": ("aws_access_key", lambda g: g.akia("ASIA"), lambda g, v: "ASIA" + "•" * 12 + v[-4:]),
    "AWSSECRET": ("api_key", lambda g: g.aws_secret(), lambda g, v: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    "KEY": ("api_key", lambda g: g.api_key(), mask_key),
    "GHP": ("api_key", lambda g: g.api_key("gh"), mask_key),
    "SKLIVE": ("api_key", lambda g: g.api_key("stripe"), mask_key),
    "SLACK": ("api_key", lambda g: g.api_key("slack"), mask_key),
    "SG": ("api_key", lambda g: g.api_key("sg"), mask_key),
    "GOOG": ("api_key", lambda g: g.api_key("goog"), mask_key),
    "OPENAI": ("api_key", lambda g: g.api_key("openai"), mask_key),
    "HEXKEY": ("api_key", lambda g: g.api_key("hex32"), mask_key),
    "NPM": ("api_key", lambda g: g.api_key("npm"), mask_key),
    "GLPAT": ("api_key", lambda g: g.api_key("glpat"), mask_key),
    "HEXLONG": ("api_key", lambda g: g.chars("0123456789abcdef", 64), mask_key),
    "UUIDKEY": ("api_key", lambda g: "-".join(g.chars("0123456789abcdef", n) for n in (8, 4, 4, 4, 12)), mask_key),
    "HFTOK": ("api_key", lambda g: g.api_key("hf"), mask_key),
    "VAULTTOK": ("api_key", lambda g: g.api_key("vault"), mask_key),
    "AZKEY": ("api_key", lambda g: g.api_key("azure"), mask_key),
    "PEM": ("private_key", lambda g: g.pem(), mask_pem),
    "PEMRSA": ("private_key", lambda g: g.pem("rsa"), mask_pem),
    "PEMEC": ("private_key", lambda g: g.pem("ec", 3), mask_pem),
    "PEMENC": ("private_key", lambda g: g.pem("enc"), mask_pem),
    "PEMOSSH": ("private_key", lambda g: g.pem("openssh"), mask_pem),
    "PEMESC": ("private_key", lambda g: g.pem("pkcs8").replace("\n", "\\n"), lambda g, v: "-----BEGIN PRIVATE KEY-----\\n[REDACTED]\\n-----END PRIVATE KEY-----"),
    "JWT": ("jwt", lambda g: g.jwt(), lambda g, v: g.r.choice(["[REDACTED_JWT]", "<jwt>", "eyJhbGciOiJIUzI1NiJ9.…", "Bearer ***"])),
    "PW": ("password", lambda g: g.password(), mask_pw),
    "BASIC": ("password", None, lambda g, v: "********"),
    "MRN": ("medical_record_number", lambda g: g.mrn(), mask_id),
    "MRNA": ("medical_record_number", lambda g: g.mrn_alpha(), mask_id),
    "HIN": ("health_insurance_number", lambda g: g.us_member(), mask_id),
    "MBI": ("health_insurance_number", lambda g: g.mbi(), lambda g, v: "XXXX-XXX-" + v[-4:]),
    "MBID": ("health_insurance_number", lambda g: (lambda m: m[:4] + "-" + m[4:7] + "-" + m[7:])(g.mbi()), lambda g, v: "****-***-" + v[-4:]),
    "KVNR": ("health_insurance_number", lambda g: g.kvnr(), mask_id),
    "NIR": ("health_insurance_number", lambda g: (lambda n: " ".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]]))(g.nir()), lambda g, v: v[:1] + " ** ** ** *** *** **"),
    "AUMC": ("health_insurance_number", lambda g: (lambda m: m[:4] + " " + m[4:9] + " " + m[9])(g.au_medicare()), mask_id),
    "OHIP": ("health_insurance_number", lambda g: (lambda h: h[:4] + "-" + h[4:7] + "-" + h[7:] + "-" + g.chars("ABCDEFGHJKLMNPRSTVWXYZ", 2))(g.ohip()), mask_id),
    "CIN": ("health_insurance_number", lambda g: g.cin(), mask_id),
    "JPHOKEN": ("health_insurance_number", lambda g: g.digits(4, True) + "・" + g.digits(6, True), mask_id),
    "ICD": ("icd10", lambda g: g.icd(), lambda g, v: g.r.choice(["pending", "(not coded)", "—", "TBD"])),
    "ICDX": ("icd10", lambda g: g.icd().replace(".", ""), lambda g, v: g.r.choice(["", "PEND"])),
    # ---- non-sensitive fillers
    "NAME": (None, lambda g: g.name(), None),
    "FIRST": (None, lambda g: g.r.choice(__import__("values").FIRST), None),
    "LAST": (None, lambda g: g.r.choice(__import__("values").LAST), None),
    "DOB": (None, lambda g: "%04d-%02d-%02d" % (g.r.randint(1938, 2008), g.r.randint(1, 12), g.r.randint(1, 28)), None),
    "DOBUS": (None, lambda g: "%02d/%02d/%04d" % (g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(1938, 2008)), None),
    "DOBEU": (None, lambda g: "%02d.%02d.%04d" % (g.r.randint(1, 28), g.r.randint(1, 12), g.r.randint(1938, 2008)), None),
    "DATE": (None, lambda g: "2026-%02d-%02d" % (g.r.randint(1, 12), g.r.randint(1, 28)), None),
    "DATEUS": (None, lambda g: "%02d/%02d/2026" % (g.r.randint(1, 12), g.r.randint(1, 28)), None),
    "DATEEU": (None, lambda g: "%02d.%02d.2026" % (g.r.randint(1, 28), g.r.randint(1, 12)), None),
    "TIME": (None, lambda g: "%02d:%02d" % (g.r.randint(6, 22), g.r.randint(0, 59)), None),
    "TS": (None, lambda g: "2026-%02d-%02dT%02d:%02d:%02dZ" % (g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59)), None),
    "EPOCH": (None, lambda g: str(g.r.randint(1767225600, 1798761600)), None),
    "ORDER": (None, lambda g: g.nonluhn(g.r.choice([10, 11, 12]), first=g.r.choice("1789")), None),
    "TRACK": (None, lambda g: "1Z" + g.chars("0123456789ABCDEFGHJKLMNPRSTVWXY", 6) + g.digits(10), None),
    "UUID": (None, lambda g: "-".join(g.chars("0123456789abcdef", n) for n in (8, 4, 4, 4, 12)), None),
    "SHA": (None, lambda g: g.chars("0123456789abcdef", 64), None),
    "SHAONE": (None, lambda g: g.chars("0123456789abcdef", 40), None),
    "AMT": (None, lambda g: "%d.%02d" % (g.r.randint(3, 2400), g.r.randint(0, 99)), None),
    "NA": (None, lambda g: g.digits(3, True), None),
    "NB": (None, lambda g: g.digits(4, True), None),
    "NC": (None, lambda g: g.digits(6, True), None),
    "ND": (None, lambda g: g.digits(8, True), None),
    "NPI": (None, lambda g: (lambda b: luhn_complete80840(b))(g.r.choice("12") + g.digits(8)), None),
    "ZIP": (None, lambda g: g.digits(5, True), None),
    "CITY": (None, lambda g: g.r.choice(__import__("values").CITIES), None),
    "STREET": (None, lambda g: "%d %s" % (g.r.randint(2, 980), g.r.choice(__import__("values").STREETS)), None),
    "EXP": (None, lambda g: "%02d/%02d" % (g.r.randint(1, 12), g.r.randint(27, 31)), None),
    "LASTF": (None, lambda g: g.digits(4), None),
    "HOST": (None, lambda g: g.r.choice(["db-prod-2", "pg-main.internal", "10.40.2.17", "mq01.corp.lan", "redis-cache-1"]), None),
    "USER": (None, lambda g: g.r.choice(["svc_etl", "app_rw", "deploy", "reporting", "admin", "jenkins", "mkowalczyk", "ioyelaran"]), None),
    "ACCT": (None, lambda g: g.digits(g.r.choice([9, 10, 11]), True), None),
    "BIG": (None, lambda g: g.nonluhn(16, first=g.r.choice("3456")), None),
    "IP": (None, lambda g: "10.%d.%d.%d" % (g.r.randint(0, 255), g.r.randint(0, 255), g.r.randint(1, 254)), None),
    "HEX": (None, lambda g: g.chars("0123456789abcdef", 16), None),
}
def _tel(layout):
    return lambda g: "".join(g.r.choice("0123456789") if ch == "x" else ch for ch in layout)


TEL_LAYOUTS = {'TR': '+90 212 555 xx xx', 'SK': '+421 2 5550 xxxx', 'HR': '+385 1 5550 xxx', 'LV': '+371 6555 xxxx', 'AL': '+355 4 555 xxxx', 'GL': '+34 981 555 xxx', 'MT': '+356 2555 xxxx', 'IS': '+354 555 xxxx', 'IR': '+98 21 5550 xxxx', 'PK': '+92 21 5550 xxxx', 'TZ': '+255 22 555 xxxx', 'ES': '+34 91 555 xx xx', 'IT': '+39 02 5550 xxxx', 'PT': '+351 21 555 xxxx', 'NL': '+31 20 555 xxxx', 'IN': '+91 22 5550 xxxx', 'BR': '+55 11 5550-xxxx', 'MX': '+52 55 5550 xxxx', 'SE': '+46 8 555 xxx xx', 'NZ': '+64 9 555 xxxx', 'RU': '+7 495 555-xx-xx', 'UA': '+380 44 555 xxxx', 'CO': '+57 601 555 xxxx', 'BD': '+880 2 5550 xxxx', 'MY': '+60 3 5550 xxxx', 'ID': '+62 21 5550 xxxx', 'GR': '+30 21 0555 xxxx', 'BE': '+32 2 555 xx xx'}
for _cc, _layout in TEL_LAYOUTS.items():
    P["TEL" + _cc] = ("phone", _tel(_layout), mask_phone)
ENCODED = {"BASIC"}


def luhn_complete80840(b):
    for c in "0123456789":
        if luhn_ok("80840" + b + c):
            return b + c
    raise AssertionError


TOKEN = re.compile(r"\{([A-Z]+)(\d?)\}")

# ------------------------------------------------------------------ checks
RUN = re.compile(r"\d(?:[ \-\u00a0\u2011\u200b]?\d)*")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
AWS_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}")
PEM_RE = re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----(?:\\n|\s)+[A-Za-z0-9+/]{20,}")


def strings(o):
    if isinstance(o, dict):
        for k, v in o.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v)
    elif isinstance(o, str):
        yield o
    elif o is not None:
        yield json.dumps(o)


def card_runs(text):
    out = []
    for m in RUN.finditer(text):
        out.append(re.sub(r"\D", "", m.group(0)))
    out += re.findall(r"\d+", text)
    return out


def emails(text):
    found = []
    for m in EMAIL_RE.finditer(text):
        before = text[max(0, m.start() - 120):m.start()]
        tok = re.split(r"\s", before)[-1]
        if "://" in tok:  # user:password@host in a URL, not an address
            continue
        found.append(m.group(0))
    return found


def problems(types, labels, data):
    text = "\n".join(strings(data))
    errs = []
    for typ, v, enc in labels:
        if not enc and v not in text:
            errs.append("value missing %s %r" % (typ, v))
        if typ == "credit_card":
            d = re.sub(r"\D", "", v)
            if not (luhn_ok(d) and issuer_ok(d)):
                errs.append("bad card")
        if typ == "ssn" and not ssn_valid(re.sub(r"\D", "", v)):
            errs.append("bad ssn")
        if typ == "health_insurance_number" and re.fullmatch(r"\d[A-Z0-9]{3}-?[A-Z0-9]{3}-?[A-Z0-9]{4}", v) and re.search("[A-Z]", v):
            if not mbi_ok(v.replace("-", "")):
                errs.append("bad mbi")
    lab = {t: {v for tt, v, e in labels if tt == t} for t in TYPES}
    cards = {re.sub(r"\D", "", v) for v in lab["credit_card"]}
    for s in card_runs(text):  # every card-like run is a labelled card
        if 13 <= len(s) <= 19 and luhn_ok(s) and issuer_ok(s) and s not in cards and "credit_card" in types:
            errs.append("unlabelled card-like run " + s)
    for m in SSN_RE.finditer(text):
        if ssn_valid("".join(m.groups())) and m.group(0) not in lab["ssn"]:
            errs.append("unlabelled ssn-like " + m.group(0))
    for e in emails(text):
        if not any(e.startswith(v) for v in lab["email"]):  # "x@host.net.key" in a file name is still the labelled address
            errs.append("unlabelled email " + e)
    for a in AWS_RE.findall(text):
        if "EXAMPLE" not in a and a not in lab["aws_access_key"]:
            errs.append("unlabelled aws id " + a)
    for j in JWT_RE.findall(text):
        if not any(j in v or v in j for v in lab["jwt"]):
            errs.append("unlabelled jwt")
    if "credit_card" not in types:
        for s in card_runs(text):
            if 13 <= len(s) <= 19 and luhn_ok(s) and issuer_ok(s):
                errs.append("card-like run " + s)
            if len(s) == 16 and luhn_ok(s):
                errs.append("16-digit luhn run " + s)
    ssns = [m for m in SSN_RE.finditer(text) if ssn_valid("".join(m.groups()))]
    if bool(ssns) != ("ssn" in types) and not ("ssn" in types and not ssns and any(t == "ssn" and "-" not in v for t, v, e in labels)):
        errs.append("ssn presence mismatch")
    if bool(emails(text)) != ("email" in types):
        errs.append("email presence mismatch %s" % emails(text)[:1])
    aws = [a for a in AWS_RE.findall(text) if "EXAMPLE" not in a]
    if bool(aws) != ("aws_access_key" in types):
        errs.append("aws presence mismatch")
    if bool(JWT_RE.search(text)) != ("jwt" in types):
        errs.append("jwt presence mismatch")
    if bool(PEM_RE.search(text)) != ("private_key" in types):
        errs.append("pem presence mismatch")
    if "EXAMPLE" in text and "aws_access_key" in types:
        errs.append("EXAMPLE key in a positive")
    return errs


# ------------------------------------------------------------------ rendering
def render(tpl, g, negative):
    vals, labels = {}, []
    is_json = bool(re.match(r'\s*(\{\s*"|\[\s*(\{\s*"|"))', tpl))
    path = None
    if tpl.startswith("@"):
        path, tpl = tpl[1:].split("\n", 1)

    def sub(m):
        name = m.group(1)
        if name not in P:
            return m.group(0)
        tok = m.group(0)
        if tok not in vals:
            typ, gen, neg = P[name]
            if name == "BASIC":
                enc, pw = basic(g)
                if negative:
                    v = "********"
                else:
                    v = enc
                    labels.append(("password", pw, True))
            elif typ and negative:
                v = neg(g, gen(g))
            else:
                v = gen(g)
                if typ:
                    labels.append((typ, v, False))
            vals[tok] = v
        v = vals[tok]
        return json.dumps(v, ensure_ascii=False)[1:-1] if is_json else v

    out = TOKEN.sub(sub, tpl)
    if is_json:
        obj = json.loads(out)
        data = obj if isinstance(obj, dict) else {"records": obj}
    elif path:
        data = {"path": path, "content": out}
    else:
        data = {"text": out}
    types = sorted({t for t, _, _ in labels}, key=TYPES.index)
    return types, labels, data


def templates():
    seen = []
    for mod in (tpl_health, tpl_money, tpl_dev, tpl_more, tpl_comm, tpl_neg):
        for entry in mod.T:
            seen.append((mod.__name__,) + tuple(entry))
    return seen


def build():
    rng = random.Random(SEED)
    g = Gen(rng)
    avoid = set(open(os.path.join(HERE, "..", "..", "..", ".avoid-formats.txt")).read().split()) if os.path.exists(
        os.path.join(HERE, "..", "..", "..", ".avoid-formats.txt")) else set(AVOID_FALLBACK)
    samples, names = [], Counter()
    for mod, name, tpl, npos, neg in templates():
        names[name] += 1
        runs = [False] * npos + ([True] if neg else []) if npos else [True] * int(neg)
        for negative in runs:
            body = neg if (negative and isinstance(neg, str)) else tpl
            for attempt in range(300):
                types, labels, data = render(body, g, negative)
                errs = problems(types, labels, data)
                if not errs:
                    break
            else:
                raise AssertionError("%s: %s" % (name, errs))
            if negative:
                assert types == [], name
            samples.append({"format": name, "types": types, "data": data, "_labels": labels})
    # ---------------- corpus-level assertions
    dup = [n for n, c in names.items() if c > 1]
    assert not dup, "duplicate format names: %s" % dup
    clash = sorted(n for n in names if n in avoid)
    assert not clash, "formats on the avoid list: %s" % clash
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", n) for n in names)
    per = Counter(t for s in samples for t in s["types"])
    negs = sum(1 for s in samples if not s["types"])
    assert len(samples) >= 1600, len(samples)
    assert len(names) >= 500, len(names)
    assert negs >= 400, negs
    for t in TYPES:
        assert per[t] >= MIN_BIG.get(t, MIN_PER_TYPE), (t, per[t], dict(per))
    lines = []
    for i, s in enumerate(samples, 1):
        rec = {"id": "b10-%04d" % i, "format": s["format"], "types": s["types"], "data": s["data"]}
        lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=False))
    return samples, lines, per, negs, names


AVOID_FALLBACK = []


def main():
    samples, lines, per, negs, names = build()
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    print("%d samples, %d negatives, %d formats" % (len(samples), negs, len(names)))
    for t in TYPES:
        print("  %-26s %d" % (t, per[t]))
    if "--tables" in sys.argv:
        byf = {}
        for s in samples:
            p, n = byf.get(s["format"], (0, 0))
            byf[s["format"]] = (p + 1, n) if s["types"] else (p, n + 1)
        print("| type | positives |\n|---|---|")
        for t in TYPES:
            print("| `%s` | %d |" % (t, per[t]))
        print("\n| format | + | − |\n|---|---|---|")
        for f in sorted(byf):
            print("| %s | %d | %d |" % ((f,) + byf[f]))


if __name__ == "__main__":
    main()
