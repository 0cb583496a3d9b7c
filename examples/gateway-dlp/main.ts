import { Logger } from '@nestjs/common';
import { Agent, AgentMessage, GatewayRejectedError } from '@mas/core';
import { startGatewayProcess } from './gateway-process';

/**
 * Two agents in gateway mode: every message is signed, checked (token, ACL/RBAC, rate limit,
 * signature, DLP) and audited by the gateway before it reaches the other agent's inbox.
 * Shows a delivered message, a DLP block, a DLP redaction and an audit query. The gateway runs as
 * its least-privilege service user, provisioned with `REDIS_URL` (an administrative user).
 * Run it with `npm run example:gateway-dlp`.
 */
async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const gateway = await startGatewayProcess(redisUrl);
  console.log(`gateway: running at ${gateway.url}`);
  const received: AgentMessage[] = [];
  const billing = new Agent('gw-example-billing', { redisUrl, gateway: true, onMessage: (m) => void received.push(m) });
  const clinic = new Agent('gw-example-clinic', { redisUrl, gateway: true });
  try {
    await billing.start();
    await clinic.start();

    await clinic.send(billing.id, 'invoice.create', { patient: 'P-1', amount: 120 });
    console.log('clinic → billing: invoice.create … ALLOWED');

    try {
      await clinic.send(billing.id, 'invoice.pay', { card: '4111 1111 1111 1111', amount: 120 });
    } catch (error) {
      if (!(error instanceof GatewayRejectedError)) throw error;
      console.log(`clinic → billing: invoice.pay with a card number … ${error.decision} (${error.reason})`);
    }

    await clinic.send(billing.id, 'patient.update', { ssn: '123-45-6789', note: 'new address' });
    await waitFor(() => received.length >= 2);
    for (const message of received) console.log(`billing received ${message.messageType}: ${JSON.stringify(message.data)}`);

    const response = await fetch(`${gateway.url}/audit?sender=${clinic.id}&order=oldest`, { headers: { 'x-api-key': gateway.apiKey } });
    const entries = (await response.json()) as Array<{ decision: string; message_type: string; target_id: string; violations: string[] }>;
    console.log(`audit query (sender=${clinic.id}): ${entries.length} entries`);
    for (const entry of entries) {
      console.log(`  ${entry.decision.padEnd(12)} ${entry.message_type.padEnd(15)} → ${entry.target_id}${entry.violations.length ? `  [${entry.violations.join(', ')}]` : ''}`);
    }
  } finally {
    await clinic.stop();
    await billing.stop();
    await gateway.stop();
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for deliveries');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().catch((error: unknown) => {
  new Logger('gateway-dlp').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
