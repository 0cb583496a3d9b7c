#!/usr/bin/env python3
"""Builds ../dlp-blind.jsonl: an independent, labelled DLP test corpus (standard library only).

Written from knowledge of real-world formats, without reading the detectors or other corpora.
Deterministic: fixed seed, byte-identical output across runs.
"""
import base64
import json
import os
import quopri
import random
import re
import unicodedata

SEED = 20261203
R = random.Random(SEED)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dlp-blind.jsonl")

TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key", "private_key",
         "jwt", "password", "medical_record_number", "health_insurance_number", "icd10"]

# ---------------------------------------------------------------- value generators

FIRST = ["Ana", "João", "Giulia", "Marco", "Priya", "Rahul", "Wei", "Li", "Olga", "Dmitri", "Chloe", "Liam",
         "Fatima", "Kwame", "Sofia", "Mateus", "Aiko", "Noah", "Elena", "Tomasz", "Maeve", "Diego"]
LAST = ["Ferreira", "Rossi", "Sharma", "Zhang", "Ivanova", "Okafor", "Lindqvist", "Moreau", "Brennan",
        "Castillo", "Nakamura", "Kowalski", "Haddad", "Silva", "Bianchi", "Patel", "Novak", "Quinlan"]
DOMAINS = ["northwindhealth.org", "fjordmail.net", "brightcart.shop", "quillcorp.io", "mailbox.pt",
           "posta-rapida.it", "acmeclinic.co.uk", "hexaplan.de", "lumenbank.com", "orbitair.travel"]
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"


def rs(chars, n):
    return "".join(R.choice(chars) for _ in range(n))


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def name():
    return R.choice(FIRST), R.choice(LAST)


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def email(first=None, last=None):
    f, l = (first, last) if first else name()
    sep = R.choice([".", "_", ""])
    return f"{ascii_fold(f).lower()}{sep}{ascii_fold(l).lower()}{R.randint(1, 99) if R.random() < .4 else ''}@{R.choice(DOMAINS)}"


def luhn_ok(num):
    s, alt = 0, False
    for ch in reversed(num):
        d = int(ch)
        if alt:
            d *= 2
            if d > 9:
                d -= 9
        s += d
        alt = not alt
    return s % 10 == 0


def luhn_complete(prefix, length):
    body = prefix + digits(length - len(prefix) - 1)
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def safe_digits(n, first=None):
    """n random digits that fail Luhn (ids, epochs, tickets...)."""
    while True:
        d = (first or "") + digits(n - len(first or ""))
        if not luhn_ok(d):
            return d


TEST_CARDS = ["4242424242424242", "4111111111111111", "5555555555554444", "5105105105105100",
              "378282246310005", "371449635398431", "6011111111111117", "3530111333300000",
              "4000056655665556", "2223003122003222", "30569309025904", "6011000990139424"]


def issuer_ok(n):
    L = len(n)
    if n[0] == "4":
        return L in (13, 16, 19)
    p2, p4, p6 = int(n[:2]), int(n[:4]), int(n[:6])
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:
        return L == 16
    if p2 in (34, 37):
        return L == 15
    if n.startswith("6011") or n.startswith("65") or 644 <= int(n[:3]) <= 649 or 622126 <= p6 <= 622925:
        return 16 <= L <= 19
    if 3528 <= p4 <= 3589:
        return 16 <= L <= 19
    if 300 <= int(n[:3]) <= 305 or n[:2] in ("36", "38", "39"):
        return 14 <= L <= 19
    if n[:2] == "62":
        return 16 <= L <= 19
    return False


def card():
    if R.random() < 0.45:
        return R.choice(TEST_CARDS)
    kind = R.choice(["visa", "mc", "mc2", "amex", "disc", "jcb"])
    pre, L = {"visa": ("4" + digits(5), 16), "mc": (str(R.randint(51, 55)) + digits(4), 16),
              "mc2": (str(R.randint(2221, 2720)) + digits(2), 16), "amex": (R.choice(["34", "37"]) + digits(4), 15),
              "disc": ("6011" + digits(2), 16), "jcb": (str(R.randint(3528, 3589)) + digits(2), 16)}[kind]
    return luhn_complete(pre, L)


def fmt_card(n, style=None):
    style = style or R.choice(["plain", "space", "dash"])
    if style == "plain":
        return n
    sep = " " if style == "space" else "-"
    if len(n) in (14, 15):
        return sep.join([n[:4], n[4:10], n[10:]])
    return sep.join(n[i:i + 4] for i in range(0, len(n), 4))


def cvv_for(n):
    return digits(4) if n[:2] in ("34", "37") else digits(3)


def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            return f"{a:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"


def phone_us():
    return R.choice(["({a}) 555-01{x}", "+1 {a} 555 01{x}", "{a}-555-01{x}", "+1{a}55501{x}"]).format(
        a=R.choice(["212", "312", "415", "617", "737", "206"]), x=f"{R.randint(0, 99):02d}")


def phone_uk():
    return R.choice([f"+44 7700 900{R.randint(0, 999):03d}", f"020 7946 0{R.randint(0, 999):03d}",
                     f"0161 496 0{R.randint(0, 999):03d}", f"07700 900{R.randint(0, 999):03d}"])


def phone_any():
    return R.choice([phone_us, phone_uk])()


def akia(prefix="AKIA"):
    return prefix + rs("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)


def aws_secret():
    return rs(B64, 40)


def jwt(alg="HS256"):
    def b64u(o):
        return base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
    h = b64u({"alg": alg, "typ": "JWT"})
    iat = 1764500000 + R.randint(0, 900000)
    p = b64u({"sub": rs("0123456789abcdef", 12), "iat": iat, "exp": iat + 3600, "scope": R.choice(["read", "orders:write", "openid profile"])})
    return f"{h}.{p}.{rs(B64URL, 43 if alg.startswith('HS') else 86)}"


def pem(kind="RSA"):
    head = {"RSA": ("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA"), "PKCS8": ("PRIVATE KEY", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"),
            "EC": ("EC PRIVATE KEY", "MHcCAQEEI"), "OPENSSH": ("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW"),
            "ENC": ("ENCRYPTED PRIVATE KEY", "MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI")}[kind]
    body = head[1] + rs(B64, 64 * 6 - len(head[1]) + R.randint(0, 40))
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return f"-----BEGIN {head[0]}-----\n" + "\n".join(lines) + f"\n-----END {head[0]}-----\n"


def password():
    return R.choice(["Tr0ub4dor&3x", "Winter2026!Qz", "s3cr3t-Mango-77", "P@ssw0rd_lyon9", "hG7#kq2!vLw",
                     "bluefalcon#4412", "Zxq!93-plumTree", "correct-horse-88-staple", "Ma$tiff2025", "n0v3mbr3_R41n"]) + rs(ALNUM, 2)


def mrn():
    return R.choice([digits(8), "M" + digits(7), digits(3) + "-" + digits(4) + "-" + digits(2), "E" + digits(9)])


def mbi():
    L = "ACDEFGHJKMNPQRTUVWXY"
    AN = L + "0123456789"
    return (R.choice("123456789") + R.choice(L) + R.choice(AN) + R.choice("0123456789") + R.choice(L) +
            R.choice(AN) + R.choice("0123456789") + R.choice(L) + R.choice(L) + digits(2))


def member_id():
    return R.choice([R.choice(["W", "XJH", "ZGP", "U"]) + digits(9), "YUB" + digits(9) + "01", digits(9) + "-01", mbi()])


ICD = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
       ("J45.909", "Unspecified asthma, uncomplicated"), ("M54.50", "Low back pain, unspecified"),
       ("F32.A", "Depression, unspecified"), ("K21.9", "GERD without esophagitis"), ("N39.0", "Urinary tract infection"),
       ("S72.001A", "Fracture of unsp. part of neck of right femur, initial"), ("R07.9", "Chest pain, unspecified"),
       ("C50.911", "Malignant neoplasm of unsp. site of right female breast"), ("Z79.4", "Long term (current) use of insulin"),
       ("J18.9", "Pneumonia, unspecified organism"), ("I48.91", "Unspecified atrial fibrillation"), ("E78.5", "Hyperlipidemia, unspecified"),
       ("O24.410", "Gestational diabetes, diet controlled"), ("G43.909", "Migraine, unspecified"), ("N18.3", "Chronic kidney disease, stage 3")]


def icd():
    return R.choice(ICD)


def sk_live():
    return "sk_live_" + rs(ALNUM, 24)


def api_key_any():
    return R.choice([lambda: sk_live(), lambda: "ghp_" + rs(ALNUM, 36), lambda: "glpat-" + rs(ALNUM + "-_", 20),
                     lambda: "xoxb-" + digits(12) + "-" + digits(13) + "-" + rs(ALNUM, 24),
                     lambda: "SG." + rs(B64URL, 22) + "." + rs(B64URL, 43), lambda: "AIza" + rs(B64URL, 35),
                     lambda: "npm_" + rs(ALNUM, 36)])()


def uuid():
    h = rs("0123456789abcdef", 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def sha(n=40):
    while True:
        h = rs("0123456789abcdef", n)
        if not any(13 <= len(r) <= 19 and luhn_ok(r) for r in re.findall(r"\d+", h)):
            return h


def epoch_ms():
    return safe_digits(13, "176")


def ts():
    return f"2026-11-{R.randint(10, 30):02d}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}Z"


def iban_de():
    while True:
        bban = digits(18)
        num = int(bban + "131400")  # D=13 E=14, check 00
        chk = 98 - num % 97
        ib = f"DE{chk:02d}{bban}"
        g = " ".join(ib[i:i + 4] for i in range(0, len(ib), 4))
        if not any(luhn_ok(x) for x in re.findall(r"\d+", ib)) and not _grouped_luhn(g):
            return g


def card_runs(t):
    runs = set(re.findall(r"(?<!\d)\d{13,19}(?!\d)", t))
    for m in re.finditer(r"(?<!\d)\d{4}([ \-])\d{4,6}(?:\1\d{4,5}){1,3}(?!\d)", t):
        runs.add(re.sub(r"\D", "", m.group()))
    return {r for r in runs if 13 <= len(r) <= 19}



def _grouped_luhn(s):
    return any(luhn_ok(r) for r in card_runs(s))


def _old_grouped_luhn(s):
    for m in re.finditer(r"(?<!\d)\d{4}(?:[ \-]\d{4}){3}(?![ \-]?\d)", s):
        if luhn_ok(re.sub(r"\D", "", m.group())):
            return True
    return False


# ---------------------------------------------------------------- samples

SAMPLES = []


_SEEN = set()


def add(fmt, types, data, envelope=None):
    key = json.dumps([data, envelope], sort_keys=True, ensure_ascii=False)
    if key in _SEEN:  # identical template output (no random part): keep one copy
        return
    _SEEN.add(key)
    s = {"format": fmt, "types": sorted(set(types), key=TYPES.index), "data": data}
    if envelope is not None:
        s["envelope"] = envelope
    SAMPLES.append(s)


def facts(d):
    return [{"name": k, "value": v} for k, v in d.items()]


# ---- Microsoft Teams / Discord webhooks
for i in range(3):
    f, l = name(); em = email(f, l); ph = phone_any()
    add("teams-webhook", ["email", "phone"], {"@type": "MessageCard", "@context": "http://schema.org/extensions",
        "themeColor": "0076D7", "summary": "New callback request",
        "sections": [{"activityTitle": f"Callback requested by {f} {l}", "facts": facts({"Email": em, "Phone": ph, "Plan": "Pro annual"})}]})
for i in range(2):
    tok = "glpat-" + rs(ALNUM + "-_", 20)
    add("teams-webhook", ["api_key"], {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
        "content": {"type": "AdaptiveCard", "version": "1.4", "body": [{"type": "TextBlock", "text": f"Pipeline #{safe_digits(6)} failed at step `release`: curl --fail -H \"PRIVATE-TOKEN: {tok}\" https://gitlab.quillcorp.io/api/v4/projects/42/releases returned 403"}]}}]})
for i in range(3):
    add("teams-webhook", [], {"@type": "MessageCard", "summary": "Deploy finished", "sections": [{"activityTitle": "api-gateway deployed",
        "facts": facts({"Version": f"v{R.randint(1, 9)}.{R.randint(0, 30)}.{R.randint(0, 99)}", "Commit": sha(), "Build": f"#{R.randint(1000, 9999)}",
                        "Duration": f"{R.randint(60, 900)} s", "Started": epoch_ms()})}]})
for i in range(3):
    u, p = R.choice(["app", "svc_report", "etl"]), password()
    add("discord-webhook", ["password"], {"username": "oncall-bot", "content": f"staging db is back, use postgres://{u}:{p}@pg-staging.internal:5432/orders until the vault sync is fixed",
        "allowed_mentions": {"parse": []}})
for i in range(2):
    k, s = akia(), aws_secret()
    add("discord-webhook", ["aws_access_key", "api_key"], {"username": "ci", "embeds": [{"title": "export failed", "description": f"```\naws configure set aws_access_key_id {k}\naws configure set aws_secret_access_key {s}\n```", "color": 15158332}]})
for i in range(3):
    add("discord-webhook", [], {"username": "shipping", "content": f"@everyone parcel for order #{safe_digits(9)} shipped, tracking 1Z{rs('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 16)} (UPS). Snowflake id {safe_digits(18, '1')}",
        "embeds": [{"footer": {"text": f"build {sha(7)}"}, "timestamp": ts()}]})

# ---- Zendesk / Intercom
for i in range(3):
    f, l = name(); em = email(f, l); c = card(); cv = cvv_for(c)
    add("zendesk-ticket", ["credit_card", "cvv", "email"], {"ticket": {"id": R.randint(100000, 999999), "subject": "Payment keeps failing",
        "requester": {"name": f"{f} {l}", "email": em}, "status": "open",
        "comment": {"body": f"Hi, I tried three times. Card {fmt_card(c)} exp {R.randint(1, 12):02d}/{R.randint(27, 31)}, security code {cv}. Please charge it manually.", "public": True}}})
for i in range(2):
    f, l = name(); em = email(f, l)
    add("zendesk-ticket", ["ssn", "email"], {"ticket": {"id": R.randint(100000, 999999), "subject": "W-2 correction",
        "requester": {"name": f"{f} {l}", "email": em}, "description": f"My SSN on the form is wrong, it should be {ssn()}. Thanks, {f}", "tags": ["payroll", "tax"]}})
for i in range(3):
    add("zendesk-ticket", [], {"ticket": {"id": R.randint(100000, 999999), "subject": "Refund", "requester_id": R.randint(10**9, 10**10),
        "description": f"Refund issued to the Visa ending in {R.choice(['4242', '1111', '0005'])} for order {R.choice(['BC', 'WEB'])}-{safe_digits(8)}. Invoice INV-{R.randint(2026, 2026)}-{safe_digits(6)}.",
        "custom_fields": [{"id": 360011223344, "value": "refund_full"}], "via": {"channel": "web"}}})
for i in range(3):
    f, l = name(); em = email(f, l); ph = phone_any()
    add("intercom-conversation", ["email", "phone"], {"type": "conversation", "id": safe_digits(12),
        "source": {"author": {"type": "user", "email": em, "name": f}},
        "conversation_parts": {"conversation_parts": [{"part_type": "comment", "body": f"<p>Best number to reach me is {ph}</p>", "author": {"type": "user"}}]}})
for i in range(2):
    t = jwt()
    add("intercom-conversation", ["jwt"], {"type": "conversation", "id": safe_digits(12), "conversation_parts": {"conversation_parts": [
        {"part_type": "comment", "body": f"<p>the API keeps returning 401, here is my request:</p><pre>curl -H 'Authorization: Bearer {t}' https://api.quillcorp.io/v2/orders</pre>"}]}})
for i in range(3):
    add("intercom-conversation", [], {"type": "conversation", "id": safe_digits(12), "conversation_parts": {"conversation_parts": [
        {"part_type": "comment", "body": "<p>To reset your password go to Settings → Security. Passwords need 12+ characters and one symbol; we never ask for it by chat.</p>", "author": {"type": "admin", "id": str(R.randint(1000000, 9999999))}}]}})

# ---- Salesforce / HubSpot
for i in range(3):
    f, l = name()
    add("salesforce-record", ["email", "phone", "ssn"], {"attributes": {"type": "Contact", "url": f"/services/data/v59.0/sobjects/Contact/003{rs(ALNUM, 15)}"},
        "FirstName": f, "LastName": l, "Email": email(f, l), "MobilePhone": phone_us(), "SSN__c": ssn(), "LeadSource": "Web"})
for i in range(3):
    code, desc = icd(); mid = member_id()
    add("salesforce-record", ["health_insurance_number", "icd10"], {"attributes": {"type": "Case"}, "CaseNumber": f"{R.randint(100000, 999999):08d}",
        "Subject": "Prior authorization", "Description": f"Member ID {mid} requests PA for MRI. Dx {code} ({desc}).", "Status": "New"})
for i in range(3):
    add("salesforce-record", [], {"attributes": {"type": "Opportunity"}, "Id": "006" + rs(ALNUM, 15), "Amount": R.randint(1000, 90000),
        "StageName": "Closed Won", "CloseDate": "2026-11-30", "SystemModstamp": ts(), "External_Id__c": safe_digits(14)})
for i in range(3):
    f, l = name()
    add("hubspot-export", ["email", "phone"], {"results": [{"id": safe_digits(11), "properties": {"firstname": f, "lastname": l,
        "email": email(f, l), "phone": phone_any(), "lifecyclestage": "lead", "hs_object_id": safe_digits(11)}, "createdAt": ts()}]})
for i in range(2):
    add("hubspot-export", [], {"results": [{"id": safe_digits(11), "properties": {"dealname": "Renewal FY27", "amount": "12500", "pipeline": "default",
        "hs_object_id": safe_digits(11), "hs_lastmodifieddate": epoch_ms()}}], "paging": {"next": {"after": safe_digits(6)}}})

# ---- Airflow / Celery
for i in range(3):
    p = password()
    add("airflow-log", ["password"], {"text": f"[2026-11-30, 02:00:03 UTC] {{taskinstance.py:1159}} INFO - Dependencies all met for <TaskInstance: dw_load.copy_orders scheduled__2026-11-29T02:00:00+00:00 [queued]>\n[2026-11-30, 02:00:05 UTC] {{logging_mixin.py:188}} INFO - conn_uri=mysql://loader:{p}@mysql-dw.internal:3306/dw\n[2026-11-30, 02:00:09 UTC] {{taskinstance.py:1400}} INFO - Marking task as SUCCESS."})
for i in range(2):
    k, s = akia(R.choice(["AKIA", "ASIA"])), aws_secret()
    add("airflow-log", ["aws_access_key", "api_key"], {"text": f"[2026-11-30, 04:12:44 UTC] {{base_aws.py:161}} INFO - Credentials retrieved from extra_config\n[2026-11-30, 04:12:44 UTC] {{logging_mixin.py:188}} INFO - {{'aws_access_key_id': '{k}', 'aws_secret_access_key': '{s}', 'region_name': 'eu-west-1'}}"})
for i in range(3):
    add("airflow-log", [], {"text": f"[2026-11-30, 02:00:05 UTC] {{base.py:73}} INFO - Using connection ID 'pg_dw' for task execution.\n[2026-11-30, 02:00:05 UTC] {{logging_mixin.py:188}} INFO - conn_uri=postgresql://loader:***@pg-dw.internal:5432/dw\n[2026-11-30, 02:00:41 UTC] {{taskinstance.py:1400}} INFO - Marking task as SUCCESS. dag_id=dw_load, task_id=copy_orders, run_id=scheduled__2026-11-29T02:00:00+00:00, execution_date=20261129T020000, start_date=20261130T020003, end_date=20261130T020041"})
for i in range(3):
    c = card(); cv = cvv_for(c)
    add("celery-log", ["credit_card", "cvv"], {"text": f"[2026-11-30 11:02:17,481: INFO/MainProcess] Task billing.tasks.charge_card[{uuid()}] received\n[2026-11-30 11:02:17,502: ERROR/ForkPoolWorker-3] Task billing.tasks.charge_card[{uuid()}] raised unexpected: CardError('declined')\nkwargs: {{'card_number': '{c}', 'exp_month': {R.randint(1, 12)}, 'exp_year': 20{R.randint(27, 31)}, 'cvc': '{cv}', 'amount_cents': {R.randint(500, 90000)}}}"})
for i in range(2):
    f, l = name()
    add("celery-log", ["email"], {"text": f"[2026-11-30 08:00:00,013: INFO/ForkPoolWorker-1] Task notify.send_receipt[{uuid()}] succeeded in 0.41s: {{'to': '{email(f, l)}', 'template': 'receipt_v3', 'status': 'queued'}}"})
for i in range(3):
    add("celery-log", [], {"text": f"[2026-11-30 09:14:55,120: INFO/MainProcess] Task reports.rebuild[{uuid()}] received\n[2026-11-30 09:15:02,877: INFO/ForkPoolWorker-2] Task reports.rebuild[{uuid()}] succeeded in 7.75s: {{'rows': {R.randint(1000, 99999)}, 'order_range': ({safe_digits(10)}, {safe_digits(10)}), 'checksum': '{sha(32)}'}}"})

# ---- PostgreSQL / MySQL / Redis logs
for i in range(3):
    f, l = name(); em = email(f, l); s = ssn()
    add("postgres-log", ["email", "ssn"], {"text": f"2026-11-30 10:41:07.512 UTC [28177] app@crm ERROR:  duplicate key value violates unique constraint \"customers_ssn_key\"\n2026-11-30 10:41:07.512 UTC [28177] app@crm DETAIL:  Key (ssn)=({s}) already exists.\n2026-11-30 10:41:07.512 UTC [28177] app@crm STATEMENT:  INSERT INTO customers (email, ssn) VALUES ($1, $2)\n2026-11-30 10:41:07.512 UTC [28177] app@crm LOG:  duration: 0.912 ms  execute S_1: INSERT INTO customers (email, ssn) VALUES ($1, $2)\n2026-11-30 10:41:07.512 UTC [28177] app@crm DETAIL:  parameters: $1 = '{em}', $2 = '{s}'"})
for i in range(2):
    p = password()
    add("postgres-log", ["password"], {"text": f"2026-11-30 03:00:01.004 UTC [911] postgres@postgres LOG:  statement: ALTER ROLE reporting WITH LOGIN PASSWORD '{p}';"})
for i in range(3):
    add("postgres-log", [], {"text": f"2026-11-30 07:12:{R.randint(10, 59)}.881 UTC [{R.randint(1000, 40000)}] reporting@dw FATAL:  password authentication failed for user \"reporting\"\n2026-11-30 07:12:44.881 UTC [{R.randint(1000, 40000)}] reporting@dw DETAIL:  Connection matched pg_hba.conf line 97: \"host all all 10.0.0.0/8 scram-sha-256\"\n2026-11-30 07:13:02.100 UTC [3131] LOG:  checkpoint complete: wrote {R.randint(100, 9000)} buffers; lsn=3A/{sha(8).upper()}"})
for i in range(3):
    m = mrn(); code, _ = icd()
    add("mysql-general-log", ["medical_record_number", "icd10"], {"text": f"2026-11-30T12:01:55.104821Z\t  {R.randint(10, 999)} Query\tINSERT INTO encounters (patient_mrn, dx_code, visit_date) VALUES ('{m}', '{code}', '2026-11-29')"})
for i in range(2):
    add("mysql-general-log", [], {"text": f"2026-11-30T12:03:10.000112Z\t  {R.randint(10, 999)} Connect\tAccess denied for user 'root'@'10.4.2.{R.randint(2, 250)}' (using password: YES)\n2026-11-30T12:03:11.771020Z\t  58 Query\tSELECT order_id, sku, qty FROM order_lines WHERE order_id = {safe_digits(10)}"})
for i in range(2):
    add("redis-monitor", ["password"], {"text": f"1764501234.{digits(6)} [0 10.0.3.{R.randint(2, 250)}:{R.randint(30000, 60000)}] \"AUTH\" \"default\" \"{password()}\"\n1764501234.{digits(6)} [0 10.0.3.17:51544] \"PING\""})
for i in range(2):
    f, l = name()
    add("redis-monitor", ["email", "phone"], {"text": f"1764501301.{digits(6)} [2 10.0.3.22:40112] \"HSET\" \"user:{R.randint(1000, 99999)}\" \"email\" \"{email(f, l)}\" \"mobile\" \"{phone_any()}\""})
for i in range(2):
    t = jwt()
    add("redis-monitor", ["jwt"], {"text": f"1764501400.{digits(6)} [0 10.0.3.9:39012] \"SETEX\" \"sess:{sha(24)}\" \"3600\" \"{t}\""})
for i in range(3):
    add("redis-monitor", [], {"text": f"1764501500.{digits(6)} [0 10.0.3.9:39012] \"INCRBY\" \"rate:{sha(16)}\" \"1\"\n1764501500.{digits(6)} [0 10.0.3.9:39012] \"EXPIRE\" \"rate:{sha(16)}\" \"60\"\n1764501500.{digits(6)} [1 lua] \"ZADD\" \"queue:orders\" \"{epoch_ms()}\" \"{uuid()}\""})

# ---- Kafka / CloudWatch / Datadog
for i in range(3):
    t = jwt(R.choice(["HS256", "RS256"]))
    add("kafka-record", ["jwt"], {"topic": "api.requests", "partition": R.randint(0, 11), "offset": int(safe_digits(8)), "timestamp": int(epoch_ms()),
        "headers": [{"key": "traceparent", "value": f"00-{sha(32)}-{sha(16)}-01"}, {"key": "authorization", "value": f"Bearer {t}"}],
        "key": uuid(), "value": {"method": "POST", "path": "/v2/orders", "status": 201}})
for i in range(3):
    c = card(); f, l = name()
    add("kafka-record", ["credit_card", "email"], {"topic": "payments.raw", "partition": R.randint(0, 5), "offset": int(safe_digits(9)),
        "headers": [{"key": "content-type", "value": "application/json"}],
        "value": {"order_id": "BC-" + safe_digits(8), "pan": c, "exp": f"{R.randint(1, 12):02d}/{R.randint(27, 31)}", "customer_email": email(f, l)}})
for i in range(3):
    add("kafka-record", [], {"topic": "inventory.events", "partition": R.randint(0, 5), "offset": int(safe_digits(9)), "timestamp": int(epoch_ms()),
        "headers": [{"key": "schema-id", "value": str(R.randint(100, 999))}, {"key": "producer", "value": "wms-7.3.1"}],
        "key": "SKU-" + safe_digits(7), "value": {"warehouse": "LIS-2", "delta": -R.randint(1, 40), "event_id": uuid(), "at": ts()}})
for i in range(3):
    k = api_key_any()
    add("cloudwatch-event", ["api_key"], {"messageType": "DATA_MESSAGE", "owner": safe_digits(12), "logGroup": "/aws/lambda/sync-crm", "logStream": f"2026/11/30/[$LATEST]{sha(32)}",
        "logEvents": [{"id": safe_digits(56), "timestamp": int(epoch_ms()), "message": f"DEBUG outbound request headers={{'Authorization': 'token {k}', 'User-Agent': 'sync-crm/2.4'}}"}]})
for i in range(3):
    add("cloudwatch-event", [], {"messageType": "DATA_MESSAGE", "owner": safe_digits(12), "logGroup": "/aws/lambda/thumbnailer",
        "logEvents": [{"id": safe_digits(56), "timestamp": int(epoch_ms()), "message": f"REPORT RequestId: {uuid()}\tDuration: {R.randint(10, 900)}.{digits(2)} ms\tBilled Duration: {R.randint(10, 900)} ms\tMemory Size: 512 MB\tMax Memory Used: {R.randint(60, 500)} MB"}]})
for i in range(3):
    f, l = name()
    add("datadog-log", ["email", "phone"], {"ddsource": "nodejs", "service": "signup", "status": "warn", "message": "sms verification retry",
        "usr": {"email": email(f, l), "id": uuid()}, "attributes": {"phone_number": phone_any(), "attempt": R.randint(2, 5)}})
for i in range(2):
    add("datadog-log", [], {"ddsource": "python", "service": "checkout", "status": "info", "message": f"order placed order_id={safe_digits(10)} card=**** **** **** {R.choice(['4242', '4444', '1117'])} amount=49.90 EUR",
        "dd": {"trace_id": safe_digits(19, "7"), "span_id": safe_digits(19, "3")}, "timestamp": int(epoch_ms())})

# ---- CloudTrail / GCP / Azure
for i in range(3):
    k = akia("ASIA")
    add("cloudtrail", ["aws_access_key"], {"eventVersion": "1.09", "userIdentity": {"type": "AssumedRole", "principalId": "AROA" + rs("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17) + ":jenkins",
        "arn": f"arn:aws:sts::{safe_digits(12)}:assumed-role/ci-deploy/jenkins", "accountId": safe_digits(12), "accessKeyId": k},
        "eventTime": ts(), "eventSource": "s3.amazonaws.com", "eventName": "PutObject", "awsRegion": "eu-west-1", "sourceIPAddress": "10.20.3.4",
        "requestParameters": {"bucketName": "artifacts-prod", "key": f"builds/{sha(12)}.tar.gz"}})
for i in range(3):
    add("cloudtrail", [], {"eventVersion": "1.09", "userIdentity": {"type": "AWSService", "invokedBy": "cloudformation.amazonaws.com"}, "eventTime": ts(),
        "eventSource": "kms.amazonaws.com", "eventName": "Decrypt", "eventType": "AwsServiceEvent", "recipientAccountId": safe_digits(12),
        "resources": [{"ARN": f"arn:aws:kms:eu-west-1:{safe_digits(12)}:key/{uuid()}", "type": "AWS::KMS::Key"}], "eventID": uuid(), "requestID": uuid()})
for i in range(3):
    f, l = name()
    add("gcp-audit", ["email"], {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "authenticationInfo": {"principalEmail": email(f, l)},
        "methodName": "storage.objects.get", "resourceName": "projects/_/buckets/exports-eu/objects/q3.parquet", "serviceName": "storage.googleapis.com"},
        "insertId": rs("abcdefghijklmnopqrstuvwxyz0123456789", 12), "resource": {"type": "gcs_bucket", "labels": {"project_id": "ledger-prod-3312"}}, "severity": "INFO"})
for i in range(2):
    add("gcp-audit", [], {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {"code": 7, "message": "PERMISSION_DENIED"},
        "methodName": "google.iam.admin.v1.CreateServiceAccountKey", "resourceName": f"projects/-/serviceAccounts/{safe_digits(21, '1')}"},
        "resource": {"type": "service_account", "labels": {"project_id": "ledger-prod-3312", "unique_id": safe_digits(21, "1")}}, "timestamp": ts()})
for i in range(3):
    p = password()
    add("azure-resource", ["password"], {"type": "Microsoft.Sql/servers", "apiVersion": "2022-05-01-preview", "name": "sql-orders-weu", "location": "westeurope",
        "properties": {"administratorLogin": "sqladmin", "administratorLoginPassword": p, "version": "12.0"}})
for i in range(2):
    add("azure-resource", ["api_key"], {"type": "Microsoft.Web/sites/config", "name": "func-sync/appsettings", "properties": {
        "AzureWebJobsStorage": f"DefaultEndpointsProtocol=https;AccountName=stsyncweu;AccountKey={rs(B64, 86)}==;EndpointSuffix=core.windows.net",
        "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"}})
for i in range(3):
    add("azure-resource", [], {"type": "Microsoft.Sql/servers", "name": "[parameters('serverName')]", "properties": {"administratorLogin": "[parameters('adminLogin')]",
        "administratorLoginPassword": "[parameters('adminPassword')]"},
        "id": f"/subscriptions/{uuid()}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders-weu", "tags": {"costCenter": "CC-" + digits(4)}})

# ---- Jenkinsfile / GitLab CI / Dockerfile / systemd
for i in range(3):
    k, s = akia(), aws_secret()
    add("jenkinsfile", ["aws_access_key", "api_key"], {"text": f"pipeline {{\n  agent any\n  stages {{\n    stage('Upload') {{\n      steps {{\n        withEnv([\"AWS_ACCESS_KEY_ID={k}\", \"AWS_SECRET_ACCESS_KEY={s}\", \"AWS_DEFAULT_REGION=eu-west-1\"]) {{\n          sh 'aws s3 sync dist/ s3://static-prod/'\n        }}\n      }}\n    }}\n  }}\n}}\n"})
for i in range(2):
    k = api_key_any()
    add("jenkinsfile", ["api_key"], {"text": f"node {{\n  stage('Notify') {{\n    sh \"curl -sf -X POST -H 'X-Api-Key: {k}' https://hooks.quillcorp.io/deploy\"\n  }}\n}}\n"})
for i in range(3):
    add("jenkinsfile", [], {"text": "pipeline {\n  agent { label 'linux' }\n  stages {\n    stage('Checkout') { steps { git url: 'git@github.com:quillcorp/billing.git', branch: 'main' } }\n    stage('Deploy') {\n      steps {\n        withCredentials([usernamePassword(credentialsId: 'nexus-deploy', usernameVariable: 'NEXUS_USER', passwordVariable: 'NEXUS_PASS')]) {\n          sh 'mvn -s settings.xml deploy -Dnexus.password=$NEXUS_PASS'\n        }\n      }\n    }\n  }\n}\n// build " + sha(7)})
for i in range(3):
    add("gitlab-ci", ["private_key"], {"text": "variables:\n  GIT_DEPTH: \"10\"\n  DEPLOY_KEY: |\n" + "".join("    " + ln + "\n" for ln in pem(R.choice(["OPENSSH", "RSA"])).splitlines()) + "deploy:\n  stage: deploy\n  script:\n    - eval $(ssh-agent -s) && echo \"$DEPLOY_KEY\" | ssh-add -\n"})
for i in range(2):
    p = password()
    add("gitlab-ci", ["password"], {"text": f"test:\n  image: python:3.12\n  services:\n    - name: postgres:16\n      alias: db\n  variables:\n    POSTGRES_USER: ci\n    POSTGRES_PASSWORD: \"{p}\"\n  script:\n    - pytest -q\n"})
for i in range(3):
    add("gitlab-ci", [], {"text": "deploy:\n  stage: deploy\n  image: registry.gitlab.com/quill/tools@sha256:" + sha(64) + "\n  script:\n    - echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin $CI_REGISTRY\n    - helm upgrade api ./chart --set image.tag=$CI_COMMIT_SHORT_SHA\n  rules:\n    - if: $CI_COMMIT_TAG =~ /^v\\d+\\.\\d+\\.\\d+$/\n"})
for i in range(3):
    t = "npm_" + rs(ALNUM, 36)
    add("dockerfile", ["api_key"], {"text": f"FROM node:20-alpine AS build\nWORKDIR /app\nARG NPM_TOKEN={t}\nRUN echo \"//registry.npmjs.org/:_authToken=${{NPM_TOKEN}}\" > .npmrc && npm ci && rm .npmrc\nCOPY . .\nRUN npm run build\n"})
for i in range(2):
    p = password()
    add("dockerfile", ["password"], {"text": f"FROM mcr.microsoft.com/mssql/server:2022-latest\nENV ACCEPT_EULA=Y\nENV MSSQL_SA_PASSWORD={p}\nEXPOSE 1433\n"})
for i in range(3):
    add("dockerfile", [], {"text": f"FROM python:3.12-slim@sha256:{sha(64)}\nARG PIP_INDEX_TOKEN\nENV PYTHONDONTWRITEBYTECODE=1 APP_VERSION=4.{R.randint(0, 20)}.{R.randint(0, 9)}\nRUN --mount=type=secret,id=pip_token pip install -r requirements.txt\nLABEL org.opencontainers.image.revision=\"{sha()}\"\n"})
for i in range(3):
    p = password()
    add("systemd-unit", ["password"], {"text": f"[Unit]\nDescription=Orders API\nAfter=network-online.target\n\n[Service]\nUser=orders\nEnvironment=\"DATABASE_URL=postgresql://orders:{p}@10.0.5.12:5432/orders\"\nEnvironment=PORT=8080\nExecStart=/opt/orders/bin/server\nRestart=on-failure\n"})
for i in range(2):
    k = sk_live()
    add("systemd-unit", ["api_key"], {"text": f"[Service]\nEnvironment=STRIPE_SECRET_KEY={k}\nEnvironment=NODE_ENV=production\nExecStart=/usr/bin/node /srv/shop/server.js\n"})
for i in range(3):
    add("systemd-unit", [], {"text": "[Service]\nEnvironmentFile=/etc/orders/env\nLoadCredential=db-password:/etc/credstore/orders-db\nExecStart=/opt/orders/bin/server --db-password-file=${CREDENTIALS_DIRECTORY}/db-password\nMemoryMax=1G\n"})

# ---- properties / Spring / Rails / .NET
for i in range(3):
    p = password(); f, l = name()
    add("java-properties", ["password", "email"], {"text": f"# generated {R.randint(1, 28)}.11.2026\nspring.datasource.url=jdbc:postgresql://db.internal:5432/ledger\nspring.datasource.username=ledger\nspring.datasource.password={p}\nspring.mail.host=smtp.fjordmail.net\nspring.mail.username={email(f, l)}\n"})
for i in range(2):
    add("java-properties", ["aws_access_key", "api_key"], {"text": f"cloud.aws.region.static=eu-central-1\ncloud.aws.credentials.access-key={akia()}\ncloud.aws.credentials.secret-key={aws_secret()}\n"})
for i in range(3):
    add("java-properties", [], {"text": f"spring.datasource.password=${{DB_PASSWORD}}\nmail.smtp.password=ENC({rs(B64, 44)})\napp.build.version=3.{R.randint(0, 40)}.{R.randint(0, 9)}-SNAPSHOT\napp.build.commit={sha()}\n"})
for i in range(3):
    s = rs(B64, 64)
    add("spring-yml", ["api_key", "password"], {"text": f"spring:\n  datasource:\n    url: jdbc:mysql://mysql-prod:3306/shop\n    username: shop\n    password: {password()}\nsecurity:\n  jwt:\n    signing-secret: {s}\n"})
for i in range(3):
    add("spring-yml", [], {"text": f"spring:\n  datasource:\n    password: ${{SPRING_DATASOURCE_PASSWORD}}\n  cloud:\n    config:\n      token: '{{cipher}}{rs(ALNUM, 60)}'\nmanagement:\n  endpoints:\n    web:\n      exposure:\n        include: health,info\ninfo:\n  version: 2.{R.randint(0, 9)}.{R.randint(0, 30)}\n"})
for i in range(2):
    add("rails-yml", ["password"], {"text": f"production:\n  adapter: postgresql\n  encoding: unicode\n  database: storefront_production\n  username: storefront\n  password: {password()}\n  host: 10.1.0.7\n"})
for i in range(2):
    k, s = akia(), aws_secret()
    add("rails-yml", ["aws_access_key", "api_key"], {"text": f"# rails credentials:edit (decrypted)\naws:\n  access_key_id: {k}\n  secret_access_key: {s}\nsecret_key_base: {sha(128)}\n"})
for i in range(2):
    add("rails-yml", [], {"text": "production:\n  <<: *default\n  database: storefront_production\n  username: storefront\n  password: <%= ENV[\"STOREFRONT_DATABASE_PASSWORD\"] %>\n  pool: <%= ENV.fetch(\"RAILS_MAX_THREADS\") { 5 } %>\n"})
for i in range(3):
    add("appsettings-json", ["password", "api_key"], {"ConnectionStrings": {"Default": f"Server=tcp:sql-weu.database.windows.net,1433;Database=Orders;User ID=orders_app;Password={password()};Encrypt=True;"},
        "SendGrid": {"ApiKey": "SG." + rs(B64URL, 22) + "." + rs(B64URL, 43)}, "Logging": {"LogLevel": {"Default": "Information"}}})
for i in range(3):
    add("appsettings-json", [], {"ConnectionStrings": {"Default": "Server=(localdb)\\mssqllocaldb;Database=Orders;Trusted_Connection=True;MultipleActiveResultSets=true"},
        "KeyVault": {"Secret": "@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/sendgrid/)"}, "Jwt": {"Issuer": "https://login.quillcorp.io", "Audience": "orders-api"},
        "ApplicationInsights": {"ConnectionString": f"InstrumentationKey={uuid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"}})

# ---- Jupyter / DataFrame / Markdown / LaTeX
for i in range(3):
    rows = []
    for j in range(3):
        f, l = name(); rows.append(f"{j}  {f:<8} {email(f, l):<34} {phone_us()}")
    add("jupyter-output", ["email", "phone"], {"cell_type": "code", "execution_count": R.randint(3, 40), "source": ["df = pd.read_sql('select name, email, phone from leads', eng)\n", "df.head(3)"],
        "outputs": [{"output_type": "execute_result", "data": {"text/plain": ["   name     email                              phone\n"] + [r + "\n" for r in rows]}, "metadata": {}, "execution_count": 7}]})
for i in range(2):
    k = akia(); s = aws_secret()
    add("jupyter-output", ["aws_access_key", "api_key"], {"cell_type": "code", "source": ["!cat ~/.aws/credentials"], "outputs": [{"output_type": "stream", "name": "stdout",
        "text": ["[default]\n", f"aws_access_key_id = {k}\n", f"aws_secret_access_key = {s}\n"]}]})
for i in range(3):
    add("jupyter-output", [], {"cell_type": "code", "source": ["model.fit(X_train, y_train)\n", "print(sklearn.__version__, roc_auc_score(y_test, p))"],
        "outputs": [{"output_type": "stream", "name": "stdout", "text": [f"1.5.{R.randint(0, 2)} 0.{digits(4)}\n", f"run_id={uuid()} seed=1337 rows={R.randint(10000, 999999)}\n"]}]})
for i in range(3):
    lines = ["   patient_mrn  dx_code  member_id        los"]
    for j in range(3):
        lines.append(f"{j}  {mrn():<11}  {icd()[0]:<7}  {member_id():<15}  {R.randint(1, 14)}")
    add("dataframe-print", ["medical_record_number", "icd10", "health_insurance_number"], {"text": "\n".join(lines) + "\n[3 rows x 4 columns]"})
for i in range(2):
    lines = ["        order_id  sku         qty   unit_price  shipped_at"]
    for j in range(4):
        lines.append(f"{j}  {safe_digits(12)}  E11-{rs('ABCDEFGH', 3)}   {R.randint(1, 9)}   {R.randint(5, 300)}.{digits(2)}   {epoch_ms()}")
    add("dataframe-print", [], {"text": "\n".join(lines) + "\ndtype: object"})
for i in range(2):
    add("dataframe-print", ["ssn"], {"text": "> head(employees)\n  emp_id   name          ssn          dept\n1  E0142  " + f"{' '.join(name()):<12}  {ssn()}  Finance\n2  E0157  {' '.join(name()):<12}  {ssn()}  Ops\n"})
for i in range(3):
    add("markdown-table", ["password"], {"text": f"## Staging accounts\n\n| env | user | password |\n|---|---|---|\n| staging | admin | {password()} |\n| qa | qa-bot | {password()} |\n"})
for i in range(2):
    f, l = name(); f2, l2 = name()
    add("markdown-table", ["email", "phone"], {"text": f"### On-call rota\n\n| week | engineer | email | phone |\n|---|---|---|---|\n| 48 | {f} {l} | {email(f, l)} | {phone_uk()} |\n| 49 | {f2} {l2} | {email(f2, l2)} | {phone_uk()} |\n"})
for i in range(3):
    add("markdown-table", [], {"text": "## Password policy\n\n| rule | value |\n|---|---|\n| minimum length | 14 |\n| rotation | 365 days |\n| history | last 10 passwords |\n| example format | `<word>-<word>-<digits>` |\n\nNever paste a password here; use the vault.\n"})
for i in range(3):
    code, desc = icd(); m = mrn()
    add("latex", ["medical_record_number", "icd10"], {"text": f"\\documentclass{{letter}}\n\\begin{{document}}\n\\begin{{letter}}{{Dr. {' '.join(name())}}}\n\\opening{{Dear colleague,}}\nRe: Medical Record No.~{m}. Referred with \\textbf{{{code}}} ({desc}).\n\\closing{{Kind regards,}}\n\\end{{letter}}\n\\end{{document}}\n"})
for i in range(2):
    add("latex", [], {"text": "\\begin{theorem}\\label{thm:B12}\nFor every $n > 10$ the sequence $E_{11}$ converges; see Table~\\ref{tab:I10} and eq.~(C50).\n\\end{theorem}\n% arXiv:2611." + digits(5) + "v2\n"})

# ---- mbox / quoted-printable / json escapes
for i in range(3):
    f, l = name(); f2, l2 = name()
    em = email(f, l)
    add("mbox", ["email", "phone"], {"text": f"From {em} Mon Nov 30 09:12:44 2026\nFrom: {f} {l} <{em}>\nTo: {email(f2, l2)}\nSubject: Re: contract\nDate: Mon, 30 Nov 2026 09:12:44 +0000\n\nCall me tomorrow on {phone_any()}.\n\n> On Fri, {f2} wrote:\n> sounds good\n"})
for i in range(3):
    c = card(); s = ssn()
    body = f"Olá equipe,\n\nSegue o cartão para a reserva: {fmt_card(c, 'space')} e o SSN do hóspede americano {s}.\n\nObrigada!\n"
    qp = quopri.encodestring(body.encode("utf-8")).decode("ascii")
    add("quoted-printable", ["credit_card", "ssn"], {"headers": {"Content-Type": "text/plain; charset=utf-8", "Content-Transfer-Encoding": "quoted-printable"}, "body": qp})
for i in range(2):
    body = "Caro cliente,\n\nla sua fattura n. " + safe_digits(10) + " è disponibile. Totale: 129,00 € — scadenza 15/12/2026.\nCodice ordine: " + safe_digits(14) + "\n"
    add("quoted-printable", [], {"headers": {"Content-Transfer-Encoding": "quoted-printable"}, "body": quopri.encodestring(body.encode("utf-8")).decode("ascii")})
for i in range(3):
    # Gson-style escaping: '=' -> \u003d, non-ASCII -> \uXXXX
    p = password()
    inner = json.dumps({"datasource": f"jdbc:sqlserver://sql01;user=relatório;password={p}", "owner": "José Conceição"}, ensure_ascii=True).replace("=", "\\u003d")
    add("json-escaped", ["password"], {"raw": inner})
for i in range(2):
    key = pem("PKCS8")
    inner = json.dumps({"type": "service_account", "private_key_id": sha(), "private_key": key}, ensure_ascii=True).replace("=", "\\u003d").replace("+", "\\u002b")
    add("json-escaped", ["private_key"], {"raw": inner})
for i in range(3):
    inner = json.dumps({"título": "Relatório mensal", "versão": f"7.{R.randint(0, 9)}.{R.randint(0, 9)}", "hash": "sha256\u003d" + sha(64), "criado": int(epoch_ms())}, ensure_ascii=True).replace("=", "\\u003d")
    add("json-escaped", [], {"raw": inner})

# ---- clinical documents
for i in range(4):
    f, l = name(); m = mrn(); c1, d1 = icd(); c2, d2 = icd()
    add("discharge-summary", ["medical_record_number", "icd10"], {"text": f"DISCHARGE SUMMARY\nPatient: {l.upper()}, {f}    MRN: {m}    Admit: 11/24/2026  Discharge: 11/29/2026\nDischarge diagnoses:\n 1. {d1} ({c1})\n 2. {d2} ({c2})\nFollow-up with PCP in 1 week. Attending: {' '.join(name())}, MD"})
for i in range(3):
    add("discharge-summary", [], {"text": "DISCHARGE INSTRUCTIONS (template)\nTake medications as prescribed. Return to the ED for chest pain, shortness of breath or fever over 38.5 °C.\nDiet: low sodium. Activity: as tolerated. Follow-up: primary care in 7–10 days.\nForm MED-DC-" + str(R.randint(10, 99)) + " rev. 2026"})
for i in range(3):
    m = mrn(); code, desc = icd()
    add("radiology-report", ["medical_record_number", "icd10"], {"text": f"EXAM: CT CHEST W/O CONTRAST\nMRN: {m}   ACC#: {safe_digits(10)}   DOS: 11/28/2026\nINDICATION: {desc} [{code}]\nFINDINGS: No focal consolidation. No pleural effusion.\nIMPRESSION: No acute cardiopulmonary process."})
for i in range(3):
    add("radiology-report", [], {"text": f"EXAM: XR KNEE 3 VIEWS LEFT\nACCESSION: {safe_digits(10)}  ORDERING NPI: {safe_digits(10, '1')}\nFINDINGS: Mild medial joint space narrowing.\nIMPRESSION: Mild degenerative change.\nStudy UID 1.2.840.113619.2.{R.randint(100, 999)}.{safe_digits(10)}.{R.randint(1000, 9999)}"})
for i in range(3):
    m = mrn(); f, l = name()
    add("dicom-dump", ["medical_record_number"], {"text": f"(0008,0050) SH [{safe_digits(9)}]          # AccessionNumber\n(0008,0060) CS [MR]                 # Modality\n(0010,0010) PN [{l}^{f}]       # PatientName\n(0010,0020) LO [{m}]           # PatientID\n(0010,0021) LO [NWH_MRN]            # IssuerOfPatientID\n(0010,0030) DA [19{R.randint(40, 99)}0{R.randint(1, 9)}1{R.randint(0, 9)}]       # PatientBirthDate\n(0020,000D) UI [1.2.826.0.1.3680043.8.498.{safe_digits(12)}] # StudyInstanceUID"})
for i in range(3):
    add("dicom-dump", [], {"text": f"(0010,0010) PN [ANONYMOUS]          # PatientName\n(0010,0020) LO []                   # PatientID\n(0012,0062) CS [YES]                # PatientIdentityRemoved\n(0012,0063) LO [DICOM PS 3.15 E.1]  # DeidentificationMethod\n(0018,0050) DS [1.25]               # SliceThickness\n(0020,000E) UI [1.2.826.0.1.3680043.8.498.{safe_digits(12)}] # SeriesInstanceUID"})
for i in range(3):
    f, l = name()
    add("pharmacy-label", ["phone", "health_insurance_number"], {"text": f"RX# {safe_digits(7)}   DATE FILLED 11/29/2026\n{l.upper()}, {f.upper()}   TEL {phone_us()}\nMETFORMIN HCL 500 MG TAB  QTY 60\nTAKE 1 TABLET BY MOUTH TWICE DAILY WITH MEALS\nNDC 00093-1048-01   REFILLS: 3\nINS MEMBER ID: {member_id()}   COPAY $4.00"})
for i in range(3):
    add("pharmacy-label", [], {"text": f"RX# {safe_digits(7)}\nATORVASTATIN 20 MG TAB   QTY 30\nNDC 0071-0156-23  LOT {rs('ABCDEFGHJK', 2)}{digits(4)}  EXP 08/2028\nPRESCRIBER NPI {safe_digits(10, '1')}  DEA: see file\nBIN 610014  PCN MEDDPRIME  GRP {rs('ABCDEFGHJK', 3)}{digits(3)}"})
for i in range(3):
    f, l = name()
    add("insurance-fax", ["health_insurance_number"], {"text": f"FAX  11/29/2026 14:02  FROM: BLUE PEAK UM DEPT  PAGE 1/2\n\n  B L U E   P E A K   H E A L T H\n  Member: {f.upper()} {l.upper()}\n  Member ID : {member_id()}\n  Group No: {digits(6)}     RxBIN 003858  RxPCN A4\n  Copay PCP $25 / SPEC $50\n[OCR confidence 0.87]"})
for i in range(3):
    add("insurance-fax", [], {"text": f"FAX COVER SHEET  PAGES: 3\nTO: Utilization Review   RE: Prior auth request\nGroup No: {digits(6)}   Payer ID: {digits(5)}   RxBIN 610279  PCN 03200000\nMember ID: XXXXXX{digits(4)}\nCONFIDENTIALITY NOTICE: This fax may contain protected health information."})
for i in range(3):
    c1, _ = icd(); c2, _ = icd()
    add("eob", ["health_insurance_number", "icd10"], {"text": f"EXPLANATION OF BENEFITS — THIS IS NOT A BILL\nMember ID: {member_id()}   Claim #: {safe_digits(13, '2')}\nProvider: Lakeside Ortho   Date of service: 11/03/2026\nDiagnosis codes: {c1}, {c2}\nCPT 99214   Billed $240.00  Allowed $132.55  You owe $25.00"})
for i in range(3):
    add("eob", [], {"text": f"EXPLANATION OF BENEFITS — THIS IS NOT A BILL\nClaim #: {safe_digits(13, '2')}   Group: {digits(6)}\nCPT 97110 x2  Billed $180.00  Allowed $96.40  Plan paid $77.12  You owe $19.28\nQuestions? Call the number on the back of your card."})
for i in range(2):
    add("eob", ["medical_record_number", "health_insurance_number"], {"text": f"HOSPITAL STATEMENT\nPatient MRN: {mrn()}   Insurance subscriber ID: {member_id()}\nAccount #{safe_digits(9)}   Balance due $312.40"})

# ---- banking / retail / travel
for i in range(3):
    add("bank-transfer", [], {"GrpHdr": {"MsgId": "MSG-" + safe_digits(12), "CreDtTm": ts(), "NbOfTxs": "1"}, "PmtInf": {"DbtrAcct": {"IBAN": iban_de().replace(" ", "")},
        "CdtTrfTxInf": {"PmtId": {"EndToEndId": "E2E" + safe_digits(14)}, "Amt": {"InstdAmt": {"Ccy": "EUR", "value": f"{R.randint(10, 9000)}.{digits(2)}"}},
                        "CdtrAcct": {"IBAN": iban_de()}, "CdtrAgt": {"BIC": "COBADEFFXXX"}, "RmtInf": {"Ustrd": "Rechnung RE-" + safe_digits(8)}}}})
for i in range(3):
    add("bank-transfer", [], {"type": "ach_credit", "routing_number": "0" + safe_digits(8), "account_number_last4": digits(4), "trace_number": safe_digits(15, "0"),
        "amount": R.randint(1000, 900000), "effective_date": "2026-12-01", "company_entry_description": "PAYROLL", "id": uuid()})
for i in range(2):
    f, l = name()
    add("bank-transfer", ["email"], {"type": "sepa_credit", "creditor_iban": iban_de(), "remittance": "INV " + safe_digits(8), "notify_email": email(f, l), "amount": "250.00"})
for i in range(3):
    c = card()
    add("pos-receipt", ["credit_card"], {"text": f"  CAFÉ LUMEN  - STORE 0042\n  2x Flat white        7.80\n  1x Pastel de nata    1.90\n  TOTAL EUR            9.70\n  VISA/MC CONTACTLESS\n  CARD: {c}\n  AUTH: {digits(6)}  TID: {digits(8)}\n  THANK YOU"})
for i in range(4):
    add("pos-receipt", [], {"text": f"  BRIGHTCART #{R.randint(100, 999)}\n  SKU 400{digits(6)}  CHARGER 65W   39.99\n  TOTAL                 39.99\n  MASTERCARD  ************{R.choice(['4444', '5100', '3222'])}\n  AID A0000000041010  TVR 0000008000\n  AUTH {digits(6)}  RRN {safe_digits(12)}  STAN {digits(6)}\n  ORDER {safe_digits(16, '9')}"})
for i in range(3):
    c = card(); f, l = name()
    add("pnr", ["credit_card", "phone", "email"], {"text": f"RP/LIS1A0980/LIS1A0980  AA/SU  29NOV26/1012Z   {rs('ABCDEFGHJKLMNPQRSTUVWXYZ', 6)}\n  1.{l.upper()}/{f.upper()} MS\n  2  TP 1352 Y 12DEC 6 LISLHR HK1  0725 1005  *1A/E*\n  3 AP LIS {phone_uk()} - H\n  4 APE {email(f, l).upper()}\n  5 FP CC{R.choice(['VI', 'CA'])}{c}/{R.randint(1, 12):02d}{R.randint(27, 31)}\n  6 TK OK29NOV/LIS1A0980"})
for i in range(3):
    f, l = name()
    add("pnr", [], {"text": f"RP/LIS1A0980  {rs('ABCDEFGHJKLMNPQRSTUVWXYZ', 6)}\n  1.{l.upper()}/{f.upper()} MR\n  2  TP 1352 Y 12DEC 6 LISLHR HK1\n  3 FA PAX 047-{safe_digits(10)}/ETTP/EUR312.44/29NOV26\n  4 FP CCVIXXXXXXXXXXXX{digits(4)}/XXXX\n  5 SSR DOCS TP HK1 ----{R.randint(10, 28)}MAY85-F--{l.upper()}"})
for i in range(3):
    c = card(); f, l = name()
    add("hotel-folio", ["credit_card", "cvv", "email"], {"folio": "F" + safe_digits(8), "guest": {"name": f"{f} {l}", "email": email(f, l)}, "room": f"{R.randint(1, 9)}{R.randint(10, 40)}",
        "guarantee": {"type": "card", "number": fmt_card(c, "space"), "cvc": cvv_for(c), "expiry": f"{R.randint(1, 12):02d}/{R.randint(27, 31)}"}, "balance": f"{R.randint(100, 999)}.00"})
for i in range(3):
    add("hotel-folio", [], {"folio": "F" + safe_digits(8), "room": "B12", "nights": R.randint(1, 6), "guarantee": {"type": "card", "brand": "AMEX", "last4": digits(4), "token": "tok_" + rs(ALNUM, 24)},
        "lines": [{"date": "2026-11-28", "desc": "Room", "amount": "189.00"}, {"date": "2026-11-28", "desc": "Minibar", "amount": "12.50"}]})
for i in range(3):
    f, l = name()
    add("order-export", ["email", "phone"], {"orders": [{"id": safe_digits(13, "5"), "name": f"#{R.randint(1000, 9999)}", "email": email(f, l), "phone": phone_any(),
        "shipping_address": {"first_name": f, "last_name": l, "city": "Porto", "zip": "4000-" + digits(3)}, "total_price": f"{R.randint(10, 400)}.{digits(2)}",
        "payment_details": {"credit_card_bin": "424242", "credit_card_number": "•••• •••• •••• 4242"}}]})
for i in range(3):
    add("order-export", [], {"orders": [{"id": safe_digits(13, "5"), "name": f"#{R.randint(1000, 9999)}", "line_items": [{"sku": "E11-BLK", "quantity": 1}, {"sku": "C50-WHT", "quantity": 2}],
        "fulfillments": [{"tracking_number": "9400" + safe_digits(18), "tracking_company": "USPS"}], "checkout_token": sha(32), "processed_at": ts()}]})
for i in range(3):
    c = card()
    add("terminal-log", ["credit_card", "cvv"], {"text": f"2026-11-30 13:44:02.118 [EMV] TXN START amt=000000004590 cur=978\n2026-11-30 13:44:02.410 [DBG] manual entry PAN={c} EXP={R.randint(27, 31)}{R.randint(1, 12):02d} CVV2={cvv_for(c)}\n2026-11-30 13:44:03.002 [HOST] resp=00 auth={digits(6)}"})
for i in range(3):
    add("terminal-log", [], {"text": f"2026-11-30 13:50:11.004 [EMV] AID=A0000000031010 PAN=476173******{digits(4)} PSN=01\n2026-11-30 13:50:11.120 [EMV] TVR=0000048000 TSI=E800 ATC=00{digits(2)}\n2026-11-30 13:50:12.990 [HOST] resp=00 RRN={safe_digits(12)} STAN={digits(6)} TID={digits(8)} batch={digits(3)}"})
for i in range(3):
    f, l = name()
    add("shipping-label", ["phone", "email"], {"text": f"SHIP TO:\n{f.upper()} {l.upper()}\n22 RUA DAS FLORES\n4050-262 PORTO PT\nTEL: {phone_any()}\nEMAIL: {email(f, l)}\nWEIGHT 1.2 KG   REF {safe_digits(10)}"})
for i in range(3):
    add("shipping-label", [], {"text": f"UPS GROUND\nTRACKING #: 1Z {rs('0123456789ABCDEFGHJK', 3)} {digits(3)} {digits(2)} {digits(4)} {digits(4)}\nSHP WT: 3 LBS   DWT: 12,10,4\nBILLING: P/P   REF: PO-{safe_digits(8)}\nSERIAL {safe_digits(12, '8')}"})

# ---- multilingual / digit systems
DEVA = str.maketrans("0123456789", "०१२३४५६७८९")
FW = str.maketrans("0123456789", "０１２３４５６７８９")
for i in range(3):
    ph = f"+91 98{digits(3)} {digits(5)}"
    add("i18n-text", ["phone"], {"lang": "hi", "text": f"नमस्ते, कृपया मुझे इस नंबर पर कॉल करें: {ph.translate(DEVA)} — धन्यवाद"})
for i in range(2):
    add("i18n-text", [], {"lang": "hi", "text": f"आपका ऑर्डर संख्या {safe_digits(10).translate(DEVA)} भेज दिया गया है। संस्करण ७.२.१"})
for i in range(3):
    c = card()
    add("i18n-text", ["credit_card"], {"lang": "zh", "text": f"您好，我的信用卡号是{fmt_card(c, R.choice(['plain', 'space'])).translate(FW)}，请帮我退款。"})
for i in range(2):
    add("i18n-text", ["phone"], {"lang": "zh", "text": f"收货人手机号：138 {digits(4)} {digits(4)}，请在工作日送达。"})
for i in range(2):
    add("i18n-text", [], {"lang": "zh", "text": f"订单号：{safe_digits(18, '2')}，快递单号 SF{safe_digits(12)}，预计12月3日送达。"})
for i in range(3):
    f, l = name()
    add("i18n-text", ["password", "email"], {"lang": "ru", "text": f"Доступ к почте: логин {email(f, l)}, пароль: {password()} — смените после входа."})
for i in range(2):
    add("i18n-text", [], {"lang": "ru", "text": "Пароль должен содержать не менее 12 символов, включая цифру и спецсимвол. Версия 5.4.2, сборка " + sha(7)})
for i in range(3):
    c = card(); cv = cvv_for(c)
    add("i18n-text", ["credit_card", "cvv"], {"lang": "pt", "text": f"Oi! Pode passar no cartão {fmt_card(c, 'space').replace(' ', chr(160))}, validade {R.randint(1, 12):02d}/{R.randint(27, 31)}, código de segurança {cv}."})
for i in range(2):
    add("i18n-text", ["password"], {"lang": "it", "text": f"Ciao, la password del Wi-Fi dell'ufficio è {password()} (rete QUILL-GUEST)."})
for i in range(2):
    add("i18n-text", [], {"lang": "it", "text": f"Gentile cliente, il suo IBAN {iban_de()} è stato registrato. Numero pratica {safe_digits(11)}."})
for i in range(2):
    add("i18n-text", ["icd10", "medical_record_number"], {"lang": "pt", "text": f"Paciente prontuário (MRN) {mrn()}, CID-10 {icd()[0]}, retorno em 30 dias."})

# ---- extra positives for thinner types
for i in range(3):
    add("gitlab-ci", ["private_key"], {"text": "# .gitlab-ci.yml (escaped in a CI variable export)\n{\"key\":\"SIGNING_KEY\",\"value\":\"" + pem("EC").replace("\n", "\\n") + "\",\"masked\":false}"})
for i in range(3):
    add("azure-resource", ["private_key"], {"type": "Microsoft.KeyVault/vaults/secrets", "name": "kv-orders/tls-key", "properties": {"contentType": "application/x-pem-file", "value": pem(R.choice(["PKCS8", "ENC"]))}})
for i in range(2):
    add("azure-resource", [], {"type": "Microsoft.Web/certificates", "name": "api-cert", "properties": {"publicKey": "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + rs(B64, 60) + "\n-----END PUBLIC KEY-----", "thumbprint": sha().upper()}})
for i in range(3):
    t = jwt("RS256")
    add("datadog-log", ["jwt"], {"ddsource": "nginx", "service": "edge", "message": f"10.2.0.4 - - [30/Nov/2026:10:02:11 +0000] \"GET /v1/me HTTP/2.0\" 200 512 \"-\" \"okhttp/4.12\" cookie=\"session={t}\""})
for i in range(3):
    t = jwt()
    add("jupyter-output", ["jwt"], {"cell_type": "code", "source": ["r = requests.post(AUTH_URL, data=creds)\n", "r.json()"], "outputs": [{"output_type": "execute_result",
        "data": {"text/plain": [f"{{'access_token': '{t}',\n", " 'token_type': 'Bearer',\n", " 'expires_in': 3600}"]}}]})
for i in range(2):
    c = card()
    add("salesforce-record", ["cvv", "credit_card"], {"attributes": {"type": "Payment__c"}, "Card_Number__c": c, "CVV__c": cvv_for(c), "Status__c": "Pending"})
for i in range(2):
    add("hotel-folio", ["cvv"], {"folio": "F" + safe_digits(8), "note": f"Guest phoned the security code {digits(3)} for the card on file ending 4444; front desk to re-run authorization.", "room": "412"})
for i in range(3):
    s = ssn()
    add("hubspot-export", ["ssn"], {"results": [{"id": safe_digits(11), "properties": {"company": "Lakeside LLC", "owner_ssn": s.replace("-", "") if i == 0 else s, "tax_form": "W-9"}}]})
for i in range(3):
    add("cloudwatch-event", ["medical_record_number", "icd10"], {"messageType": "DATA_MESSAGE", "logGroup": "/ecs/claims-api", "logEvents": [{"id": safe_digits(56), "timestamp": int(epoch_ms()),
        "message": json.dumps({"level": "error", "msg": "validation failed", "mrn": mrn(), "diagnosis": icd()[0], "payer": "BPH"})}]})
for i in range(3):
    add("kafka-record", ["health_insurance_number"], {"topic": "eligibility.requests", "partition": 1, "offset": int(safe_digits(8)), "headers": [{"key": "payer", "value": "BPH"}],
        "value": {"subscriber_id": member_id(), "service_type": "30", "date": "2026-12-01"}})
for i in range(2):
    add("salesforce-record", [], {"attributes": {"type": "Asset"}, "SerialNumber": "SN-" + safe_digits(10), "Error_Code__c": "E11", "Description": "Washer shows E11 (water fill) — technician visit; ref ticket " + safe_digits(8)})
for i in range(2):
    add("order-export", [], {"orders": [{"id": safe_digits(13, "5"), "note": "Vitamin B12 1000mcg x2, I-10 exit delivery, dock C50", "phone_serial": safe_digits(11, "3"), "imei_tac": safe_digits(8)}]})
for i in range(2):
    add("cloudtrail", [], {"eventName": "CreateAccessKey", "eventSource": "iam.amazonaws.com", "responseElements": {"accessKey": {"userName": "docs-bot", "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "status": "Active"}},
        "eventTime": ts(), "eventID": uuid()})

for i in range(2):
    add("jupyter-output", ["private_key"], {"cell_type": "code", "source": ["!cat ~/.ssh/id_ed25519"], "outputs": [{"output_type": "stream", "name": "stdout", "text": [ln + "\n" for ln in pem("OPENSSH").splitlines()]}]})
for i in range(2):
    f, l = name()
    add("zendesk-ticket", ["private_key", "email"], {"ticket": {"id": R.randint(100000, 999999), "subject": "SFTP login fails", "requester": {"name": f"{f} {l}", "email": email(f, l)},
        "comment": {"body": "Here is the key we use, maybe it is the wrong format?\n\n" + pem("RSA"), "public": False}}})
for i in range(2):
    add("jupyter-output", [], {"cell_type": "code", "source": ["!cat ~/.ssh/id_ed25519.pub ~/.ssh/known_hosts | head -2"], "outputs": [{"output_type": "stream", "name": "stdout",
        "text": [f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rs(B64, 43)} analyst@notebook-7\n", f"gitlab.quillcorp.io ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rs(B64, 43)}\n"]}]})
for i in range(2):
    add("gitlab-ci", [], {"text": f"# job {safe_digits(9)} log (masked), commit {sha(8)}\n" + "$ echo \"$DEPLOY_KEY\" | head -1\n-----BEGIN OPENSSH PRIVATE KEY-----\n[MASKED]\n$ ssh-keyscan gitlab.quillcorp.io >> ~/.ssh/known_hosts\n# gitlab.quillcorp.io:22 SSH-2.0-OpenSSH_9.6\n"})

# ---- envelope samples (the sensitive value sits in the message envelope's meta)
for i in range(4):
    f, l = name()
    env = {"sender_id": "agent-crm", "target_id": "agent-mailer", "message_type": "notify", "meta": {"version": 1, "correlation_id": uuid(), "expects_reply": False, "is_reply": False, "reply_to": email(f, l)}}
    add("envelope", ["email"], {"template": "welcome", "locale": "pt-PT"}, envelope=env)
for i in range(3):
    env = {"sender_id": "agent-api", "target_id": "agent-billing", "message_type": "charge", "meta": {"version": 1, "correlation_id": uuid(), "expects_reply": True, "is_reply": False, "auth": f"Bearer {jwt()}"}}
    add("envelope", ["jwt"], {"order_id": "BC-" + safe_digits(8), "amount_cents": R.randint(100, 9000)}, envelope=env)
for i in range(2):
    env = {"sender_id": "agent-etl", "target_id": "agent-dw", "message_type": "load", "meta": {"version": 1, "correlation_id": uuid(), "expects_reply": False, "is_reply": False, "priority": "LOW", "trace": sha(32)}}
    add("envelope", [], {"batch": safe_digits(10), "rows": R.randint(10, 9999)}, envelope=env)

# ---------------------------------------------------------------- assertions

def norm(s):
    out = []
    for ch in s:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            out.append(str(unicodedata.digit(ch)))
        else:
            out.append(ch)
    return unicodedata.normalize("NFKC", "".join(out)).replace("\u00a0", " ").replace("\u2011", "-").replace("\u200b", "")


def strings(o):
    if isinstance(o, str):
        yield o
    elif isinstance(o, dict):
        for k, v in o.items():
            yield k
            yield from strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v)
    elif o is not None:
        yield str(o)


def texts(s):
    parts = list(strings(s["data"])) + list(strings(s.get("envelope", {})))
    extra = []
    for p in parts:
        extra.append(p.replace("\\n", "\n"))
        if "quoted-printable" in json.dumps(s["data"]):
            extra.append(quopri.decodestring(p.encode("utf-8")).decode("utf-8", "replace"))
    if "raw" in s["data"]:
        extra.extend(strings(json.loads(s["data"]["raw"])))
    return norm("\n".join(parts + extra))


SSN_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
AWS_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")
PEM_RE = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{40}")

errors = []
for idx, s in enumerate(SAMPLES):
    s["id"] = f"bl-{idx:03d}"
    t = texts(s)
    T = set(s["types"])
    runs = card_runs(t)
    luhn_valid = {r for r in runs if luhn_ok(r)}
    if "credit_card" in T:
        if not any(issuer_ok(r) for r in luhn_valid):
            errors.append((s["id"], "card label without a Luhn-valid issuer card"))
        for r in luhn_valid:
            if not issuer_ok(r):
                errors.append((s["id"], f"Luhn-valid non-issuer run {r}"))
    elif luhn_valid:
        errors.append((s["id"], f"Luhn-valid run in non-card sample: {luhn_valid}"))
    has_ssn = any(int(a) not in (0, 666) and int(a) < 900 and g != "00" and n != "0000" for a, g, n in SSN_RE.findall(t))
    if has_ssn != ("ssn" in T) and not ("ssn" in T and re.search(r"\b\d{9}\b", t)):
        errors.append((s["id"], f"SSN shape mismatch {has_ssn}"))
    emails = [m for m in EMAIL_RE.finditer(t) if not (m.group().startswith("git@") and t[m.end():m.end() + 1] == ":")]
    # user:password@host inside a URL is a credential, not an address
    emails = [m for m in emails if not re.search(r"://[^\s/@]*$", t[max(0, m.start() - 200):m.start()])]
    if bool(emails) != ("email" in T):
        errors.append((s["id"], f"email mismatch {[m.group() for m in emails][:3]}"))
    aws = [k for k in AWS_RE.findall(t) if "EXAMPLE" not in k]
    if bool(aws) != ("aws_access_key" in T):
        errors.append((s["id"], "aws mismatch"))
    if bool(JWT_RE.search(t)) != ("jwt" in T):
        errors.append((s["id"], "jwt mismatch"))
    if bool(PEM_RE.search(t)) != ("private_key" in T):
        errors.append((s["id"], "pem mismatch"))
    if "envelope" in s and not isinstance(s["envelope"], dict):
        errors.append((s["id"], "envelope"))

counts = {k: sum(k in s["types"] for s in SAMPLES) for k in TYPES}
neg = sum(not s["types"] for s in SAMPLES)
env = sum("envelope" in s for s in SAMPLES)
if len(SAMPLES) < 250:
    errors.append(("*", f"only {len(SAMPLES)} samples"))
if neg < 90:
    errors.append(("*", f"only {neg} negatives"))
for k, v in counts.items():
    if v < 15:
        errors.append(("*", f"{k}: {v} < 15"))
if env > len(SAMPLES) // 10:
    errors.append(("*", "too many envelopes"))
if errors:
    for e in errors:
        print("ASSERT", *e)
    raise SystemExit(1)

with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
    for s in SAMPLES:
        line = {"id": s["id"], "format": s["format"], "types": s["types"], "data": s["data"]}
        if "envelope" in s:
            line["envelope"] = s["envelope"]
        fh.write(json.dumps(line, ensure_ascii=False, sort_keys=False) + "\n")

if __name__ == "__main__":
    fm = {}
    for s in SAMPLES:
        p = fm.setdefault(s["format"], [0, 0])
        p[0 if s["types"] else 1] += 1
    print(f"{len(SAMPLES)} samples, {len(SAMPLES) - neg} positive, {neg} negative, {env} envelope")
    for k, v in counts.items():
        print(f"| `{k}` | {v} |")
    for k in sorted(fm):
        print(f"| {k} | {fm[k][0]} | {fm[k][1]} |")
