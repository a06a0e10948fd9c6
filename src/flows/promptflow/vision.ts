import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDict } from '../../core/dict.js';

/**
 * Images in PromptFlow's vision chat tools (GPT-4V, LLM-Vision), as promptflow-tools sends them:
 * an image value (`{"data:image/png;url": "https://…"}`, `;base64` or `;path`, anywhere in the
 * node's inputs) prints as a placeholder on a line of its own, and a message line that is one
 * placeholder becomes an `image_url` content part, the message's other lines text parts.
 */
const IMAGE_KEY = /^data:(image\/[^;]*);(path|base64|url)$/;

/** The image a value holds, as the URL sent (a `path` one read from the flow folder into a data URL), else undefined. */
function imageUrl(value: unknown, dir: string): string | undefined {
  if (!isDict(value)) return undefined;
  const keys = Object.keys(value);
  const match = keys.length === 1 ? IMAGE_KEY.exec(keys[0] ?? '') : null;
  const source = match ? value[keys[0] ?? ''] : undefined;
  if (!match || typeof source !== 'string') return undefined;
  const [, mime, form] = match;
  if (form === 'url') return source;
  const base64 = form === 'base64' ? source.replace(/^data:[^,]*,/, '') : readFileSync(resolve(dir, source)).toString('base64');
  return `data:${mime};base64,${base64}`;
}

/** `![image]({{ x }})` in a template → `{{ x }}` on its own line (promptflow-tools' preprocess_template_string). */
export const imageMarkdownOnOwnLine = (template: string) => template.replace(/!\[\s*image\s*\]\((\{\{\s*[^\s{}]+\s*\}\})\)/g, '\n$1\n');

/** The inputs with each image value replaced by its placeholder text, and placeholder → URL. */
export function withImagePlaceholders(inputs: Record<string, unknown>, dir: string): { inputs: Record<string, unknown>; images: Map<string, string> } {
  const images = new Map<string, string>();
  const replace = (value: unknown): unknown => {
    const url = imageUrl(value, dir);
    if (url !== undefined) {
      const placeholder = `Image(${createHash('sha1').update(url).digest('hex').slice(0, 8)})`;
      images.set(placeholder, url);
      return placeholder;
    }
    if (Array.isArray(value)) return value.map(replace);
    return isDict(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item)])) : value;
  };
  return { inputs: Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key, replace(value)])), images };
}

type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail: string } };

/** A message's text → content parts when one of its lines is an image placeholder, else the text as it is. */
export function contentWithImages(text: string, images: ReadonlyMap<string, string>, detail: string): string | ContentPart[] {
  const lines = text.trim().split('\n');
  if (!lines.some((line) => images.has(line.trim()))) return text;
  return lines.flatMap((line): ContentPart[] => {
    const url = images.get(line.trim());
    if (url !== undefined) return [{ type: 'image_url', image_url: { url, detail } }];
    return line.trim() ? [{ type: 'text', text: line }] : [];
  });
}
