"""Value generators for dlp-blind8. Every sensitive value is drawn through G, which records its type."""
import base64, json, random, string, hashlib

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
B64 = UP + LO + DG + "+/"
B64U = UP + LO + DG + "-_"
AN = UP + DG

ISSUER = [  # (prefixes, lengths)
    (("4",), (13, 16, 19)),
    (tuple(str(i) for i in range(51, 56)) + tuple(str(i) for i in range(2221, 2721)), (16,)),
    (("34", "37"), (15,)),
    (("6011", "65") + tuple(str(i) for i in range(644, 650)), (16, 17, 18, 19)),
    (tuple(str(i) for i in range(3528, 3590)), (16, 17, 18, 19)),
    (("300", "301", "302", "303", "304", "305", "36", "38", "39"), (14, 15, 16, 17, 18, 19)),
    (("62", "81", "82", "508"), (16, 17, 18, 19)),
    (("50",) + tuple(str(i) for i in range(56, 70)), (13, 14, 15, 16, 17, 18, 19)),
    (("2200", "2201", "2202", "2203", "2204"), (16, 17, 18, 19)),
    (("9792",), (16,)),
]


def luhn_ok(d):
    s, alt = 0, False
    for ch in reversed(d):
        n = int(ch)
        if alt:
            n *= 2
            if n > 9:
                n -= 9
        s += n
        alt = not alt
    return s % 10 == 0


def luhn_digit(body):
    for c in DG:
        if luhn_ok(body + c):
            return c


def issuer_ok(d):
    for prefixes, lengths in ISSUER:
        if len(d) in lengths and any(d.startswith(p) for p in prefixes):
            return True
    return False


def cardlike(d):
    return 13 <= len(d) <= 19 and luhn_ok(d) and issuer_ok(d)


FIRST = ["Maren", "Tobias", "Aiko", "Rafael", "Ingrid", "Kwame", "Leila", "Dmitri", "Sofia", "Henrik", "Priya", "Mateo",
         "Oona", "Yusuf", "Chiara", "Bjorn", "Ama", "Thanh", "Noor", "Felipe", "Greta", "Ravi", "Elif", "Jonas", "Mei",
         "Lukas", "Zanele", "Farah", "Pavel", "Imogen", "Kenji", "Ana", "Tariq", "Liesel", "Omari", "Hana", "Emeka",
         "Signe", "Dario", "Nadia", "Wiremu", "Carmen", "Arjun", "Vera", "Sione", "Katarzyna", "Bashir", "Ilse"]
LAST = ["Okonkwo", "Lindqvist", "Tanaka", "Moreau", "Castellano", "Novak", "Haddad", "Brennan", "Ferreira", "Kowalczyk",
        "Achterberg", "Mbeki", "Varga", "Nakamura", "Oyelaran", "Petrov", "Quintero", "Rasmussen", "Suleiman", "Thorsen",
        "Urquhart", "Vasquez", "Whitlock", "Yilmaz", "Zielinski", "Abernathy", "Bergstrom", "Delacroix", "Eriksen",
        "Gallagher", "Horvath", "Iwasaki", "Jovanovic", "Kaur", "Laine", "Marchetti", "Nguyen", "Ortega", "Pellegrini"]
CO = ["Northwind Freight", "Bluehaven Clinic", "Kestrel Analytics", "Orchid Lane Dental", "Ferrous Works",
      "Lumen Cardiology", "Tidewater Credit Union", "Halvard Logistics", "Copperleaf Pharmacy", "Meridian Health Partners",
      "Quill & Ledger", "Saltmarsh Telecom", "Brightwater Insurance", "Granite Peak Orthopedics", "Vellum Studio"]
DOMAINS = ["northwind-freight.com", "bluehaven-clinic.org", "kestrel-analytics.io", "gmail.com", "outlook.com",
           "proton.me", "web.de", "gmx.at", "orange.fr", "libero.it", "yahoo.co.jp", "mail.ru", "seznam.cz", "wp.pl",
           "tidewatercu.org", "halvard.no", "copperleafrx.com", "meridianhp.net", "saltmarsh-tel.co.uk", "icloud.com",
           "t-online.de", "freenet.de", "telia.se", "naver.com", "uol.com.br", "hotmail.es", "granitepeakortho.com"]
CITY = ["Tromso", "Porto", "Graz", "Leeds", "Osaka", "Curitiba", "Lyon", "Gdansk", "Tucson", "Halifax", "Perth",
        "Brno", "Debrecen", "Aarhus", "Izmir", "Cebu", "Nairobi", "Pune"]
WORDS = ["harbor", "maple", "quartz", "ember", "lantern", "falcon", "meadow", "cobalt", "willow", "summit", "orbit",
         "pebble", "tundra", "cinder", "juniper", "rivet", "saffron", "glacier", "tangent", "velvet", "mosaic", "thistle"]
ICD = ["E11.9", "I10", "J45.909", "M54.50", "F32.A", "Z79.4", "K21.9", "N39.0", "R07.9", "S72.001A", "O24.410",
       "C50.911", "G43.909", "L40.0", "E78.5", "I48.91", "J44.1", "F41.1", "Z00.00", "M17.11", "R51.9", "B34.2",
       "U07.1", "A09", "K58.9", "E03.9", "D64.9", "I25.10", "N18.30", "T78.40XA", "Z23", "J06.9", "E66.01", "R10.9",
       "M79.7", "G47.33", "H66.90", "J02.9", "L03.115", "S93.401A", "Z34.90", "F90.0", "E55.9", "R11.2", "I63.9",
       "K35.80", "N20.0", "M81.0", "J18.9", "E10.65", "F10.20", "Z87.891", "I50.9", "C34.90", "R73.03", "G35"]
ICD_GM = ["I10.00", "E11.90", "M54.4", "J06.9", "F32.1", "K29.7", "R10.4", "M51.2", "J20.9", "Z96.6", "E04.2", "N30.0"]
PW_WORDS = ["Sommer", "Harbour", "Lantern", "Tiger", "Pumpkin", "Zebra", "Orchid", "Falcon", "Marmot", "Biscuit",
            "Kirsche", "Soleil", "Nebula", "Quokka", "Mango", "Walrus", "Cactus", "Otter", "Pepper", "Jasmin"]


def enc_b64(s):
    return base64.b64encode(s.encode()).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


class G:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.reset()

    def reset(self):
        self.types = []
        self.vals = {}  # type -> list of literal values that must appear
        self.encoded = False

    def _rec(self, t, v=None):
        if t not in self.types:
            self.types.append(t)
        if v is not None:
            self.vals.setdefault(t, []).append(v)
        return v

    def mark_encoded(self):
        self.encoded = True

    # ---------- basic randomness (non-sensitive) ----------
    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def ri(self, a, b):
        return self.r.randint(a, b)

    def chars(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def hexs(self, n):
        return self.chars("0123456789abcdef", n)

    def HEX(self, n):
        return self.chars("0123456789ABCDEF", n)

    def num(self, n, lead=None):
        """n digits that are never a Luhn-valid issuer number and (16 digits) never Luhn-valid."""
        while True:
            d = (lead or "") + self.chars(DG, n - len(lead or ""))
            if d[0] == "0" and lead is None:
                continue
            if cardlike(d) or (len(d) == 16 and luhn_ok(d)):
                continue
            return d

    def name(self):
        return self.pick(FIRST) + " " + self.pick(LAST)

    def first(self):
        return self.pick(FIRST)

    def last(self):
        return self.pick(LAST)

    def co(self):
        return self.pick(CO)

    def city(self):
        return self.pick(CITY)

    def word(self):
        return self.pick(WORDS)

    def uuid(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.pick("89ab") + h[17:]
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def sha1(self):
        return self.hexs(40)

    def sha256(self):
        return self.hexs(64)

    def ms(self):
        return self.ri(1_760_000_000_000, 1_799_999_999_999)

    def epoch(self):
        return self.ri(1_760_000_000, 1_799_999_999)

    def date(self, y0=2025, y1=2026):
        return f"{self.ri(y0, y1)}-{self.ri(1, 12):02d}-{self.ri(1, 28):02d}"

    def dob(self):
        return f"{self.ri(1941, 2004)}-{self.ri(1, 12):02d}-{self.ri(1, 28):02d}"

    def ts(self):
        return f"{self.date()}T{self.ri(0, 23):02d}:{self.ri(0, 59):02d}:{self.ri(0, 59):02d}Z"

    def hms(self):
        return f"{self.ri(0, 23):02d}:{self.ri(0, 59):02d}:{self.ri(0, 59):02d}"

    def amt(self, a=5, b=900):
        return f"{self.ri(a, b)}.{self.ri(0, 99):02d}"

    def ip(self):
        return f"{self.pick(['10', '172', '192', '100'])}.{self.ri(0, 255)}.{self.ri(0, 255)}.{self.ri(1, 254)}"

    def pubip(self):
        return f"{self.pick(['203.0.113', '198.51.100', '192.0.2'])}.{self.ri(1, 254)}"

    def host(self):
        return f"{self.word()}-{self.ri(1, 40):02d}.{self.pick(['internal', 'corp.lan', 'svc.cluster.local', 'prod.example.net'])}"

    def b64(self, n):
        return self.chars(B64, n)

    def b64url(self, n):
        return self.chars(B64U, n)

    def order(self):
        return self.pick(["ORD-", "SO", "#", "PO-", ""]) + self.num(self.ri(7, 10))

    def isbn(self):
        body = "978" + self.chars(DG, 9)
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
        return body + str((10 - s % 10) % 10)

    def luhnfail16(self, lead="4"):
        while True:
            d = lead + self.chars(DG, 16 - len(lead))
            if not luhn_ok(d):
                return d

    def ver(self):
        return f"{self.ri(0, 9)}.{self.ri(0, 30)}.{self.ri(0, 40)}"

    def last4(self):
        return self.chars(DG, 4)

    def ups(self):
        return "1Z" + self.chars(AN, 6) + self.num(10)

    def street(self):
        return f"{self.ri(2, 480)} {self.pick(['Juniper', 'Harbor', 'Quarry', 'Linden', 'Beacon', 'Alder'])} {self.pick(['St', 'Ave', 'Rd', 'Way'])}"

    # ---------- sensitive values ----------
    def ssn(self, fmt="-"):
        while True:
            a = self.ri(1, 899)
            if a != 666:
                break
        g, s = self.ri(1, 99), self.ri(1, 9999)
        v = f"{a:03d}{fmt}{g:02d}{fmt}{s:04d}" if fmt is not None else f"{a:03d}{g:02d}{s:04d}"
        return self._rec("ssn", v)

    def cc_digits(self, brand=None):
        brand = brand or self.pick(["visa", "visa", "mc", "mc2", "amex", "disc", "jcb", "diners", "unionpay", "mir", "maestro"])
        pre, ln = {
            "visa": ("4", 16), "mc": (str(self.ri(51, 55)), 16), "mc2": (str(self.ri(2221, 2720)), 16),
            "amex": (self.pick(["34", "37"]), 15), "disc": (self.pick(["6011", "65"]), 16),
            "jcb": (str(self.ri(3528, 3589)), 16), "diners": ("36", 14), "unionpay": ("62", self.pick([16, 19])),
            "mir": ("220" + str(self.ri(0, 4)), 16), "maestro": ("6759", 16), "visa13": ("4", 13),
        }[brand]
        body = pre + self.chars(DG, ln - len(pre) - 1)
        return body + luhn_digit(body)

    def cc(self, brand=None, sep=""):
        d = self.cc_digits(brand)
        if sep:
            if len(d) == 15:
                v = sep.join([d[:4], d[4:10], d[10:]])
            elif len(d) == 14:
                v = sep.join([d[:4], d[4:10], d[10:]])
            else:
                v = sep.join(d[i:i + 4] for i in range(0, len(d), 4))
        else:
            v = d
        self.vals.setdefault("_card_digits", []).append(d)
        return self._rec("credit_card", v)

    def cvv(self, n=3):
        return self._rec("cvv", self.chars(DG, n))

    def em(self, first=None, last=None, domain=None):
        f = (first or self.first()).lower()
        l = (last or self.last()).lower()
        style = self.ri(0, 4)
        local = [f"{f}.{l}", f"{f[0]}{l}", f"{f}{self.ri(1, 99)}", f"{l}.{f}{self.ri(70, 99)}", f"{f}_{l}"][style]
        return self._rec("email", f"{local}@{domain or self.pick(DOMAINS)}")

    def role_em(self, role, domain=None):
        return self._rec("email", f"{role}@{domain or self.pick(DOMAINS[:3] + DOMAINS[14:19])}")

    PH = {
        "us": lambda s: f"({s.ri(201, 989)}) 555-01{s.ri(0, 99):02d}",
        "us_e164": lambda s: f"+1{s.ri(201, 989)}55501{s.ri(0, 99):02d}",
        "us_dash": lambda s: f"{s.ri(201, 989)}-555-01{s.ri(0, 99):02d}",
        "uk_mob": lambda s: f"07700 900{s.ri(0, 999):03d}",
        "uk_e164": lambda s: f"+44 7700 900{s.ri(0, 999):03d}",
        "uk_ldn": lambda s: f"020 7946 0{s.ri(0, 999):03d}",
        "de": lambda s: f"+49 {s.pick(['151', '160', '170', '176'])} {s.num(7)}",
        "de_nat": lambda s: f"0{s.pick(['151', '162', '172', '178'])} {s.num(4)} {s.num(3)}",
        "fr": lambda s: f"06 {s.ri(10, 99)} {s.ri(10, 99)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "fr_e164": lambda s: f"+33 7 {s.ri(10, 99)} {s.ri(10, 99)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "es": lambda s: f"+34 6{s.ri(10, 99)} {s.ri(100, 999)} {s.ri(100, 999)}",
        "it": lambda s: f"+39 3{s.ri(20, 49)} {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "nl": lambda s: f"06-{s.ri(10000000, 99999999)}",
        "pl": lambda s: f"+48 {s.ri(500, 799)} {s.ri(100, 999)} {s.ri(100, 999)}",
        "jp": lambda s: f"090-{s.ri(1000, 9999)}-{s.ri(1000, 9999)}",
        "jp_e164": lambda s: f"+81 80-{s.ri(1000, 9999)}-{s.ri(1000, 9999)}",
        "in": lambda s: f"+91 9{s.ri(1000, 9999)} {s.ri(10000, 99999)}",
        "br": lambda s: f"(11) 9{s.ri(1000, 9999)}-{s.ri(1000, 9999)}",
        "mx": lambda s: f"+52 55 {s.ri(1000, 9999)} {s.ri(1000, 9999)}",
        "au": lambda s: f"0491 570 {s.ri(100, 999)}",
        "au_e164": lambda s: f"+61 491 570 {s.ri(100, 999)}",
        "ca": lambda s: f"+1 (416) 555-01{s.ri(0, 99):02d}",
        "tr": lambda s: f"0 (5{s.ri(30, 59)}) {s.ri(100, 999)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "sa": lambda s: f"+966 5{s.ri(0, 9)} {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "ae": lambda s: f"+971 50 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "eg": lambda s: f"+20 10 {s.ri(1000, 9999)} {s.ri(1000, 9999)}",
        "ng": lambda s: f"+234 803 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "ke": lambda s: f"+254 7{s.ri(10, 99)} {s.ri(100, 999)} {s.ri(100, 999)}",
        "za": lambda s: f"082 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "kr": lambda s: f"010-{s.ri(1000, 9999)}-{s.ri(1000, 9999)}",
        "cn": lambda s: f"+86 13{s.ri(0, 9)} {s.ri(1000, 9999)} {s.ri(1000, 9999)}",
        "ru": lambda s: f"+7 9{s.ri(10, 99)} {s.ri(100, 999)}-{s.ri(10, 99)}-{s.ri(10, 99)}",
        "se": lambda s: f"070-{s.ri(100, 999)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "no": lambda s: f"+47 4{s.ri(10, 99)} {s.ri(10, 99)} {s.ri(100, 999)}",
        "dk": lambda s: f"+45 {s.ri(20, 31)} {s.ri(10, 99)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "fi": lambda s: f"040 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "hu": lambda s: f"+36 30 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "cz": lambda s: f"+420 6{s.ri(0, 9)}{s.ri(0, 9)} {s.ri(100, 999)} {s.ri(100, 999)}",
        "ro": lambda s: f"07{s.ri(20, 99)} {s.ri(100, 999)} {s.ri(100, 999)}",
        "gr": lambda s: f"+30 69{s.ri(0, 9)} {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "il": lambda s: f"05{s.ri(0, 8)}-{s.ri(100, 999)}-{s.ri(1000, 9999)}",
        "th": lambda s: f"08{s.ri(1, 9)}-{s.ri(100, 999)}-{s.ri(1000, 9999)}",
        "id": lambda s: f"+62 812-{s.ri(1000, 9999)}-{s.ri(1000, 9999)}",
        "ph": lambda s: f"0917 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "vn": lambda s: f"+84 9{s.ri(0, 9)} {s.ri(100, 999)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "ar": lambda s: f"+54 9 11 {s.ri(1000, 9999)}-{s.ri(1000, 9999)}",
        "co": lambda s: f"+57 3{s.ri(0, 2)}{s.ri(0, 9)} {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "cl": lambda s: f"+56 9 {s.ri(1000, 9999)} {s.ri(1000, 9999)}",
        "pt": lambda s: f"+351 91{s.ri(0, 9)} {s.ri(100, 999)} {s.ri(100, 999)}",
        "ie": lambda s: f"087 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "at": lambda s: f"+43 664 {s.ri(1000000, 9999999)}",
        "ch": lambda s: f"+41 79 {s.ri(100, 999)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "be": lambda s: f"+32 47{s.ri(0, 9)} {s.ri(10, 99)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "ua": lambda s: f"+380 67 {s.ri(100, 999)} {s.ri(10, 99)} {s.ri(10, 99)}",
        "pk": lambda s: f"+92 300 {s.ri(1000000, 9999999)}",
        "bd": lambda s: f"+880 17{s.ri(10, 99)}-{s.ri(100000, 999999)}",
        "nz": lambda s: f"021 {s.ri(100, 999)} {s.ri(1000, 9999)}",
        "sg": lambda s: f"+65 9{s.ri(100, 999)} {s.ri(1000, 9999)}",
        "my": lambda s: f"+60 12-{s.ri(100, 999)} {s.ri(1000, 9999)}",
        "ir": lambda s: f"0912 {s.ri(100, 999)} {s.ri(1000, 9999)}",
    }

    def ph(self, cc="us"):
        while True:
            v = G.PH[cc](self)
            d = "".join(c for c in v if c.isdigit())
            if not any(cardlike(d[i:j]) for i in range(len(d)) for j in range(i + 13, len(d) + 1)):
                return self._rec("phone", v)

    def akia(self, sts=False):
        return self._rec("aws_access_key", ("ASIA" if sts else "AKIA") + self.chars(UP + "234567", 16))

    def awssec(self):
        return self._rec("api_key", self.chars(UP + LO + DG + "+/", 40))

    KEYS = {
        "hex32": lambda s: s.hexs(32), "hex40": lambda s: s.hexs(40), "hex64": lambda s: s.hexs(64),
        "openai": lambda s: "sk-proj-" + s.b64url(48) + "T3BlbkFJ" + s.b64url(40),
        "anthropic": lambda s: "sk-ant-api03-" + s.b64url(93) + "AA",
        "ghp": lambda s: "ghp_" + s.chars(UP + LO + DG, 36), "gho": lambda s: "gho_" + s.chars(UP + LO + DG, 36),
        "ghpat": lambda s: "github_pat_11" + s.chars(UP + DG, 20) + "_" + s.chars(UP + LO + DG, 59),
        "glpat": lambda s: "glpat-" + s.chars(UP + LO + DG + "-_", 20),
        "slackb": lambda s: f"xoxb-{s.num(12)}-{s.num(13)}-{s.chars(UP + LO + DG, 24)}",
        "slackp": lambda s: f"xoxp-{s.num(12)}-{s.num(12)}-{s.num(13)}-{s.hexs(32)}",
        "sendgrid": lambda s: "SG." + s.b64url(22) + "." + s.b64url(43),
        "mailgun": lambda s: "key-" + s.hexs(32), "google": lambda s: "AIza" + s.chars(UP + LO + DG + "-_", 35),
        "sk_live": lambda s: "sk_live_51" + s.chars(UP + LO + DG, 97), "rk_live": lambda s: "rk_live_51" + s.chars(UP + LO + DG, 60),
        "shopify": lambda s: "shpat_" + s.hexs(32), "npm": lambda s: "npm_" + s.chars(UP + LO + DG, 36),
        "pypi": lambda s: "pypi-AgEIcHlwaS5vcmc" + s.b64url(120), "do": lambda s: "dop_v1_" + s.hexs(64),
        "hf": lambda s: "hf_" + s.chars(UP + LO, 34), "linear": lambda s: "lin_api_" + s.chars(UP + LO + DG, 40),
        "sq": lambda s: "EAAA" + s.b64url(60), "fb": lambda s: "EAAG" + s.chars(UP + LO + DG, 180),
        "ya29": lambda s: "ya29.a0" + s.b64url(150), "nr": lambda s: "NRAK-" + s.chars(UP + DG, 27),
        "brevo": lambda s: "xkeysib-" + s.hexs(64) + "-" + s.chars(UP + LO + DG, 16),
        "azure": lambda s: s.b64(86) + "==", "b64_32": lambda s: s.b64(43) + "=",
        "atlassian": lambda s: "ATATT3xFfGF0" + s.b64url(180) + "=" + s.HEX(8),
        "twilio": lambda s: s.hexs(32), "uuidtok": lambda s: s.uuid(), "pat": lambda s: s.chars(LO + DG, 52),
        "dd": lambda s: s.hexs(32), "alnum40": lambda s: s.chars(UP + LO + DG, 40), "alnum24": lambda s: s.chars(UP + LO + DG, 24),
        "glrt": lambda s: "glrt-" + s.chars(UP + LO + DG + "_-", 20), "tskey": lambda s: "tskey-auth-k" + s.chars(UP + LO + DG, 16) + "-" + s.chars(UP + LO + DG, 32),
        "vault": lambda s: "hvs." + s.chars(UP + LO + DG + "_-", 90), "dckr": lambda s: "dckr_pat_" + s.b64url(27),
        "pscale": lambda s: "pscale_pw_" + s.b64url(43), "figma": lambda s: "figd_" + s.b64url(40),
        "notion": lambda s: "secret_" + s.chars(UP + LO + DG, 43), "airtable": lambda s: "pat" + s.chars(UP + LO + DG, 14) + "." + s.hexs(64),
        "postman": lambda s: "PMAK-" + s.hexs(24) + "-" + s.hexs(34), "sentry": lambda s: "sntrys_" + s.b64url(120),
        "asana": lambda s: "2/" + s.num(16, "1") + "/" + s.num(16, "1") + ":" + s.hexs(32),
        "cf": lambda s: s.chars(UP + LO + DG + "_-", 40), "clickup": lambda s: "pk_" + s.num(8) + "_" + s.chars(UP + DG, 32),
        "mapbox_sk": lambda s: "sk.eyJ1Ijoi" + s.b64url(40) + "." + s.b64url(22),
        "age": lambda s: "AGE-SECRET-KEY-1" + s.chars("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".upper(), 58),
    }

    def key(self, kind="hex32"):
        return self._rec("api_key", G.KEYS[kind](self))

    def jwt(self, alg=None, extra=None):
        alg = alg or self.pick(["HS256", "RS256", "ES256"])
        hdr = {"alg": alg, "typ": "JWT"}
        if alg != "HS256":
            hdr["kid"] = self.hexs(16)
        iat = self.epoch()
        pl = {"sub": self.pick(["usr_", "svc-", "", "acct:"]) + self.hexs(12), "iat": iat, "exp": iat + self.pick([900, 3600, 86400])}
        if extra:
            pl.update(extra)
        sig = self.b64url({"HS256": 43, "RS256": 342, "ES256": 86}[alg])
        v = b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "." + b64u(json.dumps(pl, separators=(",", ":")).encode()) + "." + sig
        return self._rec("jwt", v)

    PEM = {
        "rsa": ("RSA PRIVATE KEY", "MIIEowIBAAKCAQEA", 1500),
        "pkcs8": ("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", 1560),
        "ec": ("EC PRIVATE KEY", "MHcCAQEEI", 200),
        "openssh": ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACA", 330),
        "enc": ("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 1700),
        "dsa": ("DSA PRIVATE KEY", "MIIBuwIBAAKBgQ", 600),
        "ec8": ("PRIVATE KEY", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", 184),
    }

    def pem(self, kind=None, nl="\n"):
        kind = kind or self.pick(["rsa", "pkcs8", "ec", "openssh", "pkcs8", "ec8"])
        label, pre, n = G.PEM[kind]
        body = pre + self.b64(n - len(pre))
        body = body[: len(body) - len(body) % 4] if kind != "openssh" else body
        lines = [body[i:i + (70 if kind == "openssh" else 64)] for i in range(0, len(body), 70 if kind == "openssh" else 64)]
        v = f"-----BEGIN {label}-----{nl}" + nl.join(lines) + f"{nl}-----END {label}-----"
        self.vals.setdefault("_pem_bodies", []).append(lines[0])
        return self._rec("private_key", v)

    def pw(self, kind=None):
        kind = kind or self.pick(["word", "word", "gen", "phrase", "leet", "pin_word", "gen_url"])
        r = self
        if kind == "word":
            v = r.pick(PW_WORDS) + str(r.ri(10, 2026)) + r.pick("!#$%&*?+=")
        elif kind == "gen":
            v = r.chars(UP + LO + DG, 6) + r.pick("!#%*-_") + r.chars(UP + LO + DG, 9)
        elif kind == "gen_url":
            v = r.chars(UP + LO + DG, 18)
        elif kind == "phrase":
            v = "-".join(r.pick(WORDS) for _ in range(4))
        elif kind == "leet":
            v = r.pick(["P@ssw0rd", "Wint3r", "S3cur3", "L3tm3In", "Adm1n"]) + r.pick(["!", "#", "2026", "_", "$$"]) + str(r.ri(1, 99))
        else:
            v = r.pick(PW_WORDS).lower() + r.pick(["_", ".", ""]) + str(r.ri(100, 9999))
        return self._rec("password", v)

    def mrn(self, kind=None):
        kind = kind or self.pick(["num8", "num7", "E", "dash", "alpha", "num10"])
        v = {"num8": lambda: self.chars(DG, 8), "num7": lambda: str(self.ri(1000000, 9999999)),
             "E": lambda: "E" + self.chars(DG, 7), "dash": lambda: f"{self.ri(10, 99)}-{self.ri(100, 999)}-{self.ri(100, 999)}",
             "alpha": lambda: self.pick(["MR", "BH", "KMC", "HN"]) + self.chars(DG, 7),
             "num10": lambda: "00" + self.chars(DG, 8)}[kind]()
        return self._rec("medical_record_number", v)

    def icd(self, gm=False):
        return self._rec("icd10", self.pick(ICD_GM if gm else ICD))

    def icd_nodot(self):
        return self._rec("icd10", self.pick(ICD).replace(".", ""))

    # ---------- health insurance numbers ----------
    def mbi(self, dashed=False):
        L = "ACDEFGHJKMNPQRTUVWXY"
        A = DG + L
        while True:
            c = [self.pick("123456789"), self.pick(L), self.pick(A), self.pick(DG), self.pick(L), self.pick(A),
                 self.pick(DG), self.pick(L), self.pick(L), self.pick(DG), self.pick(DG)]
            v = "".join(c)
            if v != "1EG4TE5MK73":
                break
        if dashed:
            v = f"{v[:4]}-{v[4:7]}-{v[7:]}"
        return self._rec("health_insurance_number", v)

    def hin(self, kind="us"):
        r = self
        if kind == "us":
            v = r.pick(["XEH", "ZGP", "JQU", "W", "H", "YRK", "MKB", "U"]) + r.chars(DG, 9) + r.pick(["", "", "01", "02"])
        elif kind == "medicaid":
            v = r.chars(UP, 2) + r.chars(DG, 5) + r.pick(UP)
        elif kind == "kvnr":
            while True:
                l = r.pick(UP)
                d8 = r.chars(DG, 8)
                s = f"{ord(l) - 64:02d}" + d8
                tot = 0
                for i, ch in enumerate(s):
                    p = int(ch) * (1 if i % 2 == 0 else 2)
                    tot += p // 10 + p % 10
                v = l + d8 + str(tot % 10)
                break
        elif kind == "ohip":
            while True:
                b = r.chars(DG, 9)
                if b[0] != "0":
                    break
            d = b + luhn_digit(b)
            v = f"{d[:4]}-{d[4:7]}-{d[7:]}-{r.chars('ABCDEFGHJKLMNPRSTVWXYZ', 2)}"
        elif kind == "bcphn":
            while True:
                d = "9" + r.chars(DG, 8)
                w = [2, 4, 8, 5, 10, 9, 7, 3]
                s = sum(int(d[i + 1]) * w[i] % 11 for i in range(8))
                c = 11 - s % 11
                if c < 10:
                    v = f"{d[:4]} {d[4:7]} {d[7:]}{c}"
                    break
        elif kind == "ramq":
            v = f"{r.chars(UP, 4)} {r.ri(40, 99):02d}{r.pick([r.ri(1, 12), r.ri(51, 62)]):02d} {r.ri(1, 28):02d}{r.ri(10, 99)}"
        elif kind == "ahc":
            v = f"{r.ri(10000, 99999)}-{r.ri(1000, 9999)}"
        elif kind == "aumed":
            while True:
                d = str(r.ri(2, 6)) + r.chars(DG, 7)
                w = [1, 3, 7, 9, 1, 3, 7, 9]
                c = sum(int(d[i]) * w[i] for i in range(8)) % 10
                d = d + str(c) + str(r.ri(1, 5))
                v = f"{d[:4]} {d[4:9]} {d[9]}"
                break
        elif kind == "nir":
            sx = r.pick("12")
            base = f"{sx}{r.ri(40, 99):02d}{r.ri(1, 12):02d}{r.pick(['75', '69', '13', '33', '59', '31'])}{r.ri(1, 999):03d}{r.ri(1, 999):03d}"
            k = 97 - int(base) % 97
            v = f"{base[0]} {base[1:3]} {base[3:5]} {base[5:7]} {base[7:10]} {base[10:13]} {k:02d}"
        elif kind == "svnr":
            while True:
                ser = r.chars(DG, 3)
                if ser[0] == "0":
                    continue
                dt = f"{r.ri(1, 28):02d}{r.ri(1, 12):02d}{r.ri(40, 99):02d}"
                w = [3, 7, 9, 5, 8, 4, 2, 1, 6]
                s9 = ser + dt
                c = sum(int(s9[i]) * w[i] for i in range(9)) % 11
                if c < 10:
                    v = f"{ser}{c} {dt}"
                    break
        elif kind == "taj":
            d = r.chars(DG, 8)
            c = sum(int(d[i]) * (3 if i % 2 == 0 else 7) for i in range(8)) % 10
            d += str(c)
            v = f"{d[:3]} {d[3:6]} {d[6:]}"
        elif kind == "ch":
            v = "80756" + r.chars(DG, 5) + r.chars(DG, 10)
        elif kind == "cz":
            while True:
                yy, mm, dd = r.ri(54, 99), r.pick([r.ri(1, 12), r.ri(51, 62)]), r.ri(1, 28)
                base = f"{yy:02d}{mm:02d}{dd:02d}{r.ri(0, 999):03d}"
                c = int(base) % 11
                if c < 10:
                    v = f"{base[:6]}/{base[6:]}{c}"
                    break
        elif kind == "tw":
            v = f"{r.num(4, '0')} {r.chars(DG, 4)} {r.chars(DG, 4)}"
        elif kind == "abha":
            v = f"91-{r.chars(DG, 4)}-{r.chars(DG, 4)}-{r.chars(DG, 4)}"
        elif kind == "cns":
            while True:
                pis = r.pick("12") + r.chars(DG, 10)
                s = sum(int(pis[i]) * (15 - i) for i in range(11))
                dv = 11 - s % 11
                if dv == 11:
                    dv = 0
                if dv == 10:
                    continue
                d = pis + "000" + str(dv)
                v = f"{d[:3]} {d[3:7]} {d[7:11]} {d[11:]}"
                break
        elif kind == "ehic":
            v = "80" + r.pick(["276", "040", "250", "380", "724", "616"]) + r.chars(DG, 15)
        elif kind == "policy":
            v = r.pick(["POL-", "PN", "HLT-", "GHP"]) + r.chars(DG, 9)
        elif kind == "pt":
            v = r.chars(DG, 9)
        elif kind == "ie":
            v = r.chars(DG, 7) + r.pick(UP)
        elif kind == "nl_member":
            v = r.chars(DG, 9)
        else:
            raise KeyError(kind)
        return self._rec("health_insurance_number", v)


REG = []


def T(tag):
    def deco(fn):
        REG.append((tag, fn))
        return fn
    return deco


def _sec(self, v, t="api_key"):
    return self._rec(t, v)


G.sec = _sec
