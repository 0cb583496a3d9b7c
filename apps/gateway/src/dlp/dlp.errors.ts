import { MasError } from '@mas/core';

/** A message is too large or too deep to be scanned within the DLP budget (it is refused: DLP_BLOCKED). */
export class DlpScanBudgetError extends MasError {
  override readonly code = 'DLP_SCAN_BUDGET';
  constructor(readonly exceeded: string) {
    super(`too large to scan (${exceeded})`);
  }
}
