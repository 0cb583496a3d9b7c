import type { DlpActionSettings } from '../config/security.settings';
import type { DlpAction, DlpType } from '../message/dlp.types';

/** The configured action of each type (`credit_card` is `dlp.actions.creditCard`). */
export function actionsFrom(settings: DlpActionSettings): (type: DlpType) => DlpAction {
  return (type) => settings[type.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as keyof DlpActionSettings];
}
