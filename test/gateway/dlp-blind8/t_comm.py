"""Messaging, telecom, CRM, HR, ticketing, mobile crash reports, IoT; labels in many languages."""
import json
from core8 import T, UP, LO, DG


@T("plivo-inbound-sms-callback")
def _(g):
    return {"From": g.ph("us_e164").lstrip("+"), "To": "1415" + g.num(7), "Type": "sms", "Text": f"STOP. Also my new number is {g.ph('us_dash')}", "MessageUUID": g.uuid(), "TotalRate": "0.00000"}


@T("infobip-sms-advanced-request")
def _(g):
    return {"messages": [{"destinations": [{"to": g.ph("de").replace(" ", "").lstrip("+")}], "from": "Praxis", "text": f"Ihr Termin am {g.date()} um 10:15 ist bestätigt. Absage: {g.ph('de_nat')}"}]}


@T("africastalking-sms-send-form")
def _(g):
    return {"body": f"username={g.word()}&to=%2B{g.ph('ng').replace(' ', '').lstrip('+')}&message=Your+OTP+is+{g.num(6)}&from=AFTKNG", "headers": {"apiKey": g.key("hex64")}}


@T("clicksend-sms-history-csv")
def _(g):
    rows = [f"{g.date()} {g.hms()},{g.ph('au_e164')},Delivered,\"Reminder: invoice {g.num(6)} due\"" for _ in range(2)]
    return {"csv": "date,to,status,body\n" + "\n".join(rows)}


@T("esendex-inbound-message-xml")
def _(g):
    return {"xml": f"<InboundMessage><Id>{g.uuid()}</Id><MessageId>{g.uuid()}</MessageId><AccountId>{g.uuid()}</AccountId><MessageText>call me back on {g.ph('uk_ldn')}</MessageText><From>{g.ph('uk_e164').replace(' ', '')}</From><To>447860000000</To></InboundMessage>"}


@T("46elks-sms-webhook-form")
def _(g):
    return {"form": {"id": "s" + g.hexs(32), "from": g.ph("se").replace("-", "").replace(" ", ""), "to": "+46766861004", "message": "Hej, jag blir sen", "created": g.ts()}}


@T("kannel-access-log-line")
def _(g):
    return {"line": f"{g.date()} {g.hms()} Receive SMS [SMSC:gsm-modem] [SVC:] [ACT:] [BINF:] [FID:] [from:{g.ph('ke').replace(' ', '')}] [to:22141] [flags:-1:0:-1:0:-1] [msg:9:BAL 2024] [udh:0:]"}


@T("gammu-smsd-inbox-file")
def _(g):
    return {"filename": f"IN{g.date().replace('-', '')}_{g.hms().replace(':', '')}_00_{g.ph('pl').replace(' ', '')}_00.txt", "content": "Prosze o kontakt w sprawie faktury"}


@T("hlr-lookup-api-response")
def _(g):
    return {"msisdn": g.ph("it").replace(" ", "").lstrip("+"), "status": "DELIVERED", "mccmnc": "22210", "ported": False, "roaming": False, "original_network": "Vodafone IT", "id": g.hexs(24)}


@T("cnam-lookup-response")
def _(g):
    return {"number": g.ph("us_e164"), "caller_name": g.last().upper() + " " + g.first()[0], "carrier": "Verizon Wireless", "line_type": "mobile"}


@T("freeswitch-cdr-json")
def _(g):
    return {"variables": {"uuid": g.uuid(), "caller_id_number": g.ph("fr").replace(" ", ""), "destination_number": g.ph("fr_e164").replace(" ", ""), "billsec": str(g.ri(1, 900)), "hangup_cause": "NORMAL_CLEARING", "start_stamp": g.date() + " " + g.hms()}}


@T("kamailio-syslog-invite-line")
def _(g):
    return {"line": f"{g.date()} {g.hms()} sbc1 /usr/sbin/kamailio[{g.ri(1000, 9999)}]: INFO: <script>: INVITE from sip:{g.ri(100, 999)}@{g.ip()} to sip:{g.ph('es').replace(' ', '')}@{g.pubip()};user=phone src={g.ip()}:5060"}


@T("ussd-gateway-session-log")
def _(g):
    return {"log": f"{g.ts()} session={g.hexs(12)} msisdn={g.ph('ng').replace(' ', '')} input=*901*1# menu=balance\n{g.ts()} session={g.hexs(12)} response=\"Your balance is NGN {g.amt()}\""}


@T("esim-activation-code-email")
def _(g):
    return {"email": f"Hello {g.first()},\nyour eSIM for {g.ph('nl')} is ready. Open the link in the app on the phone itself to install it.\nConfirmation: {g.num(8)}"}


@T("freshsales-contact-create")
def _(g):
    f, l = g.first(), g.last()
    return {"contact": {"first_name": f, "last_name": l, "emails": [{"value": g.em(f, l), "is_primary": True}], "mobile_number": g.ph("in"), "job_title": "Procurement Lead", "lead_source_id": g.ri(1, 99)}}


@T("copper-people-search-result")
def _(g):
    return [{"id": g.ri(10 ** 8, 10 ** 9), "name": g.name(), "emails": [{"email": g.em(), "category": "work"}], "phone_numbers": [{"number": g.ph("us"), "category": "mobile"}], "company_name": g.co()}][0] | {"page": 1}


@T("insightly-contact-json")
def _(g):
    return {"CONTACT_ID": g.ri(10 ** 8, 10 ** 9), "FIRST_NAME": g.first(), "LAST_NAME": g.last(), "EMAIL_ADDRESS": g.em(), "PHONE": g.ph("uk_ldn"), "DATE_CREATED_UTC": g.ts()}


@T("keap-contact-rest-v1")
def _(g):
    return {"given_name": g.first(), "family_name": g.last(), "email_addresses": [{"email": g.em(), "field": "EMAIL1"}], "phone_numbers": [{"number": g.ph("ca"), "field": "PHONE1"}], "opt_in_reason": "webform"}


@T("activecampaign-contact-sync")
def _(g):
    return {"contact": {"email": g.em(), "firstName": g.first(), "lastName": g.last(), "phone": g.ph("mx"), "fieldValues": [{"field": "3", "value": "VIP"}]}}


@T("amocrm-lead-complex-add")
def _(g):
    return [{"name": "Заявка с сайта", "price": g.ri(1000, 90000), "_embedded": {"contacts": [{"first_name": g.first(), "custom_fields_values": [{"field_code": "PHONE", "values": [{"value": g.ph("ru")}]}, {"field_code": "EMAIL", "values": [{"value": g.em()}]}]}]}}][0]


@T("attio-record-webhook")
def _(g):
    return {"event_type": "record.created", "record": {"values": {"name": [{"full_name": g.name()}], "email_addresses": [{"email_address": g.em()}], "phone_numbers": [{"original_phone_number": g.ph("fr_e164")}]}}}


@T("highlevel-inbound-webhook")
def _(g):
    return {"type": "ContactCreate", "locationId": g.chars(UP + LO + DG, 20), "firstName": g.first(), "email": g.em(), "phone": g.ph("us_e164"), "tags": ["facebook-lead"], "dateAdded": g.ts()}


@T("zendesk-sell-lead-json")
def _(g):
    return {"data": {"id": g.ri(10 ** 6, 10 ** 7), "first_name": g.first(), "last_name": g.last(), "organization_name": g.co(), "email": g.em(), "mobile": g.ph("za"), "status": "New"}}


@T("bamboohr-employee-get")
def _(g):
    return {"id": str(g.ri(100, 9999)), "firstName": g.first(), "lastName": g.last(), "workEmail": g.em(), "mobilePhone": g.ph("us"), "ssn": g.ssn(), "dateOfBirth": g.dob(), "department": "Finance"}


@T("rippling-employee-export-csv")
def _(g):
    return {"csv": "Legal name,Work email,Personal phone,SSN,Start date\n" + f"{g.name()},{g.em()},{g.ph('us_dash')},{g.ssn()},{g.date()}"}


@T("paychex-flex-worker-post")
def _(g):
    return {"workerType": "EMPLOYEE", "name": {"givenName": g.first(), "familyName": g.last()}, "legalId": {"legalIdType": "SSN", "legalIdValue": g.ssn(None)}, "birthDate": g.dob(), "hireDate": g.date()}


@T("paycom-new-hire-import-txt")
def _(g):
    return {"line": f"{g.num(4)}|{g.last()}|{g.first()}|{g.ssn()}|{g.dob()}|{g.street()}|Tulsa|OK|74103|{g.ph('us_dash')}|{g.em()}"}


@T("dayforce-employee-patch")
def _(g):
    return {"XRefCode": "E" + g.num(5), "SocialSecurityNumber": g.ssn(None), "Contacts": {"Items": [{"ContactInformationType": {"XRefCode": "PersonalMobile"}, "ContactNumber": g.ph("us_dash")}]}}


@T("ukg-pro-person-details")
def _(g):
    return {"employeeId": g.hexs(12).upper(), "firstName": g.first(), "lastName": g.last(), "nationalId": g.ssn(), "nationalIdCountry": "USA", "homePhone": g.ph("us"), "emailAddress": g.em()}


@T("greenhouse-candidate-json")
def _(g):
    return {"id": g.ri(10 ** 7, 10 ** 8), "first_name": g.first(), "last_name": g.last(), "email_addresses": [{"value": g.em(), "type": "personal"}], "phone_numbers": [{"value": g.ph("de"), "type": "mobile"}], "applications": [{"job": "Backend Engineer"}]}


@T("lever-opportunity-json")
def _(g):
    return {"data": {"id": g.uuid(), "name": g.name(), "emails": [g.em()], "phones": [{"value": g.ph("uk_mob")}], "stage": "phone-screen", "origin": "sourced"}}


@T("workable-candidate-webhook")
def _(g):
    return {"event": "candidate_created", "data": {"name": g.name(), "email": g.em(), "phone": g.ph("gr"), "job": {"shortcode": g.HEX(10)}, "answers": [{"question": "Notice period", "answer": "1 month"}]}}


@T("personio-employee-attributes")
def _(g):
    return {"data": {"type": "Employee", "attributes": {"first_name": {"label": "Vorname", "value": g.first()}, "email": {"label": "E-Mail", "value": g.em()}, "dynamic_123": {"label": "Telefon privat", "value": g.ph("de_nat")}}}}


@T("hibob-people-search-json")
def _(g):
    return {"employees": [{"id": g.num(18), "displayName": g.name(), "email": g.em(), "home": {"mobilePhone": g.ph("il")}, "work": {"title": "CSM"}}]}


@T("deel-contract-onboarding-form")
def _(g):
    return {"contractor": {"name": g.name(), "email": g.em(), "phone": g.ph("co"), "country": "CO", "tax_residence": "CO", "us_person": True, "us_ssn": g.ssn()}}


@T("everify-case-create-json")
def _(g):
    return {"case_number": g.num(15, "2026"), "first_name": g.first(), "last_name": g.last(), "ssn": g.ssn(None), "citizenship_status_code": "US_CITIZEN", "document_type": "US_PASSPORT", "case_status": "EMPLOYMENT_AUTHORIZED"}


@T("direct-deposit-authorization-form-text")
def _(g):
    return {"ocr": f"DIRECT DEPOSIT AUTHORIZATION\nEmployee Name: {g.name()}\nSocial Security #: {g.ssn()}\nBank: Tidewater CU   Account type: Checking\nPhone: {g.ph('us')}\nSignature ____  Date {g.date()}"}


@T("glpi-ticket-followup-json")
def _(g):
    return {"itemtype": "Ticket", "items_id": g.ri(1000, 99999), "content": f"<p>User cannot log in to the VPN. Temporary password set to {g.pw()} — they must change it at next login.</p>", "is_private": 0}


@T("osticket-email-pipe-json")
def _(g):
    return {"alert": True, "source": "Email", "name": g.name(), "email": g.em(), "phone": g.ph("ie"), "subject": "Locked out", "message": f"data:text/plain,Hi, my account is locked. Old password was {g.pw()} if that helps."}


@T("request-tracker-rest2-ticket")
def _(g):
    return {"Queue": "Helpdesk", "Subject": "shared mailbox access", "Requestor": g.em(), "Content": f"Please grant access. Phone {g.ph('nl')}.", "ContentType": "text/plain"}


@T("sdp-plus-request-json")
def _(g):
    return {"request": {"subject": "Printer 3rd floor", "requester": {"name": g.name(), "email_id": g.em(), "mobile": g.ph("in")}, "description": "Paper jam every morning", "priority": {"name": "Low"}}}


@T("topdesk-incident-post")
def _(g):
    return {"callerLookup": {"email": g.em()}, "briefDescription": "Wachtwoord reset", "request": f"Beste servicedesk, mijn nieuwe wachtwoord is {g.pw()} maar werkt niet. Bel me op {g.ph('nl')}.", "callType": {"name": "Storing"}}


@T("trac-ticket-rpc-xml")
def _(g):
    return {"xml": f"<methodCall><methodName>ticket.create</methodName><params><param><value><string>DB connection refused</string></value></param><param><value><string>staging DSN is postgres://app:{g.pw('gen_url')}@db-stg/app, fails since {g.date()}</string></value></param></params></methodCall>"}


@T("shortcut-story-comment-webhook")
def _(g):
    return {"actions": [{"entity_type": "story-comment", "action": "create", "text": f"For QA: the test merchant account logs in with demo-{g.word()} / {g.pw()}"}], "changed_at": g.ts()}


@T("azure-boards-work-item-json")
def _(g):
    return {"id": g.ri(1000, 99999), "fields": {"System.Title": "SFTP upload fails", "System.Description": f"<div>Partner shared new SFTP login: user <b>acme_in</b> password <b>{g.pw()}</b></div>", "System.State": "Active"}}


@T("phabricator-maniphest-comment")
def _(g):
    return {"transactions": [{"type": "comment", "value": f"Repro: `mysql -h db3 -u report -p{g.pw('gen_url')} reporting` then run the query in P{g.ri(100, 999)}"}], "objectIdentifier": "T" + str(g.ri(1000, 9999))}


@T("embrace-crash-session-json")
def _(g):
    return {"session_id": g.uuid(), "app_version": g.ver(), "crash": {"exception": "NSInvalidArgumentException", "user_info": {"email": g.em()}, "breadcrumbs": [f"tapped Login for {g.vals['email'][0]}"]}, "device": {"model": "iPhone15,3", "os": "17.6"}}


@T("backtrace-crash-attributes-json")
def _(g):
    return {"uuid": g.uuid(), "attributes": {"application": g.word(), "application.version": g.ver(), "user.email": g.em(), "user.phone": g.ph("se"), "error.message": "SIGSEGV in libengine.so"}}


@T("countly-crash-report-json")
def _(g):
    return {"app_key": g.hexs(40), "device_id": g.uuid(), "crash": json.dumps({"_os": "Android", "_app_version": g.ver(), "_error": "java.lang.IllegalStateException: token refresh failed", "_custom": {"last_request_auth": "Bearer " + g.jwt()}})}


@T("android-tombstone-abort-message")
def _(g):
    return {"tombstone": f"*** *** *** *** *** *** *** *** *** *** *** *** *** *** *** ***\nBuild fingerprint: 'google/shiba/shiba:14/AP2A/{g.num(8)}:user/release-keys'\npid: {g.ri(1000, 30000)}, tid: {g.ri(1000, 30000)}, name: OkHttp Dispatch  >>> com.{g.word()}.app <<<\n"
                          f"Abort message: 'FORTIFY: auth header too long: Bearer {g.jwt()}'\nsignal 6 (SIGABRT), code -1 (SI_QUEUE)"}


@T("metrickit-diagnostic-payload-json")
def _(g):
    return {"crashDiagnostics": [{"diagnosticMetaData": {"appVersion": g.ver(), "exceptionType": 1, "signal": 11, "bundleIdentifier": f"com.{g.word()}.ios"}, "callStackTree": {"callStackPerThread": True}}], "timeStampBegin": g.ts()}


@T("kscrash-report-user-section")
def _(g):
    return {"report": {"id": g.uuid(), "timestamp": g.epoch()}, "user": {"account_email": g.em(), "session_pin": None, "last_screen": "CheckoutViewController"}, "crash": {"error": {"type": "signal", "signal": {"name": "SIGBUS"}}}}


@T("datadog-rum-error-event")
def _(g):
    return {"type": "error", "date": g.ms(), "application": {"id": g.uuid()}, "usr": {"id": g.hexs(12), "email": g.em()}, "error": {"message": "POST /api/checkout 500", "resource": {"url": f"https://api.{g.word()}.shop/checkout?phone={g.ph('us_e164').replace('+', '%2B')}"}}}


@T("tuya-cloud-device-token-response")
def _(g):
    return {"success": True, "t": g.ms(), "result": {"access_token": g.key("hex32"), "refresh_token": g.hexs(32), "expire_time": 7200, "uid": "bay" + g.num(13)}}


@T("blynk-device-http-api")
def _(g):
    return {"url": f"https://blynk.cloud/external/api/update?token={g.sec(g.chars(UP + LO + DG + '-_', 32))}&V1={g.ri(10, 40)}.{g.ri(0, 9)}"}


@T("thingsboard-device-credentials-json")
def _(g):
    return {"id": {"id": g.uuid()}, "deviceId": {"entityType": "DEVICE", "id": g.uuid()}, "credentialsType": "MQTT_BASIC", "credentialsValue": json.dumps({"clientId": "meter-" + g.num(4), "userName": "meter", "password": g.pw()})}


@T("sigfox-callback-payload")
def _(g):
    return {"device": g.HEX(6), "time": g.epoch(), "data": g.hexs(24), "seqNumber": g.ri(1, 4000), "lqi": "Good", "deviceTypeId": g.hexs(24)}


@T("platformio-ini-wifi-flags")
def _(g):
    return {"platformio.ini": f"[env:esp32dev]\nplatform = espressif32\nboard = esp32dev\nframework = arduino\nbuild_flags =\n  -DWIFI_SSID=\\\"{g.word()}-iot\\\"\n  -DWIFI_PASS=\\\"{g.pw()}\\\"\n  -DMQTT_HOST=\\\"{g.ip()}\\\"\n"}


@T("balena-device-env-vars-json")
def _(g):
    return {"d": [{"name": "INFLUX_TOKEN", "value": g.key("b64_32")[:43].replace("+", "-") + "==", "device": {"__id": g.ri(10 ** 6, 10 ** 7)}}, {"name": "LOG_LEVEL", "value": "info"}]}


@T("samsara-driver-api-json")
def _(g):
    return {"data": [{"id": str(g.ri(10 ** 6, 10 ** 7)), "name": g.name(), "phone": g.ph("us_dash"), "username": g.first().lower(), "password": g.pw(), "licenseState": "TX"}]}


@T("hu-szolgaltato-sms-wifi")
def _(g):
    return {"sms": f"Kedves Ügyfelünk! Az új routere telepítve. WiFi név: {g.word()}-5G, jelszó: {g.pw()}. Ügyfélszolgálat: {g.ph('hu')}"}


@T("email-cs-reklamace")
def _(g):
    return {"predmet": "Reklamace objednávky", "telo": f"Dobrý den,\nposílám číslo objednávky {g.num(8)}. Kontaktujte mě prosím na telefonu {g.ph('cz')} nebo e-mailu {g.em()}.\nS pozdravem {g.name()}"}


@T("sms-ro-curier")
def _(g):
    return {"sms": f"Curierul ajunge azi intre 12-14. Pentru reprogramare sunati la {g.ph('ro')}. AWB {g.num(10)}"}


@T("viber-gr-business-message")
def _(g):
    return {"message": {"type": "text", "text": f"Γεια σας, ο κωδικός πρόσβασης για το portal είναι {g.pw()} — αλλάξτε τον μετά την πρώτη σύνδεση."}, "sender": {"name": "Εξυπηρέτηση"}, "receiver": g.ph("gr").replace(" ", "")}


@T("email-fi-taloyhtio")
def _(g):
    return {"aihe": "Saunavuorot", "viesti": f"Hei,\nuusi saunavuorolista on liitteenä. Isännöitsijä tavoittaa numerosta {g.ph('fi')}.\nTerveisin {g.name()}, {g.em()}"}


@T("chat-da-kundeservice")
def _(g):
    return {"samtale": [{"fra": "kunde", "tekst": f"Mit kortnummer er {g.cc('visa', ' ')} og udløb {g.ri(1, 12):02d}/{g.ri(27, 31)}, kontrolcifre {g.cvv()}"}, {"fra": "agent", "tekst": "Tak, betalingen er gennemført."}]}


@T("form-no-legetime-bestilling")
def _(g):
    return {"skjema": {"navn": g.name(), "mobilnummer": g.ph("no"), "epost": g.em(), "årsak": "resept fornyelse", "fødselsdato": g.dob()}}


@T("whatsapp-cloud-api-webhook-he")
def _(g):
    return {"messages": [{"from": g.ph("il").replace("-", ""), "text": {"body": f"שלום, הסיסמה החדשה שלי למערכת היא {g.pw()} אבל היא לא עובדת"}, "timestamp": str(g.epoch())}]}


@T("telegram-bot-api-update-fa")
def _(g):
    return {"update_id": g.ri(10 ** 8, 10 ** 9), "message": {"chat": {"id": g.ri(10 ** 8, 10 ** 9)}, "text": f"سلام، شماره تماس من {g.ph('ir')} است. لطفا تماس بگیرید."}}


@T("line-th-oa-webhook")
def _(g):
    return {"events": [{"type": "message", "message": {"type": "text", "text": f"รหัสผ่านใหม่คือ {g.pw()} ค่ะ"}, "source": {"type": "user", "userId": "U" + g.hexs(32)}, "timestamp": g.ms()}]}


@T("email-id-tagihan")
def _(g):
    return {"subjek": "Konfirmasi pembayaran", "isi": f"Yth. {g.name()},\nPembayaran kartu kredit Anda berhasil. Nomor kartu {g.cc('visa')}, CVV {g.cvv()} (mohon jangan dibagikan).\nHubungi kami di {g.ph('id')}."}


@T("form-uk-zayavka-likar")
def _(g):
    return {"форма": {"ПІБ": g.name(), "Телефон": g.ph("ua"), "Електронна пошта": g.em(), "Номер медичної картки": g.mrn(), "Діагноз (МКХ-10)": g.icd()}}


@T("sms-sr-apoteka")
def _(g):
    return {"poruka": f"Apoteka: vaš lek je spreman. Broj kartona (MRN) {g.mrn('num7')}. Info {g.ph('ro').replace('07', '+381 6', 1)}"}


@T("email-bg-bolnica")
def _(g):
    return {"тема": "Резултати", "текст": f"Здравейте, резултатите на пациент {g.name()} (ИЗ/МРН {g.mrn()}) са готови. Диагноза по МКБ-10: {g.icd()}."}


@T("chat-lt-eshop")
def _(g):
    return {"pokalbis": [f"Klientas: mano el. paštas {g.em()}, tel. {g.ph('pl').replace('+48', '+370')}", "Operatorius: ačiū, perduosiu kurjeriui"]}


@T("email-et-tervisekassa")
def _(g):
    return {"kiri": f"Tere,\nteie ravikindlustuse number (isikukood) on registris. Poliisi number: {g.hin('policy')}.\nKüsimuste korral helistage {g.ph('fi').replace('040', '+372 5')}."}


@T("form-ca-inscripcio-casal")
def _(g):
    return {"formulari": {"nom": g.name(), "telèfon": g.ph("es"), "correu electrònic": g.em(), "targeta sanitària (CIP)": g.hin("policy"), "al·lèrgies": "fruits secs"}}


@T("sms-cy-meddygfa")
def _(g):
    return {"neges": f"Meddygfa {g.city()}: apwyntiad {g.date()} 09:20. Rhif cofnod meddygol (MRN) {g.mrn('alpha')}. Canslo: {g.ph('uk_ldn')}"}


@T("chat-sw-mpesa-msaada")
def _(g):
    return {"ujumbe": [f"Mteja: nambari yangu ni {g.ph('ke')}, nimetuma pesa kimakosa", "Wakala: tafadhali tuma kitambulisho cha muamala"]}


@T("email-bn-hospital-report")
def _(g):
    return {"বিষয়": "রিপোর্ট", "বার্তা": f"রোগীর নাম {g.name()}, এমআরএন {g.mrn()}, রোগ নির্ণয় ICD-10 {g.icd()}। যোগাযোগ {g.ph('bd')}"}


@T("form-ta-clinic-registration")
def _(g):
    return {"படிவம்": {"பெயர்": g.name(), "கைபேசி": g.ph("in"), "மின்னஞ்சல்": g.em(), "காப்பீட்டு எண்": g.hin("policy")}}


@T("sms-ur-bank-otp-warning")
def _(g):
    return {"sms": f"آپ کا پاس ورڈ {g.pw()} ہے۔ کسی کو نہ بتائیں۔ مدد کے لیے {g.ph('pk')} پر کال کریں"}


@T("chat-ms-kedai-online")
def _(g):
    return {"mesej": [f"Pelanggan: nombor telefon saya {g.ph('my')}, emel {g.em()}", "Penjual: baik, saya hantar invois"]}


@T("email-vi-dat-lich-kham")
def _(g):
    return {"tieu_de": "Xác nhận lịch khám", "noi_dung": f"Kính gửi {g.name()}, lịch khám của bạn vào {g.date()}. Mã hồ sơ bệnh án (MRN): {g.mrn()}. Số thẻ BHYT: {g.sec('DN' + g.chars(DG, 13), 'health_insurance_number')}. Hotline {g.ph('vn')}."}


@T("kk-sms-emhana")
def _(g):
    return {"sms": f"Емхана: қабылдау {g.date()} 11:00. Сұрақтар бойынша {g.ph('ru').replace('+7 9', '+7 7')}"}


@T("az-email-sigorta")
def _(g):
    return {"mövzu": "Sığorta", "mətn": f"Hörmətli {g.name()}, tibbi sığorta polis nömrəniz {g.hin('policy')}. Əlaqə: {g.em()}"}


@T("ka-chat-clinic")
def _(g):
    return {"შეტყობინება": f"გამარჯობა, ჩემი ტელეფონი {g.ph('tr').replace('0 (5', '+995 (5')} და ელფოსტა {g.em()}"}


@T("hy-form-dental")
def _(g):
    return {"ձև": {"Անուն": g.name(), "Հեռախոս": g.ph("fr_e164").replace("+33", "+374"), "Էլ. փոստ": g.em()}}


@T("mn-email-emneleg")
def _(g):
    return {"гарчиг": "Шинжилгээ", "агуулга": f"Өвчтөн {g.name()}, өвчний түүхийн дугаар (MRN) {g.mrn()}, онош ICD-10 {g.icd()}."}


@T("is-sms-heilsugaesla")
def _(g):
    return {"sms": f"Heilsugæslan: tími {g.date()} kl. 13:40. Sjúkraskrárnúmer {g.mrn('num7')}. Afboðun í síma {g.ph('dk').replace('+45', '+354')}"}


@T("eu-basque-form-osasun")
def _(g):
    return {"inprimakia": {"izena": g.name(), "telefonoa": g.ph("es"), "posta elektronikoa": g.em(), "historia klinikoa (MRN)": g.mrn()}}


@T("utility-service-start-request-form")
def _(g):
    return {"form": {"service_address": g.street(), "start_date": g.date(), "account_holder": g.name(), "ssn_for_credit_check": g.ssn(), "contact_phone": g.ph("us"), "paperless": True}}


@T("hospital-financial-assistance-application")
def _(g):
    return {"pdf_text": f"FINANCIAL ASSISTANCE APPLICATION\nPatient name: {g.name()}   Account #: {g.num(9)}\nApplicant SSN: {g.ssn()}   Spouse SSN: {g.ssn()}\nHousehold size: {g.ri(1, 6)}   Monthly income: ${g.ri(900, 5000)}\nPhone: {g.ph('us_dash')}   Email: {g.em()}"}


@T("student-loan-servicer-chat")
def _(g):
    return {"transcript": [{"agent": "To verify, please provide the last four of your SSN."}, {"customer": f"sure it's the whole thing {g.ssn(' ')}, I keep getting locked out"}, {"agent": "Thank you, verified."}]}


@T("voter-registration-export-row")
def _(g):
    return {"row": {"last": g.last(), "first": g.first(), "dob": g.dob(), "ssn4": g.last4(), "party": g.pick(["DEM", "REP", "UNA"]), "phone": g.ph("us_dash")}}


@T("ssn-in-spanish-call-notes")
def _(g):
    return {"notas": f"Cliente llamó para actualizar datos. Número de Seguro Social: {g.ssn()}. Teléfono nuevo {g.ph('us')}. Prefiere español."}


@T("medicare-part-d-call-note")
def _(g):
    return {"note": f"Caller {g.name()} asked about Part D coverage gap. Verified MBI {g.mbi()} and DOB. Callback {g.ph('us_dash')}. Tier 3 copay explained."}


@T("charles-session-text-export")
def _(g):
    return {"export": f"URL\thttps://api.{g.word()}.app/v3/profile\nStatus\tComplete\nResponse Code\t200 OK\nProtocol\tHTTP/2.0\n\nRequest Header\n:method: GET\nauthorization: Bearer {g.jwt()}\nuser-agent: {g.word().title()}/{g.ver()} CFNetwork/1494.0.7"}


@T("jwt-in-nginx-error-log")
def _(g):
    return {"line": f"{g.date().replace('-', '/')} {g.hms()} [error] {g.ri(100, 9999)}#0: *{g.ri(1, 99999)} auth request unexpected status: 401 while sending to client, client: {g.pubip()}, request: \"GET /api/me?access_token={g.jwt()} HTTP/2.0\""}


@T("jwt-in-mobile-deeplink-analytics")
def _(g):
    return {"event": "deeplink_open", "url": f"{g.word()}app://auth/callback#id_token={g.jwt('RS256')}&state={g.hexs(16)}", "ts": g.ms()}


@T("jwt-in-php-session-dump")
def _(g):
    return {"session": f"_sf2_attributes|a:2:{{s:12:\"access_token\";s:{g.ri(200, 900)}:\"{g.jwt()}\";s:7:\"user_id\";i:{g.ri(1, 9999)};}}"}
