import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type Redis from 'ioredis';
import { deepMerge, listeningUrl, MasConnection, MasKeys, Provisioner, readyMastersOf } from '@mas/core';
import { loadGatewaySettings } from '../../apps/gateway/src/config/load-gateway-settings';
import type { GatewaySettings } from '../../apps/gateway/src/config/gateway.settings';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { configureGatewayApp } from '../../apps/gateway/src/http/gateway-app.setup';
import { hasRedisServer } from '../support/private-redis';

/** A gateway instance started by a spec, with its settings. */
export interface TestGateway {
  app: INestApplication;
  settings: GatewaySettings;
  /** Base URL of its HTTP API (when started with `http: true`). */
  url: string;
}

/** One secrets directory per spec process: its gateways share one identity and one audit chain key, as instances of one deployment do. */
export const SECRETS_DIR = mkdtempSync(join(tmpdir(), 'mas-gateway-secrets-'));
process.once('exit', () => rmSync(SECRETS_DIR, { recursive: true, force: true }));

/** The gateway service user's URL per administrative URL: provisioned once per spec process (provisioning again would cut off the gateways already running). */
const serviceUrls = new Map<string, Promise<string>>();

/**
 * URL of the least-privilege `gateway` service user on the server of `adminUrl` (same database),
 * provisioned with the administrative connection the first time it is asked for in this process.
 */
export function gatewayServiceUrl(adminUrl: string): Promise<string> {
  let url = serviceUrls.get(adminUrl);
  if (!url) {
    url = (async () => {
      const admin = new MasConnection({ redisUrl: adminUrl, clientName: 'gateway-harness-admin' });
      try {
        return (await new Provisioner(admin).provisionService('gateway')).redisUrl;
      } finally {
        await admin.close();
      }
    })();
    url.catch(() => serviceUrls.delete(adminUrl));
    serviceUrls.set(adminUrl, url);
  }
  return url;
}

/**
 * Starts a gateway for the Redis of `adminUrl` as its least-privilege service user
 * ({@link gatewayServiceUrl}). Without a `redis-server` binary the specs share one Redis across
 * processes, where provisioning would cut off the other processes' gateways: there the gateway
 * runs on `adminUrl` as it is.
 */
export async function startGateway(adminUrl: string, overrides: Record<string, unknown> = {}, http = false): Promise<TestGateway> {
  return startGatewayAs(hasRedisServer ? await gatewayServiceUrl(adminUrl) : adminUrl, overrides, http);
}

/**
 * Starts a gateway connecting with `redisUrl` as it is, with test-friendly timings, `overrides` on
 * top (camelCase paths), and optionally its HTTP API on a free port.
 */
export async function startGatewayAs(redisUrl: string, overrides: Record<string, unknown> = {}, http = false): Promise<TestGateway> {
  const base = {
    redis: { url: redisUrl },
    secrets: { dir: SECRETS_DIR },
    http: { enabled: http, port: 0, host: '127.0.0.1' },
    ingress: { blockMs: 200, claimIdleMs: 500 },
    priorityQueue: { sweepIntervalMs: 200 },
  };
  const settings = loadGatewaySettings({ env: {}, useDefaultFile: false, overrides: deepMerge(base, overrides) });
  const app = await NestFactory.create(GatewayModule.forRoot(settings), { logger: ['error'], abortOnError: false });
  if (http) await configureGatewayApp(app).listen(0, '127.0.0.1');
  else await app.init();
  return { app, settings, url: http ? listeningUrl(app) : '' };
}

/**
 * Deletes every key the gateway writes in this spec's own database (the audit trail, the DLQ, the
 * ingress streams, queues, counters): a spec starts from a clean trail without FLUSHDB. On a cluster
 * it scans every master and deletes key by key (keys of several slots).
 */
export async function resetGatewayKeys(redis: Redis): Promise<void> {
  const patterns = ['mas.gateway.ingress*', 'audit:*', 'dlq:messages', 'priority_queue:*', 'ratelimit:*', 'circuit:*', 'mas:nonce:*', 'mas:gateway:awaiting_reply:*'];
  for (const node of await readyMastersOf(redis)) {
    for (const pattern of patterns) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        await Promise.all(keys.map((key) => redis.del(key)));
        cursor = next;
      } while (cursor !== '0');
    }
  }
}

/** Arguments of one XADD to the ingress: rewrite them, or do something else instead and return a result. */
export type IngressTap = (args: Array<string | number>, forward: (args: Array<string | number>) => Promise<unknown>) => Promise<unknown>;

/**
 * A connection for one agent whose XADDs to the ingress (any of its streams) pass through `tap` first — a
 * man in the middle on the sender's wire (tampering, replaying) or a crashed gateway (claiming).
 */
export function tappedConnection(redisUrl: string, tap: IngressTap): MasConnection {
  const connection = new MasConnection({ redisUrl });
  const command = connection.command;
  const original = command.xadd.bind(command) as (...args: Array<string | number>) => Promise<unknown>;
  (command as unknown as { xadd: (...args: Array<string | number>) => Promise<unknown> }).xadd = (...args) =>
    connection.keys.gatewayIngressStreams.includes(String(args[0])) ? tap(args, (next) => original(...next)) : original(...args);
  return connection;
}

/** The `envelope` field's value in XADD arguments to the ingress. */
export function envelopeArg(args: Array<string | number>): Record<string, any> {
  return JSON.parse(String(args[args.indexOf('envelope') + 1])) as Record<string, any>;
}

/** XADD arguments with the envelope replaced. */
export function withEnvelope(args: Array<string | number>, envelope: unknown): Array<string | number> {
  const next = [...args];
  next[next.indexOf('envelope') + 1] = JSON.stringify(envelope);
  return next;
}
