"""Hard negatives: order numbers, Luhn-failing numbers, ISBNs, UUIDs, git SHAs, epoch ms, test keys in docs, prose."""
import base64
import json
import urllib.parse

from values import *  # noqa: F403
from values import broken, luhn_ok  # noqa: F401


def build(add):
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
