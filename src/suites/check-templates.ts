import type { Case } from '../core/case.js';
import { ConfigError } from '../core/errors.js';
import { renderValue } from '../core/template/engine.js';
import { TemplateError } from '../core/template/errors.js';
import { flowKind } from '../flows/registry.js';
import { findMetric, templatedOptions } from '../metrics/registry.js';
import type { Suite } from './types.js';
import { optionsFor } from './case-asserts.js';

const caseLocation = (testCase: Case) => ({ file: testCase.source.file, ...(testCase.source.line ? { line: testCase.source.line } : {}) });
const fieldsOf = (testCase: Case) => Object.keys(testCase.vars).join(', ') || 'none';

function missing(error: TemplateError, testCase: Case, where: string, suiteFile: string, plus = ''): ConfigError {
  const what = error.variable ? `uses {{ ${error.variable} }}, which is not defined for this case (fields: ${fieldsOf(testCase)}${plus})` : error.message;
  return new ConfigError(`case "${testCase.id}": ${where} ${what}`, caseLocation(testCase), `add "${error.variable?.split(/[.[]/)[0] ?? 'the field'}" to every case or fix the template in ${suiteFile}`);
}

/** The flow kind's templates for one case, then its own checks (a Prompty body rendered strictly). */
function checkFlow(suite: Suite, testCase: Case): void {
  const kind = flowKind(suite.flow.kind);
  for (const template of kind?.templates(suite.flow) ?? []) {
    try {
      renderValue(template.value, testCase.vars);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw missing(error, testCase, template.where, suite.file);
    }
  }
  kind?.checkCase?.(suite.flow, testCase);
}

/** Every evaluator's option templates, then the metric's own check (a rubric's prompt and file). */
function checkEvaluators(suite: Suite, testCase: Case): void {
  const reportsContext = flowKind(suite.flow.kind)?.reportsContext?.(suite.flow) ?? false;
  const scoring = { ...testCase.vars, output: '', ...(reportsContext ? { context: '' } : {}) };
  const plus = `, plus output${reportsContext ? ', context' : ''}`;
  for (const evaluator of suite.evaluators) {
    const options = optionsFor(evaluator, testCase.id);
    if (!options) continue;
    const metric = findMetric(evaluator.metric);
    const where = `evaluator "${evaluator.name}"`;
    try {
      const rendered = renderValue(templatedOptions(metric, options), testCase.vars) as Record<string, unknown>;
      metric?.checkCase?.({ ...options, ...rendered }, scoring, suite.dir);
    } catch (error) {
      if (error instanceof TemplateError) throw missing(error, testCase, where, suite.file, plus);
      if (!(error instanceof ConfigError)) throw error;
      if (error.location.file) throw new ConfigError(`${error.message} for case "${testCase.id}" (${where}; fields: ${fieldsOf(testCase)}${plus})`, error.location, error.hint);
      throw new ConfigError(`${where}: ${error.message}`, { file: suite.file }, error.hint);
    }
  }
}

/**
 * Renders every template against every case once at load time, so a missing variable is a
 * configuration error naming the case — never an empty string in a prompt at run time.
 */
export function checkTemplates(suite: Suite): void {
  for (const testCase of suite.cases) {
    checkFlow(suite, testCase);
    checkEvaluators(suite, testCase);
  }
}
