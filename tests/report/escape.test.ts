import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, escapeTableCell, escapeWorkflowData, escapeWorkflowProperty, fencedBlock } from '../../src/report/escape.js';

describe('escaping untrusted text', () => {
  it('breaks @mentions and team mentions with a zero-width joiner', () => {
    expect(escapeMarkdownText('ping @octocat and @contoso/admins')).toBe('ping @\u200doctocat and @\u200dcontoso/admins');
  });

  it('entity-encodes HTML so nothing renders or hides', () => {
    expect(escapeMarkdownText('<img src=x onerror=alert(1)> <details>')).toBe('&lt;img src=x onerror=alert\\(1\\)&gt; &lt;details&gt;');
  });

  it('can never forge our hidden marker', () => {
    expect(escapeMarkdownText('<!-- evalgate:evals -->')).not.toContain('<!--');
    expect(fencedBlock('<!-- evalgate:evals -->')).not.toContain('<!-- evalgate');
  });

  it('keeps table cells on one line with pipes escaped, and truncates', () => {
    expect(escapeTableCell('a | b\nc')).toBe('a \\| b ⏎ c');
    expect(escapeTableCell('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
  });

  it('neutralises links, images, emphasis and issue references', () => {
    expect(escapeMarkdownText('[click](https://evil) ![i](x) **b** #12')).toBe('\\[click\\]\\(https://evil\\) \\!\\[i\\]\\(x\\) \\*\\*b\\*\\* \\#12');
  });

  it('fences text with a longer backtick run than any inside it', () => {
    expect(fencedBlock('a ```` b')).toBe('`````text\na ```` b\n`````');
    expect(fencedBlock('x'.repeat(50), 10)).toContain('…(truncated)');
  });

  it('drops control characters (terminal escapes)', () => {
    expect(escapeMarkdownText('ok\u001b[31mred\u0007')).toBe('ok\\[31mred');
  });

  it('escapes workflow command data and properties', () => {
    expect(escapeWorkflowData('50% done\r\n::set-output name=x::1')).toBe('50%25 done%0D%0A::set-output name=x::1');
    expect(escapeWorkflowProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});
