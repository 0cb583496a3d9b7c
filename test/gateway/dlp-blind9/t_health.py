"""Clinical, pharmacy and insurance documents of several countries."""
from gen import F

F('epic-hyperspace-snapshot-print',
  'SNAPSHOT  «name»   MRN: «mrn:num9»   DOB: «dob:us»\nPCP: Dr. «last»   Coverage: «|Aetna PPO|UHC Choice Plus|Cigna OAP»  Member ID: «hin:member»\nProblem List:\n  Type 2 diabetes mellitus without complications («icd=E11.9»)\n  Essential hypertension («icd=I10»)\n',
  'SNAPSHOT  «name»   MRN: «mrn:num9»\nAllergies: Penicillins (hives)\nCare gaps: HbA1c overdue, retinal exam due «date:us»\n')
F('cerner-powerchart-banner-bar',
  '«last», «first»  | Age: «int:20-88» years | Sex: F | MRN:«mrn:num7» | FIN:«num:10» | Loc: 4W-412-B | Isolation: Contact\nAttending: «last~2» MD | Code Status: Full\n',
  '«last», «first»  | Age: «int:20-88» years | FIN:«num:10» | Loc: ED-07 | Allergies: NKA\n')
F('meditech-expanse-census-line',
  '4NORTH  «up:3»-«int:1-40»  «last»,«first»  «mrn:e»  ADM «date:us»  «|PNEUMONIA|CHF EXACERB|SEPSIS»  DX «icd»  ATT «up:3»\n',
  '4NORTH  BED-«int:1-40»  VACANT  CLEAN  «date:us» «time»\n')
F('allscripts-pm-eligibility-screen',
  'Patient: «name»  Acct#: «num:7»\nIns 1: «|BCBS IL|HUMANA GOLD|AETNA HMO»  Subscriber ID: «hin:bcbs»  Grp: «an:6»\nSubscriber SSN: «ssn»\nStatus: ACTIVE  Copay OV: $25\n')
F('athena-clinicals-encounter-summary-pdf-text',
  'ENCOUNTER SUMMARY\n«name» (Pt ID «num:6»)   Medical Record #: «mrn:num8»\nAssessment / Plan\n1. Low back pain - «icd=M54.5» - ibuprofen 600 mg\n2. Vitamin D deficiency - «icd=E55.9»\nFollow up 6 weeks.\n')
F('nextgen-superbill-checkbox-ocr',
  '[X] 99213 Est pt lvl 3     [ ] 99214\nDX1 «icd»   DX2 «icd~2»\nPatient «name»  MRN «mrn:num7»  Ins ID «hin:member»\nPhone «phone:usdash»\n',
  '[X] 99213 Est pt lvl 3     [ ] 99214\nDX1 ______ DX2 ______\nProvider NPI «npi»  Tax ID «int:10-99»-«num:7»\n')
F('eclinicalworks-telephone-encounter',
  'Telephone Encounter  «date:us» «time»\nCaller: daughter («name»)  Call back #: «phone:us»\nReason: refill metformin for «|mom|her mother»; chart «mrn:num7» reviewed, dx «icd=E11.65»\nAction: sent to pharmacy.\n')
F('kareo-patient-statement-text',
  'STATEMENT DATE «date:us»   ACCOUNT «num:8»\nPatient: «name»\nInsurance: «|Medicare Part B|Tricare East» ID «hin:mbi»\nBalance due $«amt»\nQuestions? Call «phone:usdash»\n',
  'STATEMENT DATE «date:us»   ACCOUNT «num:8»\nPrevious balance $«amt»  Payments $0.00\nPlease detach and return the lower portion.\n')
F('cms-1500-box-1a-fixed-width',
  '1a INSURED ID NUMBER      «hin:mbi»\n2 PATIENT NAME            «last», «first»\n3 DOB «dob:us»  SEX F\n21 ICD IND 0  A «icd»  B «icd~2»\n24J RENDERING NPI «npi»\n')
F('ub-04-fl-67-diagnosis-block',
  'FL60 INSURED UNIQUE ID  «hin:member»\nFL03a PAT CNTL #  «num:9»   FL03b MED REC #  «mrn:num8»\nFL67 PRIN DX  «icd»   FL67A «icd~2»\nFL76 ATTENDING NPI «npi»\n')
F('medicare-summary-notice-text',
  'Medicare Summary Notice for Part B\n«name»\nMedicare Number «hin:mbidash»\nCustomer Service 1-800-MEDICARE\nDates of Service «date:us»  Claim Number «num:13»\n',
  'Medicare Summary Notice for Part B\nThis is not a bill. Your deductible status: $257.00 met.\nClaim Number «num:13»  Provider NPI «npi»\n')
F('red-white-blue-medicare-card-ocr',
  'MEDICARE HEALTH INSURANCE\nName/Nombre\n«name»\nMedicare Number/Número de Medicare\n«hin:mbidash»\nEntitled to   Coverage starts\nHOSPITAL (PART A) «date:us»\n')
F('medicaid-ny-cin-benefit-card-scan',
  'NEW YORK STATE BENEFIT IDENTIFICATION CARD\n«name»\nCIN «hin:medicaid»   ISSUE «date:us»\nSEQ 01\n')
F('texas-medicaid-your-texas-benefits-letter',
  'Your Texas Benefits Medicaid Card\nMember: «name»\nMedicaid ID: «hin:num9»\nDate of birth: «dob:us»\nIf you have questions call 2-1-1 or «phone:us».\n')
F('cigna-id-card-back-json',
  '{"card": {"side": "back", "fields": {"member_id": "«hin:alnum10»", "group": "«num:7»", "rx_bin": "017010", "rx_pcn": "02960000", "rx_grp": "«an:8»", "customer_service": "«phone:use164»"}}}',
  '{"card": {"side": "back", "fields": {"rx_bin": "017010", "rx_pcn": "02960000", "group": "«num:7»", "claims_address": "PO Box 188061, Chattanooga TN"}}}', kind='json')
F('bcbs-fep-member-portal-profile-json',
  '{"profile": {"memberId": "R«num:8»", "enrollmentCode": "105", "subscriber": {"name": "«name»", "ssnLast4": "«last4»", "ssn": "«ssn»"}, "phones": [{"type": "MOBILE", "number": "«phone:usdash»"}]}}', kind='json')
F('humana-go365-activity-export-csv',
  'member_id,activity,points,date\n«hin:ins»,flu shot,«int:50-500»,«date»\n«hin:ins~2»,step goal,«int:50-500»,«date»\n',
  'activity,points,date\nflu shot,«int:50-500»,«date»\nstep goal,«int:50-500»,«date»\n')
F('optum-rx-prior-auth-fax-text',
  'OptumRx PRIOR AUTHORIZATION REQUEST - FAX «phone:us»\nMember ID: «hin:member»   Member DOB: «dob:us»\nMedication: Ozempic 1 mg   Diagnosis (ICD-10): «icd=E11.65»\nPrescriber NPI: «npi»\n')
F('surescripts-newrx-xml-fragment',
  '<Patient><HumanPatient><Identification><MedicalRecordIdentificationNumberEHR>«mrn:num8»</MedicalRecordIdentificationNumberEHR></Identification><Name><LastName>«last»</LastName></Name></HumanPatient></Patient><Diagnosis><Primary><Code>«icd»</Code><Qualifier>ABF</Qualifier></Primary></Diagnosis>')
F('pharmacy-pos-signature-capture-log',
  '«dt» LANE2 SIGCAP rx=«num:7» pt="«name»" dob=«dob» ins_cardholder=«hin:alnum10» counsel=DECLINED\n',
  '«dt» LANE2 SIGCAP rx=«num:7» counsel=DECLINED copay=«amt»\n')
F('pioneer-rx-refill-queue-tsv',
  'RxNum\tPatient\tCardholder ID\tPhone\tDue\n«num:7»\t«last», «first»\t«hin:w»\t«phone:usdash»\t«date:us»\n')
F('dental-ada-claim-form-2019-ocr',
  'ADA American Dental Association Dental Claim Form\n15. Subscriber Identifier (SSN or ID#) «ssn»\n12. Policyholder «name»\n20. Patient «first» «last»\n29. Procedure D1110   34a. Diagnosis Code «icd=K05.10»\n')
F('vision-benefit-authorization-vsp-text',
  'Authorization #«num:9»  valid 60 days\nMember: «name»  Member ID (last 4 of SSN not used) «hin:num11»\nExam: WellVision  Dx: «icd=H52.4»\n')
F('behavioral-health-intake-questionnaire',
  'Client name: «name»\nMRN: «mrn:num7»\nPresenting concern: anxiety, poor sleep\nWorking diagnosis: «icd=F41.1»\nEmergency contact: «phone:us»\nInsurance member #: «hin:member»\n',
  'Client name: ________\nPresenting concern: ________\nHow often have you felt nervous (GAD-7 item 1)? 0 1 2 3\n')
F('lab-requisition-quest-barcode-text',
  'REQ «an:10»  Collected «date:us» «time»\nPatient «last», «first»  MRN «mrn:num8»\nTests: CMP, HbA1c, Lipid panel\nDx codes: «icd» «icd~2»\nBill to: Insurance  Policy # «hin:member»\n',
  'REQ «an:10»  Accession «num:11»  Collected «date:us» «time»\nTests: CBC w/ diff\nSpecimen: lavender top x1\n')
F('labcorp-result-hl7-free-text-print',
  'LabCorp  Specimen Number: «num:11»  Account: «num:8»\nPatient ID: «mrn:num9»\nTEST             RESULT  FLAG  UNITS   REF\nGlucose          «int:70-240»    H    mg/dL   65-99\nHemoglobin A1c   «int:5-11».«int:0-9»    H    %       4.8-5.6\n',
  'LabCorp  Specimen Number: «num:11»  Account: «num:8»\nTEST             RESULT  FLAG  UNITS   REF\nTSH              «int:1-4».«int:10-99»          uIU/mL  0.450-4.500\n')
F('radiology-order-dicom-worklist-text',
  '(0010,0020) PatientID               LO [«mrn:num8»]\n(0010,0010) PatientName             PN [«last»^«first»]\n(0008,0050) AccessionNumber         SH [«num:10»]\n(0032,1060) RequestedProcedureDesc  LO [CT HEAD WO]\n(0040,1002) ReasonForRequestedProc  LO [«icd=R51.9» headache]\n',
  '(0008,0050) AccessionNumber         SH [«num:10»]\n(0032,1060) RequestedProcedureDesc  LO [XR CHEST 2V]\n(0040,0009) ScheduledProcedureStepID SH [«an:8»]\n')
F('pacs-viewer-overlay-ocr',
  '«last» «first»\nID: «mrn:e»\nDOB «dob»\nSt: CT ABD/PEL W\n«date» «time»\nkV 120 mA 240\n',
  'kV 120 mA 240\nSL 5.0 mm\nW 400 L 40\nIM 34/120\n')
F('nursing-shift-report-sbar-typed',
  'S: «first» «last», bed 12, MRN «mrn:num8», admitted for CHF exacerbation («icd=I50.9»)\nB: hx AFib on apixaban\nA: 2L O2, crackles bibasilar\nR: repeat BMP in AM, call family at «phone:us»\n')
F('wound-vac-rental-order-form',
  'KCI V.A.C. therapy order\nPatient «name»   Medical record number «mrn:num8»\nWound dx «icd=L89.154»  Stage 4 sacral\nPrimary insurance ID «hin:member»\n')
F('home-health-oasis-e-export-fixed',
  'M0020 PAT ID «mrn:pad»\nM0063 MEDICARE NO «hin:mbi»\nM0064 SSN «ssn:plain»\nM1021 PRIMARY DX «icd»\nM1023 OTHER DX «icd~2»\n',
  'M0080 DISCIPLINE 1\nM0090 ASSESSMENT COMPLETED «date:compact»\nM0100 REASON 01\n')
F('hospice-election-statement-text',
  'Hospice Election Statement\nI, «name», Medicare Beneficiary Identifier «hin:mbi», elect the hospice benefit effective «date:us».\nTerminal diagnosis: «icd=C34.90»\n')
F('snf-mds-3-section-a-dump',
  'A0500 Legal name «last», «first»\nA0600A SSN «ssn»\nA0600B Medicare number «hin:mbi»\nA0700 Medicaid number «hin:medicaid»\nI8000 Additional dx «icd»\n')
F('workers-comp-first-report-injury-ny-c2f',
  'C-2F EMPLOYER\'S FIRST REPORT OF WORK-RELATED INJURY\nEmployee name «name»   SSN «ssn»\nPhone «phone:us»\nNature of injury: laceration, left hand («icd=S61.412A»)\nWCB Case # «an:8»\n',
  'C-2F EMPLOYER\'S FIRST REPORT\nCarrier code W«num:6»   WCB Case # «an:8»\nDate of accident «date:us»\n')
F('auto-pip-medical-bill-cover-letter',
  'RE: Insured «name»  Claim No. «an:4»-«num:8»  DOL «date:us»\nEnclosed please find bills for dates of service «date:us». Diagnoses: «icd=S13.4XXA», «icd=M54.2».\nPatient chart # «mrn:num7».\n',
  'RE: Claim No. «an:4»-«num:8»  DOL «date:us»\nPlease remit to the address below. Tax ID «int:10-99»-«num:7».\n')
F('utilization-management-concurrent-review-note',
  'CR day 3 - pt «mrn:alpha» remains inpatient. MCG criteria met for HF. Payer auth «num:10». Member «hin:member». DX «icd=I50.23».\n')
F('case-management-discharge-planning-email',
  'Hi team,\nPlanning d/c for «first» «last» (MRN «mrn:num8») to SNF Friday. Daughter reachable at «phone:us». Humana member ID «hin:ins». Please confirm auth.\n— «first~2», RN CM\n')
F('remote-patient-monitoring-bp-cuff-json',
  '{"device_sn": "«an:12»", "patient": {"emr_mrn": "«mrn:num7»"}, "reading": {"sys": «int:100-170», "dia": «int:60-100», "pulse": «int:55-110»}, "program_dx": "«icd=I10»"}',
  '{"device_sn": "«an:12»", "reading": {"sys": «int:100-170», "dia": «int:60-100», "pulse": «int:55-110»}, "fw": "«ver»"}', kind='json')
F('dexcom-clinic-report-header-text',
  'AGP Report  «date» - «date~2»\n«name»   DOB «dob:us»   MRN «mrn:num8»\nTime in range 70-180: «int:40-90»%   GMI «int:6-9».«int:0-9»%\nDx «icd=E10.65»\n')
F('insulin-pump-upload-csv-carelink',
  'Index,Date,Time,BG Reading (mg/dL),Bolus Volume Delivered (U)\n1,«date:us»,«time»,«int:70-250»,«int:1-9».«int:0-9»\n2,«date:us»,«time»,«int:70-250»,\n')
F('immunization-registry-query-vxq-print',
  'IIS lookup  result: 1 match\nName «name»  DOB «dob:us»\nMRN «mrn:num7»   Medicaid ID «hin:medicaid»\nCVX 208 COVID-19 «date:us»\nCVX 141 Influenza «date:us»\n')
F('school-immunization-exemption-form',
  'Student «name»   Grade 4\nMedical exemption for MMR - physician statement - contraindication code «icd=D80.9»\nPhysician phone «phone:usdash»\n',
  'Student ________   Grade __\nVaccine    Dose 1    Dose 2\nMMR        «date:us» «date:us»\nDTaP       «date:us»\n')
F('occupational-health-respirator-clearance',
  'Employee «name»  Emp ID «num:6»\nOSHA Respirator Medical Evaluation: CLEARED, no restrictions.\nPulmonary function normal.\n')
F('sports-physical-ppe-form',
  'Preparticipation Physical Evaluation\nName «name»  Sport: soccer\nPhysician: cleared without restriction\nHistory: exercise-induced asthma («icd=J45.990»)\nParent phone «phone:us»\n')
F('urgent-care-aftercare-instructions-printout',
  'AFTER VISIT SUMMARY  «date:us»\n«name»  MRN: «mrn:num8»\nYou were seen for: Acute pharyngitis («icd=J02.9»)\nReturn if fever > 39 C.\n',
  'AFTER VISIT SUMMARY\nDrink fluids. Take acetaminophen every 6 hours as needed.\nReturn if symptoms worsen.\n')
F('dermatology-biopsy-path-report',
  'SURGICAL PATHOLOGY  Case S«int:24-26»-«num:5»\nPatient: «name»  MRN: «mrn:num9»\nSpecimen: skin, left shoulder, shave\nDiagnosis: basal cell carcinoma, nodular type\nICD-10: «icd=C44.612»\n')
F('genetic-testing-requisition-invitae',
  'Patient name «name»  DOB «dob:us»\nMRN «mrn:alpha»\nClinical indication: family hx breast cancer «icd=Z80.3»\nBilling: insurance  Member ID «hin:member»  Policyholder SSN «ssn»\n')
F('ivf-clinic-cycle-summary',
  'Cycle #«int:1-4»  Patient «first» «last» (chart «mrn:num7»)\nDx «icd=N97.9»\nRetrieval «date» - 12 oocytes\nPartner contact «phone:us»\n')
F('obstetric-triage-log',
  '«time» G2P1 «int:28-41»w  MRN «mrn:num8»  c/o contractions  SVE 3/70/-1  dx «icd=O47.03»  → L&D\n',
  '«time» G2P1 «int:28-41»w  NST reactive  d/c home  follow-up clinic\n')
F('neonatal-nicu-admission-note',
  'NICU Admission  «date»\nBaby Boy «last» MRN «mrn:num10»\nGA 32w, BW 1720 g\nDx: prematurity «icd=P07.34», RDS «icd=P22.0»\nMother MRN «mrn:num10~2»\n')
F('dialysis-unit-chairside-sheet-ocr',
  'Chair 7  Pt: «last» MR#«mrn:num6»  EDW 72.5 kg\nDx ESRD «icd=N18.6»\nPre BP 150/88  UF goal 2.5 L\n')
F('transplant-waitlist-unos-form-text',
  'Candidate «name»  SSN «ssn»  Hospital MRN «mrn:num8»\nPrimary dx «icd=N18.6»  ABO O+\n')
F('oncology-chemo-consent-pdf-text',
  'Consent for chemotherapy\nPatient «name» Medical Record No. «mrn:num8»\nDiagnosis: «icd=C50.911»  Regimen AC-T\nSigned «date:us»\n')
F('ambulatory-ekg-holter-summary',
  'HOLTER REPORT\nPt ID «mrn:num7»  Hookup «date:us»\nIndication «icd=R00.2»\nTotal beats 102,344  PVCs 1.2%\n',
  'HOLTER REPORT\nHookup «date:us»  Duration 48h\nTotal beats 102,344  PVCs 1.2%\nRecorder SN «an:10»\n')
F('sleep-lab-psg-scoring-sheet',
  'PSG «date»  Patient «name»  Chart «mrn:num8»\nAHI «int:5-60».«int:0-9»  RDI «int:5-60»\nImpression: OSA, severe («icd=G47.33»)\n')
F('chiropractic-travel-card-ocr',
  'Patient «name»  Acct «num:5»\nVisit 6/12  Adjust C5-C6  Dx «icd=M99.01»\nNext visit «date:us»\n',
  'Visit 6/12  Adjust C5-C6\nNext visit «date:us»\n')
F('physio-funding-acc45-nz-form',
  'ACC45 Injury Claim\nName «name»  Claim number «an:8»\nDiagnosis (Read/ICD) «icd=S93.401A»\nContact «phone:au»\n')
F('ontario-ohip-claim-header-text',
  'HEB HCN «hin:ohip»  DOB «dob:compact»  PAY P  REF «num:6»\nHET FEE A007A  DX 401  UNITS 1\n',
  'HEB PAY P  REF «num:6»  GROUP «an:4»\nHET FEE A007A  DX 401  UNITS 1\n')
F('quebec-ramq-carte-soleil-lecture',
  'Carte d\'assurance maladie\nNom: «last»  Prénom: «first»\nNuméro d\'assurance maladie: «hin:ramq»\nExpiration: «int:2027-2031»-«int:10-12»\n')
F('bc-msp-card-renewal-letter',
  'Health Insurance BC\nDear «first» «last»,\nYour Personal Health Number (PHN) «hin:num11» is enrolled in MSP. Renew your BC Services Card by «date:us».\nCall «phone:usdash» if details are wrong.\n')
F('australian-medicare-claim-statement',
  'Medicare Statement of Benefit\nMedicare card number: «hin:aumed»  IRN: «int:1-5»\nName: «name»\nItem 23  Benefit $41.40\nPhone us on 132 011\n',
  'Medicare Statement of Benefit\nItem 23  Benefit $41.40  Schedule fee $42.85\nThis is not a bill.\n')
F('au-my-health-record-summary',
  'Shared Health Summary\n«name}  Medicare: «hin:aumed»\nMedical history: Asthma («icd=J45.909»)\nMobile «phone:auint»\n'.replace('}', '»'))
F('nhi-taiwan-outpatient-receipt',
  '門診收據 «date»\n姓名：«name»\n病歷號：«mrn:num8»\n健保身分：一般\n診斷：«icd=J06.9» 急性上呼吸道感染\n部分負擔 NT$50\n')
F('japan-kenpo-shou-ocr',
  '健康保険被保険者証\n記号 «int:100-999»  番号 «int:1-99»\n保険者番号 «num:8»\n氏名 «name»\n被保険者番号 «hin:jp»\n')
F('japan-ryoyo-karte-header',
  'カルテ番号: «mrn:num7»\n患者氏名: «name»\n傷病名: 2型糖尿病 («icd=E11.9»)\n連絡先: «phone:jp»\n',
  '受付番号: «int:1-300»\n診療科: 内科\n予約日時: «date» «time»\n')
F('korea-hira-prescription-text',
  '처방전\n환자성명: «name»\n건강보험증번호: «hin:num11»\n질병분류기호: «icd»\n전화: «phone:kr»\n')
F('china-menzhen-bingli-zh',
  '门诊病历\n姓名：«name}  病案号：«mrn:num8»\n医保卡号：«hin:num11»\n诊断：高血压 («icd=I10»)\n联系电话：«phone:cn»\n'.replace('}', '»'))
F('germany-kv-rezept-muster16-ocr',
  'Krankenkasse bzw. Kostenträger  AOK Bayern\nName, Vorname des Versicherten\n«last», «first»   geb. am «dob:eu»\nKostenträgerkennung 108310400   Versicherten-Nr. «hin:kvnr»   Status 1000000\nBetriebsstätten-Nr. «num:9»  Arzt-Nr. «num:9»\n',
  'Krankenkasse bzw. Kostenträger  AOK Bayern\nKostenträgerkennung 108310400   Status 1000000\nBetriebsstätten-Nr. «num:9»  Arzt-Nr. «num:9»\nRp. Ibuprofen 600 N2\n')
F('germany-kh-entlassbrief-header',
  'Klinikum «city», Medizinische Klinik II\nPat.-Nr. (MRN): «mrn:num8»  Fall-Nr.: «num:9»\nDiagnosen: Vorhofflimmern («icd=I48.91»), arterielle Hypertonie («icd=I10»)\nKV-Nr. «hin:kvnr»\n')
F('germany-dak-online-postfach-nachricht',
  'Betreff: Ihre Anfrage Kostenübernahme\nSehr geehrte/r «first» «last»,\nzu Ihrer Krankenversichertennummer «hin:kvnr» liegt der Antrag vor. Rückfragen gern unter «phone:de».\n',
  'Betreff: Bonusprogramm\nSehr geehrte Versicherte, Ihr Bonusheft wurde geprüft. Punkte: 1.200.\n')
F('austria-ecard-sv-nummer-formular',
  'Versicherungsnummer (SV-Nr.): «int:1000-9999» «dob:compact»\nName: «name»\nDiagnose ICD-10: «icd»\nTel.: «phone:at»\n'.replace('«dob:compact»', '«int:10-28»«int:10-12»«int:50-99»'))
F('swiss-krankenkasse-leistungsabrechnung',
  'Leistungsabrechnung  «date:eu»\nVersicherten-Nr. «int:100-999».«int:1000-9999».«int:1000-9999».«int:10-99»\nVersicherte Person: «name»\nDiagnose: «icd=M17.11»\nKostenbeteiligung CHF «amt»\n'.replace('Versicherten-Nr. «int:100-999».«int:1000-9999».«int:1000-9999».«int:10-99»', 'Versicherten-Nr. «hin:zn»'))
F('france-carte-vitale-attestation-droits',
  'ATTESTATION DE DROITS À L\'ASSURANCE MALADIE\nBénéficiaire : «first» «last»\nN° d\'immatriculation : «hin:num11»\nRégime : général  Caisse : CPAM «city»\n',
  'ATTESTATION DE DROITS\nCaisse : CPAM «city»  Centre de paiement «int:100-999»\nDroits ouverts du «date:eu» au «date:eu»\n')
F('france-compte-rendu-hospitalisation',
  'Compte rendu d\'hospitalisation\nPatient : «name»  N° dossier médical : «mrn:num8»\nMotif : pneumopathie (CIM-10 «icd=J18.9»)\nMédecin traitant joignable au «phone:fr»\n')
F('france-mutuelle-remboursement-email',
  'Objet : Votre remboursement\nBonjour «first»,\nvotre numéro d\'adhérent «hin:num9» — remboursement de 23,40 € pour la consultation du «date:eu».\nMot de passe provisoire de l\'espace adhérent : «pw»\n')
F('spain-receta-electronica-hoja',
  'Hoja de medicación activa\nNº historia clínica: «mrn:num8»\nDiagnóstico: «icd=E78.5» hipercolesterolemia\nAtorvastatina 20 mg 0-0-1\n',
  'Hoja de medicación activa\nAtorvastatina 20 mg 0-0-1\nPróxima dispensación: «date:uk»\n')
F('italy-impegnativa-ssn-ricetta',
  'RICETTA SSN  N. «num:15»\nCognome e nome: «last» «first}\nN. tessera sanitaria: «hin:itts»\nQuesito diagnostico: «icd=R10.9» dolore addominale\n'.replace('}', '»'))
F('italy-cartella-clinica-lettera',
  'Lettera di dimissione\nN. cartella clinica: «mrn:yr»\nPaziente: «name»\nDiagnosi: frattura femore («icd=S72.001A»)\nRecapito: «phone:it»\n')
F('netherlands-zorgverzekeraar-declaratie',
  'Declaratieoverzicht\nVerzekerde: «name»\nPolisnummer (relatienummer): «hin:num9»\nDiagnose (ICD-10): «icd»\nEigen risico verrekend € «amt»\n'.replace('Polisnummer (relatienummer)', 'Verzekerdennummer'),
  'Declaratieoverzicht\nZorgverlener AGB «num:8»\nEigen risico verrekend € «amt»\n')
F('belgium-mutualiteit-vignet-ocr',
  'Mutualité chrétienne  Code 1xx\n«last» «first»\nN° d\'inscription: «hin:num11»\nCT1/CT2 110/110\n'.replace('«last»', '«last»'))
F('poland-skierowanie-do-specjalisty',
  'SKIEROWANIE\nPacjent: «name»  PESEL: «num:11»\nNr historii choroby: «mrn:num7»\nRozpoznanie (ICD-10): «icd=M54.5»\nTel.: «phone:pl»\n')
F('czech-zadanka-laborator',
  'Žádanka o laboratorní vyšetření\nPojištěnec: «name»  Číslo pojištěnce: «hin:num9»  Pojišťovna 111\nDg: «icd»\n')
F('sweden-journalanteckning',
  'Journalanteckning «date»\nPatient: «name»  Journalnummer (MRN): «mrn:num8»\nBedömning: «icd=J20.9» akut bronkit\nTel: «phone:se»\n')
F('norway-epikrise-helsenorge',
  'EPIKRISE\nPasient: «name»\nPasientnummer/journal (MRN): «mrn:num7»\nDiagnose: «icd=F32.1» (ICD-10)\nFastlege: Dr. «last»\n')
F('denmark-sundhed-dk-henvisning',
  'Henvisning til fysioterapi\nPatient: «name}\nDiagnose: DM545 lændesmerter (ICD-10 «icd=M54.5»)\n'.replace('}', '»'),
  'Henvisning til fysioterapi\nYdernummer «num:6»\nAntal behandlinger: 12\n')
F('finland-kela-korvaus-hakemus',
  'Kela – sairaanhoitokorvaus\nNimi: «name»\nDiagnoosi: «icd=J45.909»\nPuhelin: «phone:fi»\nLaskun numero: «num:9»\n')
F('brazil-guia-tiss-sadt-ocr',
  'GUIA DE SP/SADT  Nº «num:12»\n1- Registro ANS «num:6»\n8- Número da carteira «hin:num11»\n10- Nome «name»\n23- CID-10 «icd»\nTelefone «phone:br»\n',
  'GUIA DE SP/SADT  Nº «num:12»\n1- Registro ANS «num:6»\n29- Código do procedimento 40304361\n')
F('brazil-prontuario-eletronico-tasy',
  'Prontuário nº «mrn:num7»  Atendimento «num:8»\nPaciente: «name»\nHipótese diagnóstica: «icd=A90» dengue\nConvênio: Unimed  Carteirinha «hin:alnum10»\n')
F('mexico-imss-hoja-de-referencia',
  'IMSS  HOJA DE REFERENCIA\nNSS: «hin:mx»\nNombre: «name»\nDiagnóstico CIE-10: «icd=K35.80»\nTel: «phone:mx»\n')
F('india-ayushman-card-hospital-text',
  'PMJAY pre-auth  «date»\nBeneficiary: «name»\nPMJAY beneficiary ID: «hin:alnum10»\nHospital IP No.(MRN): «mrn:num8»\nDiagnosis: «icd=K80.20»\nMobile «phone:in»\n')
F('uae-daman-eclaim-xml',
  '<Claim><ID>«num:10»</ID><MemberID>«hin:alnum10»</MemberID><PayerID>A001</PayerID><Encounter><FacilityID>MF«num:4»</FacilityID></Encounter><Diagnosis><Type>Principal</Type><Code>«icd»</Code></Diagnosis></Claim>',
  '<Claim><ID>«num:10»</ID><PayerID>A001</PayerID><Activity><Code>99213</Code><Net>«amt»</Net></Activity></Claim>')
F('south-africa-medical-aid-claim-email',
  'Subject: Claim query\nGood day, I was charged for a GP visit on «date:uk». Medical aid number «hin:num9», dependent code 01. ICD «icd=J06.9». Please call me on «phone:za». Thanks, «first»\n')
F('ireland-gms-medical-card-letter',
  'HSE Primary Care Reimbursement Service\nDear «first» «last»,\nYour Medical Card number «up:1»«num:7»«up:1» (GMS scheme) is approved until «date:uk».\n'.replace('Medical Card number «up:1»«num:7»«up:1»', 'Medical Card number «hin:medicaid»'),
  'HSE Primary Care Reimbursement Service\nYour application reference «num:8» is under review.\n')
F('uk-private-bupa-pre-auth-web-form',
  'Membership number: «hin:num9»\nFull name: «name»\nPhone: «phone:ukmob»\nCondition: knee pain («icd=M25.561»)\nConsultant: Mr «last»\n')
F('uk-gp-fit-note-ocr',
  'Statement of Fitness for Work\nPatient\'s name «name»\nI assessed your case on «date:uk»\nCondition: lumbar back pain\nHospital number «mrn:hosp»\n',
  'Statement of Fitness for Work\nI assessed your case on «date:uk»\nyou are not fit for work for 2 weeks\n')
F('nhs-pathology-request-label',
  'Hospital No: «mrn:hosp»\nSurname: «last»  Forename: «first»\nWard: AMU  Consultant: Dr «last~2»\nClinical details: ?UTI («icd=N39.0»)\n')
F('va-vista-patient-inquiry-roll',
  'PATIENT INQUIRY\nNAME: «last»,«first»   SSN: «ssn»   DOB: «dob:us»\nCLAIM #: «num:9»\nELIGIBILITY: SC LESS THAN 50%\nPHONE: «phone:usdash»\n')
F('tricare-east-referral-letter',
  'TRICARE East Referral Authorization\nBeneficiary «name»  DoD Benefits Number «hin:tricare»\nSponsor SSN «ssn»\nDiagnosis «icd=M75.101»\n')
F('ihs-chs-purchase-order-text',
  'CHS PURCHASE/REFERRAL  PO# «num:8»\nPatient «name}  HRN (health record no.) «mrn:num6»\nDx «icd»\n'.replace('}', '»'))
F('free-clinic-sign-in-sheet-csv',
  'time,name,dob,phone,reason\n«time»,«name»,«dob:us»,«phone:usdash»,cough\n«time»,«name~2»,«dob:us~2»,«phone:usdash~2»,BP check\n',
  'time,reason,seen_by\n«time»,cough,NP\n«time»,BP check,RN\n')
F('patient-payment-plan-agreement',
  'Payment Plan Agreement\nGuarantor «name»  SSN «ssn»\nPatient account «num:8»\nMonthly amount $«amt» drafted from card ending «last4»\n')
F('medical-coding-certification-exam-item',
  'Q17. A patient presents with type 2 diabetes with hyperglycemia. Which ICD-10-CM code is correct?\n a) «icd=E11.65»  b) «icd=E11.9»  c) «icd=E10.65»  d) «icd=E13.65»\n')
F('coder-query-physician-documentation',
  'CDI query for «mrn:num8»: documentation supports acute on chronic systolic HF? Please clarify: «icd=I50.23» vs «icd=I50.9». Reply in the chart.\n')
F('health-app-symptom-diary-export',
  'date,symptom,severity\n«date»,headache,6\n«date»,nausea,3\n', n=3)
F('pharmacy-loyalty-receipt',
  'RX SAVINGS CLUB\nRX#«num:7» AMOXICILLIN 500MG  QTY 30  $«amt»\nInsurance saved you $«amt»\nRewards ID «num:10»\n', n=3)
F('veterinary-clinic-invoice',
  'Patient: Biscuit (canine, 6y)  Client #«num:5»\nDx: otitis externa\nCytology  $«amt»\nNext: recheck in 14 days\n', n=3)
F('medical-device-udi-label-ocr',
  '(01)«num:14»(17)«date:compact»(10)LOT«an:6»(21)«an:8»\nREF «an:7»  Rx only\n', n=3)
F('ems-epcr-narrative-export',
  'ePCR «num:10»  Unit M12\nPt «name», approx «int:20-90»yo, c/o chest pain. 12-lead NSR. ASA 324 mg given.\nReceiving facility MRN «mrn:num8»\nImpression: «icd=R07.9»\n',
  'ePCR «num:10»  Unit M12  Dispatch «time»\nCancelled en route. No patient contact.\n')
F('blood-donor-deferral-letter',
  'Dear donor «name» (Donor ID «an:8»),\nbased on your hemoglobin of 11.9 g/dL you are deferred for 56 days. This is not a diagnosis.\n', n=3)
F('eye-clinic-optical-rx-slip',
  'Rx  OD -2.25 -0.50 x180  OS -2.00 -0.75 x175  ADD +1.25\nPD 63\nPatient «name»  Chart# «mrn:num6»\nDx «icd=H52.13»\n', n=2)
F('ot-hand-therapy-progress-note',
  'Progress note  «date:us»\nPt: «last», «first}  MRN «mrn:num8»\nDx: carpal tunnel syndrome, right («icd=G56.01»)\nGrip 18 kg R / 31 kg L\n'.replace('}', '»'))
F('speech-language-ehr-goal-bank',
  'Goal 1: pt will produce /r/ in initial position with 80% accuracy.\nDx code: «icd=F80.0»\nStudent ID «num:7» (school, not medical record)\n')
F('medical-transcription-dictation-header',
  'JOB #«num:6»  DICT: «up:3»  TRANS: «up:2»\nPATIENT: «name»  MR#: «mrn:num7»  DOS: «date:us»\nCHIEF COMPLAINT: cough x 2 weeks\nASSESSMENT: acute bronchitis, «icd=J20.9».\n')
F('allergy-immunotherapy-vial-label',
  'Vial 1 of 3  «name»  MRN «mrn:num8»\nTrees/Grass 1:100 v/v\nExp «date:us»\nDx allergic rhinitis «icd=J30.1»\n')
F('pharmacy-benefit-eob-part-d-text',
  'Part D Explanation of Benefits\nMember: «name»  Member ID: «hin:member»\nTotal drug costs this month: $«amt»\nRxBIN 004336  RxPCN MEDDADV  RxGRP «an:5»\n',
  'Part D Explanation of Benefits\nRxBIN 004336  RxPCN MEDDADV  RxGRP «an:5»\nYou are in the Initial Coverage stage.\n')
F('dental-pms-recall-postcard-merge',
  '«first» «last}\n«street}\nIt\'s time for your cleaning! Call «phone:us» to book. Patient #«mrn:num6»\n'.replace('}', '»'))
F('health-savings-account-claim-receipt',
  'HSA Claim «num:9»\nParticipant: «name}  Employee SSN: «ssn»\nProvider: «city» Dental  Amount $«amt»\n'.replace('}', '»'))
F('long-term-care-insurance-claim-packet',
  'Claimant «name»  Policy number «an:3»«num:7»\nSSN «ssn»  Date of birth «dob:us»\nAttending physician phone «phone:us»\nDiagnosis: Alzheimer\'s disease («icd=G30.9»)\n')
F('disability-aps-physician-statement',
  'ATTENDING PHYSICIAN STATEMENT\nClaimant «name»  SSN «ssn:sp»\nPrimary diagnosis «icd=M51.26»\nRestrictions: no lifting > 10 lb\n')
F('clinical-trial-screening-log-csv',
  'screen_id,site,initials,age,eligible,reason\n«up:3»-«int:100-999»,«int:101-140»,«up:2»,«int:30-80»,N,HbA1c out of range\n«up:3»-«int:100-999»,«int:101-140»,«up:2»,«int:30-80»,Y,\n', n=3)
F('irb-adverse-event-report',
  'Serious adverse event  Subject «up:3»-«int:100-999»\nEvent: hospitalization for pneumonia («icd=J18.9»)\nSite MRN (local only) «mrn:num8»\n')
F('medical-necessity-letter-wheelchair',
  'To whom it may concern,\n«name» (DOB «dob:us», Medicaid ID «hin:medicaid») requires a power wheelchair due to ALS («icd=G12.21»).\nSincerely, Dr. «last»\n')
F('hospital-badge-visitor-log',
  'Visitor «name» visiting room 512 «date» «time» badge V«int:100-999»\n', n=3)
F('med-spa-consult-form',
  'Client «name}  Phone «phone:us»  Email «email:free»\nTreatment: Botox forehead 20 units\nMedical history: migraine («icd=G43.909»)\n'.replace('}', '»'))
