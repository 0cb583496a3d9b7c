import { UnprovisionableAgentIdError } from '../errors/provisioning.errors';

/** Characters Redis ACL patterns treat specially, plus `:` (it would make one agent's keys another's) and whitespace. */
const REFUSED = /[*?[\]\\:\s]/;

/** Longest id accepted at provisioning. */
export const MAX_PROVISIONED_ID_LENGTH = 200;

/**
 * Checks that `id` can be provisioned: its name becomes part of the ACL key and channel patterns of
 * its user, so an id with a glob character (`* ? [ ] \`) would grant more than its own keys.
 * @throws UnprovisionableAgentIdError (an InvalidAgentIdError) naming the reason.
 */
export function assertProvisionableId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) throw new UnprovisionableAgentIdError(String(id), 'the id is empty');
  if (id.length > MAX_PROVISIONED_ID_LENGTH) throw new UnprovisionableAgentIdError(id, `longer than ${MAX_PROVISIONED_ID_LENGTH} characters`);
  const bad = REFUSED.exec(id);
  if (bad) throw new UnprovisionableAgentIdError(id, `it contains "${bad[0]}" (glob characters, ":" and whitespace would widen its ACL patterns)`);
}
