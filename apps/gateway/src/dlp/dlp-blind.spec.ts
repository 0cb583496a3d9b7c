import { describe, expect, it } from 'vitest';
import type { DlpType } from '../message/dlp.types';
import { itHasSize, itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';
import { DlpScanner } from './dlp-scanner';

// The blind set (test/gateway/dlp-blind.jsonl, built by test/gateway/dlp-blind/build_blind.py with the
// labelling rules of dlp-fresh/README.md) was written by someone who saw neither the detectors nor the
// other corpora, in 47 formats none of them use. Scored ONCE, blind, before anyone looked at its misses:
//
//   overall precision 0.948, recall 0.841 (64 of 378 samples wrong)
//   credit_card recall 0.906 · phone recall 0.810 · api_key 0.903 / 0.848 · private_key precision 0.882
//   password 0.763 / 0.690 · medical_record_number recall 0.346 · health_insurance_number 0.850 / 0.850
//   icd10 recall 0.630 · ssn, cvv, email, aws_access_key, jwt 1.000 / 1.000
//
// That "before" is the estimate on unseen formats. ITS MISSES HAVE SINCE BEEN READ: it is a SEEN set
// now, a regression set like the fresh one, no longer an estimate. Each miss was traced to a general
// cause (how the value appears in real formats) and fixed by a rule tested below on cases of its own,
// written from the formats with other values and wording, each with negatives of the same shape. The
// floor is its score after that (seen); a new blind set scored by someone else is the estimate now.
const FLOOR = { overall: 0.99, perType: 0.97 };

describe('DLP on the blind set (seen since its one blind score)', () => {
  const corpus = scoredCorpus('dlp-blind.jsonl');

  itHasSize(corpus, { samples: 250, negatives: 90, perType: 15 });
  itHoldsFloors(corpus.score, { precision: FLOOR.overall, recall: FLOOR.overall, perType: FLOOR.perType });
});

const scanner = new DlpScanner(() => 'ALERT');
const typesOf = (data: Record<string, unknown>): DlpType[] => [...new Set(scanner.scan(data).findings.map((f) => f.type))].sort();
const cases = (list: Array<[string, string, DlpType[]]>) => list;

describe('DLP: medical record numbers as hospitals write them', () => {
  it.each(
    cases([
      ['digits in dash groups after MRN', 'Pt seen today. MRN: 310-2287-19, bed 4', ['medical_record_number']],
      ['a LaTeX tie between label and value', 'Medical Record No.~K20931877 (see attached)', ['medical_record_number']],
      ['MR# and a site prefix', 'MR#: HX-0041977', ['medical_record_number']],
      ['a hospital number', 'Hospital No. 00719933', ['medical_record_number']],
      ['the abbreviation in brackets', 'Medical Record Number (MRN): 5520193', ['medical_record_number']],
      ['Portuguese', 'prontuário 4471092, retorno em 15 dias', ['medical_record_number']],
      ['Chinese', '病历号：20240917', ['medical_record_number']],
      ['a log field of dash groups', '{"level":"warn","patient_mrn":"772-0913-44"}', ['medical_record_number']],
    ]),
  )('%s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));

  it.each(
    cases([
      ['an MRN still to come', 'MRN: pending (registration)', []],
      ['an accession number', 'ACC#: 7731904412  DOS: 01/02/2026', []],
      ['a short chart reference', 'Chart #12 on the wall', []],
      ['a claim number', 'Claim #: 2026113000123  Rx# 4471923', []],
    ]),
  )('no finding for %s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));
});

describe('DLP: ICD-10 codes in lists, other languages and identifiers', () => {
  it.each(
    cases([
      ['list items under a diagnosis heading', 'Discharge diagnoses:\n 1. Essential hypertension (I10)\n 2. Hyperlipidaemia, unspecified (E78.5)\n 3. Long term use of insulin (Z79.4)', ['icd10']],
      ['bullets under an assessment heading', 'Assessment and plan\n- community acquired pneumonia J18.9\n- AKI N17.9', ['icd10']],
      ['the Portuguese name of the classification', 'CID-10: J45.909', ['icd10']],
      ['the Spanish and French names', 'CIE-10 K21.9 / CIM-10 K21.9', ['icd10']],
      ['a snake_case key in text', 'diagnosis_codes: ["M54.5", "G43.909"]', ['icd10']],
      ['a FHIR-style reason code', 'reasonCode: J06.9', ['icd10']],
    ]),
  )('%s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));

  it.each(
    cases([
      ['a list of error codes', 'Error codes:\n- E11 door open\n- E12 drain blocked', []],
      ['a list of parts under a heading', 'Spare parts:\n1. A10 hinge\n2. C50 panel', []],
    ]),
  )('no finding for %s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));
});

describe('DLP: passwords given to commands, in SQL, in sentences', () => {
  it.each(
    cases([
      ['a PostgreSQL role', "CREATE ROLE etl WITH LOGIN PASSWORD 'Nq4#vT9zLw';", ['password']],
      ['MySQL / Oracle IDENTIFIED BY', "CREATE USER 'etl'@'%' IDENTIFIED BY 'Pv8!mQ3x';", ['password']],
      ['Redis MONITOR output', '1700000000.1 [0 10.1.1.4:51000] "AUTH" "svc" "Rd2!xK9mLq"', ['password']],
      ['a redis-cli prompt', '10.1.1.4:6379> AUTH Vr6$kP2mZq', ['password']],
      ['a --password flag', 'docker login registry.example.org -u ci --password Lm3#qW8zPx', ['password']],
      ['mysql -p', 'mysqldump -u backup -pBk7!zQ2m shop > shop.sql', ['password']],
      ['HTTP Basic credentials', 'Authorization: Basic b3BzOlF6OCF0TG0yeFc=', ['password']],
      ['an owner phrase and Italian', 'la password della rete ospiti è Gu3st-Wifi-88', ['password']],
      ['an owner phrase in English', 'the password for the kiosk account is Ks7#pLm2q', ['password']],
      ['a URL password holding an @', 'amqp://svc:Pw@rd9x!@mq.internal:5672/', ['password']],
      ['a URL password with no user', 'redis://:Zc8mQ2vLx@cache.internal:6379', ['password']],
    ]),
  )('%s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));

  it.each(
    cases([
      ['a MySQL access-denied log line', "Access denied for user 'app'@'10.2.0.7' (using password: NO)", []],
      ['an authorisation code on a receipt', '  VISA  ************1881\n  AUTH 771204  RRN 902117733412', []],
      ['a password length rule', 'Your password is 10 characters or more', []],
      ['a credential file path', 'LoadCredential=api-password:/run/secrets/api-pass', []],
      ['Jasypt and Spring Cloud Config ciphertext', 'db.password=ENC(k2Jx9QmW1vRtY8uN)\nmail.password={cipher}8f3a9c01d2e4', []],
      ['an ARM template expression', '{"adminPassword": "[parameters(\'sqlAdminPassword\')]"}', []],
      ['code reading the field', "secret = request.form['password']\npw = os.environ.get('PW')", []],
      ['a password field with no value', 'password: N/A\nbackup password: -', []],
    ]),
  )('no finding for %s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));
});

describe('DLP: phone numbers as countries write them', () => {
  it.each(
    cases([
      ['a NANP number ending a sentence', 'Ring me back at 312-555-0188.', ['phone']],
      ['a Chinese mobile after its label', '联系电话：139 0012 7788', ['phone']],
      ['an Indian mobile', 'Mobile: 91234 56789', ['phone']],
      ['a French number in pairs', 'Tél. 06 71 22 93 40', ['phone']],
      ['a PNR contact element', '  4 APM LHR 07700 900341 - M', ['phone']],
      ['digits spaced out', 'call me: 2 0 6 5 5 5 0 1 9 9', ['phone']],
      ['a Brazilian number after "ligue"', 'Ligue para (21) 99876-5432 amanhã', ['phone']],
    ]),
  )('%s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));

  it.each(
    cases([
      ['a meeting id next to a call', 'join the call, meeting id 812 3390 4471', []],
      ['an address next to a phone word', 'phone server at 192.168.100.201', []],
      ['a version at the end of a sentence', 'Upgraded to 415.555.0132.7 today.', []],
      ['a date and time next to a call', 'called back at 2026-03-14 09:30 about the refund', []],
      ['an order number in NANP groups', 'Order #1415 555 0132 shipped', []],
    ]),
  )('no finding for %s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));
});

describe('DLP: keys and secrets by label and by provider format', () => {
  it.each(
    cases([
      ['an Azure storage AccountKey', 'DefaultEndpointsProtocol=https;AccountName=logs;AccountKey=Qm9zZXR0YTIwMjZhbmRtb3JlcmFuZG9tYnl0ZXM0NTY3ODkwYWJjZGVm==;', ['api_key']],
      ['a Service Bus SharedAccessKey', 'Endpoint=sb://ns.example.net/;SharedAccessKeyName=send;SharedAccessKey=Yw7Kp2Lm9Qx4Vn8Rt3Zc6Hb1Jd5Fg0Ws2Ea3Tu4Io=', ['api_key']],
      ['a signing secret in YAML', 'jwt:\n  signing-secret: 4fTq9Lm2Vx8Kp3Zr7Wn1Yc6Hb5Jd0Gs', ['api_key']],
      ['a Rails secret_key_base', 'secret_key_base: 7d1f0a9c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f', ['api_key']],
      ['a Hugging Face token', 'HF_TOKEN=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', ['api_key']],
      ['a GitLab runner token', 'token = "glrt-t3_Zq8Lm2Vx9Kp4Rn7Wc1Yb6"', ['api_key']],
    ]),
  )('%s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));

  it.each(
    cases([
      ['a Stripe card token under token', '{"guarantee": {"token": "tok_1QxZ8mLp2Vr9Kt4Wn7Yb"}}', []],
      ['a publishable key', 'STRIPE_KEY=pk_live_51QxZ8mLp2Vr9Kt4Wn7Yb3Hc6', []],
      ['a test key under api_key', 'api_key: sk_test_51QxZ8mLp2Vr9Kt4Wn7Yb3Hc6', []],
      ['a placeholder token', 'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', []],
      ['a secret resource name', 'kubernetes_secret: payments-db-creds-2026', []],
      ['a Sentry DSN (a public key, not an address)', 'SENTRY_DSN=https://4f8d2c1b9a7e6d5c@o4504.ingest.sentry.io/4505', []],
    ]),
  )('no finding for %s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));
});

describe('DLP: masked values, cut-short PEM blocks, GDS payment lines', () => {
  it.each(
    cases([
      ['a masked member id', 'Member ID: ********7781   Group No: 40022', []],
      ['a PEM header over a mask, then other log lines', '-----BEGIN RSA PRIVATE KEY-----\n[MASKED]\n$ chmod 600 ~/.ssh/id_rsa', []],
      ['a masked GDS form of payment', '  5 FP CCAXXXXXXXXXXX0005/0328', []],
    ]),
  )('no finding for %s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));

  it.each(
    cases([
      ['a PEM block cut short with log lines after it', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n$ ssh -i key host', ['private_key']],
      ['a GDS form of payment', '  5 FP CCMC5555555555554444/0927', ['credit_card']],
      ['track 1 of a magnetic stripe', '%B5555555555554444^ROE/ANN^27091010000000000000?', ['credit_card']],
      ['a Medicaid CIN after its bracketed label', 'Medicaid ID (CIN): QX44182B', ['health_insurance_number']],
      ['an insurance id with # and :', 'Insurance ID#: KPX55120987', ['health_insurance_number']],
      ['a German insurance number', 'Versicherungsnummer: M482019377', ['health_insurance_number']],
      ['a phone under a spaced-out pair value', 'Contact: 0800 555 0142 (free)', ['phone']],
    ]),
  )('%s', (_what, t, types) => expect(typesOf({ t })).toEqual(types));
});

// The new patterns on hostile input, as the other specs do for theirs: linear, a few ms each.
describe('DLP: the blind-set rules in linear time', () => {
  it('scans hostile 128 KB strings without catastrophic backtracking', () => {
    const n = 128 * 1024;
    const hostile = [
      '| a | b |\n|---|---|\n'.repeat(n / 20), 'a  b\n'.repeat(n / 5), `INSERT INTO t (a, b) VALUES ${"('x', 'y'),".repeat(n / 11)}`, `INSERT INTO t (a) VALUES ('${'x'.repeat(n)}`,
      '\\u0041'.repeat(n / 6), 'one '.repeat(n / 4), '(0010,0021) [x]\n(0010,0020) ['.repeat(n / 30), '"AUTH" "a" '.repeat(n / 11), `x://:${'@'.repeat(n)}`,
      `Basic ${'QQ'.repeat(n / 2)}`, `diagnosis\n${'- E11.9\n'.repeat(n / 8)}`, '<a key="k" value="v"/>'.repeat(n / 22), '<key>k</key><string>'.repeat(n / 20),
      'net use /user:a '.repeat(n / 16), 'a:1> AUTH '.repeat(n / 10), 'password for '.repeat(n / 13), 'CCVI'.repeat(n / 4), '1 - '.repeat(n / 4),
    ];
    for (const text of hostile) {
      const started = performance.now();
      scanner.scan({ text });
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(4_000);
    }
  });
});
