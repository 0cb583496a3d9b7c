import type { DlpActionSettings } from '../config/security.settings';
import type { DlpAction, DlpType } from '../message/dlp.types';

/** The configured action of each type (`credit_card` is `dlp.actions.creditCard`). */
export function actionsFrom(settings: DlpActionSettings): (type: DlpType) => DlpAction {
  // The scanner asks for every detector of every text: each type's settings key is worked out once.
  const names = new Map<DlpType, keyof DlpActionSettings>();
  return (type) => {
    let name = names.get(type);
    if (name === undefined) names.set(type, (name = type.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as keyof DlpActionSettings));
    return settings[name];
  };
}
