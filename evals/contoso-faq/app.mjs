#!/usr/bin/env node
// Contoso Outdoors FAQ bot: the example "system under test" for EvalGate's command flow.
// Protocol (`protocol: lines` in faq.eval.yaml): started once, it reads one JSON object with a
// case's fields per line on stdin and prints one JSON answer per line on stdout, until stdin ends:
//   {"output": "...", "context": "...", "usage": {...}, "model": "..."}
// The same loop serves the default protocol (per-case: one case on stdin, then EOF).
// It retrieves the best-matching knowledge entries by word overlap and answers with the
// sentence that best matches the question — deterministic, offline, no API key.
// RETRIEVAL_K (default 2) and ANSWER_SENTENCES (default 1) are its tuning knobs: change them
// (or the code) and run `node dist/cli/index.js run` to see the metric diff.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const STOPWORDS = new Set(
  'a an the is are was were be do does did how what which who when where why can i you your my me of to in on for with and or it its at by from this that much many long there any'.split(' '),
);
const knowledge = JSON.parse(readFileSync(new URL('./knowledge.json', import.meta.url), 'utf8'));
const retrievalK = Number(process.env.RETRIEVAL_K ?? 2);
const answerSentences = Number(process.env.ANSWER_SENTENCES ?? 1);

const words = (text) => text.toLowerCase().match(/[a-z0-9]+/g)?.filter((word) => !STOPWORDS.has(word)) ?? [];
const stem = (word) => word.replace(/(ing|es|s)$/, '');
const overlap = (question, text) => {
  const terms = new Set(words(question).map(stem));
  return words(text).map(stem).filter((word) => terms.has(word)).length;
};

/** The answer to one case, as the JSON line EvalGate reads (async, as an app that calls a model would be). */
async function answerCase(input) {
  const question = String(input.question ?? '');
  const ranked = knowledge
    .map((entry) => ({ entry, score: overlap(question, `${entry.title} ${entry.title} ${entry.text}`) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, retrievalK)
    .map(({ entry }) => entry);
  // Words of the product's own name say which entry, not which sentence: leave them out.
  const nameWords = new Set(ranked.flatMap((entry) => words(entry.title)));
  const focus = words(question).filter((word) => !nameWords.has(word)).join(' ');
  const sentences = ranked.flatMap((entry) => entry.text.split(/(?<=\.)\s+/));
  const answer = sentences
    .map((sentence, index) => ({ sentence, score: overlap(focus, sentence) - index * 0.01 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, answerSentences)
    .map(({ sentence }) => sentence)
    .join(' ');
  const context = ranked.map((entry) => `${entry.title}: ${entry.text}`).join('\n');
  const promptTokens = Math.ceil((question.length + context.length) / 4);
  const completionTokens = Math.ceil(answer.length / 4);
  return JSON.stringify({
    output: answer || "I'm sorry, I don't know.",
    context,
    model: 'contoso-faq-local',
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens },
  });
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim()) process.stdout.write(`${await answerCase(JSON.parse(line))}\n`);
}
