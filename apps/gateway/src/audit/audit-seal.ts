import type { GatewayIdentity } from '../identity/gateway-identity';

/** A point of the chain: entry `seq` has hash `hash` (seq 0: before the first entry). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/** A signed checkpoint as stored in `audit:checkpoints` (or `audit:base` for a retention cut). */
export interface Checkpoint extends ChainPoint {
  /** `regular`, or `cut`: retention removed every entry up to and including `seq`. */
  kind: 'regular' | 'cut';
  ts: number;
  /** Base64 Ed25519 signature of the gateway identity. */
  sig: string;
}

const headInput = (point: ChainPoint) => ({ purpose: 'audit-head', seq: point.seq, hash: point.hash });
const checkpointInput = (c: Omit<Checkpoint, 'sig'>) => ({ purpose: 'audit-checkpoint', kind: c.kind, seq: c.seq, hash: c.hash, ts: c.ts });

/** The value of `audit:head`: `{seq}:{hash}:{signature}`. */
export function sealHead(identity: GatewayIdentity, point: ChainPoint): string {
  return `${point.seq}:${point.hash}:${identity.signatureOf(headInput(point)).value}`;
}

/** The point `audit:head` names, without checking its signature (undefined for an empty trail). */
export function headPoint(raw: string | null | undefined): ChainPoint | undefined {
  if (!raw) return undefined;
  const [seq, hash] = raw.split(':');
  return { seq: Number(seq), hash: hash ?? '' };
}

/** Parses `audit:head`; `signed` tells whether the gateway's identity signed it. Undefined for an empty trail. */
export function openHead(identity: GatewayIdentity, raw: string | null | undefined): (ChainPoint & { signed: boolean }) | undefined {
  const point = headPoint(raw);
  if (!point) return undefined;
  const sig = raw!.split(':')[2];
  return { ...point, signed: !!sig && identity.verify({ ...headInput(point), gateway_signature: { alg: 'ed25519', key_id: identity.keyId, value: sig } }) };
}

/** A new signed checkpoint of `point`. */
export function sealCheckpoint(identity: GatewayIdentity, kind: Checkpoint['kind'], point: ChainPoint, ts = Date.now()): Checkpoint {
  const body = { kind, seq: point.seq, hash: point.hash, ts };
  return { ...body, sig: identity.signatureOf(checkpointInput(body)).value };
}

/** True when the gateway's identity signed `checkpoint`. */
export function checkpointSigned(identity: GatewayIdentity, checkpoint: Checkpoint): boolean {
  return identity.verify({ ...checkpointInput(checkpoint), gateway_signature: { alg: 'ed25519', key_id: identity.keyId, value: checkpoint.sig } });
}

/** Stream fields of a checkpoint. */
export function checkpointFields(checkpoint: Checkpoint): string[] {
  return ['kind', checkpoint.kind, 'seq', String(checkpoint.seq), 'hash', checkpoint.hash, 'ts', String(checkpoint.ts), 'sig', checkpoint.sig];
}

/** A checkpoint from its stream fields or JSON (undefined when malformed). */
export function checkpointOf(fields: Record<string, unknown> | undefined): Checkpoint | undefined {
  if (!fields) return undefined;
  const kind = fields.kind === 'cut' ? 'cut' : 'regular';
  const seq = Number(fields.seq);
  const ts = Number(fields.ts);
  if (!Number.isInteger(seq) || typeof fields.hash !== 'string' || typeof fields.sig !== 'string') return undefined;
  return { kind, seq, hash: fields.hash, ts, sig: fields.sig };
}
