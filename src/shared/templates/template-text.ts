import { canonicalVariable } from './template-variables';

/**
 * Seed 003's `{{variable}}` placeholders, read the same way by the core (to store and check a
 * template, and to fill it when it is sent) and by the renderer (live chips and the preview).
 * A name is letters (Arabic or Latin), digits and underscores; spaces inside the braces are
 * allowed and ignored (`{{ customer_name }}`). A usual variable written in Arabic
 * (`{{اسم_العميل}}`) is read as its English name (template-variables.ts).
 */
const variableName = /^[\p{L}\p{N}_]+$/u;
const placeholder = /\{\{([^{}]*)\}\}/g;

export type TemplateProblem =
  /** A `{{` without its `}}`, or a `}}` without its `{{`. */
  | { code: 'unbalanced_braces' }
  /** Braces around something that is not a name (empty, spaces inside a name, punctuation). */
  | { code: 'invalid_variable'; name: string };

export interface ParsedTemplate {
  /** Each name once, in order of first use. */
  variables: string[];
  problems: TemplateProblem[];
}

export function parseTemplate(content: string): ParsedTemplate {
  const variables: string[] = [];
  const problems: TemplateProblem[] = [];
  for (const match of content.matchAll(placeholder)) {
    const written = match[1]!.trim();
    if (!variableName.test(written)) {
      problems.push({ code: 'invalid_variable', name: written });
      continue;
    }
    const name = canonicalVariable(written);
    if (!variables.includes(name)) variables.push(name);
  }
  // Whatever braces are left once the placeholders are taken out have no partner.
  const rest = content.replace(placeholder, '');
  if (rest.includes('{{') || rest.includes('}}')) problems.unshift({ code: 'unbalanced_braces' });
  return { variables, problems };
}

/** The names used in a text, ignoring anything malformed (for live display while typing). */
export const templateVariables = (content: string): string[] => parseTemplate(content).variables;

/**
 * The text with each placeholder replaced by its value; a placeholder without a value is
 * left as written. Values are inserted once: a value that itself contains `{{x}}` stays as typed.
 */
export function fillTemplate(content: string, values: Readonly<Record<string, string>>): string {
  return content.replace(placeholder, (whole, raw: string) => {
    const name = canonicalVariable(raw.trim());
    return Object.hasOwn(values, name) ? values[name]! : whole;
  });
}

export type TemplateSegment = { kind: 'text'; text: string } | { kind: 'variable'; name: string };

/** The text cut at its placeholders, for showing each variable apart (chips, a preview). */
export function templateSegments(content: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let at = 0;
  for (const match of content.matchAll(placeholder)) {
    const written = match[1]!.trim();
    if (!variableName.test(written)) continue;
    if (match.index > at) segments.push({ kind: 'text', text: content.slice(at, match.index) });
    segments.push({ kind: 'variable', name: canonicalVariable(written) });
    at = match.index + match[0].length;
  }
  if (at < content.length) segments.push({ kind: 'text', text: content.slice(at) });
  return segments;
}

/** Names the template uses that have no non-blank value. */
export function missingVariables(variables: readonly string[], values: Readonly<Record<string, string>>): string[] {
  return variables.filter((name) => !Object.hasOwn(values, name) || values[name]!.trim() === '');
}

