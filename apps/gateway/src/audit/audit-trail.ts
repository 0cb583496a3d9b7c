import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MasConnection } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectInstanceId } from '../gateway.constants';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { GatewaySecrets, SECRET_FILES } from '../identity/gateway-secrets';
import { readSecret, writeSecret } from '../identity/secret-file';
import { AuditFields, AuditRecord, chainHash, GENESIS_HASH, isSecurityEvent, recordFields, STORED_FIELDS } from './audit-entry';
import { ChainPoint, checkpointFields, headPoint, sealCheckpoint, sealHead } from './audit-seal';
import { AUDIT_APPEND_SCRIPT } from './audit.scripts';

interface Pending {
  record: AuditRecord;
  fields: AuditFields;
  resolve(id: string): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 200;
const MAX_CAS_ATTEMPTS = 100;
/** Approximate length of `audit:checkpoints`. */
const CHECKPOINTS_MAX = 10_000;

/**
 * The tamper-evident audit trail. Entries go to `audit:messages` (and to `audit:by_sender:{id}`,
 * `audit:by_target:{id}`, and for denials and DLP findings `audit:security_events`, each capped),
 * each keyed-hashed (HMAC with the chain key held outside Redis) over its content, its sequence
 * number and the previous entry's hash. Instances share one chain: records are batched, hashed here
 * and appended by a compare-and-set script on the head `audit:head`, which the gateway signs. Every
 * `audit.checkpointEvery` entries (and every `checkpointIntervalMs`) a signed checkpoint goes to
 * `audit:checkpoints` and to the anchor file outside Redis; the highest point written is also kept in
 * memory. The verifier compares the chain with all three.
 */
@Injectable()
export class AuditTrail implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private readonly queue: Pending[] = [];
  private flushing?: Promise<void>;
  /** Last head this instance wrote or saw; undefined = read it first. */
  private knownHead?: string;
  /** The highest point of the chain this instance wrote. */
  private written?: ChainPoint;
  private checkpointed = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly redis: MasConnection,
    private readonly secrets: GatewaySecrets,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    @InjectInstanceId() private readonly instanceId: string,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.checkpoint().catch((e: unknown) => this.logger.warn(`checkpoint failed: ${String(e)}`)), this.settings.audit.checkpointIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
    await this.checkpoint().catch(() => undefined);
  }

  /** Appends one record; resolves with its id in `audit:messages`. */
  append(record: AuditRecord): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ record, fields: recordFields(record, this.instanceId), resolve, reject });
      // Started after this event-loop turn: the records of one turn share a write and one signed head.
      this.flushing ??= new Promise<void>((started) => setImmediate(started)).then(() => this.flush());
    });
  }

  /** The highest point this instance wrote, or that its anchor file holds (whichever is higher). */
  anchor(): ChainPoint | undefined {
    const stored = this.storedAnchor();
    if (!this.written) return stored;
    return stored && stored.seq > this.written.seq ? stored : this.written;
  }

  /** Writes a signed checkpoint of the highest point this instance wrote, when it moved since the last one. */
  async checkpoint(): Promise<void> {
    const point = this.written;
    if (!point || point.seq <= this.checkpointed) return;
    this.checkpointed = point.seq;
    const sealed = sealCheckpoint(this.secrets.identity, 'regular', point);
    await this.redis.command.xadd(this.redis.keys.auditCheckpoints, 'MAXLEN', '~', CHECKPOINTS_MAX, '*', ...checkpointFields(sealed));
    const stored = this.storedAnchor();
    if (!stored || stored.seq < point.seq) writeSecret(this.secrets.file(SECRET_FILES.auditAnchor), JSON.stringify(sealed));
  }

  private storedAnchor(): ChainPoint | undefined {
    try {
      const raw = readSecret(this.secrets.file(SECRET_FILES.auditAnchor));
      const parsed = raw ? (JSON.parse(raw) as ChainPoint) : undefined;
      return parsed && Number.isInteger(parsed.seq) && typeof parsed.hash === 'string' ? { seq: parsed.seq, hash: parsed.hash } : undefined;
    } catch {
      return undefined;
    }
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const ids = await this.write(batch);
        batch.forEach((pending, i) => pending.resolve(ids[i]));
      } catch (error) {
        this.knownHead = undefined;
        this.logger.error(`Could not append ${batch.length} audit entr${batch.length === 1 ? 'y' : 'ies'}: ${String(error)}`);
        batch.forEach((pending) => pending.reject(error));
      }
    }
    this.flushing = undefined;
  }

  private async write(batch: Pending[]): Promise<string[]> {
    let expected = this.knownHead ?? ((await this.redis.command.get(this.redis.keys.auditHead)) ?? '');
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt += 1) {
      const { keys, args, head, point } = this.chain(batch, expected);
      const [ok, ...rest] = await AUDIT_APPEND_SCRIPT.run<[number, ...string[]]>(this.redis.command, keys, args);
      if (ok === 1) {
        this.knownHead = head;
        this.written = point;
        if (point.seq - this.checkpointed >= this.settings.audit.checkpointEvery) await this.checkpoint();
        return rest;
      }
      expected = rest[0] ?? '';
    }
    throw new Error(`audit head kept moving for ${MAX_CAS_ATTEMPTS} attempts`);
  }

  /** Hashes the batch on top of `head`: script keys and arguments, and the new (signed) head. */
  private chain(batch: Pending[], head: string): { keys: string[]; args: Array<string | number>; head: string; point: ChainPoint } {
    // Appending needs the point the head names, not its signature (the verifier checks that): the
    // compare-and-set script only appends on top of exactly this head.
    const current = headPoint(head);
    let previous: ChainPoint = current ? { seq: current.seq, hash: current.hash } : { seq: 0, hash: GENESIS_HASH };
    const keys: string[] = [this.redis.keys.auditHead, this.redis.keys.audit, this.redis.keys.securityEvents];
    const entries: Array<string | number> = [STORED_FIELDS.length, ...STORED_FIELDS];
    for (const { record, fields: content } of batch) {
      const fields: AuditFields = { ...content, seq: String(previous.seq + 1), prev_hash: previous.hash };
      fields.hash = chainHash(fields, this.secrets.auditKey);
      previous = { seq: previous.seq + 1, hash: fields.hash };
      keys.push(this.redis.keys.auditBySender(record.senderId ?? ''), this.redis.keys.auditByTarget(record.targetId ?? ''));
      const indexed = !record.claimedSender; // unauthenticated ingress is filed under nobody's name
      const flags = `${isSecurityEvent(record) ? 1 : 0}${indexed && record.senderId ? 1 : 0}${indexed && record.targetId ? 1 : 0}`;
      const count = fields.claimed_sender === undefined ? STORED_FIELDS.length - 1 : STORED_FIELDS.length;
      // Every hashed field is stored: one the list does not name would fail verify later.
      if (Object.keys(fields).length !== count) throw new Error(`audit entry fields not in STORED_FIELDS: ${Object.keys(fields).join(',')}`);
      entries.push(flags, count);
      for (let i = 0; i < count; i += 1) entries.push(fields[STORED_FIELDS[i]]);
    }
    const newHead = sealHead(this.secrets.identity, previous);
    return { keys, args: [head, newHead, batch.length, this.settings.audit.indexMaxEntries, ...entries], head: newHead, point: previous };
  }
}
