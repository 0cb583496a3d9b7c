import type { SignatureAlgorithm } from '@mas/core';
import type { CliContext } from '../cli-context';
import { UsageError } from '../cli.errors';
import { AclList, AclStore, AclView } from '../services/acl-store';
import { CredentialStore } from '../services/credential-store';

function printAcl(context: CliContext, acl: AclView): void {
  const out = context.output;
  out.result(acl, () => {
    const list = (items: string[]) => (items.length ? items.join(', ') : out.style('dim', '(none)'));
    return [`${out.style('bold', acl.agent)}`, `  allowed: ${list(acl.allowed)}`, `  blocked: ${list(acl.blocked)}`].join('\n');
  });
}

/** `mas acl show <agent>`. */
export async function showAcl(context: CliContext, agent: string): Promise<void> {
  printAcl(context, await new AclStore((await context.redis()).command, (await context.redis()).keys).show(agent));
}

/** `mas acl allow|block <agent> <targets...> [--remove]`. */
export function changeAcl(list: AclList) {
  return async (context: CliContext, agent: string, targets: string[], options: { remove?: boolean }): Promise<void> => {
    if (!targets.length) throw new UsageError(`name at least one target (an agent id or a pattern like "analytics-*")`);
    const acl = await new AclStore((await context.redis()).command, (await context.redis()).keys).change(agent, list, targets, options.remove);
    printAcl(context, acl);
  };
}

/** `mas revoke <agent>`. */
export async function revoke(context: CliContext, agent: string): Promise<void> {
  const result = await new CredentialStore(await context.redis()).revoke(agent);
  context.output.result(result, () =>
    result.newlyRevoked
      ? `revoked the current token of ${agent} (sha256 ${result.tokenFingerprint}…); the gateway answers AUTH_FAILED until it registers with a new token (restart)`
      : `the current token of ${agent} (sha256 ${result.tokenFingerprint}…) was already revoked`,
  );
}

/** `mas rotate-key <agent>`. */
export async function rotateKey(context: CliContext, agent: string, options: { alg?: SignatureAlgorithm; showSecret?: boolean }): Promise<void> {
  const result = await new CredentialStore(await context.redis()).rotateKey(agent, options.alg);
  const { secret, ...shown } = result;
  const out = context.output;
  out.result(options.showSecret ? result : shown, () =>
    [
      `new ${result.alg} key for ${agent} (fingerprint ${result.fingerprint}; was ${result.previousAlg})`,
      ...(options.showSecret ? [result.alg === 'hmac-sha256' ? `secret: ${secret}` : secret.trimEnd()] : []),
    ].join('\n'),
  );
  out.note(
    `${agent} keeps signing with its old key until it restarts (it then publishes a fresh key) or is configured with the new one: until then the gateway answers SIGNATURE_INVALID`,
  );
}
