"""Hard negatives: look-alike identifiers, masked values, placeholders, hashes, docs and prose, codes outside medicine."""
T = []


def n(name, tpl, k=3):
    T.append((name, tpl, 0, k))


# ---- order, shipment and product identifiers
n("ebay-sales-record-csv", "Sales Record Number,Order Number,Item Number,Buyer Username,Tracking Number,Sale Date\n{NB},{NA}-{NC}-{NC},{ORDER},buyer_{NB},{TRACK},{DATEUS}\n")
n("aliexpress-order-detail-text", "Order ID: 8{BIG}\nOrder time: {DATE} {TIME}\nTracking number: LP00{ND}{NB}\nStore no.: {ND}\nTotal: US ${AMT}")
n("dhl-express-waybill-text", "DHL EXPRESS WORLDWIDE\nWaybill {ND}{NA}\nShipper account {NC}{NA}\nPieces 1/1  Weight 2.4 kg\nRef: PO-{ORDER}")
n("usps-click-n-ship-receipt-text", "USPS Tracking #: 9400 1{NA} {NB} {NB} {NB} {NB} {NA}\nPriority Mail 2-Day  ZIP {ZIP}\nLabel ID {ORDER}")
n("google-merchant-center-feed-tsv", "id\ttitle\tgtin\tmpn\tprice\tavailability\nSKU-{NB}\tTrail runner\t{ORDER}{NA}\tTR-{NC}\t{AMT} USD\tin stock\n")
n("warehouse-wms-pick-list-text", "PICK LIST  wave {NB}\nLPN {BIG}   loc A-12-03   qty 4\nLPN {BIG}   loc B-07-11   qty 1\nOrder {ORDER}  carrier UPS {TRACK}")
n("freight-pro-number-status-json", '{"proNumber":"{ND}{NA}","bol":"{ORDER}","status":"Delivered","signedBy":"DOCK 4","events":[{"ts":"{TS}","city":"{CITY}"}]}')
n("electronics-distributor-part-catalog-csv", "Mfr Part,Distributor PN,Desc,Qty\n9{NA}-{NB}-0{NA},{NA}-{ND}-ND,Connector 2x5,{NB}\n900-{NA}-{NB},{NA}-{ND}-ND,Heatsink,{NA}\n")
n("invoice-line-items-plain-text", "INVOICE {ORDER}\nCustomer no. {ND}\nPO {ORDER}\nLine 1  Widget  {AMT}\nBank ref {ACCT}\nDue {DATEUS}")
n("lottery-scratch-ticket-validation-log", "{TS} validate ticket={BIG} game=743 pack={NC} result=NON-WINNER")
# ---- serials, timestamps, hardware ids
n("smartctl-info-output", "Device Model:     ST4000NM0035-1V4107\nSerial Number:    ZC1{NC}\nLU WWN Device Id: 5 000c50 0{HEX}\nFirmware Version: TNC3\nLocal Time is:    {DATE} {TIME}")
n("dmidecode-system-information", "System Information\n\tManufacturer: Dell Inc.\n\tProduct Name: PowerEdge R650\n\tSerial Number: {NB}XYZ\n\tUUID: {UUID}\n\tSKU Number: SKU=0A{NB}")
n("lsusb-verbose-excerpt", "Bus 001 Device 004: ID 0781:5581 SanDisk Corp. Ultra\n  iSerial                 3 {BIG}{NB}\n  bcdDevice            1.00")
n("ntpq-peers-output", "     remote           refid      st t when poll reach   delay   offset  jitter\n*time1.example.  .GPS.            1 u   {NA}   64  377    1.{NA}   -0.{NA}   0.{NA}\n")
n("printer-configuration-page-ocr", "CONFIGURATION PAGE\nSerial number: CNB{NC}\nMAC: 3C:52:82:{NA}:1A:0F\nPage count: {NC}\nFirmware datecode: {ND}")
n("sensor-telemetry-hex-frame-log", "{TS} rx frame={HEX}{HEX2} rssi=-71 snr=7.5 devaddr=26{NC}")
# ---- hashes, digests, non-secret randoms
n("wordpress-wp-users-table-dump", "ID\tuser_login\tuser_pass\tuser_registered\n{NA}\teditor{NA}\t$P$B{HEX}{HEX2}\t{DATE} {TIME}:00\n")
n("aspnet-identity-aspnetusers-dump", "Id|UserName|PasswordHash|SecurityStamp\n{UUID}|user{NB}|AQAAAAIAAYagAAAAE{HEX}{HEX2}{HEX3}==|{HEX}\n")
n("keycloak-credential-table-dump", " id | type | secret_data | credential_data\n {UUID} | password | {\"value\":\"{SHA}\",\"salt\":\"{HEX}\"} | {\"hashIterations\":27500,\"algorithm\":\"pbkdf2-sha256\"}\n")
n("sha256sums-release-file", "{SHA}  app-linux-amd64.tar.gz\n{SHA2}  app-darwin-arm64.tar.gz\n")
n("git-bisect-log", "git bisect start\n# bad: [{SHAONE}] Fix flaky test\ngit bisect bad {SHAONE}\n# good: [{SHAONE2}] Release 4.2\ngit bisect good {SHAONE2}")
n("sigstore-rekor-log-entry-json", '{"logIndex":{ND},"integratedTime":{EPOCH},"body":{"spec":{"data":{"hash":{"algorithm":"sha256","value":"{SHA}"}}}},"logID":"{SHA2}"}')
n("laravel-encrypted-cookie-header", "Set-Cookie: laravel_session=eyJpdiI6Ik{HEX}In0%3D; expires={DATE}; path=/; httponly\nSet-Cookie: XSRF-TOKEN=eyJpdiI6IlF{HEX2}In0%3D; path=/")
# ---- masked and redacted values
n("bank-app-card-management-screen-text", "Your cards\nVisa Debit •••• {LASTF}  Exp {EXP}\nMastercard •••• {LASTF2}  Frozen\nCVV: tap to reveal\nReplace card")
n("call-recording-pci-pause-transcript", "Agent: I'll pause the recording while you read the card number.\n[RECORDING PAUSED 00:01:12]\nAgent: Thanks, the payment of ${AMT} went through, confirmation {ORDER}.")
n("patient-portal-masked-profile-text", "Profile\nMRN: ******{NA}\nMember ID: XXXXXXX{LASTF}\nPhone: (***) ***-{LASTF2}\nEmail: j***@***.com")
n("payroll-stub-masked-ssn-text", "EARNINGS STATEMENT\nEmployee ID {NB}\nSSN: XXX-XX-{LASTF}\nNet pay ${AMT}\nDirect deposit ****{LASTF2}")
# ---- placeholders, templates, config keys with no value
n("spring-configuration-metadata-json", '{"properties":[{"name":"app.datasource.password","type":"java.lang.String","description":"Database password."},{"name":"app.stripe.secret-key","type":"java.lang.String","description":"Stripe secret key; set via env."}],"_id":"{UUID}"}')
n("twelve-factor-config-reference-md", "| Variable | Required | Description |\n|---|---|---|\n| `DATABASE_PASSWORD` | yes | password for the app user |\n| `SENDGRID_API_KEY` | yes | API key with Mail Send scope |\n| `JWT_SECRET` | yes | at least 32 random bytes |\n\n_rev {HEX}_")
n("values-schema-json-secret-fields", '{"$schema":"http://json-schema.org/draft-07/schema#","properties":{"auth":{"properties":{"password":{"type":"string","minLength":12},"apiKey":{"type":"string","pattern":"^[A-Za-z0-9]{32}$"}}}},"$id":"urn:{UUID}"}')
n("ci-secrets-setup-guide-md", "## Secrets\n1. Go to Settings → Secrets → Actions.\n2. Add `NPM_TOKEN` (an automation token) and `AWS_SECRET_ACCESS_KEY`.\n3. Reference them as `${{ secrets.NPM_TOKEN }}`; never echo them.\nLast reviewed {DATE}.")
n("mail-merge-template-with-fields", "Dear «FirstName»,\nYour member ID is «MemberID» and your card ending «Last4» will be charged on «DueDate».\nCall «ClinicPhone». Ref {ORDER}")
n("jinja-email-template-source", "Hi {{ user.first_name }},\nYour reset code is {{ code }}. Your API key ends in {{ key[-4:] }}.\nTemplate id {HEX}")
n("connection-string-placeholder-doc", "Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;\n# replace myPassword with the value from Key Vault (doc rev {NB})")
# ---- docs, prose, policies
n("ad-fine-grained-password-policy-output", "Name                        : PSO-Admins\nComplexityEnabled           : True\nLockoutThreshold            : 5\nMaxPasswordAge              : 60.00:00:00\nMinPasswordLength           : {NA}\nPasswordHistoryCount        : 24\nPrecedence                  : 10")
n("keycloak-password-policy-attribute", "passwordPolicy: \"length({NA}) and digits(1) and upperCase(1) and specialChars(1) and notUsername(undefined) and passwordHistory(5)\"")
n("it-helpdesk-kb-password-reset-article", "How to reset your password\n1. Open the self-service portal.\n2. Choose 'Forgot password'.\n3. Your new password must be at least 14 characters and must not reuse your last 10 passwords.\nIT never asks for your password by phone or email. Article KB{NC}.")
n("security-awareness-slide-text", "Slide {NA}: API keys are passwords\n- Never paste keys in chat\n- Rotate keys when someone leaves\n- Use a secret manager; a leaked key should be revoked within one hour")
n("rfc6750-bearer-token-excerpt", "The client accesses protected resources by presenting the access token to the resource server:\n  GET /resource HTTP/1.1\n  Host: server.example.com\n  Authorization: Bearer mF_9.B5f-4.1JqM\n(section 2.1, page {NA})")
n("pci-dss-saq-excerpt", "3.3.1 The card verification code is not stored upon completion of the authorization process.\n3.4.1 PAN is masked when displayed (the BIN and last four digits are the maximum number of digits to be displayed). Ref {NC}")
n("forum-thread-about-key-rotation", "Re: leaked key in public repo\nWe rotated the key within 20 minutes, revoked the old token and enabled secret scanning. Lesson: keep credentials out of the repo. (post #{NC})")
n("razorpay-docs-test-mode-snippet", "Use your test API keys from the Dashboard while integrating:\nkey_id: rzp_test_XXXXXXXXXXXXXX\nkey_secret: YYYYYYYYYYYYYYYYYYYY\nSwitch to live keys only after KYC. (doc {NB})")
# ---- look-alike codes outside medicine
n("car-fuse-box-legend-text", "FUSE BOX (engine bay)\nF{NA}  20A  Radio\nF32   15A  Horn\nF45   10A  ABS module\nJ11   40A  Blower\nModel year {NB}")
n("vaillant-boiler-fault-code-table", "F22  Low water pressure\nF28  Ignition failure\nF29  Flame loss\nF75  Pump/pressure sensor fault\nService hotline open 8-18 (ref {NC})")
n("library-lc-call-number-shelf-list", "Call number       Title\nQA76.73 .P98 2026  Python for data\nR726.8 .K65       On Death and Dying\nHD30.2 .M35       Management\nBarcode 3{ND}{NC}")
n("mta-bus-service-change-notice", "SERVICE CHANGE  {DATEUS}\nM15 SBS buses detour via 2nd Ave\nB41 and Q58 run local\nS79 no change\nNotice {NC}")
n("sheets-apps-script-range-code", "const range = sheet.getRange('E11:J45');\nsheet.getRange('K21').setFormula('=SUM(E11:E55)');\n// build {HEX}")
n("conference-room-booking-export-csv", "Room,Floor,Start,End,Organizer\nB12,1,{DATE} {TIME},{DATE} {TIME2},team-{NB}\nC50,3,{DATE} 10:00,{DATE} 11:00,team-{NA}\n")
n("steel-grade-mill-certificate-text", "MILL TEST CERTIFICATE {NC}\nGrade S355J2 / S235JR\nHeat no. {ND}\nC 0.16  Mn 1.42  Si 0.21\nTensile 510 MPa")
n("ham-radio-contest-log-cabrillo", "START-OF-LOG: 3.0\nCONTEST: CQ-WW-SSB\nQSO: 14200 PH {DATE} {NB} W1AW 59 05 DL1ABC 59 14\nQSO: 21300 PH {DATE} {NB} W1AW 59 05 JA1XYZ 59 25")
# ---- health text without identifiers, insurance without member ids
n("aca-marketplace-plan-list-json", '{"plans":[{"id":"{NC}NY00{NC}","name":"Silver 70 HMO","metal_level":"Silver","premium":{AMT},"issuer":{"name":"Example Health"}}],"year":2026}')
n("part-d-formulary-file-psv", "FORMULARY_ID|RXCUI|NDC|TIER_LEVEL_VALUE|PRIOR_AUTH_YN\n000{ND}|{NC}|{ND}{NA}|2|N\n000{ND}|{NC}|{ND}{NA}|4|Y\n")
n("hospital-cafeteria-menu-text", "Cafeteria menu week {NA}\nMon: lentil soup, grilled chicken\nTue: vegetable curry\nDiabetic-friendly options marked (D). Ext. {NB}")
n("clinic-parking-permit-log-csv", "permit,plate,lot,valid_from\nP{NC},{NB}-XYZ,B,{DATE}\nP{NC},{NB}-ABC,C,{DATE}\n")
