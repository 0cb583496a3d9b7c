import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  ForbiddenException,
  HttpCode,
  NotFoundException,
  OnApplicationShutdown,
  Param,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  InvalidAgentIdError,
  MAS_SERVICES,
  MasConnection,
  MasService,
  ProvisionedAgent,
  ProvisionedService,
  Provisioner,
  ProvisioningNotPermittedError,
} from '@mas/core';
import type { GatewaySettings } from '../config/gateway.settings';
import { InjectGatewaySettings } from '../gateway-module-definition';

/** Body of `POST /provisioning/agents/:id`. */
interface ProvisionBody {
  capabilities?: string[];
  roles?: string[];
}

function strings(value: unknown, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new BadRequestException(`${what} must be an array of strings`);
  return value as string[];
}

/**
 * The admin HTTP API of zero-trust provisioning, the same operations as `mas provision`:
 * `POST /provisioning/agents/:id` (create or rotate; body `{ capabilities?, roles? }`),
 * `DELETE /provisioning/agents/:id`, `POST /provisioning/services/:name`. It provisions over
 * `zeroTrust.adminRedisUrl` (an administrative user, opened on first use); without one it answers 503.
 */
@Controller('provisioning')
export class ProvisioningController implements OnApplicationShutdown {
  private connection?: MasConnection;

  constructor(@InjectGatewaySettings() private readonly settings: GatewaySettings) {}

  @Post('agents/:id')
  @HttpCode(201)
  provisionAgent(@Param('id') id: string, @Body() body: ProvisionBody = {}): Promise<ProvisionedAgent> {
    const grant = { capabilities: strings(body?.capabilities, 'capabilities'), roles: strings(body?.roles, 'roles') };
    return this.run((provisioner) => provisioner.provisionAgent(id, grant));
  }

  @Delete('agents/:id')
  @HttpCode(204)
  async deprovisionAgent(@Param('id') id: string): Promise<void> {
    const removed = await this.run((provisioner) => provisioner.deprovisionAgent(id));
    if (!removed) throw new NotFoundException(`agent "${id}" is not provisioned`);
  }

  @Post('services/:service')
  @HttpCode(201)
  provisionService(@Param('service') service: string): Promise<ProvisionedService> {
    if (!MAS_SERVICES.includes(service as MasService)) throw new BadRequestException(`unknown service "${service}" (known: ${MAS_SERVICES.join(', ')})`);
    return this.run((provisioner) => provisioner.provisionService(service as MasService));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }

  private async run<T>(operation: (provisioner: Provisioner) => Promise<T>): Promise<T> {
    const url = this.settings.zeroTrust.adminRedisUrl;
    if (!url) throw new ServiceUnavailableException('provisioning is off: set zeroTrust.adminRedisUrl (GATEWAY_ZERO_TRUST__ADMIN_REDIS_URL)');
    this.connection ??= new MasConnection({ redisUrl: url, namespace: this.settings.namespace || undefined, clientName: 'mas-gateway-provisioning' });
    try {
      return await operation(new Provisioner(this.connection));
    } catch (error) {
      if (error instanceof InvalidAgentIdError) throw new BadRequestException(error.message);
      if (error instanceof ProvisioningNotPermittedError) throw new ForbiddenException(error.message);
      throw error;
    }
  }
}
