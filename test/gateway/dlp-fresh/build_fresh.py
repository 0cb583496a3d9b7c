#!/usr/bin/env python3
"""Build test/gateway/dlp-fresh.jsonl: an independent, labelled DLP corpus.

Written from real-world data formats (GraphQL, issue comments, Terraform, access
logs, stack traces, cURL, Postman, OpenAPI, GitHub Actions, MIME mail, iCalendar,
vCard, chat exports, voice transcripts, spreadsheets, Protobuf-JSON,
Elasticsearch, Sentry, claims, lab results, e-prescriptions, OFX, payment
webhooks, HAR, .npmrc/.pypirc, SSH config, Ansible, Helm, multilingual text,
Unicode look-alikes, base64/URL-encoded fields) without looking at the
detectors.  All values are synthetic: published test card numbers or numbers
generated with a valid Luhn digit, fictional 555-01xx phone numbers, fake keys
of the right shape.  Deterministic: fixed seed, standard library only.

Run:  python3 test/gateway/dlp-fresh/build_fresh.py
"""
import base64
import json
import os
import random
import re
import sys
import unicodedata
import urllib.parse

R = random.Random(20261202)

TYPES = [
    "credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key",
    "private_key", "jwt", "password", "medical_record_number",
    "health_insurance_number", "icd10",
]

UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
AL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
HEX = "0123456789abcdef"
B64U = AL + "-_"


def rs(n, chars=AL):
    return "".join(R.choice(chars) for _ in range(n))


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


# ---------------------------------------------------------------- cards
def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_digit(partial):
    for c in "0123456789":
        if luhn_ok(partial + c):
            return c
    raise AssertionError


def issuer_ok(num):
    n = len(num)
    p2, p3, p4, p6 = int(num[:2]), int(num[:3]), int(num[:4]), int(num[:6])
    if num[0] == "4" and n in (13, 16, 19):
        return True  # Visa
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return True  # Mastercard
    if p2 in (34, 37) and n == 15:
        return True  # Amex
    if (num.startswith("6011") or p2 == 65 or 644 <= p3 <= 649 or 622126 <= p6 <= 622925) and 16 <= n <= 19:
        return True  # Discover
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return True  # JCB
    if (p2 in (36, 38, 39) or 300 <= p3 <= 305) and 14 <= n <= 19:
        return True  # Diners
    if p2 == 62 and 16 <= n <= 19:
        return True  # UnionPay
    if p2 in (50, 56, 57, 58, 63, 67) and 12 <= n <= 19:
        return True  # Maestro
    return False


ISSUERS = [("4", 16), ("4", 16), ("51", 16), ("53", 16), ("55", 16), ("2223", 16),
           ("2720", 16), ("34", 15), ("37", 15), ("6011", 16), ("65", 16),
           ("3530", 16), ("36", 14), ("62", 16), ("4", 19), ("62", 19)]


def card(prefix=None, length=None):
    if prefix is None:
        prefix, length = R.choice(ISSUERS)
    body = prefix + digits(length - len(prefix) - 1)
    num = body + luhn_digit(body)
    assert luhn_ok(num) and issuer_ok(num)
    return num


def bad16(prefix=None):
    """16 digits that FAIL the Luhn check (an off-by-one check digit)."""
    if prefix is None:
        prefix = R.choice(["4", "5", "1", "7", "8", "3", "9", "2"])
    body = prefix + digits(15 - len(prefix))
    good = luhn_digit(body)
    num = body + str((int(good) + R.randint(1, 9)) % 10)
    assert not luhn_ok(num)
    return num


def grp(num, sep=" "):
    if len(num) == 15:
        parts = [num[:4], num[4:10], num[10:]]
    elif len(num) == 14:
        parts = [num[:4], num[4:10], num[10:]]
    else:
        parts = [num[i:i + 4] for i in range(0, len(num), 4)]
    return sep.join(parts)


TEST_CARDS = ["4242424242424242", "4111111111111111", "5555555555554444", "378282246310005",
              "6011111111111117", "3566002020360505", "5105105105105100", "4000056655665556",
              "2223003122003222", "30569309025904", "6200000000000005", "4012888888881881"]


# ---------------------------------------------------------------- people / ids
def ssn():
    while True:
        a = R.randint(1, 899)
        if a != 666:
            break
    return "%03d-%02d-%04d" % (a, R.randint(1, 99), R.randint(1, 9999))


def ssn_ok(s):
    d = re.sub(r"\D", "", s)
    a, g, n = int(d[:3]), int(d[3:5]), int(d[5:])
    return len(d) == 9 and a not in (0, 666) and a < 900 and g != 0 and n != 0


FIRST = ["maria", "jonas", "aiko", "liam", "fatima", "diego", "chloe", "arjun", "olga", "kwame",
         "sofia", "noah", "mei", "lukas", "amara", "tomas", "yara", "ethan", "ines", "omar"]
LAST = ["keller", "okafor", "tanaka", "brennan", "haddad", "morales", "dubois", "iyer", "petrova",
        "mensah", "rossi", "lindqvist", "chen", "weber", "nwosu", "novak", "saleh", "walsh", "costa", "farah"]
DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "northwind-health.org", "kestrel-logistics.com",
           "brightpath.io", "uni-mannheim.de", "fjordbank.no", "cedarclinic.net", "web.de", "hotmail.co.uk"]


def person():
    return R.choice(FIRST), R.choice(LAST)


def email(f=None, l=None):
    if f is None:
        f, l = person()
    style = R.randint(0, 3)
    local = [f + "." + l, f[0] + l, f + "_" + l + str(R.randint(1, 99)), l + "." + f][style]
    return local + "@" + R.choice(DOMAINS)


def nanp(style=None):
    area = R.choice(["415", "212", "312", "617", "206", "303", "512", "404", "646", "917"])
    line = "01%02d" % R.randint(0, 99)
    style = R.randint(0, 5) if style is None else style
    return ["(%s) 555-%s" % (area, line), "%s-555-%s" % (area, line), "+1 %s 555 %s" % (area, line),
            "+1%s555%s" % (area, line), "%s.555.%s" % (area, line), "+1 (%s) 555-%s" % (area, line)][style]


def uk_phone():
    return R.choice(["+44 20 7946 0%03d", "020 7946 0%03d", "+44 161 496 0%03d", "0113 496 0%03d"]) % R.randint(0, 999)


def aws_key(prefix="AKIA"):
    while True:
        k = prefix + rs(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        if "EXAMPLE" not in k:
            return k


def aws_secret():
    return rs(40, AL + "/+")


def stripe_live():
    return "sk_live_51" + rs(22, AL) + rs(40, AL)


def ghp():
    return "ghp_" + rs(36)


def gh_pat():
    return "github_pat_11" + rs(20, UP) + "_" + rs(59)


def slack_bot():
    return "xoxb-%s-%s-%s" % (digits(11), digits(13), rs(24))


def openai_key():
    return "sk-" + rs(20) + "T3BlbkFJ" + rs(20)


def google_key():
    return "AIza" + rs(35, B64U)


def sendgrid():
    return "SG." + rs(22, B64U) + "." + rs(43, B64U)


def npm_tok():
    return "npm_" + rs(36)


def hexs(n):
    return rs(n, HEX)


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(claims=None, alg="HS256"):
    hdr = {"alg": alg, "typ": "JWT"}
    if alg.startswith("RS") or alg.startswith("ES"):
        hdr["kid"] = hexs(16)
    claims = claims or {}
    base = {"sub": "usr_" + rs(12), "iat": 1764633600 + R.randint(0, 9999999)}
    base["exp"] = base["iat"] + 3600
    base.update(claims)
    sig = rs(342 if alg.startswith("RS") else 43, B64U)
    return b64u(json.dumps(hdr, separators=(",", ":")).encode()) + "." + b64u(
        json.dumps(base, separators=(",", ":")).encode()) + "." + sig


DER = {
    "RSA PRIVATE KEY": (bytes.fromhex("308204a40201000282010100"), 1180),
    "PRIVATE KEY": (bytes.fromhex("308204bd020100300d06092a864886f70d0101010500048204a7"), 1190),
    "EC PRIVATE KEY": (bytes.fromhex("307702010104"), 115),
    "OPENSSH PRIVATE KEY": (b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none", 360),
    "ENCRYPTED PRIVATE KEY": (bytes.fromhex("308205263050"), 1300),
}


def pem(kind="RSA PRIVATE KEY", nl="\n"):
    head, n = DER[kind]
    raw = head + bytes(R.getrandbits(8) for _ in range(n))
    b = base64.b64encode(raw).decode()
    width = 70 if kind == "OPENSSH PRIVATE KEY" else 64
    lines = [b[i:i + width] for i in range(0, len(b), width)]
    return nl.join(["-----BEGIN %s-----" % kind] + lines + ["-----END %s-----" % kind]) + nl


def pub_pem(kind="PUBLIC KEY"):
    raw = bytes.fromhex("30820122300d06092a864886f70d01010105000382010f00") + bytes(R.getrandbits(8) for _ in range(270))
    if kind == "CERTIFICATE":
        raw = bytes.fromhex("308203") + bytes(R.getrandbits(8) for _ in range(800))
    b = base64.b64encode(raw).decode()
    return "\n".join(["-----BEGIN %s-----" % kind] + [b[i:i + 64] for i in range(0, len(b), 64)] + ["-----END %s-----" % kind]) + "\n"


def ssh_pub(kind="ssh-ed25519"):
    if kind == "ssh-ed25519":
        raw = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + bytes(R.getrandbits(8) for _ in range(32))
    else:
        raw = b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x01" + bytes(R.getrandbits(8) for _ in range(257))
    return kind + " " + base64.b64encode(raw).decode()


MBI_A = "ACDEFGHJKMNPQRTUVWXY"


def mbi(dashes=False):
    an = MBI_A + "0123456789"
    c = [R.choice("123456789"), R.choice(MBI_A), R.choice(an), R.choice("0123456789"), R.choice(MBI_A),
         R.choice(an), R.choice("0123456789"), R.choice(MBI_A), R.choice(MBI_A), R.choice("0123456789"),
         R.choice("0123456789")]
    s = "".join(c)
    return s[:4] + "-" + s[4:7] + "-" + s[7:] if dashes else s


def member_id():
    return R.choice(["XEH", "W", "ZGP", "U", "JQX", "H"]) + digits(R.choice([8, 9, 10]))


def mrn():
    return R.choice(["%08d", "MRN%07d", "E%07d", "%07d", "MR-%06d"]) % R.randint(1000, 9999999)


ICD = ["E11.9", "J45.909", "I10", "E78.5", "F41.1", "M54.50", "K21.9", "N39.0", "J06.9", "E66.9",
       "G43.909", "F32.A", "I25.10", "S52.501A", "O24.419", "C50.911", "L40.0", "E11.65", "Z79.4",
       "J44.1", "I48.91", "E03.9", "F90.0", "R10.9", "K58.9", "M17.11", "N18.3", "D50.9", "B20", "U07.1"]


def icd():
    return R.choice(ICD)


def uuid():
    h = hexs(32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def sha():
    return hexs(40)


# ---------------------------------------------------------------- sample list
SAMPLES = []
CARDS = {}  # index -> list of card numbers present (for assertions)
NO_PRESENCE_CHECK = set()


def add(fmt, types, data, envelope=None, cards=None, encoded=False):
    types = sorted(set(types), key=TYPES.index)
    for t in types:
        assert t in TYPES, t
    s = {"id": "fr-%03d" % len(SAMPLES), "format": fmt, "types": types, "data": data}
    if envelope is not None:
        s["envelope"] = envelope
    if "credit_card" in types:
        assert cards, s["id"]
    CARDS[len(SAMPLES)] = cards or []
    if encoded:
        NO_PRESENCE_CHECK.add(len(SAMPLES))
    SAMPLES.append(s)
    return s


# ================================================================ POSITIVES
def positives():
    # ---------------- GraphQL requests / responses
    c = "4242424242424242"
    add("graphql", ["credit_card", "cvv"], {
        "operationName": "AddPaymentMethod",
        "query": "mutation AddPaymentMethod($input: CardInput!) { addPaymentMethod(input: $input) { id brand last4 } }",
        "variables": {"input": {"number": grp(c), "expMonth": 11, "expYear": 2029, "cvc": "314", "postalCode": "94107"}}},
        cards=[c])
    e, p = email(), nanp()
    add("graphql", ["email", "phone"], {"data": {"viewer": {"id": "VXNlcjo4ODE5Mg==", "profile": {
        "displayName": "M. Keller", "contactEmail": e, "mobile": p, "locale": "en-US"}}}})
    pw = "Tr0ub4dor&3-" + rs(4)
    add("graphql", ["email", "password"], {"query": "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }",
                                           "variables": {"email": email(), "password": pw}})
    t = jwt({"scope": "read:orders write:cart"})
    add("graphql", ["jwt"], {"data": {"login": {"token": t, "expiresIn": 3600, "__typename": "AuthPayload"}}})
    add("graphql", ["medical_record_number", "icd10"], {"data": {"patient": {"id": "UGF0aWVudDoxMjM0", "mrn": mrn(),
        "conditions": [{"code": "E11.65", "system": "ICD-10-CM", "display": "Type 2 diabetes mellitus with hyperglycemia"},
                       {"code": "I10", "system": "ICD-10-CM", "display": "Essential (primary) hypertension"}]}}})
    add("graphql", ["ssn"], {"operationName": "SubmitApplication", "variables": {"applicant": {
        "firstName": "Jonas", "lastName": "Weber", "dob": "1987-04-19", "ssn": ssn().replace("-", ""), "annualIncome": 84000}}})

    # ---------------- GitHub / Jira issue comments
    add("issue-comment", ["api_key"], {"action": "created", "issue": {"number": 4821, "title": "Checkout fails with 401 after deploy"},
        "comment": {"user": {"login": "dkeller-dev"}, "body":
        "Repro on staging. Here's my .env (sorry, long):\n```\nNODE_ENV=production\nSTRIPE_SECRET_KEY=%s\nLOG_LEVEL=debug\n```\nThe charge call returns 401 anyway." % stripe_live()}})
    ak = aws_key()
    add("issue-comment", ["aws_access_key", "api_key"], {"body":
        "Still getting `InvalidClientTokenId` from the uploader. Output of `aws configure list`:\n\n```\n      Name                    Value             Type    Location\n"
        "access_key     %s shared-credentials-file\nsecret_key     %s shared-credentials-file\n    region                eu-west-1      config-file    ~/.aws/config\n```" % (ak, aws_secret()),
        "author_association": "CONTRIBUTOR"})
    add("issue-comment", ["ssn", "email"], {"issue": {"key": "SUP-3310", "fields": {"summary": "W-2 import rejects applicant"}},
        "comment": {"author": {"displayName": "Priya Iyer"}, "body":
        "Customer %s says the import fails for SSN %s (name Okafor, Kwame). Attaching the PDF they sent." % (email(), ssn())}})
    add("issue-comment", ["private_key"], {"body":
        "deploy job can't clone, this is the key we put in the runner:\n\n" + pem("OPENSSH PRIVATE KEY") + "\nhost key verification passes, auth fails"})
    add("issue-comment", ["password"], {"body":
        "Jenkins agent can't reach the DB. Connection settings from the job: host=db-staging.internal port=5432 user=report_ro password=Quartz-Lemur-" + digits(3) + " sslmode=require",
        "created_at": "2025-10-03T14:22:51Z"})
    add("issue-comment", ["jwt"], {"body":
        "The refresh endpoint returns a token that the gateway rejects:\n`Authorization: Bearer %s`\nIt's RS256, kid doesn't match JWKS." % jwt({"aud": "api.internal"}, "RS256")})
    add("issue-comment", ["api_key"], {"comment": {"body":
        "OpenAI calls started failing with 429 after rotating. The new key is %s, old one revoked." % openai_key()}})

    # ---------------- Terraform / HCL
    ak = aws_key()
    add("terraform", ["aws_access_key", "api_key"], {"path": "infra/providers.tf", "content":
        'provider "aws" {\n  region     = "us-east-1"\n  access_key = "%s"\n  secret_key = "%s"\n}\n' % (ak, aws_secret())})
    add("terraform", ["password"], {"path": "modules/db/main.tf", "content":
        'resource "aws_db_instance" "orders" {\n  identifier        = "orders-prod"\n  engine            = "postgres"\n  engine_version    = "16.3"\n'
        '  instance_class    = "db.r6g.large"\n  username          = "orders_admin"\n  password          = "v9#Lk2pQ!mWz7sRt"\n  allocated_storage = 200\n}\n'})
    add("terraform", ["private_key"], {"path": "modules/bastion/keys.tf", "content":
        'resource "local_sensitive_file" "bastion" {\n  filename = "${path.module}/bastion.pem"\n  content  = <<-EOT\n' + pem("RSA PRIVATE KEY") + '  EOT\n}\n'})
    add("terraform", ["api_key"], {"path": "monitoring.tf", "content":
        'provider "datadog" {\n  api_key = "%s"\n  app_key = "%s"\n  api_url = "https://api.datadoghq.eu/"\n}\n' % (hexs(32), hexs(40))})

    # ---------------- tfstate
    add("tfstate", ["password"], {"version": 4, "terraform_version": "1.9.5", "serial": 37, "lineage": uuid(), "resources": [
        {"mode": "managed", "type": "aws_db_instance", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
         "instances": [{"schema_version": 2, "attributes": {"id": "db-" + rs(26, UP), "username": "app", "password": "hN3$xq" + rs(10),
                                                            "port": 5432, "endpoint": "main.c9akciq32.eu-central-1.rds.amazonaws.com:5432"}}]}]})
    add("tfstate", ["private_key"], {"version": 4, "serial": 4, "resources": [{"type": "tls_private_key", "name": "ci",
        "instances": [{"attributes": {"algorithm": "ECDSA", "ecdsa_curve": "P256", "private_key_pem": pem("EC PRIVATE KEY"),
                                      "public_key_fingerprint_sha256": "SHA256:" + rs(43, AL + "+/")}}]}]})
    ak = aws_key()
    add("tfstate", ["aws_access_key", "api_key"], {"version": 4, "resources": [{"type": "aws_iam_access_key", "name": "uploader",
        "instances": [{"attributes": {"id": ak, "user": "svc-uploader", "secret": aws_secret(), "status": "Active", "create_date": "2025-06-12T08:01:33Z"}}]}]})

    # ---------------- access logs (nginx / Apache combined)
    add("access-log", ["email"], {"source": "nginx", "line":
        '203.0.113.77 - - [02/Nov/2025:10:14:07 +0000] "GET /api/v2/password-reset?email=%s&lang=en HTTP/1.1" 200 87 "-" "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"'
        % urllib.parse.quote(email())})
    add("access-log", ["password"], {"source": "apache", "line":
        '198.51.100.23 - - [02/Nov/2025:10:15:44 +0100] "GET /legacy/login.php?user=jbrennan&pass=Summer2025%21x HTTP/1.0" 302 - "-" "curl/8.5.0"'})
    add("access-log", ["api_key"], {"source": "nginx", "line":
        '192.0.2.41 - - [03/Nov/2025:22:01:19 +0000] "GET /v1/geocode?address=Main+St&key=%s HTTP/2.0" 200 1204 "-" "okhttp/4.12.0" rt=0.043' % google_key()})
    add("access-log", ["jwt"], {"source": "nginx", "line":
        '10.12.0.8 - - [04/Nov/2025:07:45:02 +0000] "GET /ws/notifications?access_token=%s HTTP/1.1" 101 0 "-" "Mozilla/5.0"' % jwt()})
    add("access-log", ["ssn"], {"source": "apache", "line":
        '198.51.100.90 - - [05/Nov/2025:13:02:11 -0500] "GET /benefits/lookup?ssn=%s&dob=1979-02-03 HTTP/1.1" 200 3311 "https://portal.local/" "Mozilla/5.0"' % ssn()})
    c = card("4", 16)
    add("access-log", ["credit_card", "cvv"], {"source": "nginx", "line":
        '203.0.113.5 - - [05/Nov/2025:18:40:55 +0000] "GET /pay/confirm?cc=%s&exp=0428&cvv=771&amt=19.99 HTTP/1.1" 200 512 "-" "Mozilla/5.0"' % c}, cards=[c])

    # ---------------- Java / Python stack traces and exception messages
    c = card("51", 16)
    add("stacktrace", ["credit_card"], {"level": "ERROR", "logger": "c.a.payments.CardTokenizer", "stack_trace":
        "com.acme.payments.TokenizationException: Issuer rejected PAN %s (reason=DO_NOT_HONOR)\n"
        "\tat com.acme.payments.CardTokenizer.tokenize(CardTokenizer.java:118)\n\tat com.acme.payments.CheckoutService.pay(CheckoutService.java:64)\n"
        "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)" % grp(c, "-")}, cards=[c])
    add("stacktrace", ["password"], {"stack_trace":
        "java.sql.SQLNonTransientConnectionException: Could not create connection to database server. Attempted reconnect 3 times. "
        "url=jdbc:mysql://10.0.4.12:3306/billing?user=billing_app&password=Fj7%kQ2&useSSL=true\n"
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:110)\n\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:476)"})
    add("stacktrace", ["ssn"], {"stack_trace":
        "com.fasterxml.jackson.databind.exc.InvalidFormatException: Cannot deserialize value of type `java.time.LocalDate` from String \"19/04/1987\"\n"
        " at [Source: (String)\"{\"name\":\"Ana Costa\",\"ssn\":\"%s\",\"dob\":\"19/04/1987\"}\"; line: 1, column: 46]\n"
        "\tat com.fasterxml.jackson.databind.DeserializationContext.weirdStringException(DeserializationContext.java:1991)" % ssn()})
    add("stacktrace", ["aws_access_key"], {"stack_trace":
        "botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch) when calling the PutObject operation: "
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.\n"
        "  AWSAccessKeyId: %s\n  StringToSign: AWS4-HMAC-SHA256\\n20251104T101500Z\\n20251104/eu-west-1/s3/aws4_request" % aws_key()})
    add("stacktrace", ["jwt"], {"stack_trace":
        "io.jsonwebtoken.ExpiredJwtException: JWT expired at 2025-11-04T09:00:00Z. Current time: 2025-11-04T09:12:41Z. token=%s\n"
        "\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:427)" % jwt()})
    add("stacktrace", ["email", "api_key"], {"traceback":
        "Traceback (most recent call last):\n  File \"/app/notify.py\", line 41, in send\n    resp = sg.send(msg)\n"
        "python_http_client.exceptions.UnauthorizedError: HTTP Error 401: Unauthorized\n"
        "locals: to_email='%s' api_key='%s'" % (email(), sendgrid())})

    # ---------------- cURL command lines
    add("curl", ["api_key"], {"shell_history": "curl https://api.stripe.com/v1/refunds -u %s: -d charge=ch_3QxYz2LkdIwHu7ix0abc1234 -d amount=1500" % stripe_live()})
    add("curl", ["jwt"], {"command": "curl -sS -X GET 'https://api.acme.dev/v3/orders?limit=20' -H 'Accept: application/json' -H 'Authorization: Bearer %s'" % jwt({"role": "admin"})})
    add("curl", ["password"], {"command": "curl -u deploy:Wint3r-is-C0ming! -X POST https://jenkins.acme.dev/job/release/build"})
    e, p = email(), nanp(3)
    add("curl", ["email", "phone"], {"command": "curl -X POST https://hooks.crm.local/leads -H 'Content-Type: application/json' -d '{\"name\":\"Aiko Tanaka\",\"email\":\"%s\",\"phone\":\"%s\"}'" % (e, p)})
    c = card("37", 15)
    add("curl", ["credit_card", "cvv"], {"command": "curl https://gateway.example-psp.com/v1/payments -d 'card[number]=%s' -d 'card[exp_month]=07' -d 'card[exp_year]=2030' -d 'card[cvc]=4417'" % c}, cards=[c])
    ak = aws_key()
    add("curl", ["aws_access_key", "api_key"], {"command": "AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s aws s3 cp ./dump.sql.gz s3://acme-backups/2025-11-04/" % (ak, aws_secret())})
    add("curl", ["api_key"], {"command": "curl https://api.github.com/repos/acme/infra/actions/runs -H \"Authorization: token %s\"" % ghp()})

    # ---------------- Postman collections / environments
    add("postman", ["api_key"], {"info": {"name": "Acme Internal", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "auth": {"type": "bearer", "bearer": [{"key": "token", "value": gh_pat(), "type": "string"}]},
        "item": [{"name": "List repos", "request": {"method": "GET", "url": "https://api.github.com/orgs/acme/repos"}}]})
    add("postman", ["password", "email"], {"name": "staging", "values": [
        {"key": "baseUrl", "value": "https://staging.acme.dev", "enabled": True},
        {"key": "username", "value": email(), "enabled": True},
        {"key": "password", "value": "Kx!82mPq-staging", "enabled": True}], "_postman_variable_scope": "environment"})
    ak = aws_key()
    add("postman", ["aws_access_key", "api_key"], {"auth": {"type": "awsv4", "awsv4": [
        {"key": "accessKey", "value": ak}, {"key": "secretKey", "value": aws_secret()}, {"key": "region", "value": "us-west-2"}, {"key": "service", "value": "execute-api"}]}})
    add("postman", ["jwt"], {"item": [{"name": "Get profile", "request": {"method": "GET", "header": [
        {"key": "Authorization", "value": "Bearer " + jwt({"tenant": "t_4471"}, "RS256")}], "url": {"raw": "{{baseUrl}}/me"}}}]})

    # ---------------- OpenAPI spec with a real token pasted as example
    add("openapi", ["jwt"], {"openapi": "3.0.3", "paths": {"/me": {"get": {"parameters": [{"name": "Authorization", "in": "header",
        "example": "Bearer " + jwt({"env": "prod"})}], "responses": {"200": {"description": "OK"}}}}}})
    add("openapi", ["api_key"], {"openapi": "3.1.0", "info": {"title": "Notify API", "version": "2.4.0"},
        "servers": [{"url": "https://api.notify.acme.dev"}], "x-default-credentials": {"X-Api-Key": "nk_prod_" + rs(40)}})

    # ---------------- GitHub Actions YAML
    ak = aws_key()
    add("gh-actions", ["aws_access_key", "api_key"], {"path": ".github/workflows/deploy.yml", "content":
        "name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-24.04\n    env:\n      AWS_ACCESS_KEY_ID: %s\n"
        "      AWS_SECRET_ACCESS_KEY: %s\n      AWS_REGION: eu-central-1\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/deploy.sh\n" % (ak, aws_secret())})
    add("gh-actions", ["api_key"], {"path": ".github/workflows/notify.yml", "content":
        "jobs:\n  notify:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Post to Slack\n        run: |\n          curl -s -X POST https://slack.com/api/chat.postMessage \\\n"
        "            -H 'Authorization: Bearer %s' \\\n            -d channel=C07ABCD1234 -d text='build ${{ github.run_id }} done'\n" % slack_bot()})
    add("gh-actions", ["private_key"], {"path": ".github/workflows/mirror.yml", "content":
        "jobs:\n  mirror:\n    steps:\n      - uses: webfactory/ssh-agent@v0.9.0\n        with:\n          ssh-private-key: |\n" +
        "".join("            " + l + "\n" for l in pem("OPENSSH PRIVATE KEY").splitlines())})
    add("gh-actions", ["password"], {"path": ".github/workflows/test.yml", "content":
        "services:\n  postgres:\n    image: postgres:16\n    env:\n      POSTGRES_USER: ci\n      POSTGRES_PASSWORD: Ql8!vRt2zN\n    ports: ['5432:5432']\n"})

    # ---------------- MIME mail (headers + bodies)
    fe, te = email(), email()
    add("email-mime", ["email", "phone"], {"raw":
        "Return-Path: <%s>\nFrom: \"Ines Costa\" <%s>\nTo: <%s>\nSubject: Re: delivery window\nDate: Tue, 04 Nov 2025 09:14:33 +0100\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nHi, please call me on %s before the driver comes. Thanks, Ines" % (fe, fe, te, uk_phone())})
    add("email-mime", ["email", "ssn"], {"raw":
        "From: hr-onboarding@kestrel-logistics.com\nTo: %s\nSubject: Onboarding form - action needed\nContent-Type: multipart/mixed; boundary=\"b1_x\"\n\n--b1_x\n"
        "Content-Type: text/plain\n\nWe received your I-9 details. Please confirm your SSN (%s) matches your card.\n--b1_x--" % (email(), ssn())})
    add("email-mime", ["email", "password"], {"raw":
        "From: IT Service Desk <it-servicedesk@brightpath.io>\nTo: %s\nSubject: Your temporary password\n\n"
        "Your account was reset. Temporary password: Blue-Otter-%s (you'll be asked to change it at first login)." % (email(), digits(4))})
    c = TEST_CARDS[2]
    body = "Hi, can you update my card on file? Number %s, exp 09/28, security code 902. Thanks, Omar" % grp(c)
    add("email-mime", ["email", "credit_card", "cvv"], {"raw":
        "From: %s\nTo: billing@fjordbank.no\nSubject: card update\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n%s"
        % (email(), base64.b64encode(body.encode()).decode())}, cards=[c], encoded=True)
    add("email-mime", ["email", "jwt"], {"headers": {"from": "no-reply@brightpath.io", "to": email(), "subject": "Sign in to BrightPath"},
        "html": "<p>Click <a href=\"https://app.brightpath.io/magic?token=%s\">here</a> to sign in. The link expires in 15 minutes.</p>" % jwt({"purpose": "magic_link"})})
    add("email-mime", ["email", "medical_record_number", "icd10"], {"raw":
        "From: referrals@cedarclinic.net\nTo: %s\nSubject: Referral - patient MRN %s\n\nDr. Haddad,\nReferring for evaluation of J44.1 (COPD with acute exacerbation). "
        "Spirometry attached.\n" % (email(), mrn())})

    # ---------------- iCalendar
    oe, ae = email(), email()
    add("icalendar", ["email", "phone"], {"ics":
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Acme//Cal 1.0//EN\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTART:20251112T150000Z\r\nDTEND:20251112T154500Z\r\n"
        "SUMMARY:Quarterly review\r\nORGANIZER;CN=Sofia Rossi:mailto:%s\r\nATTENDEE;RSVP=TRUE:mailto:%s\r\nDESCRIPTION:Dial-in %s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        % (uuid(), oe, ae, nanp(2))})
    add("icalendar", ["medical_record_number", "phone"], {"ics":
        "BEGIN:VEVENT\r\nUID:appt-88213.cedarclinic\r\nDTSTART;TZID=America/Chicago:20251118T093000\r\nSUMMARY:Follow-up: Walsh\\, Ethan\r\n"
        "DESCRIPTION:Patient MRN: %s. Bring glucose log. Reschedule: %s\r\nLOCATION:Cedar Clinic\\, Suite 210\r\nEND:VEVENT\r\n" % (mrn(), nanp(0))})

    # ---------------- vCard
    for _ in range(3):
        f, l = person()
        add("vcard", ["email", "phone"], {"vcf":
            "BEGIN:VCARD\nVERSION:3.0\nN:%s;%s;;;\nFN:%s %s\nORG:Kestrel Logistics\nTEL;TYPE=WORK,VOICE:%s\nTEL;TYPE=CELL:%s\nEMAIL;TYPE=INTERNET:%s\nEND:VCARD"
            % (l.title(), f.title(), f.title(), l.title(), nanp(), nanp(), email(f, l))})
    add("vcard", ["phone"], {"vcf": "BEGIN:VCARD\nVERSION:4.0\nFN:Lukas Weber\nTEL;VALUE=uri;TYPE=cell:tel:+49-171-5550123\nADR:;;Hauptstr. 5;Mannheim;;68159;Germany\nEND:VCARD"})

    # ---------------- SMS / WhatsApp exports
    c = card("4", 16)
    add("sms-export", ["credit_card", "cvv"], {"format": "whatsapp-txt", "text":
        "12/03/2025, 14:22 - Ana: ok sending the card for the hotel\n12/03/2025, 14:22 - Ana: %s\n12/03/2025, 14:23 - Ana: exp 05/27 cvv 318\n"
        "12/03/2025, 14:25 - Diego: got it 👍" % grp(c)}, cards=[c])
    add("sms-export", ["phone"], {"smses": {"count": 2, "sms": [
        {"address": "+1%s5550%03d" % (R.choice(["415", "646"]), R.randint(100, 199)), "date": "1762250112000", "type": "1", "body": "Running 10 min late"},
        {"address": "+1%s5550%03d" % (R.choice(["415", "646"]), R.randint(100, 199)), "date": "1762250399000", "type": "2", "body": "no worries"}]}})
    add("sms-export", ["password"], {"format": "whatsapp-txt", "text":
        "04/11/2025, 08:01 - Tom: what's the wifi at the office again\n04/11/2025, 08:02 - Mei: network Kestrel-Guest, password is Fjord!Lynx42"})
    add("sms-export", ["jwt", "phone"], {"thread": [{"from": "+14155550162", "text": "Your BrightPath login link: https://app.brightpath.io/l?t=" + jwt({"purpose": "sms_login"})}]})
    add("sms-export", ["ssn"], {"format": "whatsapp-txt", "text": "21/10/2025, 19:44 - Mom: for the tax form your social is %s\n21/10/2025, 19:45 - You: thx" % ssn()})

    # ---------------- voice transcripts (call-centre ASR output)
    c = card("6011", 16)
    add("voice-transcript", ["credit_card", "cvv"], {"call_id": "c-" + hexs(12), "segments": [
        {"speaker": "agent", "start": 12.4, "text": "Can I have the card number please?"},
        {"speaker": "caller", "start": 15.1, "text": "Sure it's %s" % grp(c)},
        {"speaker": "agent", "start": 24.0, "text": "And the three digit security code on the back?"},
        {"speaker": "caller", "start": 26.2, "text": "five two nine, so 529"}]}, cards=[c])
    add("voice-transcript", ["ssn"], {"transcript": "Agent: For verification can you give me your social security number? Caller: yeah it's %s. Agent: thank you Mr. Novak." % ssn()})
    add("voice-transcript", ["health_insurance_number"], {"transcript":
        "Caller: I'm calling about a denied claim. Agent: Can I get your Medicare number from the red white and blue card? Caller: It's %s." % mbi(True)})
    add("voice-transcript", ["password"], {"transcript": "Caller: I can't get in, and I'm sure my password is Harbor#Light77. Agent: I'll send a reset link instead, please don't share it."})
    add("voice-transcript", ["phone", "email"], {"transcript": "Agent: best callback number? Caller: %s, or email me at %s." % (nanp(1), email())})

    # ---------------- spreadsheet rows (arrays, as Sheets/Excel APIs return them)
    rows = [["Name", "Email", "Phone", "Plan"]]
    for _ in range(3):
        f, l = person()
        rows.append(["%s %s" % (f.title(), l.title()), email(f, l), nanp(), R.choice(["Pro", "Team"])])
    add("sheet-rows", ["email", "phone"], {"range": "Leads!A1:D4", "majorDimension": "ROWS", "values": rows})
    rows = [["employee_id", "name", "ssn", "start_date"]] + [["E%05d" % R.randint(1000, 99999), "%s %s" % tuple(x.title() for x in person()), ssn(), "2025-0%d-01" % R.randint(1, 9)] for _ in range(3)]
    add("sheet-rows", ["ssn"], {"range": "Payroll!A1:D4", "values": rows})
    cs = [card(), card()]
    add("sheet-rows", ["credit_card", "cvv"], {"sheet": "cards_to_migrate", "values": [["holder", "pan", "exp", "cvv"],
        ["M Keller", cs[0], "11/27", "204"], ["O Farah", cs[1], "03/29", "8812" if cs[1][:2] in ("34", "37") else "566"]]}, cards=cs)
    add("sheet-rows", ["medical_record_number", "icd10", "health_insurance_number"], {"sheet": "ER discharge list", "values": [
        ["MRN", "Patient", "Primary Dx", "Payer member ID"], [mrn(), "Costa, Ines", "S52.501A", member_id()], [mrn(), "Walsh, Ethan", "J06.9", member_id()]]})

    # ---------------- Protobuf-JSON (canonical proto3 JSON mapping)
    c = card("3530", 16)
    add("protobuf-json", ["credit_card", "cvv"], {"@type": "type.googleapis.com/acme.payments.v1.AuthorizeRequest", "merchantId": "m_1182",
        "amount": {"currencyCode": "USD", "units": "42", "nanos": 500000000}, "card": {"pan": c, "expiry": "2028-06", "cvc": "093"}}, cards=[c])
    add("protobuf-json", ["email", "phone"], {"@type": "type.googleapis.com/acme.crm.v2.Contact", "contactId": "1762250112000",
        "emails": [{"address": email(), "primary": True}], "phoneNumbers": [{"e164": "+4420794600%02d" % R.randint(0, 99)}]})
    add("protobuf-json", ["jwt"], {"@type": "type.googleapis.com/acme.auth.v1.Session", "sessionId": uuid(), "idToken": jwt({"nonce": rs(16)}, "RS256"), "createTime": "2025-11-04T10:15:00Z"})
    add("protobuf-json", ["health_insurance_number", "icd10"], {"@type": "type.googleapis.com/acme.claims.v1.Claim", "claimId": "CLM-77120",
        "subscriber": {"memberId": member_id(), "groupNumber": "GRP-44810"}, "diagnoses": [{"code": "E11.9", "pointer": 1}, {"code": "Z79.4", "pointer": 2}]})

    # ---------------- Elasticsearch documents / search hits
    add("elasticsearch", ["email"], {"_index": "app-logs-2025.11.04", "_id": rs(20, AL), "_source": {"@timestamp": "2025-11-04T10:15:00.312Z",
        "message": "password reset requested", "user": {"email": email(), "id": "u_91882"}, "client": {"ip": "203.0.113.19"}}})
    add("elasticsearch", ["ssn", "phone"], {"hits": {"total": {"value": 1, "relation": "eq"}, "hits": [{"_index": "applicants", "_id": "3391",
        "_source": {"name": "Yara Saleh", "ssn": ssn(), "phone": nanp(4), "status": "review"}}]}})
    add("elasticsearch", ["api_key"], {"_index": "audit", "_source": {"event": "integration.created", "integration": "sendgrid", "config": {"apiKey": sendgrid()}}})
    add("elasticsearch", ["medical_record_number", "icd10"], {"_index": "ehr-notes", "_source": {"patient_mrn": mrn(), "note_type": "progress",
        "text": "Pt seen for follow-up. A1c 8.2. Assessment: E11.65 uncontrolled. Plan: titrate metformin."}})

    # ---------------- Sentry events
    add("sentry", ["jwt"], {"event_id": hexs(32), "platform": "node", "level": "error", "request": {"url": "https://api.acme.dev/v1/cart", "method": "POST",
        "headers": {"Authorization": "Bearer " + jwt(), "User-Agent": "Mozilla/5.0"}}, "exception": {"values": [{"type": "TypeError", "value": "Cannot read properties of undefined (reading 'items')"}]}})
    add("sentry", ["email"], {"event_id": hexs(32), "user": {"id": "8812", "email": email(), "ip_address": "198.51.100.7"}, "message": "Checkout failed", "release": "web@4.18.2"})
    add("sentry", ["password", "email"], {"event_id": hexs(32), "breadcrumbs": {"values": [{"category": "http", "data": {"url": "/api/login", "method": "POST",
        "body": "{\"email\":\"%s\",\"password\":\"Nimbus-8812-q\"}" % email()}}]}, "exception": {"values": [{"type": "AuthError", "value": "invalid credentials"}]}})
    add("sentry", ["aws_access_key"], {"event_id": hexs(32), "extra": {"boto_config": {"aws_access_key_id": aws_key(), "region": "us-east-1"}},
        "exception": {"values": [{"type": "NoCredentialsError", "value": "Unable to locate credentials"}]}})

    # ---------------- claims / eligibility JSON (NCPDP-like pharmacy claims, 837-like medical)
    add("claims-json", ["health_insurance_number", "icd10"], {"transactionCode": "B1", "bin": "610014", "pcn": "MEDDPRIME",
        "insurance": {"cardholderId": member_id(), "personCode": "01", "relationship": "1"},
        "claim": {"productServiceId": "00093714656", "quantityDispensed": "30", "daysSupply": "30", "diagnosisCode": "I10", "diagnosisCodeQualifier": "02"}})
    add("claims-json", ["health_insurance_number", "icd10"], {"claimType": "professional", "payer": "Medicare Part B",
        "patient": {"name": "Novak, Tomas", "dob": "1951-08-02", "medicareBeneficiaryIdentifier": mbi()},
        "serviceLines": [{"cpt": "99214", "dx": ["M17.11", "E78.5"], "charge": 185.00}]})
    add("claims-json", ["health_insurance_number", "medical_record_number"], {"eligibilityRequest": {"payerId": "60054", "subscriber": {
        "memberId": member_id(), "firstName": "Amara", "lastName": "Nwosu", "dob": "1990-12-01"}, "provider": {"npi": "1234567893"}, "patientAccount": {"mrn": mrn()}}})
    add("claims-json", ["health_insurance_number"], {"medicaid": {"state": "NY", "recipientId": "AB" + digits(5) + R.choice("ABCDEFGHJKLMNPQRSTUVWXYZ"), "coverageCode": "01"},
        "note": "Medicaid CIN on file"})

    # ---------------- lab results
    add("lab-result", ["medical_record_number", "icd10"], {"report": "HEMOGLOBIN A1C", "patient": {"mrn": mrn(), "name": "Lindqvist, Sofia", "sex": "F"},
        "order": {"accession": "L25-" + digits(7), "indication": "E11.9"}, "result": {"value": 7.4, "unit": "%", "ref": "4.0-5.6", "flag": "H"}})
    add("lab-result", ["medical_record_number"], {"text": "CEDAR CLINIC LABORATORY\nPatient: Mensah, Kwame   MRN: %s   DOB: 03/14/1966\nTSH  2.1 mIU/L (0.4-4.0)\nFree T4  1.2 ng/dL (0.8-1.8)" % mrn()})
    add("lab-result", ["medical_record_number", "icd10", "health_insurance_number"], {"requisition": {"patientMrn": mrn(), "diagnosis": ["N18.3", "D50.9"],
        "billing": {"insurer": "Blue Cross", "subscriberId": member_id()}, "tests": ["CMP", "CBC w/ diff", "Ferritin"]}})

    # ---------------- e-prescriptions (NCPDP SCRIPT XML)
    add("erx", ["medical_record_number", "health_insurance_number", "icd10", "phone"], {"xml":
        "<Message><Body><NewRx><Patient><HumanPatient><Identification><MedicalRecordIdentificationNumberEHR>%s</MedicalRecordIdentificationNumberEHR></Identification>"
        "<Name><LastName>Haddad</LastName><FirstName>Fatima</FirstName></Name></HumanPatient></Patient>"
        "<BenefitsCoordination><PayerIdentification><PayerID>T00000000021004</PayerID></PayerIdentification><CardholderID>%s</CardholderID></BenefitsCoordination>"
        "<Prescriber><NonVeterinarian><CommunicationNumbers><PrimaryTelephone><Number>%s</Number></PrimaryTelephone></CommunicationNumbers></NonVeterinarian></Prescriber>"
        "<MedicationPrescribed><DrugDescription>metformin 500 MG Oral Tablet</DrugDescription><Diagnosis><Primary><Code>E11.9</Code><Qualifier>ABF</Qualifier></Primary></Diagnosis>"
        "</MedicationPrescribed></NewRx></Body></Message>" % (mrn(), member_id(), "312555" + "01%02d" % R.randint(0, 99))})
    add("erx", ["icd10", "health_insurance_number"], {"rx": {"drug": "albuterol HFA 90 mcg", "sig": "2 puffs q4-6h prn", "dx": "J45.909", "coverage": {"memberId": member_id(), "bin": "004336"}}})

    # ---------------- OFX bank/card statements
    c = card("55", 16)
    add("ofx", ["credit_card"], {"ofx": "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><TRNUID>1001<CCSTMTRS><CURDEF>USD"
        "<CCACCTFROM><ACCTID>%s</CCACCTFROM><BANKTRANLIST><DTSTART>20251001<DTEND>20251031<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20251012<TRNAMT>-54.20"
        "<FITID>20251012000183<NAME>GROCER</STMTTRN></BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>" % c}, cards=[c])
    add("ofx", ["password"], {"ofx": "<OFX><SIGNONMSGSRQV1><SONRQ><DTCLIENT>20251104101500<USERID>mkeller77<USERPASS>Lantern-9931!<LANGUAGE>ENG"
        "<FI><ORG>FJORD<FID>10898</FI><APPID>QWIN<APPVER>2700</SONRQ></SIGNONMSGSRQV1></OFX>"})

    # ---------------- payment webhooks (Stripe/Adyen-like)
    c = TEST_CARDS[5]
    add("payment-webhook", ["credit_card", "cvv"], {"live": "false", "notificationItems": [{"NotificationRequestItem": {"eventCode": "AUTHORISATION", "success": "true",
        "pspReference": bad16("88"), "merchantReference": "ORD-2025-118842", "amount": {"value": 4250, "currency": "EUR"},
        "additionalData": {"cardNumber": c, "cvc": "737", "expiryDate": "03/2030"}}}]}, cards=[c])
    add("payment-webhook", ["email", "phone"], {"id": "evt_" + rs(24), "type": "customer.created", "data": {"object": {"id": "cus_" + rs(14), "object": "customer",
        "email": email(), "phone": nanp(3), "name": "Chloe Dubois", "created": 1762250112}}})
    add("payment-webhook", ["api_key"], {"id": "evt_" + rs(24), "type": "account.application.authorized", "data": {"object": {"access_token": stripe_live(), "livemode": True, "token_type": "bearer"}}})

    # ---------------- browser HAR entries
    add("har", ["jwt"], {"log": {"version": "1.2", "entries": [{"startedDateTime": "2025-11-04T10:15:00.000Z", "request": {"method": "GET", "url": "https://app.acme.dev/api/me",
        "cookies": [{"name": "session", "value": jwt({"sid": rs(20)})}], "headers": [{"name": "Accept", "value": "application/json"}]}, "response": {"status": 200}}]}})
    add("har", ["email", "password"], {"log": {"entries": [{"request": {"method": "POST", "url": "https://shop.acme.dev/account/login",
        "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "email=%s&password=Pebble%%2BStorm%%2191&remember=1" % urllib.parse.quote(email())}}}]}})
    c = card("4", 16)
    add("har", ["credit_card", "cvv"], {"log": {"entries": [{"request": {"method": "POST", "url": "https://pay.acme.dev/v1/tokens",
        "postData": {"mimeType": "application/json", "text": json.dumps({"card": {"number": c, "cvc": "261", "exp_month": 2, "exp_year": 2031}})}}}]}}, cards=[c])
    add("har", ["api_key"], {"log": {"entries": [{"request": {"method": "GET", "url": "https://maps.googleapis.com/maps/api/js?key=%s&libraries=places" % google_key()}, "response": {"status": 200}}]}})

    # ---------------- .npmrc / .pypirc / credentials files
    add("npmrc", ["api_key"], {"path": "~/.npmrc", "content": "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\nsave-exact=true\n" % npm_tok()})
    add("npmrc", ["api_key"], {"path": ".npmrc", "content": "@acme:registry=https://gitlab.acme.dev/api/v4/projects/118/packages/npm/\n//gitlab.acme.dev/api/v4/projects/118/packages/npm/:_authToken=glpat-%s\n" % rs(20, B64U)})
    add("pypirc", ["password"], {"path": "~/.pypirc", "content": "[distutils]\nindex-servers =\n    internal\n\n[internal]\nrepository = https://pypi.acme.dev/simple/\nusername = release-bot\npassword = Gr4nite!Falcon#2025\n"})
    ak = aws_key()
    add("aws-credentials", ["aws_access_key", "api_key"], {"path": "~/.aws/credentials", "content": "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n[prod]\nregion = eu-west-1\n" % (ak, aws_secret())})
    ak = aws_key("ASIA")
    add("aws-credentials", ["aws_access_key", "api_key"], {"Credentials": {"AccessKeyId": ak, "SecretAccessKey": aws_secret(),
        "SessionToken": "IQoJb3JpZ2luX2VjE" + rs(300, AL + "/+"), "Expiration": "2025-11-04T11:15:00Z"}})

    # ---------------- SSH config + pasted key
    add("ssh-config", ["private_key"], {"paste": "# ~/.ssh/config\nHost bastion\n  HostName 198.51.100.10\n  User ops\n  IdentityFile ~/.ssh/bastion_ed25519\n\n# ~/.ssh/bastion_ed25519\n" + pem("OPENSSH PRIVATE KEY")})

    # ---------------- Ansible
    add("ansible", ["password"], {"path": "inventories/prod/group_vars/db.yml", "content": "---\npostgres_version: 16\nansible_user: deploy\nansible_become_password: 'Mistral&Oak-55'\npg_hba_allow: 10.0.0.0/16\n"})
    add("ansible", ["api_key", "aws_access_key"], {"path": "roles/backup/defaults/main.yml", "content": "backup_bucket: acme-db-backups\nbackup_aws_access_key: %s\nbackup_aws_secret_key: %s\nslack_token: %s\n" % (aws_key(), aws_secret(), slack_bot())})
    add("ansible", ["private_key"], {"path": "host_vars/web01.yml", "content": "tls_cert_path: /etc/ssl/web01.crt\ntls_key_content: |\n" + "".join("  " + l + "\n" for l in pem("PRIVATE KEY").splitlines())})

    # ---------------- Helm values
    add("helm-values", ["password"], {"path": "charts/api/values-prod.yaml", "content": "replicaCount: 3\nimage:\n  repository: ghcr.io/acme/api\n  tag: 4.18.2\npostgresql:\n  auth:\n    username: api\n    password: Zebra-Crossing-1177\n    database: api\n"})
    add("helm-values", ["api_key"], {"path": "values.yaml", "content": "env:\n  STRIPE_SECRET_KEY: %s\n  SENTRY_ENVIRONMENT: production\n" % stripe_live()})
    add("helm-values", ["private_key"], {"path": "values-ingress.yaml", "content": "tls:\n  enabled: true\n  key: |\n" + "".join("    " + l + "\n" for l in pem("RSA PRIVATE KEY").splitlines())})
    add("helm-values", ["password", "api_key"], {"path": "values-redis.yaml", "content": "redis:\n  auth:\n    password: \"r3d1s-Kite-8812\"\nmailer:\n  sendgridApiKey: %s\n" % sendgrid()})

    # ---------------- Google service-account JSON, key with escaped newlines
    add("service-account-json", ["private_key"], {"content": json.dumps({"type": "service_account", "project_id": "acme-data-371210", "private_key_id": hexs(40),
        "private_key": pem("PRIVATE KEY"), "token_uri": "https://oauth2.googleapis.com/token"})})
    add("service-account-json", ["private_key"], {"env_line": "GCP_SA_KEY=\"" + pem("PRIVATE KEY", "\\n") + "\""})
    add("service-account-json", ["private_key"], {"snippet": pem("ENCRYPTED PRIVATE KEY")})

    # ---------------- multilingual text
    c = card("4", 16)
    add("multilingual", ["credit_card", "cvv"], {"lang": "de", "text": "Hallo, hier meine Kreditkartendaten für die Buchung: Kartennummer %s, gültig bis 08/28, Prüfnummer (CVC) 417. Viele Grüße" % grp(c)}, cards=[c])
    add("multilingual", ["ssn", "email"], {"lang": "es", "text": "Buenos días, mi número de seguro social es %s y mi correo es %s. Necesito el formulario W-2." % (ssn(), email())})
    add("multilingual", ["phone"], {"lang": "ja", "text": "お問い合わせありがとうございます。担当者の携帯電話番号は 090-5550-%04d です。" % R.randint(0, 9999)})
    add("multilingual", ["phone"], {"lang": "ar", "text": "مرحبا، رقم هاتفي هو ‎+٩٧١ ٥٠ ٥٥٥ ٠١٤٢‎ يرجى الاتصال بعد الساعة الخامسة"})
    add("multilingual", ["password"], {"lang": "fr", "text": "Voici les accès du serveur de test : identifiant admin, mot de passe : Citron!Vert2025"})
    add("multilingual", ["health_insurance_number", "icd10"], {"lang": "de", "text": "Überweisung: Versichertennummer A%09d, Diagnose F41.1 (generalisierte Angststörung), Krankenkasse AOK." % R.randint(100000000, 999999999)})
    add("multilingual", ["medical_record_number", "icd10"], {"lang": "es", "text": "Paciente con historia clínica (MRN) %s, diagnóstico J45.909 asma no complicada." % mrn()})
    add("multilingual", ["phone"], {"lang": "de", "text": "Rückruf bitte unter 030 5550 %04d oder mobil 0151 5550%04d." % (R.randint(0, 9999), R.randint(0, 9999))})

    # ---------------- Unicode look-alikes as real systems produce them
    c = TEST_CARDS[0]
    fw = "".join(chr(0xFF10 + int(ch)) if ch.isdigit() else ch for ch in grp(c))
    add("unicode", ["credit_card"], {"text": "カード番号：" + fw + " でお願いします"}, cards=[c])
    c = card("53", 16)
    add("unicode", ["credit_card"], {"text": "Card: " + grp(c, "\u00a0")}, cards=[c])
    c = card("4", 16)
    add("unicode", ["credit_card", "cvv"], {"text": "pan " + "\u200b".join(grp(c).split(" ")) + " / CVV 650"}, cards=[c])
    s = ssn()
    add("unicode", ["ssn"], {"text": "SSN: " + s.replace("-", "\u2011")})
    s = ssn()
    add("unicode", ["ssn"], {"form": {"ssn": "".join(chr(0xFF10 + int(ch)) if ch.isdigit() else "－" for ch in s)}})
    add("unicode", ["email"], {"text": "contact: " + email().replace("@", "＠")})
    add("unicode", ["phone"], {"text": "Tel.\u00a0+44\u00a020\u00a07946\u00a00%03d" % R.randint(0, 999)})

    # ---------------- base64 / URL-encoded fields
    c = card("2223", 16)
    inner = json.dumps({"card": {"number": c, "cvv": "552"}, "amount": 1200})
    add("encoded", ["credit_card", "cvv"], {"webhook": {"type": "payment.authorized", "payload_b64": base64.b64encode(inner.encode()).decode()}}, cards=[c], encoded=True)
    e, p = email(), nanp(3)
    add("encoded", ["email", "phone"], {"body": "form-urlencoded", "raw": urllib.parse.urlencode({"name": "Noah Chen", "email": e, "phone": p, "consent": "yes"})})
    s = ssn()
    add("encoded", ["ssn"], {"pubsub": {"message": {"data": base64.b64encode(json.dumps({"applicant_ssn": s}).encode()).decode(), "messageId": "1311" + digits(8)}}}, encoded=True)
    add("encoded", ["private_key"], {"k8s_env": {"name": "TLS_KEY_B64", "value": base64.b64encode(pem("EC PRIVATE KEY").encode()).decode()}}, encoded=True)
    add("encoded", ["password"], {"redirect": "https://sso.acme.dev/cb?state=" + urllib.parse.quote("user=ops&password=Copper!Moth#71", safe="")})
    add("encoded", ["api_key"], {"query": "token=" + urllib.parse.quote(gh_pat(), safe="")})

    # ---------------- agent envelopes: the sensitive value sits in the envelope
    add("envelope", ["email"], {"status": "queued"}, envelope={"message_type": "support.reply", "message_id": "msg-" + uuid(), "meta": {"reply_to": email()}})
    add("envelope", ["jwt"], {"task": "sync"}, envelope={"message_type": "task.run", "message_id": "msg-" + uuid(), "meta": {"upstream_auth": "Bearer " + jwt()}})
    add("envelope", ["api_key"], {"task": "embed"}, envelope={"message_type": "llm.call", "message_id": "msg-" + uuid(), "meta": {"provider_key": openai_key()}})
    c = card("51", 16)
    add("envelope", ["credit_card"], {"ok": True}, envelope={"message_type": "billing.retry", "message_id": "msg-" + uuid(), "meta": {"card_on_file": grp(c, "-")}}, cards=[c])
    add("envelope", ["phone"], {"ok": True}, envelope={"message_type": "sms.send", "message_id": "msg-" + uuid(), "meta": {"to": nanp(3)}})
    add("envelope", ["medical_record_number"], {"ok": True}, envelope={"message_type": "ehr.sync", "message_id": "msg-" + uuid(), "meta": {"patient_mrn": mrn()}})
    add("envelope", ["aws_access_key"], {"ok": True}, envelope={"message_type": "s3.upload", "message_id": "msg-" + uuid(), "meta": {"aws_access_key_id": aws_key()}})
    add("envelope", ["ssn"], {"ok": True}, envelope={"message_type": "kyc.check", "message_id": "msg-" + uuid(), "meta": {"applicant_ssn": ssn()}})

    # ---------------- a few extra chat-like app payloads (not plain chat: ticketing tools)
    add("helpdesk-ticket", ["health_insurance_number"], {"ticket": {"id": 55812, "subject": "Claim denied", "description":
        "Member says her claim was denied. Member ID %s, plan PPO Gold. Please escalate." % member_id()}})
    add("helpdesk-ticket", ["health_insurance_number"], {"ticket": {"id": 55813, "custom_fields": [{"id": 3601, "name": "Medicare MBI", "value": mbi()}]}})
    add("helpdesk-ticket", ["medical_record_number"], {"ticket": {"id": 55820, "description": "Duplicate chart: merge MRN %s into MRN %s" % (mrn(), mrn())}})
    add("helpdesk-ticket", ["icd10"], {"ticket": {"id": 55821, "description": "Coder question: should the visit be billed as R10.9 or K58.9? Provider note says IBS suspected."}})
    add("helpdesk-ticket", ["cvv", "credit_card"], {"ticket": {"id": 55830, "comments": [{"body": "Customer read out card %s and CVC 7781 on the phone, please purge the recording." % grp(TEST_CARDS[3])}]}}, cards=[TEST_CARDS[3]])


def positives_extra():
    # second pass for thinner types, still in the formats above
    add("graphql", ["private_key"], {"operationName": "UploadCertificate", "variables": {"input": {"domain": "shop.acme.dev",
        "certificatePem": "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----", "privateKeyPem": pem("EC PRIVATE KEY")}}})
    add("postman", ["private_key"], {"name": "mtls-prod", "values": [{"key": "client_key", "value": pem("RSA PRIVATE KEY"), "type": "secret"}]})
    add("curl", ["private_key"], {"shell_history": "cat > /tmp/deploy.key <<'EOF'\n" + pem("OPENSSH PRIVATE KEY") + "EOF\nchmod 600 /tmp/deploy.key && ssh -i /tmp/deploy.key ops@198.51.100.10"})
    add("elasticsearch", ["private_key"], {"_index": "config-snapshots", "_source": {"service": "edge-proxy", "ssl": {"certificate": "/etc/ssl/edge.crt", "key": pem("PRIVATE KEY", "\\n")}}})
    add("elasticsearch", ["aws_access_key"], {"_index": "cloudtrail-2025.11", "_source": {"eventName": "GetObject", "eventSource": "s3.amazonaws.com", "awsRegion": "eu-west-1",
        "userIdentity": {"type": "AssumedRole", "principalId": "AROA" + rs(17, UP) + ":ci", "accessKeyId": aws_key("ASIA")}, "sourceIPAddress": "203.0.113.40"}})
    add("issue-comment", ["aws_access_key"], {"body": "The nightly sync fails with `The security token included in the request is expired` (key %s). Probably the role session is too short." % aws_key("ASIA")})
    add("har", ["jwt"], {"log": {"entries": [{"request": {"method": "GET", "url": "wss://rt.acme.dev/socket"}, "_webSocketMessages": [
        {"type": "send", "time": 1762250112.3, "opcode": 1, "data": json.dumps({"type": "auth", "token": jwt({"ch": "orders"})})}]}]}})
    add("protobuf-json", ["jwt"], {"@type": "type.googleapis.com/grpc.Metadata", "entries": [{"key": "authorization", "value": "Bearer " + jwt({"svc": "billing"}, "ES256")}, {"key": "x-request-id", "value": uuid()}]})
    add("sentry", ["medical_record_number"], {"event_id": hexs(32), "platform": "python", "tags": {"patient_mrn": mrn(), "module": "chart-merge"}, "message": "Chart merge conflict"})
    add("voice-transcript", ["medical_record_number", "icd10"], {"dictation": "This is Dr. Farah dictating for medical record number %s. Assessment: acute upper respiratory infection, J06.9. Plan: supportive care." % mrn()})
    add("sms-export", ["health_insurance_number"], {"format": "whatsapp-txt", "text": "02/11/2025, 11:40 - Dad: pharmacy needs my insurance, member ID is %s group 7710\n02/11/2025, 11:41 - You: ok" % member_id()})
    add("ocr-card", ["health_insurance_number"], {"ocr": {"confidence": 0.93, "text": "BLUE CROSS PPO\nSUBSCRIBER: AMARA NWOSU\nMember ID %s\nGroup No. 004471\nRxBIN 004336  RxPCN ADV" % member_id()}})
    add("ocr-card", ["health_insurance_number"], {"ocr": {"text": "MEDICARE HEALTH INSURANCE\nName: TOMAS NOVAK\nMedicare Number: %s\nEntitled to HOSPITAL (PART A) 03-01-2016" % mbi(True)}})
    c = card("65", 16)
    add("postman", ["credit_card", "cvv"], {"item": [{"name": "Create charge", "request": {"method": "POST", "body": {"mode": "raw", "raw": json.dumps({"card": {"number": c, "cvc": "845", "exp": "10/29"}})}}}]}, cards=[c])
    add("postman", ["ssn"], {"item": [{"name": "KYC submit", "request": {"method": "POST", "body": {"mode": "urlencoded", "urlencoded": [{"key": "tax_id", "value": ssn().replace("-", "")}, {"key": "tax_id_type", "value": "ssn"}]}}}]})
    add("claims-json", ["icd10", "medical_record_number"], {"encounter": {"mrn": mrn(), "type": "ED", "dischargeDiagnoses": ["R10.9", "K58.9"], "disposition": "home"}})


# ================================================================ HARD NEGATIVES
def negatives():
    N = lambda fmt, data, **kw: add(fmt, [], data, **kw)

    # ---------------- GraphQL
    N("graphql", {"query": "query Orders($after: String) { orders(first: 20, after: $after) { edges { node { id number total { amount currency } } } pageInfo { endCursor hasNextPage } } }",
                  "variables": {"after": "YXJyYXljb25uZWN0aW9uOjE5"}})
    N("graphql", {"data": {"orders": {"edges": [{"node": {"id": "T3JkZXI6NDQ4MTI=", "number": "100-4481223-7715410", "total": {"amount": "129.90", "currency": "EUR"}}}],
                                      "pageInfo": {"endCursor": "YXJyYXljb25uZWN0aW9uOjIw", "hasNextPage": True}}}})
    N("graphql", {"data": {"viewer": {"paymentMethods": [{"id": "pm_1QwErTyUiOpAsDfG", "brand": "visa", "last4": "4242", "expMonth": 11, "expYear": 2029, "display": "•••• •••• •••• 4242"}]}}})
    N("graphql", {"query": "query IntrospectionQuery { __schema { queryType { name } types { kind name fields(includeDeprecated: true) { name args { name type { name } } } } } }"})
    N("graphql", {"errors": [{"message": "Variable \"$password\" of required type \"String!\" was not provided.", "locations": [{"line": 1, "column": 30}], "extensions": {"code": "BAD_USER_INPUT"}}]})

    # ---------------- issue comments
    N("issue-comment", {"body": "Bisected to %s (introduced in v3.14.0-rc.2). Reverting %s fixes it; see #4521 and the CI run 11873092264." % (sha()[:12], sha())})
    N("issue-comment", {"body": "Proposal for the signup form: passwords must be at least 12 characters, include one digit, and are checked against the breached-password list. We should stop requiring special characters (NIST 800-63B)."})
    N("issue-comment", {"issue": {"key": "PAY-2291"}, "comment": {"body": "Linked to PAY-2288 and OPS-117. Happened at 1762250112345 and 1762250398001 (epoch ms) on pod checkout-7f9c8d6b5-x2kqv."}})
    N("issue-comment", {"body": "The docs example uses `AKIAIOSFODNN7EXAMPLE` / `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` which is AWS's placeholder; our validator should not treat it as real."})
    N("issue-comment", {"body": "Card validation bug: entering 4111 1111 1111 1112 shows 'valid' for a split second before the Luhn check flags it. Expected: invalid immediately."})
    N("issue-comment", {"body": "Upgraded node 20.11.1 -> 22.4.0, pnpm 9.1.4, and typescript 5.5.3. Bundle went from 412.7 kB to 398.2 kB gzip."})

    # ---------------- Terraform / tfstate
    N("terraform", {"path": "modules/db/main.tf", "content": 'resource "aws_db_instance" "orders" {\n  username = var.db_username\n  password = var.db_password\n  manage_master_user_password = false\n}\n\nvariable "db_password" {\n  type      = string\n  sensitive = true\n}\n'})
    N("terraform", {"path": "iam.tf", "content": 'data "aws_iam_policy_document" "assume" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::123456789012:role/ci-deployer"]\n    }\n  }\n}\n'})
    N("terraform", {"path": "random.tf", "content": 'resource "random_password" "db" {\n  length           = 24\n  special          = true\n  override_special = "!#$%&*()-_=+[]{}<>:?"\n}\n\nresource "aws_secretsmanager_secret_version" "db" {\n  secret_id     = aws_secretsmanager_secret.db.id\n  secret_string = random_password.db.result\n}\n'})
    N("tfstate", {"version": 4, "terraform_version": "1.9.5", "serial": 112, "lineage": uuid(), "outputs": {"vpc_id": {"value": "vpc-0a1b2c3d4e5f60718", "type": "string"}},
                  "resources": [{"type": "aws_instance", "name": "web", "instances": [{"attributes": {"id": "i-0f1e2d3c4b5a69788", "ami": "ami-0c55b159cbfafe1f0", "private_ip": "10.0.1.23"}, "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]}]}]})
    N("tfstate", {"resources": [{"type": "aws_db_instance", "name": "main", "instances": [{"attributes": {"id": "db-ABCDEFGHIJKLMNOPQRSTUVWXY", "password": None, "master_user_secret": [{"secret_arn": "arn:aws:secretsmanager:eu-central-1:123456789012:secret:rds!db-" + uuid()}]}}]}]})

    # ---------------- access logs
    for i in range(3):
        N("access-log", {"source": R.choice(["nginx", "apache"]), "line":
            '%s - - [0%d/Nov/2025:1%d:%02d:%02d +0000] "GET /api/v2/orders/%s HTTP/1.1" 200 %d "https://shop.acme.dev/account" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36" rt=0.0%d uid=%s'
            % (R.choice(["203.0.113.", "198.51.100.", "192.0.2."]) + str(R.randint(2, 250)), i + 1, i, R.randint(0, 59), R.randint(0, 59), uuid(), R.randint(200, 9000), R.randint(10, 99), hexs(16))})
    N("access-log", {"source": "nginx", "line": '198.51.100.14 - - [06/Nov/2025:09:00:01 +0000] "GET /catalog/fasteners/E11-hex-bolt-m8?ref=J45-promo&upc=036000291452 HTTP/1.1" 200 18722 "-" "Googlebot/2.1"'})
    N("access-log", {"source": "nginx", "line": '10.0.3.7 - - [06/Nov/2025:09:00:02 +0000] "POST /api/login HTTP/1.1" 401 53 "-" "okhttp/4.12.0" request_id=%s body_bytes=212' % uuid()})
    N("access-log", {"source": "apache", "line": '192.0.2.200 - - [06/Nov/2025:09:00:05 +0000] "GET /static/js/main.4f9c2a1b.chunk.js HTTP/1.1" 304 0 "-" "Mozilla/5.0"'})

    # ---------------- stack traces
    N("stacktrace", {"stack_trace": "java.lang.NullPointerException: Cannot invoke \"com.acme.orders.Order.getTotal()\" because \"order\" is null\n\tat com.acme.orders.InvoiceService.render(InvoiceService.java:212)\n"
                     "\tat com.acme.orders.InvoiceController.get(InvoiceController.java:58)\n\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)"})
    N("stacktrace", {"stack_trace": "java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n[GC (Allocation Failure) 4194304K->3981212K(4718592K), 0.4412311 secs]"})
    N("stacktrace", {"traceback": "Traceback (most recent call last):\n  File \"/app/auth/views.py\", line 88, in login\n    pw = request.form['password']\n  File \"/usr/lib/python3.12/site-packages/werkzeug/datastructures.py\", line 196, in __getitem__\n    raise exceptions.BadRequestKeyError(key)\nwerkzeug.exceptions.BadRequestKeyError: 400 Bad Request: KeyError: 'password'"})
    N("stacktrace", {"stack_trace": "org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"billing_app\"\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)"})
    N("stacktrace", {"stack_trace": "com.acme.payments.ValidationException: card number failed checksum (input length 16, bin 411111)\n\tat com.acme.payments.CardValidator.check(CardValidator.java:41)"})

    # ---------------- cURL
    N("curl", {"command": "curl https://api.stripe.com/v1/charges -u \"$STRIPE_SECRET_KEY:\" -d amount=2000 -d currency=usd -d source=tok_visa"})
    N("curl", {"command": "curl -H 'Authorization: Bearer <token>' -H 'X-Api-Key: <your-api-key>' https://api.acme.dev/v1/ping"})
    N("curl", {"command": "curl -sSfL https://github.com/cli/cli/releases/download/v2.62.0/gh_2.62.0_linux_amd64.tar.gz -o gh.tgz && echo \"%s  gh.tgz\" | sha256sum -c -" % hexs(64)})

    # ---------------- Postman / OpenAPI / docs
    N("postman", {"info": {"name": "Public API"}, "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Api-Key"}, {"key": "value", "value": "{{api_key}}"}]},
                  "variable": [{"key": "baseUrl", "value": "https://api.acme.dev"}, {"key": "api_key", "value": ""}]})
    N("postman", {"name": "local", "values": [{"key": "password", "value": "{{vault:db-password}}", "enabled": True}, {"key": "userId", "value": "8f14e45f-ceea-467f-a8f9-5c1e9b7b1a2d"}]})
    N("openapi", {"openapi": "3.0.3", "components": {"securitySchemes": {"ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-Key",
        "description": "Send your key as `X-API-Key: <your-api-key>`. Test keys start with `sk_test_`."}, "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}})
    N("openapi", {"components": {"schemas": {"Card": {"type": "object", "properties": {"last4": {"type": "string", "example": "4242"}, "masked": {"type": "string", "example": "**** **** **** 4242"},
        "exp_month": {"type": "integer", "example": 12}}}, "User": {"properties": {"email": {"type": "string", "format": "email"}, "password": {"type": "string", "format": "password", "minLength": 12, "writeOnly": True}}}}}})
    N("docs", {"markdown": "## Authentication\n\nUse a test key such as `sk_test_4eC39HqLyjWDarjtT1zdp7dc` while developing. Live keys (`sk_live_...`) must never be committed.\n"})
    N("docs", {"markdown": "Configure the CLI:\n\n```\n$ aws configure\nAWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\nAWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nDefault region name [None]: us-west-2\n```\n"})
    N("docs", {"markdown": "Set `OPENAI_API_KEY=YOUR_API_KEY` and `SLACK_BOT_TOKEN=xoxb-your-token` in `.env`, then run `make dev`."})
    N("docs", {"markdown": "### Password policy\nPasswords must be 12-64 characters. Passphrases are encouraged. Passwords expire only on evidence of compromise. Accounts lock after 10 failed attempts."})
    N("docs", {"markdown": "Test with the JWT debugger: paste a token of the form `xxxxx.yyyyy.zzzzz` (header.payload.signature). Never paste production tokens."})
    N("changelog", {"markdown": "## 4.18.2 (2025-11-03)\n- fix: retry on 503 (#4519)\n- deps: bump axios 1.7.7 → 1.7.9\n\n## 4.18.1 (2025-10-28)\n- perf: cache ETag `W/\"5e15-1762250112\"`\n- build: pin actions/checkout@" + sha()})

    # ---------------- GitHub Actions
    N("gh-actions", {"path": ".github/workflows/deploy.yml", "content":
        "jobs:\n  deploy:\n    runs-on: ubuntu-24.04\n    permissions:\n      id-token: write\n    steps:\n      - uses: actions/checkout@%s # v4.2.2\n"
        "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/gh-deploy\n          aws-region: eu-central-1\n"
        "      - run: ./deploy.sh\n        env:\n          STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}\n          DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n" % sha()})
    N("gh-actions", {"path": ".github/workflows/ci.yml", "content": "on:\n  schedule:\n    - cron: '17 3 * * 1-5'\njobs:\n  test:\n    strategy:\n      matrix:\n        node: [18.20.4, 20.17.0, 22.9.0]\n    steps:\n      - run: npm ci && npm test -- --shard=1/4\n"})

    # ---------------- iCalendar / vCard
    N("icalendar", {"ics": "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Public Holidays//DE//\r\nBEGIN:VEVENT\r\nUID:" + uuid() + "\r\nDTSTART;VALUE=DATE:20251003\r\nSUMMARY:Tag der Deutschen Einheit\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:" + uuid() + "\r\nDTSTART;VALUE=DATE:20251225\r\nSUMMARY:1. Weihnachtstag\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"})
    N("icalendar", {"ics": "BEGIN:VEVENT\r\nUID:" + uuid() + "\r\nDTSTART:20251120T090000Z\r\nSUMMARY:Sprint 47 planning\r\nLOCATION:Room B12\\, 3rd floor\r\nDESCRIPTION:Agenda: PAY-2291\\, OPS-117\\, capacity 42 pts\r\nEND:VEVENT\r\n"})
    N("vcard", {"vcf": "BEGIN:VCARD\nVERSION:4.0\nKIND:org\nFN:Kestrel Logistics GmbH\nORG:Kestrel Logistics GmbH\nURL:https://kestrel-logistics.com\nADR;TYPE=work:;;Industriestr. 12;Mannheim;;68169;Germany\nEND:VCARD"})

    # ---------------- chat exports / transcripts
    N("sms-export", {"format": "whatsapp-txt", "text": "03/11/2025, 17:02 - Lukas: parcel shipped, tracking 1Z999AA10123456784\n03/11/2025, 17:03 - Lukas: should arrive Thu between 10:00 and 14:00\n03/11/2025, 17:05 - Mei: 👍"})
    N("sms-export", {"smses": {"sms": [{"address": "AMAZON", "date": "1762250112000", "body": "Your order 114-5523307-8812931 has shipped. Track at amzn.eu/d/abc12."}]}})
    N("sms-export", {"format": "whatsapp-txt", "text": "01/11/2025, 09:15 - Omar: meet at gate B22, flight LH 2031 departs 10:40\n01/11/2025, 09:16 - Yara: seat 14C"})
    N("voice-transcript", {"transcript": "Agent: your balance is 182 dollars 40, due on the 15th. Caller: can I pay half now? Agent: yes, I've set up a plan for two payments of 91.20."})
    N("voice-transcript", {"segments": [{"speaker": "agent", "text": "I can't take card details on this line, I'll send you a secure payment link."}, {"speaker": "caller", "text": "ok, and the reference is 4471 9920?"}]})

    # ---------------- spreadsheet rows
    N("sheet-rows", {"range": "Inventory!A1:E4", "values": [["SKU", "Description", "Qty", "Unit price", "Updated"], ["E11-M8-40", "Hex bolt M8x40", "1200", "0.18", "2025-11-01"],
                                                            ["J45-WSH", "Washer 8mm", "5400", "0.02", "2025-11-01"], ["C50-NUT", "Nylon nut M8", "800", "0.05", "2025-10-29"]]})
    refs = [bad16() for _ in range(3)]
    N("sheet-rows", {"sheet": "Remittance", "values": [["Bank reference", "Amount", "Value date"]] + [[r, "%d.%02d" % (R.randint(100, 9999), R.randint(0, 99)), "2025-10-%02d" % R.randint(1, 30)] for r in refs]})
    N("sheet-rows", {"sheet": "Shipments", "values": [["Order", "ZIP", "Weight kg"], ["SO-2025-118842", "94107", "2.4"], ["SO-2025-118843", "10001-2345", "0.8"], ["SO-2025-118844", "60601", "12.0"]]})

    # ---------------- Protobuf-JSON
    N("protobuf-json", {"@type": "type.googleapis.com/google.protobuf.Timestamp", "value": "2025-11-04T10:15:00.123456789Z"})
    N("protobuf-json", {"@type": "type.googleapis.com/acme.events.v1.PageView", "eventId": bad16("176225011234"), "sessionId": uuid(), "durationMs": "48211",
                        "fingerprint": base64.b64encode(bytes(R.getrandbits(8) for _ in range(24))).decode()})
    N("protobuf-json", {"@type": "type.googleapis.com/acme.payments.v1.CardSummary", "brand": "MASTERCARD", "last4": "4444", "bin": "555555", "expMonth": 8, "expYear": 2029, "funding": "CREDIT"})

    # ---------------- Elasticsearch
    N("elasticsearch", {"took": 12, "timed_out": False, "_shards": {"total": 5, "successful": 5}, "aggregations": {"by_status": {"buckets": [{"key": "200", "doc_count": 918221}, {"key": "404", "doc_count": 1182}]}}})
    N("elasticsearch", {"_index": "products", "_id": "B0CX" + rs(6, UP), "_seq_no": 44812, "_primary_term": 3, "_source": {"title": "Learning Go, 2nd ed.", "isbn13": "978-1-098-13929-2", "price": 44.99, "tags": ["programming", "go"]}})
    N("elasticsearch", {"_index": "app-logs", "_source": {"@timestamp": "2025-11-04T10:15:00Z", "message": "user login failed: invalid password", "user": {"id": "u_91882"}, "trace.id": hexs(32)}})

    # ---------------- Sentry
    N("sentry", {"event_id": hexs(32), "platform": "java", "release": "api@" + sha()[:12], "exception": {"values": [{"type": "IllegalStateException", "value": "Queue full (capacity 10000)",
        "stacktrace": {"frames": [{"filename": "Dispatcher.java", "lineno": 214, "function": "offer"}, {"filename": "Worker.java", "lineno": 88, "function": "run"}]}}]},
        "request": {"headers": {"Authorization": "[Filtered]", "Cookie": "[Filtered]"}}, "user": {"id": "8812", "ip_address": "{{auto}}"}})
    N("sentry", {"event_id": hexs(32), "message": "Password reset email could not be sent (SMTP 421)", "tags": {"region": "eu-central-1", "pod": "mailer-5d8f7c9b6-q7xzp"}, "timestamp": 1762250112.345})

    # ---------------- health-adjacent, no identifiers and no diagnosis codes
    N("claims-json", {"claimId": "CLM-2025-00018342", "status": "paid", "billed": 412.00, "allowed": 233.18, "paidAmount": 186.54, "patientResponsibility": 46.64, "paidDate": "2025-10-30"})
    N("lab-result", {"test": "Hemoglobin A1c", "units": "%", "reference_ranges": [{"label": "normal", "high": 5.6}, {"label": "prediabetes", "low": 5.7, "high": 6.4}, {"label": "diabetes", "low": 6.5}], "method": "HPLC", "loinc": "4548-4"})
    N("erx", {"formulary_lookup": {"ndc": "00093-7146-56", "drug": "metformin 500 mg tablet", "tier": 1, "copay": 5.00, "ndc_alt": ["68180-0336-09", "65862-0008-05"]}})
    N("health-text", {"text": "Patient education: managing type 2 diabetes. Check your feet daily, aim for 150 minutes of activity a week, and bring your glucose log to every visit."})
    N("health-text", {"text": "Vitamin D3 2000 IU and vitamin B12 1000 mcg daily; recheck in 12 weeks. Room 3C, ask for Dr. Saleh."})

    # ---------------- OFX / payment webhooks
    N("ofx", {"ofx": "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>10010010<ACCTID>XXXXXX4471<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>"
                      "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20251014<TRNAMT>-61.30<FITID>%s<NAME>STADTWERKE</STMTTRN></BANKTRANLIST><LEDGERBAL><BALAMT>2210.44<DTASOF>20251031</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>" % bad16("3")})
    N("payment-webhook", {"id": "evt_" + rs(24), "type": "charge.succeeded", "livemode": True, "data": {"object": {"id": "ch_" + rs(24), "amount": 2000, "currency": "usd",
        "payment_method_details": {"card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030, "fingerprint": rs(16), "checks": {"cvc_check": "pass", "address_postal_code_check": "pass"}, "network": "visa"}}}}})
    N("payment-webhook", {"live": "true", "notificationItems": [{"NotificationRequestItem": {"eventCode": "CAPTURE", "pspReference": bad16("8"), "originalReference": bad16("8"),
        "merchantReference": "ORD-2025-118851", "amount": {"value": 1999, "currency": "EUR"}, "additionalData": {"cardSummary": "1111", "cardBin": "411111", "expiryDate": "03/2030"}}}]})
    N("payment-webhook", {"object": "list", "data": [{"id": "pi_" + rs(24)}, {"id": "cus_" + rs(14)}, {"id": "pm_" + rs(24)}, {"id": "seti_" + rs(24)}, {"id": "in_" + rs(24)}]})
    N("payment-webhook", {"publishable_key": "pk_live_51" + rs(96), "note": "publishable key, safe to ship in the browser bundle"})

    # ---------------- HAR
    N("har", {"log": {"entries": [{"request": {"method": "GET", "url": "https://cdn.acme.dev/fonts/inter-var.woff2"}, "response": {"status": 200, "headers": [
        {"name": "etag", "value": "\"%s\"" % hexs(32)}, {"name": "cache-control", "value": "public, max-age=31536000, immutable"}, {"name": "x-amz-cf-id", "value": rs(56, AL + "_-") + "=="}]}}]}})
    N("har", {"log": {"entries": [{"request": {"method": "POST", "url": "https://shop.acme.dev/account/login", "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "[content omitted]"}},
        "response": {"status": 302, "headers": [{"name": "set-cookie", "value": "csrftoken=%s; Path=/; SameSite=Lax" % rs(32)}]}}]}})

    # ---------------- npmrc / ssh / ansible / helm
    N("npmrc", {"path": ".npmrc", "content": "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nengine-strict=true\n"})
    N("npm-lock", {"packages": {"node_modules/lodash": {"version": "4.17.21", "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",
        "integrity": "sha512-" + base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()}}})
    N("ssh-config", {"content": "Host github.com\n  User git\n  IdentityFile ~/.ssh/id_ed25519\n  IdentitiesOnly yes\n\nHost build-*\n  HostName %%h.internal\n  ProxyJump bastion\n  Port 2222\n"})
    N("ssh-config", {"known_hosts": "github.com %s\n[10.0.4.12]:2222 %s" % (ssh_pub(), ssh_pub("ssh-rsa"))})
    N("ssh-config", {"authorized_keys": ssh_pub() + " ops@bastion\n" + ssh_pub("ssh-rsa") + " deploy-ci"})
    N("git-remote", {"content": "[remote \"origin\"]\n\turl = git@github.com:acme/infra.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch \"main\"]\n\tremote = origin\n"})
    vault = "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(hexs(80) for _ in range(6))
    N("ansible", {"path": "group_vars/all/vault.yml", "content": vault})
    N("ansible", {"path": "group_vars/db.yml", "content": "postgres_password: \"{{ vault_postgres_password }}\"\nstripe_key: \"{{ lookup('env', 'STRIPE_SECRET_KEY') }}\"\nansible_become_password: \"{{ vault_become_pass }}\"\n"})
    N("helm-values", {"path": "values.yaml", "content": "postgresql:\n  auth:\n    existingSecret: api-db-creds\n    secretKeys:\n      adminPasswordKey: postgres-password\nimage:\n  tag: 4.18.2@sha256:%s\nresources:\n  limits:\n    memory: 512Mi\n" % hexs(64)})
    N("helm-values", {"path": "values-ingress.yaml", "content": "tls:\n  enabled: true\n  secretName: web-tls\n  crt: |\n" + "".join("    " + l + "\n" for l in pub_pem("CERTIFICATE").splitlines())})

    # ---------------- public keys / certificates / redacted keys / hashes
    N("pem", {"jwks_pem": pub_pem("PUBLIC KEY")})
    N("pem", {"ca_bundle": pub_pem("CERTIFICATE")})
    N("pem", {"paste": "-----BEGIN RSA PRIVATE KEY-----\n[REDACTED - rotated 2025-11-04, see OPS-117]\n-----END RSA PRIVATE KEY-----"})
    N("user-dump", {"users": [{"id": 1, "username": "mkeller", "password_hash": "$2b$12$" + rs(53, AL + "./"), "created_at": "2025-03-01T10:00:00Z"},
                              {"id": 2, "username": "ofarah", "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$" + rs(22, AL + "+/") + "$" + rs(43, AL + "+/")}]})
    N("checksums", {"SHA256SUMS": "\n".join("%s  %s" % (hexs(64), f) for f in ["app-4.18.2-linux-amd64.tar.gz", "app-4.18.2-darwin-arm64.tar.gz", "app-4.18.2-windows-amd64.zip"])})
    N("masked", {"customer": {"card": "**** **** **** 4242", "ssn": "***-**-6789", "email": "m•••@g•••.com", "phone": "(•••) •••-0142", "password": "********", "api_key": "sk_live_••••••••••••1a2B"}})
    N("masked", {"form": {"password": "", "password_confirm": "", "api_key": None, "aws_access_key_id": "[REDACTED]", "token": "<redacted>"}})
    N("env-example", {"path": ".env.example", "content": "DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app\nSTRIPE_SECRET_KEY=\nOPENAI_API_KEY=\nAWS_ACCESS_KEY_ID=\nJWT_SECRET=\n"})

    # ---------------- ids / numbers that look like something
    N("ids-misc", {"request_id": uuid(), "trace_id": hexs(32), "span_id": hexs(16), "commit": sha(), "build": "2025.11.04.1187", "epoch_ms": 1762250112345})
    N("ids-misc", {"bibliography": ["Kleppmann, M. Designing Data-Intensive Applications. ISBN 978-1-4493-7332-0", "Newman, S. Building Microservices, 2nd ed. ISBN 978-1-492-03402-5"]})
    N("ids-misc", {"firewall": [{"cidr": "10.0.0.0/16", "port": 5432}, {"cidr": "203.0.113.0/24", "port": 443}, {"cidr": "2001:db8::/32", "port": 443}], "version": "v1.28.3", "ipv4_gw": "192.168.178.1"})
    N("ids-misc", {"device": {"serial_number": "C02" + rs(9, UP), "imei_last4": "8812", "model": "A2941", "firmware": "17.5.1 (21F90)"}, "asset_tag": "IT-2025-04471"})
    N("ids-misc", {"account_ref": "00123-4567890-01", "sort_code_masked": "**-**-12", "customer_no": "K-771-2931", "contract": "VTR-2025/118842"})
    N("ids-misc", {"docker": {"image": "ghcr.io/acme/api", "digest": "sha256:" + hexs(64), "created": "2025-11-03T21:44:10Z", "size": 118223411}})
    N("ids-misc", {"bin_table": [{"bin": "411111", "brand": "VISA", "country": "US"}, {"bin": "555555", "brand": "MASTERCARD", "country": "US"}, {"bin": "378282", "brand": "AMEX", "country": "US"}]})
    N("ids-misc", {"invoice": {"number": "INV-2025-004471", "po": "PO-88213", "gtin": "04012345678901", "lot": "L2511-04", "due": "2025-12-01", "total": "1,204.50"}})
    N("ids-misc", {"metrics": "http_requests_total{code=\"200\",route=\"/api/v2/orders\"} 918221 1762250112345\nprocess_resident_memory_bytes 1.18223411e+08\ngo_gc_duration_seconds{quantile=\"0.99\"} 0.004412311"})
    N("ids-misc", {"cvc_policy": "The CVC is the 3-digit code on the back of the card (4 digits on the front for Amex). We never store it.", "cvv2_result": "M", "avs": "Y"})
    N("ids-misc", {"error_codes": {"E11": "Water inlet fault", "F21": "Drain timeout", "E03": "Door lock"}, "appliance": "washer WM-8000"})
    N("ids-misc", {"directions": "Take I-10 west to exit 23, then M54 bus to stop J06; parking level C50.", "eta_min": 35})
    N("ids-misc", {"webpack": ["app.9f8e7d6c.js", "vendor.1a2b3c4d.chunk.js", "runtime.main.5e6f.js"], "semver": "3.14.0-rc.2+build.1187"})
    N("ids-misc", {"shipping": {"usps": "9400 1000 0000 0000 0000 00", "fedex": "7749 1234 5678", "dhl": "JD014600006281234567"}, "zip": "94107-1234"})

    # ---------------- multilingual / Unicode negatives
    N("multilingual", {"lang": "de", "text": "Rechnungsnummer 2025-118842, Kundennummer 40071123, Betrag 1.204,50 €, fällig am 01.12.2025. Bitte Passwort-Richtlinie beachten: mindestens 12 Zeichen."})
    N("multilingual", {"lang": "ja", "text": "ご注文番号 D01-4471229-0013 を受け付けました。お届け先 〒100-0005 東京都千代田区丸の内1-1-1。"})
    o = bad16("4")
    N("multilingual", {"lang": "es", "text": "Su pedido nº %s ha sido enviado. Código de seguimiento ES2025118842." % grp(o, "-")})
    N("multilingual", {"lang": "ar", "text": "رقم الطلب ٤٤٧١٢٢٩ بتاريخ ٢٠٢٥/١١/٠٤، المبلغ ١٢٠٤ درهم"})
    o = bad16("5")
    N("unicode", {"text": "Referenz: " + "".join(chr(0xFF10 + int(ch)) for ch in o)})
    o = bad16("4")
    N("unicode", {"text": "Beleg\u00a0" + grp(o, "\u00a0")})
    N("unicode", {"text": "Version\u00a04.18.2 — build\u200b2025\u200b1104 — «stable»"})

    # ---------------- encoded negatives
    N("encoded", {"cursor": base64.b64encode(json.dumps({"offset": 40, "sort": "created_at", "dir": "desc"}).encode()).decode()})
    N("encoded", {"url": "https://shop.acme.dev/search?" + urllib.parse.urlencode({"q": "hex bolt m8 40mm", "page": "2", "sort": "price_asc", "utm_source": "newsletter"})})
    N("encoded", {"pubsub": {"message": {"data": base64.b64encode(json.dumps({"event": "order.shipped", "order": "SO-2025-118842", "carrier": "DHL"}).encode()).decode(), "messageId": "1311" + digits(8)}}})

    # ---------------- envelopes carrying only harmless ids
    N("envelope", {"ok": True}, envelope={"message_type": "order.shipped", "message_id": "msg-" + uuid(), "meta": {"trace_id": hexs(32), "order": "SO-2025-118842"}})
    N("envelope", {"ok": True}, envelope={"message_type": "build.finished", "message_id": "msg-" + uuid(), "meta": {"commit": sha(), "version": "4.18.2"}})


# ================================================================ checks
ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"), None)


def flat(sample):
    """All text of a sample, NFKC-normalised (full-width -> ASCII) and zero-width chars removed."""
    parts = [json.dumps(sample["data"], ensure_ascii=False)]
    if "envelope" in sample:
        parts.append(json.dumps(sample["envelope"], ensure_ascii=False))
    t = unicodedata.normalize("NFKC", "\n".join(parts)).translate(ZW)
    return t


RUN = re.compile(r"(?<![0-9])[0-9](?:[ \-\u00a0\u2010\u2011]?[0-9]){12,18}(?![0-9])")
RUN16 = re.compile(r"(?<![0-9])[0-9](?:[ \-\u00a0\u2010\u2011]?[0-9]){15}(?![0-9])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
SSN = re.compile(r"(?<![0-9])[0-9]{3}[-\u2010\u2011 ][0-9]{2}[-\u2010\u2011 ][0-9]{4}(?![0-9])")
AWS = re.compile(r"(?:AKIA|ASIA)[A-Z0-9]{16}")
JWT = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}")
PKEY = re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED |DSA )?PRIVATE KEY-----(?:\\+n|\s)+[A-Za-z0-9+/=]{40}")
EMAIL_OK = {"git@github.com"}  # an SSH remote, not a person's address
AWS_DOC = {"AKIAIOSFODNN7EXAMPLE"}  # AWS's documented placeholder


def check():
    ids = set()
    for i, s in enumerate(SAMPLES):
        assert s["id"] not in ids
        ids.add(s["id"])
        assert isinstance(s["data"], dict)
        json.loads(json.dumps(s, ensure_ascii=False))
        t = flat(s)
        ty = set(s["types"])
        # credit cards: every listed PAN passes Luhn, is in an issuer range, and is really in the text
        for c in CARDS[i]:
            assert luhn_ok(c) and issuer_ok(c) and 13 <= len(c) <= 19, (s["id"], c)
            if i not in NO_PRESENCE_CHECK:
                assert any(re.sub(r"\D", "", m) == c for m in RUN.findall(t)) or c in re.sub(r"[^0-9]", "", t), (s["id"], c)
        if "credit_card" not in ty:
            for m in RUN.findall(t):
                d = re.sub(r"\D", "", m)
                assert not (luhn_ok(d) and issuer_ok(d)), (s["id"], m)
            for m in RUN16.findall(t):
                d = re.sub(r"\D", "", m)
                assert not luhn_ok(d), ("16-digit number passes Luhn in non-card sample", s["id"], m)
        found_ssn = [m for m in SSN.findall(t) if ssn_ok(m)]
        if "ssn" in ty:
            assert found_ssn or i in NO_PRESENCE_CHECK or re.search(r"(?<![0-9])[0-9]{9}(?![0-9])", t), s["id"]
            for m in found_ssn:
                assert ssn_ok(m)
        else:
            assert not found_ssn, (s["id"], found_ssn)
        emails = set(EMAIL.findall(t)) - EMAIL_OK
        if "email" in ty:
            assert emails or "＠" in json.dumps(s["data"], ensure_ascii=False) or i in NO_PRESENCE_CHECK or "%40" in t, s["id"]
        else:
            assert not emails, (s["id"], emails)
        keys = set(AWS.findall(t)) - AWS_DOC
        assert bool(keys) == ("aws_access_key" in ty), (s["id"], keys)
        if "jwt" in ty:
            for m in JWT.findall(t):
                h = json.loads(base64.urlsafe_b64decode(m.split(".")[0] + "=="))
                assert "alg" in h
            assert JWT.search(t), s["id"]
        else:
            assert not JWT.search(t), s["id"]
        if "private_key" in ty:
            assert PKEY.search(t) or i in NO_PRESENCE_CHECK, s["id"]
        else:
            assert not PKEY.search(t), s["id"]
        if "cvv" in ty and i not in NO_PRESENCE_CHECK:
            assert re.search(r"(?i)cvv|cvc|cid|security code|prüfnummer|card\[cvc\]", t), s["id"]
    env = sum(1 for s in SAMPLES if "envelope" in s)
    assert env <= len(SAMPLES) // 10, env
    neg = sum(1 for s in SAMPLES if not s["types"])
    assert len(SAMPLES) >= 220 and neg >= 80, (len(SAMPLES), neg)
    for t in TYPES:
        n = sum(1 for s in SAMPLES if t in s["types"])
        assert n >= 12, (t, n)


def counts():
    per_type = {t: sum(1 for s in SAMPLES if t in s["types"]) for t in TYPES}
    per_fmt = {}
    for s in SAMPLES:
        p, n = per_fmt.get(s["format"], (0, 0))
        per_fmt[s["format"]] = (p + (1 if s["types"] else 0), n + (0 if s["types"] else 1))
    return per_type, per_fmt


def main():
    positives()
    positives_extra()
    negatives()
    check()
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "dlp-fresh.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for s in SAMPLES:
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    per_type, per_fmt = counts()
    neg = sum(1 for s in SAMPLES if not s["types"])
    print("%d samples: %d positive, %d negative, %d with envelope" % (len(SAMPLES), len(SAMPLES) - neg, neg, sum(1 for s in SAMPLES if "envelope" in s)))
    for t in TYPES:
        print("  %-26s %d" % (t, per_type[t]))
    for k in sorted(per_fmt):
        print("  format %-22s +%d / -%d" % (k, per_fmt[k][0], per_fmt[k][1]))


if __name__ == "__main__":
    main()
