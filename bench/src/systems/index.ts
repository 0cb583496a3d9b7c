import type { SystemName } from '../shared/bench.interfaces';
import type { BenchSystem } from './system.interfaces';

/** Loads one system's adapter (each worker loads only the one it runs). */
export function loadSystem(name: SystemName): BenchSystem {
  switch (name) {
    case 'mas':
      return (require('./mas.system') as typeof import('./mas.system')).masSystem;
    case 'raw':
      return (require('./raw.system') as typeof import('./raw.system')).rawSystem;
    case 'raw-pipelined':
      return (require('./raw.system') as typeof import('./raw.system')).rawPipelinedSystem;
    case 'nest':
      return (require('./nest.system') as typeof import('./nest.system')).nestSystem;
    case 'moleculer':
      return (require('./moleculer.system') as typeof import('./moleculer.system')).moleculerSystem;
  }
}
