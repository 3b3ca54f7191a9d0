// The static config files live as templates in asterisk/templates/, readable
// by an Asterisk administrator as they are; `{{name}}` marks what is filled in.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RenderError } from './options.ts';

const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export const TEMPLATE_FILES = ['ari.conf', 'http.conf', 'indications.conf', 'logger.conf', 'modules.conf', 'rtp.conf'] as const;
export type TemplateFile = (typeof TEMPLATE_FILES)[number];

// Read once at start: the renderer itself stays a pure function of its inputs.
const templates = new Map(TEMPLATE_FILES.map((f) => [f, readFileSync(`${TEMPLATES_DIR}${f}`, 'utf8')]));

export function fill(file: TemplateFile, values: Record<string, string | number>): string {
  const text = templates.get(file) ?? '';
  return text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new RenderError(`template ${file} needs a value for ${key}`);
    return String(v);
  });
}
