import { agentOptionsFromSettings, MasSettings } from '../config/mas.settings';
import type { MasModuleOptions } from './mas-options.interfaces';

/**
 * `MasModule` options derived from settings: the shared options (with `agentCredentials`, for an
 * app of one provisioned agent) and every `agents.<id>` identity, for an app of several.
 *
 * @example
 * ```ts
 * MasModule.forRootAsync({ useFactory: () => masModuleOptionsFromSettings(loadMasSettings()) })
 * ```
 */
export function masModuleOptionsFromSettings(settings: MasSettings): MasModuleOptions {
  const agents = Object.fromEntries(
    Object.entries(settings.agents).map(([id, { redisUrl, credentials }]) => [
      id,
      { ...(redisUrl ? { redisUrl } : {}), ...(credentials ? { gateway: { credentials } } : {}) },
    ]),
  );
  return { ...agentOptionsFromSettings(settings), agents };
}
