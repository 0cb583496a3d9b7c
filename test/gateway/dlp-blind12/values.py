"""Synthetic value generators for dlp-blind12 (structurally valid, fictional)."""
import base64, json, string

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
B64U = string.ascii_letters + string.digits + "-_"


def luhn_ok(d):
    s = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        s += n
    return s % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c
    raise AssertionError


def issuer(d):
    n = len(d)
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if n == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720):
        return "mastercard"
    if n == 15 and d[:2] in ("34", "37"):
        return "amex"
    if n in (16, 19) and (d[:4] == "6011" or d[:2] == "65" or 644 <= int(d[:3]) <= 649):
        return "discover"
    if n in (16, 19) and 3528 <= int(d[:4]) <= 3589:
        return "jcb"
    if n == 14 and (d[:2] in ("36", "38", "39") or 300 <= int(d[:3]) <= 305):
        return "diners"
    if n in (16, 17, 18, 19) and d[:2] == "62":
        return "unionpay"
    if n in (12, 13, 14, 15, 16, 17, 18, 19) and d[:4] in ("5018", "5020", "5038", "6304", "6759", "6761", "6763"):
        return "maestro"
    return None


class V:
    def __init__(self, rng):
        self.r = rng

    def digits(self, n, first="0123456789"):
        return self.r.choice(first) + "".join(self.r.choice("0123456789") for _ in range(n - 1))

    def chars(self, n, alphabet=ALNUM):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    # ---- cards -------------------------------------------------------
    def card_digits(self, brand=None):
        r = self.r
        brand = brand or r.choice(["visa", "visa", "mc", "mc", "amex", "discover", "jcb", "diners", "unionpay", "mc2"])
        if brand == "visa":
            p, n = "4" + self.digits(5), 16
        elif brand == "mc":
            p, n = str(r.randint(51, 55)) + self.digits(4), 16
        elif brand == "mc2":
            p, n = str(r.randint(2221, 2720)) + self.digits(2), 16
        elif brand == "amex":
            p, n = r.choice(["34", "37"]) + self.digits(4), 15
        elif brand == "discover":
            p, n = r.choice(["6011", "65" + self.digits(2)]), 16
        elif brand == "jcb":
            p, n = str(r.randint(3528, 3589)), 16
        elif brand == "diners":
            p, n = r.choice(["36", "38", "300", "305"]), 14
        else:
            p, n = "62" + self.digits(4), 16
        d = luhn_complete(p + self.digits(n - len(p) - 1))
        assert issuer(d), d
        return d

    def card(self, style=None):
        d = self.card_digits()
        style = style if style is not None else self.r.choice(["plain", "space", "space", "dash"])
        return self.group(d, style)

    def group(self, d, style):
        if style == "plain":
            return d
        sep = " " if style == "space" else "-"
        if len(d) == 15:
            parts = [d[:4], d[4:10], d[10:]]
        elif len(d) == 14:
            parts = [d[:4], d[4:10], d[10:]]
        else:
            parts = [d[i:i + 4] for i in range(0, len(d), 4)]
        return sep.join(parts)

    def luhn_fail16(self):
        while True:
            d = self.digits(16, "123456789")
            if not luhn_ok(d):
                return d

    def cvv(self, amex=False):
        return self.digits(4 if amex else 3)

    def expiry(self):
        r = self.r
        return "%02d/%02d" % (r.randint(1, 12), r.randint(27, 32))

    # ---- ssn -----------------------------------------------------------
    def ssn(self, sep="-"):
        r = self.r
        while True:
            a = r.randint(1, 899)
            if a == 666:
                continue
            g = r.randint(1, 99)
            s = r.randint(1, 9999)
            v = "%03d%s%02d%s%04d" % (a, sep, g, sep, s)
            if v.replace(sep, "") in ("078051120", "219099999", "123456789"):
                continue
            return v

    # ---- contact -------------------------------------------------------
    def phone(self, country="US"):
        r = self.r
        n2 = "%02d" % r.randint(0, 99)
        if country == "US":
            area = r.choice(["212", "312", "415", "503", "617", "702", "808", "919", "206", "303"])
            return r.choice(["(%s) 555-01%s", "%s-555-01%s", "+1 %s 555 01%s", "%s.555.01%s"]) % (area, n2)
        if country == "UK":
            return r.choice(["07700 900%03d" % r.randint(0, 999), "020 7946 0%03d" % r.randint(0, 999),
                             "+44 113 496 0%03d" % r.randint(0, 999), "+44 7700 900%03d" % r.randint(0, 999)])
        if country == "FR":
            return r.choice(["01 99 00 %02d %02d", "+33 1 99 00 %02d %02d", "06 39 98 %02d %02d"]) % (r.randint(0, 99), r.randint(0, 99))
        if country == "AU":
            return r.choice(["0491 570 %03d", "+61 491 570 %03d", "(02) 5550 %04d"]) % (r.randint(0, 999) if True else 0) if False else \
                r.choice(["0491 570 %03d" % r.randint(0, 999), "+61 491 570 %03d" % r.randint(0, 999), "(02) 5550 %04d" % r.randint(0, 9999)])
        if country == "DE":
            return r.choice(["+49 30 %d" % r.randint(23125000, 23125999), "030 %d" % r.randint(23125000, 23125999),
                             "+49 171 39%05d" % r.randint(0, 99999), "0152 2%06d" % r.randint(0, 999999)])
        if country == "ES":
            return r.choice(["+34 600 %03d %03d", "912 %03d %03d"]) % (r.randint(0, 999), r.randint(0, 999))
        if country == "IT":
            return "+39 06 %04d %04d" % (r.randint(0, 9999), r.randint(0, 9999))
        if country == "NL":
            return r.choice(["06 %08d" % r.randint(10000000, 99999999), "+31 20 %03d %04d" % (r.randint(0, 999), r.randint(0, 9999))])
        if country == "BR":
            return "+55 11 9%04d-%04d" % (r.randint(0, 9999), r.randint(0, 9999))
        if country == "JP":
            return r.choice(["090-%04d-%04d", "03-%04d-%04d"]) % (r.randint(0, 9999), r.randint(0, 9999))
        if country == "SE":
            return "070-%03d %02d %02d" % (r.randint(0, 999), r.randint(0, 99), r.randint(0, 99))
        if country == "PL":
            return "+48 5%02d %03d %03d" % (r.randint(0, 99), r.randint(0, 999), r.randint(0, 999))
        if country == "CA":
            return "(%s) 555-01%s" % (r.choice(["416", "604", "514", "613"]), n2)
        if country == "MX":
            return "+52 55 %04d %04d" % (r.randint(0, 9999), r.randint(0, 9999))
        return "+1 202 555 01%s" % n2

    def email(self, first, last, domain):
        r = self.r
        f = "".join(c for c in fold(first).lower() if c.isalnum()) or "kim"
        l = "".join(c for c in fold(last).lower() if c.isalnum()) or "lee"
        local = r.choice([f + "." + l, f[0] + l, f + "_" + l, l + "." + f[0], f + str(r.randint(1, 99))])
        return local + "@" + domain

    # ---- credentials ---------------------------------------------------
    def password(self):
        r = self.r
        words = ["Harbor", "violet", "Quartz", "maple", "Tundra", "copper", "Falcon", "ember", "Saffron", "glacier",
                 "Orbit", "thistle", "Marlin", "juniper", "Cobalt", "lantern", "Pepper", "walnut", "Zephyr", "onyx",
                 "Sommer", "Kirsche", "soleil", "Lumiere", "verano", "Girasol", "tulp", "Fiets", "sakura", "Nebbia"]
        style = r.randint(0, 4)
        sym = "!#$%*+=?^~-_."
        if style == 0:
            return r.choice(words) + r.choice(sym) + str(r.randint(10, 9999)) + r.choice(words).lower()
        if style == 1:
            return self.chars(r.randint(14, 24), ALNUM + "!#%*+=?^~-_")
        if style == 2:
            return "-".join(r.choice(words).lower() for _ in range(3)) + str(r.randint(1, 99))
        if style == 3:
            return r.choice(words) + str(r.randint(1970, 2031)) + r.choice(sym)
        return self.chars(4, string.ascii_uppercase) + self.chars(3, string.digits) + r.choice(sym) + self.chars(5, string.ascii_lowercase) + r.choice(sym)

    def aws_id(self, sts=False):
        return ("ASIA" if sts else "AKIA") + self.chars(16, string.ascii_uppercase + "234567")

    def aws_secret(self):
        return self.chars(40, string.ascii_letters + string.digits + "+/")

    def api_key(self, kind=None):
        r = self.r
        kinds = ["ghp", "gh_fine", "glpat", "slack_bot", "slack_user", "stripe_sk", "stripe_rk", "sendgrid", "twilio_sk",
                 "google", "openai", "anthropic", "npm", "pypi", "mailgun", "shopify", "datadog", "hf", "digitalocean",
                 "square", "telegram", "linear", "vault", "doppler", "atlassian", "azure_storage", "postman", "gcp_oauth",
                 "newrelic", "sentry_auth", "mapbox_pk", "algolia_admin", "heroku_hex", "okta", "pagerduty", "circleci"]
        kind = kind or r.choice(kinds)
        c = self.chars
        if kind == "ghp":
            return "ghp_" + c(36)
        if kind == "gh_fine":
            return "github_pat_11" + c(20, string.ascii_uppercase + string.digits) + "_" + c(59)
        if kind == "glpat":
            return "glpat-" + c(20, ALNUM + "-_")
        if kind == "slack_bot":
            return "xoxb-%s-%s-%s" % (self.digits(11, "123"), self.digits(13, "123"), c(24))
        if kind == "slack_user":
            return "xoxp-%s-%s-%s-%s" % (self.digits(11, "123"), self.digits(11, "123"), self.digits(13, "123"), c(32, HEX))
        if kind == "stripe_sk":
            return "sk_live_" + r.choice(["51", ""]) + c(r.choice([24, 32, 99]))
        if kind == "stripe_rk":
            return "rk_live_51" + c(96)
        if kind == "sendgrid":
            return "SG." + c(22, B64U) + "." + c(43, B64U)
        if kind == "twilio_sk":
            return "SK" + c(32, HEX)
        if kind == "google":
            return "AIza" + c(35, B64U)
        if kind == "openai":
            return "sk-proj-" + c(58, B64U) + "T3BlbkFJ" + c(58, B64U)
        if kind == "anthropic":
            return "sk-ant-api03-" + c(93, B64U) + "AA"
        if kind == "npm":
            return "npm_" + c(36)
        if kind == "pypi":
            return "pypi-AgEIcHlwaS5vcmc" + c(70, B64U)
        if kind == "mailgun":
            return "key-" + c(32, HEX)
        if kind == "shopify":
            return r.choice(["shpat_", "shpca_", "shppa_"]) + c(32, HEX)
        if kind == "datadog":
            return c(32, HEX)
        if kind == "hf":
            return "hf_" + c(34)
        if kind == "digitalocean":
            return "dop_v1_" + c(64, HEX)
        if kind == "square":
            return "EAAA" + c(60, B64U)
        if kind == "telegram":
            return "%s:AA%s" % (self.digits(10, "5678"), c(33, B64U))
        if kind == "linear":
            return "lin_api_" + c(40)
        if kind == "vault":
            return "hvs." + c(24)
        if kind == "doppler":
            return "dp.st.prd." + c(43)
        if kind == "atlassian":
            return "ATATT3xFfGF0" + c(180, B64U) + "=" + c(8, string.ascii_uppercase + string.digits)
        if kind == "azure_storage":
            return c(86, B64) + "=="
        if kind == "postman":
            return "PMAK-" + c(24, HEX) + "-" + c(34, HEX)
        if kind == "gcp_oauth":
            return "ya29.a0" + c(150, B64U)
        if kind == "newrelic":
            return "NRAK-" + c(27, string.ascii_uppercase + string.digits)
        if kind == "sentry_auth":
            return "sntrys_eyJpYXQiOjE3" + c(60, B64U)
        if kind == "mapbox_pk":
            return "sk." + c(60, B64U) + "." + c(22, B64U)
        if kind == "algolia_admin":
            return c(32, HEX)
        if kind == "heroku_hex":
            return "HRKU-AA" + c(58, B64U)
        if kind == "okta":
            return "00" + c(40, B64U)
        if kind == "pagerduty":
            return "u+" + c(18, B64U)
        if kind == "circleci":
            return "CCIPAT_" + c(22) + "_" + c(40, HEX)
        raise KeyError(kind)

    def jwt(self, iss="https://auth.internal.example"):
        r = self.r
        alg = r.choice(["HS256", "RS256", "ES256", "HS512"])
        hdr = {"alg": alg, "typ": "JWT"}
        if alg != "HS256":
            hdr["kid"] = self.chars(16, HEX)
        iat = r.randint(1767000000, 1790000000)
        pl = {"sub": self.chars(r.choice([8, 24]), string.digits + string.ascii_lowercase), "iat": iat,
              "exp": iat + r.choice([900, 3600, 86400]), "iss": iss}
        if r.random() < 0.6:
            pl["scope"] = r.choice(["read write", "claims:read", "openid profile", "payroll.read", "admin"])
        e = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
        siglen = {"HS256": 43, "HS512": 86, "RS256": 342, "ES256": 86}[alg]
        return e(hdr) + "." + e(pl) + "." + self.chars(siglen, B64U)

    def pem(self, kind=None, escaped=False):
        r = self.r
        kind = kind or r.choice(["rsa", "pkcs8", "ec", "openssh", "encrypted"])
        if kind == "rsa":
            head, body0, lines = "RSA PRIVATE KEY", "MIIEowIBAAKCAQEA", 25
        elif kind == "pkcs8":
            head, body0, lines = "PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", 25
        elif kind == "ec":
            head, body0, lines = "EC PRIVATE KEY", "MHcCAQEEI", 3
        elif kind == "openssh":
            head, body0, lines = "OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", 5
        else:
            head, body0, lines = "ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI", 27
        body = body0 + self.chars(lines * 64 - len(body0) - r.randint(4, 40), B64)
        if kind == "ec":
            body = body[:len(body) - len(body) % 4]
        ls = [body[i:i + 64] for i in range(0, len(body), 64)]
        nl = "\\n" if escaped else "\n"
        return "-----BEGIN %s-----%s%s%s-----END %s-----" % (head, nl, nl.join(ls), nl, head)

    # ---- health ----------------------------------------------------------
    def mbi(self):
        r = self.r
        A = "ACDEFGHJKMNPQRTUVWXY"
        AN = A + "0123456789"
        d = "0123456789"
        p = [r.choice("123456789"), r.choice(A), r.choice(AN), r.choice(d), r.choice(A), r.choice(AN),
             r.choice(d), r.choice(A), r.choice(A), r.choice(d), r.choice(d)]
        s = "".join(p)
        return s if r.random() < 0.6 else s[:4] + "-" + s[4:7] + "-" + s[7:]

    def kvnr(self):
        r = self.r
        letter = r.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ")
        body = self.digits(8)
        n = "%02d" % (ord(letter) - 64) + body
        tot = 0
        for i, c in enumerate(n):
            p = int(c) * (1 if i % 2 == 0 else 2)
            tot += p // 10 + p % 10
        return letter + body + str(tot % 10)

    def nhs(self, spaced=True):
        r = self.r
        while True:
            d = self.digits(9, "4")  # 4xx ranges are issued in England
            s = sum(int(c) * (10 - i) for i, c in enumerate(d))
            chk = 11 - s % 11
            if chk == 11:
                chk = 0
            if chk == 10:
                continue
            n = d + str(chk)
            return n[:3] + " " + n[3:6] + " " + n[6:] if spaced else n

    def au_medicare(self):
        r = self.r
        d = self.digits(8, "23456")
        w = [1, 3, 7, 9, 1, 3, 7, 9]
        chk = sum(int(c) * w[i] for i, c in enumerate(d)) % 10
        n = d + str(chk) + str(r.randint(1, 5))
        return n[:4] + " " + n[4:9] + " " + n[9] if r.random() < 0.7 else n

    def ohip(self):
        r = self.r
        d = luhn_complete(self.digits(9, "123456789"))
        ver = self.chars(2, "ABCDEFGHJKLMNPRSTVWXYZ")
        return "%s-%s-%s-%s" % (d[:4], d[4:7], d[7:], ver) if r.random() < 0.6 else d + " " + ver

    def br_cns(self):
        r = self.r
        while True:
            pis = self.digits(11, "12")
            s = sum(int(c) * (15 - i) for i, c in enumerate(pis))
            dv = 11 - s % 11
            if dv == 11:
                dv = 0
            if dv == 10:
                s += 2
                dv = 11 - s % 11
                res = pis + "001" + str(dv)
            else:
                res = pis + "000" + str(dv)
            if len(res) == 15:
                tot = sum(int(c) * (15 - i) for i, c in enumerate(res))
                if tot % 11 == 0:
                    return res[:3] + " " + res[3:7] + " " + res[7:11] + " " + res[11:]

    def us_member(self):
        r = self.r
        return r.choice([
            lambda: self.chars(3, "BCDFGHJKLMNPQRSTVWXZ") + self.digits(9),
            lambda: "W" + self.digits(9),
            lambda: self.chars(1, "HJKMU") + self.digits(8) + "-0" + str(r.randint(1, 4)),
            lambda: "ZGP" + self.digits(8) + "0" + str(r.randint(1, 3)),
            lambda: self.chars(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + self.digits(5) + self.chars(1, "ABCDEFGHJKLMNPRSTUVWXYZ"),  # NY Medicaid CIN
            lambda: self.mbi(),
        ])()

    def hin(self, country):
        r = self.r
        if country == "US":
            return self.us_member()
        if country == "DE":
            return self.kvnr()
        if country == "UK":
            return self.nhs()
        if country == "AU":
            return self.au_medicare()
        if country == "CA":
            return self.ohip()
        if country == "BR":
            return self.br_cns()
        if country == "ES":
            return "AN" + self.digits(10, "01")
        if country == "NL":
            return self.digits(9, "123456789")
        if country == "FR":
            return "MUT" + self.digits(8) + self.chars(1, "ABCDEFGHJK")
        if country == "JP":
            return self.digits(8, "123")
        if country == "IT":
            return "TS" + self.digits(8)
        if country == "SE":
            return "FK" + self.digits(9)
        if country == "PL":
            return "NFZ-" + self.digits(9)
        if country == "MX":
            return self.digits(11, "123")
        return self.us_member()

    def mrn(self, country="US", style=None):
        r = self.r
        opts = [
            lambda: self.digits(8, "123456789"),
            lambda: "E" + self.digits(7),
            lambda: "M" + self.digits(8, "0"),
            lambda: self.digits(3) + "-" + self.digits(2) + "-" + self.digits(2) if False else self.digits(2) + "-" + self.digits(6),
            lambda: "MRN" + self.digits(7),
            lambda: self.digits(10, "123456789"),
            lambda: "H" + self.digits(6) + self.chars(1, "ABCDEFGHJK"),
            lambda: self.digits(7, "123456789"),
        ]
        return (opts[style % len(opts)] if style is not None else r.choice(opts))()


ICD10_CM = ["E11.9", "E11.65", "I10", "J45.909", "J44.1", "N18.30", "F32.9", "F41.1", "M54.50", "K21.9", "E78.5",
            "I25.10", "Z00.00", "R51.9", "S72.001A", "O80", "C50.911", "G43.909", "L40.0", "E66.9", "I48.91", "J18.9",
            "N39.0", "K35.80", "A09", "B34.9", "H10.9", "M17.11", "R07.9", "Z23", "E03.9", "D64.9", "I50.9", "J06.9",
            "K52.9", "F90.0", "G47.33", "M81.0", "C34.90", "E55.9", "R10.9", "M25.561", "S06.0X0A", "Z79.4", "E87.1",
            "I63.9", "N17.9", "T78.40XA", "Z51.11", "F10.20", "G40.909", "H52.4", "L03.115", "J20.9", "R53.83"]
ICD10_WHO = ["E11.9", "I10", "J45.9", "F32.1", "K29.7", "M54.5", "N39.0", "J18.9", "I21.4", "E78.0", "C18.7",
             "F33.2", "G35", "I48.0", "K80.2", "O24.4", "S82.2", "Z38.0", "A41.9", "B18.2", "D50.9", "E10.9",
             "H25.1", "J03.9", "K57.3", "L20.9", "M16.1", "N20.0", "R50.9", "T81.4"]
ICD10_GM = ["E11.90", "I10.00", "J45.0", "F32.1", "M54.4", "K29.7", "N39.0", "I25.19", "E78.0", "J44.19", "M17.1",
            "G47.31", "I48.1", "C50.4", "Z96.65"]


def fold(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c) and ord(c) < 128)
