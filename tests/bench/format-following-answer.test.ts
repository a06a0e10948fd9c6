import { describe, expect, it } from 'vitest';
import { formatFollowingAnswer, lastJsonObject } from '../../bench/format-following-answer.js';

const ask = (content: string, extra: object = {}) => formatFollowingAnswer({ messages: [{ content: 'You grade answers.' }, { content }], ...extra });

describe("the benchmark loopback model's answer", () => {
  it('answers a prompt that asks for JSON with the last object it shows, nested values kept', () => {
    const prompt = 'Reply in JSON.\nExample Input: {"answer": "Paris"}\nExample Output:\n{\n  "question": "Capital of {France}?",\n  "flags": [{"vague": false}]\n}\nInput: {{answer}}';
    expect(JSON.parse(ask(prompt))).toEqual({ question: 'Capital of {France}?', flags: [{ vague: false }] });
  });

  it('puts in the comma a hand-written example left out between two lines', () => {
    expect(JSON.parse(ask('Output json like:\n{\n  "clarity": 4\n  "score": 4.5\n  "overall": "fine"\n}'))).toEqual({ clarity: 4, score: 4.5, overall: 'fine' });
  });

  it('answers "42" to a prompt that does not ask for JSON, or that shows no object', () => {
    expect(ask('Example: {"CONTEXT": "sky"} Output: 1\nRate it from 1 to 5.')).toBe('42');
    expect(ask('Answer in JSON with a number.')).toBe('42');
    expect(ask('Return {"verdict": "yes"} or {"verdict": "no"}.', { response_format: { type: 'json_object' } })).toBe('{"verdict": "no"}');
  });

  it('reads text parts of a message and skips a brace that opens no object', () => {
    expect(formatFollowingAnswer({ messages: [{ content: [{ type: 'text', text: 'json please: {"a": 1}' }, { type: 'image_url' }] }] })).toBe('{"a": 1}');
    expect(lastJsonObject('{"a": 1} then {broken')).toBe('{"a": 1}');
  });
});
