import { EPOCH_SCRIPT } from '../redis/redis-epoch';
import { DEREGISTER_SCRIPT, DISCOVER_SCRIPT, HEARTBEAT_SCRIPT, REGISTER_SCRIPT } from '../registry/registry.scripts';
import { COMMIT_BATCH_SCRIPT, DEAD_LETTER_SCRIPT, INBOX_APPEND_SCRIPT, INBOX_MAKE_ROOM_SCRIPT, INBOX_ROOM_CANDIDATES_SCRIPT } from '../transport/inbox.scripts';
import { RedisFunctionLibrary } from './function-library';

/**
 * The MAS function library: every script an agent process runs (its inbox commits with state and
 * dedup, dead-lettering, capacity-checked inbox appends, registration and heartbeats, discovery, the
 * boot marker), as Redis functions. A connection in `functions` mode — by default the connection of
 * a provisioned agent, whose user may FCALL but not EVAL — calls these instead of EVAL; an
 * administrator loads the library on every master (`mas functions load`, and every `mas provision`).
 * The gateway's and the registry's own scripts are not in it: their service users keep EVAL.
 */
export const MAS_FUNCTIONS = new RedisFunctionLibrary('mas', [
  { name: 'commit_batch', script: COMMIT_BATCH_SCRIPT },
  { name: 'dead_letter', script: DEAD_LETTER_SCRIPT },
  { name: 'inbox_append', script: INBOX_APPEND_SCRIPT },
  { name: 'inbox_make_room', script: INBOX_MAKE_ROOM_SCRIPT },
  { name: 'inbox_room_candidates', script: INBOX_ROOM_CANDIDATES_SCRIPT },
  { name: 'register', script: REGISTER_SCRIPT },
  { name: 'deregister', script: DEREGISTER_SCRIPT },
  { name: 'heartbeat', script: HEARTBEAT_SCRIPT },
  { name: 'discover', script: DISCOVER_SCRIPT, readOnly: true },
  { name: 'epoch', script: EPOCH_SCRIPT },
]);
