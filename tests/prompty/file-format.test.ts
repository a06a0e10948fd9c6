import { describe, expect, it } from 'vitest';
import { PromptyError } from '../../src/prompty/errors.js';
import { splitPrompty } from '../../src/prompty/file-format.js';

describe('front matter splitting (Prompty spec §2.2)', () => {
  it.each([
    ['standard front matter', '---\nname: test\n---\nHello world', { name: 'test' }, 'Hello world', 4],
    ['no front matter: the whole file is the body', 'Just a prompt with no front matter', {}, 'Just a prompt with no front matter', 1],
    ['empty front matter', '---\n---\nBody only', {}, 'Body only', 3],
    ['whitespace and a blank line before the opening delimiter', '\n  ---\nname: test\n---\nBody', { name: 'test' }, 'Body', 5],
    ['+++ delimiters', '+++\nname: plus\n+++\nuser:\nhi', { name: 'plus' }, 'user:\nhi', 4],
    ['CRLF line endings', '---\r\nname: w\r\n---\r\nuser:\r\nhi', { name: 'w' }, 'user:\r\nhi', 4],
  ])('%s', (_name, text, meta, body, bodyLine) => {
    expect(splitPrompty(text)).toEqual({ meta, body, bodyLine });
  });

  it('rejects an unclosed front matter, invalid YAML (with its line) and a non-mapping', () => {
    expect(() => splitPrompty('---\nname: x\nuser:\nhi')).toThrow('its front matter has no closing --- line');
    const error = (() => {
      try {
        splitPrompty('---\nname: x\nmodel: [unclosed\n---\nuser: hi');
      } catch (caught) {
        return caught as PromptyError;
      }
    })();
    expect(error?.message).toMatch(/^its front matter is not valid YAML/);
    expect(error?.line).toBeGreaterThanOrEqual(3);
    expect(() => splitPrompty('---\n- a\n- b\n---\nuser: hi')).toThrow('its front matter must be a YAML mapping');
  });
});
