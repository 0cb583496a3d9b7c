#!/usr/bin/env python3
"""Build ../dlp-blind5.jsonl: a blind, labelled DLP corpus in formats no earlier set uses.

Standard library only, fixed seed, byte-identical output across runs.
Every sensitive value is produced by a generator that records (type, value) for the sample
being built; a sample's `types` must equal the set of recorded types (checked), and text-shape
scans (Luhn runs, SSN, email, AKIA/ASIA, JWT, PEM private key) check the other direction.

    python3 test/gateway/dlp-blind5/build_blind5.py
"""
import base64
import hashlib
import json
import os
import random
import re
import string
import urllib.parse

SEED = 20261202_5
TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key",
         "private_key", "jwt", "password", "medical_record_number",
         "health_insurance_number", "icd10"]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dlp-blind5.jsonl")

EM = []  # (type, value) recorded while one sample is built


def emit(t, v):
    assert t in TYPES, t
    EM.append((t, v))
    return v


# ---------------------------------------------------------------- helpers
B64 = string.ascii_letters + string.digits + "+/"
B64U = string.ascii_letters + string.digits + "-_"
ALNUM = string.ascii_letters + string.digits
UPDIG = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"


def rs(r, alphabet, n):
    return "".join(r.choice(alphabet) for _ in range(n))


def luhn_ok(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def luhn_complete(prefix, length, r):
    body = prefix + "".join(r.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def issuer(d):
    n = len(d)
    if d[0] == "4" and n in (13, 16, 19):
        return True
    if n == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720):
        return True
    if n == 15 and d[:2] in ("34", "37"):
        return True
    if n in (16, 19) and (d[:4] == "6011" or d[:2] == "65" or 644 <= int(d[:3]) <= 649):
        return True
    if n in (16, 17, 18, 19) and 3528 <= int(d[:4]) <= 3589:
        return True
    if n == 14 and (d[:2] in ("36", "38", "39") or 300 <= int(d[:3]) <= 305):
        return True
    if 16 <= n <= 19 and d[:2] == "62":
        return True
    return False


CARD_PREFIXES = [("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16),
                 ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3530", 16), ("4", 16),
                 ("5425", 16), ("4000", 16)]
TEST_CARDS = ["4242424242424242", "4111111111111111", "5555555555554444", "378282246310005",
              "6011111111111117", "5105105105105100", "4012888888881881", "3566002020360505",
              "2223003122003222", "371449635398431", "4000056655665556", "5200828282828210"]


def g_card(r, test=False):
    if test and r.random() < 0.5:
        num = r.choice(TEST_CARDS)
    else:
        p, n = r.choice(CARD_PREFIXES)
        num = luhn_complete(p, n, r)
    assert luhn_ok(num) and issuer(num)
    return emit("credit_card", num)


def grp(num, sep=" "):
    if len(num) == 15:
        return sep.join([num[:4], num[4:10], num[10:]])
    return sep.join(num[i:i + 4] for i in range(0, len(num), 4))


def g_cvv(r, n=3):
    return emit("cvv", "".join(r.choice(string.digits) for _ in range(n)))


def nonluhn(r, n=16, first=None):
    while True:
        d = (first or str(r.randint(1, 9))) + rs(r, string.digits, n - len(first or "x"))
        if not luhn_ok(d):
            return d


def g_ssn(r, sep="-"):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            break
    g, s = r.randint(1, 99), r.randint(1, 9999)
    v = "%03d%s%02d%s%04d" % (a, sep, g, sep, s)
    emit("ssn", "%03d-%02d-%04d" % (a, g, s))
    return v


FIRST = ["Maren", "Tobias", "Ines", "Keiko", "Dario", "Saoirse", "Lwazi", "Ottilie", "Ravi",
         "Henrike", "Bram", "Yusra", "Caspian", "Nadia", "Emeka", "Liesel", "Joaquin", "Tamsin",
         "Oskar", "Priyanka", "Wendell", "Aurelie", "Fenwick", "Zofia", "Idris", "Marisol"]
LAST = ["Quillfeather", "Brackenridge", "Oyelaran", "Vantongeren", "Haldane", "Moravcik",
        "Penhallow", "Szabados", "Thornquist", "Achterberg", "Castellanos", "Drummore",
        "Ellery-Watts", "Fairbairn", "Gillingham", "Ilunga", "Kowalczuk", "Lindqvist",
        "Marchetti", "Nakashima", "Okonkwo", "Pemberton", "Rautenbach", "Tresidder"]
DOMAINS = ["harrowvale-vets.co.uk", "brightmolar.dental", "kestrelcare.org", "northfen.ems",
           "lumenhealth.example", "quayside-law.com", "tallowbrook.io", "corvidpay.net",
           "mossgate.de", "pinecrest-school.org", "stellan-insure.com", "fjordtel.no",
           "ambertrail.travel", "oakhollow-hotels.com", "glimmerloft.shop", "velarion.dev"]


def name(r):
    return r.choice(FIRST) + " " + r.choice(LAST)


def g_email(r, local=None, domain=None):
    if local is None:
        f, l = r.choice(FIRST).lower(), r.choice(LAST).lower().replace("-", "")
        local = r.choice([f + "." + l, f[0] + l, f + "_" + l[:4], l + str(r.randint(1, 99))])
    return emit("email", local + "@" + (domain or r.choice(DOMAINS)))


def g_phone(r, region=None):
    region = region or r.choice(["us", "us", "uk", "ukl", "de", "au", "fr", "ie", "nz"])
    d2 = "%02d" % r.randint(0, 99)
    if region == "us":
        ac = r.choice(["212", "415", "617", "303", "512", "206", "702", "919"])
        v = r.choice(["(%s) 555-01%s", "%s-555-01%s", "+1 %s 555 01%s", "%s.555.01%s", "1-%s-555-01%s"]) % (ac, d2)
    elif region == "uk":
        v = r.choice(["07700 900%03d", "+44 7700 900%03d", "07700900%03d"]) % r.randint(0, 999)
    elif region == "ukl":
        v = r.choice(["020 7946 0%03d", "+44 20 7946 0%03d", "0161 496 0%03d"]) % r.randint(0, 999)
    elif region == "de":
        v = r.choice(["+49 30 %d", "030 %d", "+49 (0)89 %d", "+49 171 %d"]) % r.randint(2000000, 9999999)
    elif region == "au":
        v = r.choice(["0491 570 %03d", "+61 491 570 %03d", "(02) 5550 %04d"]) % r.randint(0, 999)
    elif region == "fr":
        v = "+33 1 99 00 %02d %02d" % (r.randint(0, 99), r.randint(0, 99))
    elif region == "ie":
        v = "+353 20 91%05d" % r.randint(0, 99999)
    else:
        v = "+64 21 555 %04d" % r.randint(0, 9999)
    return emit("phone", v)


def g_akia(r, prefix="AKIA"):
    return emit("aws_access_key", prefix + rs(r, string.ascii_uppercase + "234567", 16))


def g_aws_secret(r):
    return emit("api_key", rs(r, ALNUM + "+/", 40))


def g_api(r, kind=None):
    kinds = {
        "stripe": lambda: "sk_live_" + rs(r, ALNUM, 24),
        "rk": lambda: "rk_live_" + rs(r, ALNUM, 24),
        "ghp": lambda: "ghp_" + rs(r, ALNUM, 36),
        "gho": lambda: "gho_" + rs(r, ALNUM, 36),
        "glpat": lambda: "glpat-" + rs(r, ALNUM + "-_", 20),
        "slack": lambda: "xoxb-%d-%d-%s" % (r.randint(10**10, 10**11), r.randint(10**12, 10**13), rs(r, ALNUM, 24)),
        "sendgrid": lambda: "SG." + rs(r, B64U, 22) + "." + rs(r, B64U, 43),
        "google": lambda: "AIza" + rs(r, B64U, 35),
        "npm": lambda: "npm_" + rs(r, ALNUM, 36),
        "hf": lambda: "hf_" + rs(r, ALNUM, 34),
        "openai": lambda: "sk-proj-" + rs(r, B64U, 48),
        "anthropic": lambda: "sk-ant-api03-" + rs(r, B64U, 93) + "AA",
        "twilio": lambda: "SK" + rs(r, HEX, 32),
        "shopify": lambda: "shpat_" + rs(r, HEX, 32),
        "do": lambda: "dop_v1_" + rs(r, HEX, 64),
        "mailgun": lambda: "key-" + rs(r, HEX, 32),
        "hex32": lambda: rs(r, HEX, 32),
        "hex40": lambda: rs(r, HEX, 40),
        "b64_40": lambda: rs(r, ALNUM, 40),
        "binance": lambda: rs(r, ALNUM, 64),
        "pypi": lambda: "pypi-AgEIcHlwaS5vcmc" + rs(r, B64U, 60),
        "square": lambda: "EAAA" + rs(r, B64U, 60),
        "linear": lambda: "lin_api_" + rs(r, ALNUM, 40),
        "postman": lambda: "PMAK-" + rs(r, HEX, 24) + "-" + rs(r, HEX, 34),
        "atlassian": lambda: "ATATT3xFfGF0" + rs(r, B64U, 60) + "=" + rs(r, HEX.upper(), 8),
        "dd": lambda: rs(r, HEX, 32),
        "sentry": lambda: "sntrys_" + rs(r, B64U, 60),
        "vault": lambda: "hvs." + rs(r, B64U, 90),
        "doppler": lambda: "dp.st.prd." + rs(r, ALNUM, 40),
        "figma": lambda: "figd_" + rs(r, B64U, 40),
    }
    k = kind or r.choice(sorted(kinds))
    return emit("api_key", kinds[k]())


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def g_jwt(r, alg=None, claims=None):
    alg = alg or r.choice(["HS256", "RS256", "ES256", "HS512", "RS512", "PS256"])
    h = {"alg": alg, "typ": "JWT"}
    if alg[:2] in ("RS", "ES", "PS") and r.random() < 0.6:
        h["kid"] = rs(r, B64U, 22)
    iat = 1796000000 + r.randint(0, 9000000)
    p = {"sub": "u_" + rs(r, HEX, 12), "iat": iat, "exp": iat + r.choice([900, 3600, 86400])}
    if claims:
        p.update(claims)
    siglen = {"HS256": 43, "HS512": 86, "ES256": 86}.get(alg, 342)
    tok = b64u(json.dumps(h, separators=(",", ":")).encode()) + "." + \
        b64u(json.dumps(p, separators=(",", ":")).encode()) + "." + rs(r, B64U, siglen)
    return emit("jwt", tok)


PEM_KINDS = {
    "RSA PRIVATE KEY": "MIIEowIBAAKCAQEA",
    "PRIVATE KEY": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ",
    "EC PRIVATE KEY": "MHcCAQEEI",
    "OPENSSH PRIVATE KEY": "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
    "ENCRYPTED PRIVATE KEY": "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI",
}


def g_pem(r, kind=None, nl="\n"):
    kind = kind or r.choice(sorted(PEM_KINDS))
    pre = PEM_KINDS[kind]
    lines = {"EC PRIVATE KEY": 3, "OPENSSH PRIVATE KEY": 7}.get(kind, r.randint(12, 26))
    body = pre + rs(r, B64, lines * 64 - len(pre) - 4) + rs(r, B64, 2) + "=="
    if kind == "EC PRIVATE KEY":
        body = pre + rs(r, B64, 3 * 64 - len(pre))
    rows = [body[i:i + 64] for i in range(0, len(body), 64) if body[i:i + 64]]
    if kind == "OPENSSH PRIVATE KEY":
        rows = [body[i:i + 70] for i in range(0, len(body), 70)]
    pem = "-----BEGIN %s-----%s%s%s-----END %s-----" % (kind, nl, nl.join(rows), nl, kind)
    emit("private_key", pem)
    return pem


PW_WORDS = ["Marigold", "tundra", "Quokka", "ember", "Saffron", "walrus", "Juniper", "basalt",
            "Kestrel", "lantern", "Obsidian", "pistachio", "Tamarind", "velvet", "Zephyr", "cobalt"]


def g_pw(r):
    k = r.randint(0, 4)
    if k == 0:
        v = r.choice(PW_WORDS) + r.choice("!#$%&*@?") + str(r.randint(10, 9999))
    elif k == 1:
        v = rs(r, ALNUM + "!#%&*+=?", r.randint(12, 20))
    elif k == 2:
        v = "-".join(r.choice(PW_WORDS).lower() for _ in range(3)) + str(r.randint(1, 99))
    elif k == 3:
        v = r.choice(PW_WORDS)[:4] + str(r.randint(1900, 2029)) + r.choice(PW_WORDS).lower()[:3] + "!"
    else:
        v = rs(r, string.ascii_lowercase, 3) + rs(r, string.digits, 2) + rs(r, string.ascii_uppercase, 3) + r.choice("$^~")
    return emit("password", v)


def g_mrn(r, style=None):
    style = style if style is not None else r.randint(0, 5)
    v = ["%08d" % r.randint(1, 99999999), "MRN%07d" % r.randint(1, 9999999),
         "%d" % r.randint(100000, 9999999), "E%09d" % r.randint(1, 999999999),
         "%03d-%02d-%02d" % (r.randint(100, 999), r.randint(0, 99), r.randint(0, 99)),
         "H" + "%07d" % r.randint(1, 9999999)][style]
    return emit("medical_record_number", v)


MBI_L = "ACDEFGHJKMNPQRTUVWXY"


def mbi(r):
    an = MBI_L + "0123456789"
    return (str(r.randint(1, 9)) + r.choice(MBI_L) + r.choice(an) + str(r.randint(0, 9)) +
            r.choice(MBI_L) + r.choice(an) + str(r.randint(0, 9)) + r.choice(MBI_L) +
            r.choice(MBI_L) + str(r.randint(0, 9)) + str(r.randint(0, 9)))


def kvnr(r):
    letter = r.choice(string.ascii_uppercase)
    digits = "%02d" % (ord(letter) - 64) + "".join(r.choice(string.digits) for _ in range(8))
    s = 0
    for i, ch in enumerate(digits):
        x = int(ch) * (1 if i % 2 == 0 else 2)
        s += x // 10 + x % 10
    return letter + digits[2:] + str(s % 10)


def g_hin(r, style=None):
    style = style if style is not None else r.randint(0, 5)
    if style == 0:
        v = mbi(r)
    elif style == 1:
        v = r.choice(["XEH", "YLW", "JQU", "ZGP", "MKR"]) + "%09d" % r.randint(1, 999999999)
    elif style == 2:
        v = kvnr(r)
    elif style == 3:
        v = "W%09d" % r.randint(1, 999999999)
    elif style == 4:
        v = rs(r, string.ascii_uppercase, 2) + "%05d" % r.randint(0, 99999) + r.choice(string.ascii_uppercase)
    else:
        v = "%d%s" % (r.randint(10**8, 10**9 - 1), rs(r, string.ascii_uppercase, 2))
    return emit("health_insurance_number", v)


ICD = ["E11.9", "I10", "J45.909", "M54.50", "F32.1", "Z79.4", "K21.9", "N39.0", "S83.511A",
       "O24.410", "G43.909", "R51.9", "F41.1", "E78.5", "L40.0", "C50.911", "T78.40XA", "Z23",
       "J06.9", "E03.9", "M17.11", "F90.0", "H66.92", "B34.9", "R10.9", "Z00.129", "S52.501A",
       "F43.10", "E66.01", "I48.91", "J18.9", "K58.9", "Z86.73", "M79.7", "R07.9", "G47.33"]


def g_icd(r):
    return emit("icd10", r.choice(ICD))


def fw(s):
    """full-width digits"""
    return "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in s)


def kn(r, words):
    """a key name in one of many naming styles"""
    st = r.randint(0, 6)
    if st == 0:
        return words[0].lower() + "".join(w.capitalize() for w in words[1:])
    if st == 1:
        return "_".join(w.lower() for w in words)
    if st == 2:
        return "-".join(w.lower() for w in words)
    if st == 3:
        return "_".join(w.upper() for w in words)
    if st == 4:
        return ".".join(w.lower() for w in words)
    if st == 5:
        return " ".join(w.capitalize() for w in words)
    return "".join(w.capitalize() for w in words)


def dt(r, y=2026):
    return "%d-%02d-%02d" % (y, r.randint(1, 12), r.randint(1, 28))


def ts(r):
    return dt(r) + "T%02d:%02d:%02dZ" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))


def uuid(r):
    h = rs(r, HEX, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def b64(s):
    return base64.b64encode(s.encode()).decode()


POS, NEG = [], []


def pos(fn):
    POS.append(fn)
    return fn


def neg(fn):
    NEG.append(fn)
    return fn


def S(fmt, data, *extra):
    """a sample; extra flags: 'encoded' (values not in plain text), 'fw'."""
    return {"format": fmt, "data": data, "flags": set(extra)}


# ================================================================ positive templates
# ---- healthcare / clinical
@pos
def vet_pms_export(r):
    owner = name(r)
    return S("vet-pms-export", {"export": "ezyVet-style client export", "rows": [
        {"ClientID": "C%05d" % r.randint(1, 99999), "Owner": owner, "Owner Mobile": g_phone(r, "uk"),
         "Owner Email": g_email(r), "Patient": r.choice(["Biscuit", "Mango", "Pickle"]),
         "Species": "Canine", "Microchip": "9%014d" % r.randint(0, 10**14 - 1),
         "Card on file": grp(g_card(r)), "Balance": "%.2f" % (r.random() * 300)}]})


@pos
def dental_pms_ledger(r):
    return S("dental-pms-ledger", {"text": "\n".join([
        "DATE       CODE   DESCRIPTION                    CHARGE   PAYMENT",
        "%s  D0120  Periodic oral evaluation        52.00" % dt(r),
        "%s  D1110  Prophylaxis - adult             98.00" % dt(r),
        "%s         Pmt VISA %s auth 0%05d           150.00" % (dt(r), g_card(r), r.randint(0, 99999)),
        "Guarantor SSN: %s   Subscriber ID: %s" % (g_ssn(r), g_hin(r, 1))])})


@pos
def care_home_mar(r):
    return S("care-home-mar", {"resident": name(r), "room": "Rose %d" % r.randint(1, 30),
        "MAR": {"Resident record no.": g_mrn(r, 2), "Allergies": "penicillin",
        "Diagnoses": "%s; %s" % (g_icd(r), g_icd(r)),
        "Medication": [{"drug": "Metformin 500mg", "08:00": "GIVEN", "18:00": "GIVEN"},
                       {"drug": "Amlodipine 5mg", "08:00": "REFUSED (code R)"}]}})


@pos
def ambulance_run_sheet(r):
    return S("ambulance-run-sheet", {"form": "PCR", "incident": "INC-%06d" % r.randint(0, 999999),
        "fields": [["Pt Name", name(r)], ["SSN (last 9)", g_ssn(r, "")], ["Callback", g_phone(r, "us")],
                   ["Primary Impression", "Chest pain, unspecified (%s)" % g_icd(r)],
                   ["Insurance Member #", g_hin(r, 3)], ["Unit", "Medic 14"]]})


@pos
def bed_board_json(r):
    return S("bed-board-json", {"ward": "4 West", "beds": [
        {"bed": "4W-%02d" % r.randint(1, 30), "status": "occupied", "patient": {"mrn": g_mrn(r, 0),
         "initials": "M.Q.", "dx": g_icd(r)}},
        {"bed": "4W-%02d" % r.randint(31, 40), "status": "cleaning", "patient": None}]})


@pos
def openehr_composition(r):
    return S("openehr-composition", {"_type": "COMPOSITION", "archetype_node_id": "openEHR-EHR-COMPOSITION.problem_list.v2",
        "ehr_status": {"subject": {"external_ref": {"id": {"_type": "GENERIC_ID", "value": g_mrn(r, 3), "scheme": "MRN"},
                        "namespace": "DEMOGRAPHIC"}}},
        "content": [{"archetype_node_id": "openEHR-EHR-EVALUATION.problem_diagnosis.v1",
                     "data": {"items": [{"name": {"value": "Problem/Diagnosis name"},
                       "value": {"_type": "DV_CODED_TEXT", "value": "Type 2 diabetes mellitus",
                                 "defining_code": {"terminology_id": {"value": "ICD-10"}, "code_string": g_icd(r)}}}]}}]})


@pos
def omop_rows(r):
    return S("omop-rows", {"table": "person JOIN condition_occurrence", "csv": "\n".join([
        "person_id,person_source_value,condition_source_value,condition_start_date",
        "%d,%s,%s,%s" % (r.randint(1000, 99999), g_mrn(r, 1), g_icd(r), dt(r)),
        "%d,%s,%s,%s" % (r.randint(1000, 99999), g_mrn(r, 1), g_icd(r), dt(r))]),
        "note": "person_source_value = hospital MRN"})


@pos
def astm_e1394(r):
    return S("astm-e1394", {"frames": "\n".join([
        "1H|\\^&|||cobas^1.0|||||||P|1|%s" % dt(r).replace("-", ""),
        "2P|1||%s||%s^%s||19710402|F|||||^Dr. Haldane||||||||||||%s" % (g_mrn(r, 0), "Penhallow", "Ines", g_icd(r)),
        "3O|1|S%06d||^^^GLU|R||||||N||||SERUM" % r.randint(0, 999999),
        "4R|1|^^^GLU|7.9|mmol/L||H||F",
        "5L|1|N"]), "note": "P-3 practice patient id (MRN); P-? diagnosis"})


@pos
def wearable_export(r):
    return S("wearable-export", {"device": "Fitband Charge", "owner": {"email": g_email(r), "phone": g_phone(r)},
        "sync": {"oauth": {"access_token": g_jwt(r, claims={"scope": "activity heartrate"})}},
        "hr": [{"t": 1796400000000 + i * 60000, "bpm": r.randint(55, 110)} for i in range(3)]})


@pos
def genetic_report(r):
    return S("genetic-report", {"text": "GENOMIC TEST REPORT\nPatient: %s    MRN: %s\nDOB: 1983-07-14\n"
        "Indication: family history of breast cancer (%s)\nResult: Pathogenic variant BRCA2 c.5946del (p.Ser1982fs)\n"
        "Ordering provider contact: %s" % (name(r), g_mrn(r), g_icd(r), g_email(r))})


@pos
def mh_intake_form(r):
    return S("mh-intake-form", {"sections": {"About you": {"Full name": name(r), "Social Security #": g_ssn(r),
        "Best number to reach you": g_phone(r, "us")}, "Insurance": {"Plan": "Stellan PPO", "Member ID": g_hin(r, 1),
        "Group #": "GRP-%05d" % r.randint(0, 99999)}, "Clinician use": {"Provisional dx": g_icd(r)}}})


@pos
def school_nurse_log(r):
    return S("school-nurse-log", {"text": "%s 10:42  Gr.4 student (asthma, %s) inhaler given, O2 97%%.\n"
        "Parent called at %s - no answer, left voicemail.\nEmailed %s re: refill of school inhaler." %
        (dt(r), g_icd(r), g_phone(r, "us"), g_email(r))})


@pos
def workers_comp_fnoi(r):
    return S("workers-comp-fnoi", {"FirstNoticeOfInjury": {"Employee": {"Name": name(r), "SSN": g_ssn(r),
        "HomePhone": g_phone(r, "us")}, "Injury": {"Date": dt(r), "NatureOfInjury": "Sprain",
        "ICD10": g_icd(r), "BodyPart": "Lower back"}, "Employer": {"FEIN": "%02d-%07d" % (r.randint(10, 99), r.randint(0, 9999999))}}})


@pos
def openemr_like_encounter_pdf_text(r):
    return S("superbill-text", {"text": "SUPERBILL\nAcct#: %d    Chart #: %s\nPatient: %s\nIns ID: %s\n"
        "Dx 1: %s   Dx 2: %s\nCPT 99213 x1   $145.00" % (r.randint(10000, 99999), g_mrn(r, 2), name(r), g_hin(r), g_icd(r), g_icd(r))})


@pos
def medicare_card_ocr_es(r):
    return S("carta-medicare-es", {"carta": "Estimado/a %s:\nSu nuevo número de Medicare es %s. Guárdelo en un lugar seguro y muéstrelo en cada consulta." % (name(r), g_hin(r, 0))})


@pos
def kvk_gesundheitskarte(r):
    return S("egk-auslesung", {"Versicherter": {"Name": name(r), "Versichertennummer": g_hin(r, 2),
        "Kostenträgerkennung": "10%07d" % r.randint(0, 9999999), "Geburtsdatum": "1969-11-02"},
        "Diagnosen": ["%s G" % g_icd(r)]})


@pos
def dialysis_flowsheet(r):
    return S("dialysis-flowsheet", {"columns": ["MRN#", "Pt", "Dx", "Pre-wt", "Post-wt"],
        "rows": [[g_mrn(r, 5), "O.K.", "N18.6", "82.4", "80.1"], [g_mrn(r, 5), "T.D.", g_icd(r), "71.0", "69.8"]]})


@pos
def prescription_pad_ocr_fr(r):
    return S("ordonnance-ocr", {"ocr": "Dr. Achterberg - Médecine générale\nTél. : %s\nPatient : %s\n"
        "N° de dossier (MRN) : %s\nMetformine 850 mg, 1 cp matin et soir - 3 mois\nMotif : %s" %
        (g_phone(r, "fr"), name(r), g_mrn(r), g_icd(r))})


@pos
def lab_portal_sms(r):
    return S("messagebird-sms-request", {"originator": "LabNotify", "recipients": [g_phone(r, "au")], "body": "Pathology result ready for chart %s. Log in to view." % g_mrn(r, 1)})


@pos
def pharmacy_benefit_card_json(r):
    return S("pbm-card-json", {"card": {"rxBIN": "610014", "rxPCN": "MEDDPRIME", "rxGroup": "RX%04d" % r.randint(0, 9999),
        "memberId": g_hin(r, 3), "memberName": name(r), "issuer": "Stellan Rx"}})


@pos
def hospice_visit_note(r):
    return S("hospice-idg-summary", {"IDG": {"terminalDiagnosis": g_icd(r), "comorbidities": [g_icd(r)], "medicareNumber": g_hin(r, 0),
        "familyContact": g_phone(r), "levelOfCare": "routine home care"}})


@pos
def ccda_like_json(r):
    return S("coding-workqueue-json", {"account": "%d" % r.randint(10**6, 10**7), "status": "ready-to-bill", "codes": [{"type": "dx", "code": g_icd(r), "poa": "Y"},
        {"type": "cpt", "code": "97110"}], "payerMemberId": g_hin(r)})


@pos
def telehealth_booking_url(r):
    q = urllib.parse.urlencode({"mrn": g_mrn(r, 0), "email": g_email(r), "reason": g_icd(r)})
    return S("telehealth-deeplink", {"link": "https://visit.lumenhealth.example/join?" + q})


@pos
def dicom_sr_text(r):
    return S("radiology-worklist", {"worklist": [{"AccessionNumber": "A%08d" % r.randint(0, 99999999),
        "PatientID": g_mrn(r, 3), "IssuerOfPatientID": "MRN", "ScheduledProcedure": "CT HEAD W/O",
        "ReasonForRequestedProcedure": g_icd(r)}]})


@pos
def patient_wristband_text(r):
    return S("dymo-specimen-label-xml", {"xml": "<DieCutLabel><ObjectInfo><TextObject><String>%s</String></TextObject></ObjectInfo><ObjectInfo><TextObject><String>MRN %s</String></TextObject></ObjectInfo></DieCutLabel>" % (name(r).upper(), g_mrn(r, 0))})


@pos
def insurance_eligibility_chat(r):
    return S("payer-call-log", {"log": [["00:41", "agent", "member ID on the front of the card?"], ["00:49", "caller", g_hin(r, 1)],
        ["01:02", "agent", "subscriber's social?"], ["01:07", "caller", g_ssn(r, " ")]]})


@pos
def icd_coder_query(r):
    return S("cdi-query", {"query": "Documentation indicates 'sepsis' and lactate 4.1. Please clarify whether "
        "%s or %s best reflects the condition.\nResponse options: [ ] agree [ ] disagree" % (g_icd(r), g_icd(r))})


@pos
def blood_bank_label(r):
    return S("blood-bank-crossmatch", {"unit": "W0000%08d" % r.randint(0, 99999999), "abo": "O NEG",
        "recipient": {"medicalRecordNo": g_mrn(r, 4), "name": name(r)}, "crossmatch": "compatible"})


@pos
def nhs_style_referral_letter(r):
    return S("gp-referral-letter", {"body": "Dear colleague,\nI would be grateful if you could see this gentleman "
        "(hospital no. %s) with suspected %s.\nHe can be reached on %s.\nYours sincerely" % (g_mrn(r, 5), g_icd(r), g_phone(r, "ukl"))})


@pos
def optometry_recall(r):
    return S("optometry-recall-csv", {"csv": "patient,mobile,email,last_exam,dx\n\"%s\",%s,%s,%s,%s" %
        (name(r), g_phone(r, "nz"), g_email(r), dt(r, 2025), g_icd(r))})


@pos
def medicaid_cin(r):
    return S("medicaid-renewal-form", {"fields": {"Client ID Number (CIN)": g_hin(r, 4), "Applicant SSN": g_ssn(r),
        "Phone": g_phone(r, "us")}})


# ---- finance / commerce / travel
@pos
def broker_quote(r):
    return S("broker-quote", {"quote": "Q-%06d" % r.randint(0, 999999), "applicant": {"name": name(r),
        "tax_id_ssn": g_ssn(r), "email": g_email(r)}, "premium_monthly": 212.4})


@pos
def pension_statement(r):
    return S("pension-statement", {"text": "ANNUAL BENEFIT STATEMENT %d\nMember: %s\nNational Insurance / Social Security No.: %s\n"
        "Projected pension at 67: $2,140/month\nQuestions? %s" % (2026, name(r), g_ssn(r), g_phone(r, "us"))})


@pos
def closing_disclosure(r):
    return S("closing-disclosure", {"page": 5, "text": "Contact Information\n           Lender            Settlement Agent\n"
        "Name       Corvid Mortgage   Quayside Title\nEmail      %s   %s\nPhone      %s   %s\n"
        "Borrower SSN on file: %s" % (g_email(r), g_email(r), g_phone(r, "us"), g_phone(r, "us"), g_ssn(r))})


@pos
def car_rental_agreement(r):
    c = g_card(r)
    return S("car-rental-agreement", {"RA": "RA%08d" % r.randint(0, 99999999), "renter": {"name": name(r), "phone": g_phone(r)},
        "payment": {"method": "CC", "ccNum": c, "ccExp": "%02d/%02d" % (r.randint(1, 12), r.randint(27, 31)),
                    "ccCvc": g_cvv(r, 4 if len(c) == 15 else 3)}, "vehicle": "VW Golf"})


@pos
def loyalty_statement(r):
    return S("loyalty-statement", {"html": "<table><tr><td>Member</td><td>%s</td></tr><tr><td>E-mail</td><td>%s</td></tr>"
        "<tr><td>Linked card</td><td>%s</td></tr><tr><td>Points</td><td>12,480</td></tr></table>" % (name(r), g_email(r), grp(g_card(r), "-"))})


@pos
def hotel_pms_reservation(r):
    c = g_card(r)
    return S("hotel-pms-reservation", {"Reservation": {"ConfNo": "%d" % r.randint(10**7, 10**8), "Guest": {"Surname": r.choice(LAST),
        "EMailAddress": g_email(r), "PhoneNo": g_phone(r)}, "Guarantee": {"CardType": "VI", "CardNumber": c,
        "SeriesCode": g_cvv(r, 4 if len(c) == 15 else 3), "ExpireDate": "1229"}}})


@pos
def ticket_qr_payload(r):
    return S("ticket-qr-payload", {"decoded": "EVT:%d;SEAT:K14;HOLDER:%s;TOKEN:%s" % (r.randint(1000, 9999), g_email(r), g_jwt(r, "ES256"))})


@pos
def amazon_seller_report(r):
    return S("amazon-seller-report", {"tsv": "order-id\tbuyer-email\tbuyer-phone-number\tsku\tquantity-purchased\n"
        "%03d-%07d-%07d\t%s\t%s\tTEA-001\t2" % (r.randint(100, 999), r.randint(0, 9999999), r.randint(0, 9999999), g_email(r, domain="marketplace.amazon.com"), g_phone(r, "us"))})


@pos
def etsy_shop_csv(r):
    return S("etsy-shop-csv", {"csv": "Sale Date,Order ID,Buyer,Full Name,Ship Email,Ship Phone\n%s,%d,%s,%s,%s,%s" %
        (dt(r), r.randint(10**9, 10**10), r.choice(FIRST).lower() + "crafts", name(r), g_email(r), g_phone(r, "uk"))})


@pos
def banking_push_payload(r):
    return S("banking-push-payload", {"aps": {"alert": {"title": "Card added", "body": "Card ending 4821 added to wallet"}},
        "data": {"deviceToken": rs(r, HEX, 64), "pan": g_card(r), "session": g_jwt(r)}})


@pos
def crypto_exchange_keys(r):
    return S("crypto-exchange-keys", {"exchange": "binance", "apiKey": g_api(r, "binance"), "secretKey": g_api(r, "binance"),
        "permissions": ["SPOT", "READ"], "ipRestrict": True})


@pos
def pos_terminal_journal(r):
    c = g_card(r)
    return S("pos-terminal-journal", {"journal": "\n".join([
        "TID 0042  MID 000198%06d" % r.randint(0, 999999), "SALE          EUR 34.50",
        "PAN %s  EXP 12/29  ENTRY: MAG" % c, "CVM: SIGNATURE  AUTH 4%05d  RC 00" % r.randint(0, 99999)])})


@pos
def sap_idoc(r):
    return S("sap-idoc", {"idoc": "EDI_DC40  1000000000%07d  DEBMAS07\nE1KNA1M   %s 005 KUNNR=00010%05d NAME1=%s TELF1=%s SMTP_ADDR=%s\n"
        "E1KNBKM   BANKS=DE BANKN=%s" % (r.randint(0, 9999999), "009", r.randint(0, 99999), r.choice(LAST), g_phone(r, "de"),
                                       g_email(r), "%010d" % r.randint(0, 10**10 - 1))})


@pos
def odoo_jsonrpc(r):
    return S("odoo-jsonrpc", {"jsonrpc": "2.0", "method": "call", "params": {"service": "object", "method": "execute_kw",
        "args": ["prod_db", 2, g_pw(r), "res.partner", "create", [{"name": name(r), "email": g_email(r), "mobile": g_phone(r)}]]}})


@pos
def dynamics_odata(r):
    return S("dynamics-odata", {"@odata.context": "https://org.crm4.dynamics.com/api/data/v9.2/$metadata#contacts",
        "value": [{"@odata.etag": "W/\"%d\"" % r.randint(10**6, 10**7), "contactid": uuid(r), "fullname": name(r),
                   "emailaddress1": g_email(r), "mobilephone": g_phone(r), "new_ssn": g_ssn(r)}]})


@pos
def uk_p60(r):
    return S("uk-p60", {"text": "P60 End of Year Certificate  Tax year to 5 April 2026\nEmployee's details\n"
        "Surname %s  Forenames %s\nNational Insurance number  QQ 12 34 56 C (specimen)\nPay in this employment £41,200.00\n"
        "Employer contact: %s" % (r.choice(LAST), r.choice(FIRST), g_email(r))})


@pos
def de_lohnabrechnung(r):
    return S("de-lohnabrechnung", {"text": "Abrechnung der Brutto/Netto-Bezüge für Oktober 2026\nPers.-Nr. %05d  Steuerklasse 1\n"
        "Krankenkasse: TK  Versichertennummer %s\nTel. Personalabteilung %s\nBankverbindung: DE89 3704 0044 0532 0130 00" %
        (r.randint(0, 99999), g_hin(r, 2), g_phone(r, "de"))})


@pos
def court_efiling(r):
    return S("court-efiling", {"envelope": {"court": "Superior Court", "caseType": "Family", "filer": {"barNo": "%06d" % r.randint(0, 999999),
        "email": g_email(r)}, "serviceContacts": [{"name": name(r), "email": g_email(r)}],
        "confidentialInfoSheet": {"petitionerSSN": g_ssn(r), "respondentSSN": g_ssn(r)}}})


@pos
def paymentfile_pain001(r):
    return S("card-tokenize-request-xml", {"xml": "<TokenizeRequest><Card><Pan>%s</Pan><Expiry>2029-08</Expiry><Csc>%s</Csc></Card>"
        "<Cardholder><Email>%s</Email></Cardholder></TokenizeRequest>" % (g_card(r), g_cvv(r), g_email(r))})


@pos
def gift_registry(r):
    return S("wedding-registry-export", {"guests": [{"Guest Name": name(r), "RSVP Phone": g_phone(r), "E-mail": g_email(r)} for _ in range(2)]})


@pos
def airline_ssr(r):
    return S("gds-traveler-profile-xml", {"xml": "<Traveler><PersonName><Surname>%s</Surname></PersonName><Email Type=\"Home\">%s</Email><Telephone PhoneUseType=\"M\">%s</Telephone></Traveler>" %
        (r.choice(LAST).upper(), g_email(r), g_phone(r))})


@pos
def invoice_ubl(r):
    return S("ubl-invoice-xml", {"xml": "<cac:AccountingCustomerParty><cac:Party><cac:Contact><cbc:Telephone>%s</cbc:Telephone>"
        "<cbc:ElectronicMail>%s</cbc:ElectronicMail></cac:Contact></cac:Party></cac:AccountingCustomerParty>"
        "<cac:PaymentMeans><cac:CardAccount><cbc:PrimaryAccountNumberID>%s</cbc:PrimaryAccountNumberID>"
        "<cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount></cac:PaymentMeans>" % (g_phone(r), g_email(r), g_card(r))})


@pos
def donation_form_post(r):
    c = g_card(r)
    parts = [("donor_email", g_email(r)), ("cc_number", c), ("cc_cvv", g_cvv(r, 4 if len(c) == 15 else 3)), ("amount", "25")]
    b = "----WebKitFormBoundary" + rs(r, ALNUM, 16)
    body = "".join("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (b, k, v) for k, v in parts) + "--%s--" % b
    return S("multipart-form-body", {"content_type": "multipart/form-data; boundary=" + b, "body": body})


@pos
def bnpl_application(r):
    return S("bnpl-application", {"applicant": {"firstName": r.choice(FIRST), "ssnLast4": "%04d" % r.randint(0, 9999),
        "ssnFull": g_ssn(r, ""), "mobile": g_phone(r, "us")}, "decision": "approved"})


@pos
def tax_prep_json(r):
    return S("daycare-enrollment-json", {"child": {"name": r.choice(FIRST), "ssn": g_ssn(r)}, "guardians": [{"name": name(r), "ssn": g_ssn(r), "email": g_email(r)}]})


@pos
def moto_phone_order(r):
    c = g_card(r)
    return S("moto-order-note", {"note": "Customer phoned in order. Card %s exp 03/28, security code %s. Call back %s" %
        (grp(c, " "), g_cvv(r, 4 if len(c) == 15 else 3), g_phone(r))})


@pos
def subscription_migration(r):
    return S("billing-migration-csv", {"csv": "customer_email,card_number,card_exp_month,card_exp_year,card_cvc\n" +
        "\n".join("%s,%s,%d,%d,%s" % (g_email(r), g_card(r), r.randint(1, 12), r.randint(2027, 2031), g_cvv(r)) for _ in range(2))})


@pos
def fullwidth_card_jp(r):
    c = g_card(r)
    return S("jp-order-form", {"お名前": "山田 花子", "カード番号": fw(grp(c, "-")), "セキュリティコード": fw(g_cvv(r)), "電話番号": fw(g_phone(r, "us"))}, "fw")


@pos
def nbsp_card_receipt(r):
    c = g_card(r)
    return S("shop-receipt-html", {"html": "<p>Paid with card&nbsp;number</p><p>%s</p>" % grp(c, "\u00a0")})


@pos
def base64_card_blob(r):
    c = g_card(r)
    v = g_cvv(r)
    return S("rabbitmq-get-messages", [{"payload_bytes": 58, "redelivered": False, "exchange": "payments", "routing_key": "card.capture",
        "payload": b64(json.dumps({"pan": c, "cvv": v, "exp": "0929"})), "payload_encoding": "base64", "properties": {"content_type": "application/json"}}], "encoded")


@pos
def percent_encoded_ssn(r):
    s = g_ssn(r)
    return S("analytics-beacon", {"beacon": "https://t.corvidpay.net/b.gif?ev=kyc_submit&ssn=" + urllib.parse.quote(s) +
        "&em=" + urllib.parse.quote(g_email(r))}, "encoded")


@pos
def cheque_ocr(r):
    return S("remittance-slip-ocr", {"ocr": "REMIT TO: Corvid Pay\nAccount holder SSN  %s\nDaytime phone %s" % (g_ssn(r, " "), g_phone(r))})


@pos
def insurance_claim_voice(r):
    c = g_card(r)
    return S("call-qa-scorecard", {"call": uuid(r)[:8], "score": 62, "findings": [{"criterion": "PCI pause used", "met": False,
        "evidence": "agent did not pause recording; caller read card %s and code %s aloud" % (grp(c, " "), g_cvv(r))}]})


# ---- developer / ops
@pos
def circleci_log(r):
    return S("circleci-step-log", {"step": "Deploy", "output": "#!/bin/bash -eo pipefail\naws configure set aws_access_key_id %s\n"
        "aws configure set aws_secret_access_key %s\nupload: dist/app.zip to s3://rel-bucket/app.zip" % (g_akia(r), g_aws_secret(r))})


@pos
def buildkite_log(r):
    return S("buildkite-job-log", {"log": "~~~ :docker: Logging in\n$ echo %s | docker login -u ci-bot --password-stdin registry.velarion.dev\n"
        "Login Succeeded" % g_pw(r)})


@pos
def travis_yml(r):
    return S("travis-yml", {"yaml": "language: node_js\nenv:\n  global:\n    - SAUCE_USERNAME=velarion\n    - SAUCE_ACCESS_KEY=%s\n"
        "deploy:\n  provider: npm\n  api_token: %s\n" % (g_api(r, "hex32"), g_api(r, "npm"))})


@pos
def azure_pipelines_log(r):
    return S("azure-devops-log", {"log": "2026-11-30T10:02:11.1234567Z ##[section]Starting: Publish\n"
        "2026-11-30T10:02:11.2234567Z dotnet nuget push *.nupkg --api-key %s --source nuget.org\n"
        "2026-11-30T10:02:14.0000000Z Your package was pushed." % emit("api_key", "oy2" + rs(r, string.ascii_lowercase + string.digits, 43))})


@pos
def vscode_settings(r):
    return S("vscode-settings-json", {"settings.json": {"editor.fontSize": 14, "sqltools.connections": [{"name": "prod",
        "driver": "PostgreSQL", "server": "db.velarion.dev", "username": "report", "password": g_pw(r)}],
        "rest-client.environmentVariables": {"prod": {"token": g_api(r, "linear")}}}})


@pos
def jetbrains_datasource(r):
    return S("jetbrains-datasources-xml", {"xml": "<data-source source=\"LOCAL\" name=\"orders@prod\">\n  <driver-ref>mysql.8</driver-ref>\n"
        "  <jdbc-url>jdbc:mysql://10.2.0.7:3306/orders?user=app&amp;password=%s</jdbc-url>\n</data-source>" % urllib.parse.quote(g_pw(r))})


@pos
def android_google_services(r):
    return S("google-services-json", {"project_info": {"project_number": "%d" % r.randint(10**11, 10**12), "project_id": "tallow-app"},
        "client": [{"api_key": [{"current_key": g_api(r, "google")}], "oauth_client": []}]})


@pos
def ios_info_plist(r):
    return S("xcode-xcconfig", {"text": "// Release.xcconfig\nPRODUCT_BUNDLE_IDENTIFIER = io.tallowbrook.app\nBRANCH_KEY = %s\nSEGMENT_WRITE_KEY = %s\n" %
        (emit("api_key", "key_live_" + rs(r, ALNUM, 32)), emit("api_key", rs(r, ALNUM, 32)))})


@pos
def gradle_properties(r):
    return S("gradle-kts-signing", {"kts": "signingConfigs {\n    create(\"release\") {\n        storeFile = file(\"upload.jks\")\n        storePassword = \"%s\"\n        keyAlias = \"upload\"\n        keyPassword = \"%s\"\n    }\n}" % (g_pw(r), g_pw(r))})


@pos
def composer_auth(r):
    return S("composer-auth-json", {"auth.json": {"github-oauth": {"github.com": g_api(r, "gho")},
        "http-basic": {"satis.velarion.dev": {"username": "deploy", "password": g_pw(r)}}}})


@pos
def yarnrc(r):
    return S("yarnrc-yml", {"text": "nodeLinker: node-modules\nnpmScopes:\n  velarion:\n    npmRegistryServer: \"https://npm.pkg.github.com\"\n"
        "    npmAuthToken: \"%s\"\n" % g_api(r, "ghp")})


@pos
def pip_conf(r):
    return S("pip-conf", {"text": "[global]\nindex-url = https://ci:%s@pkgs.tallowbrook.io/simple/\ntimeout = 30\n" % urllib.parse.quote(g_pw(r), safe="")})


@pos
def gemrc(r):
    return S("gem-credentials", {"text": "---\n:rubygems_api_key: %s\n" % emit("api_key", "rubygems_" + rs(r, HEX, 48))})


@pos
def mongodump_json(r):
    return S("mongosh-find-output", {"text": "[\n  {\n    _id: ObjectId('%s'),\n    email: '%s',\n    phone: '%s',\n    pwd: '%s',\n    createdAt: ISODate('%s')\n  }\n]" %
        (rs(r, HEX, 24), g_email(r), g_phone(r), g_pw(r), ts(r))})


@pos
def redis_rdb_dump_text(r):
    return S("rdb-tools-dump", {"text": "db=0 key=\"session:%s\" type=string value=\"%s\"\ndb=0 key=\"otp:uid:%d\" type=string value=\"491022\"" %
        (rs(r, HEX, 16), g_jwt(r), r.randint(10**10, 10**11))})


@pos
def cassandra_cqlsh(r):
    return S("cqlsh-output", {"text": " user_id | email                     | phone\n---------+---------------------------+----------------\n"
        "  %5d  | %s | %s\n\n(1 rows)" % (r.randint(1, 99999), g_email(r), g_phone(r))})


@pos
def sqlite_dump(r):
    return S("sqlite3-dump", {"sql": "BEGIN TRANSACTION;\nCREATE TABLE cards(id INTEGER PRIMARY KEY, holder TEXT, pan TEXT, cvc TEXT);\n"
        "INSERT INTO cards VALUES(1,'%s','%s','%s');\nCOMMIT;" % (name(r), g_card(r), g_cvv(r))})


@pos
def clickhouse_client(r):
    return S("clickhouse-client", {"text": "SELECT user_email, ip FROM events LIMIT 2\n\n┌─user_email──────────────┬─ip──────────┐\n"
        "│ %s │ 10.0.3.9    │\n│ %s │ 10.0.3.17   │\n└─────────────────────────┴─────────────┘" % (g_email(r), g_email(r))})


@pos
def errbot_chatops(r):
    return S("chatops-bot-transcript", {"lines": ["[ops-bot] !secrets get payments/stripe", "[ops-bot] payments/stripe = %s (expires never)" % g_api(r, "stripe")]})


@pos
def opsgenie_alert(r):
    return S("opsgenie-alert", {"alert": {"message": "Login failures spike", "description": "first failing principal %s from ip 10.0.0.4" % g_email(r),
        "responders": [{"type": "user", "username": g_email(r)}], "details": {"oncall_phone": g_phone(r)}}})


@pos
def servicenow_incident(r):
    return S("servicenow-incident", {"result": {"number": "INC%07d" % r.randint(0, 9999999), "short_description": "VPN access",
        "description": "User cannot log in. Temp password set to %s, please change at next logon." % g_pw(r),
        "caller_id": {"display_value": name(r)}, "u_contact_email": g_email(r)}})


@pos
def freshdesk_ticket(r):
    return S("freshdesk-ticket", {"id": r.randint(1000, 99999), "subject": "Refund", "description_text": "Hi, I was charged twice on card %s. "
        "Reach me at %s." % (grp(g_card(r), "-"), g_phone(r)), "requester": {"email": g_email(r)}})


@pos
def salesforce_marketing_export(r):
    return S("pipedrive-persons-csv", {"csv": "Person - Name;Person - Email;Person - Phone;Organization\n%s;%s;%s;Mossgate GmbH" % (name(r), g_email(r), g_phone(r, "de"))})


@pos
def gusto_payroll(r):
    return S("gusto-payroll-api", {"payroll": {"check_date": dt(r), "employee_compensations": [{"employee": {"first_name": r.choice(FIRST),
        "ssn": g_ssn(r), "bank": {"routing": "021000021", "account": "%010d" % r.randint(0, 10**10 - 1)}}, "gross_pay": "3120.00"}]}})


@pos
def telecom_cdr(r):
    return S("telecom-cdr-csv", {"csv": "start,calling,called,dur,cell\n%s,%s,%s,183,310260%09d" %
        (ts(r), g_phone(r, "us").replace(" ", ""), g_phone(r, "uk"), r.randint(0, 10**9 - 1))})


@pos
def iot_device_config(r):
    return S("iot-device-config", {"device": {"id": "thermo-%04d" % r.randint(0, 9999), "wifi": {"ssid": "Warehouse-2G", "psk": g_pw(r)},
        "mqtt": {"host": "mqtt.tallowbrook.io", "user": "dev", "pass": g_pw(r)}}})


@pos
def esp_secrets_h(r):
    return S("arduino-secrets-h", {"text": "#define SECRET_SSID \"shopfloor\"\n#define SECRET_PASS \"%s\"\n#define AWS_KEY_ID \"%s\"\n" % (g_pw(r), g_akia(r))})


@pos
def thunderbird_prefs(r):
    return S("thunderbird-prefs-js", {"text": 'user_pref("mail.identity.id1.useremail", "%s");\nuser_pref("mail.server.server2.hostname", "imap.mossgate.de");' % g_email(r)})


@pos
def outlook_pst_export_csv(r):
    return S("outlook-contacts-csv", {"csv": "First Name,Last Name,E-mail Address,Mobile Phone,Business Phone\n%s,%s,%s,%s,%s" %
        (r.choice(FIRST), r.choice(LAST), g_email(r), g_phone(r), g_phone(r))})


@pos
def heroku_config(r):
    return S("heroku-config-output", {"text": "=== tallow-api Config Vars\nDATABASE_URL:      postgres://u8f2:%s@ec2-3-9-1-2.compute-1.amazonaws.com:5432/d1\n"
        "SENDGRID_API_KEY:  %s\n" % (urllib.parse.quote(g_pw(r), safe=""), g_api(r, "sendgrid"))})


@pos
def flyctl_secrets(r):
    return S("flyctl-secrets-set", {"cmd": "fly secrets set OPENAI_API_KEY=%s SESSION_SECRET=%s -a tallow-api" % (g_api(r, "openai"), g_api(r, "b64_40"))})


@pos
def vercel_env_pull(r):
    return S("vercel-env-api-json", {"envs": [{"key": "VERCEL_OIDC_TOKEN", "value": g_jwt(r, "RS256"), "type": "plain", "target": ["production"]},
        {"key": "ANTHROPIC_API_KEY", "value": g_api(r, "anthropic"), "type": "plain", "target": ["production", "preview"]}]})


@pos
def netlify_toml(r):
    return S("netlify-toml", {"text": "[build.environment]\n  NODE_VERSION = \"20\"\n  HUGGINGFACE_TOKEN = \"%s\"\n" % g_api(r, "hf")})


@pos
def cloudflare_wrangler(r):
    return S("wrangler-toml", {"text": "name = \"edge\"\n[vars]\nSHOPIFY_ADMIN_TOKEN = \"%s\"\nTWILIO_API_KEY_SID = \"%s\"\n" % (g_api(r, "shopify"), g_api(r, "twilio"))})


@pos
def digitalocean_doctl(r):
    return S("doctl-config-yaml", {"yaml": "access-token: %s\ncontext: default\noutput: text\n" % g_api(r, "do")})


@pos
def mailgun_curl_ps(r):
    return S("ps-aux-line", {"line": "deploy   2231  0.0  0.1 curl -s --user api:%s https://api.mailgun.net/v3/mg.velarion.dev/messages -F to=%s" %
        (g_api(r, "mailgun"), g_email(r))})


@pos
def gitlab_runner_toml(r):
    return S("gitlab-runner-config-toml", {"text": "[[runners]]\n  name = \"docker-1\"\n  url = \"https://gitlab.velarion.dev\"\n  token = \"%s\"\n" % g_api(r, "glpat")})


@pos
def argo_cd_cli(r):
    return S("argocd-cli-config", {"yaml": "contexts:\n- name: argocd.velarion.dev\n  user: argocd.velarion.dev\nusers:\n- name: argocd.velarion.dev\n  auth-token: %s\n" % g_jwt(r, "HS256")})


@pos
def aws_amplify_exports(r):
    return S("amplify-aws-exports-js", {"js": "const awsmobile = {\n  aws_project_region: 'eu-west-1',\n  aws_user_files_s3_bucket: 'uploads-prod',\n"
        "  aws_access_key_id: '%s',\n  aws_secret_access_key: '%s'\n};" % (g_akia(r), g_aws_secret(r))})


@pos
def rclone_like_s3_cli(r):
    return S("s3cmd-debug-output", {"text": "DEBUG: ConfigParser: access_key->%s\nDEBUG: ConfigParser: secret_key->%s\nDEBUG: ConfigParser: bucket_location->EU" %
        (g_akia(r, r.choice(["AKIA", "ASIA"])), g_aws_secret(r))})


@pos
def terraform_plan_output(r):
    return S("terraform-plan-stdout", {"text": "  # aws_iam_access_key.ci will be created\n  + resource \"aws_iam_access_key\" \"ci\" {\n"
        "      + id     = \"%s\"\n      + secret = (sensitive value)\n    }" % g_akia(r)})


@pos
def sshd_key_in_bash_heredoc(r):
    return S("runbook-md", {"md": "### Restore deploy key\n\n```bash\ncat > ~/.ssh/id_deploy <<'KEY'\n%s\nKEY\nchmod 600 ~/.ssh/id_deploy\n```" % g_pem(r, "OPENSSH PRIVATE KEY")})


@pos
def gcp_sa_in_env(r):
    return S("cloud-run-env-yaml", {"yaml": "env:\n- name: GOOGLE_PRIVATE_KEY\n  value: \"%s\"\n" % g_pem(r, "PRIVATE KEY", "\\n")})


@pos
def apple_p8(r):
    return S("apns-auth-key-p8", {"file": "AuthKey_%s.p8" % rs(r, UPDIG, 10), "content": g_pem(r, "PRIVATE KEY")})


@pos
def nginx_ssl_dir_listing(r):
    return S("hiera-eyaml-decrypted", {"yaml": "profile::web::tls_key: |\n  " + g_pem(r, "EC PRIVATE KEY").replace("\n", "\n  ")})


@pos
def java_keystore_pem(r):
    return S("mobile-signing-config", {"signing": {"keyAlias": "upload", "storePassword": g_pw(r), "keyPassword": g_pw(r)}})


@pos
def saml_idp_metadata_with_key(r):
    return S("shibboleth-idp-props", {"text": "idp.sealer.storePassword = %s\nidp.signing.key = %s" % (g_pw(r), b64(g_pem(r, "RSA PRIVATE KEY")))}, "encoded")


@pos
def encrypted_pkcs8(r):
    return S("step-crypto-stdout", {"cmd": "step crypto key format --pem --password-file pw.txt key.der", "stdout": g_pem(r, "ENCRYPTED PRIVATE KEY")})


@pos
def mobile_remote_config(r):
    return S("firebase-remote-config", {"parameters": {"maps_key": {"defaultValue": {"value": g_api(r, "google")}},
        "support_email": {"defaultValue": {"value": g_email(r)}}}})


@pos
def react_native_env(r):
    return S("expo-app-config-js", {"js": "export default {\n  name: 'tallow',\n  extra: {\n    sentryAuthToken: '%s',\n    figmaToken: '%s',\n  },\n};" % (g_api(r, "sentry"), g_api(r, "figma"))})


@pos
def vault_cli_login(r):
    return S("vault-login-stdout", {"text": "Success! You are now authenticated.\n\nKey                  Value\n---                  -----\ntoken                %s\n"
        "token_accessor      %s\ntoken_duration       768h" % (g_api(r, "vault"), rs(r, ALNUM, 24))})


@pos
def doppler_cli(r):
    return S("doppler-secrets-json", {"DOPPLER_TOKEN": {"computed": g_api(r, "doppler")}, "DB_PASSWORD": {"computed": g_pw(r)}})


@pos
def jira_cloud_token(r):
    return S("jira-cli-config", {"yaml": "installation: Cloud\nserver: https://velarion.atlassian.net\nlogin: %s\nauth_type: api_token\napi_token: %s\n" %
        (g_email(r), g_api(r, "atlassian"))})


@pos
def postman_env_key(r):
    return S("newman-cli-run", {"cmd": "newman run coll.json --postman-api-key %s --env-var \"jwt=%s\"" % (g_api(r, "postman"), g_jwt(r))})


@pos
def square_sdk(r):
    return S("square-sdk-snippet", {"code": "client = Square(\n    token=\"%s\",\n    environment=SquareEnvironment.PRODUCTION,\n)" % g_api(r, "square")})


@pos
def slack_app_manifest_secrets(r):
    return S("slack-bolt-init-js", {"js": "const app = new App({\n  token: '%s',\n  signingSecret: '%s',\n  socketMode: false,\n});" % (g_api(r, "slack"), g_api(r, "hex32"))})


@pos
def ghe_actions_runner_log(r):
    return S("gh-runner-diag-log", {"log": "[2026-11-30 10:01:22Z INFO Runner] Registering with token %s\n[2026-11-30 10:01:23Z INFO Runner] Connected." % g_api(r, "ghp")})


@pos
def keepass_xml(r):
    return S("keepass-xml", {"xml": "<Entry><String><Key>Title</Key><Value>Bank</Value></String><String><Key>UserName</Key><Value>%s</Value></String>"
        "<String><Key>Password</Key><Value ProtectInMemory=\"True\">%s</Value></String></Entry>" % (g_email(r), g_pw(r))})


@pos
def onepassword_csv(r):
    return S("1password-csv", {"csv": "Title,Website,Username,Password,OTPAuth\nCRM,https://crm.velarion.dev,%s,%s," % (g_email(r), g_pw(r))})


@pos
def chrome_passwords_csv(r):
    return S("chrome-passwords-csv", {"csv": "name,url,username,password,note\nmossgate.de,https://mossgate.de/login,%s,%s," % (g_email(r), g_pw(r))})


@pos
def wifi_qr(r):
    return S("wifi-qr-string", {"qr": "WIFI:T:WPA;S:Clinic-Guest;P:%s;;" % g_pw(r)})


@pos
def network_device_config(r):
    return S("cisco-running-config", {"text": "hostname edge-rtr1\nusername netops privilege 15 secret 0 %s\nsnmp-server community public RO\n" % g_pw(r)})


@pos
def mikrotik_export(r):
    return S("routeros-export", {"text": "/interface wireless security-profiles\nset [ find default=yes ] authentication-types=wpa2-psk mode=dynamic-keys wpa2-pre-shared-key=%s\n" % g_pw(r)})


@pos
def ldap_bind_cli(r):
    return S("ldapsearch-cmdline", {"cmd": "ldapsearch -x -H ldaps://dc1.mossgate.de -D \"cn=svc-scan,ou=svc,dc=mossgate,dc=de\" -w '%s' '(mail=%s)'" % (g_pw(r), g_email(r))})


@pos
def mysql_cli_warn(r):
    return S("proc-pid-cmdline", {"pid": r.randint(1000, 60000), "cmdline": ["mysql", "-h", "10.2.0.7", "-u", "reporting", "-p" + g_pw(r), "orders"]})


@pos
def smb_mount(r):
    return S("fstab-cifs", {"line": "//nas01/scans /mnt/scans cifs username=scanner,password=%s,uid=1000 0 0" % g_pw(r)})


@pos
def pgbouncer_userlist(r):
    return S("pgbouncer-userlist", {"text": "\"app\" \"%s\"\n\"stats\" \"md5%s\"" % (g_pw(r), rs(r, HEX, 32))})


@pos
def jwt_in_websocket_url(r):
    return S("socketio-handshake-url", {"url": "wss://rt.tallowbrook.io/socket.io/?EIO=4&transport=websocket&auth=" + g_jwt(r)})


@pos
def oauth_token_response(r):
    return S("oauth-token-response", {"access_token": g_jwt(r, "RS256", {"scope": "openid"}), "token_type": "Bearer", "expires_in": 3600,
        "refresh_token": emit("api_key", rs(r, B64U, 64))})


# ---- gap fillers: more AWS, keys, JWTs, CVV, insurance ids; other languages
@pos
def aws_vault_list(r):
    return S("aws-credential-process-json", {"Version": 1, "AccessKeyId": g_akia(r, "ASIA"), "SecretAccessKey": g_aws_secret(r),
        "SessionToken": emit("api_key", "IQoJb3JpZ2luX2VjE" + rs(r, B64, 180)), "Expiration": ts(r)})


@pos
def emr_bootstrap_log(r):
    return S("emr-bootstrap-stderr", {"stderr": "+ export AWS_ACCESS_KEY_ID=%s\n+ hadoop distcp s3a://raw/ s3a://curated/\n" % g_akia(r)})


@pos
def iam_create_key_json(r):
    return S("aws-iam-create-access-key", {"AccessKey": {"UserName": "ci-deployer", "AccessKeyId": g_akia(r), "Status": "Active",
        "SecretAccessKey": g_aws_secret(r), "CreateDate": ts(r)}})


@pos
def duckdb_secret(r):
    return S("duckdb-create-secret", {"sql": "CREATE SECRET s3_raw (TYPE S3, KEY_ID '%s', SECRET '%s', REGION 'eu-central-1');" % (g_akia(r), g_aws_secret(r))})


@pos
def spark_submit(r):
    return S("spark-submit-cmdline", {"cmd": "spark-submit --conf spark.hadoop.fs.s3a.access.key=%s --conf spark.hadoop.fs.s3a.secret.key=%s job.py" % (g_akia(r), g_aws_secret(r))})


@pos
def logstash_s3_output(r):
    return S("logstash-pipeline-conf", {"conf": "output {\n  s3 {\n    access_key_id => \"%s\"\n    secret_access_key => \"%s\"\n    bucket => \"logs-archive\"\n  }\n}" % (g_akia(r), g_aws_secret(r))})


@pos
def minio_mc_alias(r):
    return S("mc-alias-json", {"version": "10", "aliases": {"s3": {"url": "https://s3.amazonaws.com", "accessKey": g_akia(r),
        "secretKey": g_aws_secret(r), "api": "s3v4", "path": "dns"}}})


@pos
def chat_paste_aws_ja(r):
    return S("line-chat-export", {"text": "2026/11/30(月)\n10:14\t田中\tこれ本番のキーです → %s\n10:15\t佐藤\t了解、すぐローテします" % g_akia(r)})


@pos
def putty_reg_pem(r):
    return S("github-deploy-key-form", {"form": {"title": "ci-deploy", "key": g_pem(r, "OPENSSH PRIVATE KEY"), "read_only": True}})


@pos
def dkim_private(r):
    return S("opendkim-keytable", {"files": {"/etc/opendkim/keys/mail.private": g_pem(r, "RSA PRIVATE KEY"), "KeyTable": "mail._domainkey.mossgate.de mossgate.de:mail:/etc/opendkim/keys/mail.private"}})


@pos
def wg_like_tls_secret_json(r):
    return S("traefik-acme-json", {"letsencrypt": {"Account": {"Email": g_email(r), "PrivateKey": b64(g_pem(r, "RSA PRIVATE KEY"))}}}, "encoded")


@pos
def jenkins_credentials_groovy(r):
    return S("jcasc-credentials-yaml", {"yaml": "credentials:\n  system:\n    domainCredentials:\n    - credentials:\n      - basicSSHUserPrivateKey:\n"
        "          id: deploy\n          privateKeySource:\n            directEntry:\n              privateKey: \"%s\"\n" % g_pem(r, "RSA PRIVATE KEY", "\\n")})


@pos
def mobileconfig_p12_pem(r):
    return S("apple-mobileconfig", {"plist": "<dict><key>PayloadType</key><string>com.apple.security.pem</string><key>PayloadContent</key><data>%s</data></dict>" % b64(g_pem(r, "EC PRIVATE KEY"))}, "encoded")


@pos
def gpg_like_pem_in_issue(r):
    return S("pastebin-raw", {"paste": "key for staging, delete after use\n\n" + g_pem(r) + "\n"})


@pos
def kong_consumer_jwt(r):
    return S("kong-admin-response", {"data": [{"consumer": {"id": uuid(r)}, "key": g_api(r, "b64_40"), "created_at": 1796100000}],
        "debug_token": g_jwt(r, "HS256")})


@pos
def grpc_metadata(r):
    return S("envoy-tap-trace", {"http_buffered_trace": {"request": {"headers": [{"key": ":path", "value": "/orders.v1.Orders/List"},
        {"key": "authorization", "value": "Bearer " + g_jwt(r, "RS256")}, {"key": "x-request-id", "value": uuid(r)}]}}})


@pos
def mqtt_connect(r):
    return S("mqtt-connect-packet", {"clientId": "sensor-%02d" % r.randint(1, 99), "username": "sensor", "password": g_pw(r), "keepAlive": 60})


@pos
def har_like_localstorage_ios(r):
    return S("ios-keychain-dump", {"items": [{"svce": "com.tallow.app", "acct": "idToken", "v_Data": g_jwt(r, "RS256")},
        {"svce": "com.tallow.app", "acct": "accountPassword", "v_Data": g_pw(r)}]})


@pos
def adyen_like_cvc_es(r):
    c = g_card(r)
    return S("formulario-pago-es", {"Número de tarjeta": grp(c), "Código de seguridad (CVC)": g_cvv(r, 4 if len(c) == 15 else 3), "Titular": name(r)})


@pos
def cvv_only_chat_it(r):
    return S("verbale-telefonata-it", {"verbale": "Il cliente ha comunicato al telefono il codice CVV %s della carta; gli è stato ricordato di non farlo." % g_cvv(r)})


@pos
def ivr_kv_log(r):
    return S("genesys-participant-data", {"conversationId": uuid(r), "participantData": {"CardNumber": g_card(r), "CardSecurityCode": g_cvv(r), "Zip": "02139"}})


@pos
def pt_br_plano(r):
    return S("carteirinha-plano-ptbr", {"texto": "PLANO DE SAÚDE VIDA+\nBeneficiário: %s\nNº da carteirinha: %s\nTelefone: %s" % (name(r), g_hin(r, 5), g_phone(r, "us"))})


@pos
def nl_zorgpas(r):
    return S("zorgverzekering-nl", {"polis": {"Verzekerdennummer": g_hin(r, 3), "Naam": name(r), "Diagnose (ICD-10)": g_icd(r)}})


@pos
def pl_ssn_prose(r):
    return S("podanie-pl", {"tresc": "Proszę o korektę. Mój amerykański numer SSN: %s, e-mail: %s." % (g_ssn(r), g_email(r))})


@pos
def sv_journal(r):
    return S("journalanteckning-sv", {"anteckning": "Journalnummer %s. Bedömning: %s. Återbesök om 4 veckor." % (g_mrn(r, 1), g_icd(r))})


@pos
def tr_sigorta(r):
    return S("sigorta-formu-tr", {"alanlar": {"Poliçe/Üye No": g_hin(r, 1), "Cep telefonu": g_phone(r, "de"), "Tanı kodu": g_icd(r)}})


@pos
def ko_chat_card(r):
    c = g_card(r)
    return S("kakaotalk-export", {"text": "2026년 11월 30일\n[김민수] [오후 3:12] 카드번호 %s 유효기간 08/29 CVC %s 로 결제해 주세요" % (grp(c, "-"), g_cvv(r, 4 if len(c) == 15 else 3))})


@pos
def prose_password_letter(r):
    return S("landlord-letter", {"body": "Hi %s, the keypad code for the garage is 4471 and the Wi-Fi password is %s. Enjoy your stay!" % (r.choice(FIRST), g_pw(r))})


@pos
def password_below_label(r):
    return S("handover-note-md", {"md": "## Router\n\n**Admin user:** admin\n\n**Admin password:**\n\n`%s`\n" % g_pw(r)})


@pos
def sops_decrypted(r):
    return S("sops-decrypted-yaml", {"yaml": "tls:\n    key: |\n        " + g_pem(r, "PRIVATE KEY").replace("\n", "\n        ") + "\nsops:\n    version: 3.9.1\n"})


@pos
def cypress_env(r):
    return S("cypress-env-json", {"baseUrl": "https://staging.tallowbrook.io", "env": {"authToken": g_jwt(r), "adminUser": "qa-admin"}})


@pos
def insomnia_like_httpie(r):
    return S("hurl-file", {"hurl": "GET https://api.tallowbrook.io/v2/me\nAuthorization: Bearer %s\nHTTP 200\n[Asserts]\njsonpath \"$.plan\" == \"pro\"" % g_jwt(r)})

# ---- label-driven types under key names in many styles (kn), values below/after labels
@pos
def rpa_bot_extract(r):
    return S("uipath-queue-item", {"SpecificContent": {kn(r, ["patient", "mrn"]): g_mrn(r), kn(r, ["member", "id"]): g_hin(r),
        kn(r, ["primary", "dx", "code"]): g_icd(r)}, "Status": "New", "Priority": "Normal"})


@pos
def form_recognizer_kv(r):
    return S("azure-doc-intelligence-kv", {"keyValuePairs": [{"key": {"content": "Subscriber ID"}, "value": {"content": g_hin(r)}, "confidence": 0.97},
        {"key": {"content": "Diagnosis Code(s)"}, "value": {"content": "%s, %s" % (g_icd(r), g_icd(r))}, "confidence": 0.91},
        {"key": {"content": "Chart No."}, "value": {"content": g_mrn(r)}, "confidence": 0.88}]})


@pos
def retool_query_params(r):
    return S("retool-query-json", {"query": "update_card", "params": {kn(r, ["card", "security", "code"]): g_cvv(r), kn(r, ["card", "pan"]): g_card(r)}})


@pos
def hubspot_like_custom_props(r):
    return S("smartsheet-csv-export", {"csv": "%s,%s,%s\n%s,%s,%s" % (kn(r, ["ssn"]), kn(r, ["login", "password"]), kn(r, ["mobile", "number"]),
        g_ssn(r), g_pw(r), g_phone(r))})


@pos
def value_below_label_pdf(r):
    return S("pdf-text-layer", {"text": "PATIENT INFORMATION\n\nMedical Record Number\n%s\n\nInsurance Member Number\n%s\n\nReason for visit\n%s" %
        (g_mrn(r), g_hin(r), g_icd(r))})


@pos
def nbsp_mrn_label(r):
    return S("ehr-print-header", {"header": "MRN:\u00a0%s\u00a0\u00a0DOB:\u00a01961-05-03\u00a0\u00a0Dx:\u00a0%s" % (g_mrn(r), g_icd(r))})


@pos
def fullwidth_ssn_jp(r):
    return S("jp-visa-application-text", {"text": "米国社会保障番号（SSN）：" + fw(g_ssn(r)) + "\n連絡先メール：" + g_email(r)}, "fw")


@pos
def cvv_after_prompt(r):
    return S("rcs-bot-conversation", {"turns": [{"bot": "Please enter the 3-digit security code on the back of your card."}, {"user": g_cvv(r)},
        {"bot": "Thanks. And the card number?"}, {"user": g_card(r)}]})

# ================================================================ negative templates (types: [])
def nl16(r, first=None):
    return nonluhn(r, 16, first)


@neg
def n_vet_microchip(r):
    return S("vet-pms-export", {"rows": [{"Patient": r.choice(["Biscuit", "Mango"]), "Microchip": "9851%011d" % r.randint(0, 10**11 - 1),
        "Rabies Tag": "R%05d" % r.randint(0, 99999), "Weight kg": 12.4, "Invoice": "INV-%06d" % r.randint(0, 999999)}]})


@neg
def n_dental_cdt(r):
    return S("dental-pms-ledger", {"text": "DATE       CODE   TOOTH  DESCRIPTION           CHARGE\n%s  D2740  #14    Crown porcelain       1180.00\n"
        "%s         Pmt VISA ************%04d              200.00" % (dt(r), dt(r), r.randint(0, 9999))})


@neg
def n_care_home_rooms(r):
    return S("care-home-mar", {"round": "08:00", "rooms": ["B12", "B14", "C10"], "trolley": "T2",
        "note": "Vitamin B12 injections moved to Thursday; vitamin D3 daily continues."})


@neg
def n_ambulance_times(r):
    return S("ambulance-run-sheet", {"unit": "Medic %d" % r.randint(1, 40), "times": {"dispatched": "10:02", "enroute": "10:03", "on_scene": "10:11"},
        "odometer": [48211.2, 48219.9], "cad_incident": "2026%08d" % r.randint(0, 99999999)})


@neg
def n_bed_board_empty(r):
    return S("bed-board-json", {"ward": "4 West", "beds": [{"bed": "4W-%02d" % i, "status": r.choice(["clean", "dirty", "blocked"]), "patient": None} for i in range(1, 5)]})


@neg
def n_openehr_template(r):
    return S("openehr-composition", {"template_id": "IDCR - Problem List.v1", "uid": uuid(r) + "::ehrbase.local::1",
        "archetype_details": {"rm_version": "1.0.4"}, "content": []})


@neg
def n_omop_concepts(r):
    return S("omop-rows", {"csv": "concept_id,concept_name,vocabulary_id,concept_code\n201826,Type 2 diabetes mellitus,SNOMED,44054006\n"
        "320128,Essential hypertension,SNOMED,59621000"})


@neg
def n_astm_qc(r):
    return S("astm-e1394", {"frames": "1H|\\^&|||cobas^1.0|||||||Q|1\n2Q|1|^QC-LOT-%05d||^^^ALL\n3L|1|N" % r.randint(0, 99999)})


@neg
def n_wearable_steps(r):
    return S("wearable-export", {"device_serial": "FB%010d" % r.randint(0, 10**10 - 1),
        "steps": [{"ts": 1796400000000 + i * 3600000, "n": r.randint(0, 2000)} for i in range(4)]})


@neg
def n_genetic_variants(r):
    return S("genetic-report", {"variants": [{"gene": "BRCA2", "hgvs": "c.5946del", "rsid": "rs80359550", "class": "Pathogenic"},
        {"gene": "CHEK2", "hgvs": "c.1100del", "rsid": "rs555607708", "class": "Pathogenic"}], "assembly": "GRCh38"})


@neg
def n_mh_intake_blank(r):
    return S("mh-intake-form", {"text": "Full name: ____________  Social Security #: ___-__-____\nMember ID: ____________  Phone: (___) ___-____\n"
        "Please bring your insurance card to the first session."})


@neg
def n_school_nurse_generic(r):
    return S("school-nurse-log", {"text": "%s Room B12 - 3 students seen for headaches, 1 for scraped knee. Stock: 2 epi-pens expire %s." % (dt(r), dt(r, 2027))})


@neg
def n_fnoi_employer(r):
    return S("workers-comp-fnoi", {"Employer": {"FEIN": "%02d-%07d" % (r.randint(10, 99), r.randint(0, 9999999)), "NAICS": "622110",
        "PolicyNumber": "WC%09d" % r.randint(0, 999999999)}, "ClaimNumber": "%d" % r.randint(10**9, 10**10 - 1)})


@neg
def n_broker_quote_codes(r):
    return S("broker-quote", {"quote": "Q-%06d" % r.randint(0, 999999), "forms": ["HO-3", "CG 00 01 04 13", "IL 00 17"], "class_code": "91580", "premium": 1840})


@neg
def n_pension_masked(r):
    return S("pension-statement", {"text": "Member: J. Haldane   SSN: ***-**-%04d\nPlan number 001  EIN %02d-%07d\nVested balance $84,210.55" % (r.randint(0, 9999), r.randint(10, 99), r.randint(0, 9999999))})


@neg
def n_p60_codes(r):
    return S("uk-p60", {"text": "Tax code 1257L  Employer PAYE reference %03d/AB%05d\nNational Insurance number: XX XX XX XX X" % (r.randint(100, 999), r.randint(0, 99999))})


@neg
def n_lohn_steuer_id(r):
    return S("de-lohnabrechnung", {"text": "Steuerklasse 3  Kinderfreibetrag 1,0  Konfession --\nSV-Tage 30  Brutto 4.210,00  Netto 2.811,47\nPers.-Nr. %05d" % r.randint(0, 99999)})


@neg
def n_court_case_numbers(r):
    return S("court-efiling", {"case": "2026-FL-%06d" % r.randint(0, 999999), "docket": ["%s Petition filed" % dt(r), "%s Hearing set, Dept. 12" % dt(r)],
        "filer": {"barNo": "%06d" % r.randint(0, 999999)}, "envelopeId": "%d" % r.randint(10**7, 10**8)})


@neg
def n_closing_loan_ids(r):
    return S("closing-disclosure", {"Loan ID #": nl16(r, "7"), "NMLS ID": "%d" % r.randint(10**5, 10**7), "MIC #": "%010d" % r.randint(0, 10**10 - 1),
        "Loan Amount": "$312,000", "Interest Rate": "6.125%"})


@neg
def n_rental_vin(r):
    return S("car-rental-agreement", {"RA": "RA%08d" % r.randint(0, 99999999), "vehicle": {"VIN": "WVWZZZ1KZ" + rs(r, UPDIG, 8), "plate": "KL-%s %d" % (rs(r, string.ascii_uppercase, 2), r.randint(100, 9999)),
        "odo_out": 18230}, "payment": {"card": "VISA xxxx-xxxx-xxxx-%04d" % r.randint(0, 9999), "auth": "0%05d" % r.randint(0, 99999)}})


@neg
def n_loyalty_number(r):
    return S("loyalty-statement", {"Membership number": nl16(r, "9"), "Tier": "Gold", "Points": 12480, "Expiring": {"2026-12-31": 800}})


@neg
def n_hotel_room_rates(r):
    return S("hotel-pms-reservation", {"ConfNo": "%d" % r.randint(10**7, 10**8), "Room": "E11", "RateCode": "BAR-F", "Guarantee": {"CardType": "MC",
        "CardNumber": "XXXXXXXXXXXX%04d" % r.randint(0, 9999)}, "Nights": 3})


@neg
def n_ticket_barcode(r):
    return S("ticket-qr-payload", {"decoded": "EVT:%d;SEAT:K14;ROW:E11;EAN:50063813339%02d;SIG:%s" % (r.randint(1000, 9999), r.randint(0, 99), rs(r, HEX, 64))})


@neg
def n_amazon_asin(r):
    return S("amazon-seller-report", {"tsv": "sku\tasin\tfnsku\tqty\nTEA-001\tB0%s\tX00%s\t%d" % (rs(r, UPDIG, 8), rs(r, UPDIG, 7), r.randint(1, 99))})


@neg
def n_etsy_skus(r):
    return S("etsy-shop-csv", {"csv": "Listing ID,SKU,Title,Price\n%d,E11-MUG,Botanical mug,18.00\n%d,K21-TEE,Fern tee,24.00\n%d,J45-WSH,Wool wash,9.50" %
        (r.randint(10**9, 10**10), r.randint(10**9, 10**10), r.randint(10**9, 10**10))})


@neg
def n_push_last4(r):
    return S("banking-push-payload", {"aps": {"alert": {"body": "Purchase of €12.40 on card ending %04d" % r.randint(0, 9999)}}, "deviceToken": rs(r, HEX, 64)})


@neg
def n_crypto_docs(r):
    return S("crypto-exchange-keys", {"docs": "Set apiKey to <your-api-key> and secretKey to <your-secret-key>. Deposit address: bc1q" + rs(r, "023456789acdefghjklmnpqrstuvwxyz", 38),
        "txid": rs(r, HEX, 64)})


@neg
def n_pos_masked(r):
    return S("pos-terminal-journal", {"journal": "TID 0042\nSALE EUR 34.50\nPAN ************%04d  AID A0000000031010\nTVR 0000008000  TSI E800\nARQC %s" % (r.randint(0, 9999), rs(r, HEX.upper(), 16))})


@neg
def n_sap_idoc_numbers(r):
    return S("sap-idoc", {"idoc": "EDI_DC40  %s  ORDERS05\nE1EDK01   BELNR=45000%05d\nE1EDP19   IDTKD=MAT-%06d" % (nl16(r, "0"), r.randint(0, 99999), r.randint(0, 999999))})


@neg
def n_odoo_products(r):
    return S("odoo-jsonrpc", {"jsonrpc": "2.0", "result": [{"id": 7, "default_code": "E11-MUG", "barcode": "87100090%05d" % r.randint(0, 99999), "list_price": 18.0}]})


@neg
def n_dynamics_guids(r):
    return S("dynamics-odata", {"@odata.context": "https://org.crm4.dynamics.com/api/data/v9.2/$metadata#accounts", "value": [{"accountid": uuid(r),
        "versionnumber": r.randint(10**6, 10**8), "revenue": 1200000}]})


@neg
def n_auto_parts(r):
    return S("auto-parts-catalog", {"parts": [{"pn": "C50-1182", "desc": "Bracket, bumper"}, {"pn": "M54-B25", "desc": "Gasket, M54 engine"},
        {"pn": "I10-%03d" % r.randint(0, 999), "desc": "Bolt M10x1.25"}]})


@neg
def n_git_log(r):
    return S("gerrit-changes-json", {"changes": [{"_number": r.randint(1000, 99999), "current_revision": rs(r, HEX, 40), "subject": m} for m in ["fix: retry on 429", "chore: bump deps"]]})


@neg
def n_bcrypt_rows(r):
    return S("mariadb-dump-users", {"sql": "INSERT INTO `users` (`id`,`login`,`password_hash`) VALUES (1,'mq','$2y$12$%s'),(2,'td','$2y$12$%s');" %
        (rs(r, ALNUM + "./", 53), rs(r, ALNUM + "./", 53))})


@neg
def n_shadow(r):
    return S("etc-shadow", {"text": "root:$6$%s$%s:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::" % (rs(r, ALNUM, 16), rs(r, ALNUM + "./", 86))})


@neg
def n_pbkdf2_django(r):
    return S("django-dumpdata-json", {"model": "auth.user", "pk": 1, "fields": {"password": "pbkdf2_sha256$870000$%s$%s=" % (rs(r, ALNUM, 22), rs(r, B64, 43)),
        "username": "admin", "is_superuser": True}})


@neg
def n_settings_env_refs(r):
    return S("django-settings-py", {"code": "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': os.environ['DB_PASSWORD'],\n"
        "    'HOST': env('DB_HOST')}}\nSECRET_KEY = os.getenv('DJANGO_SECRET_KEY')"})


@neg
def n_compose_vars(r):
    return S("docker-compose-yml", {"yaml": "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n      STRIPE_KEY: ${STRIPE_SECRET_KEY}\n"})


@neg
def n_aws_docs(r):
    return S("moto-server-test", {"code": "@mock_aws\ndef test_upload():\n    os.environ['AWS_ACCESS_KEY_ID'] = 'AKIAIOSFODNN7EXAMPLE'\n    os.environ['AWS_SECRET_ACCESS_KEY'] = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'\n    s3 = boto3.client('s3')"})


@neg
def n_stripe_docs(r):
    return S("ruby-blog-snippet", {"md": "```ruby\nrequire 'stripe'\nStripe.api_key = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'\nStripe::Charge.create(amount: 2000, currency: 'usd', source: 'tok_visa')\n```"})


@neg
def n_pk_live(r):
    return S("stripe-js-embed", {"html": "<script>const stripe = Stripe('pk_live_%s');</script>" % rs(r, ALNUM, 40)})


@neg
def n_authorized_keys(r):
    return S("github-user-keys-api", [{"id": r.randint(10**7, 10**8), "key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(r, B64, 43)},
        {"id": r.randint(10**7, 10**8), "key": "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + rs(r, B64, 160)}])


@neg
def n_cert_pem(r):
    body = "MIID" + rs(r, B64, 60) + "\n" + "\n".join(rs(r, B64, 64) for _ in range(8))
    return S("tls-cert-bundle", {"ca.crt": "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----" % body})


@neg
def n_public_key_pem(r):
    return S("jwt-verify-config", {"publicKey": "-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA%s\\n-----END PUBLIC KEY-----" % rs(r, B64, 120),
        "algorithms": ["RS256"]})


@neg
def n_imei_unlock(r):
    tac = "35" + "%06d" % r.randint(0, 999999)
    imei = luhn_complete(tac, 15, r)
    return S("carrier-unlock-request", {"device": "Pixel 8", "IMEI": imei, "IMEI2": luhn_complete(tac, 15, r), "status": "approved"})


@neg
def n_isbn_marc(r):
    return S("marc-record-text", {"text": "=020  \\\\$a978%010d\n=245  10$aA history of medicine /$cQ. Drummore.\n=650  \\0$aMedicine$xHistory." % r.randint(0, 10**10 - 1)})


@neg
def n_ean_pricefile(r):
    return S("grocery-price-file", {"rows": [{"ean": "50%011d" % r.randint(0, 10**11 - 1), "name": "Oat milk 1L", "price": 1.85},
        {"ean": "87%011d" % r.randint(0, 10**11 - 1), "name": "Dark chocolate", "price": 2.49}]})


@neg
def n_jaeger_trace(r):
    return S("jaeger-trace-json", {"traceID": rs(r, HEX, 32), "spans": [{"spanID": rs(r, HEX, 16), "operationName": "GET /patients/{id}",
        "startTime": 1796400000000000 + r.randint(0, 10**9), "duration": 2311}]})


@neg
def n_influx_line(r):
    return S("influx-line-protocol", {"lines": ["cpu,host=web-%d usage_idle=91.2 %d" % (i, 1796400000000000000 + r.randint(0, 10**12)) for i in range(3)]})


@neg
def n_cyclonedx(r):
    return S("cyclonedx-sbom", {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"name": "lodash", "version": "4.17.21",
        "hashes": [{"alg": "SHA-256", "content": rs(r, HEX, 64)}], "purl": "pkg:npm/lodash@4.17.21"}]})


@neg
def n_pnpm_lock(r):
    return S("poetry-lock", {"toml": "[[package]]\nname = \"requests\"\nversion = \"2.32.3\"\nfiles = [\n    {file = \"requests-2.32.3-py3-none-any.whl\", hash = \"sha256:%s\"},\n]" % rs(r, HEX, 64)})


@neg
def n_routing_table(r):
    return S("bank-routing-table", {"rows": [["021000021", "JPMorgan Chase"], ["011000138", "Bank of America"], ["121000248", "Wells Fargo"]]})


@neg
def n_ein_letter(r):
    return S("irs-cp575-text", {"text": "WE ASSIGNED YOU AN EMPLOYER IDENTIFICATION NUMBER\nEIN: %02d-%07d\nForm 941 due quarterly." % (r.randint(10, 99), r.randint(0, 9999999))})


@neg
def n_order_confirmation(r):
    return S("order-confirm-push", {"body": "Order #%09d confirmed. Track: 1Z%s%s. Ref %d" % (r.randint(10**8, 10**9 - 1), rs(r, UPDIG, 6), "%010d" % r.randint(0, 10**10 - 1), r.randint(10**9, 10**10 - 1))})


@neg
def n_fedex_usps(r):
    return S("shipment-tracking-json", {"fedex": "%012d" % r.randint(0, 10**12 - 1), "usps": "9400 1%03d %04d %04d %04d %02d" % (r.randint(0, 999), r.randint(0, 9999), r.randint(0, 9999), r.randint(0, 9999), r.randint(0, 99))})


@neg
def n_npi_lookup(r):
    return S("nppes-api-response", {"results": [{"number": "1%09d" % r.randint(0, 10**9 - 1), "basic": {"first_name": "MAREN", "credential": "MD"},
        "taxonomies": [{"code": "207Q00000X", "desc": "Family Medicine"}]}]})


@neg
def n_env_sample(r):
    return S("heroku-app-json", {"name": "tallow-api", "env": {"STRIPE_SECRET_KEY": {"description": "Stripe secret key", "value": "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"},
        "AWS_ACCESS_KEY_ID": {"required": True}, "DATABASE_URL": {"value": "postgres://USER:PASSWORD@localhost:5432/app"}}})


@neg
def n_redacted_ticket(r):
    return S("zammad-article", {"body": "Customer sent card [REDACTED] and CVV [REDACTED]; removed per PCI policy. SSN ***-**-****.", "internal": True})


@neg
def n_changeme_docs(r):
    return S("vendor-install-guide", {"text": "After installation open https://<host>:8443 and sign in as admin. The default password is changeme; "
        "you will be asked to choose a new one at first login."})


@neg
def n_password_prose(r):
    return S("help-center-article", {"title": "Forgot your password?", "body": "Click 'Reset password' and we will email you a link. Passwords must be 12+ characters."})


@neg
def n_password_schema(r):
    return S("json-schema-draft", {"$schema": "https://json-schema.org/draft/2020-12/schema", "properties": {"password": {"type": "string", "minLength": 12,
        "writeOnly": True}, "ssn": {"type": "string", "pattern": "^\\d{3}-\\d{2}-\\d{4}$"}, "cvv": {"type": "string", "maxLength": 4}}})


@neg
def n_pg_auth_failed(r):
    return S("pgbouncer-log", {"line": "%s LOG C-0x55d1: app/app@10.0.0.%d:51234 closing because: password authentication failed (age=0s)" % (ts(r), r.randint(2, 250))})


@neg
def n_openapi_header_names(r):
    return S("asyncapi-doc", {"asyncapi": "3.0.0", "components": {"securitySchemes": {"apiKey": {"type": "httpApiKey", "in": "header", "name": "X-API-Key"},
        "jwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}})


@neg
def n_vault_policy(r):
    return S("vault-policy-hcl", {"hcl": "path \"secret/data/payments/*\" {\n  capabilities = [\"read\"]\n}\npath \"aws/creds/ci\" {\n  capabilities = [\"read\"]\n}"})


@neg
def n_bitbucket_vars(r):
    return S("bitbucket-pipelines-yml", {"yaml": "pipelines:\n  default:\n    - step:\n        script:\n          - pipe: atlassian/aws-s3-deploy:1.1.0\n"
        "            variables:\n              AWS_ACCESS_KEY_ID: $AWS_ACCESS_KEY_ID\n              AWS_SECRET_ACCESS_KEY: $AWS_SECRET_ACCESS_KEY\n"})


@neg
def n_circleci_contexts(r):
    return S("circleci-config-yml", {"yaml": "workflows:\n  deploy:\n    jobs:\n      - release:\n          context: [aws-prod, npm-publish]\n"})


@neg
def n_eyj_single_segment(r):
    state = b64u(json.dumps({"filters": [], "query": {"language": "kuery", "query": "status:500"}}).encode())
    return S("dashboard-state-url", {"url": "https://kibana.velarion.dev/app/discover#/?_a=" + state})


@neg
def n_versions_ips(r):
    return S("nmap-output", {"text": "Nmap scan report for 10.2.%d.%d\nPORT     STATE SERVICE VERSION\n22/tcp   open  ssh     OpenSSH 9.6p1\n443/tcp  open  https   nginx 1.25.4" % (r.randint(0, 255), r.randint(1, 254))})


@neg
def n_data_uri(r):
    return S("newsletter-footer-html", {"html": "<img alt=\"logo\" src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA%s\">" % rs(r, B64, 120)})


@neg
def n_patient_leaflet(r):
    return S("patient-leaflet", {"text": "Living with type 2 diabetes: check your feet daily, keep HbA1c below 53 mmol/mol, and ask your nurse about the retinal screening programme."})


@neg
def n_loinc_catalog(r):
    return S("lab-test-catalog", {"tests": [{"loinc": "2345-7", "name": "Glucose [Mass/volume] in Serum"}, {"loinc": "4548-4", "name": "Hemoglobin A1c"},
        {"loinc": "718-7", "name": "Hemoglobin"}]})


@neg
def n_hcpcs_jcodes(r):
    return S("cms-hcpcs-fee-schedule", {"rows": [["J1100", "Dexamethasone sodium phosphate, 1 mg", "0.12"], ["J3301", "Triamcinolone acetonide, 10 mg", "1.63"],
        ["G0008", "Admin influenza virus vac", "33.71"]], "note": "HCPCS Level II drug codes"})


@neg
def n_ndc(r):
    return S("pharmacy-inventory-csv", {"csv": "ndc,description,on_hand\n0002-%04d-01,Insulin lispro 100 u/mL,14\n0071-0155-23,Atorvastatin 10mg,220" % r.randint(0, 9999)})


@neg
def n_food_e_numbers(r):
    return S("food-label-text", {"text": "Ingredients: sugar, glucose syrup, gelling agent (E440), acid (E330), colours (E120, E150d, E160a)."})


@neg
def n_hardware_threads(r):
    return S("fastener-catalog", {"items": [{"sku": "M10-%03d" % r.randint(0, 999), "desc": "Hex bolt M10 x 40"}, {"sku": "M12-050", "desc": "Hex bolt M12 x 50"}]})


@neg
def n_excel_formulas(r):
    return S("ods-flat-xml", {"xml": "<table:table-row><table:table-cell table:formula=\"of:=SUM([.E2:.E10])\"/><table:table-cell table:formula=\"of:=[.E11]*1.19\"/><table:table-cell table:formula=\"of:=VLOOKUP([.A45];$Rates.A:C;3;0)\"/></table:table-row>", "cells": ["E11", "F11", "J45"]})


@neg
def n_bus_routes(r):
    return S("transit-gtfs-routes", {"csv": "route_id,route_short_name,route_long_name\nM15,M15,First Ave/Second Ave\nB46,B46,Utica Ave\nS79,S79,Hylan Blvd"})


@neg
def n_uk_postcodes(r):
    return S("courier-manifest", {"stops": [{"addr": "14 Fairlop Rd, London", "postcode": "E11 1BL"}, {"addr": "2 Mill Ln, Salford", "postcode": "M50 2EQ"}]})


@neg
def n_camera_models(r):
    return S("camera-exif-json", {"Make": "Canon", "Model": "Canon EOS R10", "LensModel": "RF-S18-150mm", "ISO": 400, "DateTimeOriginal": "2026:11:30 10:12:44"})


@neg
def n_runway_metar_like(r):
    return S("atis-broadcast-text", {"text": "Information K, runway 27L in use, wind 250 at 12, QNH 1013, expect ILS approach."})


@neg
def n_bin_table(r):
    return S("bin-range-table", {"rows": [["424242", "VISA", "CREDIT", "US"], ["555555", "MASTERCARD", "DEBIT", "GB"], ["378282", "AMEX", "CREDIT", "US"]]})


@neg
def n_luhn_fail_refs(r):
    return S("remittance-advice", {"payments": [{"ref": nl16(r, "4"), "amount": 120.0}, {"ref": nl16(r, "5"), "amount": 80.5}]})


@neg
def n_iccid(r):
    return S("sim-inventory-csv", {"csv": "iccid,imsi,status\n%s,310260%09d,active" % (luhn_complete("8901260" , 19, r), r.randint(0, 10**9 - 1))})


@neg
def n_iban_bic(r):
    return S("sepa-mandate-text", {"text": "IBAN: DE89 3704 0044 0532 0130 00\nBIC: COBADEFFXXX\nMandatsreferenz: M-%06d" % r.randint(0, 999999)})


@neg
def n_eth_addresses(r):
    return S("etherscan-tx-json", {"from": "0x" + rs(r, HEX, 40), "to": "0x" + rs(r, HEX, 40), "hash": "0x" + rs(r, HEX, 64), "blockNumber": r.randint(10**7, 3 * 10**7)})


@neg
def n_npm_scoped(r):
    return S("npm-ls-output", {"text": "app@1.0.0 /srv/app\n├── @velarion/core@1.4.2\n├── @types/node@20.11.5\n└── nginx image nginx@sha256:%s" % rs(r, HEX, 64)})


@neg
def n_cron_semver(r):
    return S("renovate-json", {"schedule": ["after 10pm every weekday", "before 5am every weekday"], "packageRules": [{"matchPackageNames": ["react"], "allowedVersions": "<19.0.0"}]})


@neg
def n_tf_sensitive(r):
    return S("terraform-plan-stdout", {"text": "  ~ resource \"aws_db_instance\" \"main\" {\n      ~ password = (sensitive value)\n        id       = \"db-%s\"\n    }" % rs(r, UPDIG, 26)})


@neg
def n_arn_account(r):
    return S("iam-policy-json", {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::logs-%d/*" % r.randint(10**11, 10**12 - 1), "Principal": {"AWS": "arn:aws:iam::%012d:role/ci" % r.randint(0, 10**12 - 1)}}]})


@neg
def n_slack_ids(r):
    return S("slack-admin-audit-csv", {"csv": "date,actor,action,channel\n%s,U0%s,channel_archived,C0%s" % (dt(r), rs(r, UPDIG, 9), rs(r, UPDIG, 9))})


@neg
def n_oauth_client_id(r):
    return S("oauth-client-config", {"client_id": "%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs(r, string.ascii_lowercase + string.digits, 32)),
        "redirect_uris": ["https://app.tallowbrook.io/callback"], "client_secret": "${GOOGLE_CLIENT_SECRET}"})


@neg
def n_recaptcha_site_key(r):
    return S("recaptcha-widget-html", {"html": "<div class=\"g-recaptcha\" data-sitekey=\"6Lc%s\"></div>" % rs(r, B64U, 37)})


@neg
def n_ulid_ksuid(r):
    return S("outbox-event-ids", {"ids": ["01J" + rs(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 23) for _ in range(3)] + [uuid(r) for _ in range(2)]})


@neg
def n_etags(r):
    return S("s3-list-objects-xml", {"xml": "<Contents><Key>exports/2026-11.csv</Key><ETag>&quot;%s&quot;</ETag><Size>%d</Size></Contents>" % (rs(r, HEX, 32), r.randint(1000, 10**7))})


@neg
def n_ssn_prose(r):
    return S("bank-faq-page", {"text": "We will never ask for your full Social Security number, card PIN or CVV by phone or text."})


@neg
def n_cvv_prose(r):
    return S("payment-ui-tooltip", {"tooltip": "The CVV/CVC is the 3-digit code printed on the back of your card (4 digits on the front for American Express)."})


@neg
def n_mrn_format_docs(r):
    return S("interface-spec-table", {"md": "| field | format | example |\n|---|---|---|\n| MRN | 8 digits, zero padded | `<mrn>` |\n| MemberID | payer-defined | `<member-id>` |"})


@neg
def n_member_placeholder(r):
    return S("payer-portal-help", {"text": "Enter your Member ID exactly as shown on your card (e.g. XXXXXXXXXXX). Group numbers are not member IDs."})


@neg
def n_cms_specimen_mbi(r):
    return S("cms-mbi-guide", {"text": "Sample Medicare card. Medicare Number: 1EG4-TE5-MK73 (specimen shown for illustration; not a real beneficiary)."})


@neg
def n_dates_times(r):
    return S("shift-rota-csv", {"csv": "date,start,end,staff\n%s,07:00,19:30,4\n%s,19:00,07:30,3" % (dt(r), dt(r))})


@neg
def n_stats_output(r):
    return S("statsmodels-summary", {"text": "                 coef    std err          t      P>|t|\nconst         %.4f      0.212     12.091      0.000\nx1             0.5521      0.031     17.810      0.000" % (r.random() * 5)})


@neg
def n_hashed_msisdn(r):
    return S("telecom-cdr-csv", {"csv": "start,calling_hash,called_hash,dur\n%s,%s,%s,%d" % (ts(r), rs(r, HEX, 64), rs(r, HEX, 64), r.randint(1, 900))})


@neg
def n_feature_flags(r):
    return S("launchdarkly-flags-json", {"flags": {"new-checkout": {"on": True, "variations": [True, False]}, "password-strength-meter": {"on": False}}})


@neg
def n_mqtt_topics(r):
    return S("iot-device-config", {"device": {"id": "thermo-%04d" % r.randint(0, 9999), "wifi": {"ssid": "Warehouse-2G", "psk": "${WIFI_PSK}"},
        "mqtt": {"host": "mqtt.tallowbrook.io", "topic": "site/7/hvac/+/telemetry"}}})


@neg
def n_ci_log_masked(r):
    return S("buildkite-job-log", {"log": "~~~ Logging in\n$ docker login -u ci-bot --password-stdin registry.velarion.dev <<< ***\nLogin Succeeded"})


@neg
def n_keepass_empty(r):
    return S("keepass-xml", {"xml": "<Entry><String><Key>Title</Key><Value>Printer</Value></String><String><Key>Password</Key><Value ProtectInMemory=\"True\"/></String></Entry>"})


@neg
def n_chrome_csv_header(r):
    return S("chrome-passwords-csv", {"csv": "name,url,username,password,note\n"})


@neg
def n_cisco_type9(r):
    return S("cisco-running-config", {"text": "username netops privilege 15 secret 9 $9$%s$%s\nenable secret 5 $1$%s$%s" % (rs(r, ALNUM, 14), rs(r, ALNUM + "./", 43), rs(r, ALNUM, 4), rs(r, ALNUM + "./", 22))})


@neg
def n_vault_accessor(r):
    return S("vault-token-lookup", {"data": {"accessor": rs(r, ALNUM, 24), "policies": ["default", "ci"], "ttl": 2764799, "display_name": "github-ci"}})


@neg
def n_gh_runner_log(r):
    return S("gh-runner-diag-log", {"log": "[2026-11-30 10:01:22Z INFO Runner] Job request %d received.\n[2026-11-30 10:01:23Z INFO Worker] Waiting for job message..." % r.randint(10**6, 10**7)})


@neg
def n_amplify_placeholders(r):
    return S("amplify-aws-exports-js", {"js": "const awsmobile = {\n  aws_project_region: 'eu-west-1',\n  aws_cognito_identity_pool_id: 'eu-west-1:%s',\n  aws_user_pools_id: 'eu-west-1_%s'\n};" % (uuid(r), rs(r, ALNUM, 9))})


@neg
def n_outlook_contacts_header(r):
    return S("outlook-contacts-csv", {"csv": "First Name,Last Name,E-mail Address,Mobile Phone,Business Phone\nFront,Desk,,,\n"})


@neg
def n_sku_rooms_pms(r):
    return S("hotel-housekeeping-board", {"rooms": [{"room": "%s%02d" % (r.choice("ABCDE"), r.randint(1, 40)), "status": r.choice(["VC", "OD", "OOO"]),
        "attendant": r.choice(FIRST)} for _ in range(4)]})


@neg
def n_epoch_ms_log(r):
    return S("pm2-log-json", {"lines": [json.dumps({"message": "GET /health 200 %dms" % r.randint(1, 90), "timestamp": 1796400000000 + r.randint(0, 10**9),
        "app_name": "api", "process_id": r.randint(1, 8)}) for _ in range(3)]})


@neg
def n_ein_w2_box(r):
    return S("payroll-tax-filing-ack", {"ack": {"submissionId": "92%011d%s" % (r.randint(0, 10**11 - 1), rs(r, string.ascii_lowercase, 7)),
        "ein": "%02d-%07d" % (r.randint(10, 99), r.randint(0, 9999999)), "status": "Accepted", "taxPeriod": "2026Q3"}})


@neg
def n_uuid_api_keys_ids(r):
    return S("stripe-events-list", {"data": [{"id": "evt_" + rs(r, ALNUM, 24), "type": "charge.succeeded", "data": {"object": {"id": "ch_" + rs(r, ALNUM, 24),
        "payment_method_details": {"card": {"last4": "%04d" % r.randint(0, 9999), "fingerprint": rs(r, ALNUM, 16), "checks": {"cvc_check": "pass"}}}}}}]})


@neg
def n_imei_repair(r):
    return S("repair-shop-intake", {"ticket": "RP-%05d" % r.randint(0, 99999), "device": "iPhone 15", "imei": luhn_complete("35" + "%06d" % r.randint(0, 999999), 15, r),
        "fault": "cracked screen", "passcode_provided": False})


@neg
def n_isbn_order(r):
    return S("bookshop-po-csv", {"csv": "isbn13,qty,price\n978%010d,3,12.99\n979%010d,1,24.00" % (r.randint(0, 10**10 - 1), r.randint(0, 10**10 - 1))})


@neg
def n_git_sha_deploy(r):
    return S("argo-rollouts-status", {"rollout": "api", "revision": r.randint(1, 90), "image": "ghcr.io/velarion/api@sha256:" + rs(r, HEX, 64),
        "commit": rs(r, HEX, 40), "status": "Healthy"})


@neg
def n_luhn_fail_gift(r):
    return S("gift-card-batch-report", {"batch": "GC-%04d" % r.randint(0, 9999), "serials": [nl16(r, "6") for _ in range(3)], "note": "serials are not card numbers; PINs issued separately"})


@neg
def n_part_numbers_medical(r):
    return S("medical-device-recall", {"recall": "Z-%04d-2026" % r.randint(0, 9999), "models": ["K%03d" % r.randint(100, 999), "Model E11%s" % r.choice("ABC")],
        "lot": "L%06d" % r.randint(0, 999999), "class": "II"})


@neg
def n_masked_contacts(r):
    return S("gdpr-dsar-masked-export", {"contacts": [{"email": "%s•••@%s•••.com" % (r.choice("mtkr"), r.choice("gqv")), "phone": "+44 ••• ••• %03d" % r.randint(0, 999),
        "card": "•••• %04d" % r.randint(0, 9999)}]})


@neg
def n_hashed_ids(r):
    return S("clickstream-parquet-rows", {"rows": [{"user_hash": rs(r, HEX, 64), "email_sha256": rs(r, HEX, 64), "ts": 1796400000 + r.randint(0, 10**6)} for _ in range(2)]})


@neg
def n_phone_like_serials(r):
    return S("solar-inverter-status", {"serial": "%010d" % r.randint(10**9, 10**10 - 1), "firmware": "3.%d.%d" % (r.randint(0, 9), r.randint(0, 99)),
        "yield_kwh": round(r.random() * 40, 2), "grid": "230V"})


@neg
def n_password_word_ui(r):
    return S("vue-i18n-locale-json", {"login.password.label": r.choice(["Password", "Passwort", "Mot de passe"]), "login.password.hint": "At least %d characters" % r.randint(8, 14),
        "login.forgot": "Forgot password?"})


@neg
def n_cert_chain_api(r):
    return S("acm-describe-certificate", {"Certificate": {"CertificateArn": "arn:aws:acm:eu-west-1:%012d:certificate/%s" % (r.randint(0, 10**12 - 1), uuid(r)),
        "Serial": ":".join(rs(r, HEX, 2) for _ in range(16)), "KeyAlgorithm": "RSA-2048", "Status": "ISSUED"}})

# ================================================================ build + invariants
def strings(x):
    if isinstance(x, dict):
        for k, v in x.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)
    elif x is not None:
        yield str(x)


FWMAP = {chr(0xFF10 + i): str(i) for i in range(10)}
RUN = re.compile(r"\d(?:[ \-\u00a0\u200b\u2011]?\d){12,}")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
AKIA_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}")
PEM_RE = re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----(?:\\n|\s)+[A-Za-z0-9+/]{20,}")


def check(s):
    types = set(s["types"])
    text = "\n".join(strings(s["data"]))
    norm = "".join(FWMAP.get(c, c) for c in text)
    runs = [re.sub(r"\D", "", m.group(0)) for m in RUN.finditer(norm)]
    if "credit_card" not in types:
        for d in runs:
            if 13 <= len(d) <= 19:
                assert not (luhn_ok(d) and issuer(d)), (s["tpl"], d)
            if len(d) == 16:
                assert not luhn_ok(d), (s["tpl"], d)
    for m in SSN_RE.finditer(norm):
        a, g, n = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= a <= 899 and a != 666 and g and n:
            assert "ssn" in types, (s["tpl"], m.group(0))
    for m in EMAIL_RE.finditer(text):
        if not m.group(0).startswith("git@") and not re.search(r"://[^\s/@]*$", text[:m.start()]):
            assert "email" in types, (s["tpl"], m.group(0))
    for m in AKIA_RE.finditer(text):
        if "EXAMPLE" not in m.group(0):
            assert "aws_access_key" in types, (s["tpl"], m.group(0))
    if JWT_RE.search(text):
        assert "jwt" in types, s["tpl"]
    if PEM_RE.search(text):
        assert "private_key" in types, s["tpl"]


def main():
    rng = random.Random(SEED)
    out = []
    for kind, fns in (("pos", POS), ("neg", NEG)):
        for fn in fns:
            for draw in range(2):
                r = random.Random(rng.getrandbits(64))
                del EM[:]
                s = fn(r)
                em = list(EM)
                types = sorted({t for t, _ in em})
                if kind == "pos":
                    assert types, fn.__name__
                else:
                    assert not types, fn.__name__
                text = "\n".join(strings(s["data"]))
                norm = "".join(FWMAP.get(c, c) for c in text)
                if "encoded" not in s["flags"]:
                    for t, v in em:
                        if t == "credit_card":
                            assert re.sub(r"\D", "", v) in re.sub(r"[^0-9]", "", norm) or v in norm, (fn.__name__, v)
                for t, v in em:
                    if t == "credit_card":
                        assert luhn_ok(v) and issuer(v)
                key = json.dumps(s["data"], sort_keys=True)
                if draw == 1 and key == first:
                    continue  # a template without random parts is drawn once
                first = key
                out.append({"tpl": fn.__name__, "format": s["format"], "types": types, "data": s["data"]})
    rng.shuffle(out)
    for i, s in enumerate(out):
        s["id"] = "b5-%03d" % i
        check(s)
    npos = sum(1 for s in out if s["types"])
    nneg = len(out) - npos
    fmts = {s["format"] for s in out}
    per = {t: sum(1 for s in out if t in s["types"]) for t in TYPES}
    assert all(t in TYPES for s in out for t in s["types"])
    assert len(out) >= 500 and nneg >= 200 and len(fmts) >= 100, (len(out), nneg, len(fmts))
    assert all(v >= 25 for v in per.values()), per
    tpl_uses = {}
    for s in out:
        tpl_uses[s["tpl"]] = tpl_uses.get(s["tpl"], 0) + 1
    assert max(tpl_uses.values()) <= 2
    assert len({json.dumps(s["data"], sort_keys=True) for s in out}) == len(out), "duplicate data"
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for s in out:
            f.write(json.dumps({"id": s["id"], "format": s["format"], "types": s["types"], "data": s["data"]},
                               ensure_ascii=False) + "\n")
    h = hashlib.sha256(open(OUT, "rb").read()).hexdigest()
    print("samples %d  positive %d  negative %d  formats %d  templates %d" % (len(out), npos, nneg, len(fmts), len(tpl_uses)))
    for t in TYPES:
        print("  %-24s %d" % (t, per[t]))
    print("sha256", h)


if __name__ == "__main__":
    main()
