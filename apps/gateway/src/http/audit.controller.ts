import { Controller, Get, Header, Query, Res, UsePipes, ValidationPipe } from '@nestjs/common';
import { AuditQuery, AuditView } from '../audit/audit-query';
import { AuditVerification, AuditVerifier } from '../audit/audit-verifier';
import { AuditExportDto, AuditQueryDto } from './audit-query.dto';

interface ExportResponse {
  setHeader(name: string, value: string): void;
  send(body: string): void;
}

/** `GET /audit` (query), `GET /audit/verify` (hash chain check), `GET /audit/export?format=csv|json`. */
@Controller('audit')
@UsePipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }))
export class AuditController {
  constructor(
    private readonly query: AuditQuery,
    private readonly verifier: AuditVerifier,
  ) {}

  /**
   * Entries by sender, target, decision, violation and time range, newest first (`order=oldest` for
   * the other way); when more match, the header `x-next-cursor` is the `cursor` of the next page.
   */
  @Get()
  async list(@Query() filter: AuditQueryDto, @Res({ passthrough: true }) response: ExportResponse): Promise<AuditView[]> {
    const { entries, next } = await this.query.page(filter);
    if (next) response.setHeader('x-next-cursor', next);
    return entries;
  }

  /** Walks the whole chain and names every edited, deleted or reordered entry. */
  @Get('verify')
  @Header('Cache-Control', 'no-store')
  verify(): Promise<AuditVerification> {
    return this.verifier.verify();
  }

  /** The query's entries as a CSV or JSON download. */
  @Get('export')
  async export(@Query() { format, ...filter }: AuditExportDto, @Res() response: ExportResponse): Promise<void> {
    const csv = format === 'csv';
    response.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="audit-${Date.now()}.${csv ? 'csv' : 'json'}"`);
    const chronological = { ...filter, order: filter.order ?? ('oldest' as const) }; // a file reads oldest first unless asked otherwise
    response.send(csv ? await this.query.exportCsv(chronological) : JSON.stringify(await this.query.query(chronological), null, 2));
  }
}
