"""Synthetic value generators for the blind11 corpus (standard library only)."""
import base64
import json
import random
import string

R = random.Random(20261211)

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
B64 = AN + "+/"


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


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


def luhn_complete(prefix_body):
    for c in DG:
        if luhn_ok(prefix_body + c):
            return prefix_body + c
    raise AssertionError


def issuer(d):
    n = len(d)
    p2, p4, p6 = int(d[:2]), int(d[:4]), int(d[:6])
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (d.startswith("6011") or d.startswith("65") or 644 <= int(d[:3]) <= 649 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return "discover"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if (p2 in (36, 38, 39) or 300 <= int(d[:3]) <= 305) and 14 <= n <= 19:
        return "diners"
    if d.startswith("62") and 16 <= n <= 19:
        return "unionpay"
    return None


def looks_card(d):
    return 13 <= len(d) <= 19 and luhn_ok(d) and issuer(d) is not None


CARD_PREFIX = [("4", 16), ("4", 16), ("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2221", 16), ("2720", 16),
               ("34", 15), ("37", 15), ("6011", 16), ("65", 16), ("3530", 16), ("3566", 16), ("36", 14), ("4", 13), ("62", 16)]


def card_digits():
    p, n = R.choice(CARD_PREFIX)
    d = luhn_complete(p + rs(DG, n - len(p) - 1))
    assert looks_card(d), d
    return d


def group_card(d, sep=" "):
    if len(d) == 15:
        g = [d[:4], d[4:10], d[10:]]
    elif len(d) == 14:
        g = [d[:4], d[4:10], d[10:]]
    else:
        g = [d[i:i + 4] for i in range(0, len(d), 4)]
    return sep.join(g)


def card():
    d = card_digits()
    st = R.random()
    if st < 0.45:
        return d
    if st < 0.8:
        return group_card(d, " ")
    return group_card(d, "-")


def cvv(amex=False):
    return rs(DG, 4 if amex else 3)


def ssn(dashed=True):
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    g = R.randint(1, 99)
    s = R.randint(1, 9999)
    return f"{a:03d}-{g:02d}-{s:04d}" if dashed else f"{a:03d}{g:02d}{s:04d}"


FIRST = ["Maren", "Tobias", "Ines", "Kofi", "Aiko", "Ravi", "Lucia", "Henrik", "Zanele", "Mateus", "Yusuf", "Elif", "Noa",
         "Priya", "Dmitri", "Sofia", "Oluwaseun", "Camille", "Jonas", "Hana", "Diego", "Freya", "Tariq", "Mei", "Anouk",
         "Bartosz", "Leilani", "Ciaran", "Svea", "Thiago", "Amara", "Keanu", "Ragnhild", "Emeka", "Ximena", "Yuto"]
LAST = ["Okonkwo", "Lindqvist", "Barros", "Tanaka", "Hartmann", "Moreau", "Kowalczyk", "Achterberg", "Nakashima", "Delacroix",
        "Ferreira", "Petrov", "Haddad", "O'Rourke", "Vasquez", "Oyelaran", "Strand", "Kaur", "Brennan", "Ishikawa",
        "Mwangi", "Castellanos", "Yilmaz", "Van Dijk", "Rasmussen", "Quispe", "Nguyen", "Abernathy", "Szabo", "Lemaire"]
DOMAINS = ["fjordline-mail.no", "kestrelbank.co.uk", "lumenhealth.org", "bramblecare.net", "orchidmail.jp", "tidewater-logistics.com",
           "saffron-retail.in", "cobaltclinic.de", "quillwork.io", "marigold-insure.com", "pinecrest-school.edu", "northgate-telco.ca",
           "hollowayhr.com", "sunreef.com.au", "azulpago.mx", "veldtmed.co.za", "korinthos.gr", "greywillow.fr"]


def name():
    return f"{R.choice(FIRST)} {R.choice(LAST)}"


def email(nm=None):
    nm = nm or name()
    f, l = nm.split(" ", 1)
    l = l.replace("'", "").replace(" ", "").lower()
    st = R.random()
    if st < 0.4:
        loc = f"{f.lower()}.{l}"
    elif st < 0.7:
        loc = f"{f[0].lower()}{l}{R.randint(1, 99)}"
    elif st < 0.85:
        loc = R.choice(["billing", "claims", "payroll", "support", "noreply", "admissions", "ap", "hr"])
    else:
        loc = f"{l}+{R.choice(['orders', 'bank', 'clinic'])}"
    return f"{loc}@{R.choice(DOMAINS)}"


def phone(cc="us"):
    if cc == "us":
        a = R.choice(["212", "312", "415", "617", "702", "503", "919", "305"])
        x = R.randint(100, 199)
        return R.choice([f"({a}) 555-0{x % 100:02d}", f"{a}-555-01{x % 100:02d}", f"+1 {a} 555 01{x % 100:02d}", f"{a}.555.01{x % 100:02d}"])
    if cc == "uk":
        return R.choice([f"07700 900{R.randint(0, 999):03d}", f"+44 7700 900{R.randint(0, 999):03d}", f"020 7946 0{R.randint(0, 999):03d}"])
    if cc == "au":
        return R.choice([f"0491 570 {R.randint(100, 999)}", f"+61 491 570 {R.randint(100, 999)}", f"(02) 5550 {R.randint(1000, 9999)}"])
    if cc == "de":
        return R.choice([f"+49 30 23125 {R.randint(100, 999)}", f"030 23125{R.randint(100, 999)}", f"0152 2881 {R.randint(1000, 9999)}"])
    if cc == "fr":
        return R.choice([f"01 99 00 {R.randint(10, 99)} {R.randint(10, 99)}", f"+33 6 39 98 {R.randint(10, 99)} {R.randint(10, 99)}"])
    if cc == "jp":
        return R.choice([f"090-1234-{R.randint(1000, 9999)}", f"03-5550-{R.randint(1000, 9999)}"])
    if cc == "br":
        return f"(11) 95550-{R.randint(1000, 9999)}"
    if cc == "in":
        return f"+91 98765 0{R.randint(1000, 9999)}"
    if cc == "ca":
        return f"(416) 555-01{R.randint(0, 99):02d}"
    if cc == "za":
        return f"+27 21 555 {R.randint(1000, 9999)}"
    if cc == "mx":
        return f"+52 55 5550 {R.randint(1000, 9999)}"
    if cc == "es":
        return f"+34 91 555 {R.randint(10, 99)} {R.randint(10, 99)}"
    if cc == "it":
        return f"+39 06 5550 {R.randint(1000, 9999)}"
    if cc == "nl":
        return f"06 1555 {R.randint(1000, 9999)}"
    if cc == "se":
        return f"070-1740 {R.randint(600, 699)}"
    if cc == "kr":
        return f"010-5550-{R.randint(1000, 9999)}"
    if cc == "pl":
        return f"+48 22 555 {R.randint(10, 99)} {R.randint(10, 99)}"
    return phone("us")


AWS_ALPHA = UP + "234567"


def aws_id():
    return R.choice(["AKIA", "AKIA", "AKIA", "ASIA"]) + rs(AWS_ALPHA, 16)


def aws_secret():
    return rs(AN + "/+", 40)


def apikey(style="hex32"):
    if style == "stripe":
        return "sk_live_" + rs(AN, 24)
    if style == "rk":
        return "rk_live_" + rs(AN, 24)
    if style == "gh":
        return "ghp_" + rs(AN, 36)
    if style == "gl":
        return "glpat-" + rs(AN + "_-", 20)
    if style == "slack":
        return f"xoxb-{R.randint(10**10, 10**11)}-{R.randint(10**11, 10**12)}-{rs(AN, 24)}"
    if style == "sg":
        return f"SG.{rs(AN + '_-', 22)}.{rs(AN + '_-', 43)}"
    if style == "google":
        return "AIza" + rs(AN + "_-", 35)
    if style == "twilio":
        return "SK" + rs("0123456789abcdef", 32)
    if style == "openai":
        return "sk-proj-" + rs(AN + "_-", 48)
    if style == "anthropic":
        return "sk-ant-api03-" + rs(AN + "_-", 86) + "AA"
    if style == "npm":
        return "npm_" + rs(AN, 36)
    if style == "hf":
        return "hf_" + rs(AN, 34)
    if style == "shopify":
        return "shpat_" + rs("0123456789abcdef", 32)
    if style == "mailgun":
        return "key-" + rs("0123456789abcdef", 32)
    if style == "b64":
        return rs(AN + "+/", 40)
    if style == "dd":
        return rs("0123456789abcdef", 32)
    if style == "hex40":
        return rs("0123456789abcdef", 40)
    if style == "alnum32":
        return rs(AN, 32)
    if style == "doppler":
        return "dp.st.prd." + rs(AN, 43)
    if style == "vault":
        return "hvs." + rs(AN + "_-", 90)
    if style == "pulumi":
        return "pul-" + rs("0123456789abcdef", 40)
    if style == "linear":
        return "lin_api_" + rs(AN, 40)
    if style == "do":
        return "dop_v1_" + rs("0123456789abcdef", 64)
    if style == "square":
        return "EAAA" + rs(AN + "-_", 60)
    return rs("0123456789abcdef", 32)


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt():
    alg = R.choice(["HS256", "RS256", "ES256", "HS512"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256":
        hdr["kid"] = rs(LO + DG, 12)
    pl = {"sub": rs(DG, 8), "iat": 1764700000 + R.randint(0, 900000)}
    pl["exp"] = pl["iat"] + R.choice([900, 3600, 86400])
    if R.random() < 0.5:
        pl["scope"] = R.choice(["read:claims", "payments:write", "openid profile", "api"])
    sig = b64url(bytes(R.getrandbits(8) for _ in range(64 if alg in ("RS256",) else 32)))
    return b64url(json.dumps(hdr, separators=(",", ":")).encode()) + "." + b64url(json.dumps(pl, separators=(",", ":")).encode()) + "." + sig


PEM_STARTS = {
    "PRIVATE KEY": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ",
    "RSA PRIVATE KEY": "MIIEpAIBAAKCAQEA",
    "EC PRIVATE KEY": "MHcCAQEEI",
    "OPENSSH PRIVATE KEY": "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
    "ENCRYPTED PRIVATE KEY": "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI",
}


def pkey(kind=None, escaped=False):
    kind = kind or R.choice(list(PEM_STARTS))
    n = {"EC PRIVATE KEY": 160, "OPENSSH PRIVATE KEY": 340}.get(kind, 1560)
    body = PEM_STARTS[kind] + rs(B64, n)
    lines = [body[i:i + (70 if kind.startswith("OPENSSH") else 64)] for i in range(0, len(body), 64)]
    nl = "\\n" if escaped else "\n"
    return f"-----BEGIN {kind}-----{nl}" + nl.join(lines) + f"{nl}-----END {kind}-----"


WORDS = ["harbor", "Quartz", "maple", "Falcon", "tundra", "Cobalt", "ember", "Lantern", "orbit", "Willow", "cactus", "Zephyr", "nimbus"]


def password():
    st = R.random()
    if st < 0.35:
        return R.choice(WORDS) + R.choice(WORDS).capitalize() + str(R.randint(10, 9999)) + R.choice("!#$%&*?@")
    if st < 0.7:
        return rs(AN + "!#%&*+-=?@^_", R.randint(12, 20))
    if st < 0.85:
        return "-".join(R.choice(WORDS).lower() for _ in range(4))
    return R.choice(["Sommer", "Invierno", "Primavera", "Hiver", "Lente"]) + str(R.randint(2019, 2026)) + R.choice("!.#")


def mrn(style="num8"):
    if style == "num7":
        return rs("123456789", 1) + rs(DG, 6)
    if style == "num8":
        return rs("123456789", 1) + rs(DG, 7)
    if style == "num10":
        return "00" + rs(DG, 8)
    if style == "e":
        return "E" + rs(DG, 8)
    if style == "alpha2":
        return rs(UP, 2) + rs(DG, 7)
    if style == "dash":
        return f"{R.randint(10, 99)}-{R.randint(100, 999)}-{R.randint(100, 999)}"
    if style == "year":
        return f"{R.randint(2015, 2026)}-{R.randint(0, 9999999):07d}"
    if style == "hosp":
        return R.choice(["RMH", "SJH", "KCH", "UHB", "CMC", "HUG"]) + rs(DG, 7)
    if style == "jp":
        return rs(DG, 8)
    if style == "pid":
        return "P" + rs(DG, 9)
    return rs(DG, 8)


MBI_ALPHA = [c for c in UP if c not in "SLOIBZ"]


def mbi():
    c1 = rs("123456789", 1)
    a = lambda: R.choice(MBI_ALPHA)
    an = lambda: R.choice(MBI_ALPHA + list(DG))
    d = lambda: R.choice(DG)
    s = c1 + a() + an() + d() + a() + an() + d() + a() + a() + d() + d()
    return s


def kvnr():
    letter = R.choice(UP)
    digits = rs(DG, 8)
    num = f"{ord(letter) - 64:02d}" + digits
    tot = 0
    for i, ch in enumerate(num):
        x = int(ch) * (1 if i % 2 == 0 else 2)
        tot += x // 10 + x % 10
    return letter + digits + str(tot % 10)


def au_medicare():
    while True:
        d = [R.randint(2, 6)] + [R.randint(0, 9) for _ in range(7)]
        chk = sum(x * w for x, w in zip(d, [1, 3, 7, 9, 1, 3, 7, 9])) % 10
        s = "".join(map(str, d)) + str(chk) + str(R.randint(1, 9))
        return f"{s[:4]} {s[4:9]} {s[9]}"


def nhs_no():
    while True:
        d = [R.randint(0, 9) for _ in range(9)]
        d[0] = R.randint(4, 6)
        r = 11 - sum(x * w for x, w in zip(d, range(10, 1, -1))) % 11
        if r == 11:
            r = 0
        if r == 10:
            continue
        s = "".join(map(str, d)) + str(r)
        return f"{s[:3]} {s[3:6]} {s[6:]}"


def ohip():
    return f"{R.randint(1000, 9999)}-{R.randint(100, 999)}-{R.randint(100, 999)}-{rs(UP, 2)}"


def nir():
    sex = R.choice("12")
    yy = R.randint(80, 99)
    mm = R.randint(1, 12)
    dep = R.randint(10, 95)
    com = R.randint(1, 999)
    ordre = R.randint(1, 999)
    n13 = int(f"{sex}{yy:02d}{mm:02d}{dep:02d}{com:03d}{ordre:03d}")
    key = 97 - n13 % 97
    s = f"{n13}"
    return f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {key:02d}"


def ramq():
    return rs(UP, 4) + f" {R.randint(40, 99):02d}{R.randint(1, 12):02d} {R.randint(1, 28):02d}{R.randint(10, 99)}"


def member_id(style="member"):
    if style == "mbi":
        return mbi()
    if style == "kvnr":
        return kvnr()
    if style == "aumc":
        return au_medicare()
    if style == "nhs":
        return nhs_no()
    if style == "ohip":
        return ohip()
    if style == "nir":
        return nir()
    if style == "ramq":
        return ramq()
    if style == "w9":
        return "W" + rs(DG, 9)
    if style == "jp":
        return f"{rs(DG, 4)}-{rs(DG, 3)}"
    if style == "kr":
        return rs("123456789", 1) + rs(DG, 10)
    if style == "medicaid":
        return rs(UP, 2) + rs(DG, 5) + rs(UP, 1)
    if style == "nz":
        return rs("ABCDEFGHJKLMNPQRSTUVWXYZ", 3) + rs(DG, 4)
    if style == "ch":
        return "807560" + rs(DG, 14)[:14]
    if style == "zh":
        return rs(DG, 4) + rs(UP, 1) + rs(DG, 6)
    if style == "ind":
        return rs(UP, 3) + rs(DG, 9)
    return rs(UP, 3) + rs(DG, 9)


ICD = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
       ("J45.909", "Unspecified asthma, uncomplicated"), ("M54.5", "Low back pain"), ("F32.1", "Major depressive disorder, single episode, moderate"),
       ("K21.9", "Gastro-oesophageal reflux disease without oesophagitis"), ("N39.0", "Urinary tract infection, site not specified"),
       ("J18.9", "Pneumonia, unspecified organism"), ("S52.501A", "Unspecified fracture of the lower end of right radius"),
       ("Z23", "Encounter for immunization"), ("E78.5", "Hyperlipidaemia, unspecified"), ("G43.909", "Migraine, unspecified"),
       ("I48.91", "Unspecified atrial fibrillation"), ("O24.419", "Gestational diabetes mellitus in pregnancy"), ("C50.911", "Malignant neoplasm of right female breast"),
       ("R51", "Headache"), ("L40.0", "Psoriasis vulgaris"), ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("F41.1", "Generalized anxiety disorder"),
       ("J06.9", "Acute upper respiratory infection, unspecified"), ("E66.01", "Morbid obesity due to excess calories"), ("I25.10", "Atherosclerotic heart disease"),
       ("N18.3", "Chronic kidney disease, stage 3"), ("Z00.00", "General adult medical examination"), ("H52.13", "Myopia, bilateral"), ("K35.80", "Acute appendicitis")]


def icd():
    return R.choice(ICD)


def nonluhn_digits(n, first=None):
    while True:
        d = (first or rs("123456789", 1)) + rs(DG, n - len(first or "x"))
        if not luhn_ok(d):
            return d


def date():
    return f"{R.randint(2024, 2026)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"


def dob():
    return f"{R.randint(1938, 2008)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"


def amount():
    return f"{R.randint(5, 4800)}.{R.randint(0, 99):02d}"
