"""Payment gateways, terminals, travel and retail, banking, tax and credit documents."""
from gen import F

F('fiserv-ipg-connect-form-post',
  'txntype=sale&timezone=Europe%2FBerlin&txndatetime=«date:compact»-«int:10-23»%3A«int:10-59»%3A«int:10-59»&hash_algorithm=HMACSHA256&storename=«num:10»&chargetotal=«amt»&currency=978&cardnumber=«card»&expmonth=«int:10-12»&expyear=20«int:27-31»&cvm=«cvv»')
F('nmi-direct-post-query-string',
  'security_key=«key:an32»&type=sale&amount=«amt»&ccnumber=«card»&ccexp=«int:10-12»«int:27-31»&cvv=«cvv»&first_name=«first»&email=«email»',
  'response=1&responsetext=SUCCESS&authcode=«num:6»&transactionid=«num:10»&avsresponse=Y&cvvresponse=M&orderid=«num:6»&response_code=100')
F('payflow-pro-nvp-request',
  'TRXTYPE=S&TENDER=C&PARTNER=PayPal&VENDOR=«word»shop&USER=«word»shop&PWD=«pw:url»&ACCT=«card»&EXPDATE=«int:10-12»«int:27-31»&CVV2=«cvv»&AMT=«amt»',
  'RESULT=0&PNREF=«an:12»&RESPMSG=Approved&AUTHCODE=«num:6»&AVSADDR=Y&AVSZIP=Y&CVV2MATCH=Y&IAVS=N')
F('bambora-na-payments-json',
  '{"order_number": "«num:8»", "amount": «amt», "payment_method": "card", "card": {"name": "«name»", "number": "«card»", "expiry_month": "«int:10-12»", "expiry_year": "«int:27-31»", "cvd": "«cvv»"}}',
  '{"id": "«num:8»", "approved": "1", "message": "Approved", "card": {"card_type": "VI", "last_four": "«last4»", "cvd_result": "1", "avs_result": "0"}}', kind='json')
F('ogone-directlink-order-post',
  'PSPID=«word»shop&USERID=apiuser&PSWD=«pw:url»&ORDERID=«num:9»&AMOUNT=«int:100-99999»&CURRENCY=EUR&CARDNO=«card»&ED=«int:10-12»«int:27-31»&CVC=«cvv»&OPERATION=SAL')
F('gmo-pg-exectran-request',
  'AccessID=«hex:32»&AccessPass=«hex:32»&OrderID=«num:12»&Method=1&CardNo=«card»&Expire=«int:27-31»«int:10-12»&SecurityCode=«cvv»')
F('pagarme-v5-order-payment-json',
  '{"customer": {"name": "«name»", "email": "«email»", "phones": {"mobile_phone": {"country_code": "55", "area_code": "11", "number": "«phone:brlocal»"}}}, "payments": [{"payment_method": "credit_card", "credit_card": {"installments": 3, "card": {"number": "«card»", "holder_name": "«name»", "exp_month": «int:10-12», "exp_year": «int:27-31», "cvv": "«cvv»"}}}]}', kind='json')
F('openpay-mx-charge-card-json',
  '{"method": "card", "amount": «amt», "description": "Pedido «num:6»", "card": {"card_number": "«card»", "holder_name": "«name»", "expiration_year": "«int:27-31»", "expiration_month": "«int:10-12»", "cvv2": "«cvv»"}}', kind='json')
F('midtrans-card-token-get',
  'GET /v2/token?client_key=SB-Mid-client-«an:16»&card_number=«card»&card_exp_month=«int:10-12»&card_exp_year=20«int:27-31»&card_cvv=«cvv» HTTP/1.1\nHost: api.sandbox.midtrans.com\n')
F('twoc2p-payment-token-request-json',
  '{"merchantID": "JT«num:2»", "invoiceNo": "«num:12»", "amount": «amt», "currencyCode": "THB", "paymentChannel": ["CC"], "cardNo": "«card»", "expiryMonth": "«int:10-12»", "expiryYear": "20«int:27-31»", "securityCode": "«cvv»"}', kind='json')
F('iso8583-hex-and-field-dump',
  'MTI 0100\nDE002 PAN ............ «card»\nDE003 Processing code . 000000\nDE004 Amount ......... «num:12»\nDE014 Expiry ......... «int:27-31»«int:10-12»\nDE041 Terminal ID .... «an:8»\nDE049 Currency ....... 840\n',
  'MTI 0110\nDE002 PAN ............ «maskcard»\nDE038 Approval code .. «an:6»\nDE039 Response code .. 00\nDE041 Terminal ID .... «an:8»\n')
F('magstripe-track2-swipe-log',
  '«dt» reader=USB-HID swipe ok track2=;«card»=«int:27-31»«int:10-12»201«num:8»?\n',
  '«dt» reader=USB-HID swipe error: LRC mismatch, retry\n')
F('pax-a920-transaction-log',
  '«dt» TXN SALE amt=«amt» entry=KEYED pan=«card» exp=«int:10-12»/«int:27-31» cvv=«cvv» resp=00 auth=«an:6»\n',
  '«dt» TXN SALE amt=«amt» entry=CHIP pan=«maskcard» aid=A0000000031010 resp=00 auth=«an:6» tc=«HEX:16»\n')
F('verifone-settlement-batch-report',
  'BATCH «num:3»  TID «an:8»  «date:us» «time»\nVISA      SALES  «int:10-90»  $«amt»\nMASTERCARD SALES «int:10-90»  $«amt»\nAMEX      SALES  «int:1-9»   $«amt»\nBATCH TOTAL      $«amt»\nSETTLED OK\n', n=3)
F('ingenico-customer-receipt-text',
  '*** CUSTOMER COPY ***\n«company»\nVISA CONTACTLESS\n«maskcard»\nAID: A0000000031010\nSALE  EUR «amt»\nAUTH CODE: «an:6»\nPIN VERIFIED\n', n=3)
F('virtual-terminal-phone-order-note',
  'Phone order taken by «first»\nCaller «name», callback «phone:us»\nCard «card:sp»  exp «int:10-12»/«int:27-31»  CVV «cvv»\nShip to «street», «city»\n')
F('opera-pms-reservation-cc-guarantee',
  'Conf# «num:9»  «last», «first»  Arr «date:us»  Nts 3  RTC KNGN\nPayment: CA «card:amex»  Exp «int:10-12»/«int:27-31»\nPh «phone:usintl»  Email «email:free»\n',
  'Conf# «num:9»  «last», «first»  Arr «date:us»  Nts 3  RTC KNGN\nPayment: CA XXXXXXXXXXX«last4»  Exp XX/XX\nGuarantee: 6PM\n')
F('sabre-pnr-fop-display',
  '1.1«last»/«first» MR\n 1 UA 901Y «date:compact» SFOFRA HK1\nFOP-CCVI«card:visa»‡«int:10-12»«int:27-31»\nTKT/TIME LIMIT\n  1.TAW/\nPHONES\n  1.SFO«phone:usdash»-H\n')
F('amadeus-pnr-elements',
  'RP/PAR1A0980/\n  1.«last»/«first» MRS\n  2  AF1234 Y «int:10-28»DEC 4 CDGJFK HK1\n  3 AP «phone:frint»\n  4 APE «email»\n  5 FP CC«card:mc»/«int:10-12»«int:27-31»\n',
  'RP/PAR1A0980/\n  1.«last»/«first» MRS\n  2  AF1234 Y «int:10-28»DEC 4 CDGJFK HK1\n  3 FP CASH\n  4 TK OK«int:10-28»DEC/PAR1A0980\n')
F('airline-ssr-docs-pnr-remark',
  'SSR DOCS AF HK1 P/USA/«an:9»/USA/«int:10-28»JAN«int:70-99»/F/«int:10-28»MAR«int:30-35»/«last»/«first»\nSSR CTCM AF HK1/«phone:usplain»\nSSR CTCE AF HK1/«email»\n'.replace('«email»', '«email=maren.vellacourt//bluequarry.io»').replace('«email=maren.vellacourt//bluequarry.io»', '«phone:use164~2»'))
F('online-food-order-kitchen-ticket',
  'ORDER #«int:1000-9999»  DELIVERY  «time»\n2x Pad Thai (no peanuts)\n1x Spring rolls\nCustomer: «first» «up:1».  Phone: «phone:us»\nPaid online ✓\n',
  'ORDER #«int:1000-9999»  PICKUP  «time»\n2x Pad Thai\nPaid in store\n')
F('church-giving-form-submission',
  'Gift type: Tithe  Amount: $«amt»  Frequency: monthly\nName: «name}\nEmail: «email:free»\nCard number: «card»\nExpiration: «int:10-12»/«int:27-31»  Security code: «cvv»\n'.replace('}', '»'))
F('utility-autopay-enrollment-web-form',
  'Account number: «num:10»\nService address: «street»\nPay with: Credit card\nCard number: «card:dash»\nCVV: «cvv»\nPhone for outage alerts: «phone:usdash»\n',
  'Account number: «num:10»\nService address: «street»\nPay with: Bank account (ACH)\nRouting: 0«num:8»  Account: «num:10»\n')
F('parking-meter-app-payment-log',
  '{"zone": «int:1000-9999», "plate": "«an:7»", "duration_min": 60, "payment": {"method": "card", "token": "tok_«an:24»", "last4": "«last4»"}, "user_phone": "«phone:use164»"}',
  '{"zone": «int:1000-9999», "plate": "«an:7»", "duration_min": 60, "payment": {"method": "wallet", "last4": "«last4»"}}', kind='json')
F('transit-card-topup-receipt',
  'Top-up receipt\nCard no. «num:16»\nAmount € «amt»\nPaid by VISA «maskcard»\nThank you for travelling with us\n', n=3)
F('gift-card-balance-inquiry',
  'Gift card «num:19» PIN ****\nBalance: $«amt»\nLast used «date:us» at store «int:100-999»\n', n=3)
F('loyalty-program-member-export-csv',
  'member_no,tier,points,joined\n«num:13»,GOLD,«int:100-90000»,«date»\n«num:13»,SILVER,«int:100-9000»,«date»\n', n=3)
F('mt940-customer-statement',
  ':20:STMT«num:8»\n:25:DE«num:2»«num:18»\n:28C:«int:100-999»/1\n:60F:C«date:compact»EUR«int:1000-9999»,«int:10-99»\n:61:«date:compact»C«int:10-999»,00NTRFNONREF\n:86:Gutschrift Rechnung «num:7»\n', n=3)
F('qif-bank-export',
  '!Type:Bank\nD«date:us»\nT-«amt»\nPGROCERY OUTLET #«int:100-999»\nN«num:6»\n^\nD«date:us»\nT«amt»\nPPAYROLL\n^\n', n=3)
F('nacha-ppd-entry-detail-record',
  '6220«num:8»«num:12»     «num:10»«int:100000-999999»«last»«first»          0«num:14»\n', n=3)
F('swift-mt103-single-transfer',
  '{1:F01BANKDEFFXXXX«num:10»}{2:I103BANKUS33XXXXN}{4:\n:20:REF«num:10»\n:32A:«date:compact»USD«int:1000-99999»,00\n:50K:/DE«num:20»\n«company»\n:59:/«num:12»\n«name»\n:71A:SHA\n-}', n=3)
F('sepa-pain-001-credit-transfer',
  '<CdtTrfTxInf><PmtId><EndToEndId>E2E-«num:10»</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">«amt»</InstdAmt></Amt><Cdtr><Nm>«name»</Nm></Cdtr><CdtrAcct><Id><IBAN>NL«int:10-99»ABNA0«num:9»</IBAN></Id></CdtrAcct><RmtInf><Ustrd>Invoice «num:8»</Ustrd></RmtInf></CdtTrfTxInf>', n=3)
F('zelle-payment-received-email',
  'Subject: You received $«amt» with Zelle®\n«first» «last» («email:free») sent you money.\nMemo: rent share\nIf you have questions call us at «phone:us».\n',
  'Subject: You received money with Zelle®\nA payment was deposited into your account ending in «last4».\nConfirmation «an:10»\n')
F('venmo-statement-csv',
  'ID,Datetime,Type,Status,Note,From,To,Amount (total)\n«num:19»,«dt»,Payment,Complete,pizza 🍕,«name»,«name~2»,- $«amt»\n', n=3)
F('form-8879-efile-authorization-ocr',
  'Form 8879 IRS e-file Signature Authorization\nTaxpayer\'s name «name»   Social security number «ssn»\nSpouse\'s name «name~2»   Spouse\'s social security number «ssn~2»\nTaxpayer\'s PIN: check one box only  [X] I authorize ERO to enter «pw:pin» as my signature\n'.replace(' as my signature', ''))
F('ssa-1099-benefit-statement-ocr',
  'FORM SSA-1099 - SOCIAL SECURITY BENEFIT STATEMENT\nBox 1. Name «name»\nBox 2. Beneficiary\'s Social Security Number «ssn»\nBox 3. Benefits paid in 2025 $«amt»\n')
F('state-suta-wage-report-fixed-width',
  'S«ssn:plain»«last»           «first»      «num:9»«int:10000-99999»00\nS«ssn:plain~2»«last~2»           «first~2»      «num:9»«int:10000-99999»00\n',
  'T0000002«num:9»«int:100000-999999»00\nF0000001\n')
F('form-1095a-marketplace-statement',
  'Form 1095-A Health Insurance Marketplace Statement\n1 Marketplace identifier «an:2»\n2 Marketplace-assigned policy number «hin:num9»\n4 Recipient\'s name «name»\n5 Recipient\'s SSN «ssn»\n')
F('tenant-screening-report-text',
  'TENANT SCREENING REPORT  Order «num:8»\nApplicant: «name»   SSN: «ssn»\nPhone: «phone:us»\nCredit score band: 680-719\nEviction records: none found\n',
  'TENANT SCREENING REPORT  Order «num:8»\nApplicant SSN: ***-**-«last4»\nCredit score band: 680-719\nEviction records: none found\n')
F('credit-bureau-dispute-letter',
  'To whom it may concern,\nI am writing to dispute the following item on my credit report.\nName: «name»\nSSN: «ssn»\nAccount: «company» #«num:10»\nPlease investigate. You can reach me at «phone:us».\n')
F('urla-1003-borrower-section-text',
  'Section 1a. Personal Information\nName «name»\nSocial Security Number «ssn»\nDate of Birth «dob:us»\nCell Phone «phone:usdash»  Email «email»\nCitizenship [X] U.S. Citizen\n')
F('dealertrack-credit-app-xml',
  '<CreditApplication><Applicant><FirstName>«first»</FirstName><LastName>«last»</LastName><SSN>«ssn:plain»</SSN><HomePhone>«phone:usplain»</HomePhone></Applicant><Vehicle><VIN>1HGCM«an:12»</VIN></Vehicle></CreditApplication>')
F('bank-account-opening-kyc-json',
  '{"applicant": {"legal_name": "«name»", "tax_id": {"type": "SSN", "value": "«ssn»"}, "phone": "«phone:use164»", "email": "«email»"}, "product": "checking", "funding": {"method": "ach"}}',
  '{"applicant": {"legal_name": "«name»", "tax_id": {"type": "SSN", "last4": "«last4»"}}, "product": "checking", "decision": "approved"}', kind='json')
F('acats-transfer-form-text',
  'Account Transfer Form\nAccount holder «name»  SSN/TIN «ssn»\nDelivering firm account # «num:9»\nTransfer type: Full\n')
F('life-insurance-application-part-a',
  'Proposed Insured: «name»\nSSN: «ssn»   DOB: «dob:us»\nPhone: «phone:us»\nHave you been diagnosed with diabetes? [X] Yes  ICD if known: «icd=E11.9»\n')
F('retirement-rollover-request-form',
  'Participant name «name»\nSocial Security Number «ssn»\nPlan number 00«int:1-9»  Rollover to IRA #«num:9»\nDaytime phone «phone:usdot»\n')
F('gusto-employee-onboarding-csv',
  'first_name,last_name,email,ssn,start_date,phone\n«first»,«last»,«email»,«ssn»,«date»,«phone:usdash»\n',
  'first_name,last_name,start_date,department\n«first»,«last»,«date»,Sales\n«first~2»,«last~2»,«date~2»,Support\n')
F('snap-benefits-application-summary',
  'Household member 1: «name»  SSN «ssn»  DOB «dob:us»\nHousehold member 2: «name~2»  SSN «ssn~2»\nContact phone «phone:us»\n')
F('jury-questionnaire-web-form',
  'Juror ID: «num:9»\nLast 4 of SSN: «last4»\nReporting date: «date:us»\nDaytime phone: «phone:usdash»\n')
F('passport-ds11-form-ocr',
  'DS-11 APPLICATION FOR A U.S. PASSPORT\n1. Name «last», «first»\n5. Social Security Number «ssn:sp»\n7. Email «email:free»\n8. Primary Phone Number «phone:us»\n')
F('dd214-separation-document-ocr',
  'CERTIFICATE OF RELEASE OR DISCHARGE FROM ACTIVE DUTY\n1. NAME (Last, First, Middle) «last», «first»\n3. SOCIAL SECURITY NUMBER «ssn»\n4a. GRADE, RATE OR RANK SGT\n')
F('child-care-subsidy-application',
  'Parent/guardian: «name»  SSN: «ssn»\nChild: «first~2» «last»  DOB «dob:us»\nEmployer phone: «phone:usdash»\n')
F('irs-cp2000-notice-header',
  'Notice CP2000  Tax year 2024  Notice date «date:us»\nSocial Security number nnn-nn-«last4»\nTo contact us Phone 1-800-829-0922\nYour caller ID «num:6»\n', n=3)
F('ssa-benefit-verification-letter',
  'Social Security Administration\nBenefit Verification Letter\n«name»\nYou are entitled to monthly retirement benefits beginning «date:us». Claim number ends in «last4».\n', n=2)
F('ein-assignment-cp575-letter',
  'We assigned you an employer identification number (EIN)\nEIN «int:10-99»-«num:7»\n«company}\nThank you for your EIN application.\n'.replace('}', '»'), n=3)
F('w9-tin-match-bulk-result-txt',
  '1;«int:10-99»«num:7»;«company»;0\n2;«int:10-99»«num:7»;«company»;1\n', n=3)
F('shopify-flow-order-risk-email',
  'Order #«int:1000-9999» flagged HIGH risk\nCustomer: «name» <«email»>\nPhone: «phone:ukmob»\nCard BIN: «int:400000-499999» (6 digits)  AVS: N  CVV: M\n',
  'Order #«int:1000-9999» flagged HIGH risk\nCard BIN: «int:400000-499999»  AVS: N  CVV check: M\nIP country mismatch\n')
F('squarespace-commerce-order-json',
  '{"orderNumber": "«int:1000-9999»", "customerEmail": "«email:free»", "billingAddress": {"firstName": "«first»", "phone": "«phone:au»"}, "grandTotal": {"value": "«amt»", "currency": "AUD"}}', kind='json')
F('ecwid-order-webhook-json',
  '{"eventType": "order.created", "data": {"orderId": "«an:5»", "email": "«email:free»", "billingPerson": {"name": "«name»", "phone": "«phone:de»"}}}', kind='json')
F('gumroad-sale-ping',
  'seller_id=«an:22»&product_id=«an:10»&email=«email:free»&price=«int:100-9999»&card[visual]=«maskcard»&card[type]=visa&ip_country=Germany', n=2)
F('fastspring-order-completed-json',
  '{"events": [{"type": "order.completed", "data": {"reference": "«up:4»«num:6»-«num:4»-«num:5»", "customer": {"email": "«email»", "phone": "«phone:use164»"}, "payment": {"type": "card", "cardEnding": "«last4»"}}}]}', kind='json')
F('recurly-invoice-pdf-text',
  'INVOICE «int:1000-9999»\nBill to: «name}, «company»\nPayment: Visa ending in «last4»\nSubtotal $«amt»\n'.replace('}', '»'), n=3)
F('chargify-subscription-export-csv',
  'subscription_id,customer_email,product,state,card_masked\n«num:8»,«email»,Pro,active,XXXX-XXXX-XXXX-«last4»\n', n=2)
F('zuora-invoice-email-fr',
  'Objet : Votre facture «num:8»\nBonjour «first»,\nvotre facture d\'un montant de «amt} € sera prélevée sur la carte se terminant par «last4».\nService client : «phone:fr»\n'.replace('}', '»'))
F('klarna-settlement-report-csv',
  'merchant_id,order_id,purchase_date,amount,fee,currency\nK«num:6»,«uuid»,«date»,«amt»,«amt»,SEK\n', n=3)
F('afterpay-merchant-portal-refund-csv',
  'Order ID,Merchant Reference,Refund Amount,Status\n«num:12»,«an:10»,«amt»,APPROVED\n', n=2)
F('alipay-plus-notify-json',
  '{"notifyType": "PAYMENT_RESULT", "paymentId": "«num:28»", "paymentAmount": {"currency": "CNY", "value": "«int:100-99999»"}, "result": {"resultCode": "SUCCESS"}}'.replace('«num:28»', '2026«num:8»«num:8~b»«num:8»'), kind='json', n=2)
F('wechat-pay-v3-notify-decrypted',
  '{"mchid": "«num:10»", "out_trade_no": "«num:20»", "transaction_id": "4200«num:8»«num:8~b»", "trade_state": "SUCCESS", "payer": {"openid": "o«an:27»"}, "amount": {"total": «int:100-9999»}}', kind='json', n=2)
F('paynow-sg-qr-payload',
  '00020101021226370009SG.PAYNOW010120213«num:9»XXX0301152040000530370254«int:10-99».005802SG5913«word»PTE6009Singapore6304«HEX:4»', n=3)
F('upi-collect-request-json',
  '{"payee_vpa": "«word»@icici", "payer_vpa": "«first»@oksbi", "amount": "«amt»", "txn_note": "Order «num:6»", "mobile": "«phone:in»"}'.replace('«first»@oksbi', 'payer.vpa-redacted'), kind='json')
F('mpesa-stk-push-callback-json',
  '{"Body": {"stkCallback": {"MerchantRequestID": "«num:5»-«num:8»-1", "CheckoutRequestID": "ws_CO_«num:14»", "ResultCode": 0, "CallbackMetadata": {"Item": [{"Name": "Amount", "Value": «int:10-9999»}, {"Name": "MpesaReceiptNumber", "Value": "«an:10»"}, {"Name": "PhoneNumber", "Value": «phone:ke»}]}}}}', kind='json', n=2)
F('bkash-payment-execute-response',
  '{"paymentID": "TR«an:20»", "trxID": "«an:10»", "transactionStatus": "Completed", "amount": "«int:10-999»", "customerMsisdn": "«phone:bd»"}', kind='json', n=2)
F('toss-payments-confirm-response',
  '{"paymentKey": "«an:20»", "orderId": "«an:16»", "status": "DONE", "card": {"issuerCode": "61", "number": "«int:400000-499999»******«int:100-999»*", "installmentPlanMonths": 0}, "totalAmount": «int:1000-99999»}', kind='json', n=2)
F('payu-india-hash-form-post',
  'key=«an:6»&txnid=«num:10»&amount=«amt»&productinfo=Order&firstname=«first»&email=«email:free»&phone=«phone:in»&ccnum=«card»&ccname=«name»&ccvv=«cvv»&ccexpmon=«int:10-12»&ccexpyr=20«int:27-31»&hash=«hex:128»'.replace('«email:free»', 'redacted'), n=2)
F('ccavenue-decrypted-response',
  'order_id=«num:8»&tracking_id=«num:12»&bank_ref_no=«num:12»&order_status=Success&payment_mode=Credit Card&card_name=Visa&billing_name=«name»&billing_tel=«phone:in»&billing_email=«email:free»', n=2)
F('adyen-pos-terminal-api-payment-request',
  '{"SaleToPOIRequest": {"MessageHeader": {"MessageCategory": "Payment", "POIID": "V400m-«num:9»"}, "PaymentRequest": {"PaymentTransaction": {"AmountsReq": {"Currency": "EUR", "RequestedAmount": «amt»}}}}}', kind='json', n=2)
F('card-issuing-provisioning-response',
  '{"card_id": "crd_«an:24»", "status": "active", "pan": "«card»", "cvv": "«cvv»", "exp_month": «int:10-12», "exp_year": 20«int:27-31», "cardholder": {"email": "«email»"}}',
  '{"card_id": "crd_«an:24»", "status": "active", "last4": "«last4»", "exp_month": «int:10-12», "exp_year": 20«int:27-31», "spend_limit": 5000}', kind='json')
F('marqeta-card-show-pan-json',
  '{"token": "«uuid»", "user_token": "«uuid~2»", "pan": "«card»", "cvv_number": "«cvv»", "expiration": "«int:10-12»«int:27-31»", "state": "ACTIVE"}', kind='json')
F('expense-card-virtual-number-slack-dm',
  'Here is the virtual card for the conference booking: «card:sp» exp «int:10-12»/«int:27-31» CVC «cvv». Limit $2,000, expires after one use.\n')
F('corporate-travel-card-request-email-de',
  'Betreff: Firmenkreditkarte für Messe\nHallo «first»,\nhier die Daten: Kartennummer «card:sp», gültig bis «int:10-12»/«int:27-31», Prüfziffer «cvv». Bitte nach der Buchung löschen.\n')
F('tarjeta-pago-formulario-mx',
  'Nombre del titular: «name»\nNúmero de tarjeta: «card:dash»\nVencimiento: «int:10-12»/«int:27-31»\nCódigo de seguridad: «cvv»\nCelular: «phone:mx»\n')
F('cartao-credito-whatsapp-br',
  '[«time»] «first»: segue o cartão pra fechar a reserva\n[«time»] «first»: «card:sp» validade «int:10-12»/«int:27-31» cvv «cvv»\n[«time»] Atendente: obrigado! já passei aqui\n')
F('nl-creditcard-betaling-chat',
  'Klant: kan ik telefonisch betalen?\nMedewerker: ja, geef maar door\nKlant: kaartnummer «card», vervaldatum «int:10-12»/«int:27-31}, beveiligingscode «cvv»\n'.replace('}', '»'))
F('pci-scope-card-data-discovery-report',
  'File: \\\\fs01\\finance\\old\\refunds_2019.xlsx\nMatches: 0 PAN (Luhn-valid)  14 masked PAN  3 BIN-only\nRisk: LOW\n', n=3)
F('payment-decline-code-reference',
  'Code 05  Do not honor\nCode 14  Invalid card number\nCode 51  Insufficient funds\nCode 54  Expired card\nCode N7  Decline for CVV2 failure\n', n=2)
F('test-card-table-in-qa-wiki',
  '| Scenario | Card | Result |\n|---|---|---|\n| Declined | «card=4000 0000 0000 0002» | card_declined |\n| Insufficient | 4000 0000 0000 9995 | insufficient_funds |\n', n=1)
F('interchange-qualification-report-csv',
  'mcc,card_product,txn_count,volume,ic_rate\n5812,VISA_SIGNATURE,«int:10-999»,«amt»,1.95\n5812,MC_WORLD,«int:10-999»,«amt»,1.90\n', n=3)
