import { describe, expect, it } from 'vitest';
import { DLP_TYPES, DlpType } from '../message/dlp.types';
import { itHoldsFloors, scoredCorpus } from '../../../../test/gateway/dlp-floors';
import { DlpScanner } from './dlp-scanner';

// The fresh set (test/gateway/dlp-fresh.jsonl, built by test/gateway/dlp-fresh/build_fresh.py) was
// written by someone who never saw the detectors, from formats the other sets do not use, and scored
// ONCE before any tuning:
//
//   overall precision 0.950, recall 0.868 (38 of 288 samples wrong)
//   ssn recall 0.933 · cvv recall 0.667 · email 0.966 / 0.966 · phone recall 0.783
//   aws_access_key precision 0.875 · api_key 0.964 / 0.964 · private_key precision 0.938
//   password precision 0.750, recall 0.857 · medical_record_number recall 0.813
//   health_insurance_number recall 0.625 · icd10 recall 0.563 · credit_card, jwt 1.000 / 1.000
//
// That is the honest estimate on unseen formats. Its misses were then read by category (labels and
// context words in other languages, national phone formats, key names, tables as rows, SGML without
// end tags, several types in one encoded run, placeholders and masks of secrets, …) and prompted the
// general rules tested below on cases of their own. After that the set has been seen: 1.000 / 1.000
// now, a regression set, no longer an estimate (a third, unseen set is scored by the lead).
const FLOOR = { overall: 0.99, perType: 0.97 };

describe('DLP on the fresh set (seen since its one blind score)', () => {
  const { samples, score } = scoredCorpus('dlp-fresh.jsonl');

  it('has its 288 samples', () => {
    expect(samples.length).toBe(288);
  });

  itHoldsFloors(score, { precision: FLOOR.overall, recall: FLOOR.overall, perType: FLOOR.perType });
});

// The rules, on cases written for them (other values, other wording than the fresh samples), each with
// negatives of the same shape.
const scanner = new DlpScanner(() => 'ALERT');
const typesOf = (data: Record<string, unknown>): DlpType[] => [...new Set(scanner.scan(data).findings.map((f) => f.type))].sort();
const cases = (list: Array<[string, Record<string, unknown>, DlpType[]]>) => list;

describe('DLP: labels and context words in other languages', () => {
  it.each(
    cases([
      ['a German CVC label', { t: 'Kartenprüfnummer: 381' }, ['cvv']],
      ['a French CVV label', { t: 'cryptogramme visuel 7304' }, ['cvv']],
      ['a code at the end of a sentence', { t: 'The CVV is 902. Thanks!' }, ['cvv']],
      ['a German password', { t: 'Das Passwort ist Somm3r#Regen' }, ['password']],
      ['a Spanish password', { t: 'usuario: lgarcia, contraseña: Mar1posa.77' }, ['password']],
      ['a KVNR', { t: 'Versichertennummer: T518204393' }, ['health_insurance_number']],
      ['a diagnosis in Spanish', { t: 'diagnóstico principal: K21.9' }, ['icd10']],
      ['an MRN label in brackets', { t: 'número de historia (MRN) 4417209' }, ['medical_record_number']],
    ]),
  )('%s', (_what, data, types) => expect(typesOf(data)).toEqual(types));

  it.each(
    cases([
      ['a price after a CVC mention', { t: 'Prüfnummer ist hinten, Preis 3.50' }, []],
      ['a password policy in German', { t: 'Das Passwort muss mindestens 12 Zeichen haben' }, []],
      ['a code without a medical word', { t: 'Fehlercode E11.2 am Geschirrspüler' }, []],
    ]),
  )('no finding for %s', (_what, data, types) => expect(typesOf(data)).toEqual(types));
});

describe('DLP: phone numbers in national format next to a phone word', () => {
  it.each(
    cases([
      ['UK landline', { t: 'Ring me on 0161 496 0753 after 5' }, ['phone']],
      ['German mobile', { t: 'Handy: 0170 5550123' }, ['phone']],
      ['Japanese mobile', { t: '電話番号は 080-5550-1234 です' }, ['phone']],
      ['an XML telephone element', { xml: '<HomeTelephone><Number>6175550148</Number></HomeTelephone>' }, ['phone']],
    ]),
  )('%s', (_what, data, types) => expect(typesOf(data)).toEqual(types));

  it.each(
    cases([
      ['a part number', { t: 'Ersatzteil 0170 5550123 bestellt' }, []],
      ['a sort code and account', { t: 'Konto 0113 496 0616 bei der Bank' }, []],
      ['a number element elsewhere', { xml: '<Invoice><Number>6175550148</Number></Invoice>' }, []],
    ]),
  )('no finding for %s', (_what, data, types) => expect(typesOf(data)).toEqual(types));
});

describe('DLP: key names, tables, conversations, SGML', () => {
  it.each(
    cases([
      ['a parent key read with its child', { medicare: { beneficiaryId: '8TW4GC7QA21' } }, ['health_insurance_number']],
      ['a payer member id', { payer_member_id: 'QPX4418821' }, ['health_insurance_number']],
      ['a pharmacy cardholder id', { benefits: { cardholderId: 'W88213407' } }, ['health_insurance_number']],
      ['a tax id of SSN shape', { tax_id: '219099999' }, ['ssn']],
      ['an NCPDP medical record element', { xml: '<MedicalRecordIdentificationNumberEHR>55120937</MedicalRecordIdentificationNumberEHR>' }, ['medical_record_number']],
      ['a table given as rows', { values: [['name', 'CVV', 'dx'], ['A Ruiz', '318', 'M54.5']] }, ['cvv', 'icd10']],
      ['an answer to the question of the turn before', { turns: [{ role: 'agent', text: 'Could you read me the CVV, please?' }, { role: 'customer', text: 'yes it is 4471' }] }, ['cvv']],
      ['OFX sign-on', { ofx: '<OFX><SIGNONMSGSRQV1><SONRQ><USERID>jdoe<USERPASS>Gr8-Harbour!<LANGUAGE>ENG</SONRQ></SIGNONMSGSRQV1></OFX>' }, ['password']],
      ['curl basic auth', { cmd: 'curl --user ci:Qz7!harbour https://ci.example.org/api' }, ['password']],
      ['an AWS secret in an aligned table', { out: 'secret_key     Jf8sK2lQ0pXv7Rt1uW3yZ5aB9cD4eF6gH8iJ0kL2 env' }, ['api_key']],
    ]),
  )('%s', (_what, data, types) => expect(typesOf(data)).toEqual(types));

  it.each(
    cases([
      ['a table of quantities', { values: [['sku', 'qty'], ['A-1', '318']] }, []],
      ['turns without the question', { turns: [{ role: 'agent', text: 'How many seats?' }, { role: 'customer', text: '4471 if possible' }] }, []],
      ['a number in a table row that is not a table', { values: [['318', '4471']] }, []],
      ['a schema that describes a password field', { schema: { password: { type: 'string', format: 'password', minLength: 12 } } }, []],
      ['a recipient id outside insurance', { message: { recipientId: 'U7788123' } }, []],
      ['curl with an env reference', { cmd: 'curl -u ci:$CI_TOKEN https://ci.example.org/api' }, []],
    ]),
  )('no finding for %s', (_what, data, types) => expect(typesOf(data)).toEqual(types));
});

describe('DLP: several types in one encoded run', () => {
  it('reports each type the decoded text carries', () => {
    const body = Buffer.from('{"pan":"4111 1111 1111 1111","cvc":"123","mail":"ana.silva@example.org"}').toString('base64');
    expect(typesOf({ body })).toEqual(['credit_card', 'cvv', 'email']);
    expect(typesOf({ form: 'user=ana.silva%40example.org&tel=%2B442079460958' })).toEqual(['email', 'phone']);
  });

  it('settles overlaps inside the decoded text as in plain text', () => {
    expect(typesOf({ url: 'amqp://svc:P4ss%2Fw0rd%213@broker.internal/vhost' })).toEqual(['password']);
  });
});

describe('DLP: placeholders and masks are not secrets', () => {
  it.each(
    [
      ['a Jinja template', { yml: 'smtp_password: "{{ vault_smtp_password }}"' }],
      ['a GitHub Actions secret', { yml: 'API_TOKEN: ${{ secrets.API_TOKEN }}' }],
      ['a Terraform variable', { hcl: 'password = var.admin_password' }],
      ['a Postman variable', { values: [{ key: 'password', value: '{{pw}}' }] }],
      ['a mask', { user: { password: '••••••••' } }],
      ['a Slack token placeholder', { md: 'Export SLACK_TOKEN=xoxp-replace-this-value first' }],
      ['AWS documentation keys', { md: 'e.g. AKIAIOSFODNN7EXAMPLE and secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }],
      ['a PEM header around a redaction', { paste: '-----BEGIN EC PRIVATE KEY-----\n<removed>\n-----END EC PRIVATE KEY-----' }],
      ['an SSH remote', { cfg: 'url = git@gitlab.example.com:team/app.git' }],
    ] as Array<[string, Record<string, unknown>]>,
  )('no finding for %s', (_what, data) => expect(typesOf(data)).toEqual([]));

  it.each(
    cases([
      ['a real value in the same template', { yml: 'smtp_password: "Rv8!kelp-Tide"' }, ['password']],
      ['a Slack token with its ids', { t: 'xoxb-2211334455-6677889900-aBcDeFgHiJkLmNoP' }, ['api_key']],
      ['a PEM with a short body', { paste: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----' }, ['private_key']],
      ['an e-mail followed by a colon', { t: 'write to ana@example.org: she knows' }, ['email']],
    ]),
  )('%s', (_what, data, types) => expect(typesOf(data)).toEqual(types));
});

// The new patterns on hostile input, as the corpus spec does for the others: linear, a few ms each.
describe('DLP: the new rules in linear time', () => {
  it('scans hostile 128 KB strings without catastrophic backtracking', () => {
    const n = 128 * 1024;
    const hostile = [
      '0 '.repeat(n / 2), '01 '.repeat(n / 3), 'secret_key '.repeat(n / 11), `secret_key ${'A1a'.repeat(n / 3)}`, '-u a:'.repeat(n / 5),
      `<OFX>${'<A>x'.repeat(n / 4)}`, '<a><b>'.repeat(n / 6), `<a ${'x'.repeat(n)}`, '{{'.repeat(n / 2), `password: ${'*'.repeat(n)}!`,
      'Versichertennummer '.repeat(n / 19), 'mot de passe : '.repeat(n / 15), `-----BEGIN PRIVATE KEY-----${'['.repeat(n)}`, 'git@a.b:'.repeat(n / 8),
    ];
    for (const text of hostile) {
      const started = performance.now();
      scanner.scan({ text });
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(4_000);
    }
  });
});
