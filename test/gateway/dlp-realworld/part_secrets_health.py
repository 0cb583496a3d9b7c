"""Samples: private keys, JWTs, passwords, MRNs, health insurance numbers, ICD-10 codes, mixed payloads."""
import base64
import json
import urllib.parse

from values import *  # noqa: F403
from values import broken, luhn_ok  # noqa: F401


def build(add):
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
