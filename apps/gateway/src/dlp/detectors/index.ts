import type { DlpDetector } from '../dlp-detector.interfaces';
import { dialledPhone, email, nationalPhone, phone, trunkPhone } from './contact.detectors';
import { cardCode, creditCard, cvv, ssn } from './financial.detectors';
import { frenchSocialSecurityNumber, healthCoverLabelNumber, icd10, healthInsuranceNumber, medicalRecordNumber } from './health.detectors';
import { authFilePassword, commandPassword, credentialPair, userCredentialPair, linePassword, managerOutputPassword, pairPassword, password, protocolPassword, secretsFilePassword, spacedPassword, toolPassword, wirelessKeyPassword } from './password.detectors';
import { apiKey, authorizationKey, awsAccessKey, basicAuthKey, hexKey, jwt, namedKey, privateKey, tokenField, uuidKey } from './secret.detectors';

export { luhnValid } from './financial.detectors';

/**
 * Every detector, most specific first: when two matches overlap, the one of the earlier detector
 * wins (a JWT is not also an API key, a card number not also a phone number).
 */
export const DLP_DETECTORS: readonly DlpDetector[] = [
  privateKey,
  jwt,
  awsAccessKey,
  apiKey,
  tokenField,
  authorizationKey,
  basicAuthKey,
  namedKey,
  hexKey,
  uuidKey,
  password,
  commandPassword,
  protocolPassword,
  toolPassword,
  pairPassword,
  linePassword,
  authFilePassword,
  credentialPair,
  userCredentialPair,
  spacedPassword,
  wirelessKeyPassword,
  managerOutputPassword,
  secretsFilePassword,
  creditCard,
  ssn,
  medicalRecordNumber,
  healthInsuranceNumber,
  healthCoverLabelNumber,
  frenchSocialSecurityNumber,
  cvv,
  cardCode,
  email,
  phone,
  nationalPhone,
  dialledPhone,
  trunkPhone,
  icd10,
];
