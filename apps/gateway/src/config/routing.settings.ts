import { Type } from 'class-transformer';
import { IsInt, Min, ValidateNested } from 'class-validator';

/** Messages taken from each level per weighted-round-robin round; at least 1, so no level starves. */
export class PriorityWeights {
  @IsInt() @Min(1) critical = 10;
  @IsInt() @Min(1) high = 5;
  @IsInt() @Min(1) normal = 3;
  @IsInt() @Min(1) low = 2;
  @IsInt() @Min(1) bulk = 1;
}

/** Per-target priority queues. */
export class PriorityQueueSettings {
  @ValidateNested()
  @Type(() => PriorityWeights)
  weights: PriorityWeights = new PriorityWeights();

  /** Time to live of a message, counted from its timestamp, unless it carries `meta.ttl_ms`. */
  @IsInt()
  @Min(1)
  defaultTtlMs = 300_000;

  /** Upper bound of a `meta.ttl_ms` a sender asks for. */
  @IsInt()
  @Min(1)
  maxTtlMs = 3_600_000;

  /** How often every queue is swept (messages left by an instance that died before delivering them). */
  @IsInt()
  @Min(10)
  sweepIntervalMs = 1_000;
}

/** Circuit breaker per target. */
export class CircuitBreakerSettings {
  /** Delivery failures within `windowMs` that open the circuit. */
  @IsInt() @Min(1) failureThreshold = 5;
  /** Successful deliveries in HALF_OPEN that close it again. */
  @IsInt() @Min(1) successThreshold = 2;
  /** Time OPEN before a delivery is tried again (HALF_OPEN). */
  @IsInt() @Min(1) openTimeoutMs = 60_000;
  /** Window the failures are counted in. */
  @IsInt() @Min(1) windowMs = 300_000;
}
