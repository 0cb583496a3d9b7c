"""EHR, claims, eligibility, clinical documents, national health cards."""
import json
from core8 import T, UP, DG


def npi(g):
    return g.num(10, "1")


@T("athenahealth-patient-api-json")
def _(g):
    f, l = g.first(), g.last()
    return {"patientid": str(g.ri(10000, 99999)), "firstname": f, "lastname": l, "dob": g.dob(), "mobilephone": g.ph("us_dash"), "email": g.em(f, l), "departmentid": str(g.ri(1, 200)),
            "insurances": [{"insuranceidnumber": g.hin("us"), "insurancepolicyholder": f"{f} {l}", "insuranceplanname": "BCBS PPO", "sequencenumber": "1"}]}


@T("drchrono-appointment-json")
def _(g):
    return {"id": g.num(9), "doctor": g.ri(100000, 999999), "patient": g.ri(10000000, 99999999), "scheduled_time": g.ts(), "duration": 30, "exam_room": g.ri(1, 8),
            "status": "Complete", "icd10_codes": [g.icd(), g.icd()], "reason": "follow-up"}


@T("elation-visit-note-json")
def _(g):
    return {"id": g.num(12), "patient": g.num(12), "document_date": g.ts(), "template": "SOAP", "bullets": [{"category": "Assessment", "text": f"Type 2 diabetes, stable — {g.icd()}"},
            {"category": "Plan", "text": "Continue metformin 500 mg BID; recheck A1c in 3 months"}], "signed_by": g.ri(1000, 9999)}


@T("healthie-graphql-user-response")
def _(g):
    return {"data": {"user": {"id": str(g.ri(100000, 999999)), "first_name": g.first(), "dob": g.dob(), "phone_number": g.ph("us"), "policies": [{"name": "Aetna Choice POS II", "num": g.hin("us"), "priority_type": "Primary"}]}}}


@T("cerner-ccl-explorer-output")
def _(g):
    rows = "\n".join(f"{g.mrn('num8'):<10} {g.last().upper():<14} {g.dob()}  {g.pick(['ICU', '4W', '5E', 'ED'])}" for _ in range(3))
    return {"output": "MRN        NAME           DOB         UNIT\n---------- -------------- ----------  ----\n" + rows}


@T("meditech-census-text")
def _(g):
    return {"report": f"ADM CENSUS  {g.date()}  FACILITY: MAIN\nRoom  Name                  MRN        Acct#         Adm Date\n{g.ri(200, 499)}-A {g.name():<21} {g.mrn('alpha')} V{g.num(10)} {g.date()}\n"
                      f"{g.ri(200, 499)}-B {g.name():<21} {g.mrn('alpha')} V{g.num(10)} {g.date()}"}


@T("availity-claim-status-response-json")
def _(g):
    return {"claimStatuses": [{"payer": {"id": "BCBSF", "name": "Florida Blue"}, "subscriber": {"memberId": g.hin("us"), "firstName": g.first(), "lastName": g.last()},
            "claimNumber": g.num(13, "2026"), "statusDetails": [{"category": "F1", "categoryValue": "Finalized/Payment", "effectiveDate": g.date()}], "totalClaimAmount": g.amt()}]}


@T("change-healthcare-professional-claim-json")
def _(g):
    return {"controlNumber": g.num(9), "tradingPartnerServiceId": "9496", "subscriber": {"memberId": g.hin("us"), "paymentResponsibilityLevelCode": "P", "firstName": g.first(), "lastName": g.last(), "gender": "F", "dateOfBirth": g.dob().replace("-", "")},
            "claimInformation": {"claimFilingCode": "CI", "patientControlNumber": g.num(8), "claimChargeAmount": g.amt(), "healthCareCodeInformation": [{"diagnosisTypeCode": "ABK", "diagnosisCode": g.icd_nodot()}, {"diagnosisTypeCode": "ABF", "diagnosisCode": g.icd_nodot()}]}}


@T("pverify-eligibility-request")
def _(g):
    return {"payerCode": "00192", "provider": {"lastName": g.last(), "npi": npi(g)}, "subscriber": {"firstName": g.first(), "lastName": g.last(), "dob": g.dob(), "memberID": g.hin("us")},
            "isSubscriberPatient": "True", "doS_StartDate": g.date(), "serviceCodes": ["30"]}


@T("mac-portal-eligibility-screen-text")
def _(g):
    return {"screen": f"Beneficiary Eligibility Inquiry\nMedicare Beneficiary Identifier (MBI): {g.mbi(True)}\nLast Name: {g.last().upper()}   First Name: {g.first().upper()}   DOB: {g.dob()}\n"
                      f"Part A Effective: {g.date(2010, 2020)}   Part B Effective: {g.date(2010, 2020)}\nMedicare Advantage: NONE ON FILE\nHospice: none"}


@T("medicare-advantage-enrollment-csv")
def _(g):
    rows = [f"{g.last()},{g.first()},{g.mbi()},H{g.num(4)}-{g.ri(1, 99):03d},{g.date()},{g.ph('us_dash')}" for _ in range(2)]
    return {"file": "LAST,FIRST,MBI,CONTRACT_PBP,EFF_DATE,PHONE\n" + "\n".join(rows)}


@T("medicaid-mco-member-roster-csv")
def _(g):
    rows = [f"{g.hin('medicaid')}|{g.last().upper()}|{g.first().upper()}|{g.dob()}|{g.ph('us')}|PCP {npi(g)}" for _ in range(3)]
    return {"roster.txt": "MEDICAID_ID|LNAME|FNAME|DOB|PHONE|ASSIGNED\n" + "\n".join(rows)}


@T("nhs-trust-outpatient-letter")
def _(g):
    return {"letter": f"Dear Dr {g.last()},\n\nRe: {g.name()}  DOB {g.dob()}  Hospital No (MRN): {g.mrn('alpha')}\n\nI saw this patient in the respiratory clinic on {g.date()}. Diagnosis: asthma, "
                      f"coded {g.icd()}. Spirometry showed FEV1 78% predicted. Plan: step up to ICS/LABA, review in 12 weeks.\n\nYours sincerely,\nDr {g.last()}, Consultant Respiratory Physician"}


@T("au-telehealth-intake-form-json")
def _(g):
    return {"form": "new-patient", "answers": {"full_name": g.name(), "date_of_birth": g.dob(), "mobile": g.ph("au"), "medicare_card_number": g.hin("aumed"), "medicare_irn": str(g.ri(1, 5)),
            "reason_for_visit": "repeat script", "consent": True}}


@T("ohip-health-card-validation-response")
def _(g):
    return {"healthNumber": g.hin("ohip"), "responseCode": "50", "responseDescription": "Health card passed validation", "firstName": g.first().upper(), "lastName": g.last().upper(), "expiryDate": g.date(2027, 2030)}


@T("bc-pharmanet-patient-lookup-text")
def _(g):
    return {"screen": f"PHARMANET  TRX TID {g.num(6)}\nPHN: {g.hin('bcphn')}  NAME: {g.last().upper()}, {g.first().upper()}  DOB: {g.dob()}\nMEDICATION PROFILE (last 14 months)\n {g.date()}  ATORVASTATIN 20MG TAB  QTY 90"}


@T("quebec-clinic-booking-confirmation-fr")
def _(g):
    return {"courriel": f"Bonjour {g.first()},\n\nVotre rendez-vous au GMF {g.city()} est confirmé pour le {g.date()} à 9 h 40.\nNuméro d'assurance maladie (NAM) : {g.hin('ramq')}\n"
                        f"Apportez votre carte soleil. Pour annuler : {g.ph('ca')}.\n\nClic Santé"}


@T("alberta-ahcip-registration-form")
def _(g):
    return {"fields": {"Personal Health Number (PHN)": g.hin("ahc"), "Surname": g.last(), "Given names": g.first(), "Date of birth": g.dob(), "Telephone": g.ph("ca"), "Coverage start": g.date()}}


@T("de-heilmittelverordnung-text")
def _(g):
    return {"ocr": f"Heilmittelverordnung 13\nKrankenkasse bzw. Kostenträger: AOK Nordost\nName, Vorname des Versicherten: {g.last()}, {g.first()}  geb. am {g.dob()}\nKostenträgerkennung 10{g.num(7)}  Versicherten-Nr. {g.hin('kvnr')}  Status 1000000\n"
                  f"ICD-10-Code: {g.icd(True)}  Diagnosegruppe WS\nHeilmittel: KG 6x  Frequenz 2x wöchentlich"}


@T("de-krankenhauseinweisung-text")
def _(g):
    return {"ocr": f"Verordnung von Krankenhausbehandlung (Muster 2)\nVersicherten-Nr.: {g.hin('kvnr')}\nPatient: {g.name()}\nDiagnose: akute Bronchitis, V.a. Pneumonie (ICD-10-GM {g.icd(True)})\nNächsterreichbare, geeignete Krankenhäuser: Klinikum {g.city()}"}


@T("at-rezeptgebuehr-befreiung-antrag")
def _(g):
    return {"formular": {"Versicherungsnummer": g.hin("svnr"), "Familienname": g.last(), "Vorname": g.first(), "Anschrift": f"{g.street()}, 8010 Graz", "Telefon": g.ph("at"), "Begründung": "Ausgleichszulage"}}


@T("fr-feuille-de-soins-text")
def _(g):
    return {"ocr": f"FEUILLE DE SOINS - cerfa 12541*02\nPERSONNE RECEVANT LES SOINS ET ASSURÉ(E)\nnom et prénom : {g.last().upper()} {g.first()}\nnuméro d'immatriculation : {g.hin('nir')}\ndate de naissance : {g.dob()}\n"
                  f"adresse de l'assuré(e) : {g.street()} 69003 Lyon\nACTES EFFECTUÉS : {g.date()} G 26,50 €"}


@T("fr-attestation-tiers-payant-mutuelle")
def _(g):
    return {"pdf_text": f"ATTESTATION DE TIERS PAYANT {g.ri(2025, 2026)}\nOrganisme complémentaire : Harmonie Mutuelle  AMC 775 685 399\nN° adhérent : {g.hin('nl_member')}\nBénéficiaires : {g.name()}  N° SS {g.vals['health_insurance_number'][-1] and g.hin('nir')}\nPHAR 100% RO  OPTI 120€"}


@T("ch-tarmed-rechnung-text")
def _(g):
    return {"text": f"Rückforderungsbeleg TARMED\nPatient: {g.name()}  Geburtsdatum {g.dob()}\nVersichertenkarte Nr.: {g.hin('ch')}\nVersicherer: CSS Kranken-Versicherung AG\nDiagnose: ICD-10 {g.icd()}\n00.0010 Konsultation erste 5 Min  TP 9.57"}


@T("hu-beutalo-taj-text")
def _(g):
    return {"beutalo": f"BEUTALÓ\nBeteg neve: {g.last()} {g.first()}\nTAJ szám: {g.hin('taj')}\nSzületési idő: {g.dob()}\nBNO kód: {g.icd()}\nBeutaló orvos: dr. {g.last()}  pecsétszám {g.num(5)}\nVizsgálat: kardiológiai szakvizsgálat"}


@T("cz-poukaz-pojistovna-text")
def _(g):
    return {"tiskopis": f"POUKAZ NA VYŠETŘENÍ/OŠETŘENÍ\nZdravotní pojišťovna: 111\nČíslo pojištěnce: {g.hin('cz')}\nJméno a příjmení: {g.first()} {g.last()}\nDiagnóza (MKN-10): {g.icd()}\nOdbornost: 209"}


@T("pl-karta-informacyjna-szpital")
def _(g):
    return {"dokument": f"KARTA INFORMACYJNA LECZENIA SZPITALNEGO\nOddział Chorób Wewnętrznych\nPacjent: {g.name()}\nRozpoznanie zasadnicze: {g.icd()} — niewydolność serca\nRozpoznania współistniejące: {g.icd()}\nZalecenia: kontrola w poradni za 4 tygodnie"}


@T("pt-sns-marcacao-sms")
def _(g):
    return {"to": g.ph("pt"), "text": f"SNS24: consulta marcada {g.date()} 10:30 USF {g.city()}. Nº utente {g.hin('pt')}. Para desmarcar ligue 808 24 24 24."}


@T("tw-nhi-card-reader-log")
def _(g):
    return {"log": f"[{g.date()} {g.hms()}] HIS-CARD READ OK slot=1\n  卡片號碼={g.hin('tw')}\n  姓名={g.pick(['陳', '林', '黃'])}美玲  出生日期=0{g.ri(50, 90)}0{g.ri(1, 9)}1{g.ri(0, 9)}\n  就醫序號=0{g.ri(1, 9)}{g.ri(1, 9)} 可用次數={g.ri(1, 6)}"}


@T("in-abha-card-text")
def _(g):
    return {"ocr": f"Ayushman Bharat Health Account\nABHA Number: {g.hin('abha')}\nABHA Address: {g.first().lower()}{g.ri(10, 99)}@abdm\nName: {g.name()}\nMobile: {g.ph('in')}\nGender: F  Year of birth: {g.ri(1960, 2000)}"}


@T("br-cartao-sus-ficha-cadastro")
def _(g):
    return {"ficha": {"nome": g.name(), "cns": g.hin("cns"), "data_nascimento": g.dob(), "municipio": "Curitiba", "telefone_celular": g.ph("br"), "unidade": "UBS Boqueirão"}}


@T("eu-e126-reimbursement-form-text")
def _(g):
    return {"form": f"E 126 — Rates for refund of expenditure\n1. Institution of place of stay: CPAM Nice\n2. Insured person: {g.name()}\n2.2 Personal identification number: {g.hin('kvnr')}\n"
                    f"2.3 Card identification number: {g.hin('ehic')}\n3. Expenditure: {g.date()} emergency consultation EUR {g.amt()}"}


@T("ie-medical-card-approval-letter")
def _(g):
    return {"letter": f"Dear {g.name()},\nYour application for a Medical Card has been approved. Medical Card Number: {g.hin('ie')}. Your GP is Dr {g.last()}, {g.city()}.\nRenewal due {g.date(2027, 2028)}. Primary Care Eligibility & Reimbursement Service"}


@T("eyemed-member-card-json")
def _(g):
    return {"memberCard": {"memberId": g.hin("us"), "name": g.name(), "groupNumber": g.num(7), "plan": "Insight Network", "customerServicePhone": g.ph("us_dash"), "effective": g.date()}}


@T("adt-bed-assignment-webhook-json")
def _(g):
    return {"event": "patient.bed_assigned", "occurred_at": g.ts(), "patient": {"mrn": g.mrn(), "name": g.name(), "dob": g.dob()}, "encounter": {"fin": g.num(10), "unit": "4 WEST", "bed": f"4W-{g.ri(1, 30):02d}B"}}


@T("pacs-study-list-csv")
def _(g):
    rows = [f"{g.mrn('num7')},{g.num(10)},CT,CT CHEST W CONTRAST,{g.date()},COMPLETED" for _ in range(3)]
    return {"export.csv": "PatientID (MRN),AccessionNumber,Modality,StudyDescription,StudyDate,Status\n" + "\n".join(rows)}


@T("muse-ecg-resting-xml")
def _(g):
    return {"xml": f"<RestingECG><PatientDemographics><PatientID>{g.mrn('num8')}</PatientID><PatientLastName>{g.last().upper()}</PatientLastName><DateofBirth>{g.dob()}</DateofBirth></PatientDemographics>"
                   f"<TestDemographics><AcquisitionDate>{g.date()}</AcquisitionDate><Location>ED</Location></TestDemographics><RestingECGMeasurements><VentricularRate>{g.ri(50, 120)}</VentricularRate><QTInterval>{g.ri(360, 460)}</QTInterval></RestingECGMeasurements></RestingECG>",
            "field_note": "PatientID holds the hospital MRN"}


@T("spirometry-report-text")
def _(g):
    return {"pdf": f"PULMONARY FUNCTION REPORT\nName: {g.name()}   MRN: {g.mrn()}   Age: {g.ri(20, 85)}\nFEV1 {g.ri(1, 4)}.{g.ri(10, 99)} L ({g.ri(50, 110)}% pred)  FVC {g.ri(2, 5)}.{g.ri(10, 99)} L  FEV1/FVC {g.ri(55, 85)}%\nInterpretation: moderate obstruction"}


@T("holter-report-text")
def _(g):
    return {"report": f"24-HOUR HOLTER MONITOR REPORT\nPatient: {g.name()}  Med Rec #: {g.mrn('E')}\nIndication: palpitations ({g.icd()})\nTotal beats 102,344; min HR 48, max HR 141; 3 runs SVT, longest 6 beats.\nConclusion: paroxysmal atrial fibrillation, burden 4%."}


@T("echo-tte-report-text")
def _(g):
    return {"report": f"TRANSTHORACIC ECHOCARDIOGRAM\nMRN {g.mrn('num10')}  DOS {g.date()}\nLVEF 35-40% by Simpson's biplane. Moderate MR. RVSP 42 mmHg.\nReferring dx: heart failure with reduced EF, {g.icd()}"}


@T("ed-triage-note-text")
def _(g):
    return {"note": f"ED TRIAGE  Arrival {g.hms()}  ESI 3\nPt {g.name()} MRN#{g.mrn('num7')}\nCC: RLQ pain x 2 days, nausea. T 38.1 HR 104 BP 128/76 SpO2 98% RA\nWorking dx: r/o appendicitis; chief complaint code {g.icd()}"}


@T("nursing-flowsheet-csv")
def _(g):
    mrn = g.mrn()
    rows = [f"{mrn},{g.date()} {g.hms()},{g.ri(90, 160)}/{g.ri(50, 95)},{g.ri(55, 120)},{g.ri(94, 100)},{g.ri(0, 8)}" for _ in range(3)]
    return {"csv": "MRN,Time,BP,HR,SpO2,Pain\n" + "\n".join(rows)}


@T("wound-care-photo-metadata-json")
def _(g):
    return {"image": f"IMG_{g.num(4)}.HEIC", "captured": g.ts(), "device": "iPhone 14", "patient_mrn": g.mrn(), "wound": {"site": "left heel", "stage": "3", "length_cm": 2.4, "width_cm": 1.8}}


@T("cardiac-rehab-referral-fax")
def _(g):
    return {"fax": f"FAX  To: Cardiac Rehab  From: {g.co()}  Pages: 3\nPatient: {g.name()}  DOB {g.dob()}  MRN {g.mrn()}  Phone {g.ph('us')}\nQualifying diagnosis: NSTEMI ({g.icd()}) s/p PCI {g.date()}\nPhase II, 36 sessions."}


@T("home-health-referral-fax")
def _(g):
    return {"fax": f"HOME HEALTH REFERRAL\nPatient: {g.name()}  Tel {g.ph('us_dash')}\nMedicare #: {g.mbi()}\nPrimary dx: {g.icd()}  Secondary: {g.icd()}\nServices: SN, PT eval & treat; homebound due to dyspnea on exertion"}


@T("snf-transfer-form-text")
def _(g):
    return {"form": f"INTER-FACILITY TRANSFER FORM\nFrom: {g.co()}  To: {g.city()} Care Center\nResident: {g.name()}  MRN: {g.mrn('alpha')}\nInsurance: Humana Gold Plus  Member ID {g.hin('us')}\nDiagnoses: {g.icd()}, {g.icd()}\nCode status: DNR"}


@T("pharmacy-med-rec-discharge-text")
def _(g):
    return {"text": f"MEDICATION RECONCILIATION AT DISCHARGE\nPt: {g.name()}  MRN {g.mrn()}\nCONTINUE: lisinopril 10 mg daily\nSTOP: naproxen (AKI)\nNEW: apixaban 5 mg BID\nPharmacist: {g.first()} {g.last()}, PharmD"}


@T("vaccine-clinic-roster-export-csv")
def _(g):
    rows = [f"{g.name()},{g.dob()},{g.ph('us')},{g.pick(['Aetna', 'Cigna', 'UHC'])},{g.hin('us')},Flu quad" for _ in range(2)]
    return {"csv": "Name,DOB,Phone,Insurer,Member ID,Vaccine\n" + "\n".join(rows)}


@T("coding-audit-spreadsheet-tsv")
def _(g):
    rows = [f"{g.mrn()}\t{g.date()}\t{g.icd()}\t{g.icd()}\tagree" for _ in range(3)]
    return {"tsv": "MRN\tDOS\tOriginal code\tAudited code\tResult\n" + "\n".join(rows)}


@T("risk-adjustment-chart-chase-list")
def _(g):
    rows = [f"{g.hin('us')},{g.mrn()},{g.last()},{g.dob()},Dr {g.last()},{g.ph('us')}" for _ in range(2)]
    return {"csv": "MemberID,MRN,PatientLast,DOB,Provider,OfficePhone\n" + "\n".join(rows)}


@T("insurance-appeal-letter-text")
def _(g):
    return {"letter": f"RE: Level 1 appeal\nMember: {g.name()}   Member ID: {g.hin('us')}   Claim #: {g.num(12)}\nTo whom it may concern,\nWe appeal the denial of the MRI lumbar spine. The patient has radiculopathy ({g.icd()}) after 8 weeks of failed conservative therapy.\nSincerely, {g.co()}"}


@T("ar-followup-worklist-csv")
def _(g):
    rows = [f"{g.num(8)},{g.hin('us')},{g.pick(['CO-197', 'CO-16', 'PR-1'])},{g.amt()},{g.date()}" for _ in range(3)]
    return {"csv": "Acct,Policy/Member,Denial,Balance,Last Touch\n" + "\n".join(rows)}


@T("fhir-claim-resource")
def _(g):
    return {"resourceType": "Claim", "id": g.uuid(), "status": "active", "use": "claim", "patient": {"reference": "Patient/" + g.num(6)},
            "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": g.icd()}]}}],
            "insurance": [{"sequence": 1, "focal": True, "identifier": {"system": "urn:oid:2.16.840.1.113883.3.1.1", "value": g.hin("us")}, "coverage": {"reference": "Coverage/" + g.num(5)}}]}


@T("fhir-servicerequest-reasoncode")
def _(g):
    return {"resourceType": "ServiceRequest", "status": "active", "intent": "order", "code": {"coding": [{"system": "http://loinc.org", "code": "24627-2", "display": "CT Chest"}]},
            "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": g.icd(), "display": "see code"}]}], "subject": {"reference": "Patient/" + g.uuid()}}


@T("nextgen-pm-patient-export-csv")
def _(g):
    rows = [f"{g.mrn()},{g.last()},{g.first()},{g.dob()},{g.pick(['Medicare', 'Self Pay', 'Cigna'])}" for _ in range(3)]
    return {"export.csv": "Med Rec Nbr,Last Name,First Name,Birth Date,Financial Class\n" + "\n".join(rows)}


@T("hl7-oru-r01-obx-result")
def _(g):
    return {"message": f"MSH|^~\\&|LAB|MAIN|EHR|MAIN|{g.num(14, '2026')}||ORU^R01|{g.num(8)}|P|2.5.1\rPID|1||{g.mrn()}^^^MAIN^MR||{g.last().upper()}^{g.first().upper()}||{g.dob().replace('-', '')}|F\r"
                       f"OBR|1|{g.num(8)}|{g.num(8)}|4548-4^Hemoglobin A1c^LN\rOBX|1|NM|4548-4^Hemoglobin A1c^LN||{g.ri(5, 11)}.{g.ri(0, 9)}|%|4.0-5.6|H|||F"}


@T("hl7-adt-a08-gt1-guarantor")
def _(g):
    return {"message": f"MSH|^~\\&|REG|HOSP|BILL|HOSP|{g.num(14, '2026')}||ADT^A08|{g.num(8)}|P|2.3\rPID|1||{g.mrn()}^^^HOSP^MR||{g.last().upper()}^{g.first().upper()}\r"
                       f"GT1|1||{g.last().upper()}^{g.first().upper()}||{g.street().upper()}^^SALEM^OR^97301|{g.ph('us_dash').replace('-', '')}||{g.dob().replace('-', '')}|M||SEL|{g.ssn()}"}


@T("openmrs-rest-patient-json")
def _(g):
    return {"uuid": g.uuid(), "display": g.name(), "identifiers": [{"identifier": g.mrn("dash"), "identifierType": {"display": "MRN"}, "preferred": True}], "person": {"gender": "M", "age": g.ri(1, 90)}}


@T("hicn-to-mbi-crosswalk-csv")
def _(g):
    rows = []
    for _ in range(2):
        rows.append(f"{g.sec(g.ssn(None) + g.pick(['A', 'B', 'D', 'C1']), 'health_insurance_number')},{g.mbi()},{g.last().upper()},{g.dob()}")
    return {"csv": "HICN,MBI,LAST_NAME,DOB\n" + "\n".join(rows), "note": "pre-2020 HICNs are the beneficiary's SSN plus a suffix"}


@T("dialysis-center-intake-json")
def _(g):
    return {"intake": {"patient": g.name(), "mrn": g.mrn(), "esrd_onset": g.date(2018, 2024), "dx": g.icd(), "primary_ins": {"payer": "Medicare", "mbi": g.mbi()}, "modality": "in-center HD"}}


@T("optometry-claim-portal-json")
def _(g):
    return {"subscriber": {"member_id": g.hin("us"), "relationship": "self"}, "patient": {"first": g.first(), "dob": g.dob()}, "diagnoses": [g.icd(), "H52.13"], "services": [{"cpt": "92014", "charge": g.amt()}]}


@T("urgent-care-kiosk-checkin-json")
def _(g):
    return {"kiosk": "UC-" + str(g.ri(1, 9)), "answers": {"first_name": g.first(), "last_name": g.last(), "dob": g.dob(), "cell": g.ph("us"), "email": g.em(), "insurance_member_id": g.hin("us"), "reason": "sore throat"}}


@T("physio-booking-widget-ca")
def _(g):
    return {"booking": {"clinic": "Halifax Physio", "patient": g.name(), "phone": g.ph("ca"), "email": g.em(), "extended_health": {"insurer": "Manulife", "plan_number": g.num(5), "certificate_number": g.hin("nl_member")}}}


@T("travel-insurance-claim-form-text")
def _(g):
    return {"form": f"MEDICAL EXPENSE CLAIM\nPolicy number: {g.hin('policy')}\nInsured: {g.name()}  Phone: {g.ph('uk_mob')}  Email: {g.em()}\nTreating doctor's diagnosis (ICD-10): {g.icd()}\nCountry of treatment: Spain  Amount EUR {g.amt()}"}


@T("hospital-interpreter-request-json")
def _(g):
    return {"request_id": g.num(7), "language": g.pick(["Somali", "Tigrinya", "Dari", "Haitian Creole"]), "patient_mrn": g.mrn(), "unit": "L&D", "start": g.ts(), "callback": g.ph("us")}
