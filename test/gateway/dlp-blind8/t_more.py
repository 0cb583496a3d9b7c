"""Look-alike characters, encoded values, and more of the hard types in further formats."""
import base64, json
from urllib.parse import quote
from core8 import T, enc_b64, UP, LO, DG

FWD = str.maketrans("0123456789", "０１２３４５６７８９")


@T("ocr-fullwidth-jp-card-form")
def _(g):
    c = g.cc("jcb")
    g.vals["credit_card"][-1] = c  # digits appear full-width; asserted via the encoded flag
    g.mark_encoded()
    return {"ocr": f"お支払い情報\nカード番号：{' '.join(c[i:i + 4] for i in range(0, 16, 4)).translate(FWD)}\n有効期限：{g.ri(1, 12):02d}/{g.ri(27, 31)}\nセキュリティコード：{g.cvv().translate(FWD)}\n名義：{g.last().upper()}"}


@T("nbsp-separated-card-in-html-email")
def _(g):
    return {"html": f"<p>Card on file: <span>{g.cc('mc', chr(160))}</span> exp {g.ri(1, 12):02d}/{g.ri(27, 31)} CVC&nbsp;{g.cvv()}</p>"}


@T("tidio-chat-transcript-json")
def _(g):
    s = g.ssn()
    g.mark_encoded()
    return {"conversation": {"id": g.hexs(24), "channel": "widget", "messages": [{"type": "visitor", "message": f"ok here: {s[:3]}\u200b-\u200b{s[4:6]}\u200b-\u200b{s[7:]} (sorry the app adds weird spaces)", "created_at": g.ts()},
            {"type": "operator", "message": "Thanks, I've verified your identity.", "created_at": g.ts()}]}}


@T("base64-basic-auth-proxy-log")
def _(g):
    return {"line": f"{g.pubip()} - - [{g.date()}:{g.hms()} +0000] \"CONNECT api.{g.word()}.com:443 HTTP/1.1\" 200 0 \"-\" \"curl/8.5\" proxy-authorization=\"Basic {enc_b64(g.first().lower() + ':' + g.pw())}\""}


@T("base64-json-config-blob-env")
def _(g):
    g.mark_encoded()
    blob = json.dumps({"aws_access_key_id": g.akia(), "aws_secret_access_key": g.awssec(), "region": "eu-north-1"})
    return {"env": {"APP_CONFIG_B64": enc_b64(blob), "NODE_ENV": "production"}}


@T("opencart-checkout-confirm-post")
def _(g):
    g.mark_encoded()
    return {"route": "extension/payment/pp_pro/send", "body": f"firstname={quote(g.first())}&email={quote(g.em())}&cc_type=VISA&cc_number={g.cc('visa')}&cc_expire_date_month={g.ri(1, 12):02d}&cc_expire_date_year={g.ri(2027, 2031)}&cc_cvv2={g.cvv()}&comment=leave%20at%20door"}


@T("salla-order-webhook-json")
def _(g):
    p = g.ph("sa")
    ai = p.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return {"event": "order.created", "merchant": g.ri(10 ** 8, 10 ** 9), "data": {"id": g.ri(10 ** 8, 10 ** 9), "customer": {"first_name": g.first(), "mobile_text": ai, "city": "الرياض"}, "notes": "اتصل بعد الخامسة", "amounts": {"total": {"amount": g.ri(50, 900), "currency": "SAR"}}}}


@T("semaphoreci-job-log-env")
def _(g):
    return {"job_log": f"$ env | sort\nAWS_ACCESS_KEY_ID={g.akia()}\nAWS_DEFAULT_REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY={g.awssec()}\nCI_COMMIT_SHA={g.sha1()}\n$ aws s3 sync dist/ s3://{g.word()}-site"}


@T("jupyter-boto3-client-cell-output")
def _(g):
    return {"cell": {"source": f"s3 = boto3.client('s3', aws_access_key_id='{g.akia()}', aws_secret_access_key='{g.awssec()}')\ns3.list_buckets()['Buckets'][:2]", "outputs": [{"text": f"[{{'Name': '{g.word()}-raw'}}, {{'Name': '{g.word()}-curated'}}]"}]}}


@T("r-aws-s3-sys-setenv-script")
def _(g):
    return {"analysis.R": f"library(aws.s3)\nSys.setenv(\"AWS_ACCESS_KEY_ID\" = \"{g.akia()}\",\n           \"AWS_SECRET_ACCESS_KEY\" = \"{g.awssec()}\",\n           \"AWS_DEFAULT_REGION\" = \"us-east-2\")\ndf <- s3read_using(read.csv, object = \"s3://{g.word()}/survey.csv\")"}


@T("php-aws-sdk-credentials-array")
def _(g):
    return {"upload.php": f"$s3 = new Aws\\S3\\S3Client([\n    'version' => 'latest',\n    'region'  => 'ap-southeast-2',\n    'credentials' => [\n        'key'    => '{g.akia()}',\n        'secret' => '{g.awssec()}',\n    ],\n]);"}


@T("cloudberry-backup-account-xml")
def _(g):
    return {"xml": f"<Account><DisplayName>{g.word()} offsite</DisplayName><Type>AmazonS3</Type><AccessKey>{g.akia()}</AccessKey><Bucket>{g.word()}-nas</Bucket><UseSSL>true</UseSSL></Account>"}


@T("ssh-key-pasted-in-teams-style-chat-json")
def _(g):
    return {"messages": [{"from": g.first(), "body": "can you add this to the jump host? it's the key from my laptop"}, {"from": g.first(), "body": g.pem("openssh")}]}


@T("wordpress-plugin-option-row-private-key")
def _(g):
    return {"row": {"option_id": g.ri(100, 9999), "option_name": "wp_mail_smtp_gmail_service_account", "option_value": json.dumps({"type": "service_account", "private_key": g.pem("pkcs8"), "client_id": g.num(21)}), "autoload": "no"}}


@T("dropwizard-config-yml")
def _(g):
    return {"config.yml": "server:\n  applicationConnectors:\n    - type: https\n      port: 8443\nsigning:\n  keyPassphrase: " + g.pw() + "\n  encryptedKey: |\n    " + g.pem("enc", nl="\n    ") + "\n"}


@T("dsa-legacy-key-in-svn-ticket")
def _(g):
    return {"ticket": f"Ticket #{g.ri(100, 9999)}: old build box still uses this DSA key, please rotate\n\n" + g.pem("dsa")}


@T("icd10-in-prescription-label-request-json")
def _(g):
    return {"rx": {"drug": "amoxicillin 500 mg", "sig": "1 cap TID x 10 days", "diagnosis_code": g.icd(), "prescriber_npi": g.num(10, "1"), "refills": 0}}


@T("ambulatory-charge-capture-ipad-json")
def _(g):
    return {"encounter": {"provider": "Dr " + g.last(), "dos": g.date(), "cpt": ["99214", "36415"], "dx_pointers": {"A": g.icd(), "B": g.icd()}, "device": "iPad-" + str(g.ri(1, 20))}}


@T("pt-cit-incapacidade-email")
def _(g):
    return {"email": f"Exmos. Senhores dos Recursos Humanos, informo que {g.name()} tem certificado de incapacidade temporária por {g.ri(2, 15)} dias (CID-10 {g.icd()}). Cumprimentos, Dr.ª {g.last()}, USF {g.city()}"}


@T("icd10-fr-bon-de-transport")
def _(g):
    return {"texte": f"Prescription médicale de transport\nAssuré : {g.name()}  N° SS {g.hin('nir')}\nMotif : séances de chimiothérapie (CIM-10 {g.icd()})\nTransport assis professionnalisé"}


@T("icd10-coding-forum-question")
def _(g):
    return {"post": f"Coders: would you sequence {g.icd()} before {g.icd()} for an inpatient stay where both were present on admission? Payer keeps denying."}


@T("secure-payment-form-capture-event-json")
def _(g):
    return {"session": g.uuid(), "form": "agent-desktop-card-capture", "fields": {"pan_masked": "************" + g.last4(), "security_code": g.cvv(), "expiry": f"{g.ri(1, 12):02d}{g.ri(27, 31)}"}, "result": "tokenised"}


@T("concierge-service-booking-note")
def _(g):
    return {"note": f"Concierge booking for guest {g.name()}: dinner for 4, deposit on AmEx {g.cc('amex', ' ')}, exp {g.ri(1, 12):02d}/{g.ri(27, 31)}, CID {g.cvv(4)} (4 digits on the front)."}


@T("cvv-de-kreditkarte-formular")
def _(g):
    return {"formular": {"Karteninhaber": g.name(), "Kartennummer": g.cc("visa", " "), "Gültig bis": f"{g.ri(1, 12):02d}/{g.ri(27, 31)}", "Prüfnummer": g.cvv()}}


@T("sms-backup-restore-xml")
def _(g):
    return {"sms.xml": f"<smses count=\"2\"><sms protocol=\"0\" address=\"{g.ph('es')}\" date=\"{g.ms()}\" type=\"2\" body=\"te paso la tarjeta {g.cc('mc', '-')}\" /><sms protocol=\"0\" address=\"{g.vals['phone'][0]}\" date=\"{g.ms()}\" type=\"2\" body=\"vence {g.ri(1, 12):02d}/{g.ri(27, 31)} y el código de seguridad es {g.cvv()}\" /></smses>"}


@T("mysql-slow-query-log-entry")
def _(g):
    return {"slow.log": f"# Time: {g.ts()}\n# User@Host: app[app] @  [{g.ip()}]  Id: {g.ri(1000, 99999)}\n# Query_time: {g.ri(2, 9)}.{g.num(6)}  Lock_time: 0.000{g.ri(100, 999)} Rows_sent: 0  Rows_examined: {g.ri(1000, 99999)}\nSET timestamp={g.epoch()};\nUPDATE integrations SET api_key = '{g.key('sk_live')}' WHERE id = {g.ri(1, 99)};"}


@T("api-key-openai-in-notebook-env")
def _(g):
    return {"cell": f"import os\nos.environ['OPENAI_API_KEY'] = '{g.key('openai')}'\nfrom openai import OpenAI\nclient = OpenAI()"}


@T("api-key-anthropic-in-vscode-launch-json")
def _(g):
    return {"configurations": [{"type": "node", "request": "launch", "name": "agent", "program": "${workspaceFolder}/dist/agent.js", "env": {"ANTHROPIC_API_KEY": g.key("anthropic")}}]}


@T("api-key-hf-in-gradio-space-readme")
def _(g):
    return {"app.py": f"from huggingface_hub import login\nlogin(token=\"{g.key('hf')}\")\nimport gradio as gr"}


@T("api-key-linear-in-raycast-extension-prefs")
def _(g):
    return {"preferences": {"linearApiKey": g.key("linear"), "defaultTeam": g.word().upper()[:3]}}


@T("api-key-sendgrid-in-wp-options")
def _(g):
    return {"row": f"({g.ri(100, 9999)}, 'sendgrid_api_key', '{g.key('sendgrid')}', 'yes')"}


@T("api-key-google-maps-in-android-manifest")
def _(g):
    return {"AndroidManifest.xml": f"<meta-data android:name=\"com.google.android.geo.API_KEY\" android:value=\"{g.key('google')}\"/>"}


@T("api-key-brevo-in-n8n-credential-export")
def _(g):
    return {"credentials": [{"id": str(g.ri(1, 99)), "name": "Brevo account", "type": "sendInBlueApi", "data": {"apiKey": g.key("brevo")}}]}


@T("api-key-gitlab-runner-register-shell")
def _(g):
    return {"history": f"sudo gitlab-runner register --non-interactive --url https://gitlab.{g.word()}.org --token {g.key('glrt')} --executor docker --docker-image alpine:3.20"}


@T("docker-history-no-trunc-output")
def _(g):
    return {"stdout": f"IMAGE          CREATED       CREATED BY                                                                                              SIZE\n{g.hexs(12)}   2 days ago    RUN |1 NPM_TOKEN={g.key('npm')} /bin/sh -c echo \"//registry.npmjs.org/:_authToken=${{NPM_TOKEN}}\" > .npmrc && npm ci   212MB\n<missing>      2 days ago    ARG NPM_TOKEN                                                                                           0B"}


@T("api-key-slack-bot-in-hubot-env")
def _(g):
    return {"hubot.env": f"HUBOT_SLACK_TOKEN={g.key('slackb')}\nHUBOT_NAME={g.word()}bot\nREDIS_URL=redis://localhost:6379"}


@T("api-key-shopify-admin-in-zapier-step")
def _(g):
    return {"step": {"app": "Webhooks by Zapier", "action": "Custom Request", "headers": {"X-Shopify-Access-Token": g.key("shopify")}, "url": f"https://{g.word()}.myshopify.com/admin/api/2024-10/orders.json"}}


@T("api-key-do-token-in-packer-log")
def _(g):
    return {"log": f"==> digitalocean.web: Creating temporary ssh key for droplet...\n2026/12/0{g.ri(1, 8)} 10:0{g.ri(0, 9)}:11 [DEBUG] api_token={g.key('do')}\n==> digitalocean.web: Creating droplet..."}


@T("mrn-in-patient-portal-signup-json")
def _(g):
    return {"signup": {"email": g.em(), "password": g.pw(), "mrn": g.mrn(), "dob": g.dob(), "activation_code": None}}


@T("mrn-in-ambulatory-fax-coversheet")
def _(g):
    return {"fax": f"CONFIDENTIAL FAX\nTo: Records, {g.co()}\nRe: records request, Pt MR# {g.mrn('num7')}, DOB {g.dob()}\nPages: {g.ri(2, 30)}  Callback: {g.ph('us')}"}


@T("hin-in-pharmacy-counter-chat-nl")
def _(g):
    return {"chat": [f"Klant: mijn polisnummer van de zorgverzekering is {g.hin('nl_member')}", "Apotheek: dank u, ik zet het in het systeem"]}


@T("hin-member-id-in-telehealth-intake-es")
def _(g):
    return {"formulario": {"nombre": g.name(), "aseguradora": "Molina", "número de miembro": g.hin("us"), "teléfono": g.ph("us"), "motivo": "tos"}}


@T("hin-mbi-in-dme-supplier-portal-csv")
def _(g):
    return {"csv": "order,beneficiary,mbi,item\n" + "\n".join(f"{g.num(7)},{g.name()},{g.mbi()},E0601 CPAP" for _ in range(2))}


@T("password-in-wifi-router-label-ocr")
def _(g):
    return {"ocr": f"SSID: {g.word().upper()}-{g.HEX(4)}\nWPA2 Key: {g.pw('gen_url')[:12]}\nAdmin: http://192.168.1.1  User: admin\nS/N {g.chars(UP + DG, 12)}"}


@T("password-in-ftp-client-bookmark-json")
def _(g):
    return {"bookmarks": [{"name": g.co(), "host": f"ftp.{g.word()}.net", "port": 21, "user": "upload", "pass": g.pw(), "mode": "passive"}]}
