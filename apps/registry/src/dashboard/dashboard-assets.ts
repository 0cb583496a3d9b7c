import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';

/** One file of the page, ready to send. */
export interface DashboardAsset {
  contentType: string;
  body: string;
}

/** Files of the page (`public/`, copied next to the compiled code by `npm run build`). */
export const DASHBOARD_FILES = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
} as const;

/** Name of a file of the page. */
export type DashboardFile = keyof typeof DASHBOARD_FILES;

/** Folder the page's files are read from. */
export const DASHBOARD_PUBLIC_DIR = join(__dirname, 'public');

/**
 * The static page, read once at start. A build that forgot to copy it stops the app at boot with
 * the folder it looked in, rather than serving 404s later.
 */
@Injectable()
export class DashboardAssets {
  private readonly files = new Map<DashboardFile, DashboardAsset>();

  constructor() {
    for (const [name, contentType] of Object.entries(DASHBOARD_FILES) as Array<[DashboardFile, string]>) {
      const file = join(DASHBOARD_PUBLIC_DIR, name);
      if (!existsSync(file)) {
        throw new Error(`Dashboard file ${file} is missing: "npm run build" copies apps/registry/src/dashboard/public there`);
      }
      this.files.set(name, { contentType, body: readFileSync(file, 'utf8') });
    }
  }

  /** A file of the page. */
  get(name: DashboardFile): DashboardAsset {
    return this.files.get(name)!;
  }
}
