"""Samples: cards, SSNs, CVVs, e-mail addresses, phone numbers, AWS and API keys."""
import base64
import json
import urllib.parse

from values import *  # noqa: F403
from values import broken, luhn_ok  # noqa: F401


def build(add):
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
