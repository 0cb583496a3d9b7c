import { CliError, CliTimeoutError, ExitCode, NotFoundError, UsageError } from '../cli.errors';

/** Default time the gateway gets to answer one call. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** Query string values; undefined ones are left out. */
export type QueryParams = Record<string, string | number | undefined>;

/** A response body read in chunks, for downloads with a progress bar. */
export interface Download {
  /** Bytes announced by Content-Length (undefined when not sent). */
  totalBytes?: number;
  chunks: AsyncIterable<Uint8Array>;
}

/** How a {@link HttpApi}'s messages name its service and where it is configured. */
export interface HttpService {
  /** e.g. `the gateway`. */
  name: string;
  /** Prefix of error codes, e.g. `GATEWAY` (`GATEWAY_UNREACHABLE`, `GATEWAY_ERROR`). */
  code: string;
  /** e.g. `--gateway-url or MAS_GATEWAY_URL`. */
  urlHint: string;
  /** e.g. `--api-key or MAS_GATEWAY_API_KEY` (services without keys: omitted). */
  keyHint?: string;
}

/**
 * Client of one of the MAS apps' HTTP APIs (the gateway's, the registry's). Sends `x-api-key` when
 * one is configured and maps HTTP failures to CLI errors: 400 → usage (2), 404 → not found (3), no
 * answer in time → timeout (4), anything else → error (1).
 */
export class HttpApi {
  constructor(
    protected readonly service: HttpService,
    protected readonly baseUrl: string,
    private readonly apiKey?: string,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** GET `path` and parse JSON. */
  async get<T>(path: string, query: QueryParams = {}): Promise<T> {
    return (await this.call('GET', path, query)).json() as Promise<T>;
  }

  /** POST `path` (no body) and parse JSON. */
  async post<T>(path: string, query: QueryParams = {}): Promise<T> {
    return (await this.call('POST', path, query)).json() as Promise<T>;
  }

  /** GET `path` as a stream of bytes. */
  async download(path: string, query: QueryParams = {}): Promise<Download> {
    const response = await this.call('GET', path, query);
    const length = Number(response.headers.get('content-length'));
    const body = response.body;
    if (!body) throw new CliError(`${this.service.name} sent no body for ${path}`);
    return { totalBytes: Number.isFinite(length) && length > 0 ? length : undefined, chunks: body as unknown as AsyncIterable<Uint8Array> };
  }

  private url(path: string, query: QueryParams): string {
    const url = new URL(path.replace(/^\//, ''), `${this.baseUrl}/`);
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    return url.toString();
  }

  private async call(method: 'GET' | 'POST', path: string, query: QueryParams): Promise<Response> {
    const url = this.url(path, query);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { accept: 'application/json, text/csv', ...(this.apiKey ? { 'x-api-key': this.apiKey } : {}) },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if ((error as Error).name === 'TimeoutError') throw new CliTimeoutError(`${this.service.name} at ${this.baseUrl} did not answer within ${this.timeoutMs} ms`);
      throw new CliError(
        `cannot reach ${this.service.name} at ${this.baseUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}); set ${this.service.urlHint}`,
        ExitCode.ERROR,
        this.errorCode('UNREACHABLE'),
      );
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    let message = text;
    try {
      const body = JSON.parse(text) as { message?: unknown };
      message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? text);
    } catch {
      // not JSON: keep the text
    }
    const what = `${method} ${new URL(url).pathname}: HTTP ${response.status}${message ? `: ${message}` : ''}`;
    if (response.status === 400) throw new UsageError(`${this.service.name} rejected the query (${what})`);
    if (response.status === 404) throw new NotFoundError(what);
    if (response.status === 401 || response.status === 403) {
      const hint = this.service.keyHint ? ` (pass ${this.service.name}'s API key with ${this.service.keyHint})` : '';
      throw new CliError(`${what}${hint}`, ExitCode.ERROR, this.errorCode('UNAUTHORIZED'));
    }
    throw new CliError(what, ExitCode.ERROR, this.errorCode('ERROR'));
  }

  private errorCode(kind: 'UNREACHABLE' | 'UNAUTHORIZED' | 'ERROR'): string {
    return `${this.service.code}_${kind}`;
  }
}
