"""Value generators of the real-world corpus: synthetic, or the networks' published test values (one seeded stream)."""
import base64
import json
import random
import urllib.parse

from luhn import broken, complete, luhn_ok  # noqa: F401

rng = random.Random(20261201)


def pick(seq):
    return seq[rng.randrange(len(seq))]


# ---------- values -------------------------------------------------------------------------------
TEST_CARDS = ["4111111111111111", "4012888888881881", "4242424242424242", "5555555555554444", "5105105105105100",
              "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3530111333300000",
              "3566002020360505", "30569309025904", "38520000023237", "2223003122003222", "5200828282828210",
              "4000056655665556", "6200000000000005"]
CARDS = [c for c in TEST_CARDS if luhn_ok(c)] + [complete(p, n, rng) for p, n in
         [("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("35", 16), ("4", 16), ("52", 16), ("4", 19)]]


def grouped(card, sep=" "):
    if len(card) == 15:
        return sep.join([card[:4], card[4:10], card[10:]])
    return sep.join(card[i:i + 4] for i in range(0, len(card), 4))


def ssn():
    area = pick([s for s in range(1, 900) if s != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


FIRST = ["Maria", "James", "Aisha", "Chen", "Olga", "Diego", "Priya", "Tom", "Fatima", "Lukas", "Noor", "Kenji"]
LAST = ["Garcia", "Okafor", "Nguyen", "Schmidt", "Rossi", "Haddad", "Kowalski", "Silva", "Tanaka", "Brennan"]
DOMAINS = ["gmail.com", "outlook.com", "acme-corp.io", "example.org", "mail.hospital-north.org", "fastmail.fm", "uni-bonn.de", "yahoo.co.uk"]


def email():
    return f"{pick(FIRST).lower()}.{pick(LAST).lower()}{rng.randrange(1, 99)}@{pick(DOMAINS)}"


def us_phone(style):
    a, b, c = rng.randrange(201, 990), rng.randrange(200, 999), rng.randrange(0, 10000)
    return {0: f"({a}) {b}-{c:04d}", 1: f"{a}-{b}-{c:04d}", 2: f"+1 {a} {b} {c:04d}", 3: f"{a}.{b}.{c:04d}", 4: f"+1-{a}-{b}-{c:04d}"}[style]


INTL_PHONES = ["+44 20 7946 0958", "+49 30 901820", "+33 1 42 68 53 00", "+61 2 9374 4000", "+81 3-3224-9999", "+91 22 2778 6000", "+55 11 3069-4000", "+353 1 896 1000"]
AZ = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def aws_key():
    return pick(["AKIA", "ASIA"]) + "".join(pick(AZ) for _ in range(16))


ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def token(n):
    return "".join(pick(ALNUM) for _ in range(n))


def api_key():
    return pick([f"sk_live_{token(24)}", f"ghp_{token(36)}", f"xoxb-{rng.randrange(10**11, 10**12)}-{rng.randrange(10**11, 10**12)}-{token(24)}",
                 f"AIza{token(35)}", f"glpat-{token(20)}", f"SG.{token(22)}.{token(43)}", f"npm_{token(36)}", f"sk-proj-{token(48)}", f"rk_live_{token(24)}"])


def b64url(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def jwt():
    header = pick([{"alg": "HS256", "typ": "JWT"}, {"alg": "RS256", "kid": token(8), "typ": "JWT"}, {"typ": "JWT", "alg": "ES256"}])
    payload = {"sub": str(rng.randrange(10**6)), "name": f"{pick(FIRST)} {pick(LAST)}", "iat": 1716239022 + rng.randrange(10**6), "scope": "read write"}
    return f"{b64url(header)}.{b64url(payload)}.{base64.urlsafe_b64encode(bytes(rng.randrange(256) for _ in range(32))).decode().rstrip('=')}"


def pem(kind):
    body = base64.b64encode(bytes(rng.randrange(256) for _ in range(180))).decode()
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


def password():
    return pick(["Tr0ub4dor&3", "hunter2!", "S3cure#Pass2024", "correct-horse-battery-staple-9", "P@ssw0rd!!", "qwerty123$", "Wint3r-is-coming", "z9!Lm#4q"])


def mrn():
    return pick([f"{rng.randrange(10**6, 10**8)}", f"MRN{rng.randrange(10**6, 10**7)}", f"{rng.randrange(10**7, 10**9)}"])


MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"


def mbi():
    c = lambda: pick(MBI_LETTERS)
    n = lambda: str(rng.randrange(10))
    return f"{rng.randrange(1, 10)}{c()}{pick(MBI_LETTERS + '0123456789')}{n()}-{c()}{pick(MBI_LETTERS + '0123456789')}{n()}-{c()}{c()}{n()}{n()}"


def member_id():
    return pick([f"XZH{rng.randrange(10**8, 10**9)}", f"W{rng.randrange(10**8, 10**9)}", f"ZGP{rng.randrange(10**8, 10**9)}01", f"{rng.randrange(10**9, 10**10)}"])


ICD = ["E11.9", "I10", "J45.909", "F32.9", "M54.5", "K21.9", "N39.0", "E78.5", "J06.9", "R51", "Z79.4", "C50.911", "F41.1", "G43.909", "U07.1", "S72.001A"]
