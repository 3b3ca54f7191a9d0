// Writes rendered files and says which really changed, so `apply` reloads
// only when needed and the installer sees what a data change did.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedFile } from './render/index.ts';

export interface WriteReport { changed: string[]; unchanged: string[] }

// pjsip_wizard.conf holds SIP passwords: readable by Asterisk's user only.
const FILE_MODE = 0o640;

export async function writeRendered(dir: string, files: RenderedFile[]): Promise<WriteReport> {
  await mkdir(dir, { recursive: true });
  const report: WriteReport = { changed: [], unchanged: [] };
  for (const f of files) {
    const target = path.join(dir, f.name);
    const before = await readFile(target, 'utf8').catch(() => null);
    if (before === f.content) {
      report.unchanged.push(f.name);
      continue;
    }
    // Write then rename: Asterisk never reads a half-written file.
    const tmp = `${target}.tmp-${process.pid}`;
    await writeFile(tmp, f.content, { mode: FILE_MODE });
    await rename(tmp, target);
    report.changed.push(f.name);
  }
  return report;
}
