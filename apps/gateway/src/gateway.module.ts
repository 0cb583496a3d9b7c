import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { FactoryProvider, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MasConnection } from '@mas/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditQuery } from './audit/audit-query';
import { AuditRetention } from './audit/audit-retention';
import { AuditTrail } from './audit/audit-trail';
import { AuditVerifier } from './audit/audit-verifier';
import { DecisionNotifier } from './audit/decision-notifier';
import { DecisionRecorder } from './audit/decision-recorder';
import { AccessPolicy } from './authz/access-policy';
import type { GatewaySettings } from './config/gateway.settings';
import { GATEWAY_INSTANCE_ID } from './gateway.constants';
import { GATEWAY_SETTINGS, GatewayConfigurableModule } from './gateway-module-definition';
import { AdminKeyGuard } from './http/admin-key.guard';
import { AuditController } from './http/audit.controller';
import { DlqController } from './http/dlq.controller';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { GatewaySecrets, loadGatewaySecrets } from './identity/gateway-secrets';
import { IdentityPublisher } from './identity/identity-publisher';
import { IngressConsumer } from './ingress/ingress.consumer';
import { IngressPrefetch } from './ingress/ingress-prefetch';
import { ProvisioningController } from './provisioning/provisioning.controller';
import { RegistrationHandler } from './provisioning/registration.handler';
import { GatewayMetrics } from './observability/gateway-metrics';
import { GatewayPipeline } from './pipeline/gateway-pipeline';
import { IngressHandler } from './pipeline/ingress.handler';
import { RateLimitStorage } from './ratelimit/rate-limit.storage';
import { RedisRateLimitStorage } from './ratelimit/redis-rate-limit.storage';
import { SenderRateLimit } from './ratelimit/rate-limit.guard';
import { DlpCheck } from './dlp/dlp.interceptor';
import { CircuitBreaker } from './routing/circuit-breaker';
import { DeadLetterReplay } from './routing/dead-letter-replay';
import { DeadLetters } from './routing/dead-letters';
import { Deliverer } from './routing/deliverer';
import { DeliveryDispatcher } from './routing/delivery-dispatcher';
import { MessageRouter } from './routing/message-router';
import { PriorityQueues } from './routing/priority-queues';
import { ReplyTracker } from './routing/reply-tracker';
import { SignatureVerifier } from './signature/signature-verifier';
import { coalesceCommandWrites } from './redis/coalesced-writes';

/**
 * The gateway's Redis connection (commands, plus the ingress readers' dedicated ones; no subscriber);
 * on one server the commands of one event-loop turn leave in one socket write. On a cluster every
 * script and MULTI touches one hash slot (the audit trail's keys share one), and batch reads run as a
 * pipeline per slot (`slotPipeline`).
 */
const connectionProvider: FactoryProvider<MasConnection> = {
  provide: MasConnection,
  inject: [GATEWAY_SETTINGS],
  useFactory: (settings: GatewaySettings) => {
    const connection = new MasConnection({ redisUrl: settings.redis.url, namespace: settings.namespace || undefined, clientName: 'mas-gateway' });
    coalesceCommandWrites(connection.command);
    return connection;
  },
};

/**
 * The MAS gateway: reads `mas.gateway.ingress` as a consumer group, runs each message through guards
 * (authentication, authorization, rate limit) and interceptors (signature, DLP, audit), routes it by
 * priority through a circuit breaker into the target's inbox, and serves the audit / DLQ HTTP API,
 * `/metrics` and `/health`. No module-level state: several gateways can run in one process. Closes
 * its Redis connection last, on application shutdown.
 *
 * @example
 * ```ts
 * const app = await NestFactory.create(GatewayModule.forRoot(loadGatewaySettings()));
 * ```
 */
@Module({
  imports: [TerminusModule.forRoot()],
  controllers: [AuditController, DlqController, MetricsController, HealthController, ProvisioningController],
  providers: [
    {
      provide: GATEWAY_INSTANCE_ID,
      inject: [GATEWAY_SETTINGS],
      useFactory: (settings: GatewaySettings) => settings.instanceId || `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    },
    connectionProvider,
    { provide: GatewaySecrets, inject: [GATEWAY_SETTINGS], useFactory: (settings: GatewaySettings) => loadGatewaySecrets(settings) },
    IdentityPublisher,
    { provide: APP_GUARD, useClass: AdminKeyGuard },
    GatewayMetrics,
    AuditTrail,
    AuditRetention,
    AuditVerifier,
    AuditQuery,
    AccessPolicy,
    { provide: RateLimitStorage, useClass: RedisRateLimitStorage },
    SenderRateLimit,
    DlpCheck,
    SignatureVerifier,
    DecisionNotifier,
    DecisionRecorder,
    CircuitBreaker,
    PriorityQueues,
    DeadLetters,
    DeadLetterReplay,
    Deliverer,
    DeliveryDispatcher,
    ReplyTracker,
    MessageRouter,
    IngressHandler,
    GatewayPipeline,
    RegistrationHandler,
    IngressPrefetch,
    IngressConsumer,
  ],
  exports: [GatewaySecrets, GatewayMetrics, AuditTrail, AuditRetention, AuditVerifier, AuditQuery, DeadLetters, DeadLetterReplay, DeliveryDispatcher, PriorityQueues, IngressConsumer],
})
export class GatewayModule extends GatewayConfigurableModule implements OnApplicationShutdown {
  constructor(private readonly connection: MasConnection) {
    super();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
