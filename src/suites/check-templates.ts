import { renderTemplate, renderValue } from '../core/template/engine.js';
import { TemplateError } from '../core/template/errors.js';
import { ConfigError } from '../errors.js';
import { findMetric, templatedOptions } from '../metrics/registry.js';
import { PromptyError } from '../prompty/errors.js';
import { renderPrompty } from '../prompty/render.js';
import type { Case, PromptyFlowSpec, Suite } from './types.js';

const caseLocation = (testCase: Case) => ({ file: testCase.source.file, ...(testCase.source.line ? { line: testCase.source.line } : {}) });
const fieldsOf = (testCase: Case) => Object.keys(testCase.vars).join(', ') || 'none';

/** Flow kinds whose answer may carry retrieved context for the judges. */
const mayReportContext = (suite: Suite) => suite.flow.kind === 'command' || (suite.flow.kind === 'http' && suite.flow.contextPath !== undefined);

function missing(error: TemplateError, testCase: Case, where: string, suiteFile: string, plus = ''): ConfigError {
  const what = error.variable ? `uses {{ ${error.variable} }}, which is not defined for this case (fields: ${fieldsOf(testCase)}${plus})` : error.message;
  return new ConfigError(`case "${testCase.id}": ${where} ${what}`, caseLocation(testCase), `add "${error.variable?.split(/[.[]/)[0] ?? 'the field'}" to every case or fix the template in ${suiteFile}`);
}

/** The flow's templates for one case: prompt messages, the http request, or the Prompty body. */
function checkFlow(suite: Suite, testCase: Case): void {
  const flow = suite.flow;
  if (flow.kind === 'prompty') return checkPrompty(flow, testCase);
  try {
    if (flow.kind === 'prompt') for (const message of flow.messages) renderTemplate(message.content, testCase.vars);
    if (flow.kind === 'http') renderValue({ url: flow.url, headers: flow.headers, body: flow.body }, testCase.vars);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw missing(error, testCase, flow.kind === 'prompt' ? 'flow.messages' : 'flow', suite.file);
  }
}

/** Every evaluator's option templates, then the metric's own check (a rubric's prompt and file). */
function checkEvaluators(suite: Suite, testCase: Case): void {
  const scoring = { ...testCase.vars, output: '', ...(mayReportContext(suite) ? { context: '' } : {}) };
  const plus = `, plus output${mayReportContext(suite) ? ', context' : ''}`;
  for (const evaluator of suite.evaluators) {
    const metric = findMetric(evaluator.metric);
    const where = `evaluator "${evaluator.name}"`;
    try {
      const rendered = renderValue(templatedOptions(metric, evaluator.options), testCase.vars) as Record<string, unknown>;
      metric?.checkCase?.({ ...evaluator.options, ...rendered }, scoring, suite.dir);
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

/** A Prompty body must render for every case: an undefined `{{ … }}` names the case and the file line. */
function checkPrompty(flow: PromptyFlowSpec, testCase: Case): void {
  try {
    renderPrompty(flow.prompt, testCase.vars);
  } catch (error) {
    if (!(error instanceof PromptyError)) throw error;
    const where = testCase.source.line ? `${testCase.source.file}:${testCase.source.line}` : testCase.source.file;
    throw new ConfigError(
      `${error.message} for case "${testCase.id}" (${where}; fields: ${fieldsOf(testCase)})`,
      { file: flow.file, ...(error.line ? { line: error.line } : {}) },
      error.fix ?? 'add the field to every case, or give the input a default in the front matter',
    );
  }
}
