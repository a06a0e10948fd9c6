/**
 * A test oracle: which workflow commands GitHub's runner would act on in a step's output, by the
 * runner's own parse rules (actions/runner src/Runner.Common/ActionCommand.cs `TryParseV2` and
 * `TryParse`, src/Runner.Worker/ActionCommandManager.cs, read at 258d6c8, 2026-08):
 *
 * - Output is read line by line with .NET `StreamReader.ReadLine` (breaks: `\r\n`, `\r`, `\n`).
 * - `::name props::data`: the line `TrimStart()`ed (.NET `char.IsWhiteSpace`), then it must
 *   start with `::`; the name runs from ordinal index 2 to the next `::` (or a space before it).
 * - Legacy `##[name props]data`: the first `##[` anywhere in the line, then the first `]`.
 * - The name is matched case-insensitively against the registered commands, plus the token of a
 *   running `::stop-commands::token` (any string: while stopped, only that token resumes).
 * - `StartsWith("::")`, `IndexOf("::")` and `IndexOf("##[")` are culture-sensitive string
 *   searches (ICU on Linux runners), which skip ignorable code points (controls, format
 *   characters, variation selectors): `#\u200d#[` is found as `##[`. Offsets after that are
 *   ordinal (`prefixIndex + 3`, `Substring(2, …)`), exactly as modelled here.
 *
 * Besides the commands, the log viewer formats lines that start with `##[group]`, `##[endgroup]`,
 * `##[section]`, `##[command]`, `##[error]`, `##[warning]`, `##[notice]` and `##[debug]`; those
 * are reported as `viewer` markers.
 */
export const REGISTERED_COMMANDS = ['stop-commands', 'set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup', 'echo'];
const VIEWER_MARKERS = /^##\[(group|endgroup|section|command|error|warning|notice|debug)\]/i;

export interface RunnerCommand {
  kind: 'command' | 'viewer';
  name: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

/** .NET `char.IsWhiteSpace`. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;
/** What an ICU string search skips: controls, format characters, default-ignorables. */
const IGNORABLE = '[\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u009f\\p{Cf}\\p{Default_Ignorable_Code_Point}]';

/** Culture-sensitive `IndexOf(pattern, start)`: the pattern's characters with ignorables between them. */
function cultureIndexOf(text: string, pattern: string, start: number): number {
  const source = [...pattern].map((char) => char.replace(/[[\]\\^$.*+?(){}|]/g, '\\$&')).join(`${IGNORABLE}*`);
  const regex = new RegExp(source, 'gu');
  regex.lastIndex = start;
  return regex.exec(text)?.index ?? -1;
}

const STARTS_WITH_COLONS = new RegExp(`^${IGNORABLE}*:${IGNORABLE}*:`, 'u');

const unescape = (text: string, pairs: [string, string][]) => pairs.reduce((out, [from, to]) => out.split(from).join(to), text);
const DATA: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']];
const PROPERTY: [string, string][] = [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']];
const LEGACY: [string, string][] = [['%3B', ';'], ['%0D', '\r'], ['%0A', '\n'], ['%5D', ']'], ['%25', '%']];

function properties(text: string, separator: string, pairs: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of text.split(separator).filter(Boolean)) {
    const equals = entry.indexOf('=');
    if (equals > 0 && equals < entry.length - 1) out[entry.slice(0, equals)] = unescape(entry.slice(equals + 1), pairs);
  }
  return out;
}

function nameOf(info: string): { name: string; rest: string | undefined } {
  const space = info.indexOf(' ');
  return space < 0 ? { name: info, rest: undefined } : { name: info.slice(0, space), rest: info.slice(space + 1) };
}

function parseV2(line: string, known: (name: string) => boolean): Omit<RunnerCommand, 'kind' | 'line'> | undefined {
  const message = line.replace(DOTNET_SPACE, '');
  if (!STARTS_WITH_COLONS.test(message)) return undefined;
  const end = cultureIndexOf(message, '::', 2);
  if (end < 0) return undefined;
  const { name, rest } = nameOf(message.slice(2, end));
  if (!known(name)) return undefined;
  return { name, properties: rest === undefined ? {} : properties(rest.trim(), ',', PROPERTY), data: unescape(message.slice(end + 2), DATA) };
}

function parseLegacy(line: string, known: (name: string) => boolean): Omit<RunnerCommand, 'kind' | 'line'> | undefined {
  const prefix = cultureIndexOf(line, '##[', 0);
  if (prefix < 0) return undefined;
  const bracket = line.indexOf(']', prefix);
  if (bracket < 0 || bracket < prefix + 3) return undefined;
  const { name, rest } = nameOf(line.slice(prefix + 3, bracket));
  if (!known(name)) return undefined;
  return { name, properties: rest === undefined ? {} : properties(rest, ';', LEGACY), data: unescape(line.slice(bracket + 1), LEGACY) };
}

/** Every command the runner would act on in `output`, and every line the log viewer would format. */
export function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (VIEWER_MARKERS.test(line)) found.push({ kind: 'viewer', name: VIEWER_MARKERS.exec(line)?.[1] ?? '', properties: {}, data: line, line });
    const token = stopToken?.toLowerCase();
    const known = (name: string) => REGISTERED_COMMANDS.includes(name.toLowerCase()) || name.toLowerCase() === token;
    const command = parseV2(line, known) ?? parseLegacy(line, known);
    if (!command) continue;
    if (token !== undefined) {
      // Stopped: only the token resumes; every other command is ignored.
      if (command.name.toLowerCase() === token) stopToken = undefined;
      else continue;
    } else if (command.name.toLowerCase() === 'stop-commands') stopToken = command.data;
    found.push({ kind: 'command', ...command, line });
  }
  return found;
}
