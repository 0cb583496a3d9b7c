import { describe, expect, it } from 'vitest';
import type { DlpType } from '../message/dlp.types';
import { DlpScanner } from './dlp-scanner';

// The structure rules added after the hold-out set showed what the detectors could not read: a
// field named by its object (`{ name, value }`), XML attributes and element texts (HL7 v3 / CDA),
// X12 segments by qualifier. Cases written from the formats (X12 005010 qualifiers, HL7 v3 data
// types, form and header lists), in shapes and values other than the hold-out's, with negatives of
// the same shapes.
const scanner = new DlpScanner(() => 'ALERT');
const typesOf = (data: Record<string, unknown>): DlpType[] => [...new Set(scanner.scan(data).findings.map((f) => f.type))].sort();

describe('DLP: an object that names its field', () => {
  it.each([
    ['a label', { fields: [{ label: 'SSN', value: '219 09 9999' }] }, ['ssn']],
    ['a key (Postman, query params)', { query: [{ key: 'password', value: 'Tr0ub4dor&3x' }] }, ['password']],
    ['a name with a prefix, a number value', { inputs: [{ name: 'cc_cvv', value: 412 }] }, ['cvv']],
    ['an attribute', { attributes: [{ attribute: 'memberId', value: 'XZH48213377' }] }, ['health_insurance_number']],
    ['a field, fieldValue', { answers: [{ field: 'medical_record_number', fieldValue: 'MR-0044172' }] }, ['medical_record_number']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });

  it.each([
    ['a quantity', { fields: [{ name: 'quantity', value: '123' }] }],
    ['a security code field left blank', { fields: [{ name: 'card_cvc', value: 'required' }] }],
    ['a header', { header: [{ key: 'Accept-Language', value: 'en-US' }] }],
    ['a name that is not a field name', { people: [{ name: 'Ada Lovelace', value: '1815' }] }],
  ])('no finding for %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

describe('DLP: XML attributes and element texts', () => {
  it.each([
    ['an identifier under the SSN OID', '<subject><id root="2.16.840.1.113883.4.1" extension="219099999"/></subject>', ['ssn']],
    ['an identifier whose authority names it', "<patient><id extension='A7731002' assigningAuthorityName='Medical Record Number'/></patient>", ['medical_record_number']],
    ['a member id by its authority', '<coverage><id extension="YHP44718220" assigningAuthorityName="Member ID"/></coverage>', ['health_insurance_number']],
    ['a code by its code system name', '<observation><value xsi:type="CD" code="J45.909" codeSystemName="ICD10CM"/></observation>', ['icd10']],
    ['a code by its code system OID', '<entry><code code="M54.5" codeSystem="2.16.840.1.113883.6.3"/></entry>', ['icd10']],
    ['an element text under its tag', '<patient><ssn>219099999</ssn><name>Jane</name></patient>', ['ssn']],
    ['a namespaced element text', '<ins:member><ins:memberId>XZH48213377</ins:memberId></ins:member>', ['health_insurance_number']],
  ])('%s', (_what, xml, types) => {
    expect(typesOf({ document: xml })).toEqual(types);
  });

  it.each([
    ['a SNOMED code', '<value xsi:type="CD" code="44054006" codeSystem="2.16.840.1.113883.6.96" codeSystemName="SNOMED CT"/>'],
    ['an ICD-shaped code of another system', '<value code="E11.9" codeSystemName="LOINC"/>'],
    ['an identifier of no named type', '<id extension="998877" root="2.16.840.1.113883.19.5"/>'],
    ['an order', '<order id="4481029" status="shipped"><total>129.99</total><sku>AB-1234-XY</sku></order>'],
    ['a book', '<book isbn="978-0-596-52068-7"><title>RESTful Web Services</title></book>'],
  ])('no finding for %s', (_what, xml) => {
    expect(typesOf({ document: xml })).toEqual([]);
  });
});

describe('DLP: X12 segments by qualifier', () => {
  it.each([
    ['an 837 subscriber, SSN reference and diagnoses', 'NM1*IL*1*SMITH*JANE****MI*XYZ123456789~REF*SY*219099999~HI*ABK:J449*ABF:E119~', ['health_insurance_number', 'icd10', 'ssn']],
    ['an 834 subscriber number', 'INS*Y*18*030*XN*A*E**FT~\nREF*0F*558823311~', ['health_insurance_number']],
    ['an SSN as identification code', 'NM1*IL*1*SMITH*JANE****34*219099999~', ['ssn']],
    [
      'separators of its own (ISA element separator ^)',
      'ISA^00^          ^00^          ^ZZ^SENDER         ^ZZ^RECEIVER       ^240511^1200^U^00401^000000905^0^P^:~NM1^IL^1^DOE^JANE^^^^MI^ABC98765432~',
      ['health_insurance_number'],
    ],
  ])('%s', (_what, edi, types) => {
    expect(typesOf({ edi })).toEqual(types);
  });

  it.each([
    ['a provider NPI', 'NM1*85*2*RIVERSIDE CLINIC*****XX*1234567893~'],
    ['an employer id', 'REF*EI*123456789~'],
    ['ICD-9 codes', 'HI*BK:4019*BF:25000~'],
    ['an interchange header', 'ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*PAYER          *240102*0930*^*00501*000000417*0*T*:~GS*HC*SUBMITTER*PAYER*20240102*0930*417*X*005010X222A1~'],
  ])('no finding for %s', (_what, edi) => {
    expect(typesOf({ edi })).toEqual([]);
  });
});

// Structure rules added after the blind set's misses were read (it is a seen set since): tables drawn
// in text, SQL inserts, DICOM dumps, fields named by an XML attribute, plists, FHIR identifier
// systems, HL7 assigning authorities, string escapes and digits read out. Cases written from the
// formats (psql / MySQL client / Markdown / pandas / kubectl output, MySQL and PostgreSQL logs,
// dcmdump and pydicom, .NET appSettings, HTML forms, Java XML properties, Apple plists, FHIR R4),
// each with negatives of the same shape.
describe('DLP: tables drawn in text and SQL inserts', () => {
  it.each([
    ['a Markdown table', '| host | login | password |\n|:--|:--|:--|\n| db1 | ops | Lq4!vXm7Tz |', ['password']],
    ['a psql result', ' mrn      | dx_code \n----------+---------\n 00318844 | J45.909\n(1 row)', ['icd10', 'medical_record_number']],
    ['a MySQL client table', '+---------+--------------+\n| name    | mobile       |\n+---------+--------------+\n| A. Lind | 0161 496 0321 |\n+---------+--------------+', ['phone']],
    ['a DataFrame print with its index', '   subscriber_id  icd10\n0  XQK28817733    E78.5\n1  XQK10044129    I10', ['health_insurance_number', 'icd10']],
    ['a kubectl-style listing', 'NAME      API_KEY\nbilling   Z8q2Lk4mP9x7Rt3vW6y1', ['api_key']],
    ['an INSERT with several rows', "INSERT INTO visits (`mrn`, `dx`, `seen`) VALUES ('A551902', 'M54.5', '2026-01-02'), ('A551903', 'R07.9', NULL);", ['icd10', 'medical_record_number']],
  ])('%s', (_what, text, types) => {
    expect(typesOf({ text })).toEqual(types);
  });

  it.each([
    ['a table of SKUs', '| sku | qty |\n|---|---|\n| E11-BLK | 4 |'],
    ['aligned columns of ordinary words', 'NAME      STATUS    AGE\napi       Running   4d'],
    ['an INSERT of orders', "INSERT INTO orders (id, sku, total) VALUES (8151988716, 'C50-WHT', 19.99);"],
    ['a password column left blank', '| user | password |\n|---|---|\n| ops | (see vault) |'],
  ])('no finding for %s', (_what, text) => {
    expect(typesOf({ text })).toEqual([]);
  });
});

describe('DLP: DICOM dumps, attribute-named fields, plists, FHIR systems, HL7 authorities', () => {
  it.each([
    ['a dcmdump Patient ID with its issuer', { d: '(0010,0020) LO [K4410278]  # PatientID\n(0010,0021) LO [STMARY]  # IssuerOfPatientID' }, ['medical_record_number']],
    ['a pydicom Patient ID with its issuer', { d: "(0010, 0020) Patient ID  LO: '7730-118-2'\n(0010, 0021) Issuer of Patient ID  LO: 'CITYHOSP'" }, ['medical_record_number']],
    ['an appSettings key', { x: '<appSettings><add key="PaymentsApiKey" value="q7Zr2mX9kP4vL8tW1yB6" /></appSettings>' }, ['api_key']],
    ['an HTML form input', { x: '<input type="password" name="pwd" value="Ht6#vQ1z" />' }, ['password']],
    ['a Java XML properties entry', { x: '<properties><entry key="smtp.password">Mq3!rTz8</entry></properties>' }, ['password']],
    ['a plist entry', { x: '<dict><key>Password</key><string>Wd5$kLr2</string></dict>' }, ['password']],
    ['a FHIR identifier whose system is an MRN namespace', { identifier: [{ system: 'urn:example:hospital:mrn', value: 'H0049312' }] }, ['medical_record_number']],
    ['keys in camelCase and other scripts', { patientMedicalRecordNumber: '5520193', memberNumber: 'QXR88217734', Телефон: '8 912 345 67 89' }, ['health_insurance_number', 'medical_record_number', 'phone']],
    ['an HL7 identifier whose authority is MRN', { hl7: 'PID|1||H0049312^^^MRN||ROE^ANN' }, ['medical_record_number']],
    ['a Windows event data field', { x: '<EventData><Data Name="SubjectUserName">svc</Data><Data Name="Password">Lk5!mQz8</Data></EventData>' }, ['password']],
    ['an X12 PER contact', { edi: 'PER*IC*ANN ROE*TE*3125550177*FX*3125550178~' }, ['phone']],
    ['an EDIFACT COM contact', { edi: "NAD+BY+++ROE:ANN'COM+441134960999:TE'" }, ['phone']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });

  it.each([
    ['a de-identified dump', { d: '(0010,0020) LO [ANON0193]  # PatientID\n(0010,0021) LO [SITE]  # IssuerOfPatientID\n(0012,0062) CS [YES]  # PatientIdentityRemoved' }],
    ['a Patient ID without an issuer', { d: '(0010,0020) LO [K4410278]  # PatientID\n(0008,0060) CS [CT]  # Modality' }],
    ['an appSettings flag', { x: '<add key="EnableTelemetry" value="true" />' }],
    ['a FHIR identifier of an NPI system', { identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }] }],
    ['an X12 PER contact without a phone qualifier', { edi: 'PER*IC*BILLING DEPT*UR*WWW.EXAMPLE.ORG~' }],
    ['an EDIFACT COM of another qualifier', { edi: "COM+4411349609:XF'" }],
    ['a plist of preferences', { x: '<dict><key>Theme</key><string>dark</string><key>Build</key><integer>4417</integer></dict>' }],
  ])('no finding for %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

describe('DLP: string escapes and digits read out', () => {
  it.each([
    ['Gson-escaped `=` in a connection string', { raw: 'jdbc:sqlserver://db;user\\u003dapp;password\\u003dVx7!nQ2w' }, ['password']],
    ['PHP-escaped slashes in a URL', { raw: '"dsn":"mysql:\\/\\/app:Rk9#mP2x@db.internal\\/shop"' }, ['password']],
    ['a phone number read out in groups', { t: 'you can call me on two zero six, five five five, zero one four four' }, ['phone']],
    ['a security code read out', { t: 'and the security code is seven one four' }, ['cvv']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });

  it.each([
    ['escaped text with nothing in it', { raw: 'caf\\u00e9 cr\\u00e8me \\/ menu' }],
    ['counting in words', { t: 'one, two, three, four: ready or not' }],
  ])('no finding for %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

// After the fourth blind set (a seen set since): tables JSON gives in other shapes.
describe('DLP structure: sheets keyed by cell address, rows beside their header', () => {
  const scanner = new DlpScanner(() => 'ALERT');
  const typesOf = (data: Record<string, unknown>) => [...new Set(scanner.scan(data).findings.map((f) => f.type))].sort();
  it.each([
    ['a sheet whose row 1 names the columns', { cells: { A1: 'Patient', B1: 'Med Rec #', C1: 'Visit', A2: 'R. Okafor', B2: '00731842', C2: '2026-03-02' } }, ['medical_record_number']],
    ['a header array beside its rows', { header: ['Name', 'Plan', 'Subscriber ID'], rows: [['A. Ito', 'HMO', 'QTR58203371']] }, ['health_insurance_number']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });
  it.each([
    ['a sheet of plain numbers', { cells: { A1: 'Item', B1: 'Qty', A2: 'bolts', B2: '4821', A3: 'nuts', B3: '1200' } }],
    ['rows whose header names nothing', { header: ['Order', 'Total'], rows: [['73821004', '12.50']] }],
  ])('no finding for %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

describe('DLP structure: bound query parameters, rich-text runs, query items', () => {
  const scanner = new DlpScanner(() => 'ALERT');
  const typesOf = (data: Record<string, unknown>) => [...new Set(scanner.scan(data).findings.map((f) => f.type))].sort();
  it.each([
    ['a query event with its params beside it', { query: 'INSERT INTO "Account" ("login","password") VALUES ($1,$2)', params: '["ops","Wq4#tLm8z"]' }, ['password']],
    ['a placeholder compared with a column', { message: 'SELECT id FROM patient WHERE "mrn" = $1 LIMIT $2', params: '["00731842",1]' }, ['medical_record_number']],
    ['a query log printing its parameters', { log: 'query: UPDATE member SET x = 1 WHERE subscriber_id = ? -- PARAMETERS: ["QTR58203371"]' }, ['health_insurance_number']],
    ['a password in a code run of a paragraph', { rich_text: [{ plain_text: 'guest Wi-Fi password ' }, { plain_text: 'Tz6!kPq3w', annotations: { code: true } }] }, ['password']],
    ['a query parameter naming the item', { url: 'https://payer.test/v2/claims?subscriber=QTR58203371&page=2' }, ['health_insurance_number']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });
  it.each([
    ['a query with harmless parameters', { query: 'SELECT * FROM orders WHERE id = $1', params: '["A7731842"]' }],
    ['plain rich-text runs', { rich_text: [{ plain_text: 'see the ' }, { plain_text: 'password policy', annotations: { code: true } }] }],
    ['a page parameter', { url: 'https://shop.test/list?page=20261&sort=asc' }],
  ])('no finding for %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

// Red-team layouts (test/redteam-dlp-bypass.e2e-spec.ts): a card number's groups apart by separators
// plain text does not put inside a number, split over an object, or as character references.
describe('DLP: card numbers laid out as separate pieces', () => {
  it.each([
    ['groups two spaces apart', { note: '5105  1051  0510  5100' }],
    ['one group per line', { note: 'card:\n4532\n0151\n1283\n0366' }],
    ['groups between pipes, Amex 4-6-5', { row: '3782|822463|10005' }],
    ['the values of an object, other fields between', { a: '4532', label: 'x', b: '0151', c: '1283', d: '0366' }],
    ['the keys of nested objects', { 5105: { 1051: { '0510': { 5100: 1 } } } }],
    ['hex character references', { html: '&#x35;&#x31;&#x30;&#x35;&#x31;&#x30;&#x35;&#x31;&#x30;&#x35;&#x31;&#x30;&#x35;&#x31;&#x30;&#x30;' }],
  ])('%s', (_what, data) => {
    expect(typesOf(data)).toEqual(['credit_card']);
  });

  it.each([
    ['years two spaces apart', { note: '2019  2020  2021  2022' }],
    ['a Luhn-failing run between pipes', { row: '4000|1234|1234|1235' }],
    ['PIN-like values of an object', { a: '1234', b: '5678', c: '9012', d: '3456' }],
    ['character references of a word', { html: '&#72;&#101;&#108;&#108;&#111; 4111' }],
  ])('no finding for %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});
