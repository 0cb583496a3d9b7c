import { Injectable, Logger } from '@nestjs/common';
import { MasConnection, MasKeys } from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectInstanceId } from '../gateway.constants';
import { InjectGatewaySettings } from '../gateway-module-definition';
import { AuditFields, AuditRecord, chainHash, GENESIS_HASH, isSecurityEvent, parseHead, recordFields } from './audit-entry';
import { AUDIT_APPEND_SCRIPT } from './audit.scripts';

interface Pending {
  record: AuditRecord;
  fields: AuditFields;
  resolve(id: string): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 200;
const MAX_CAS_ATTEMPTS = 100;

/**
 * The tamper-evident audit trail. Entries go to `audit:messages` (and to `audit:by_sender:{id}`,
 * `audit:by_target:{id}`, and for denials and DLP findings `audit:security_events`), each hashed over
 * its content, its sequence number and the previous entry's hash. Instances share one chain: records
 * are batched, hashed here and appended by a compare-and-set script on the head `audit:head`.
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');
  private readonly queue: Pending[] = [];
  private flushing?: Promise<void>;
  /** Last head this instance wrote or saw; undefined = read it first. */
  private knownHead?: string;

  constructor(
    private readonly redis: MasConnection,
    @InjectGatewaySettings() private readonly settings: GatewaySettings,
    @InjectInstanceId() private readonly instanceId: string,
  ) {}

  /** Appends one record; resolves with its id in `audit:messages`. */
  append(record: AuditRecord): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ record, fields: recordFields(record, this.instanceId), resolve, reject });
      this.flushing ??= this.flush();
    });
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
    let expected = this.knownHead ?? ((await this.redis.command.get(MasKeys.auditHead)) ?? '');
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt += 1) {
      const { keys, args, head } = this.chain(batch, expected);
      const [ok, ...rest] = await AUDIT_APPEND_SCRIPT.run<[number, ...string[]]>(this.redis.command, keys, args);
      if (ok === 1) {
        this.knownHead = head;
        return rest;
      }
      expected = rest[0] ?? '';
    }
    throw new Error(`audit head kept moving for ${MAX_CAS_ATTEMPTS} attempts`);
  }

  /** Hashes the batch on top of `head`: script keys and arguments, and the new head. */
  private chain(batch: Pending[], head: string): { keys: string[]; args: Array<string | number>; head: string } {
    let previous = parseHead(head) ?? { seq: 0, hash: GENESIS_HASH };
    const keys: string[] = [MasKeys.auditHead, MasKeys.audit, MasKeys.securityEvents];
    const entries: Array<string | number> = [];
    for (const { record, fields: content } of batch) {
      const fields: AuditFields = { ...content, seq: String(previous.seq + 1), prev_hash: previous.hash };
      fields.hash = chainHash(fields, this.settings.audit.hmacKey);
      previous = { seq: previous.seq + 1, hash: fields.hash };
      keys.push(MasKeys.auditBySender(record.senderId ?? ''), MasKeys.auditByTarget(record.targetId ?? ''));
      const flat = Object.entries(fields).flat();
      entries.push(isSecurityEvent(record) ? 1 : 0, record.senderId ? 1 : 0, record.targetId ? 1 : 0, flat.length, ...flat);
    }
    const newHead = `${previous.seq}:${previous.hash}`;
    return { keys, args: [head, newHead, batch.length, ...entries], head: newHead };
  }
}
