"""Negative-only formats: look-alikes, masked values, placeholders, prose."""
import json, string, base64
from values import luhn_ok, luhn_complete

def uuid4(r):
    return "%08x-%04x-4%03x-%x%03x-%012x" % (r.getrandbits(32), r.getrandbits(16), r.getrandbits(12), r.choice([8, 9, 10, 11]), r.getrandbits(12), r.getrandbits(48))

def sha(r, n=40):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))

def ean13(r, first="40"):
    d = first + "".join(r.choice(string.digits) for _ in range(12 - len(first)))
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d))
    return d + str((10 - s % 10) % 10)

def isbn13(r):
    return ean13(r, "978")

def imei(r):
    return luhn_complete("35" + "".join(r.choice(string.digits) for _ in range(12)))

def gen(fmt, r, V):
    D = lambda n, f="0123456789": V.digits(n, f)
    if fmt == "shopify-order-status-page-html":
        return "<div class=\"os-order-number\">Order #%s</div>\n<p>Paid with •••• %s</p><p>Tracking: <a href=\"https://track.example/1Z%s\">1Z%s</a></p><p>Total €%d,%02d</p>" % (D(5, "123"), D(4), V.chars(16, string.ascii_uppercase + string.digits), V.chars(6, string.ascii_uppercase + string.digits), r.randint(10, 400), r.randint(0, 99))
    if fmt == "marc21-library-catalog-record":
        return "=LDR  00000cam a2200000 a 4500\n=001  ocm%s\n=020  \\\\$a%s$q(hardcover)\n=100  1\\$aBrightwater, Imani.\n=245  10$aLedger of tides /$cImani Brightwater.\n=264  \\1$aLeeds :$bHarbor Press,$c2024." % (D(8), isbn13(r))
    if fmt == "gs1-ean-price-list-semicolon":
        return "EAN;Artikel;VK\n" + "\n".join("%s;%s;%d,%02d" % (ean13(r, r.choice(["40", "41", "42", "43", "20"])), r.choice(["Hafermilch 1l", "Kaffee 500g", "Zahnpasta", "Batterien AA"]), r.randint(0, 9), r.randint(0, 99)) for _ in range(4))
    if fmt == "mdm-device-inventory-imei-csv":
        return "asset_tag,model,imei,serial\n" + "\n".join("IT-%s,Pixel 8,%s,%s" % (D(5), imei(r), V.chars(12, string.ascii_uppercase + string.digits)) for _ in range(3))
    if fmt == "argo-rollout-revision-history":
        return "\n".join("REVISION %d  image=registry.example/app@sha256:%s  commit=%s  started=%d" % (i + 1, sha(r, 64), sha(r), r.randint(1767000000000, 1790000000000)) for i in range(3))
    if fmt == "otel-span-export-json":
        return json.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": sha(r, 32), "spanId": sha(r, 16), "name": "POST /checkout", "startTimeUnixNano": str(r.randint(1767000000, 1790000000)) + D(9), "attributes": [{"key": "http.status_code", "value": {"intValue": 201}}, {"key": "order.id", "value": {"stringValue": "ORD-" + D(8)}}]}]}]}]})
    if fmt == "grafana-loki-query-result":
        return "\n".join('{"ts":"%d","line":"user_id=%d action=password_reset_requested ip=203.0.113.%d"}' % (r.randint(1767000000000, 1790000000000), r.randint(1000, 99999), r.randint(1, 254)) for _ in range(4))
    if fmt == "bank-statement-reference-lines":
        return "\n".join("2026-11-%02d  SEPA-Gutschrift  Ref %s  EREF %s  %d,%02d EUR" % (r.randint(1, 28), V.luhn_fail16(), V.luhn_fail16(), r.randint(1, 900), r.randint(0, 99)) for _ in range(4))
    if fmt == "stripe-docs-quickstart-snippet":
        return "# Set your secret key. Remember to switch to your live secret key in production.\n# See your keys here: https://dashboard.stripe.com/apikeys\nimport stripe\nstripe.api_key = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"\nintent = stripe.PaymentIntent.create(amount=2000, currency=\"usd\")\n# card for testing: use the Dashboard test cards page"
    if fmt == "aws-docs-credentials-example":
        return "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = us-west-2\n# ^ example values from the AWS documentation"
    if fmt == "okta-password-policy-admin-page":
        return r.choice(["Password policy: minimum length 14 characters; must include a lowercase letter, an uppercase letter, a number and a symbol. Password history: last 24 passwords. Lockout after 10 attempts.",
                         "Passwortrichtlinie: mindestens 12 Zeichen, keine Wiederverwendung der letzten 5 Passwörter, Ablauf nach 90 Tagen.",
                         "Politique de mot de passe : 12 caractères minimum, dont un chiffre et un caractère spécial. Le mot de passe expire tous les 180 jours."])
    if fmt == "pam-auth-failure-syslog":
        return "\n".join("Nov %2d %02d:%02d:%02d bastion sshd[%d]: Failed password for invalid user %s from 198.51.100.%d port %d ssh2" % (r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(1000, 65000), r.choice(["admin", "oracle", "test", "ubuntu"]), r.randint(1, 254), r.randint(30000, 65000)) for _ in range(4))
    if fmt == "airline-frequent-flyer-statement":
        return "SkyMiles-like statement\nMember number: %s\nTier: Gold  |  Miles balance: %s\nRecent: Flight %s%d  Confirmation %s" % (D(10, "9"), "{:,}".format(r.randint(1000, 900000)), r.choice(["LH", "AF", "UA"]), r.randint(100, 9999), V.chars(6, string.ascii_uppercase))
    if fmt == "supermarket-loyalty-app-json":
        return json.dumps({"member": {"cardNumber": D(12, "2"), "tier": "silver", "points": r.randint(0, 9000)}, "coupons": [{"ean": ean13(r, "20"), "value": "0.50"}]})
    if fmt == "dotenv-example-template":
        return "# copy to .env and fill in\nDATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app\nSTRIPE_SECRET_KEY=\nSENDGRID_API_KEY=<your-sendgrid-key>\nJWT_SECRET=changeme\nAWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}"
    if fmt == "github-actions-workflow-secrets-ref":
        return "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./deploy.sh\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n          DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n          AWS_ROLE_ARN: arn:aws:iam::%s:role/deploy" % D(12, "123456789")
    if fmt == "django-auth-user-dump-bcrypt":
        return "id,username,password,last_login\n" + "\n".join("%d,%s,bcrypt_sha256$$2b$12$%s,2026-10-%02d" % (i, u, V.chars(53, string.ascii_letters + string.digits + "./"), r.randint(1, 28)) for i, u in enumerate(["mlindahl", "qpemberton", "kbakhuizen"], 1))
    if fmt == "x509-certificate-chain-pem":
        body = "MIID" + V.chars(60, string.ascii_letters + string.digits + "+/")
        return "-----BEGIN CERTIFICATE-----\n%s\n%s\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA%s\n-----END PUBLIC KEY-----" % (body, V.chars(64, string.ascii_letters + string.digits + "+/"), V.chars(20, string.ascii_letters + string.digits))
    if fmt == "ssh-authorized-keys-file":
        return "\n".join("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%s %s@laptop" % (V.chars(43, string.ascii_letters + string.digits + "+/"), u) for u in ["ops", "mlindahl", "ci"])
    if fmt == "pos-receipt-masked-card":
        return "NORTHWIND MARKET #%s\n%s\nVISA           ************%s\nAUTH %s   ENTRY CHIP\nAID A0000000031010\nTOTAL   %d.%02d\nCVM: PIN VERIFIED\nREWARDS # ******%s" % (D(4), "2026-11-%02d 14:%02d" % (r.randint(1, 28), r.randint(0, 59)), D(4), D(6), r.randint(1, 300), r.randint(0, 99), D(4))
    if fmt == "card-bin-range-table-csv":
        return "bin,brand,issuer_country,type\n" + "\n".join("%s,%s,%s,%s" % (r.choice(["4", "5"]) + D(5), r.choice(["VISA", "MASTERCARD"]), r.choice(["US", "DE", "BR"]), r.choice(["credit", "debit"])) for _ in range(5))
    if fmt == "payment-gateway-avs-cvv-result-log":
        return "\n".join("txn=%s avs_result=%s cvv2_result=%s cvc_check=pass card=****%s" % (V.chars(12, string.ascii_uppercase + string.digits), r.choice("YZNA"), r.choice("MNP"), D(4)) for _ in range(3))
    if fmt == "washing-machine-error-code-manual":
        return "Error E11: water not reaching level in time. Check tap. Error F12: motor tacho fault. Code I10 indicates door lock; code J45 is not used on this model. Reset: hold Start 3 s."
    if fmt == "office-room-booking-export":
        return "room,floor,slot\nB12,2,09:00-10:00\nC34.9,3,11:00-12:00\nE11,1,13:00-14:00\n(note: C34.9 is the annex meeting pod)"
    if fmt == "health-blog-article-no-ids":
        return r.choice(["Living with type 2 diabetes: small changes in diet and a daily walk can lower HbA1c. Talk to your GP before changing medication.",
                         "Bluthochdruck bleibt oft lange unbemerkt. Regelmäßiges Messen und weniger Salz helfen.",
                         "La grippe saisonnière : se faire vacciner chaque automne reste la meilleure protection."])
    if fmt == "iso-8583-field-dump-masked":
        return "MTI 0100\nDE002 (PAN)            : 476173******0010\nDE003 Processing code : 000000\nDE004 Amount           : 000000012500\nDE011 STAN             : %s\nDE037 RRN              : %s\nDE041 Terminal ID      : TERM%s\nDE049 Currency         : 978" % (D(6), D(12), D(4))
    if fmt == "kubernetes-secret-manifest-redacted":
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\ntype: Opaque\ndata:\n  password: REDACTED\n  username: REDACTED\n# values managed by external-secrets (vault path secret/data/db)"
    if fmt == "sentry-scrubbed-event-json":
        return json.dumps({"event_id": sha(r, 32), "request": {"headers": {"Authorization": "[Filtered]", "Cookie": "[Filtered]"}, "data": {"password": "[Filtered]", "card_number": "[Filtered]"}}, "user": {"id": str(r.randint(1000, 99999)), "email": "[Filtered]"}})
    if fmt == "epoch-metrics-csv-export":
        return "timestamp_ms,cpu,mem\n" + "\n".join("%d,%.2f,%d" % (r.randint(1767000000000, 1790000000000), r.uniform(0, 100), r.randint(100, 9000)) for _ in range(5))
    if fmt == "git-log-oneline-with-shas":
        return "\n".join("%s %s" % (sha(r, 7), m) for m in ["fix: rotate password hashing cost", "chore: bump jwt lib", "feat: mask card numbers in logs", "docs: explain api key scopes"])
    if fmt == "uuid-correlation-id-report":
        return "\n".join("correlation_id=%s tenant=%s status=ok" % (uuid4(r), uuid4(r)) for _ in range(4))
    if fmt == "invoice-register-accounts-payable":
        return "Invoice No\tVendor\tDue\tAmount\n" + "\n".join("INV-%s\tHarbor Supplies Ltd\t2026-12-%02d\t%d.%02d" % (D(10, "123456789"), r.randint(1, 28), r.randint(10, 9000), r.randint(0, 99)) for _ in range(4))
    if fmt == "parcel-tracking-notification-sms":
        return "Your parcel %s is out for delivery today. Track: https://trk.example/%s . Reply STOP to opt out." % (r.choice(["9400 1000 0000 " + D(4) + " " + D(4) + " " + D(2), "JJD" + D(18), "1Z" + V.chars(16, string.ascii_uppercase + string.digits)]), V.chars(10))
    if fmt == "openapi-schema-password-field":
        return "components:\n  schemas:\n    Login:\n      type: object\n      required: [username, password]\n      properties:\n        username: {type: string, example: jdoe}\n        password: {type: string, format: password, minLength: 12}\n        api_key: {type: string, description: 'Your API key from the dashboard'}"
    if fmt == "python-keyerror-password-traceback":
        return "Traceback (most recent call last):\n  File \"app/settings.py\", line 42, in <module>\n    DB_PASSWORD = os.environ['DB_PASSWORD']\n  File \"/usr/lib/python3.11/os.py\", line 679, in __getitem__\n    raise KeyError(key) from None\nKeyError: 'DB_PASSWORD'"
    if fmt == "postgres-auth-failed-server-log":
        return "%s UTC [%d] FATAL:  password authentication failed for user \"app\"\n%s UTC [%d] DETAIL:  Connection matched pg_hba.conf line 99: \"host all all 0.0.0.0/0 scram-sha-256\"" % ("2026-11-%02d 03:%02d:11.204" % (r.randint(1, 28), r.randint(0, 59)), r.randint(1000, 60000), "2026-11-03 03:14:11.204", r.randint(1000, 60000))
    if fmt == "ansible-vault-encrypted-vars":
        return "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  " + "\n  ".join(sha(r, 64) for _ in range(4))
    if fmt == "jwt-debugging-header-only-note":
        return "The token header decodes to {\"alg\":\"RS256\",\"typ\":\"JWT\"} (base64url eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9); payload and signature were removed before pasting."
    if fmt == "ssn-validation-unit-test-invalid-cases":
        return "INVALID = [\n  '000-12-3456',\n  '666-45-6789',\n  '123-00-4567',\n  '123-45-0000',\n  '9%02d-70-1234',\n]" % r.randint(0, 99)
    if fmt == "git-remote-and-ssh-host-config":
        return "[remote \"origin\"]\n\turl = git@github.com:northwind/%s.git\nHost bastion\n  User ops\n  HostName 203.0.113.%d\n# login as ops@bastion" % (r.choice(["billing", "ehr-sync"]), r.randint(1, 254))
    if fmt == "pharmacy-ndc-product-catalog":
        return "NDC,Proprietary Name,Strength,Package\n" + "\n".join("%s-%s-%s,%s,%s,%s" % (D(5), D(4), D(2), n, s, p) for n, s, p in [("Metformin HCl", "500 mg", "100 TABLET"), ("Lisinopril", "10 mg", "30 TABLET"), ("Albuterol", "90 mcg", "1 INHALER")])
    if fmt == "npi-registry-provider-lookup":
        return "NPI: %s\nProvider: Dr. Keisha Abernathy, MD\nTaxonomy: 207Q00000X Family Medicine\nPractice phone: (on file)\nEnumeration date: 2014-06-0%d" % (luhn_complete("80840" + D(9, "12"))[5:], r.randint(1, 9))
    if fmt == "hospital-visiting-hours-notice":
        return r.choice(["Visiting hours: 10:00-20:00. Ward B12 (cardiology) allows two visitors per patient. Please do not bring flowers to ICU.",
                         "Horario de visitas: 11 a 20 h. Planta 3, habitación C34. Máximo dos acompañantes.",
                         "Besuchszeiten Station E11: täglich 14–19 Uhr."])
    if fmt == "coupon-gift-card-balance-page":
        return "Gift card ending %s — balance $%d.%02d\nPIN: ****\nPromo code: WINTER-%s" % (D(4), r.randint(0, 200), r.randint(0, 99), V.chars(6, string.ascii_uppercase))
    if fmt == "luhn-failing-test-fixture-list":
        return "# numbers that must be REJECTED by the validator (bad check digit)\n" + "\n".join(V.luhn_fail16() for _ in range(5))
    if fmt == "employee-directory-no-contact":
        return "Name | Team | Desk\nQuentin Haverford | Payroll | 4.12\nSvenja Oberhauser | Billing | 2.07\nMaite Quiroga | Claims | 3.33"
    if fmt == "placeholder-config-mustache":
        return "smtp:\n  host: {{ smtp_host }}\n  user: {{ smtp_user }}\n  password: {{ smtp_password }}\napi:\n  key: {{api_key}}\n  stripe: sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"
    if fmt == "terraform-plan-sensitive-masked":
        return "  # aws_db_instance.main will be updated in-place\n  ~ resource \"aws_db_instance\" \"main\" {\n      ~ password = (sensitive value)\n        username = \"app\"\n      ~ tags     = { \"rev\" = \"%s\" }\n    }\nPlan: 0 to add, 1 to change, 0 to destroy." % sha(r, 7)
    if fmt == "chat-password-reset-advice-no-secret":
        return r.choice(["[10:02] Lea: I forgot my password again 🙄\n[10:03] IT-Bot: Use the self-service portal, choose 'Reset password', you'll get a code by SMS.",
                         "[09:14] Jonas: Passwort vergessen?\n[09:15] Support: Bitte über 'Passwort zurücksetzen' gehen, wir fragen nie nach deinem Passwort.",
                         "[08:40] Ana: ¿cuál era la contraseña del wifi de invitados?\n[08:41] Luis: está en el cartel de recepción, no la pongas aquí."])
    if fmt == "lab-analyzer-qc-run-log":
        return "\n".join("QC LOT %s LEVEL %d GLU %.1f mg/dL  RUN %s  OK" % (V.chars(2, string.ascii_uppercase) + D(4), lv, r.uniform(50, 300), uuid4(r)) for lv in (1, 2, 3))
    if fmt == "ups-worldship-export-xml":
        return "<Shipment><ShipTo><CompanyName>Harbor Supplies</CompanyName></ShipTo><Package><TrackingNumber>1Z%s</TrackingNumber><Weight>%d.%d</Weight></Package><Reference1>PO-%s</Reference1></Shipment>" % (V.chars(16, string.ascii_uppercase + string.digits), r.randint(1, 40), r.randint(0, 9), D(7))
    if fmt == "crypto-wallet-public-address-list":
        return "\n".join("%s  %s" % (lbl, "0x" + sha(r, 40)) for lbl in ["treasury", "payroll-hot", "donations"])
    if fmt == "hashed-email-audience-upload":
        return "email_sha256\n" + "\n".join(sha(r, 64) for _ in range(5))
    if fmt == "ticket-seat-barcode-list":
        return "Section,Row,Seat,Barcode\n" + "\n".join("%d,%s,%d,%s" % (r.randint(100, 330), r.choice("ABCDEFGH"), r.randint(1, 30), V.luhn_fail16()) for _ in range(4))
    if fmt == "vin-vehicle-fleet-register":
        return "unit,vin,plate\n" + "\n".join("%d,%s,%s" % (r.randint(1, 99), V.chars(17, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"), V.chars(3, string.ascii_uppercase) + "-" + D(4)) for _ in range(4))
    if fmt == "mychart-style-appointment-reminder-sms":
        return r.choice(["Reminder: appointment with Dr. Abernathy on 12/%02d at 9:40 AM, Suite 210. Reply C to confirm. Do not reply with personal information." % r.randint(1, 28),
                         "Erinnerung: Ihr Termin in der Praxis am %02d.12. um 10:15 Uhr. Bitte Versichertenkarte mitbringen." % r.randint(1, 28),
                         "Rappel : rendez-vous le %02d/12 à 14h30. Pensez à apporter votre carte Vitale et votre ordonnance." % r.randint(1, 28)])
    if fmt == "insurance-plan-brochure-benefits-table":
        return "Benefit | In-network | Out-of-network\nPrimary care visit | $25 copay | 40% after deductible\nSpecialist | $50 copay | 40%\nGeneric Rx (Tier 1) | $10 | not covered\nRx BIN 610014  PCN MEDDPRIME  (network identifiers, not member ids)"
    if fmt == "icd10-code-lookup-tool-help":
        return "How to search: type a keyword (e.g. 'diabetes') or the first three characters of a code. Codes have a letter, two digits, optional dot and up to four more characters. Example inputs are not saved."
    if fmt == "payroll-tax-table-publication":
        return "Wage bracket method — weekly payroll period\nIf wages are at least | but less than | withhold\n$0 | $285 | $0\n$285 | $295 | $1\n$295 | $305 | $2\nEmployer EIN format: NN-NNNNNNN (not shown)"
    if fmt == "w2-instructions-box-descriptions":
        return "Box a: Employee's social security number — enter the 9-digit number exactly as shown on the card (e.g. XXX-XX-XXXX).\nBox 1: Wages, tips, other compensation.\nBox 12 codes: D = elective deferrals to a 401(k)."
    if fmt == "kms-key-metadata-describe":
        return json.dumps({"KeyMetadata": {"AWSAccountId": D(12, "123456789"), "KeyId": uuid4(r), "Arn": "arn:aws:kms:eu-central-1:%s:key/%s" % (D(12, "123456789"), uuid4(r)), "KeyState": "Enabled", "KeyUsage": "ENCRYPT_DECRYPT", "CreationDate": r.randint(1600000000, 1790000000)}}, indent=2)
    if fmt == "iam-role-trust-policy-json":
        return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": V.chars(20, string.ascii_uppercase + string.digits)}}}]}, indent=2)
    if fmt == "npm-lockfile-integrity-hashes":
        return "\n".join('    "node_modules/%s": {\n      "version": "%d.%d.%d",\n      "integrity": "sha512-%s=="\n    },' % (p, r.randint(0, 9), r.randint(0, 20), r.randint(0, 20), V.chars(86, string.ascii_letters + string.digits + "+/")) for p in ["jsonwebtoken", "bcryptjs", "stripe"])
    if fmt == "registry-layer-pull-progress-output":
        return "\n".join("%s: Pull complete" % sha(r, 12) for _ in range(4)) + "\nDigest: sha256:%s\nStatus: Downloaded newer image for registry.example/api:%s" % (sha(r, 64), sha(r, 7))
    if fmt == "oauth-client-registration-public":
        return json.dumps({"client_id": V.chars(32, string.ascii_lowercase + string.digits), "redirect_uris": ["https://app.example/callback"], "token_endpoint_auth_method": "none", "grant_types": ["authorization_code"], "client_secret": None}, indent=2)
    if fmt == "password-manager-vault-item-masked":
        return "Login: billing portal\nUsername: qpemberton\nPassword: ••••••••••••  (click to reveal)\nTOTP: ●●● ●●●\nLast edited 2026-11-%02d" % r.randint(1, 28)
    if fmt == "screen-reader-login-form-html":
        return '<form method="post" action="/login"><label for="u">Email or username</label><input id="u" name="username" autocomplete="username"><label for="p">Password</label><input id="p" type="password" name="password" autocomplete="current-password" placeholder="Enter your password"><button>Sign in</button></form>'
    if fmt == "cvv-prose-checkout-help":
        return r.choice(["Where is the CVV? It's the 3-digit code on the back of Visa/Mastercard, or the 4-digit code on the front of Amex. We never store it.",
                         "Die Kartenprüfnummer (CVC) finden Sie auf der Rückseite Ihrer Karte. Geben Sie sie niemals per E-Mail weiter.",
                         "El código de seguridad (CVV) son los 3 dígitos del reverso. Nunca te lo pediremos por teléfono."])
    if fmt == "security-awareness-phishing-quiz":
        return "Q3. An email asks you to 'confirm your password' via a link. What do you do?\n a) reply with the password  b) report it with the Phish button  c) forward to a colleague\nAnswer: b. IT will never ask for your password or MFA code."
    if fmt == "imei-warranty-claim-form-text":
        return "Warranty claim\nDevice IMEI: %s\nSerial: %s\nPurchase order: PO-%s\nFault: screen flicker" % (imei(r), V.chars(11, string.ascii_uppercase + string.digits), D(7))
    if fmt == "isbn-bookshop-invoice-lines":
        return "\n".join("%s  %s  1 x %d.%02d" % (isbn13(r), t, r.randint(5, 60), r.randint(0, 99)) for t in ["Harbor Lights", "The Copper Orbit", "Tundra Notes"])
    if fmt == "bike-share-member-receipt":
        return "Ride receipt\nMember no. %s (annual pass)\nStart 08:%02d  End 08:%02d\nCharged to card ending %s\nTrip ID %s" % (D(9, "7"), r.randint(0, 29), r.randint(30, 59), D(4), uuid4(r))
    if fmt == "hotel-key-card-encoder-log":
        return "\n".join("ENC room=%d%02d checkout=2026-12-%02d keyid=%s door_ok" % (r.randint(1, 9), r.randint(1, 40), r.randint(1, 28), sha(r, 16)) for _ in range(4))
    if fmt == "clinical-trial-protocol-synopsis":
        return "Protocol NWX-%s synopsis. Population: adults with type 2 diabetes (HbA1c 7.5–10 %%). Primary endpoint: change in HbA1c at week 26. Subject identifiers are assigned by IWRS and not shown here." % D(3)
    if fmt == "drg-grouper-weight-table":
        return "MS-DRG,Description,Weight\n291,HEART FAILURE AND SHOCK WITH MCC,1.3392\n292,HEART FAILURE AND SHOCK WITH CC,0.8787\n871,SEPTICEMIA W/O MV >96 HOURS WITH MCC,1.8684"
    raise KeyError(fmt)

FORMATS = ["shopify-order-status-page-html", "marc21-library-catalog-record", "gs1-ean-price-list-semicolon", "mdm-device-inventory-imei-csv",
           "argo-rollout-revision-history", "otel-span-export-json", "grafana-loki-query-result", "bank-statement-reference-lines",
           "stripe-docs-quickstart-snippet", "aws-docs-credentials-example", "okta-password-policy-admin-page", "pam-auth-failure-syslog",
           "airline-frequent-flyer-statement", "supermarket-loyalty-app-json", "dotenv-example-template", "github-actions-workflow-secrets-ref",
           "django-auth-user-dump-bcrypt", "x509-certificate-chain-pem", "ssh-authorized-keys-file", "pos-receipt-masked-card", "card-bin-range-table-csv",
           "payment-gateway-avs-cvv-result-log", "washing-machine-error-code-manual", "office-room-booking-export", "health-blog-article-no-ids",
           "iso-8583-field-dump-masked", "kubernetes-secret-manifest-redacted", "sentry-scrubbed-event-json", "epoch-metrics-csv-export",
           "git-log-oneline-with-shas", "uuid-correlation-id-report", "invoice-register-accounts-payable", "parcel-tracking-notification-sms",
           "openapi-schema-password-field", "python-keyerror-password-traceback", "postgres-auth-failed-server-log", "ansible-vault-encrypted-vars",
           "jwt-debugging-header-only-note", "ssn-validation-unit-test-invalid-cases", "git-remote-and-ssh-host-config", "pharmacy-ndc-product-catalog",
           "npi-registry-provider-lookup", "hospital-visiting-hours-notice", "coupon-gift-card-balance-page", "luhn-failing-test-fixture-list",
           "employee-directory-no-contact", "placeholder-config-mustache", "terraform-plan-sensitive-masked", "chat-password-reset-advice-no-secret",
           "lab-analyzer-qc-run-log", "ups-worldship-export-xml", "crypto-wallet-public-address-list", "hashed-email-audience-upload",
           "ticket-seat-barcode-list", "vin-vehicle-fleet-register", "mychart-style-appointment-reminder-sms", "insurance-plan-brochure-benefits-table",
           "icd10-code-lookup-tool-help", "payroll-tax-table-publication", "w2-instructions-box-descriptions", "kms-key-metadata-describe",
           "iam-role-trust-policy-json", "npm-lockfile-integrity-hashes", "registry-layer-pull-progress-output", "oauth-client-registration-public",
           "password-manager-vault-item-masked", "screen-reader-login-form-html", "cvv-prose-checkout-help", "security-awareness-phishing-quiz",
           "imei-warranty-claim-form-text", "isbn-bookshop-invoice-lines", "bike-share-member-receipt", "hotel-key-card-encoder-log",
           "clinical-trial-protocol-synopsis", "drg-grouper-weight-table"]
