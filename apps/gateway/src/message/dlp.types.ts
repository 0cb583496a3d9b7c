/** What the DLP scanner detects. Wire / audit / metrics name of each type (snake_case). */
export const DLP_TYPES = [
  'ssn',
  'credit_card',
  'cvv',
  'email',
  'phone',
  'aws_access_key',
  'api_key',
  'private_key',
  'jwt',
  'password',
  'medical_record_number',
  'health_insurance_number',
  'icd10',
] as const;

/** One kind of sensitive data. */
export type DlpType = (typeof DLP_TYPES)[number];

/** What the gateway does when it finds a type: refuse the message, mask the match, only report it, or ignore it. */
export type DlpAction = 'BLOCK' | 'REDACT' | 'ALERT' | 'OFF';

/** Every action, for validation. */
export const DLP_ACTIONS: readonly DlpAction[] = ['BLOCK', 'REDACT', 'ALERT', 'OFF'];

/** One match in a message. Never carries the matched value. */
export interface DlpFinding {
  type: DlpType;
  action: DlpAction;
  /** JSON path of the value, e.g. `data.patient.notes` or `data.items[2]`. */
  path: string;
}

/** Outcome of scanning one payload. */
export interface DlpResult {
  findings: DlpFinding[];
  /** The payload with every REDACT finding masked (the input itself when nothing was redacted). */
  data: Record<string, unknown>;
  /** True when a finding's action is BLOCK. */
  blocked: boolean;
}
