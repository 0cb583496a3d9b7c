"""Mail in several languages, tickets, chat, mobile logs, HR and CRM exports, OCR text."""
from gen import F

F('outlook-forwarded-thread-en',
  'From: «name» <«email»>\nSent: «date:us» «time»\nTo: IT Service Desk\nSubject: RE: VPN reset\n\nHi, the new temporary password you gave me («pw») does not work. My desk phone is «phone:usdash».\n',
  'From: IT Service Desk\nSent: «date:us» «time»\nSubject: RE: VPN reset\n\nPlease use the self-service portal to reset your password. We will never ask for it by email.\n')
F('gmail-eml-headers-and-body-de',
  'Return-Path: <«email»>\nDate: «date:eu» «time» +0100\nSubject: Zugangsdaten Kundenportal\nContent-Type: text/plain; charset=UTF-8\n\nHallo «first»,\ndein Benutzername ist «user», das Passwort lautet «pw». Bitte nach dem ersten Login ändern.\n')
F('apple-mail-reply-fr',
  'Le «date:eu» à «time», «name» <«email»> a écrit :\n> Pouvez-vous me rappeler au «phone:frmob» ?\nBien sûr, je vous appelle demain matin.\n',
  'Le «date:eu» à «time», le service client a écrit :\n> Votre dossier n° «num:8» est en cours de traitement.\nMerci pour votre patience.\n')
F('thunderbird-mbox-es',
  'From - «date»\nFrom: «name» <«email»>\nSubject: Alta en el portal\n\nBuenos días, mi contraseña provisional es «pw» y mi móvil «phone:es». Gracias.\n')
F('email-pt-br-suporte',
  'Assunto: Acesso ao sistema\nOlá, sou «first» do financeiro. Meu login é «user» e a senha «pw». Telefone «phone:br}.\n'.replace('}', '»'))
F('email-it-amministrazione',
  'Oggetto: Credenziali PEC\nBuongiorno, vi inoltro le credenziali: utente «email» password «pw». Per urgenze «phone:it».\n')
F('email-nl-personeelszaken',
  'Onderwerp: Loonstrook\nBeste «first},\nJe BSN staat verkeerd in het systeem. Bel me even op «phone:nl».\nGroet, HR\n'.replace('}', '»'))
F('email-pl-ksiegowosc',
  'Temat: Dostęp do systemu\nDzień dobry, hasło tymczasowe: «pw» — login «user». Kontakt: «phone:pl}.\n'.replace('}', '»'))
F('email-ja-keigo-notice',
  '件名：パスワード再設定のお知らせ\n«last»様\n仮パスワード：«pw»\nご不明点は «phone:jpland» までお問い合わせください。\n',
  '件名：ご注文の発送について\n«last»様\nご注文番号 «num:10» の商品を発送いたしました。\n')
F('email-ko-customer-center',
  '제목: 비밀번호 안내\n«name» 고객님, 임시 비밀번호는 «pw» 입니다. 문의: «phone:kr}\n'.replace('}', '»'))
F('email-zh-cn-it-notice',
  '主题：邮箱账户开通\n您好，您的账号 «email»，初始密码 «pw»，请尽快修改。\n')
F('email-ar-hr-notice',
  'الموضوع: بيانات الدخول\nمرحباً «first»، كلمة المرور المؤقتة هي «pw» ورقم الهاتف «phone:ae».\n')
F('email-sv-kundtjanst',
  'Ämne: Ditt ärende\nHej «first», ditt lösenord är «pw}. Ring oss på «phone:se».\n'.replace('}', '»'),
  'Ämne: Ditt ärende «num:7»\nHej, vi har tagit emot ditt ärende och återkommer inom två arbetsdagar.\n')
F('email-hu-ugyfelszolgalat',
  'Tárgy: Jelszó\nKedves «first»! Az ideiglenes jelszava: «pw». Telefon: +36 30 «int:100-999» «int:1000-9999}\n'.replace('}', '»').replace('Telefon: +36 30 «int:100-999» «int:1000-9999»', 'Telefon: «phone:deint»'))
F('email-el-logistirio',
  'Θέμα: Κωδικός πρόσβασης\nΚαλημέρα, ο κωδικός σας είναι «pw}. Τηλ. «phone:deint»\n'.replace('}', '»'))
F('email-he-shirut',
  'נושא: סיסמה זמנית\nשלום «first», הסיסמה הזמנית שלך היא «pw».\n')
F('email-ru-buhgalteriya',
  'Тема: Доступ к 1С\nДобрый день, логин «user», пароль «pw». Телефон «phone:deint}.\n'.replace('}', '»'))
F('email-uk-ua-viddil-kadriv',
  'Тема: Доступ\nДобрий день, ваш пароль: «pw}.\n'.replace('}', '»'))
F('email-da-medarbejder',
  'Emne: Adgangskode\nHej «first}, din midlertidige adgangskode er «pw».\n'.replace('}', '»'))
F('email-no-it-avdeling',
  'Emne: Nytt passord\nHei, nytt passord: «pw} — ring «phone:deint» ved problemer.\n'.replace('}', '»'))
F('email-ro-contabilitate',
  'Subiect: Parola\nBună ziua, parola temporară este «pw}.\n'.replace('}', '»'))
F('email-hi-sahayata',
  'विषय: पासवर्ड\nनमस्ते «first», आपका अस्थायी पासवर्ड «pw» है। मोबाइल: «phone:in»\n')
F('email-th-fai-bukkhon',
  'เรื่อง: รหัสผ่านชั่วคราว\nเรียนคุณ«first» รหัสผ่านของคุณคือ «pw}\n'.replace('}', '»'))
F('email-ms-khidmat-pelanggan',
  'Perkara: Kata laluan\nHai «first», kata laluan sementara anda ialah «pw}.\n'.replace('}', '»'))
F('calendar-invite-dial-in-text',
  'Join Zoom Meeting\nhttps://zoom.us/j/«num:11»\nMeeting ID: «int:100-999» «int:1000-9999» «int:1000-9999»\nOne tap mobile +1 «int:200-999»«int:200-999»«int:1000-9999»,,«num:11»#\n'.replace('One tap mobile +1 «int:200-999»«int:200-999»«int:1000-9999»,,«num:11»#', 'Dial by your location: find your local number in the app'), n=3)
F('zendesk-macro-rendered-reply',
  'Hi «first},\nThanks for reaching out. I\'ve reset your account; your new password is «pw». For security, please change it after login.\nBest, «first~2» (Support)\n'.replace('}', '»'))
F('freshservice-ticket-export-csv',
  'Ticket ID,Subject,Requester Email,Requester Phone,Description\n«int:10000-99999»,Printer offline,«email»,«phone:usdash»,"Printer on 3rd floor says offline"\n',
  'Ticket ID,Subject,Status,Priority,Group\n«int:10000-99999»,Printer offline,Resolved,Low,Facilities\n')
F('jira-service-management-comment',
  '{"body": "Customer pasted their API key in the portal: «key:an40». Rotated on our side, please confirm.", "author": {"displayName": "«name»"}, "public": false}', kind='json')
F('groove-hq-ticket-email',
  'Subject: [#«int:1000-9999»] Can\'t log in\n«name» wrote:\nHi, my username is «user» and I reset the password to «pw» but it still fails.\n')
F('uservoice-suggestion-text',
  'Suggestion: allow exporting invoices as CSV\nSubmitted by a customer on «date»\nVotes: «int:1-500»\n', n=3)
F('livechat-transcript-txt',
  '[«time»] Visitor: hi, I need to update my card\n[«time»] Agent «first»: sure, I can send a secure link\n[«time»] Visitor: ok my email is «email:free»\n',
  '[«time»] Visitor: hi, I need to update my card\n[«time»] Agent «first»: sure — please never type card details in chat, I will send a secure link\n')
F('olark-transcript-email',
  'Transcript  «date»\n(«time») visitor«int:1000-9999»: my SSN is «ssn» do you need it for the application?\n(«time») «first}: please do not share that here\n'.replace('}', '»'))
F('line-official-account-chat-ja',
  '«time» お客様: 会員番号は«num:10»です\n«time» お客様: 電話番号 «phone:jp»\n«time» 担当: ありがとうございます。確認します。\n')
F('kakaotalk-chat-export-ko',
  '«date» «time», «first} : 내 비번 «pw» 맞지?\n«date» «time», 나 : 응 그걸로 로그인해봐\n'.replace('}', '»'))
F('mattermost-bulk-export-jsonl-line',
  '{"type": "post", "post": {"team": "ops", "channel": "incidents", "user": "«user»", "message": "new grafana admin pw is «pw»", "create_at": «tsms»}}', kind='json')
F('element-matrix-room-export-txt',
  '«dt» <@«user»:matrix.«word».example> here is the token for the CI bot: «key:gh»\n')
F('sms-gateway-delivery-report-csv',
  'message_id,to,status,sent_at\n«hex:16»,«phone:ukint»,DELIVERED,«dt»\n«hex:16~2»,«phone:ukint~2»,FAILED,«dt~2»\n')
F('two-factor-sms-outbox-log',
  '«dt» OTP sent to «phone:use164» code=«int:100000-999999» ttl=300\n',
  '«dt» OTP sent to +1******«int:10-99» code=[REDACTED] ttl=300\n')
F('android-logcat-okhttp-interceptor',
  '«date» «time».123  4312  4390 D OkHttp  : --> POST https://api.«word».example/v1/session\n«date» «time».124  4312  4390 D OkHttp  : Authorization: Bearer «jwt»\n',
  '«date» «time».123  4312  4390 D OkHttp  : --> GET https://api.«word».example/v1/catalog\n«date» «time».124  4312  4390 D OkHttp  : Authorization: ██\n')
F('ios-unified-log-show-output',
  '«date» «time».556 0x1a2b Default 0x0 312 0 «word»App: [Auth] saved refresh_token=«jwt»\n',
  '«date» «time».556 0x1a2b Default 0x0 312 0 «word»App: [Auth] token refreshed, expires in 3600 s\n')
F('flipper-network-plugin-export-json',
  '{"requests": [{"url": "https://api.«word».example/login", "method": "POST", "requestBody": "{\\"phone\\":\\"«phone:deint»\\",\\"password\\":\\"«pw»\\"}"}]}', kind='json')
F('proxyman-session-export-txt',
  'POST https://api.«word».example/v2/users/me HTTP/2\nauthorization: Bearer «jwt»\ncontent-type: application/json\n\n{"phone":"«phone:auint»"}\n')
F('fiddler-saz-raw-request',
  'POST https://login.«word».example/api/auth HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\nusername=«user»&password=«pw:url»&grant_type=password\n',
  'GET https://cdn.«word».example/app.js HTTP/1.1\nIf-None-Match: "«hex:32»"\n')
F('mitmproxy-dump-flow-text',
  '«ip»:52314: POST https://api.«word».example/oauth/token\n    Content-Type: application/json\n    {"client_id": "ios", "client_secret": "«key:an32»"}\n << 200 OK 812b\n')
F('react-native-asyncstorage-dump-json',
  '{"persist:auth": "{\\"accessToken\\":\\"«jwt»\\",\\"user\\":{\\"email\\":\\"«email»\\"}}", "onboardingDone": "true"}', kind='json')
F('flutter-shared-preferences-xml',
  '<map>\n    <string name="flutter.auth_token">«jwt»</string>\n    <string name="flutter.locale">de_DE</string>\n</map>\n',
  '<map>\n    <boolean name="flutter.dark_mode" value="true" />\n    <string name="flutter.locale">de_DE</string>\n</map>\n')
F('ios-nsuserdefaults-plist-dump',
  '{\n    "api_base" = "https://api.«word».example";\n    "session_jwt" = "«jwt»";\n    "last_sync" = "«dt»";\n}\n')
F('xamarin-app-center-log',
  '«dt» [Info] Login for «email» succeeded\n«dt» [Debug] Stored token «jwt»\n')
F('cordova-chrome-inspect-console',
  'app.js:214 login payload {email: "«email»", password: "«pw»"}\napp.js:230 200 OK\n')
F('unity-editor-log-playfab',
  '[PlayFab] LoginWithCustomID succeeded\n[PlayFab] SessionTicket: «HEX:16»-«HEX:16»-«HEX:16»-«an:60»\n[PlayFab] DeveloperSecretKey: «key:an40»«an:12»\n'.replace('[PlayFab] SessionTicket: «HEX:16»-«HEX:16»-«HEX:16»-«an:60»\n', ''))
F('garmin-connect-iq-sim-log',
  'Device: fenix7  Sim time «time»\nHR 142 bpm  cadence 172 spm\nBattery 81%\n', n=3)
F('workday-worker-profile-print',
  'Worker Profile  «name»\nEmployee ID «num:6»\nNational ID (USA-SSN) «ssn»\nHome Phone «phone:usdash»\nWork Email «email»\n',
  'Worker Profile  «name»\nEmployee ID «num:6»\nCost center CC-«int:1000-9999»\nManager «name~2»\n')
F('successfactors-odata-perperson-json',
  '{"d": {"results": [{"personIdExternal": "«num:6»", "nationalIdNav": {"results": [{"country": "USA", "cardType": "SSN", "nationalId": "«ssn»"}]}, "phoneNav": {"results": [{"phoneNumber": "«phone:usdash»"}]}}]}}', kind='json')
F('bamboohr-custom-report-csv',
  'Employee #,Name,SSN,Mobile Phone,Hire Date\n«int:100-999»,«name»,«ssn»,«phone:us»,«date»\n«int:100-999»,«name~2»,«ssn~2»,«phone:us~2»,«date~2»\n')
F('adp-payroll-register-text',
  'PAYROLL REGISTER  Period «date:us»\nEE# «num:5»  «last}, «first»  SSN «ssn»  GROSS «amt»  NET «amt»\n'.replace('}', '»'),
  'PAYROLL REGISTER  Period «date:us»\nDEPT 200  HEADCOUNT «int:5-90»  GROSS «amt»  TAXES «amt»\n')
F('justworks-census-upload-csv',
  'first_name,last_name,ssn,dob,work_email\n«first»,«last»,«ssn:plain»,«dob»,«email»\n')
F('deel-worker-export-json',
  '{"worker": {"name": "«name»", "country": "US", "tax_id": "«ssn»", "personal_email": "«email:free»", "phone": "«phone:use164»"}}', kind='json')
F('hris-emergency-contact-form-es',
  'Contacto de emergencia: «name»\nParentesco: hermana\nTeléfono: «phone:es»\nCorreo: «email:free}\n'.replace('}', '»'))
F('offer-letter-docx-text',
  'Dear «first»,\nWe are pleased to offer you the position of Data Analyst at «company», starting «date:us» with an annual salary of $«int:60-140»,000.\n', n=3)
F('background-screening-consent-form-ocr',
  'DISCLOSURE AND AUTHORIZATION\nFull legal name «name»\nSocial Security No. «ssn»\nDriver\'s License # D«num:7»  State CA\nSignature ___________  Date «date:us»\n')
F('salesforce-report-export-xlsx-text',
  'Contact Name\tAccount Name\tPhone\tEmail\n«name»\t«company»\t«phone:usdash»\t«email»\n«name~2»\t«company»\t«phone:usdash~2»\t«email~2»\n',
  'Opportunity Name\tStage\tAmount\tClose Date\n«company» renewal\tNegotiation\t«amt»\t«date:us»\n')
F('pipedrive-deal-note-html',
  '<p>Call with «first» — prefers WhatsApp on <b>«phone:ukint»</b>. Decision by Q1.</p>')
F('notion-page-export-md',
  '# Vendor access\n| System | User | Password |\n|---|---|---|\n| Router | admin | «pw» |\n| NAS | «user» | «pw~2» |\n',
  '# Vendor access\nAll credentials live in 1Password → vault "Vendors". Do not paste them here.\n')
F('obsidian-daily-note-md',
  '---\ndate: «date»\ntags: [daily]\n---\n- call dentist «phone:uk»\n- renew passport\n',
  '---\ndate: «date»\ntags: [daily]\n---\n- 3x pomodoro on report\n- gym\n')
F('evernote-enex-note',
  '<note><title>Bank logins</title><content><![CDATA[<en-note><div>online banking PIN hint: first pet</div><div>password: «pw»</div></en-note>]]></content></note>')
F('onenote-page-html-export',
  '<html><body><h1>Wifi at cabin</h1><p>SSID «word»-cabin</p><p>key «pw»</p></body></html>')
F('sticky-note-ocr-photo',
  'WIFI\n«word»-guest\npw: «pw»\n',
  'CALL BACK\nre: invoice\nafter 3pm\n')
F('whiteboard-photo-ocr',
  'SPRINT 42\n- auth refactor\n- fix flaky test\n- DB migration Thu\n', n=3)
F('business-card-scan-vcf-like-text',
  '«name»\nHead of Procurement\n«company»\nM «phone:demob»\nE «email»\n')
F('pdf-invoice-ocr-footer',
  '«company} · «street» · «city»\nUSt-IdNr. DE«num:9» · IBAN DE«int:10-99» «int:1000-9999» «int:1000-9999» «int:1000-9999» «int:1000-9999» «int:10-99»\nTel. «phone:de»\n'.replace('}', '»'))
F('scanned-lease-agreement-ocr',
  'RESIDENTIAL LEASE AGREEMENT\nTenant: «name»  SSN: «ssn»\nPhone: «phone:us»\nMonthly rent: $«int:900-3500»\n')
F('handwritten-intake-form-ocr-noisy',
  'Nam e: «name»\nDOB: «dob:us»\nS5N: «ssn»\nPh0ne: «phone:usdash»\nInsurance ID#: «hin:member»\n')
F('fax-cover-sheet-ocr',
  'FAX  To: Records Dept  From: «name»\nPages: 4  Re: request for records, pt MRN «mrn:num8»\nCallback «phone:us»\nCONFIDENTIALITY NOTICE: this fax may contain PHI.\n',
  'FAX  To: Accounts Payable  From: «company»\nPages: 2  Re: invoice «num:7»\n')
F('court-subpoena-records-request',
  'SUBPOENA DUCES TECUM\nProduce all medical records for «name», DOB «dob:us», medical record number «mrn:num8», for dates «date:us» through «date:us».\n')
F('police-incident-report-narrative',
  'R/O contacted victim «name» (DOB «dob:us», SSN «ssn») at residence. Victim reported card «card» used without consent. Contact «phone:usdash».\n')
F('insurance-adjuster-call-notes',
  'Spoke w/ insured «name», policy «an:3»-«num:7», cb «phone:us». Claimant treated at ER, MRN «mrn:num8», dx «icd=S13.4XXA».\n')
F('pharmacy-call-center-ivr-log',
  '{"call_id": "«uuid»", "ani": "«phone:use164»", "dob_entered": "«dob:compact»", "rx_number": "«num:7»", "member_id": "«hin:member»", "intent": "refill"}',
  '{"call_id": "«uuid»", "ani": "anonymous", "menu_path": "1-3-2", "intent": "store_hours", "duration_s": «int:20-300»}', kind='json')
F('patient-portal-secure-message-mychart',
  'From: «name»\nTo: Dr. «last~2»\'s office\nSubject: lab results\nHi, my MRN is «mrn:num8». Can you explain my A1c? Also my new Medicare number is «hin:mbi».\n',
  'From: Dr. «last~2»\'s office\nSubject: appointment reminder\nYou have an appointment on «date:us» at «time». Reply C to confirm.\n')
F('hospital-switchboard-message-pad-ocr',
  'WHILE YOU WERE OUT\nFor: Dr «last»\nFrom: «name» re: MRN «mrn:num7»\nPhone: «phone:uk}\n[X] Please call\n'.replace('}', '»'))
F('voicemail-transcription-visual',
  'Voicemail from «phone:usdash» («int:0-1»:«int:10-59»)\n"Hi this is «first» calling about my prescription, my member number is «hin:w», please call me back."\n')
F('dictation-app-transcript-doctor',
  'Patient is a «int:30-80}-year-old with hypertension, I10, and type 2 diabetes, E11.9. Medical record number «mrn:num8».\n'.replace('}', '»').replace('I10', '«icd=I10»').replace('E11.9', '«icd=E11.9»'))
F('meeting-minutes-docx-text',
  'Attendees: «name», «name~2»\nAction items:\n1. «first» to send revised budget\n2. Review vendor contract by «date:us»\n', n=3)
F('customer-survey-free-text-export',
  'response_id,score,comment\n«int:1000-9999»,9,"great support, fixed in 5 min"\n«int:1000-9999»,4,"app keeps logging me out"\n', n=3)
F('app-store-review-export-csv',
  'date,rating,title,review\n«date»,1,"can\'t login","support never answers, called «phone:uk» three times"\n',
  'date,rating,title,review\n«date»,5,"love it","fast and simple"\n«date»,2,"crashes","crashes on Android 14"\n')
F('crm-duplicate-merge-audit-log',
  '«dt» merge contact «an:18» into «an:18» by «user» fields=[email,phone] old_email=«email» old_phone=«phone:usdot»\n')
F('hubspot-form-submission-notification',
  'New form submission on «word».example/demo\nFirst name: «first»\nEmail: «email»\nPhone number: «phone:ukmob»\nCompany size: 51-200\n')
F('typeform-results-csv',
  '#,What is your email?,Phone,Submitted At\n«hex:8»,«email:free»,«phone:fr»,«dt»\n')
F('google-forms-responses-sheet',
  'Timestamp\tEmail Address\tFull name\tMobile\n«date:us» «time»\t«email:free»\t«name»\t«phone:in»\n')
F('jotform-submission-email-hipaa',
  'New submission: Patient Intake\nName: «name»\nDate of Birth: «dob:us»\nInsurance Member ID: «hin:member»\nMedical Record # (if known): «mrn:num7»\nReason for visit: follow-up\n')
F('conference-badge-scan-leads-csv',
  'badge_id,first,last,company,email,phone,notes\n«num:8»,«first»,«last»,«company»,«email»,«phone:usintl»,"wants pricing"\n')
F('uber-eats-receipt-email',
  'Thanks for ordering, «first»\nTotal €«amt}\nPaid with Mastercard ••••«last4»\nDelivered to «street»\n'.replace('}', '»'), n=3)
F('airbnb-reservation-confirmation-email',
  'Reservation confirmed\nConfirmation code HM«an:8»\nCheck-in «date:us» after 3:00 PM\nGuests: 2 adults\n', n=3)
F('ride-share-trip-receipt-text',
  'Trip on «date:us»\n«time} pickup · «street»\nTotal $«amt»\nVisa ••«last4»\nDriver «first»\n'.replace('}', '»'), n=3)
F('dating-app-report-abuse-ticket',
  'Report #«num:8»\nReported user shared phone «phone:au» and asked for bank details.\nReporter: «email:free»\n')
F('crowdfunding-backer-survey-csv',
  'Backer Number,Backer Name,Email,Shipping Phone\n«int:1-9999»,«name»,«email:free»,«phone:ie»\n')
F('real-estate-crm-lead-sms',
  'New lead from Zillow: «name» · «phone:us» · «email:free» · interested in «street»\n')
F('school-parent-portal-message',
  'Dear parent of «first» «last},\nPlease update the emergency phone in the portal (current: «phone:usdash»).\n'.replace('}', '»'),
  'Dear parents,\nPicture day is «date:us». Order forms are due Friday.\n')
F('gym-membership-signup-tablet-json',
  '{"member": {"name": "«name»", "phone": "«phone:za»", "email": "«email:free»", "emergency_contact": {"name": "«name~2»", "phone": "«phone:za~2»"}}, "plan": "monthly"}', kind='json')
F('vet-appointment-reminder-sms',
  'Hi «first», Biscuit is due for vaccines. Book at «word»vets.example or call «phone:ukleeds». Reply STOP to opt out.\n',
  'Biscuit is due for vaccines on «date:uk». Reply STOP to opt out.\n')
F('telecom-port-out-request-form',
  'Number to port: «phone:us»\nAccount holder: «name»\nAccount PIN: «pw:pin»\nLast 4 SSN: «last4»\n')
F('isp-installer-work-order',
  'WO «num:8»  «date:us» 8-12\nCustomer «name»  ☎ «phone:usdash»\nRouter admin password set to «pw»\nSerial «an:12»\n')
F('hotel-wifi-voucher-print',
  'Guest WiFi\nVoucher no. «num:6»\nAsk reception for today\'s access code. Valid 24h from first login\n', n=3)