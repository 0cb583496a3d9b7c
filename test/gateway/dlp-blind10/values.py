"""Synthetic value generators for the blind10 corpus (standard library only)."""
import base64
import json
import string

UPPER = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
HEXD = "0123456789abcdef"

FIRST = ["Maren", "Tobias", "Ines", "Ravi", "Keiko", "Olusegun", "Freya", "Dario", "Anouk", "Hamid",
         "Priya", "Lukas", "Camille", "Tomasz", "Ayesha", "Bruno", "Signe", "Mateo", "Yuki", "Esther",
         "Farid", "Greta", "Joaquin", "Lindiwe", "Otto", "Paulina", "Rosalind", "Sven", "Thandiwe", "Wendell"]
LAST = ["Okafor", "Lindqvist", "Marchetti", "Haldane", "Vasquez", "Brenner", "Takahashi", "Oyelaran",
        "Duchamp", "Kowalczyk", "Ferreira", "Nakamura", "Abernathy", "Quintero", "Halvorsen", "Mbeki",
        "Castellano", "Petrov", "Whitcombe", "Sandoval", "Iversen", "Ruiz-Tagle", "Dimitriou", "Achterberg"]
DOMAINS = ["lakeview-clinic.org", "northwindmed.com", "harborbank.co", "tallgrass-hr.com", "quillmail.net",
           "brightpath.io", "kestrel-logistics.com", "example-insure.com", "mapleleaf-health.ca",
           "fjordpost.no", "sonnenhof-praxis.de", "clinique-iris.fr", "pinecrest.edu", "orbitel.co.uk",
           "azulfarma.es", "sakura-iin.jp", "greenfield-pharmacy.com", "coralreef-travel.au"]
CITIES = ["Springfield", "Riverton", "Oakdale", "Fairview", "Millbrook", "Lakemont", "Ashford", "Brookhaven"]
STREETS = ["Elm St", "Harbor Rd", "Birch Ave", "Mill Lane", "Quarry Way", "Station Rd", "Linden Blvd"]
ICD10 = ["E11.9", "I10", "J45.909", "M54.50", "F32.9", "Z00.00", "K21.9", "N39.0", "R07.9", "E78.5",
         "J06.9", "S52.501A", "Z23", "G43.909", "F41.1", "M17.11", "I25.10", "E66.9", "R51.9", "L40.0",
         "H40.1131", "C50.911", "U07.1", "Z79.4", "E03.9", "K58.9", "N18.30", "J18.9", "A09", "R10.9",
         "I48.91", "M79.7", "G47.33", "F90.0", "T78.40XA", "Z87.891", "E55.9", "O24.410", "J44.1", "M81.0",
         "K57.30", "R73.03", "E11.65", "I50.9", "F17.210", "S83.511A", "H52.13", "N40.0", "D64.9", "B35.1"]
US_AREAS = ["212", "312", "415", "617", "206", "303", "512", "404", "713", "602", "919", "503", "614", "702"]
AU_FICT = ["0491 570 006", "0491 570 156", "0491 570 157", "0491 570 737", "0491 571 266", "0491 571 491",
           "0491 572 549", "0491 572 665", "0491 572 983", "0491 573 770", "0491 573 087", "0491 574 118"]


def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body):
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def issuer_ok(s):
    """Broad issuer test used both for positives and to police negatives."""
    n = len(s)
    p2, p3, p4 = int(s[:2]), int(s[:3]), int(s[:4])
    if s[0] == "4" and n in (13, 16, 19):
        return True
    if 51 <= p2 <= 55 and n == 16:
        return True
    if 2221 <= p4 <= 2720 and n == 16:
        return True
    if p2 in (34, 37) and n == 15:
        return True
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65) and 16 <= n <= 19:
        return True
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return True
    if (p2 in (36, 38, 39) or 300 <= p3 <= 305) and 14 <= n <= 19:
        return True
    if p2 == 62 and 16 <= n <= 19:
        return True
    return False


def ssn_valid(s):
    a, g, sr = s[:3], s[3:5], s[5:]
    return a not in ("000", "666") and int(a) < 900 and g != "00" and sr != "0000"


def mbi_ok(m):
    alpha = "ACDEFGHJKMNPQRTUVWXY"
    if len(m) != 11:
        return False
    num = lambda c: c.isdigit()
    al = lambda c: c in alpha
    an = lambda c: c.isdigit() or c in alpha
    rules = [lambda c: c in "123456789", al, an, num, al, an, num, al, al, num, num]
    return all(r(c) for r, c in zip(rules, m))


def kvnr_check(letter, digits8):
    s = "%02d" % (ord(letter) - 64) + digits8
    total = 0
    for i, ch in enumerate(s):
        p = int(ch) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return str(total % 10)


class Gen:
    def __init__(self, rng):
        self.r = rng

    def digits(self, n, first_nonzero=False):
        r = self.r
        s = "".join(r.choice(string.digits) for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = r.choice("123456789") + s[1:]
        return s

    def chars(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    # ---- cards
    def card(self, kind=None):
        r = self.r
        kind = kind or r.choice(["visa", "visa", "mc", "mc2", "amex", "disc", "jcb", "diners", "cup"])
        pre, n = {"visa": (r.choice(["4", "45", "49", "41"]), 16),
                  "mc": (r.choice(["51", "52", "53", "54", "55"]), 16),
                  "mc2": (str(r.randint(2221, 2720)), 16),
                  "amex": (r.choice(["34", "37"]), 15),
                  "disc": (r.choice(["6011", "65", "644", "649"]), 16),
                  "jcb": (str(r.randint(3528, 3589)), 16),
                  "diners": ("36", 14),
                  "cup": ("62", 16)}[kind]
        body = pre + self.digits(n - len(pre) - 1)
        c = luhn_complete(body)
        assert luhn_ok(c) and issuer_ok(c)
        return c

    def nonluhn(self, n, first=None):
        while True:
            s = (first or self.r.choice("123456789")) + self.digits(n - 1)
            if not luhn_ok(s):
                return s

    @staticmethod
    def group(c, sep=" "):
        if len(c) == 15:
            return sep.join([c[:4], c[4:10], c[10:]])
        if len(c) == 14:
            return sep.join([c[:4], c[4:10], c[10:]])
        return sep.join(c[i:i + 4] for i in range(0, len(c), 4))

    def cvv(self):
        return self.digits(3)

    def cid(self):
        return self.digits(4, True)

    # ---- people / ids
    def ssn(self):
        r = self.r
        while True:
            a = "%03d" % r.randint(1, 899)
            if a == "666":
                continue
            s = a + "%02d" % r.randint(1, 99) + "%04d" % r.randint(1, 9999)
            assert ssn_valid(s)
            return s

    def name(self):
        return self.r.choice(FIRST) + " " + self.r.choice(LAST)

    def email(self, first=None, last=None):
        r = self.r
        f = (first or r.choice(FIRST)).lower()
        l = (last or r.choice(LAST)).lower().replace("-", "")
        local = r.choice([f + "." + l, f[0] + l, f + "_" + l[:3], f + l[:1] + str(r.randint(2, 98)), "billing", "hr-team", "no-reply"])
        return local + "@" + r.choice(DOMAINS)

    # ---- phones (fictional ranges only)
    def phone_us(self):
        r = self.r
        a, x = r.choice(US_AREAS), "%02d" % r.randint(0, 99)
        return r.choice(["(%s) 555-01%s", "%s-555-01%s", "+1 %s 555 01%s", "%s.555.01%s", "+1%s55501%s", "1-%s-555-01%s"]) % (a, x)

    def phone_uk(self):
        r = self.r
        return r.choice(["020 7946 0%03d", "+44 20 7946 0%03d", "07700 900%03d", "+44 7700 900%03d", "0113 496 0%03d", "0161 496 0%03d"]) % r.randint(0, 999)

    def phone_fr(self):
        return "+33 1 99 00 %02d %02d" % (self.r.randint(0, 99), self.r.randint(0, 99)) if self.r.random() < .5 else "01 99 00 %02d %02d" % (self.r.randint(0, 99), self.r.randint(0, 99))

    def phone_de(self):
        return self.r.choice(["+49 30 5550 %04d", "030 5550%04d", "+49 89 5550-%04d", "0176 5550 %04d"]) % self.r.randint(0, 9999)

    def phone_au(self):
        r = self.r
        return r.choice(AU_FICT) if r.random() < .6 else "(02) 5550 %04d" % r.randint(0, 9999)

    def phone_jp(self):
        return self.r.choice(["03-5550-%04d", "090-5550-%04d", "06-5550-%04d", "+81 3-5550-%04d"]) % self.r.randint(0, 9999)

    def phone_other(self):
        r = self.r
        return r.choice(["+34 655 50%s %s" % (self.digits(1), self.digits(3)), "+39 347 555 %s" % self.digits(4),
                         "+31 6 5550 %s" % self.digits(4), "+91 98555 %s" % self.digits(5),
                         "+55 11 95550-%s" % self.digits(4), "+52 55 5550 %s" % self.digits(4),
                         "+27 82 555 %s" % self.digits(4), "+46 70 555 %s" % self.digits(4)])

    # ---- aws / keys
    def akia(self, pre="AKIA"):
        return pre + self.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)

    def aws_secret(self):
        return self.chars(B64, 40)

    def api_key(self, kind=None):
        r = self.r
        kind = kind or r.choice(["gh", "ghpat", "stripe", "rk", "slack", "sg", "goog", "openai", "ant", "twilio", "npm", "glpat",
                                 "dd", "mailgun", "shopify", "hf", "do", "hex32", "hex40", "b64", "nr", "linear", "vault", "azure", "pypi"])
        c = self.chars
        return {
            "gh": lambda: "ghp_" + c(ALNUM, 36),
            "ghpat": lambda: "github_pat_11" + c(UPPER + string.digits, 20) + "_" + c(ALNUM, 59),
            "stripe": lambda: "sk_live_51" + c(ALNUM, 96),
            "rk": lambda: "rk_live_51" + c(ALNUM, 60),
            "slack": lambda: "xoxb-" + self.digits(11, True) + "-" + self.digits(13, True) + "-" + c(ALNUM, 24),
            "sg": lambda: "SG." + c(B64URL, 22) + "." + c(B64URL, 43),
            "goog": lambda: "AIza" + c(B64URL, 35),
            "openai": lambda: "sk-proj-" + c(B64URL, 64),
            "ant": lambda: "sk-ant-api03-" + c(B64URL, 93) + "AA",
            "twilio": lambda: c(HEXD, 32),
            "npm": lambda: "npm_" + c(ALNUM, 36),
            "glpat": lambda: "glpat-" + c(B64URL, 20),
            "dd": lambda: c(HEXD, 32),
            "mailgun": lambda: "key-" + c(HEXD, 32),
            "shopify": lambda: "shpat_" + c(HEXD, 32),
            "hf": lambda: "hf_" + c(ALNUM, 34),
            "do": lambda: "dop_v1_" + c(HEXD, 64),
            "hex32": lambda: c(HEXD, 32),
            "hex40": lambda: c(HEXD, 40),
            "b64": lambda: c(ALNUM, 40),
            "nr": lambda: "NRAK-" + c(UPPER + string.digits, 27),
            "linear": lambda: "lin_api_" + c(ALNUM, 40),
            "vault": lambda: "hvs." + c(ALNUM + "_-", 90),
            "azure": lambda: c(B64, 86) + "==",
            "pypi": lambda: "pypi-AgEIcHlwaS5vcmc" + c(B64URL, 60),
        }[kind]()

    def pem(self, kind=None, lines=6):
        r = self.r
        kind = kind or r.choice(["rsa", "pkcs8", "ec", "openssh", "enc"])
        label, prefix = {"rsa": ("RSA PRIVATE KEY", "MIIEowIBAAKCAQEA"),
                         "pkcs8": ("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"),
                         "ec": ("EC PRIVATE KEY", "MHcCAQEEI"),
                         "openssh": ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"),
                         "enc": ("ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI")}[kind]
        body = prefix + self.chars(B64, 64 * lines - len(prefix) - 20) + self.chars(B64, 16) + "===="[:0]
        blines = [body[i:i + 64] for i in range(0, len(body), 64)]
        return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, "\n".join(blines), label)

    def jwt(self):
        r = self.r
        alg = r.choice(["HS256", "RS256", "ES256"])
        hdr = {"alg": alg, "typ": "JWT"}
        if alg != "HS256":
            hdr["kid"] = self.chars(ALNUM, 12)
        now = 1796000000 + r.randint(0, 9000000)
        pl = {"sub": "usr_" + self.chars(ALNUM, 14), "iat": now, "exp": now + r.choice([900, 3600, 86400]),
              "scope": r.choice(["read write", "openid profile", "api:orders", "claims.read"])}
        e = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
        sig = self.chars(B64URL, {"HS256": 43, "RS256": 342, "ES256": 86}[alg])
        return e(hdr) + "." + e(pl) + "." + sig

    def password(self):
        r = self.r
        words = ["Harbor", "Maple", "Quartz", "Tundra", "Falcon", "Juniper", "Cobalt", "Saffron", "Orchid", "Granite", "Velvet", "Pepper"]
        k = r.randint(0, 4)
        if k == 0:
            return r.choice(words) + str(r.randint(1970, 2026)) + r.choice("!#$%*?")
        if k == 1:
            return self.chars(ALNUM + "!#$%*-_.+=?", r.randint(12, 20))
        if k == 2:
            return "-".join(r.choice(words).lower() for _ in range(3)) + str(r.randint(1, 99))
        if k == 3:
            return r.choice(words) + r.choice(".-_") + self.chars(ALNUM, 6) + str(r.randint(10, 99))
        return self.chars(string.ascii_lowercase, 4) + self.digits(4) + r.choice(words) + "!"

    # ---- health identifiers
    def mrn(self):
        return self.digits(self.r.choice([7, 8, 8, 9, 10]))

    def mrn_alpha(self):
        return self.r.choice("EMKZV") + self.digits(7)

    def us_member(self):
        r = self.r
        k = r.randint(0, 4)
        if k == 0:
            return "W" + self.digits(9, True)
        if k == 1:
            return self.chars("ABCDEFGHJKLMNPRSTUVWXYZ", 3) + self.digits(9, True)
        if k == 2:
            return self.digits(9, True) + "0" + str(r.randint(1, 4))
        if k == 3:
            return "H" + self.digits(8, True)
        return "M" + self.digits(8, True) + "0" + str(r.randint(1, 3))

    def mbi(self):
        r = self.r
        alpha = "ACDEFGHJKMNPQRTUVWXY"
        an = alpha + string.digits
        m = (r.choice("123456789") + r.choice(alpha) + r.choice(an) + r.choice(string.digits) + r.choice(alpha)
             + r.choice(an) + r.choice(string.digits) + r.choice(alpha) + r.choice(alpha) + r.choice(string.digits) + r.choice(string.digits))
        assert mbi_ok(m)
        return m

    def kvnr(self):
        letter = self.r.choice(UPPER)
        d = self.digits(8, True)
        return letter + d + kvnr_check(letter, d)

    def nir(self):
        r = self.r
        base = r.choice("12") + "%02d" % r.randint(40, 99) + "%02d" % r.randint(1, 12) + "%02d" % r.randint(1, 95) + self.digits(3) + self.digits(3)
        key = 97 - int(base) % 97
        return base + "%02d" % key

    def au_medicare(self):
        r = self.r
        d = str(r.randint(2, 6)) + self.digits(7)
        chk = sum(int(a) * w for a, w in zip(d, [1, 3, 7, 9, 1, 3, 7, 9])) % 10
        return d + str(chk) + str(r.randint(1, 9))

    def ohip(self):
        return luhn_complete(self.r.choice("123456789") + self.digits(8))

    def cin(self):
        return self.chars("ABCDEFGHJKLMNPRSTUVWXYZ", 2) + self.digits(5) + self.r.choice(UPPER)

    def icd(self):
        return self.r.choice(ICD10)
