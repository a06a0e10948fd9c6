import { describe, expect, it } from 'vitest';
import { escapeAnnotation, escapeMarkdownText, escapeTableCell, escapeWorkflowData, escapeWorkflowProperty, fencedBlock, guardWorkflowCommands } from '../../src/report/escape.js';

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
    expect(escapeMarkdownText('[click](https://evil) ![i](x) **b** #12')).toBe('\\[click\\]\\(https:\u200d//evil\\) \\!\\[i\\]\\(x\\) \\*\\*b\\*\\* \\#\u200d12');
  });

  it('breaks what GitHub links by itself: URLs, www., #123, GH-123, SHAs (every 6 characters), math', () => {
    expect(escapeMarkdownText('see www.x.io, GH-7 and o/r#9')).toBe('see www\u200d.x.io, GH-\u200d7 and o/r\\#\u200d9');
    expect(escapeMarkdownText('a1b2c3d4e5f6a7')).toBe('a1b2c3\u200dd4e5f6\u200da7');
    expect(escapeMarkdownText('defaced 1234567 $x$')).toBe('defaced 1234567 \\$x\\$');
  });

  it('drops invisible format characters but keeps emoji sequences, Persian and one variation selector', () => {
    expect(escapeMarkdownText('a\u200bb\u2060c\ufeffd\u00ade\u{E0041}f\u3164g')).toBe('abcdefg');
    expect(escapeMarkdownText('👩🏽\u200d💻 ❤\ufe0f\ufe0f می\u200cخواهم')).toBe('👩🏽\u200d💻 ❤\ufe0f می\u200cخواهم');
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

  it('breaks both workflow-command syntaxes: :: after .NET white space, ##[ anywhere', () => {
    expect(guardWorkflowCommands('\u3000::error::x')).toBe('\u3000:\u200d:error::x');
    expect(guardWorkflowCommands('a ##[error]b ###[c]')).toBe('a #\u200d#[error]b ##\u200d#[c]');
    expect(escapeAnnotation('line\n::error::x\u200b')).toBe('line\n:\u200d:error::x');
  });
});
