"""More hard negatives in formats of their own."""
import json
from core8 import T, UP, LO, DG, luhn_ok, cardlike


@T("cdk-context-json")
def _(g):
    acct = g.num(12)
    return {f"availability-zones:account={acct}:region=eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"], f"vpc-provider:account={acct}:filter.tag:Name={g.word()}:region=eu-west-1": {"vpcId": "vpc-" + g.hexs(17), "subnetGroups": []}}


@T("bicep-secure-param-decl")
def _(g):
    return {"main.bicep": f"@secure()\nparam adminPassword string\n\nparam location string = resourceGroup().location\n\nresource sql 'Microsoft.Sql/servers@2023-05-01-preview' = {{\n  name: 'sql-{g.word()}'\n  location: location\n  properties: {{\n    administratorLogin: 'sqladmin'\n    administratorLoginPassword: adminPassword\n  }}\n}}"}


@T("aws-copilot-manifest-secrets")
def _(g):
    return {"manifest.yml": f"name: api\ntype: Load Balanced Web Service\nvariables:\n  LOG_LEVEL: info\nsecrets:\n  DB_PASSWORD: /copilot/{g.word()}/prod/secrets/db_password\n  STRIPE_KEY:\n    secretsmanager: 'prod/stripe:api_key::'\n"}


@T("it-onboarding-wiki-page")
def _(g):
    return {"page": f"# Your first day\n\n1. Collect your laptop from desk {g.pick('ABC')}{g.ri(1, 40)}.\n2. You will receive a one-time password by SMS; you must choose a new password of at least {g.ri(12, 16)} characters.\n3. Never share your password with anyone, including IT.\n4. Enrol in MFA within {g.ri(2, 7)} days."}


@T("vsftpd-log-failed-login")
def _(g):
    return {"vsftpd.log": "\n".join(f"Thu Dec  {g.ri(1, 9)} {g.hms()} 2026 [pid {g.ri(1000, 30000)}] [{g.first().lower()}] FAIL LOGIN: Client \"::ffff:{g.pubip()}\"" for _ in range(3))}


@T("zod-login-schema-ts")
def _(g):
    return {"schema.ts": f"export const LoginSchema = z.object({{\n  email: z.string().email(),\n  password: z.string().min({g.ri(8, 14)}, 'Password too short').max(128),\n  remember: z.boolean().default(false),\n}});"}


@T("phpmyadmin-json-export")
def _(g):
    return {"export.json": json.dumps([{"type": "header", "version": "5.2.1", "comment": "Export to JSON plugin for PHPMyAdmin"}, {"type": "database", "name": "app"},
                                       {"type": "table", "name": "users", "database": "app", "data": [{"id": str(g.ri(1, 999)), "login": g.first().lower(), "pass_hash": "$2y$10$" + g.b64(53).replace("+", "."), "role": "editor"}]}])}


@T("argon2-cli-output")
def _(g):
    return {"stdout": f"Type:\t\tArgon2id\nIterations:\t3\nMemory:\t\t65536 KiB\nParallelism:\t4\nHash:\t\t{g.hexs(64)}\nEncoded:\t$argon2id$v=19$m=65536,t=3,p=4${g.b64(22)}${g.b64(43)}\n0.{g.ri(100, 999)} seconds\nVerification ok"}


@T("django-csrf-response-headers")
def _(g):
    return {"headers": {"Set-Cookie": f"csrftoken={g.chars(UP + LO + DG, 64)}; expires=Thu, 02 Dec 2027 10:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax", "X-Request-Id": g.uuid(), "X-Frame-Options": "DENY"}}


@T("lemonsqueezy-order-ids-webhook")
def _(g):
    return {"meta": {"event_name": "order_created", "custom_data": {"ref": g.hexs(10)}}, "data": {"type": "orders", "id": str(g.ri(10 ** 5, 10 ** 7)), "attributes": {"store_id": g.ri(1000, 99999), "identifier": g.uuid(), "order_number": g.ri(1000, 99999), "total": g.ri(100, 90000), "status": "paid"}}}


@T("tox-ini")
def _(g):
    return {"tox.ini": f"[tox]\nenvlist = py310, py311, py312, lint\n\n[testenv]\ndeps = pytest=={g.ver()}\ncommands = pytest -q --maxfail={g.ri(1, 5)}\n"}


@T("cloudflare-ip-access-rules-json")
def _(g):
    return {"result": [{"id": g.hexs(32), "mode": g.pick(["whitelist", "block"]), "configuration": {"target": "ip", "value": g.pubip()}, "notes": g.word() + " office"} for _ in range(3)], "success": True}


@T("arp-a-output")
def _(g):
    return {"stdout": "\n".join(f"? ({g.ip()}) at {':'.join(g.hexs(2) for _ in range(6))} [ether] on eth0" for _ in range(4))}


@T("adb-shell-getprop-output")
def _(g):
    return {"stdout": f"[ro.build.fingerprint]: [google/shiba/shiba:14/AP2A.{g.num(6)}.{g.num(3)}/{g.num(8)}:user/release-keys]\n[ro.serialno]: [{g.chars(UP + DG, 14)}]\n[ro.build.version.sdk]: [34]\n[persist.sys.timezone]: [Europe/Oslo]"}


@T("chirpstack-device-list-json")
def _(g):
    return {"totalCount": 3, "result": [{"devEui": g.hexs(16), "name": f"soil-{g.ri(1, 99)}", "deviceProfileName": "EU868 class A", "lastSeenAt": g.ts(), "deviceStatus": {"batteryLevel": g.ri(10, 100)}} for _ in range(3)]}


@T("loinc-panel-definition-json")
def _(g):
    return {"panel": "24323-8", "name": "Comprehensive metabolic 2000 panel", "members": [{"loinc": c, "required": g.pick([True, False])} for c in ["2345-7", "2160-0", "3094-0", "2951-2"]], "version": f"2.{g.ri(70, 79)}"}


@T("rxnorm-approximate-term-response")
def _(g):
    return {"approximateGroup": {"inputTerm": g.pick(["metformin 500", "lisinopril", "atorvastatin 20"]), "candidate": [{"rxcui": str(g.ri(10000, 999999)), "rxaui": str(g.ri(10 ** 6, 10 ** 7)), "score": str(g.ri(5, 12)), "rank": "1"}]}}


@T("drug-interaction-checker-result")
def _(g):
    return {"pair": ["warfarin", g.pick(["ibuprofen", "fluconazole", "amiodarone"])], "severity": "major", "summary": "Increased bleeding risk; monitor INR closely.", "sources": ["DrugBank"], "checked_at": g.ts()}


@T("furniture-assembly-parts-list")
def _(g):
    return {"parts": [{"code": f"{g.pick('ABCEFJ')}{g.ri(10, 60)}", "description": g.pick(["cam lock", "dowel 8x30", "hinge", "shelf pin"]), "qty": g.ri(2, 24)} for _ in range(5)]}


@T("ski-resort-lift-status-json")
def _(g):
    return {"updated": g.ts(), "lifts": [{"id": f"{g.pick('CJEI')}{g.ri(10, 50)}", "name": g.word().title() + " Express", "status": g.pick(["open", "closed", "hold"])} for _ in range(4)]}


@T("parking-garage-level-map")
def _(g):
    return {"garage": g.city() + " Central", "levels": [{"level": f"B{g.ri(1, 3)}", "free": g.ri(0, 200)}, {"level": f"E{g.ri(10, 12)}", "free": g.ri(0, 200)}], "ev_bays": f"J{g.ri(40, 49)}-J{g.ri(50, 59)}"}


@T("ferry-departures-json")
def _(g):
    return {"route": f"{g.city()} - {g.city()}", "departures": [{"vessel": "MS " + g.word().title(), "dep": g.hms()[:5], "berth": f"{g.pick('ABC')}{g.ri(1, 9)}"} for _ in range(3)]}


@T("university-exam-room-allocation-csv")
def _(g):
    return {"csv": "course,room,seats\n" + "\n".join(f"{g.chars(UP, 4)}{g.ri(100, 499)},{g.pick('ABCD')}{g.ri(10, 45)},{g.ri(20, 300)}" for _ in range(4))}


@T("bridge-club-results-text")
def _(g):
    return {"results": "\n".join(f"{i}. {g.name()} & {g.name()}  {g.ri(40, 68)}.{g.ri(10, 99)}%" for i in range(1, 4))}


@T("citybike-station-status-gbfs")
def _(g):
    return {"last_updated": g.epoch(), "ttl": 60, "data": {"stations": [{"station_id": str(g.ri(100, 999)), "num_bikes_available": g.ri(0, 30), "num_docks_available": g.ri(0, 30), "last_reported": g.epoch()} for _ in range(3)]}}


@T("atm-locator-api-response")
def _(g):
    return {"atms": [{"id": "ATM" + g.num(6), "address": g.street(), "city": g.city(), "open24h": g.pick([True, False]), "distance_m": g.ri(50, 5000)} for _ in range(3)]}


@T("open-food-facts-product-json")
def _(g):
    b = "40" + g.chars(DG, 10)
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(b))
    return {"code": b + str((10 - s % 10) % 10), "product": {"product_name": g.word().title() + " muesli", "nutriscore_grade": g.pick("abcde"), "nova_group": g.ri(1, 4), "additives_tags": ["en:e330", "en:e306"]}}


@T("instacart-batch-status-json")
def _(g):
    return {"batch_id": g.num(10), "status": g.pick(["shopping", "delivering", "completed"]), "orders": [{"order_id": g.num(9), "items": g.ri(3, 40)} for _ in range(2)], "eta": g.ts()}


@T("netsuite-saved-search-ap-csv")
def _(g):
    return {"csv": "Internal ID,Document Number,Vendor,Amount,Due Date\n" + "\n".join(f"{g.ri(10000, 99999)},BILL{g.num(7)},{g.co()},{g.amt()},{g.date()}" for _ in range(3))}


@T("cosign-verify-output-json")
def _(g):
    return {"critical": {"identity": {"docker-reference": f"ghcr.io/{g.word()}/api"}, "image": {"docker-manifest-digest": "sha256:" + g.sha256()}, "type": "cosign container image signature"}, "optional": {"Bundle": {"Payload": {"logIndex": g.ri(10 ** 7, 10 ** 8)}}}}


@T("helm-repo-index-yaml")
def _(g):
    return {"index.yaml": f"apiVersion: v1\nentries:\n  {g.word()}:\n  - apiVersion: v2\n    version: {g.ver()}\n    digest: {g.sha256()}\n    created: \"{g.ts()}\"\n    urls:\n    - https://charts.{g.word()}.io/{g.word()}-{g.ver()}.tgz\n"}


@T("lti-launch-form-post")
def _(g):
    return {"form": {"lti_message_type": "basic-lti-launch-request", "lti_version": "LTI-1p0", "resource_link_id": g.hexs(32), "oauth_consumer_key": g.word() + "-lms", "oauth_nonce": g.num(20), "oauth_timestamp": str(g.epoch()), "oauth_signature_method": "HMAC-SHA1", "oauth_signature": g.b64(27) + "="}}


@T("jwt-decoded-claims-table")
def _(g):
    return {"decoded": {"header": {"alg": "RS256", "kid": g.hexs(16)}, "payload": {"iss": f"https://auth.{g.word()}.io/", "aud": "api", "scope": "read:orders", "exp": g.epoch()}}, "note": "signature not shown"}


@T("jasypt-encrypted-properties")
def _(g):
    return {"application.properties": f"spring.datasource.username=app\nspring.datasource.password=ENC({g.b64(44)})\nmail.password=ENC({g.b64(24)}==)\njasypt.encryptor.algorithm=PBEWITHHMACSHA512ANDAES_256\n"}


@T("aws-kms-encrypt-output-json")
def _(g):
    return {"CiphertextBlob": "AQICAHh" + g.b64(200), "KeyId": f"arn:aws:kms:eu-west-1:{g.num(12)}:key/{g.uuid()}", "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"}


@T("symfony-secrets-list-output")
def _(g):
    return {"stdout": " ------------------- -------- -------------\n  Secret              Value    Local Value\n ------------------- -------- -------------\n  DATABASE_PASSWORD   ******\n  MAILER_DSN          ******\n ------------------- -------- -------------\n // Local values override secret values.\n // Use secrets:list --reveal to reveal them.", "env": g.pick(["prod", "staging"])}


@T("coworking-welcome-email")
def _(g):
    return {"email_body": f"Welcome to {g.word().title()} Works! Your desk is {g.pick('ABC')}{g.ri(1, 40)}. The Wi-Fi password is on the card at the front desk and changes every Monday. Printing code: ask reception."}


@T("celery-beat-schedule-py")
def _(g):
    return {"celeryconfig.py": f"beat_schedule = {{\n    'sync-{g.word()}': {{'task': 'tasks.sync', 'schedule': crontab(minute={g.ri(0, 59)}, hour='*/{g.ri(2, 6)}')}},\n    'purge': {{'task': 'tasks.purge', 'schedule': {g.ri(300, 3600)}.0}},\n}}"}


@T("air-quality-sensor-json")
def _(g):
    return {"sensor_id": g.ri(1000, 99999), "timestamp": g.ts(), "pm2_5": g.ri(1, 90) + 0.5, "pm10": g.ri(1, 150) + 0.1, "location": {"city": g.city()}}


@T("goodreads-export-csv")
def _(g):
    return {"csv": "Book Id,Title,ISBN13,My Rating,Date Read\n" + "\n".join(f"{g.ri(10 ** 6, 10 ** 8)},{g.word().title()} Road,=\"{g.isbn()}\",{g.ri(1, 5)},{g.date()}" for _ in range(3))}


@T("asset-tag-audit-csv")
def _(g):
    return {"csv": "asset_tag,serial,location,audited\n" + "\n".join(f"IT-{g.num(6)},{g.chars(UP + DG, 10)},{g.city()},{g.date()}" for _ in range(4))}


@T("coffee-app-rewards-push")
def _(g):
    return {"aps": {"alert": {"title": "You earned a star", "body": f"{g.ri(1, 9)} more stars until a free drink. Card ending {g.last4()}."}}, "campaign": g.hexs(8)}


@T("employer-benefits-summary-table")
def _(g):
    return {"table": "Plan | Deductible | OOP max | Employee cost/month\n" + "\n".join(f"{p} | ${g.ri(5, 40) * 100} | ${g.ri(30, 90) * 100} | ${g.amt(20, 400)}" for p in ["HMO Silver", "PPO Gold", "HDHP+HSA"])}


@T("clinicaltrials-gov-study-record-json")
def _(g):
    return {"protocolSection": {"identificationModule": {"nctId": f"NCT0{g.num(7)}", "briefTitle": f"A Study of {g.word().title()}mab in Plaque Psoriasis"}, "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": g.date()}}, "conditionsModule": {"conditions": ["Psoriasis"]}}}


@T("biobank-freezer-inventory-csv")
def _(g):
    return {"csv": "box,position,specimen,aliquot,volume_ul\n" + "\n".join(f"F{g.ri(1, 9)}-R{g.ri(1, 12)}-B{g.ri(1, 40)},{g.pick('ABCDEFGH')}{g.ri(1, 12)},SP{g.num(8)},{g.ri(1, 6)},{g.ri(100, 500)}" for _ in range(4))}


@T("freight-bill-of-lading-json")
def _(g):
    return {"bol_number": g.num(12), "pro_number": g.num(10), "seal": g.num(8), "pieces": g.ri(1, 40), "weight_lb": g.ri(100, 40000), "shipper": g.co(), "pickup_epoch": g.epoch()}


@T("sumup-transaction-json")
def _(g):
    return {"id": g.uuid(), "transaction_code": "T" + g.chars(UP + DG, 9), "amount": float(g.amt()), "currency": "EUR", "card": {"last_4_digits": g.last4(), "type": g.pick(["VISA", "MASTERCARD"])}, "entry_mode": "contactless", "status": "SUCCESSFUL"}


@T("card-scheme-fee-report-csv")
def _(g):
    return {"csv": "scheme,region,category,count,volume,fee\n" + "\n".join(f"{g.pick(['VISA', 'MC'])},{g.pick(['EEA', 'INTL'])},{g.pick(['consumer debit', 'commercial credit'])},{g.ri(10, 9999)},{g.amt(1000, 99999)},{g.amt(10, 900)}" for _ in range(4))}


@T("uwsgi-startup-error-log")
def _(g):
    return {"log": f"*** Starting uWSGI 2.0.{g.ri(20, 28)} ***\nTraceback (most recent call last):\n  File \"/srv/{g.word()}/wsgi.py\", line {g.ri(5, 40)}, in <module>\n    DB_PASSWORD = os.environ['DB_PASSWORD']\nKeyError: 'DB_PASSWORD'\nunable to load app 0 (mountpoint='') (callable not found or import error)"}


@T("rasa-domain-yml-responses")
def _(g):
    return {"domain.yml": "responses:\n  utter_ask_cvv:\n  - text: \"For your security we never ask for your CVV or password in chat.\"\n  utter_card_help:\n  - text: \"You can freeze your card in the app under Cards > Settings.\"\nsession_config:\n  session_expiration_time: " + str(g.ri(30, 120))}


@T("statsd-udp-packet-capture")
def _(g):
    return {"packets": [f"auth.login.failed:{g.ri(1, 9)}|c|#env:prod", f"auth.password_reset.sent:{g.ri(1, 9)}|c", f"api.latency:{g.ri(5, 900)}|ms|@0.{g.ri(1, 9)}"]}


@T("jsse-ssl-debug-log")
def _(g):
    return {"log": f"javax.net.ssl|DEBUG|{g.ri(10, 99)}|main|{g.date()} {g.hms()}.{g.ri(100, 999)} UTC|ClientHello.java:641|Produced ClientHello handshake message\n\"cipher suites\": [TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256]\n\"session id\": {{{', '.join(str(g.ri(0, 255)) for _ in range(8))}}}"}


@T("heroku-router-log-lines")
def _(g):
    return {"log": "\n".join(f"{g.ts()} heroku[router]: at=info method=GET path=\"/api/items\" host={g.word()}.herokuapp.com request_id={g.uuid()} fwd=\"{g.pubip()}\" dyno=web.{g.ri(1, 4)} connect=0ms service={g.ri(5, 900)}ms status=200 bytes={g.ri(200, 9000)}" for _ in range(2))}


@T("tiled-map-tmx-base64-layer")
def _(g):
    return {"map.tmx": f"<map version=\"1.10\" orientation=\"orthogonal\" width=\"{g.ri(20, 80)}\" height=\"{g.ri(20, 80)}\" tilewidth=\"16\" tileheight=\"16\"><layer id=\"1\" name=\"ground\"><data encoding=\"base64\" compression=\"zlib\">eJ{g.b64(180)}</data></layer></map>"}


@T("electoral-ward-population-csv")
def _(g):
    return {"csv": "ward_code,ward,population,electors\n" + "\n".join(f"E0{g.num(7)},{g.word().title()},{g.ri(5000, 20000)},{g.ri(3000, 15000)}" for _ in range(4))}


@T("uic-rail-ticket-fields-json")
def _(g):
    return {"ticket": {"pnr": g.chars(UP + DG, 6), "train": f"ICE {g.ri(100, 999)}", "coach": g.ri(1, 14), "seat": g.ri(1, 120), "valid_from": g.date(), "barcode_format": "UIC 918.3", "issuer_rics": g.ri(1000, 9999)}}


@T("smart-plug-energy-history-json")
def _(g):
    return {"device": f"plug-{g.hexs(6)}", "history": [{"ts": g.epoch(), "wh": g.ri(0, 900)} for _ in range(4)], "fw": g.ver()}


@T("github-compare-api-commits-json")
def _(g):
    return {"status": "ahead", "ahead_by": 2, "base_commit": {"sha": g.sha1()}, "commits": [{"sha": g.sha1(), "commit": {"message": g.pick(["fix: retry on 502", "chore: bump deps"])}, "parents": [{"sha": g.sha1()}]} for _ in range(2)]}


@T("skopeo-inspect-json")
def _(g):
    return {"Name": f"docker.io/library/{g.word()}", "Digest": "sha256:" + g.sha256(), "RepoTags": [g.ver(), "latest"], "Created": g.ts(), "Layers": ["sha256:" + g.sha256() for _ in range(2)]}


@T("vite-manifest-json")
def _(g):
    return {"src/main.ts": {"file": f"assets/main-{g.b64url(8)}.js", "src": "src/main.ts", "isEntry": True, "css": [f"assets/main-{g.b64url(8)}.css"]}}


@T("rollup-bundle-stats-json")
def _(g):
    return {"version": g.ver(), "nodeParts": {g.hexs(8) + "-1": {"renderedLength": g.ri(100, 90000), "gzipLength": g.ri(50, 20000)}}, "env": {"rollup": g.ver()}}


@T("eventstoredb-stream-read-json")
def _(g):
    return {"entries": [{"eventId": g.uuid(), "eventType": g.pick(["OrderPlaced", "OrderShipped"]), "eventNumber": i, "streamId": "order-" + g.uuid(), "updated": g.ts()} for i in range(3)]}


@T("chrome-trace-event-format-json")
def _(g):
    return {"traceEvents": [{"name": g.pick(["FunctionCall", "Layout", "Paint"]), "ph": "X", "ts": g.ms() * 1000 + g.ri(0, 999), "dur": g.ri(10, 90000), "pid": g.ri(1, 99999), "tid": g.ri(1, 999)} for _ in range(4)]}


@T("fx-transfer-status-api-json")
def _(g):
    return {"transfers": [{"reference": g.luhnfail16(g.pick(["4", "5", "6"])), "status": g.pick(["completed", "pending"]), "source_amount": g.amt(), "rate": f"1.{g.ri(1000, 9999)}"} for _ in range(3)]}


@T("gs1-sscc-pallet-label-data")
def _(g):
    while True:
        b = "0" + "40" + g.chars(DG, 14)
        s = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(b))
        d = b + str((10 - s % 10) % 10)
        if not cardlike(d[1:]) and not (len(d) == 16 and luhn_ok(d)):
            break
    return {"hri": f"(00) {d}  (02) 0{g.num(13)}  (37) {g.ri(1, 99)}", "gtin_note": "SSCC identifies the pallet, not a person"}


@T("customs-declaration-cn23-fields")
def _(g):
    return {"cn23": {"category": "sale of goods", "items": [{"description": g.word() + " tea", "hs_tariff": f"0902.{g.ri(10, 40)}", "weight_kg": g.ri(1, 5) / 10, "value": g.amt(5, 90), "origin": "LK"}], "invoice": "INV" + g.num(6)}}


@T("neobank-cards-list-api-json")
def _(g):
    return {"cards": [{"id": g.uuid(), "masked_pan": f"5{g.num(5)}******{g.last4()}", "state": "active", "expiry": f"{g.ri(1, 12):02d}/{g.ri(27, 31)}", "virtual": g.pick([True, False])} for _ in range(2)]}


@T("namely-profile-masked-ssn-json")
def _(g):
    return {"profiles": [{"id": g.uuid(), "first_name": g.first(), "ssn": f"XXX-XX-{g.last4()}", "job_title": "Analyst", "start_date": g.date(2015, 2025)}]}


@T("gladly-conversation-export-json")
def _(g):
    return {"conversationId": g.b64url(22), "items": [{"type": "CHAT_MESSAGE", "content": {"content": "card number: [redacted] exp: [redacted] cvv: [redacted]"}}, {"type": "CHAT_MESSAGE", "content": {"content": "Never share card details in chat."}}], "createdAt": g.ts()}


@T("devcontainer-json-remoteenv")
def _(g):
    return {"name": g.word() + "-dev", "image": "mcr.microsoft.com/devcontainers/typescript-node:20", "remoteEnv": {"GITHUB_TOKEN": "${localEnv:GITHUB_TOKEN}", "DB_PASSWORD": "${localEnv:DB_PASSWORD}"}, "forwardPorts": [g.ri(3000, 9000)]}


@T("aws-workshop-lab-guide-md")
def _(g):
    return {"lab.md": f"## Step {g.ri(1, 9)}: configure credentials\n\nThe screenshots use AWS's documentation key `AKIAIOSFODNN7EXAMPLE` with secret `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`; use the temporary credentials from your workshop account instead."}


@T("xendit-docs-development-key-snippet")
def _(g):
    return {"snippet": f"// From the quickstart: development key, no real money moves\nconst x = new Xendit({{ secretKey: 'xnd_development_{g.chars(LO + UP + DG, 50)}' }});\nawait x.Invoice.createInvoice({{ externalID: 'demo-{g.ri(1, 99)}', amount: {g.ri(10000, 90000)} }});"}


@T("hetzner-cloud-ssh-keys-list-json")
def _(g):
    return {"ssh_keys": [{"id": g.ri(10 ** 6, 10 ** 7), "name": g.first().lower() + "-laptop", "fingerprint": ":".join(g.hexs(2) for _ in range(16)), "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.b64(43) + " " + g.first().lower(), "created": g.ts()} for _ in range(2)]}


@T("kong-jwt-credential-rsa-public-key")
def _(g):
    body = "\n".join(g.b64(64) for _ in range(5))
    return {"id": g.uuid(), "algorithm": "RS256", "key": f"https://auth.{g.word()}.io/", "rsa_public_key": f"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA{g.b64(20)}\n{body}\n-----END PUBLIC KEY-----", "consumer": {"id": g.uuid()}}


@T("azure-app-service-certificate-list-json")
def _(g):
    return [{"name": f"{g.word()}-cert", "thumbprint": g.HEX(40), "subjectName": f"CN=*.{g.word()}.com", "expirationDate": g.ts(), "issuer": "DigiCert Global G2 TLS RSA SHA256 2020 CA1"}][0]


@T("grafana-loki-logql-query-result")
def _(g):
    return {"status": "success", "data": {"resultType": "streams", "result": [{"stream": {"app": "api", "level": "warn"}, "values": [[str(g.ms() * 1000000), f"login failed user_id={g.ri(1, 99999)} reason=bad_password attempts={g.ri(1, 5)}"]]}]}}


@T("mkcert-install-output")
def _(g):
    return {"stdout": f"Created a new local CA 💥\nThe local CA is now installed in the system trust store! ⚡️\n\nCreated a new certificate valid for the following names 📜\n - \"{g.word()}.localhost\"\n\nThe certificate is at \"./{g.word()}.localhost.pem\" and the key at \"./{g.word()}.localhost-key.pem\" ✅"}
