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
