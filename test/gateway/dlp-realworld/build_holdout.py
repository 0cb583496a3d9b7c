"""
Builds ../dlp-holdout.jsonl: a second, smaller set in formats the main corpus does not use (Slack
events, syslog, SQL dumps, docker env arrays, Kubernetes secrets, markdown tables, XML, Jira text),
written after the detectors were frozen and scored once, to estimate how the scores carry over.
"""
import base64
import json
import random
from pathlib import Path

from luhn import broken, complete

rng = random.Random(77)
samples = []


def add(fmt, types, data):
    samples.append({"id": f"ho-{len(samples):03d}", "format": fmt, "types": sorted(set(types)), "data": data})


def tok(n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


for i in range(6):
    card = complete(rng.choice(["4", "51", "37", "6011"]), 15 if i % 3 == 2 else 16, rng)
    add("slack-event", ["credit_card"], {"event": {"type": "message", "channel": "C024BE91L", "text": f"<@U0G9QF9C6> card is {card[:4]} {card[4:8]} {card[8:12]} {card[12:]}"}})
    add("sql-dump", ["credit_card"], {"sql": f"INSERT INTO payments (id, pan, amount) VALUES ({i}, '{card}', 19.99);"})
for i in range(5):
    add("markdown-table", ["ssn"], {"md": f"| name | ssn |\n|---|---|\n| Ann | {rng.randrange(100, 665):03d}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)} |"})
    add("jira", ["email"], {"description": f"Reporter asked to be contacted at {tok(6).lower()}@{rng.choice(['corp.example', 'mail.example.net'])} about the outage."})
    add("syslog", ["phone"], {"msg": f"<34>1 2024-05-11T22:14:15Z host sms-gw - - - delivered to +1 {rng.randrange(201, 989)} {rng.randrange(200, 999)} {rng.randrange(1000, 9999)}"})
for i in range(5):
    k = "AKIA" + tok(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    add("docker-env-array", ["aws_access_key"], {"Env": ["PATH=/usr/local/bin", f"AWS_ACCESS_KEY_ID={k}", "LANG=C.UTF-8"]})
    add("k8s-secret", ["password"], {"apiVersion": "v1", "kind": "Secret", "data": {"DB_PASSWORD": base64.b64encode(f"Pg-{tok(10)}!".encode()).decode()}})
    add("postman", ["api_key"], {"request": {"header": [{"key": "Authorization", "value": f"Bearer {tok(36)}"}]}})
for i in range(4):
    add("xml-cda", ["medical_record_number"], {"xml": f'<patientRole><id extension="{rng.randrange(10**6, 10**8)}" root="2.16.840.1.113883.19.5" assigningAuthorityName="MRN"/></patientRole>'})
    add("xml-cda", ["icd10"], {"xml": f'<value xsi:type="CD" code="{rng.choice(["E11.9", "I10", "J45.909", "F32.9"])}" codeSystem="2.16.840.1.113883.6.90" codeSystemName="ICD-10-CM"/>'})
    add("eligibility-271", ["health_insurance_number"], {"edi": f"NM1*IL*1*DOE*JOHN****MI*{rng.choice(['W', 'XZH'])}{rng.randrange(10**8, 10**9)}~"})
    add("jwt-in-cookie-header", ["jwt"], {"raw": "Set-Cookie: at=" + ".".join(base64.urlsafe_b64encode(json.dumps(p).encode()).decode().rstrip("=") for p in [{"alg": "HS512", "typ": "JWT"}, {"sub": str(i)}]) + f".{tok(43)}; Secure"})
    add("pem-in-yaml", ["private_key"], {"yaml": "tls.key: |\n  -----BEGIN EC PRIVATE KEY-----\n  " + base64.b64encode(bytes(rng.randrange(256) for _ in range(90))).decode() + "\n  -----END EC PRIVATE KEY-----"})
    add("checkout-form", ["cvv"], {"fields": [{"name": "card_cvc", "value": str(rng.randrange(100, 999))}]})
NEG = [
    ("slack-event", {"event": {"type": "message", "text": "standup in 5, ticket PROJ-4521 is blocked"}}),
    ("sql-dump", {"sql": "INSERT INTO orders (id, ref) VALUES (1, '" + broken(complete("4", 16, rng)) + "');"}),
    ("markdown-table", {"md": "| build | sha |\n|---|---|\n| 1234 | " + tok(40, "0123456789abcdef") + " |"}),
    ("syslog", {"msg": "<30>1 2024-05-11T22:14:15Z host cron 812 - - job 20240511 finished in 4123 ms"}),
    ("docker-env-array", {"Env": ["PATH=/usr/local/bin", "NODE_VERSION=20.11.1", "YARN_VERSION=1.22.19"]}),
    ("k8s-configmap", {"kind": "ConfigMap", "data": {"LOG_LEVEL": "info", "FEATURE_FLAGS": "a,b,c"}}),
    ("postman", {"request": {"header": [{"key": "Accept", "value": "application/json"}]}}),
    ("xml", {"xml": '<book isbn="978-0-13-468599-1"><title>Clean Architecture</title></book>'}),
    ("jira", {"description": "Steps: open settings, click 'Change password', observe the spinner."}),
    ("docs", {"text": "Set STRIPE_SECRET=sk_test_" + tok(24) + " in .env.local for local testing."}),
    ("uuid-list", {"ids": [f"{tok(8, '0123456789abcdef')}-{tok(4, '0123456789abcdef')}-4{tok(3, '0123456789abcdef')}-8{tok(3, '0123456789abcdef')}-{tok(12, '0123456789abcdef')}" for _ in range(3)]}),
    ("metrics", {"points": [[1715465655000 + i * 1000, rng.randrange(100)] for i in range(5)]}),
    ("changelog", {"text": "v4.2.0 (2024-05-11): fix E11 error code on startup, bump to build 5105"}),
    ("address", {"text": "Suite 400, 1600 Amphitheatre Pkwy, Mountain View, CA 94043"}),
    ("edi-header", {"edi": "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240511*1200*^*00501*000000905*0*P*:~"}),
]
for fmt, data in NEG:
    add(fmt, [], data)
out = Path(__file__).resolve().parent.parent / "dlp-holdout.jsonl"
out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in samples), encoding="utf-8")
print(f"{len(samples)} samples -> {out}")
