import type { TemplateButtonKind, TemplateParameters } from '../../../shared/cloud/types';

/** Meta's template components as GET /{waba-id}/message_templates gives them. */
export interface MetaComponent {
  type?: string;
  format?: string;
  text?: string;
  buttons?: { type?: string; text?: string; url?: string; example?: unknown }[];
}

/** How many distinct {{n}} (or named {{name}}) placeholders a text has. */
export function placeholderCount(text: string | undefined): number {
  if (!text) return 0;
  return new Set([...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((m) => m[1])).size;
}

const buttonKind = (type: string | undefined): TemplateButtonKind => {
  const t = (type ?? '').toUpperCase();
  return t === 'URL' ? 'url' : t === 'QUICK_REPLY' ? 'quick_reply' : t === 'COPY_CODE' ? 'copy_code' : 'other';
};

/** Where a template needs values: its header, its body, and each button that takes one. */
export function templateParameters(components: MetaComponent[]): TemplateParameters {
  const header = components.find((c) => c.type?.toUpperCase() === 'HEADER');
  const body = components.find((c) => c.type?.toUpperCase() === 'BODY');
  const buttons = components.find((c) => c.type?.toUpperCase() === 'BUTTONS')?.buttons ?? [];
  const format = (header?.format ?? '').toLowerCase();
  return {
    headerFormat: !header ? 'none' : format === 'image' || format === 'video' || format === 'document' || format === 'location' ? format : 'text',
    header: header && (!format || format === 'text') ? placeholderCount(header.text) : 0,
    body: placeholderCount(body?.text),
    buttons: buttons.map((button, index) => {
      const kind = buttonKind(button.type);
      // A URL button's {{1}} is its dynamic suffix; a copy-code button always takes its code.
      const parameters = kind === 'url' ? placeholderCount(button.url) : kind === 'copy_code' ? 1 : 0;
      return { index, kind, text: button.text ?? '', parameters };
    }),
  };
}

/** The text the thread shows for a template send: the body with its values in place. */
export function filledText(template: string, values: readonly string[]): string {
  let i = 0;
  const byName = new Map<string, string>();
  return template.replace(/\{\{\s*([\w]+)\s*\}\}/g, (_, key: string) => {
    if (!byName.has(key)) byName.set(key, values[i++] ?? '');
    return byName.get(key)!;
  });
}
