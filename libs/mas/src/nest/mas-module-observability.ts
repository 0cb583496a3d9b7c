import type { Provider } from '@nestjs/common';
import { MAS_MODULE_OPTIONS } from './mas-module-definition';
import type { MasModuleOptions } from './mas-options.interfaces';
import { MasHealthIndicator } from './mas-health.indicator';
import { MasMetrics } from '../observability/mas-metrics';

/** What `MasModule.forRoot({ metrics })` takes: on with a new registry, options, or an instance to share. */
export type MasModuleMetricsOption = boolean | MasMetrics | import('../observability/mas-metrics').MasMetricsOptions;

/** The module's {@link MasMetrics}: null when `metrics` is absent or false. */
export function moduleMetrics(option: MasModuleMetricsOption | undefined): MasMetrics | null {
  if (!option) return null;
  if (option instanceof MasMetrics) return option;
  return new MasMetrics(option === true ? {} : option);
}

/**
 * Providers MasModule adds for observability: `MasMetrics` (injectable; null unless
 * `metrics` is set: every agent of the app reports into it) and `MasHealthIndicator`.
 */
export const MAS_OBSERVABILITY_PROVIDERS: Provider[] = [
  { provide: MasMetrics, inject: [MAS_MODULE_OPTIONS], useFactory: (options: MasModuleOptions) => moduleMetrics(options.metrics) },
  MasHealthIndicator,
];

/** What MasModule exports of them. */
export const MAS_OBSERVABILITY_EXPORTS = [MasMetrics, MasHealthIndicator];
