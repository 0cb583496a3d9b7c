"""Hard negatives: values that look like the sensitive kinds but are not, plus a few last positives."""
from gen import F

F('ups-tracking-notification-email',
  'Your package is on the way!\nTracking Number: «ups»\nScheduled delivery: «date:us» by end of day\nShipper: «company»\n', n=3)
F('usps-tracking-sms',
  'USPS: Your item «usps» was delivered in or at the mailbox at «time» on «date:us». Reply STOP to cancel.\n', n=3)
F('marketplace-order-receipt-long-id',
  'Thank you for your order!\nOrder number: «num:16»\nInvoice: INV-«num:10»\nItems: 3  Total: $«amt»\n', n=3)
F('git-log-oneline-hashes',
  '«gitsha» Merge pull request #«int:100-999» from «word»/fix-login\n«gitsha~2» bump deps\n«gitsha~3» add retry to webhook sender\ncommit «sha1»\n', n=3)
F('docker-image-digest-pull-log',
  '«ver»: Pulling from library/«word»\nDigest: sha256:«sha256»\nStatus: Downloaded newer image for «word»:«ver»\n', n=3)
F('developer-portal-quickstart-md',
  '## Authentication\nSend your key in the header:\n\n    curl -H "Authorization: Bearer YOUR_API_KEY" https://api.«word».example/v1/items\n\nReplace `YOUR_API_KEY` with the key from the dashboard (it starts with `sk_live_`).\n', n=3)
F('dlp-tokenization-audit-csv',
  'field,value,masked_by\ncard_number,**** **** **** «last4»,tokenizer\nssn,***-**-«last4~2»,hr-policy\npassword,********,app\napi_key,sk_live_••••«an:4»,vault\n', n=3)
F('w3c-traceparent-request-log',
  '«dt» request_id=«uuid» trace_id=«hex:32» span_id=«hex:16» status=200 duration_ms=«int:3-900»\n', n=3)
F('telecom-handset-return-manifest',
  'asset_tag,model,serial,imei\nIT-«num:5»,Pixel 8,«an:12»,«imei»\nIT-«num:5»,iPhone 15,«an:12~2»,«imei~2»\n', n=3)
F('highway-gate-seat-codes-travel',
  'Take I-10 east to exit 258, then US-60. At the airport go to gate B22; your seat is 12C on flight UA «int:100-999».\n', n=3)
F('supplement-facts-panel-ocr',
  'Supplement Facts\nVitamin B12 (as methylcobalamin) 500 mcg  20833%\nVitamin D3 25 mcg\nBatch L«num:6»  Best before «date:uk»\n', n=3)
F('vendor-remittance-bank-details-block',
  'Direct deposit details\nRouting number: 0«num:8»\nAccount number: «num:10»\nIBAN: GB«int:10-99» NWBK «int:1000-9999» «int:1000-9999» «int:10-99»\n', n=3)
F('login-page-help-copy',
  'Your password must be at least 12 characters and contain a number and a symbol. Never share your password. Forgot password? Use the reset link.\n', n=3)
F('patient-education-handout-text',
  'Type 2 diabetes is a chronic condition that affects how the body processes blood sugar. Regular exercise and a balanced diet help many patients manage it.\n', n=3)
F('npi-registry-lookup-result',
  'NPI «npi»  Type 1 Individual\nName: «name», MD\nTaxonomy: 207Q00000X Family Medicine\nPractice location: «street}, «city»\n'.replace('}', '»'), n=3)
F('clearinghouse-acceptance-summary',
  'Claim ID «num:13»  Payer claim control «an:15»\nStatus: A2 Accepted  Billed $«amt»\nPayer ID «int:10000-99999»  Group «an:6»\n', n=3)
F('lab-accession-labels-print',
  'ACC «num:10»  Tube 1/2  LAV  «date:us» «time»\nACC «num:10»  Tube 2/2  SST\n', n=3)
F('sshd-trusted-pubkeys-review-note',
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI«an:43» «user»@«host»\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ«an:60» ci@build\n', n=3)
F('redacted-incident-postmortem-md',
  '## Timeline\n- «time» UTC key `[REDACTED]` found in public repo\n- «time» UTC key revoked; new key issued via vault (not shown)\n## Impact\nNo customer data accessed.\n', n=3)
# a few more positives where the counts are thinnest
F('hospital-dietary-tray-ticket',
  'TRAY TICKET  «date:us»  Lunch\n«last}, «first»  Rm 4«int:10-40»  MRN «mrn:num8»\nDiet: consistent carb (dx «icd=E11.9»)  Allergy: shellfish\n'.replace('}', '»'), n=3)
F('inpatient-pharmacy-label-ivpb',
  '«last», «first»  MR# «mrn:num7»\nCefazolin 2 g IVPB q8h\nPrep «date:us» «time»  Exp 24h\n', n=2)
F('coverage-verification-call-script',
  'Calling payer for: «name»\nMember ID «hin:member»  Group «num:6»\nDOB «dob:us»\nRef # from rep: «an:10»\n', n=3)
F('eligibility-roster-tsv-employer-plan',
  'member_id\tfirst\tlast\trel\tcoverage\n«hin:ins»\t«first»\t«last»\tEE\tMED+DEN\n«hin:ins~2»\t«first~2»\t«last»\tSP\tMED\n', n=3)
F('pay-by-phone-ivr-debug-trace',
  '«dt» ivr.collect digits=card value=«card» ok\n«dt» ivr.collect digits=exp value=«int:10-12»«int:27-31» ok\n«dt» ivr.collect digits=cvv value=«cvv» ok\n', n=2)
