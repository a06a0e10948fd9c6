import type { Case } from '../core/case.js';
import type { ErrorKind } from '../core/failure.js';
import type { TokenUsage } from '../core/usage.js';
import type { ChatRequest, ModelClient } from '../model/types.js';

/** What a flow returns for one case. */
export interface FlowOutput {
  output: string;
  /** Retrieved context the flow reports (command/http flows may return it). */
  context?: string;
  usage: TokenUsage;
  /** Model that actually answered (as reported by the provider), if known. */
  model?: string;
  latency: { totalMs: number; firstTokenMs?: number };
  /** Served from the response cache (latency and usage are the recorded ones). */
  cached?: boolean;
  /** Answered through the Batch API (billed at half price). */
  batch?: boolean;
}

/** A runnable system under test, built once per suite from its `flow:` spec. */
export interface Flow {
  kind: string;
  /** Model name for reports, when the flow has one. */
  model?: string;
  /** True when the flow cannot run without a model endpoint (api key). */
  needsModel: boolean;
  /** The flow's own deadline per invocation (its `timeout:`), overriding the run's default. */
  timeoutMs?: number;
  invoke(vars: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<FlowOutput>;
  /** The one model request an invocation of these vars sends (chat flows): the engine asks the response cache whether it is answered. */
  request?(vars: Readonly<Record<string, unknown>>): ChatRequest;
  /**
   * Whose failure an error of `invoke` (or its deadline running out) is: the flow knows whether it
   * is the team's own app (command, HTTP: always the app's) or our transport to a model provider.
   */
  failureKind(error: unknown): ErrorKind;
  /** Run-level outputs over every invocation so far (PromptFlow aggregation nodes), reported, never gated. */
  aggregate?(signal: AbortSignal): Promise<Record<string, unknown> | undefined>;
  /** Releases what the flow holds (a worker process); called once, when the suite's run ends. */
  close?(): void | Promise<void>;
}

/** What building a flow may use. */
export interface FlowContext {
  /** The suite's folder: commands run and files resolve here. */
  dir: string;
  client: ModelClient | undefined;
  /** Overrides the model of model-calling flows (`--model`, input `model`). */
  modelOverride?: string;
}

/** Where a `flow:` mapping was written, for errors, and where its files resolve. */
export interface SpecContext {
  /** The suite file as users wrote it, and the line of its `flow:` key. */
  file: string;
  line?: number;
  /** Absolute folder of the suite file. */
  dir: string;
  /** The working directory (paths in messages are shown relative to it). */
  cwd: string;
  /** `--model`: a flow file that names no model is then not an error (the override supplies it). */
  modelOverride?: string;
}

/** A string field of the spec that is a template over the case, checked against every case at load time. */
interface FlowTemplate {
  where: string;
  value: unknown;
}

/**
 * One kind of flow, in one module: its schema, how a schema-valid mapping becomes a spec,
 * the templates to check per case, and how the spec becomes a runnable flow. The loader,
 * the JSON Schema, the runner and the docs table all read this; nothing switches on a kind name.
 */
export interface FlowKind<Spec extends { kind: string } = { kind: string }> {
  kind: Spec['kind'];
  /** One line for the docs table and the schema. */
  description: string;
  /** JSON Schema of the mapping's keys besides `kind`. */
  schema: { required: readonly string[]; properties: Record<string, unknown> };
  /** A schema-valid mapping → the normalised spec; may read files; bad values throw ConfigError. */
  normalise(raw: Record<string, unknown>, at: SpecContext): Spec | Promise<Spec>;
  /** The spec's templates over the case (checked for every case before anything runs). */
  templates(spec: Spec): FlowTemplate[];
  /**
   * The flow runs the team's own code (a command, an HTTP app, PromptFlow's Python nodes), which
   * the suite hash does not cover: on the same hash, an answer that changed may be the PR's change.
   */
  ownCode?: boolean;
  /** The flow calls the model: its `headers:` (a gateway's key or config) go on those requests; the loader takes them, not `normalise`. */
  modelHeaders?: boolean;
  /** Whether the flow's answers may carry retrieved context (judges may then read `context`). */
  reportsContext?(spec: Spec): boolean;
  /** Further per-case checks at load time (e.g. a Prompty body rendered strictly); throws ConfigError. */
  checkCase?(spec: Spec, testCase: Case): void;
  /**
   * A small working `flow:` mapping of this kind (without `kind`), run by the flow-kind contract
   * test on one case (`question`) against the example assets: a chat model endpoint and, in the
   * suite's folder, `app.mjs` (case JSON on stdin → `{"output"}` on stdout), `chat.prompty` and
   * `flow/` (a PromptFlow DAG with one llm node); `appUrl` is the same app over HTTP
   * (POST `{"question"}` → `{"answer"}`).
   */
  example(assets: { appUrl: string }): Record<string, unknown>;
  create(spec: Spec, ctx: FlowContext): Flow;
}

/** Where a spec was written, as a ConfigError location. */
export const specLocation = (at: Pick<SpecContext, 'file' | 'line'>) => ({ file: at.file, ...(at.line ? { line: at.line } : {}) });
