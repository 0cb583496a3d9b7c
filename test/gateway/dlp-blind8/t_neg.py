"""Hard negatives: values that look sensitive but are not under the labelling rules."""
import json
from core8 import T, UP, LO, DG


@T("oci-cli-config")
def _(g):
    return {"~/.oci/config": f"[DEFAULT]\nuser=ocid1.user.oc1..aaaaaaaa{g.chars(LO + DG, 52)}\nfingerprint={':'.join(g.hexs(2) for _ in range(16))}\nkey_file=~/.oci/oci_api_key.pem\ntenancy=ocid1.tenancy.oc1..aaaaaaaa{g.chars(LO + DG, 52)}\nregion=eu-frankfurt-1\n"}


@T("aws-config-sso-profile")
def _(g):
    return {"~/.aws/config": f"[profile {g.word()}-prod]\nsso_session = corp\nsso_account_id = {g.num(12)}\nsso_role_name = ReadOnly\nregion = eu-west-1\n\n[sso-session corp]\nsso_start_url = https://d-{g.num(10)}.awsapps.com/start\nsso_region = eu-west-1\n"}


@T("knexfile-env-refs")
def _(g):
    return {"knexfile.js": f"module.exports = {{\n  production: {{\n    client: 'pg',\n    connection: {{\n      host: process.env.PGHOST,\n      user: process.env.PGUSER,\n      password: process.env.PGPASSWORD,\n      database: '{g.word()}'\n    }},\n    pool: {{ min: 2, max: {g.ri(5, 20)} }}\n  }}\n}};"}


@T("opensearch-internal-users-yml")
def _(g):
    return {"internal_users.yml": f"_meta:\n  type: \"internalusers\"\n  config_version: 2\n{g.first().lower()}:\n  hash: \"$2y$12${g.b64(53).replace('+', '.')}\"\n  reserved: false\n  backend_roles:\n  - \"readall\"\n"}


@T("solr-security-json-hashed")
def _(g):
    return {"security.json": json.dumps({"authentication": {"class": "solr.BasicAuthPlugin", "blockUnknown": True, "credentials": {"solr": g.b64(43) + "= " + g.b64(43) + "="}}, "authorization": {"class": "solr.RuleBasedAuthorizationPlugin", "user-role": {"solr": "admin"}}})}


@T("pgpool-pool-passwd-hashed")
def _(g):
    return {"pool_passwd": f"app:md5{g.hexs(32)}\nreport:AES{g.b64(44)}\n"}


@T("appveyor-yml-secure")
def _(g):
    return {"appveyor.yml": f"version: {g.ver()}.{{build}}\nenvironment:\n  NUGET_API_KEY:\n    secure: {g.b64(43)}=\n  SIGN_PASSWORD:\n    secure: {g.b64(22)}==\nbuild_script:\n  - ps: .\\build.ps1\n"}


@T("cirrus-yml-encrypted")
def _(g):
    return {".cirrus.yml": f"env:\n  CODECOV_TOKEN: ENCRYPTED[{g.hexs(96)}]\n  GITHUB_TOKEN: ENCRYPTED[!{g.hexs(96)}!]\ntask:\n  container:\n    image: node:20\n  test_script: npm test\n"}


@T("cloudbuild-yaml-secret-manager")
def _(g):
    return {"cloudbuild.yaml": f"steps:\n- name: gcr.io/cloud-builders/docker\n  entrypoint: bash\n  args: ['-c', 'docker login --username=ci --password=$$DOCKER_PASSWORD']\n  secretEnv: ['DOCKER_PASSWORD']\navailableSecrets:\n  secretManager:\n  - versionName: projects/{g.num(12)}/secrets/docker-password/versions/latest\n    env: DOCKER_PASSWORD\n"}


@T("harness-pipeline-secret-expressions")
def _(g):
    return {"pipeline.yaml": f"pipeline:\n  name: {g.word()}-deploy\n  stages:\n    - stage:\n        spec:\n          execution:\n            steps:\n              - step:\n                  type: ShellScript\n                  spec:\n                    source:\n                      script: curl -H \"x-api-key: <+secrets.getValue(\"deploy_api_key\")>\" https://deploy.internal/run\n"}


@T("goreleaser-yml-env-template")
def _(g):
    return {".goreleaser.yml": f"project_name: {g.word()}\nbefore:\n  hooks: [go mod tidy]\nrelease:\n  github:\n    owner: {g.word()}\nenv:\n  - GITHUB_TOKEN={{{{ .Env.GORELEASER_TOKEN }}}}\n"}


@T("ignition-butane-password-hash")
def _(g):
    return {"config.bu": f"variant: fcos\nversion: 1.5.0\npasswd:\n  users:\n    - name: core\n      password_hash: $y$j9T${g.b64(22).replace('+', '.')}${g.b64(43).replace('+', '.')}\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{g.b64(43)} core\n"}


@T("arista-eos-running-config")
def _(g):
    return {"running-config": f"hostname leaf{g.ri(1, 48)}\nusername admin privilege 15 role network-admin secret sha512 $6${g.b64(16).replace('+', '.')}${g.b64(86).replace('+', '.')}\nsnmp-server community {g.pick(['<removed>', 'public'])} ro\n"}


@T("rdp-connection-file")
def _(g):
    return {"corp.rdp": f"full address:s:{g.host()}\nusername:s:CORP\\{g.first().lower()}\npassword 51:b:01000000D08C9DDF0115D1118C7A00C04FC297EB01000000{g.HEX(300)}\nscreen mode id:i:2\n"}


@T("mosquitto-password-file-hashed")
def _(g):
    return {"/etc/mosquitto/passwd": f"sensor01:$7$101${g.b64(16)}${g.b64(86)}==\ndashboard:$7$101${g.b64(16)}${g.b64(86)}==\n"}


@T("django-secret-placeholder-settings")
def _(g):
    return {"settings/prod.py": f"SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\nDATABASES = {{'default': {{'ENGINE': 'django.db.backends.postgresql', 'NAME': '{g.word()}', 'PASSWORD': os.environ.get('DB_PASSWORD', '')}}}}\nALLOWED_HOSTS = ['{g.word()}.example.org']"}


@T("dotenv-vault-encrypted")
def _(g):
    return {".env.vault": f"DOTENV_VAULT_PRODUCTION=\"{g.b64(200)}\"\nDOTENV_VAULT_CI=\"{g.b64(120)}\"\n"}


@T("vault-agent-config-hcl")
def _(g):
    return {"agent.hcl": f"auto_auth {{\n  method \"approle\" {{\n    config = {{\n      role_id_file_path = \"/etc/vault/role-id\"\n      secret_id_file_path = \"/etc/vault/secret-id\"\n    }}\n  }}\n}}\ntemplate {{\n  source = \"/etc/vault/db.tpl\"\n  destination = \"/run/app/db.env\"\n}}\nvault {{ address = \"https://vault.{g.word()}.lan:8200\" }}"}


@T("terraform-variable-sensitive-decl")
def _(g):
    return {"variables.tf": f"variable \"db_password\" {{\n  type      = string\n  sensitive = true\n  description = \"Master password for the {g.word()} cluster\"\n}}\n\nresource \"aws_db_instance\" \"main\" {{\n  password = var.db_password\n}}"}


@T("github-actions-run-log-masked")
def _(g):
    return {"log": f"2026-12-0{g.ri(1, 8)}T10:11:12.{g.num(7)}Z ##[group]Run docker login -u ci -p *** ghcr.io\n2026-12-0{g.ri(1, 8)}T10:11:13.{g.num(7)}Z WARNING! Using --password via the CLI is insecure.\n2026-12-0{g.ri(1, 8)}T10:11:14.{g.num(7)}Z Login Succeeded"}


@T("git-commit-sha-list")
def _(g):
    return {"shas": [g.sha1() for _ in range(4)], "range": f"{g.hexs(12)}..{g.hexs(12)}"}


@T("docker-image-digest-pin")
def _(g):
    return {"Dockerfile": f"FROM python:3.12-slim@sha256:{g.sha256()}\nCOPY --from=ghcr.io/astral-sh/uv@sha256:{g.sha256()} /uv /bin/uv\n"}


@T("subresource-hash-manifest-json")
def _(g):
    return {"files": {f"static/js/main.{g.hexs(8)}.js": "sha384-" + g.b64(64), f"static/css/app.{g.hexs(8)}.css": "sha384-" + g.b64(64)}}


@T("sentry-release-artifact-bundle")
def _(g):
    return {"release": f"{g.word()}@{g.ver()}+{g.hexs(7)}".replace("@", "-v"), "debug_id": g.uuid(), "files": [{"name": "~/main.js.map", "sha1": g.sha1(), "size": g.ri(1000, 900000)}]}


@T("uuid-heavy-audit-rows")
def _(g):
    return {"rows": [{"event_id": g.uuid(), "actor_id": g.uuid(), "resource": g.uuid(), "at": g.ms()} for _ in range(3)]}


@T("epoch-ms-latency-samples")
def _(g):
    return {"series": [[g.ms(), g.ri(5, 900)] for _ in range(6)], "unit": "ms"}


@T("isbn-reading-list-csv")
def _(g):
    return {"csv": "ISBN-13,Title,Shelf\n" + "\n".join(f"{g.isbn()},{g.word().title()} {g.word().title()},{g.pick(['A', 'B', 'C'])}{g.ri(1, 40)}" for _ in range(4))}


@T("luhn-failing-reference-numbers")
def _(g):
    return {"refs": [{"transfer_ref": g.luhnfail16(g.pick(["4", "5", "6"])), "status": "settled"} for _ in range(3)]}


@T("ups-tracking-events-json")
def _(g):
    return {"trackResponse": {"shipment": [{"package": [{"trackingNumber": g.ups(), "activity": [{"location": {"address": {"city": g.city()}}, "status": {"type": "I", "description": "Departed from Facility"}, "date": g.date().replace("-", ""), "time": g.hms().replace(":", "")}]}]}]}}


@T("dhl-express-tracking-text")
def _(g):
    return {"email": f"Your shipment {g.num(10)} is on its way.\nWaybill: {g.num(10)}\nPiece ID: JD01{g.num(16)}\nEstimated delivery: {g.date()} by end of day."}


@T("masked-card-wallet-list")
def _(g):
    return {"wallet": [{"brand": b, "display": f"•••• •••• •••• {g.last4()}", "exp": f"{g.ri(1, 12):02d}/{g.ri(27, 31)}", "fingerprint": g.b64url(16)} for b in ["visa", "mastercard"]]}


@T("masked-ssn-hr-portal-view")
def _(g):
    return {"profile": {"name": g.name(), "ssn": f"***-**-{g.last4()}", "employee_id": "E" + g.num(6), "hire_date": g.date(2015, 2025), "tax_status": "MFJ"}}


@T("redacted-support-export-json")
def _(g):
    return {"ticket": g.num(7), "messages": [{"from": "customer", "body": "my card number is [REDACTED] and the code on the back is [REDACTED]"}, {"from": "agent", "body": "Please never send card details here; use the secure link."}]}


@T("placeholder-env-template")
def _(g):
    return {".env.template": f"# copy to .env\nAPP_NAME={g.word()}\nDATABASE_URL=postgres://USER:PASSWORD@localhost:5432/{g.word()}\nSTRIPE_SECRET_KEY=<your-stripe-secret-key>\nOPENAI_API_KEY=\nJWT_SECRET=changeme-in-prod\n"}


@T("readme-quickstart-placeholders")
def _(g):
    return {"README.md": f"## Quick start\n\n```bash\nexport {g.word().upper()}_API_KEY=YOUR_API_KEY\ncurl -H \"Authorization: Bearer $TOKEN\" https://api.{g.word()}.dev/v1/ping\n```\n\nReplace `YOUR_API_KEY` with the key from the dashboard."}


@T("aws-docs-example-credentials")
def _(g):
    return {"doc": f"To configure the CLI, run `aws configure` and enter:\n\nAWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\nAWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nDefault region name [None]: {g.pick(['us-west-2', 'eu-west-1'])}\n"}


@T("stripe-docs-test-key-snippet")
def _(g):
    return {"snippet": f"// docs example\nconst stripe = require('stripe')('sk_test_4eC39HqLyjWDarjtT1zdp7dc');\nconst intent = await stripe.paymentIntents.create({{ amount: {g.ri(100, 9000)}, currency: 'eur' }});"}


@T("publishable-key-frontend-config")
def _(g):
    return {"config.js": f"window.__CONFIG__ = {{ stripePk: 'pk_live_51{g.chars(UP + LO + DG, 90)}', mapboxPublic: 'pk.eyJ1Ijoi{g.b64url(20)}.{g.b64url(22)}', sentryEnv: 'production' }};"}


@T("ssh-public-key-registry")
def _(g):
    return {"keys": [{"title": g.first().lower() + "-laptop", "key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.b64(43) + " " + g.first().lower() + "-laptop", "created_at": g.ts()} for _ in range(2)]}


@T("pem-public-key-jwks-consumer")
def _(g):
    lines = "\n".join(g.b64(64) for _ in range(5))
    return {"public_key.pem": f"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA{g.b64(20)}\n{lines}\n-----END PUBLIC KEY-----"}


@T("x509-certificate-chain-only")
def _(g):
    return {"chain.pem": f"-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIR{g.b64(44)}\n{g.b64(64)}\n-----END CERTIFICATE-----\n"}


@T("pem-header-redacted-body")
def _(g):
    return {"support_paste": f"here's what the config has:\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED BY {g.first().upper()}]\n-----END RSA PRIVATE KEY-----\nthe error is 'bad decrypt'"}


@T("password-policy-doc-text")
def _(g):
    return {"page": f"Passwords must be at least {g.ri(12, 16)} characters, contain one digit and one symbol, and may not reuse the last {g.ri(5, 24)} passwords. The password field is case sensitive. Reset links expire after {g.ri(15, 60)} minutes."}


@T("login-error-log-lines")
def _(g):
    return {"log": f"{g.ts()} WARN auth: password authentication failed for user \"{g.first().lower()}\" from {g.pubip()}\n{g.ts()} WARN auth: account locked after 5 failed password attempts (user_id={g.ri(1000, 99999)})"}


@T("openapi-password-schema-fragment")
def _(g):
    return {"components": {"schemas": {"LoginRequest": {"type": "object", "required": ["username", "password"], "properties": {"username": {"type": "string", "example": "jdoe"}, "password": {"type": "string", "format": "password", "minLength": g.ri(8, 12)}}}}}}


@T("bcrypt-user-table-dump")
def _(g):
    return {"rows": [{"id": g.ri(1, 9999), "username": g.first().lower() + str(g.ri(1, 99)), "password_hash": f"$2b$12${g.b64(53).replace('+', '.')}", "last_login": g.ts()} for _ in range(2)]}


@T("argon2-hash-config-test")
def _(g):
    return {"hash": f"$argon2id$v=19$m=65536,t=3,p=4${g.b64(22)}${g.b64(43)}", "verified": True, "cost_ms": g.ri(40, 400)}


@T("csrf-cookie-session-negative")
def _(g):
    return {"headers": {"Set-Cookie": f"csrftoken={g.chars(UP + LO + DG, 64)}; Path=/; SameSite=Lax", "X-Request-Id": g.uuid(), "X-Amz-Cf-Id": g.b64url(56) + "=="}}


@T("object-ids-payment-events")
def _(g):
    return {"events": [{"id": "evt_" + g.chars(UP + LO + DG, 24), "type": "charge.succeeded", "data": {"object": {"id": "ch_" + g.chars(UP + LO + DG, 24), "customer": "cus_" + g.chars(UP + LO + DG, 14), "payment_method": "pm_" + g.chars(UP + LO + DG, 24), "amount": g.ri(100, 90000)}}}]}


@T("semver-release-matrix")
def _(g):
    return {"matrix": {"node": [g.ver() for _ in range(3)], "os": ["ubuntu-24.04", "macos-14"], "release": "v" + g.ver() + "-rc." + str(g.ri(1, 9))}}


@T("ip-allowlist-yaml")
def _(g):
    return {"allowlist.yaml": "\n".join(f"- cidr: {g.pubip()}/32\n  note: {g.word()} office" for _ in range(3))}


@T("mac-address-inventory-rows")
def _(g):
    return {"rows": [f"{g.word()}-ap{g.ri(1, 30)}  {':'.join(g.hexs(2) for _ in range(6))}  {g.ip()}" for _ in range(4)]}


@T("imei-device-list-negative")
def _(g):
    rows = []
    for _ in range(3):
        body = "35" + g.chars(DG, 12)
        rows.append(f"{g.pick(['Pixel 8', 'Galaxy A54', 'iPhone 15'])},{body}{g.ri(0, 9)}")
    return {"csv": "model,imei_unchecked\n" + "\n".join(rows)}


@T("iccid-sim-batch-negative")
def _(g):
    return {"batch": [{"iccid": "8944" + g.num(16), "status": "inactive", "profile": "M2M-EU"} for _ in range(3)]}


@T("npi-provider-lookup-negative")
def _(g):
    return {"results": [{"number": g.num(10, "1"), "basic": {"first_name": g.first().upper(), "last_name": g.last().upper(), "credential": "MD"}, "taxonomies": [{"code": "207Q00000X", "desc": "Family Medicine"}]}]}


@T("ndc-product-list-negative")
def _(g):
    return {"products": [{"ndc": f"{g.num(5)}-{g.num(3)}-{g.num(2)}", "name": g.pick(["Atorvastatin 20 mg", "Metformin ER 500 mg", "Lisinopril 10 mg"]), "package": "90 TABLET in 1 BOTTLE"} for _ in range(3)]}


@T("health-article-no-identifiers")
def _(g):
    return {"article": f"Type 2 diabetes affects how the body uses glucose. Regular exercise, a balanced diet and, if prescribed, metformin help keep HbA1c below {g.ri(6, 7)}.5%. Talk to your GP about screening if you are over {g.ri(35, 45)}."}


@T("washer-error-code-manual")
def _(g):
    return {"manual": f"Error E{g.ri(10, 30)}: drain pump blocked. Error F{g.ri(10, 99)}: door lock fault. Code C{g.ri(10, 99)}.{g.ri(1, 9)} means the inlet valve is open. Reset by holding START for {g.ri(3, 5)} s."}


@T("warehouse-sku-codes")
def _(g):
    return {"picks": [{"sku": f"{g.pick(UP)}{g.ri(10, 99)}-{g.chars(UP, 3)}", "bin": f"{g.pick(UP)}{g.ri(10, 99)}.{g.ri(1, 9)}", "qty": g.ri(1, 40)} for _ in range(4)]}


@T("highway-road-condition-feed")
def _(g):
    return {"segments": [{"route": f"I-{g.pick(['10', '15', '80', '90'])}", "exit": g.ri(1, 300), "condition": g.pick(["ice", "wet", "clear"]), "updated": g.ts()} for _ in range(3)]}


@T("vitamin-supplement-label")
def _(g):
    return {"label": f"Each capsule: Vitamin B12 {g.ri(100, 1000)} µg, Vitamin D3 {g.ri(10, 50)} µg, Folate {g.ri(200, 400)} µg DFE. Lot {g.chars(UP, 2)}{g.num(5)} EXP {g.date(2027, 2029)}"}


@T("airport-gate-assignments")
def _(g):
    return {"gates": [{"flight": f"{g.pick(['LH', 'SK', 'BA', 'AY'])}{g.ri(100, 2999)}", "gate": f"{g.pick('ABCDE')}{g.ri(1, 40)}", "std": g.hms()[:5]} for _ in range(4)]}


@T("hotel-room-allocation-csv")
def _(g):
    return {"csv": "room,type,status\n" + "\n".join(f"{g.pick('ABC')}{g.ri(10, 45)},{g.pick(['KING', 'TWIN'])},{g.pick(['VC', 'OD', 'OC'])}" for _ in range(4))}


@T("chess-tournament-pairings")
def _(g):
    return {"round": g.ri(1, 9), "pairings": [f"Board {i}: {g.name()} ({g.ri(1400, 2600)}) - {g.name()} ({g.ri(1400, 2600)})" for i in range(1, 4)]}


@T("bus-timetable-gtfs-stop-times")
def _(g):
    return {"stop_times.txt": "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" + "\n".join(f"T{g.num(6)},{g.hms()},{g.hms()},{g.num(5)},{i}" for i in range(1, 5))}


@T("bank-branch-hours-page")
def _(g):
    return {"page": f"{g.co()} — {g.city()} branch. Open Mon–Fri 09:00–16:30. Routing number {g.num(9, '0')}. For lost cards call the number on the back of your card."}


@T("product-barcode-gtin-list")
def _(g):
    def gtin():
        b = "40" + g.chars(DG, 10)
        s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(b))
        return b + str((10 - s % 10) % 10)
    return {"items": [{"gtin13": gtin(), "name": g.word().title() + " " + g.pick(["Soap", "Tea", "Pasta"]), "price": g.amt(1, 20)} for _ in range(3)]}


@T("order-status-api-response")
def _(g):
    return {"order_id": g.order(), "status": g.pick(["shipped", "processing", "delivered"]), "items": g.ri(1, 6), "total": g.amt(), "placed_at": g.ts(), "carrier": "DHL", "tracking": g.num(10)}


@T("invoice-number-reconciliation-csv")
def _(g):
    return {"csv": "invoice,po,amount,paid\n" + "\n".join(f"INV-{g.num(9)},PO{g.num(8)},{g.amt()},{g.date()}" for _ in range(4))}


@T("timezone-offset-schedule")
def _(g):
    return {"schedule": [{"city": g.city(), "utc_offset": g.pick(["+01:00", "-05:00", "+09:00", "+05:30"]), "standup": g.hms()[:5]} for _ in range(3)]}


@T("conference-pin-dialin-block")
def _(g):
    return {"invite": f"Join by phone is disabled for this meeting. Meeting ID: {g.ri(100, 999)} {g.ri(100, 999)} {g.ri(100, 999)}\nPasscode: see calendar\nJoin: https://meet.{g.word()}.com/j/{g.num(11)}"}


@T("build-artifact-checksums")
def _(g):
    return {"SHA256SUMS": "\n".join(f"{g.sha256()}  {g.word()}-{g.ver()}-linux-amd64.tar.gz" for _ in range(3))}


@T("npm-package-lock-integrity")
def _(g):
    return {"packages": {f"node_modules/{g.word()}": {"version": g.ver(), "resolved": f"https://registry.npmjs.org/{g.word()}/-/{g.word()}-{g.ver()}.tgz", "integrity": "sha512-" + g.b64(86) + "=="} for _ in range(2)}}


@T("oauth-authorize-url-no-secret")
def _(g):
    return {"url": f"https://accounts.{g.word()}.com/o/oauth2/auth?client_id={g.num(12)}-{g.chars(LO + DG, 32)}.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Fapp.example.org%2Fcb&response_type=code&scope=openid%20profile&state={g.hexs(16)}&code_challenge={g.b64url(43)}&code_challenge_method=S256"}


@T("jwt-header-only-doc")
def _(g):
    return {"doc": f"A token starts with a header such as eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9 (base64url of {{\"alg\":\"RS256\",\"typ\":\"JWT\"}}). Tokens expire after {g.ri(5, 60)} minutes."}


@T("k8s-serviceaccount-secret-ref")
def _(g):
    return {"deployment": {"spec": {"template": {"spec": {"containers": [{"name": "api", "env": [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db-creds", "key": "password"}}}]}]}}}}}


@T("helm-values-existing-secret")
def _(g):
    return {"values.yaml": f"auth:\n  existingSecret: {g.word()}-auth\n  secretKeys:\n    adminPasswordKey: admin-password\n    userPasswordKey: user-password\nprimary:\n  persistence:\n    size: {g.ri(8, 100)}Gi\n"}


@T("ansible-vault-ciphertext")
def _(g):
    return {"group_vars/all/vault.yml": "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(g.hexs(80) for _ in range(4))}


@T("sops-encrypted-yaml")
def _(g):
    return {"secrets.enc.yaml": f"db_password: ENC[AES256_GCM,data:{g.b64(16)},iv:{g.b64(43)}=,tag:{g.b64(22)}==,type:str]\nsops:\n  kms:\n  - arn: arn:aws:kms:eu-west-1:{g.num(12)}:key/{g.uuid()}\n  lastmodified: \"{g.ts()}\"\n  version: 3.8.1\n"}


@T("sealed-value-bitnami-ciphertext")
def _(g):
    return {"spec": {"encryptedData": {"password": "AgB" + g.b64(300)}, "template": {"metadata": {"name": "db"}}}}


@T("wifi-qr-guest-placeholder")
def _(g):
    return {"print": f"Guest Wi-Fi: {g.word().title()}-Guest\nPassword: ask at reception\nValid until {g.date()}"}


@T("generic-webhook-signature-headers")
def _(g):
    return {"headers": {"X-Signature-256": "sha256=" + g.sha256(), "X-Delivery": g.uuid(), "X-Timestamp": str(g.epoch())}, "body": {"event": "build.finished", "id": g.ri(1, 99999)}}


@T("hmac-request-signing-doc")
def _(g):
    return {"doc": f"Compute HMAC-SHA256 over the raw body using your signing secret and compare it to the X-Signature header, e.g. sha256={g.sha256()}. Reject requests older than {g.ri(3, 10)} minutes."}


@T("cve-advisory-json")
def _(g):
    return {"id": f"CVE-2026-{g.ri(10000, 59999)}", "summary": f"Improper validation in {g.word()} before {g.ver()} allows password reset token reuse.", "cvss": f"{g.ri(4, 9)}.{g.ri(0, 9)}", "fixed_in": g.ver()}


@T("cron-schedule-table")
def _(g):
    return {"jobs": [{"name": g.word() + "-sync", "schedule": f"{g.ri(0, 59)} {g.ri(0, 23)} * * {g.ri(0, 6)}", "last_run_ms": g.ms()} for _ in range(3)]}


@T("lottery-draw-results")
def _(g):
    return {"draw": g.ri(1000, 9999), "date": g.date(), "numbers": sorted(g.ri(1, 49) for _ in range(6)), "bonus": g.ri(1, 10)}


@T("sports-score-feed")
def _(g):
    return {"matches": [{"home": g.city(), "away": g.city(), "score": f"{g.ri(0, 5)}-{g.ri(0, 5)}", "minute": g.ri(1, 90)} for _ in range(3)]}


@T("weather-station-observation")
def _(g):
    return {"station": g.chars(UP, 4), "obs_time": g.ts(), "temp_c": g.ri(-20, 35), "rh": g.ri(10, 100), "pressure_hpa": g.ri(980, 1040), "wind": f"{g.ri(0, 359):03d}/{g.ri(0, 40)}"}


@T("coordinates-geojson-points")
def _(g):
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [g.ri(-179, 179) + g.ri(0, 999999) / 1e6, g.ri(-80, 80) + g.ri(0, 999999) / 1e6]}, "properties": {"name": g.word()}} for _ in range(3)]}


@T("recipe-card-text")
def _(g):
    return {"recipe": f"{g.word().title()} bread — {g.ri(400, 600)} g flour, {g.ri(300, 420)} ml water, {g.ri(8, 12)} g salt, {g.ri(2, 7)} g yeast. Bake at {g.ri(200, 250)} °C for {g.ri(25, 45)} min."}


@T("music-playlist-export")
def _(g):
    return {"playlist": g.word().title(), "tracks": [{"isrc": f"{g.chars(UP, 2)}{g.chars(UP + DG, 3)}{g.ri(10, 26)}{g.num(5)}", "title": g.word().title(), "duration_ms": g.ri(120000, 400000)} for _ in range(3)]}


@T("library-catalog-marc-free-text")
def _(g):
    return {"record": f"Title: The {g.word().title()} Atlas\nISBN {g.isbn()}\nCall number QA{g.ri(10, 99)}.{g.chars(UP, 1)}{g.ri(10, 99)} {g.ri(1990, 2024)}\nBarcode 3{g.num(13)}"}


@T("serial-number-warranty-list")
def _(g):
    return {"devices": [{"serial": g.chars(UP + DG, 12), "model": g.pick(["XPS 13", "ThinkPad T14", "MacBook Air"]), "warranty_end": g.date(2026, 2029)} for _ in range(3)]}


@T("loyalty-points-statement-masked")
def _(g):
    return {"statement": f"Member {g.name()}, account ending {g.last4()}. Points earned this month: {g.ri(100, 9000)}. Balance: {g.ri(1000, 90000)}."}


@T("insurance-group-bin-pcn-negative")
def _(g):
    return {"card_back": f"Rx BIN: {g.num(6, '0')}  Rx PCN: {g.chars(UP, 4)}  Rx GRP: {g.chars(UP + DG, 7)}\nPayer ID: {g.num(5)}\nProvider services: see website"}


@T("clinical-trial-odm-subject-negative")
def _(g):
    return {"odm": f"<ClinicalData StudyOID=\"ST-{g.num(4)}\"><SubjectData SubjectKey=\"{g.ri(100, 999)}-{g.ri(1000, 9999)}\"><StudyEventData StudyEventOID=\"SE.WEEK{g.ri(1, 12)}\"><FormData FormOID=\"F.VS\"><ItemGroupData><ItemData ItemOID=\"I.SYSBP\" Value=\"{g.ri(100, 160)}\"/></ItemGroupData></FormData></StudyEventData></SubjectData></ClinicalData>"}


@T("lab-accession-tracking-negative")
def _(g):
    return {"tubes": [{"accession": f"{g.chars(UP, 2)}{g.num(8)}", "container": g.pick(["SST", "EDTA", "NaF"]), "received": g.ts()} for _ in range(3)]}


@T("hospital-visiting-hours-page")
def _(g):
    return {"page": f"Visiting hours on ward {g.pick('ABCD')}{g.ri(1, 9)} are {g.ri(9, 11)}:00–{g.ri(18, 20)}:00. The ICU allows two visitors at a time. Parking level {g.ri(1, 4)} is reserved for patients."}


@T("phone-shaped-ids-negative")
def _(g):
    return {"shipment": {"tracking_number": g.num(12), "invoice_no": g.num(10), "serial": g.num(11), "created_epoch": g.epoch()}}


@T("cvc-check-result-negative")
def _(g):
    return {"charge": {"id": "ch_" + g.chars(UP + LO + DG, 24), "outcome": {"network_status": "approved_by_network", "risk_level": "normal"}, "payment_method_details": {"card": {"checks": {"cvc_check": "pass", "address_postal_code_check": "pass"}, "last4": g.last4(), "exp_year": g.ri(2027, 2031)}}}}


@T("bin-table-six-digit")
def _(g):
    return {"bins": [{"bin": g.pick(["4", "5"]) + g.num(5), "scheme": g.pick(["VISA", "MASTERCARD"]), "country": g.pick(["DE", "US", "BR"])} for _ in range(4)]}


@T("email-like-non-addresses")
def _(g):
    return {"strings": [f"ops@bastion{g.ri(1, 9)}", f"git@github.com:{g.word()}/{g.word()}.git", f"@{g.word()}/ui-kit", f"{g.word()}@{g.ver()}"]}


@T("python-traceback-keyerror-password")
def _(g):
    return {"stderr": f"Traceback (most recent call last):\n  File \"/app/{g.word()}/settings.py\", line {g.ri(10, 300)}, in <module>\n    DB_PASSWORD = os.environ['DB_PASSWORD']\n  File \"<frozen os>\", line 714, in __getitem__\nKeyError: 'DB_PASSWORD'"}


@T("prose-about-cvv-faq")
def _(g):
    return {"faq": f"Where is my security code? The CVV is the 3-digit number on the back of Visa and Mastercard cards, or the 4-digit number on the front of American Express cards. We never store it. Question {g.ri(1, 40)} of 40."}


@T("icd-like-room-and-gate-codes")
def _(g):
    return {"text": f"Meet in room B{g.ri(10, 30)} then go to gate C{g.ri(10, 50)}; the J{g.ri(40, 49)} bus leaves from bay E{g.ri(10, 12)}."}


@T("telemetry-metrics-prometheus-text")
def _(g):
    return {"metrics": f"# HELP http_requests_total Total requests\n# TYPE http_requests_total counter\nhttp_requests_total{{code=\"200\",route=\"/login\"}} {g.ri(1000, 99999)}\nhttp_requests_total{{code=\"401\",route=\"/login\"}} {g.ri(1, 900)}\nprocess_start_time_seconds {g.epoch()}"}


@T("kafka-offsets-describe")
def _(g):
    return {"stdout": "GROUP           TOPIC      PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG\n" + "\n".join(f"billing-consumer payments  {p}          {g.ri(100000, 999999)}          {g.ri(100000, 999999)}          {g.ri(0, 40)}" for p in range(3))}


@T("tls-handshake-debug-no-keys")
def _(g):
    return {"log": f"* ALPN: server accepted h2\n* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n* Server certificate:\n*  subject: CN={g.word()}.example.org\n*  SHA256 Fingerprint: {':'.join(g.HEX(2) for _ in range(32))}"}


@T("random-hex-request-ids-log")
def _(g):
    return {"log": "\n".join(f"{g.ts()} req={g.hexs(32)} trace={g.hexs(16)} span={g.hexs(16)} status={g.pick([200, 204, 404])}" for _ in range(3))}


@T("base64-image-thumbnail")
def _(g):
    return {"avatar": "data:image/webp;base64,UklGR" + g.b64(200)}


@T("encrypted-blob-envelope")
def _(g):
    return {"ciphertext": g.b64(160), "iv": g.b64(16), "tag": g.b64(22) + "==", "kid": "kms-key-" + g.hexs(8), "alg": "A256GCM"}


@T("postal-codes-region-table")
def _(g):
    return {"regions": [{"zip": f"{g.ri(10000, 99999)}", "plus4": f"{g.ri(1000, 9999)}", "county": g.word().title()} for _ in range(4)]}


@T("flight-booking-reference-negative")
def _(g):
    return {"booking": {"record_locator": g.chars("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6), "ticket": f"{g.ri(100, 999)}-{g.num(10)}", "fare_basis": g.chars(UP, 6), "seat": f"{g.ri(1, 40)}{g.pick('ABCDEF')}"}}


@T("utility-meter-readings-csv")
def _(g):
    return {"csv": "meter_id,read_at,kwh\n" + "\n".join(f"{g.num(11)},{g.ts()},{g.ri(1000, 99999)}.{g.ri(0, 9)}" for _ in range(4))}
