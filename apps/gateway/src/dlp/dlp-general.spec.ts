import { describe, expect, it } from 'vitest';
import type { DlpType } from '../message/dlp.types';
import { labelTypes } from './dlp-labels';
import { DlpScanner } from './dlp-scanner';

// The general mechanisms added after the fifth blind set's misses were read (it is a seen set since):
// how a value's kind is said by its own structure (a dotted ICD-10 code, a card network's lengths), by
// the text around it (clinical words in many languages), by a sibling (scheme, issuer, terminology), by
// a name carried in another shape (an extracted key's text, a code's kind, label / value rows, the
// question a turn answers), and the forms credentials take in tools and protocols (arrows, macros,
// flags, stdin, plaintext types, Wi-Fi QR codes, auth files). Cases written from the formats with
// values and wordings of their own, each with negatives of the same shape.
const scanner = new DlpScanner(() => 'ALERT');
const typesOf = (data: Record<string, unknown>): DlpType[] => [...new Set(scanner.scan(data).findings.map((f) => f.type))].sort();

describe('DLP general: an ICD-10 code by its own structure and the clinical words around it', () => {
  it.each([
    ['an ED note', { note: 'Seen in ED for wheeze overnight, discharged on salbutamol (J45.901).' }],
    ['a German note', { text: 'Patientin klagt über Kopfschmerz seit drei Tagen, V.a. G44.2' }],
    ['a Japanese note', { memo: '患者 脂質異常症 E78.5 経過観察' }],
    ['a portal link', { url: 'https://portal.example.org/visit?patient=4471&code=M54.16' }],
    ['a query to the physician', { body: 'Please confirm whether the pneumonia is better coded as J18.9 or J15.9.' }],
  ])('%s', (_what, data) => {
    expect(typesOf(data)).toEqual(['icd10']);
  });

  it.each([
    ['a software release', { text: 'Release R10.2 of the billing app ships on Friday.' }],
    ['a room in a clinic', { text: 'The clinic moved to suite C10.2 on the second floor.' }],
    ['a product code', { text: 'Order 88120: 2 x SKU E11.20 (mugs), shipped.' }],
    ['a code without its dot and without context', { text: 'patient leaflet E119 reprinted' }],
  ])('not a diagnosis: %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

describe('DLP general: a value whose sibling names its kind', () => {
  it.each([
    ['an assigning authority', { patient: { identifiers: [{ id: '00418233', assigningAuthority: 'MRN' }] } }, ['medical_record_number']],
    ['a vocabulary', { problem: { vocabularyId: 'ICD10CM', code: 'K21.9' } }, ['icd10']],
    ['an issuer of another key', { study: { OtherPatientID: 'X77123', IssuerOfOtherPatientID: 'Medical Record' } }, ['medical_record_number']],
    ['a terminology given as an object', { coded: { terminology: { name: 'ICD-10' }, codeString: 'N18.4' } }, ['icd10']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });

  it.each([
    ['a type word, not an identifier type code', { member: { type: 'member', id: 'u_8812345' } }],
    ['a book scheme', { book: { scheme: 'urn:isbn', value: '9780306406157' } }],
    ['a catalogue system', { product: { system: 'catalog', code: 'E11.9' } }],
  ])('names no type: %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

describe('DLP general: names carried in other shapes', () => {
  it.each([
    ['an extracted key and value', { fields: [{ key: { content: 'Member ID' }, value: { content: 'ZXK448120931' } }] }, ['health_insurance_number']],
    ['a code typed by its kind', { lines: [{ type: 'diagnosis', code: 'I25.10' }] }, ['icd10']],
    ['a keychain item', { items: [{ svce: 'com.example.router', acct: 'wifiPassword', v_Data: 'tern-Basil-93' }] }, ['password']],
    ['a secrets manager value', { SMTP_PASSWORD: { raw: 'gravel-Otter-58', computed: 'gravel-Otter-58' } }, ['password']],
    ['label / value rows', { form: [['Member ID', 'QWE812334901'], ['Plan', 'Silver'], ['Social Security No.', '536 22 8841']] }, ['health_insurance_number', 'ssn']],
    ['a name / value setting in XML', { xml: '<setting><name>smtp_password</name><value>Birch-Lamp-64</value></setting>' }, ['password']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });

  it.each([
    ['a procedure code by its kind', { lines: [{ type: 'cpt', code: '99213' }] }],
    ['a discount code', { cart: { type: 'discount', code: 'SPRING24' } }],
    ['a manager value of a plain setting', { APP_NAME: { raw: 'billing', computed: 'billing' } }],
    ['label / value rows of an order', { summary: [['Order', '#20931'], ['Total', '41.20']] }],
    ['a name / value setting of a host', { xml: '<setting><name>smtp_host</name><value>mail.example.org</value></setting>' }],
  ])('names no type: %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

describe('DLP general: an answer read under the label its question names', () => {
  it.each([
    ['a call log of rows', { transcript: [['10:01', 'agent', 'Can I have the card security code?'], ['10:02', 'customer', '914']] }, ['cvv']],
    ['turns keyed by speaker', { chat: [{ assistant: 'What is your member number?' }, { customer: 'HX4471209' }] }, ['health_insurance_number']],
    ['a spoken short form', { chat: [{ agent: "and the policyholder's social?" }, { caller: '536-22-8841' }] }, ['ssn']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });

  it.each([
    ['an order number', { chat: [{ bot: 'What is your order number?' }, { user: '88123456' }] }],
    ['an answer that is a sentence', { chat: [{ agent: 'Can you confirm your member ID?' }, { caller: 'yes, one moment please' }] }],
  ])('not an answer of that kind: %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});

describe('DLP general: labels in more languages and names', () => {
  it.each([
    ['Verzekerdennummer', ['health_insurance_number']],
    ['Poliçe No', ['health_insurance_number']],
    ['Client ID Number (CIN)', ['health_insurance_number']],
    ['Resident record no.', ['medical_record_number']],
    ['Tanı kodu', ['icd10']],
    ['Bedömning', ['icd10']],
    ['ReasonForRequestedProcedure', ['icd10']],
    ['SeriesCode', ['cvv']],
    ['보안코드', ['cvv']],
    ['wpa2-pre-shared-key', ['password']],
    ['recipients', ['phone']],
    ["subscriber's social", ['ssn']],
  ])('%s', (label, types) => {
    expect(labelTypes(label)).toEqual(types);
  });

  it.each(['socialMediaUrl', 'reason', 'reasonForCancellation', 'condition_notes', 'policy_type', 'patient_record_status'])('names no type: %s', (label) => {
    expect(labelTypes(label)).toEqual([]);
  });
});

describe('DLP general: numbers by their issuers', () => {
  it('a Luhn-valid 15-digit 35… number is an IMEI, a 16-digit one a JCB card', () => {
    expect(typesOf({ device: { imei: '356938035643809' } })).toEqual([]);
    expect(typesOf({ text: 'handset 356938035643809 unlocked' })).toEqual([]);
    expect(typesOf({ pan: '3530111333300000' })).toEqual(['credit_card']);
  });

  it("CMS's specimen MBI is no one's number; another MBI is", () => {
    expect(typesOf({ text: 'Medicare number 1EG4-TE5-MK73 (sample card)' })).toEqual([]);
    expect(typesOf({ text: 'Medicare number 5KF8-NR3-JT62' })).toEqual(['health_insurance_number']);
  });

  it("a policy number of an employer or a car is not a health insurance number; a coverage's is", () => {
    expect(typesOf({ employer: { fein: '12-3456789', policyNumber: 'WCP88123400' } })).toEqual([]);
    expect(typesOf({ auto: { policy_number: 'AUT55012399' } })).toEqual([]);
    expect(typesOf({ coverage: { policyNumber: 'HPX88123400' } })).toEqual(['health_insurance_number']);
  });

  it('a card code named right after the card, not a promo code', () => {
    expect(typesOf({ note: 'She read the card as 5555 5555 5555 4444 with code 317.' })).toEqual(['credit_card', 'cvv']);
    expect(typesOf({ note: 'card 5555 5555 5555 4444, promo code 2024 applied' })).toEqual(['credit_card']);
  });

  it('a phone number after reached at', () => {
    expect(typesOf({ note: 'She can be reached at 020 7946 0321 after six.' })).toEqual(['phone']);
    expect(typesOf({ note: 'The queue reached 120 000 items.' })).toEqual([]);
  });
});

describe('DLP general: an ASTM E1394 patient record', () => {
  it('P-3 is the practice record number, a dotted code of a later field a diagnosis', () => {
    const frames = 'H|\\^&|||LIS^2|||||||P|1\rP|1|PRAC55120|||Doe^Jo||19800101|M|||||||||E11.65\rO|1|SPC1||^^^HBA1C|R\rL|1|N';
    expect(typesOf({ frames })).toEqual(['icd10', 'medical_record_number']);
  });

  it('pipes without an ASTM header are no patient record', () => {
    expect(typesOf({ text: 'P|1|PRAC55120|ok\nQ|2|done' })).toEqual([]);
  });
});

describe('DLP general: credentials in the forms of tools and languages', () => {
  const secretKey = 'Lq9mZ2xR7vT4pW8sN3bK6yH1cF5gD0jAeU2oI7wQ';
  it.each([
    ['a Ruby hash', { rb: "config = { 'api_secret' => 'Zr81fKq0LmWv77TyPn2sXc4b' }" }, ['api_key']],
    ['a debug arrow', { log: 'DEBUG conf: db_password->Wm7!river-Fox' }, ['password']],
    ['a C macro', { h: '#define MQTT_PASSWORD "h3ron-Kettle!"\n#define LED_PIN 13' }, ['password']],
    ['a token under a name of its own', { env: 'MIXPANEL_PROJECT_TOKEN=9fK2LmQ8ZxW3pRt7VbN4cY6h' }, ['api_key']],
    ['a key under a name of its own', { consumer: { ingestKey: 'Tq8Wm2Lk9Pz4Rx7Vn3Bc6Hd1' } }, ['api_key']],
    ['a key flag', { sh: 'acme-cli deploy --api-key 9sK2mQ8xLw4RtZ7pVb3N --region eu' }, ['api_key']],
    ['an SQL secret literal', { sql: `CREATE SECRET gcs_raw (TYPE GCS, SECRET '${secretKey}');` }, ['api_key']],
    ['a password set by an admin', { ticket: 'Temporary password was reset to Hq7!maple-Stone, user must change it.' }, ['password']],
    ['a password piped to stdin', { sh: 'echo "Tr0ub4dor&3" | passwd --stdin deploy' }, ['password']],
    ['a Cisco type 0 password', { cfg: 'enable password 0 Fjord#2291\nline vty 0 4' }, ['password']],
    ['a Wi-Fi QR code', { qr: 'WIFI:S:Lab-5G;T:WPA;P:otter\\;pine77;H:false;;' }, ['password']],
    ['an LDAP bind password', { sh: 'ldapmodify -H ldap://dir -D "cn=admin,dc=ex,dc=org" -w "Quartz^Harbor5" -f add.ldif' }, ['password']],
    ['a command line as arguments', { cmdline: ['sshpass', '-p', 'Coral!Ridge72', 'ssh', 'ops@10.0.0.5'] }, ['password']],
    ['an auth file mixing hashes and passwords', { text: '"report" "Plum!Gate-03"\n"admin" "SCRAM-SHA-256$4096:c2FsdA==$a2V5:c2ln"' }, ['password']],
  ])('%s', (_what, data, types) => {
    expect(typesOf(data)).toEqual(types);
  });

  it.each([
    ['a cache key', { cacheKey: 'UserSessionStoreV2Primary8x' }],
    ['a site key', { recaptchaSiteKey: '6LcQx8UqAAAAAB3kZp9Lr2TmWv7Nq4Yd' }],
    ['an object key', { objectKey: 'uploads/2026/Ab/Xy12Qw/report.png' }],
    ['a name made of words under a key name', { componentKey: 'CheckoutButtonPrimary2024' }],
    ['a translation key', { labelKey: 'Checkout.Button.Primary2024' }],
    ['a key flag given a variable', { sh: 'acme-cli deploy --api-key $ACME_API_KEY' }],
    ['a password changed to meet a policy', { text: 'Password changed to meet the new policy.' }],
    ['a variable piped to stdin', { sh: 'echo $REGISTRY_TOKEN | docker login -u ci --password-stdin' }],
    ['a Cisco hash', { cfg: 'enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM' }],
    ['an open Wi-Fi QR code', { qr: 'WIFI:S:Guest;T:nopass;P:;;' }],
    ['an LDAP prompt for the password', { sh: 'ldapsearch -x -W -D "cn=admin,dc=ex,dc=org" "(uid=jo)"' }],
    ['a command line without secrets', { cmdline: ['ls', '-la', '/tmp'] }],
    ['quoted pairs without a hash', { text: '"en" "English"\n"de" "Deutsch"' }],
    ['a shell expansion demanding a password', { yaml: 'environment:\n  DB_PASSWORD: ${DB_PASSWORD:?DB_PASSWORD must be set}' }],
  ])('not a credential: %s', (_what, data) => {
    expect(typesOf(data)).toEqual([]);
  });
});
