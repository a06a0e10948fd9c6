/**
 * The answer of the benchmark's loopback model: a stub that follows the answer format a prompt
 * asks for, as a real model would, so a flow's own code that parses the reply gets the shape it
 * was written for. A prompt that asks for JSON (says "json" or sets `response_format`) is
 * answered with the last JSON object it shows (its example output; an example missing a comma
 * between two lines is answered repaired, as a model writes valid JSON of the shape shown); every
 * other prompt, and a JSON prompt that shows no object, with "42" (a number, valid JSON and valid
 * Python).
 */
const DEFAULT_ANSWER = '42';

/** The end of the balanced `{…}` starting at `start` (strings skipped), or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}

/** A value's end, then a line break and a quoted key: the comma between them left out. */
const MISSING_COMMA = /(["\d\]}el])([ \t]*\n\s*")/g;

/** The text as a JSON object (as written, else with missing line-end commas put in), or undefined. */
function asJsonObject(candidate: string): string | undefined {
  for (const text of [candidate, candidate.replace(MISSING_COMMA, '$1,$2')]) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return text;
    } catch {
      // not this form
    }
  }
  return undefined;
}

/** The last top-level JSON object written in the text. */
export function lastJsonObject(text: string): string | undefined {
  let found: string | undefined;
  let index = text.indexOf('{');
  while (index >= 0) {
    const end = closingBrace(text, index);
    const object = end > 0 ? asJsonObject(text.slice(index, end + 1)) : undefined;
    if (object) found = object;
    index = text.indexOf('{', object ? end + 1 : index + 1);
  }
  return found;
}

type Content = string | { type?: string; text?: string }[] | null | undefined;

const textOf = (content: Content) => (typeof content === 'string' ? content : (content ?? []).map((part) => part.text ?? '').join('\n'));

/** The stub's answer to a chat completion request body. */
export function formatFollowingAnswer(body: { messages?: { content?: Content }[]; response_format?: { type?: string } }): string {
  const prompt = (body.messages ?? []).map((message) => textOf(message.content)).join('\n');
  const wantsJson = body.response_format?.type === 'json_object' || /\bjson\b/i.test(prompt);
  return (wantsJson ? lastJsonObject(prompt) : undefined) ?? DEFAULT_ANSWER;
}
