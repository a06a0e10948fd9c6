import type { Case } from '../core/case.js';
import { ConfigError } from '../core/errors.js';
import { MissingVariableError, renderValue } from '../core/template.js';
import { flowKind } from '../flows/registry.js';
import type { FlowTemplate } from '../flows/types.js';
import { findMetric, templatedOptions } from '../metrics/registry.js';
import { PromptyError, renderJinja } from '../prompty/prompty.js';
import type { Suite } from './types.js';
import { optionsFor } from './case-asserts.js';

/** The templates of a suite for one case: the flow kind's, and the options of every evaluator that scores it. */
function templatesOf(suite: Suite, testCase: Case): FlowTemplate[] {
  const flowTemplates = flowKind(suite.flow.kind)?.templates(suite.flow) ?? [];
  const evaluatorTemplates = suite.evaluators.flatMap((evaluator) => {
    const options = optionsFor(evaluator, testCase.id);
    return options ? [{ where: `evaluator "${evaluator.name}"`, value: templatedOptions(findMetric(evaluator.metric), options) }] : [];
  });
  return [...flowTemplates, ...evaluatorTemplates];
}

/** Jinja options (a rubric's prompt) see the case plus what scoring adds. */
function jinjaTemplatesOf(suite: Suite, testCase: Case): { where: string; text: string }[] {
  return suite.evaluators.flatMap((evaluator) => {
    const options = optionsFor(evaluator, testCase.id) ?? {};
    return (findMetric(evaluator.metric)?.jinjaOptions ?? [])
      .filter((key) => typeof options[key] === 'string')
      .map((key) => ({ where: `evaluator "${evaluator.name}" (${key})`, text: options[key] as string }));
  });
}

const SCORING_VARIABLES = { output: '', expected: '', context: '' };

const caseLocation = (testCase: Case) => ({ file: testCase.source.file, ...(testCase.source.line ? { line: testCase.source.line } : {}) });
const fieldsOf = (testCase: Case) => Object.keys(testCase.vars).join(', ') || 'none';

/**
 * Renders every template against every case once at load time, so a missing variable is a
 * configuration error naming the case — never an empty string in a prompt at run time.
 */
export function checkTemplates(suite: Suite): void {
  const kind = flowKind(suite.flow.kind);
  for (const testCase of suite.cases) {
    kind?.checkCase?.(suite.flow, testCase);
    for (const template of jinjaTemplatesOf(suite, testCase)) checkJinja(template, testCase, suite.file);
    for (const template of templatesOf(suite, testCase)) {
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
