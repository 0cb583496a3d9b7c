"""
Builds ../dlp-realworld.jsonl: labelled samples in the shapes real traffic has (chat, logs, nested
JSON, CSV inside strings, HL7 v2, FHIR, env dumps, URLs with credentials, e-mail headers, forms) and
hard negatives. Written from those formats (specs of HL7/FHIR, Stripe/GitHub/Slack key formats,
12-factor env files, nginx/syslog lines), not from the gateway's detectors. Values are synthetic or
published test values. Deterministic: `python3 build.py` rewrites the same file.
"""
import base64
import json
import random
import urllib.parse
from pathlib import Path

from luhn import broken, complete, luhn_ok

rng = random.Random(20261201)
samples = []


def add(fmt, types, data, envelope=None):
    sample = {"id": f"rw-{len(samples):03d}", "format": fmt, "types": sorted(set(types)), "data": data}
    if envelope:
        sample["envelope"] = envelope
    samples.append(sample)


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

# ---------- credit cards ------------------------------------------------------------------------
for i, card in enumerate(CARDS[:12]):
    shape = i % 6
    if shape == 0:
        add("chat", ["credit_card"], {"text": f"hey can you put the order on my card {grouped(card)}? thanks!"})
    elif shape == 1:
        add("log", ["credit_card"], {"line": f"2024-05-11T09:12:44.123Z INFO payment-svc charge attempt pan={card} amount=42.50 currency=EUR"})
    elif shape == 2:
        add("nested-json", ["credit_card"], {"order": {"id": f"ord_{token(10)}", "payment": {"method": "card", "details": {"number": grouped(card, "-"), "exp": "09/28"}}}})
    elif shape == 3:
        add("csv-in-string", ["credit_card"], {"csv": f"name,card,exp\n{pick(FIRST)} {pick(LAST)},{card},11/27\n"})
    elif shape == 4:
        add("email-body", ["credit_card"], {"body": f"Hi team,\n\nPlease refund the customer. Card used: {grouped(card)}\n\nRegards"})
    else:
        add("ocr", ["credit_card"], {"ocr_text": f"VISA\n{grouped(card)}\nVALID THRU 04/29\nMR {pick(LAST).upper()}"})
# obfuscated or hidden cards
c = CARDS
add("nbsp", ["credit_card"], {"text": f"card: {grouped(c[0], chr(0xA0))}"})
add("en-dash", ["credit_card"], {"text": f"card no. {grouped(c[1], chr(0x2013))}"})
add("zero-width", ["credit_card"], {"text": "pay with " + "\u200b".join(c[2])})
add("full-width", ["credit_card"], {"text": "カード番号 " + "".join(chr(0xFF10 + int(d)) for d in c[3])})
add("arabic-indic", ["credit_card"], {"text": "رقم البطاقة " + "".join(chr(0x0660 + int(d)) for d in c[4])})
add("dots", ["credit_card"], {"text": f"ref {grouped(c[5], '.')}"})
add("slashes", ["credit_card"], {"text": f"cc {grouped(c[6], '/')}"})
add("underscores", ["credit_card"], {"value": grouped(c[7], "_")})
add("split-array", ["credit_card"], {"parts": [c[8][0:4], c[8][4:8], c[8][8:12], c[8][12:]]})
add("base64", ["credit_card"], {"blob": base64.b64encode(f"card={c[9]};exp=0128".encode()).decode()})
add("base64url", ["credit_card"], {"state": base64.urlsafe_b64encode(json.dumps({"pan": c[10], "t": 1}).encode()).decode().rstrip("=")})
add("hex", ["credit_card"], {"payload_hex": f"card:{c[11]}".encode().hex()})
add("percent", ["credit_card"], {"url": "https://shop.example/checkout?cc=" + urllib.parse.quote(grouped(c[12]))})
add("json-number", ["credit_card"], {"card_number": int(c[13])})
add("envelope-type", ["credit_card"], {"ok": True}, {"message_type": f"charge.{c[14]}"})
add("envelope-id", ["credit_card"], {"ok": True}, {"message_id": f"msg-{c[15]}"})
add("envelope-meta", ["credit_card"], {"ok": True}, {"meta": {"correlation_id": f"{grouped(c[16], '-')}"}})
add("envelope-extra", ["credit_card"], {"ok": True}, {"customer_ref": f"card {grouped(c[17])}"})
add("object-key", ["credit_card"], {"cards": {grouped(c[18]): {"holder": pick(LAST)}}})
add("multi", ["credit_card", "cvv"], {"form": f"cardnumber={c[19]}&cvc={rng.randrange(100, 999)}&exp=1229"})
add("stripe-like", ["credit_card", "cvv"], {"card": {"number": c[20], "cvc": str(rng.randrange(100, 999)), "exp_month": 12, "exp_year": 2028}})

# ---------- SSN ----------------------------------------------------------------------------------
for i in range(22):
    v = ssn()
    shape = i % 8
    if shape == 0:
        add("hr-form", ["ssn"], {"employee": {"name": f"{pick(FIRST)} {pick(LAST)}", "ssn": v}})
    elif shape == 1:
        add("chat", ["ssn"], {"text": f"my social security number is {v.replace('-', ' ')}"})
    elif shape == 2:
        add("w2-ocr", ["ssn"], {"ocr": f"a Employee's social security number\n{v}\nb Employer identification number (EIN) 12-3456789"})
    elif shape == 3:
        add("csv-in-string", ["ssn"], {"export": f"id,name,ssn\n{rng.randrange(1000)},{pick(LAST)},{v}"})
    elif shape == 4:
        add("log", ["ssn"], {"msg": f"[warn] kyc lookup failed for SSN {v}: upstream timeout"})
    elif shape == 5:
        add("tax", ["ssn"], {"taxpayer": {"tin_type": "SSN", "tin": v.replace("-", "")}})
    elif shape == 6:
        add("envelope-extra", ["ssn"], {"ok": 1}, {"applicant": f"SSN {v}"})
    else:
        add("nested-json", ["ssn"], {"application": {"applicant": {"identity": {"social_security_number": v}}}})

# ---------- CVV ----------------------------------------------------------------------------------
for i in range(20):
    code = str(rng.randrange(100, 1000)) if i % 5 else str(rng.randrange(1000, 10000))
    shape = i % 5
    if shape == 0:
        add("chat", ["cvv"], {"text": f"the cvv on the back is {code}"})
    elif shape == 1:
        add("form", ["cvv"], {"payment": {"cvc": code, "postal": "94107"}})
    elif shape == 2:
        add("ivr-transcript", ["cvv"], {"transcript": f"agent: and the three digit security code? caller: {code}. agent: security code {code}, thank you"})
    elif shape == 3:
        add("querystring", ["cvv"], {"body": f"exp_month=03&exp_year=27&cvv2={code}&zip=10001"})
    else:
        add("card-json", ["cvv"], {"card": {"CVV": int(code)}})

# ---------- email ------------------------------------------------------------------------------
for i in range(22):
    e = email()
    shape = i % 8
    if shape == 0:
        add("email-header", ["email"], {"raw": f"From: {pick(FIRST)} {pick(LAST)} <{e}>\nTo: support@acme-corp.io\nSubject: refund"})
    elif shape == 1:
        add("chat", ["email"], {"text": f"sure, send the invoice to {e} pls"})
    elif shape == 2:
        add("log", ["email"], {"line": f'127.0.0.1 - - [11/May/2024:10:01:22 +0000] "POST /signup?email={urllib.parse.quote(e)} HTTP/1.1" 201 512'})
    elif shape == 3:
        add("csv-in-string", ["email"], {"attachment": f"first,last,email\n{pick(FIRST)},{pick(LAST)},{e}\n"})
    elif shape == 4:
        add("crm", ["email"], {"contact": {"emails": [{"type": "work", "value": e}]}})
    elif shape == 5:
        add("fhir-telecom", ["email"], {"resourceType": "Patient", "telecom": [{"system": "email", "value": e}]})
    elif shape == 6:
        add("envelope-meta", ["email"], {"x": 1}, {"meta": {"reply_to": e}})
    else:
        add("object-key", ["email"], {"subscribers": {e: {"since": "2023-02-01"}}})

# ---------- phone --------------------------------------------------------------------------------
for i in range(22):
    p = us_phone(i % 5) if i % 3 else pick(INTL_PHONES)
    shape = i % 6
    if shape == 0:
        add("chat", ["phone"], {"text": f"call me back on {p} after 5"})
    elif shape == 1:
        add("vcard", ["phone"], {"vcf": f"BEGIN:VCARD\nVERSION:3.0\nFN:{pick(FIRST)} {pick(LAST)}\nTEL;TYPE=CELL:{p}\nEND:VCARD"})
    elif shape == 2:
        add("fhir-telecom", ["phone"], {"resourceType": "Practitioner", "telecom": [{"system": "phone", "value": p, "use": "work"}]})
    elif shape == 3:
        add("signature", ["phone"], {"body": f"Thanks,\n{pick(FIRST)}\nAccount Manager | Acme Corp\nM: {p}"})
    elif shape == 4:
        add("csv-in-string", ["phone"], {"rows": f"name;phone\n{pick(LAST)};{p}"})
    else:
        add("crm", ["phone"], {"lead": {"mobile": p, "source": "webinar"}})

# ---------- AWS keys -------------------------------------------------------------------------------
for i in range(20):
    k = aws_key()
    shape = i % 5
    if shape == 0:
        add("env-dump", ["aws_access_key"], {"env": f"HOME=/root\nAWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID={k}\nPATH=/usr/bin"})
    elif shape == 1:
        add("aws-credentials", ["aws_access_key"], {"file": f"[default]\naws_access_key_id = {k}\nregion = us-east-1"})
    elif shape == 2:
        add("log", ["aws_access_key"], {"line": f"botocore.credentials INFO Found credentials in environment variables. key={k}"})
    elif shape == 3:
        add("ci-config", ["aws_access_key"], {"yaml": f"env:\n  AWS_ACCESS_KEY_ID: {k}\n  DEPLOY_BUCKET: site-prod"})
    else:
        add("nested-json", ["aws_access_key"], {"integration": {"provider": "s3", "credentials": {"accessKeyId": k}}})

# ---------- API keys ---------------------------------------------------------------------------------
for i in range(24):
    k = api_key()
    shape = i % 8
    if shape == 0:
        add("env-dump", ["api_key"], {"env": f"NODE_ENV=production\nSTRIPE_KEY={k}\nPORT=8080"})
    elif shape == 1:
        add("chat", ["api_key"], {"text": f"here's the token for the staging bot: {k} (don't share)"})
    elif shape == 2:
        add("http-header", ["api_key"], {"headers": f"GET /v1/me HTTP/1.1\nHost: api.example.com\nAuthorization: Bearer {token(40)}"})
    elif shape == 3:
        add("url", ["api_key"], {"url": f"https://maps.example.com/api/geocode?address=Berlin&api_key={token(32)}"})
    elif shape == 4:
        add("config-json", ["api_key"], {"settings": {"slack": {"bot_token": k}}})
    elif shape == 5:
        add("log", ["api_key"], {"line": f"DEBUG http request headers={{'X-Api-Key': '{token(32)}', 'Accept': 'application/json'}}"})
    elif shape == 6:
        add("git-remote", ["api_key"], {"cmd": f"git remote set-url origin https://x-access-token:{k}@github.com/acme/infra.git"})
    else:
        add("envelope-extra", ["api_key"], {"q": "status"}, {"auth_hint": k})

# ---------- private keys --------------------------------------------------------------------------
for i in range(20):
    kind = pick(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"])
    block = pem(kind)
    shape = i % 5
    if shape == 0:
        add("file-content", ["private_key"], {"content": block})
    elif shape == 1:
        add("json-escaped", ["private_key"], {"service_account": json.dumps({"type": "service_account", "private_key": block})})
    elif shape == 2:
        add("env-dump", ["private_key"], {"env": "TLS_KEY=\"" + block.replace("\n", "\\n") + "\""})
    elif shape == 3:
        add("chat", ["private_key"], {"text": "pasting the deploy key, sorry for the wall of text\n" + block})
    else:
        add("truncated", ["private_key"], {"snippet": block[:120]})

# ---------- JWT ---------------------------------------------------------------------------------------
for i in range(20):
    t = jwt()
    shape = i % 5
    if shape == 0:
        add("http-header", ["jwt"], {"req": f"Authorization: Bearer {t}"})
    elif shape == 1:
        add("cookie", ["jwt"], {"cookie": f"session={t}; Path=/; HttpOnly; Secure"})
    elif shape == 2:
        add("log", ["jwt"], {"line": f"auth middleware rejected token {t} reason=expired"})
    elif shape == 3:
        add("url", ["jwt"], {"redirect": f"https://app.example.com/callback#id_token={t}&state=xyz"})
    else:
        add("nested-json", ["jwt"], {"oauth": {"response": {"id_token": t, "expires_in": 3600}}})

# ---------- passwords --------------------------------------------------------------------------------
for i in range(24):
    pw = password()
    shape = i % 8
    if shape == 0:
        add("env-dump", ["password"], {"env": f"DB_HOST=db.internal\nDB_USER=app\nDB_PASSWORD={pw}\n"})
    elif shape == 1:
        add("url-credentials", ["password"], {"dsn": f"postgres://app:{urllib.parse.quote(pw, safe='')}@db.internal:5432/orders"})
    elif shape == 2:
        add("chat", ["password"], {"text": f"wifi password is {pw}"})
    elif shape == 3:
        add("form-json", ["password"], {"signup": {"username": pick(FIRST).lower(), "password": pw}})
    elif shape == 4:
        add("log", ["password"], {"line": f"login attempt user=ops password={pw} result=fail"})
    elif shape == 5:
        add("url-credentials", ["password"], {"proxy": f"http://svc-user:{urllib.parse.quote(pw, safe='')}@proxy.corp:3128"})
    elif shape == 6:
        add("yaml", ["password"], {"config": f"redis:\n  host: cache\n  password: \"{pw}\"\n"})
    else:
        add("amqp-url", ["password"], {"broker": f"amqps://guest:{urllib.parse.quote(pw, safe='')}@mq.example.net/vhost"})

# ---------- medical record numbers -------------------------------------------------------------------
for i in range(22):
    m = mrn()
    shape = i % 6
    if shape == 0:
        add("clinical-note", ["medical_record_number"], {"note": f"Pt seen in clinic today. MRN: {m}. Follow up in 2 weeks."})
    elif shape == 1:
        add("hl7-pid", ["medical_record_number"], {"hl7": f"MSH|^~\\&|EPIC|NORTH|LAB|NORTH|20240511||ADT^A01|{rng.randrange(10**6)}|P|2.5\rPID|1||{m}^^^NORTH^MR||{pick(LAST).upper()}^{pick(FIRST).upper()}||19800101|F"})
    elif shape == 2:
        add("fhir-identifier", ["medical_record_number"], {"resourceType": "Patient", "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "value": m}]})
    elif shape == 3:
        add("chat", ["medical_record_number"], {"text": f"can you pull the chart for medical record number {m}?"})
    elif shape == 4:
        add("nested-json", ["medical_record_number"], {"encounter": {"patient": {"mrn": m, "ward": "4B"}}})
    else:
        add("csv-in-string", ["medical_record_number"], {"report": f"MRN,admit_date,unit\n{m},2024-04-02,ICU"})

# ---------- health insurance numbers -----------------------------------------------------------------
for i in range(22):
    shape = i % 6
    if shape == 0:
        add("chat", ["health_insurance_number"], {"text": f"my medicare number is {mbi()}"})
    elif shape == 1:
        add("insurance-card-ocr", ["health_insurance_number"], {"ocr": f"BLUE SHIELD\nMember ID: {member_id()}\nGroup: 00{rng.randrange(10**4)}\nRxBIN 610014"})
    elif shape == 2:
        add("fhir-coverage", ["health_insurance_number"], {"resourceType": "Coverage", "status": "active", "subscriberId": member_id(), "payor": [{"display": "Aetna"}]})
    elif shape == 3:
        add("hl7-in1", ["health_insurance_number"], {"hl7": "IN1|1|PPO|60054|AETNA" + "|" * 32 + member_id() + "|||||||"})  # IN1-36: policy number
    elif shape == 4:
        add("claim-json", ["health_insurance_number"], {"claim": {"policy_number": member_id(), "amount": 120.5}})
    else:
        add("form", ["health_insurance_number"], {"intake": {"medicare_id": mbi(), "primary_care": "Dr. Lee"}})

# ---------- ICD-10 ----------------------------------------------------------------------------------------
for i in range(22):
    code = pick(ICD)
    shape = i % 6
    if shape == 0:
        add("clinical-note", ["icd10"], {"note": f"Assessment: type 2 diabetes, diagnosis code {code}."})
    elif shape == 1:
        add("hl7-dg1", ["icd10"], {"hl7": f"DG1|1|I10|{code}^Diagnosis^I10|||F"})
    elif shape == 2:
        add("fhir-condition", ["icd10"], {"resourceType": "Condition", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": code}]}})
    elif shape == 3:
        add("claim-json", ["icd10"], {"claim": {"diagnosis_codes": [code], "cpt": "99213"}})
    elif shape == 4:
        add("chat", ["icd10"], {"text": f"billing asked which dx to use, I put {code}"})
    else:
        add("csv-in-string", ["icd10"], {"export": f"patient_ref,icd10,visit\nP-{rng.randrange(1000)},{code},2024-03-03"})

# ---------- mixed realistic payloads ----------------------------------------------------------------
for i in range(10):
    e, p, code = email(), us_phone(i % 5), pick(ICD)
    add("fhir-bundle", ["email", "phone", "icd10", "medical_record_number"], {"resourceType": "Bundle", "entry": [
        {"resource": {"resourceType": "Patient", "identifier": [{"type": {"coding": [{"code": "MR"}]}, "value": mrn()}], "telecom": [{"system": "email", "value": e}, {"system": "phone", "value": p}]}},
        {"resource": {"resourceType": "Condition", "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": code}]}}}]})
for i in range(8):
    add("support-ticket", ["email", "credit_card"], {"ticket": {"from": email(), "body": f"charged twice on {grouped(pick(CARDS))}, please fix"}})

# ---------- hard negatives ---------------------------------------------------------------------------
NEG = []
for i in range(14):
    NEG.append(("order-number", {"text": f"Your order #{rng.randrange(10**8, 10**9)} has shipped (tracking 1Z{token(6).upper()}{rng.randrange(10**9, 10**10)})"}))
for i in range(10):
    NEG.append(("luhn-failing", {"ref": broken(pick(CARDS)) if len(pick(CARDS)) else ""}))
for isbn in ["978-0-306-40615-7", "978-3-16-148410-0", "978-1-4028-9462-6", "9780262033848", "978-0-13-468599-1", "0-306-40615-2"]:
    NEG.append(("isbn", {"book": f"ISBN {isbn}, 2nd edition, paperback"}))
for i in range(10):
    NEG.append(("uuid", {"request_id": f"{token(8).lower()}-{token(4).lower()}-4{token(3).lower()}-a{token(3).lower()}-{token(12).lower()}".replace("o", "0")}))
for i in range(10):
    NEG.append(("git-sha", {"log": f"commit {''.join(pick('0123456789abcdef') for _ in range(40))}\nAuthor: ci-bot\n\n    bump deps"}))
for i in range(10):
    NEG.append(("epoch-ms", {"event": {"ts": 1700000000000 + rng.randrange(10**11), "type": "page_view"}}))
for i in range(8):
    NEG.append(("stripe-test-docs", {"docs": f"Use the test key sk_test_{token(24)} in your sandbox; publishable key pk_test_{token(24)}."}))
NEG += [
    ("prose-password", {"text": "The password field is required and must be at least 12 characters."}),
    ("prose-password", {"text": "Forgot your password? We sent a reset link to your inbox."}),
    ("prose-cvv", {"text": "Enter the CVV printed on the back of your card."}),
    ("prose-ssn", {"text": "We will never ask for your social security number by chat."}),
    ("prose-medical", {"text": "Diagnosis and treatment plans are discussed in person only."}),
    ("vitamin", {"text": "take vitamin B12 and D3 daily"}),
    ("road", {"text": "traffic jam on the A10 near exit E11, use the M25"}),
    ("product-code", {"sku": "C50-BLK-XL", "variant": "J45"}),
    ("version", {"text": "upgraded from v2.14.3 to v3.0.0-rc.1 (build 20240511.4)"}),
    ("ip", {"line": "10.0.12.44 - - [11/May/2024:10:01:22 +0000] \"GET /health HTTP/1.1\" 200 2"}),
    ("prices", {"cart": "3 x 19.99, 1 x 249.00, total 308.97 incl. VAT 49.33"}),
    ("coordinates", {"location": "52.520008, 13.404954"}),
    ("hex-colour", {"theme": {"primary": "#1f6feb", "danger": "#cf222e"}}),
    ("sha256", {"checksum": "sha256:" + "".join(pick("0123456789abcdef") for _ in range(64))}),
    ("base64-image", {"avatar": "data:image/png;base64," + base64.b64encode(bytes(rng.randrange(256) for _ in range(90))).decode()}),
    ("file-name", {"asset": "logo@2x.png", "pkg": "@nestjs/core@10.3.1"}),
    ("date-range", {"period": "2024-01-15 to 2024-02-15, invoice 2024-0042"}),
    ("phone-like-id", {"text": "ticket 2024-555-0199 escalated"}),
    ("zip-codes", {"text": "ship to 94107-1234 or 10001"}),
    ("bank-sort", {"text": "sort code format is 12-34-56"}),
    ("public-key", {"key": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA" + token(32) + "\n-----END PUBLIC KEY-----"}),
    ("aws-docs-account", {"arn": "arn:aws:iam::123456789012:role/deploy"}),
    ("not-jwt", {"text": "eyJhbGciOi is how a JWT header starts; ours are opaque"}),
    ("fhir-patient-no-pii", {"resourceType": "Patient", "gender": "female", "birthDate": "1980", "active": True}),
    ("hl7-ack", {"hl7": "MSH|^~\\&|LAB|NORTH|EPIC|NORTH|20240511||ACK^A01|99|P|2.5\rMSA|AA|123456"}),
    ("cron", {"schedule": "0 3 * * 1-5"}),
    ("k8s-event", {"msg": "Back-off restarting failed container api in pod api-7d9f8b6c5-x2x9q"}),
    ("maven", {"dep": "org.springframework:spring-core:6.1.6"}),
    ("env-dump-clean", {"env": "NODE_ENV=production\nPORT=8080\nLOG_LEVEL=info\nTZ=UTC"}),
    ("url-no-creds", {"url": "https://docs.example.com/guide?page=2&sort=asc#auth"}),
    ("url-placeholder", {"dsn": "postgres://USER:PASSWORD@HOST:5432/DB"}),
    ("iban-like", {"text": "invoice ref DE-2024-000-1234-5678"}),
    ("math", {"text": "4111 + 1111 = 5222, 1111 x 4 = 4444"}),
    ("timestamps", {"log": "took 1234 ms, p99 5678 ms, p999 9012 ms"}),
    ("serial", {"device": "SN 4A7F-99K2-1LQ8"}),
]
for i in range(8):
    NEG.append(("chat-clean", {"text": pick(["lunch at 12?", "the deploy is green, merging now", "can you review PR 4821?", "meeting moved to thursday 3pm", "thanks, that fixed it!", "I'll be out tomorrow", "did the invoice go out?", "ok"])}))
for i in range(8):
    NEG.append(("metrics", {"series": [rng.randrange(10**12, 10**13) for _ in range(6)]}))
for i in range(6):
    NEG.append(("csv-clean", {"csv": "sku,qty,price\n" + "\n".join(f"SKU-{rng.randrange(10**5)},{rng.randrange(1, 9)},{rng.randrange(100, 9999) / 100}" for _ in range(4))}))
for i in range(6):
    NEG.append(("log-clean", {"line": f"2024-05-11T10:0{i}:00Z INFO worker-{i} processed batch={rng.randrange(10**6)} items={rng.randrange(999)} in {rng.randrange(999)}ms"}))
for fmt, data in NEG:
    add(fmt, [], data)

out = Path(__file__).resolve().parent.parent / "dlp-realworld.jsonl"
out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in samples), encoding="utf-8")
pos = sum(1 for s in samples if s["types"])
print(f"{len(samples)} samples ({pos} positive, {len(samples) - pos} negative) -> {out}")
