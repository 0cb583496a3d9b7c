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


@T("github-actions-run-log-masked")
def _(g):
    return {"log": f"2026-12-0{g.ri(1, 8)}T10:11:12.{g.num(7)}Z ##[group]Run docker login -u ci -p *** ghcr.io\n2026-12-0{g.ri(1, 8)}T10:11:13.{g.num(7)}Z WARNING! Using --password via the CLI is insecure.\n2026-12-0{g.ri(1, 8)}T10:11:14.{g.num(7)}Z Login Succeeded"}


@T("calibre-library-csv-export")
def _(g):
    return {"csv": "ISBN-13,Title,Shelf\n" + "\n".join(f"{g.isbn()},{g.word().title()} {g.word().title()},{g.pick(['A', 'B', 'C'])}{g.ri(1, 40)}" for _ in range(4))}


@T("mkdocs-page-quickstart-placeholders")
def _(g):
    return {"README.md": f"## Quick start\n\n```bash\nexport {g.word().upper()}_API_KEY=YOUR_API_KEY\ncurl -H \"Authorization: Bearer $TOKEN\" https://api.{g.word()}.dev/v1/ping\n```\n\nReplace `YOUR_API_KEY` with the key from the dashboard."}


@T("vite-env-production-public-vars")
def _(g):
    return {"config.js": f"window.__CONFIG__ = {{ stripePk: 'pk_live_51{g.chars(UP + LO + DG, 90)}', mapboxPublic: 'pk.eyJ1Ijoi{g.b64url(20)}.{g.b64url(22)}', sentryEnv: 'production' }};"}


@T("support-forum-post-redacted-key")
def _(g):
    return {"support_paste": f"here's what the config has:\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED BY {g.first().upper()}]\n-----END RSA PRIVATE KEY-----\nthe error is 'bad decrypt'"}


@T("washer-error-code-manual")
def _(g):
    return {"manual": f"Error E{g.ri(10, 30)}: drain pump blocked. Error F{g.ri(10, 99)}: door lock fault. Code C{g.ri(10, 99)}.{g.ri(1, 9)} means the inlet valve is open. Reset by holding START for {g.ri(3, 5)} s."}


@T("invoice-number-reconciliation-csv")
def _(g):
    return {"csv": "invoice,po,amount,paid\n" + "\n".join(f"INV-{g.num(9)},PO{g.num(8)},{g.amt()},{g.date()}" for _ in range(4))}


@T("timezone-offset-schedule")
def _(g):
    return {"schedule": [{"city": g.city(), "utc_offset": g.pick(["+01:00", "-05:00", "+09:00", "+05:30"]), "standup": g.hms()[:5]} for _ in range(3)]}


@T("conference-pin-dialin-block")
def _(g):
    return {"invite": f"Join by phone is disabled for this meeting. Meeting ID: {g.ri(100, 999)} {g.ri(100, 999)} {g.ri(100, 999)}\nPasscode: see calendar\nJoin: https://meet.{g.word()}.com/j/{g.num(11)}"}


@T("generic-webhook-signature-headers")
def _(g):
    return {"headers": {"X-Signature-256": "sha256=" + g.sha256(), "X-Delivery": g.uuid(), "X-Timestamp": str(g.epoch())}, "body": {"event": "build.finished", "id": g.ri(1, 99999)}}


@T("hmac-request-signing-doc")
def _(g):
    return {"doc": f"Compute HMAC-SHA256 over the raw body using your signing secret and compare it to the X-Signature header, e.g. sha256={g.sha256()}. Reject requests older than {g.ri(3, 10)} minutes."}


@T("cve-advisory-json")
def _(g):
    return {"id": f"CVE-2026-{g.ri(10000, 59999)}", "summary": f"Improper validation in {g.word()} before {g.ver()} allows password reset token reuse.", "cvss": f"{g.ri(4, 9)}.{g.ri(0, 9)}", "fixed_in": g.ver()}


@T("lottery-draw-results")
def _(g):
    return {"draw": g.ri(1000, 9999), "date": g.date(), "numbers": sorted(g.ri(1, 49) for _ in range(6)), "bonus": g.ri(1, 10)}


@T("sports-score-feed")
def _(g):
    return {"matches": [{"home": g.city(), "away": g.city(), "score": f"{g.ri(0, 5)}-{g.ri(0, 5)}", "minute": g.ri(1, 90)} for _ in range(3)]}


@T("recipe-card-text")
def _(g):
    return {"recipe": f"{g.word().title()} bread — {g.ri(400, 600)} g flour, {g.ri(300, 420)} ml water, {g.ri(8, 12)} g salt, {g.ri(2, 7)} g yeast. Bake at {g.ri(200, 250)} °C for {g.ri(25, 45)} min."}


@T("music-playlist-export")
def _(g):
    return {"playlist": g.word().title(), "tracks": [{"isrc": f"{g.chars(UP, 2)}{g.chars(UP + DG, 3)}{g.ri(10, 26)}{g.num(5)}", "title": g.word().title(), "duration_ms": g.ri(120000, 400000)} for _ in range(3)]}


@T("hospital-visiting-hours-page")
def _(g):
    return {"page": f"Visiting hours on ward {g.pick('ABCD')}{g.ri(1, 9)} are {g.ri(9, 11)}:00–{g.ri(18, 20)}:00. The ICU allows two visitors at a time. Parking level {g.ri(1, 4)} is reserved for patients."}


@T("package-and-remote-strings")
def _(g):
    return {"strings": [f"ops@bastion{g.ri(1, 9)}", f"git@github.com:{g.word()}/{g.word()}.git", f"@{g.word()}/ui-kit", f"{g.word()}@{g.ver()}"]}


@T("conference-venue-directions-text")
def _(g):
    return {"text": f"Meet in room B{g.ri(10, 30)} then go to gate C{g.ri(10, 50)}; the J{g.ri(40, 49)} bus leaves from bay E{g.ri(10, 12)}."}


@T("kafka-offsets-describe")
def _(g):
    return {"stdout": "GROUP           TOPIC      PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG\n" + "\n".join(f"billing-consumer payments  {p}          {g.ri(100000, 999999)}          {g.ri(100000, 999999)}          {g.ri(0, 40)}" for p in range(3))}


@T("encrypted-blob-envelope")
def _(g):
    return {"ciphertext": g.b64(160), "iv": g.b64(16), "tag": g.b64(22) + "==", "kid": "kms-key-" + g.hexs(8), "alg": "A256GCM"}
