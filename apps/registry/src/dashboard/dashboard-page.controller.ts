import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DashboardAssets, DashboardFile } from './dashboard-assets';

/** What the handlers need of express's response (its types are not a dependency). */
interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/** Everything the page loads comes from this server (no CDN, no inline script or style). */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The dashboard page at `/` and its script and stylesheet under `/dashboard/`. */
@ApiExcludeController()
@Controller()
export class DashboardPageController {
  constructor(private readonly assets: DashboardAssets) {}

  @Get()
  @Header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  page(@Res({ passthrough: true }) response: HeaderSink): string {
    return this.send(response, 'index.html');
  }

  @Get('dashboard/dashboard.js')
  script(@Res({ passthrough: true }) response: HeaderSink): string {
    return this.send(response, 'dashboard.js');
  }

  @Get('dashboard/dashboard.css')
  stylesheet(@Res({ passthrough: true }) response: HeaderSink): string {
    return this.send(response, 'dashboard.css');
  }

  private send(response: HeaderSink, name: DashboardFile): string {
    const asset = this.assets.get(name);
    response.setHeader('Content-Type', asset.contentType);
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return asset.body;
  }
}
