import { ConfigError } from '../core/errors.js';
import { findMetric, templatedOptions } from '../metrics/registry.js';
import { PromptyError, renderJinja, renderPrompty } from '../prompty/prompty.js';
import { MissingVariableError, renderValue } from '../core/template.js';
import type { PromptyFlowSpec, Suite } from './types.js';
import type { Case } from '../core/case.js';

/** The templates of a suite: flow messages / request, and every evaluator's options. */
function templatesOf(suite: Suite): { where: string; value: unknown }[] {
  const flow = suite.flow;
  const flowTemplates =
    flow.kind === 'prompt'
      ? [{ where: 'flow.messages', value: flow.messages.map((message) => message.content) }]
      : flow.kind === 'http'
        ? [{ where: 'flow', value: { url: flow.url, headers: flow.headers, body: flow.body } }]
        : [];
  const evaluatorTemplates = suite.evaluators.map((evaluator) => ({
    where: `evaluator "${evaluator.name}"`,
    value: templatedOptions(findMetric(evaluator.metric), evaluator.options),
  }));
  return [...flowTemplates, ...evaluatorTemplates];
}

/** Jinja options (a rubric's prompt) see the case plus what scoring adds. */
function jinjaTemplatesOf(suite: Suite): { where: string; text: string }[] {
  return suite.evaluators.flatMap((evaluator) =>
    (findMetric(evaluator.metric)?.jinjaOptions ?? [])
      .filter((key) => typeof evaluator.options[key] === 'string')
      .map((key) => ({ where: `evaluator "${evaluator.name}" (${key})`, text: evaluator.options[key] as string })),
  );
}

const SCORING_VARIABLES = { output: '', expected: '', context: '' };

const caseLocation = (testCase: Case) => ({ file: testCase.source.file, ...(testCase.source.line ? { line: testCase.source.line } : {}) });
const fieldsOf = (testCase: Case) => Object.keys(testCase.vars).join(', ') || 'none';

/**
 * Renders every template against every case once at load time, so a missing variable is a
 * configuration error naming the case — never an empty string in a prompt at run time.
 */
export function checkTemplates(suite: Suite): void {
  const templates = templatesOf(suite);
  const jinjaTemplates = jinjaTemplatesOf(suite);
  for (const testCase of suite.cases) {
    if (suite.flow.kind === 'prompty') checkPrompty(suite.flow, testCase);
    for (const template of jinjaTemplates) checkJinja(template, testCase, suite.file);
    for (const template of templates) {
      try {
        renderValue(template.value, testCase.vars);
      } catch (error) {
        if (!(error instanceof MissingVariableError)) throw error;
        throw new ConfigError(
          `case "${testCase.id}": ${template.where} uses {{${error.variable}}}, which is not a field of this case ${error.fields}`,
          caseLocation(testCase),
          `add "${error.variable.split('.')[0]}" to every case or fix the template in ${suite.file}`,
        );
      }
    }
  }
}

/** A Prompty body must render for every case: an undefined `{{ … }}` names the case and the file line. */
function checkPrompty(flow: PromptyFlowSpec, testCase: Case): void {
  try {
    renderPrompty(flow, { ...flow.defaults, ...testCase.vars }, { strict: true });
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    const where = testCase.source.line ? `${testCase.source.file}:${testCase.source.line}` : testCase.source.file;
    throw new ConfigError(
      `${error.message} for case "${testCase.id}" (${where}; fields: ${fieldsOf(testCase)})`,
      { file: flow.file, ...(error.line ? { line: error.line } : {}) },
      'add the field to every case, or give the input a default in the front matter',
    );
  }
}

function checkJinja(template: { where: string; text: string }, testCase: Case, suiteFile: string): void {
  try {
    renderJinja({ body: template.text, bodyLine: 1 }, { ...SCORING_VARIABLES, ...testCase.vars }, { strict: true });
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    throw new ConfigError(
      `case "${testCase.id}": ${template.where}: ${error.message} (fields: ${fieldsOf(testCase)}, plus output, expected, context)`,
      caseLocation(testCase),
      `add the field to every case or fix the prompt in ${suiteFile}`,
    );
  }
}
