/**
 * A model that answers with function calls instead of text (a Prompty or prompt flow with
 * `tools`): the answer is recorded as JSON, `[{"name": …, "arguments": {…}}]` — arguments parsed
 * when the model produced valid JSON, kept as its text otherwise — so evaluators such as
 * `json-schema`, `equals` or `contains` can check which tool was called and how.
 */
interface ToolCall {
  name: string;
  arguments: string;
}

function parsedArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function toolCallsText(calls: readonly ToolCall[]): string {
  return JSON.stringify(calls.map((call) => ({ name: call.name, arguments: parsedArguments(call.arguments) })));
}

interface FunctionCall {
  function?: { name?: string; arguments?: string } | null;
  type?: string;
}

/** The function calls of a completed message (other kinds of tool call carry no function and are left out). */
function functionCalls(calls: readonly FunctionCall[] | null | undefined): ToolCall[] {
  return (calls ?? []).flatMap((call) => (call.function?.name ? [{ name: call.function.name, arguments: call.function.arguments ?? '' }] : []));
}

/** A completed message's answer: its text, or its function calls as JSON when it has no text; undefined when it has neither. */
export function answerText(message: { content?: string | null; tool_calls?: readonly FunctionCall[] | null } | undefined): string | undefined {
  const calls = functionCalls(message?.tool_calls);
  if (typeof message?.content === 'string' && (message.content !== '' || calls.length === 0)) return message.content;
  return calls.length ? toolCallsText(calls) : undefined;
}

/** Streamed tool-call deltas, joined by their index: the name arrives once, the arguments in pieces. */
export function toolCallCollector(): { add: (deltas: readonly (FunctionCall & { index: number })[] | null | undefined) => void; calls: () => ToolCall[] } {
  const byIndex = new Map<number, ToolCall>();
  return {
    add(deltas) {
      for (const delta of deltas ?? []) {
        const call = byIndex.get(delta.index) ?? { name: '', arguments: '' };
        call.name += delta.function?.name ?? '';
        call.arguments += delta.function?.arguments ?? '';
        byIndex.set(delta.index, call);
      }
    },
    calls: () => [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, call]) => call).filter((call) => call.name !== ''),
  };
}
