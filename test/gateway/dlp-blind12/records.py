"""Record builders per domain: sections of (kind, label, value)."""
import string
from labels import L, DEVKEYS
from values import ICD10_CM, ICD10_WHO, ICD10_GM, fold

FIRST = {"en": ["Avery", "Jordan", "Marisol", "Trevor", "Keisha", "Dmitri", "Lorna", "Quentin", "Harriet", "Emeka", "Shauna", "Bertrand", "Nadia", "Colby", "Imani"],
         "de": ["Jürgen", "Anneliese", "Malte", "Svenja", "Till", "Hannelore", "Ole", "Frauke", "Bastian", "Wiebke"],
         "fr": ["Aurélie", "Gaëtan", "Solène", "Thibault", "Maëlys", "Hervé", "Ludivine", "Anatole"],
         "es": ["Rocío", "Iñaki", "Begoña", "Xavier", "Nerea", "Álvaro", "Maite", "Fermín"],
         "pt": ["Thiago", "Luíza", "Gustavo", "Raíssa", "Joaquim", "Leandra", "Caetano", "Iara"],
         "it": ["Ginevra", "Tommaso", "Ludovica", "Saverio", "Ornella", "Rocco"],
         "nl": ["Sanne", "Joris", "Femke", "Bram", "Lotte", "Thijs"],
         "ja": ["陽菜", "蓮", "結衣", "湊", "美咲", "悠真"], "sv": ["Linnea", "Oskar", "Saga", "Vilgot", "Ebba"],
         "pl": ["Zofia", "Bartosz", "Małgorzata", "Wojciech", "Agnieszka"]}
LAST = {"en": ["Okonkwo", "Haverford", "Lindqvist", "Castellano", "Pemberton", "Achterberg", "Whitcombe", "Delacroix", "Ferrante", "Abernathy", "Nakashima", "Oyelaran", "Brightwater"],
        "de": ["Brandstätter", "Kühnel", "Oberhauser", "Wendtland", "Pfeiffer", "Lütjens", "Zöllner"],
        "fr": ["Lefebvre-Morin", "Garnier", "Delaunay", "Rousselot", "Chevalier", "Marchetti"],
        "es": ["Etxeberria", "Quiroga", "Montalbán", "Villaverde", "Carrasco", "Iglesias"],
        "pt": ["Albuquerque", "Figueiredo", "Nascimento", "Bragança", "Vasconcelos"],
        "it": ["Bellandi", "Ruggiero", "Castellucci", "Fontanari"], "nl": ["van der Meulen", "Bakhuizen", "de Graaf", "Verhoeven"],
        "ja": ["佐々木", "高橋", "渡辺", "小林", "山口"], "sv": ["Bergström", "Lindahl", "Åkesson", "Nyqvist"],
        "pl": ["Wiśniewska", "Kowalczyk", "Zieliński", "Dąbrowska"]}
ROMAJI = {"陽菜": "Hina", "蓮": "Ren", "結衣": "Yui", "湊": "Minato", "美咲": "Misaki", "悠真": "Yuma",
          "佐々木": "Sasaki", "高橋": "Takahashi", "渡辺": "Watanabe", "小林": "Kobayashi", "山口": "Yamaguchi"}
CITIES = {"US": ["Springfield, IL", "Dayton, OH", "Boise, ID", "Tacoma, WA", "Mobile, AL"], "UK": ["Leeds", "Norwich", "Swansea"],
          "DE": ["Bielefeld", "Rostock", "Würzburg"], "FR": ["Angers", "Besançon", "Nîmes"], "ES": ["Jaén", "Burgos", "Cádiz"],
          "BR": ["Campinas - SP", "Londrina - PR"], "IT": ["Modena", "Lecce"], "NL": ["Zwolle", "Delft"], "JP": ["横浜市青葉区", "札幌市中央区"],
          "SE": ["Umeå", "Västerås"], "PL": ["Lublin", "Gdańsk"], "CA": ["Kingston, ON", "Red Deer, AB"], "AU": ["Ballarat VIC", "Toowoomba QLD"], "MX": ["Puebla", "Mérida"]}
DOMAINS = {"US": "clinic-northwind.example", "UK": "nhs-trust.example", "DE": "praxis-beispiel.example", "FR": "clinique-exemple.example",
           "ES": "hospital-ejemplo.example", "BR": "clinica-exemplo.example", "IT": "asl-esempio.example", "NL": "ziekenhuis-voorbeeld.example",
           "JP": "iin-rei.example", "SE": "region-exempel.example", "PL": "szpital-przyklad.example", "CA": "clinic-maple.example",
           "AU": "gp-wattle.example", "MX": "clinica-ejemplo.example"}
MAILDOMS = ["example.com", "example.org", "example.net", "mail.example", "corp.example", "contoso.example", "fabrikam.example", "acme-payroll.example"]
DRUGS = ["Metformin 500 mg", "Lisinopril 10 mg", "Atorvastatin 20 mg", "Salbutamol 100 µg", "Levothyroxin 75 µg", "Sertralina 50 mg", "Amoxicilina 875 mg", "Omeprazol 20 mg", "Apixaban 5 mg", "Insulin glargine 100 U/ml"]
RESULTS = ["HbA1c 7.4 %", "eGFR 52 mL/min/1.73m²", "LDL 142 mg/dL", "TSH 6.1 mIU/L", "Hb 10.9 g/dL", "CRP 38 mg/L", "INR 2.6", "Kreatinin 1.4 mg/dl"]
STATUS = {"en": ["Approved", "Pended - clinical review", "Denied - not medically necessary"], "de": ["genehmigt", "in Prüfung"], "fr": ["Accordé", "En attente"],
          "es": ["Autorizado", "Pendiente"], "pt": ["Autorizado", "Em análise"], "it": ["Autorizzata", "In valutazione"], "nl": ["Goedgekeurd", "In behandeling"],
          "ja": ["承認", "審査中"], "sv": ["Beviljad", "Under handläggning"], "pl": ["Zatwierdzono", "W trakcie"]}
SECTIONS = {
 "patient": {"en": "Patient", "de": "Patient", "fr": "Patient", "es": "Paciente", "pt": "Paciente", "it": "Paziente", "nl": "Patiënt", "ja": "患者情報", "sv": "Patient", "pl": "Pacjent"},
 "coverage": {"en": "Insurance", "de": "Kostenträger", "fr": "Couverture", "es": "Aseguradora", "pt": "Convênio", "it": "Copertura", "nl": "Verzekering", "ja": "保険情報", "sv": "Försäkring", "pl": "Ubezpieczenie"},
 "clinical": {"en": "Clinical", "de": "Diagnosen", "fr": "Diagnostics", "es": "Diagnósticos", "pt": "Diagnósticos", "it": "Diagnosi", "nl": "Diagnoses", "ja": "傷病名", "sv": "Diagnoser", "pl": "Rozpoznania"},
 "encounter": {"en": "Encounter", "de": "Aufenthalt", "fr": "Séjour", "es": "Episodio", "pt": "Atendimento", "it": "Ricovero", "nl": "Opname", "ja": "受診", "sv": "Vårdtillfälle", "pl": "Pobyt"},
 "payment": {"en": "Payment", "de": "Zahlung", "fr": "Paiement", "es": "Pago", "pt": "Pagamento", "it": "Pagamento", "nl": "Betaling", "ja": "決済", "sv": "Betalning", "pl": "Płatność"},
 "customer": {"en": "Customer", "de": "Kunde", "fr": "Client", "es": "Cliente", "pt": "Cliente", "it": "Cliente", "nl": "Klant", "ja": "顧客", "sv": "Kund", "pl": "Klient"},
 "employee": {"en": "Employee", "es": "Empleado"}, "earnings": {"en": "Earnings", "es": "Ingresos"}, "employer": {"en": "Employer", "es": "Empleador"},
}
COUNTRY_CUR = {"US": "$", "CA": "CA$", "UK": "£", "AU": "A$", "DE": "€", "FR": "€", "ES": "€", "IT": "€", "NL": "€", "BR": "R$", "JP": "¥", "SE": "kr", "PL": "zł", "MX": "MX$"}
API_KEYNAMES = {"ghp": ["GITHUB_TOKEN", "gh_token"], "gh_fine": ["GH_PAT", "github_token"], "glpat": ["GITLAB_TOKEN", "private_token"],
                "slack_bot": ["SLACK_BOT_TOKEN", "slack_token"], "slack_user": ["SLACK_USER_TOKEN"], "stripe_sk": ["STRIPE_SECRET_KEY", "stripe_api_key"],
                "stripe_rk": ["STRIPE_RESTRICTED_KEY"], "sendgrid": ["SENDGRID_API_KEY", "MAIL_API_KEY"], "twilio_sk": ["TWILIO_API_KEY"],
                "google": ["GOOGLE_MAPS_API_KEY", "firebase_api_key"], "openai": ["OPENAI_API_KEY"], "anthropic": ["ANTHROPIC_API_KEY"], "npm": ["NPM_TOKEN", "_authToken"],
                "pypi": ["PYPI_API_TOKEN", "pypi_token"], "mailgun": ["MAILGUN_API_KEY"], "shopify": ["SHOPIFY_ACCESS_TOKEN"], "datadog": ["DD_API_KEY", "datadog_api_key"],
                "hf": ["HF_TOKEN", "HUGGINGFACEHUB_API_TOKEN"], "digitalocean": ["DIGITALOCEAN_TOKEN", "do_token"], "square": ["SQUARE_ACCESS_TOKEN"],
                "telegram": ["TELEGRAM_BOT_TOKEN"], "linear": ["LINEAR_API_KEY"], "vault": ["VAULT_TOKEN"], "doppler": ["DOPPLER_TOKEN"], "atlassian": ["JIRA_API_TOKEN"],
                "azure_storage": ["AccountKey", "AZURE_STORAGE_KEY"], "postman": ["POSTMAN_API_KEY"], "gcp_oauth": ["access_token"], "newrelic": ["NEW_RELIC_API_KEY"],
                "sentry_auth": ["SENTRY_AUTH_TOKEN"], "mapbox_pk": ["MAPBOX_SECRET_TOKEN"], "algolia_admin": ["ALGOLIA_ADMIN_KEY"], "heroku_hex": ["HEROKU_API_KEY"],
                "okta": ["OKTA_API_TOKEN"], "pagerduty": ["PAGERDUTY_TOKEN"], "circleci": ["CIRCLE_TOKEN"]}

SENSITIVE = {"card": "credit_card", "cvv": "cvv", "ssn": "ssn", "email": "email", "phone": "phone", "aws_id": "aws_access_key",
             "aws_secret": "api_key", "api_key": "api_key", "pem": "private_key", "jwt": "jwt", "password": "password",
             "mrn": "medical_record_number", "hin": "health_insurance_number", "icd": "icd10"}


class SystemStyle:
    """Per-system fixed choices: label variant per kind, key style."""
    def __init__(self, rng, slug, domain, lang, country):
        self.slug, self.domain, self.lang, self.country = slug, domain, lang, country
        self.r = rng
        self.pick = {}
        self.mrn_style = rng.randrange(8)
        self.group_style = rng.randrange(3)
        self.keystyle = rng.choice(["snake", "camel", "pascal", "upper", "kebab", "lower"])
        self.datefmt = {"US": "us", "CA": "iso", "JP": "jp", "SE": "iso", "PL": "eu."}.get(country, "eu." if country in ("DE", "NL") else "eu/")
        if rng.random() < 0.25:
            self.datefmt = "iso"
        self.icdset = ICD10_CM if country == "US" else ICD10_GM if country == "DE" else ICD10_WHO
        self.maildom = DOMAINS.get(country, "example.com") if domain in ("enc", "claim", "rx", "lab", "card", "pa") else rng.choice(MAILDOMS)

    def label(self, kind):
        if kind not in self.pick:
            tbl = L[kind]
            opts = tbl.get(self.lang) or tbl["en"]
            self.pick[kind] = self.r.choice(opts)
        return self.pick[kind]

    def key(self, label):
        w = [x for x in "".join(c if c.isalnum() else " " for c in fold(label)).split() if x]
        if not w:
            return None
        s = self.keystyle
        if s == "snake":
            return "_".join(x.lower() for x in w)
        if s == "camel":
            return w[0].lower() + "".join(x[:1].upper() + x[1:].lower() for x in w[1:])
        if s == "pascal":
            return "".join(x[:1].upper() + x[1:].lower() for x in w)
        if s == "upper":
            return "_".join(x.upper() for x in w)
        if s == "kebab":
            return "-".join(x.lower() for x in w)
        return "".join(x.lower() for x in w)


EN_KEYS = {"name": "patient_name", "dob": "birth_date", "mrn": "mrn", "hin": "member_id", "icd": "icd10", "phone": "phone", "email": "email",
           "date": "date", "physician": "physician", "group_no": "group", "claim_id": "claim_id", "drug": "drug", "accession": "accession",
           "result": "result", "status": "status", "amount": "amount", "order_id": "order_id", "merchant": "merchant_id", "card": "card_number",
           "cvv": "cvv", "exp": "expiry", "cardholder": "cardholder", "city": "city", "loyalty": "loyalty_no", "ref": "reference"}


class Gen:
    def __init__(self, rng, V):
        self.r, self.V = rng, V

    def fmt_date(self, st, y, m, d):
        f = st.datefmt
        if f == "us":
            return "%02d/%02d/%04d" % (m, d, y)
        if f == "iso":
            return "%04d-%02d-%02d" % (y, m, d)
        if f == "jp":
            return "%d年%d月%d日" % (y, m, d)
        if f == "eu.":
            return "%02d.%02d.%04d" % (d, m, y)
        return "%02d/%02d/%04d" % (d, m, y)

    def person(self, st):
        r = self.r
        lang = st.lang if st.lang in FIRST else "en"
        f, l = r.choice(FIRST[lang]), r.choice(LAST[lang])
        if lang == "ja":
            return l + " " + f, ROMAJI[f], ROMAJI[l]
        if lang in ("de", "fr", "es", "pt", "it", "nl", "sv", "pl") and r.random() < 0.5:
            return l.upper() + ", " + f, f, l
        return f + " " + l, f, l

    def money(self, st, lo, hi):
        v = self.r.uniform(lo, hi)
        c = COUNTRY_CUR.get(st.country, "$")
        if st.country == "JP":
            return "¥{:,}".format(int(v * 100))
        if st.lang in ("de", "fr", "es", "pt", "it", "nl", "sv", "pl"):
            return ("%.2f" % v).replace(".", ",") + " " + c.replace("R$", "R$")
        return c + "{:,.2f}".format(v)

    def filler(self, st, kind):
        r, V = self.r, self.V
        if kind == "dob":
            return self.fmt_date(st, r.randint(1938, 2008), r.randint(1, 12), r.randint(1, 28))
        if kind == "date":
            return self.fmt_date(st, 2026, r.randint(1, 11), r.randint(1, 28))
        if kind == "physician":
            return ("Dr. " if st.lang != "ja" else "") + self.person(st)[0]
        if kind == "group_no":
            if st.country == "DE":
                return "10" + V.digits(7)
            if st.country == "JP":
                return V.digits(8, "0")
            return (lambda o: o[st.group_style % len(o)])(["GRP" + V.digits(6), V.digits(5, "123456789") + "-" + V.chars(3, string.ascii_uppercase), V.chars(2, string.ascii_uppercase) + V.digits(4)])
        if kind == "claim_id":
            return r.choice(["CLM-" + V.digits(9), "2026" + V.chars(2, string.ascii_uppercase) + V.digits(6), "E" + V.digits(8) + "-" + V.digits(2)])
        if kind == "drug":
            return r.choice(DRUGS)
        if kind == "accession":
            return r.choice(["LAB-26-" + V.digits(6), "26-" + V.digits(3) + "-" + V.digits(5), "ACC" + V.digits(8)])
        if kind == "result":
            return r.choice(RESULTS)
        if kind == "status":
            return r.choice(STATUS.get(st.lang, STATUS["en"]))
        if kind == "amount":
            return self.money(st, 12, 4800)
        if kind == "order_id":
            return r.choice(["ORD-" + V.digits(8), "INV-2026-" + V.digits(5), "#" + V.digits(6, "123456789"), "1Z" + V.chars(6, string.ascii_uppercase + string.digits) + V.digits(10)])
        if kind == "merchant":
            return r.choice([V.digits(9, "123456789"), "MID" + V.digits(7), V.chars(8, string.ascii_uppercase + string.digits)])
        if kind == "exp":
            return V.expiry()
        if kind == "city":
            return r.choice(CITIES.get(st.country, CITIES["US"]))
        if kind == "loyalty":
            return V.digits(11, "3") if r.random() < 0.5 else "LM-" + V.digits(8)
        if kind == "employee_id":
            return r.choice(["E" + V.digits(5), V.digits(6, "123456789"), "EMP-" + V.digits(4)])
        if kind in ("gross", "net"):
            return "$" + "{:,.2f}".format(r.uniform(900, 9800) if kind == "gross" else r.uniform(600, 7000))
        if kind == "period":
            m = r.randint(1, 11)
            return "%02d/01/2026 - %02d/15/2026" % (m, m) if r.random() < 0.5 else "2025"
        if kind == "ein":
            return "%02d-%07d" % (r.randint(10, 98), r.randint(0, 9999999))
        if kind == "routing":
            return V.digits(9, "0123")
        if kind == "acct_masked":
            return r.choice(["****" + V.digits(4), "xxxxxx" + V.digits(4), "…" + V.digits(4)])
        if kind == "ref":
            return r.choice([V.luhn_fail16(), "%08x-%04x-4%03x-a%03x-%012x" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(12), r.getrandbits(12), r.getrandbits(48)),
                             V.chars(40, "0123456789abcdef"), str(r.randint(1767000000000, 1790000000000))])
        raise KeyError(kind)

    # ------------------------------------------------------------------
    def clinical(self, st):
        r, V = self.r, self.V
        name, f, l = self.person(st)
        dom = st.domain
        pat = [("name", name), ("dob", self.filler(st, "dob"))]
        if dom in ("enc", "lab", "pa", "rx") or r.random() < 0.5:
            pat.append(("mrn", V.mrn(st.country, st.mrn_style)))
        if st.country == "US" and r.random() < (0.45 if dom in ("enc", "claim") else 0.15):
            pat.append(("ssn", V.ssn("-" if r.random() < 0.85 else " ")))
        if r.random() < 0.45:
            pat.append(("phone", V.phone(st.country)))
        if r.random() < 0.2:
            pat.append(("email", V.email(fold(f) or "pat", fold(l) or "ient", r.choice(MAILDOMS))))
        pat.append(("city", self.filler(st, "city")))
        cov = []
        if dom in ("claim", "rx", "card", "pa") or r.random() < 0.6:
            cov.append(("hin", V.hin(st.country)))
            cov.append(("group_no", self.filler(st, "group_no")))
        clin = []
        if dom != "card":
            n = r.choice([1, 1, 2, 3]) if dom in ("claim", "enc", "pa") else r.choice([0, 1, 1])
            codes = r.sample(st.icdset, n)
            for c in codes:
                clin.append(("icd", c))
        if dom == "rx":
            clin.append(("drug", self.filler(st, "drug")))
        if dom == "lab":
            clin.append(("accession", self.filler(st, "accession")))
            clin.append(("result", self.filler(st, "result")))
        if dom == "pa":
            clin.append(("status", self.filler(st, "status")))
        enc = [("date", self.filler(st, "date")), ("physician", self.filler(st, "physician"))]
        if dom == "claim":
            enc.append(("claim_id", self.filler(st, "claim_id")))
            enc.append(("amount", self.filler(st, "amount")))
        if dom == "card" and r.random() < 0.6:
            cov.append(("phone", V.phone(st.country)))
        if r.random() < 0.3:
            enc.append(("ref", self.filler(st, "ref")))
        secs = [("patient", pat)]
        if cov:
            secs.append(("coverage", cov))
        if clin:
            secs.append(("clinical", clin))
        secs.append(("encounter", enc))
        return secs

    def payment(self, st):
        r, V = self.r, self.V
        name, f, l = self.person(st)
        d = V.card_digits()
        style = r.choice(["plain", "plain", "space", "dash"])
        card = V.group(d, style)
        pay = [("cardholder", fold(name).upper() if st.lang != "ja" else (f + " " + l).upper()), ("card", card), ("exp", V.expiry())]
        if r.random() < 0.96:
            pay.append(("cvv", V.cvv(len(d) == 15)))
        pay.append(("amount", self.filler(st, "amount")))
        cust = []
        if r.random() < 0.6:
            cust.append(("email", V.email(fold(f) or "kunde", fold(l) or "x", r.choice(MAILDOMS))))
        if r.random() < 0.45:
            cust.append(("phone", V.phone(st.country)))
        if st.country == "US" and st.domain == "bank" and r.random() < 0.5:
            cust.append(("ssn", V.ssn()))
        if r.random() < 0.3:
            cust.append(("loyalty", self.filler(st, "loyalty")))
        cust.append(("city", self.filler(st, "city")))
        meta = [("order_id", self.filler(st, "order_id")), ("merchant", self.filler(st, "merchant"))]
        if r.random() < 0.4:
            meta.append(("ref", self.filler(st, "ref")))
        return [("payment", pay), ("customer", cust), ("encounter" if False else "order", meta)]

    def payroll(self, st):
        r, V = self.r, self.V
        name, f, l = self.person(st)
        emp = [("name", name), ("employee_id", self.filler(st, "employee_id")), ("ssn", V.ssn("-" if r.random() < 0.8 else (" " if r.random() < 0.5 else "")))]
        if r.random() < 0.5 or st.domain == "hr":
            emp.append(("email", V.email(f, l, st.maildom)))
        if r.random() < 0.4 or st.domain == "hr":
            emp.append(("phone", V.phone(st.country)))
        emp.append(("dob", self.filler(st, "dob")))
        earn = [("period", self.filler(st, "period")), ("gross", self.filler(st, "gross"))]
        if st.domain == "payroll":
            earn += [("net", self.filler(st, "net")), ("routing", self.filler(st, "routing")), ("acct_masked", self.filler(st, "acct_masked"))]
        empl = [("ein", self.filler(st, "ein"))]
        if st.domain == "hr" and r.random() < 0.55:
            empl.append(("password", V.password()))
        if r.random() < 0.25:
            empl.append(("ref", self.filler(st, "ref")))
        return [("employee", emp), ("earnings", earn), ("employer", empl)]

    def dev(self, st):
        r, V = self.r, self.V
        secs = []
        host = r.choice(["db-prod-01.internal.example", "10.20.4.17", "pg.staging.corp.example", "mysql-primary.svc.cluster.local", "cache-7f3a.example.net"])
        db = [("host", host), ("port", str(r.choice([5432, 3306, 6379, 27017, 1433, 5672]))), ("user", r.choice(["app", "svc_billing", "root", "deploy", "etl_reader", "admin"])), ("db", r.choice(["orders", "billing", "ehr_stage", "analytics"]))]
        if r.random() < 0.8:
            db.append(("password", V.password()))
        secs.append(("database", db))
        svc = []
        for _ in range(r.choice([0, 1, 1, 2])):
            k = r.choice(list(API_KEYNAMES))
            svc.append(("api_key:" + k, V.api_key(k)))
        if r.random() < 0.3:
            svc.append(("email", V.email(r.choice(["ops", "alerts", "devops", "noreply", "sre"]), "team", st.maildom) if False else r.choice(["ops", "alerts", "noreply", "sre-oncall", "billing"]) + "@" + r.choice(MAILDOMS)))
        svc.append(("env", r.choice(["production", "prod", "staging", "prod-eu"])))
        if r.random() < 0.35:
            svc.append(("uuid", self.filler(st, "ref")))
        secs.append(("service", svc))
        if r.random() < 0.4:
            secs.append(("aws", [("aws_id", V.aws_id(r.random() < 0.15)), ("aws_secret", V.aws_secret()), ("region", r.choice(["us-east-1", "eu-central-1", "ap-northeast-1", "sa-east-1"]))]))
        auth = []
        if r.random() < 0.35:
            auth.append(("jwt", V.jwt()))
        if r.random() < 0.45:
            auth.append(("pem", V.pem()))
        if auth:
            secs.append(("auth", auth))
        return secs

    def message(self, st):
        r, V = self.r, self.V
        name, f, l = self.person(st)
        items = []
        pool = ["password", "api_key", "email", "phone", "card", "mrn", "hin", "icd", "aws", "jwt"]
        if st.country == "US" or st.lang == "es":
            pool += ["ssn", "ssn"]
        for k in r.sample(pool, r.choice([1, 2, 2, 3])):
            if k == "password":
                items.append(("password", V.password()))
            elif k == "api_key":
                kk = r.choice(list(API_KEYNAMES))
                items.append(("api_key:" + kk, V.api_key(kk)))
            elif k == "email":
                items.append(("email", V.email(fold(f) or "yui", fold(l) or "sato", r.choice(MAILDOMS))))
            elif k == "phone":
                items.append(("phone", V.phone(st.country)))
            elif k == "card":
                d = V.card_digits()
                items.append(("card", V.group(d, r.choice(["space", "plain", "dash"]))))
                items.append(("exp", V.expiry()))
                items.append(("cvv", V.cvv(len(d) == 15)))
            elif k == "mrn":
                items.append(("mrn", V.mrn()))
            elif k == "hin":
                items.append(("hin", V.hin(st.country)))
            elif k == "icd":
                items.append(("icd", r.choice(ICD10_CM if st.country == "US" else ICD10_WHO)))
            elif k == "aws":
                items.append(("aws_id", V.aws_id()))
                items.append(("aws_secret", V.aws_secret()))
            elif k == "jwt":
                items.append(("jwt", V.jwt()))
            elif k == "ssn":
                items.append(("ssn", V.ssn()))
        if r.random() < 0.3:
            items.append(("order_id", self.filler(st, "order_id")))
        return [("message", items)], name

    def build(self, st):
        d = st.domain
        if d in ("enc", "claim", "rx", "lab", "card", "pa"):
            return self.clinical(st)
        if d in ("pay", "bank"):
            return self.payment(st)
        if d in ("payroll", "tax", "hr"):
            return self.payroll(st)
        if d in ("dev", "ci"):
            return self.dev(st)
        raise KeyError(d)


def mask(r, kind, v):
    base = kind.split(":")[0]
    digits = [c for c in v if c.isdigit()]
    last4 = "".join(digits[-4:]) if len(digits) >= 4 else "0000"
    if base == "card":
        return r.choice(["**** **** **** " + last4, "XXXXXXXXXXXX" + last4, v[:6] + "******" + last4 if v[:6].isdigit() else "************" + last4, "•••• " + last4])
    if base == "cvv":
        return r.choice(["***", "XXX", "[hidden]", "•••"])
    if base == "ssn":
        return r.choice(["***-**-" + last4, "XXX-XX-" + last4, "[REDACTED]", "*********"])
    if base == "email":
        at = v.find("@")
        return r.choice([v[0] + "***@" + "***." + v.rsplit(".", 1)[-1], "[email protected]", "<redacted email>", v[0] + "•••@•••"])
    if base == "phone":
        return r.choice(["(***) ***-" + last4, "*** *** " + last4, "[redacted]", "+XX XXX XXX X" + last4[-3:]])
    if base == "password":
        return r.choice(["********", "<redacted>", "${DB_PASSWORD}", "••••••••••", "{{ vault_db_password }}", "CHANGE_ME", "<set in vault>"])
    if base == "api_key":
        return r.choice(["[REDACTED]", v[:min(8, len(v) // 4)] + "••••" + v[-4:], "${SECRET_TOKEN}", "<your-api-key>", "****************", "YOUR_API_KEY_HERE"])
    if base == "aws_id":
        return r.choice(["AKIA****************", "AKIA…" + v[-4:], "[REDACTED]", "${AWS_ACCESS_KEY_ID}"])
    if base == "aws_secret":
        return r.choice(["****************************************", "[REDACTED]", "${AWS_SECRET_ACCESS_KEY}"])
    if base == "jwt":
        return r.choice(["[jwt redacted]", "eyJhbGciOi…(truncated)", "<token>", "Bearer ***"])
    if base == "pem":
        h = v.split("-----")[1] if v.startswith("-----") else "BEGIN PRIVATE KEY"
        return r.choice(["-----%s-----\n[REDACTED]\n-----%s-----" % (h, h.replace("BEGIN", "END")), "<private key omitted>", "file:/run/secrets/tls.key"])
    if base == "mrn":
        return r.choice(["*****" + last4[-3:], "[MRN withheld]", "XXXXXXXX", "(masked)"])
    if base == "hin":
        return r.choice(["XXXXXXX" + last4, "***", "[masked]", "•••• " + last4])
    if base == "icd":
        return None
    raise KeyError(kind)
