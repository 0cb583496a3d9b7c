import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/** Settings of the dashboard served at `/` (section `dashboard` of the registry settings). */
export class DashboardSettings {
  /** How often the page gets a fresh snapshot over `GET /events`, in ms. */
  @IsInt()
  @Min(200)
  @Max(60_000)
  refreshIntervalMs: number = 1_000;

  /**
   * Base URL of a gateway's HTTP API (env `MAS_DASHBOARD__GATEWAY_URL`), e.g. `http://127.0.0.1:3001`.
   * When set, the gateway panel is always shown, with the gateway's `/health`; when empty, it shows
   * only while the gateway's streams (`audit:messages`, `dlq:messages`) exist in Redis.
   */
  @IsString()
  @Matches(/^(https?:\/\/\S+)?$/, { message: 'must be empty or an http:// or https:// URL' })
  gatewayUrl: string = '';

  /** Decisions per second are counted over the audit entries of this last period, in ms. */
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  decisionWindowMs: number = 10_000;

  /** Entries shown of the audit tail and of the dead-letter stream. */
  @IsInt()
  @Min(1)
  @Max(500)
  tailLength: number = 20;
}
