import type { Case } from '../core/case.js';
import type { Schedule } from '../core/semaphore.js';
import type { SequentialMonitor, SequentialRecord } from '../compare/sequential-types.js';
import type { CaseResult } from '../results/types.js';
import type { CaseRun, SampleRun } from '../runner/types.js';

/** One suite of a pull request the monitor watches, as the run loop drives it. */
export interface MonitoredSuite {
  name: string;
  /** Every case, in the suite's order (the results keep it). */
  cases: readonly Case[];
  /** The plan's order (cached first, then seeded): cases are dispatched in it, so those that ran are a prefix. */
  order: readonly string[];
  /** Samples of a case unless the monitor asks for more. */
  repeat: number;
  /** One invocation of the case, under its deadline; a failure is the sample's result. */
  sample(testCase: Case): Promise<SampleRun>;
  score(run: CaseRun): Promise<CaseResult>;
  /** The monitor dispatched a case with this many samples (progress). */
  onDispatch?(samples: number): void;
}

export interface MonitoredResult {
  /** The cases that ran, in the suite's order. */
  cases: CaseResult[];
  record: SequentialRecord;
}

interface Job {
  suite: SuiteState;
  testCase: Case;
  slot: number;
}

/** What the loop knows of one suite while it runs. */
class SuiteState {
  readonly spec: MonitoredSuite;
  private readonly monitor: SequentialMonitor;
  readonly byId: ReadonlyMap<string, Case>;
  readonly results = new Map<string, CaseResult>();
  /** Samples of dispatched cases, by slot, until the case is scored. */
  readonly samples = new Map<string, SampleRun[]>();
  readonly queued: Job[] = [];
  dispatched = 0;
  /** The monitor's last answer was stop: ask again only after the next record. */
  paused = false;

  constructor(spec: MonitoredSuite, monitor: SequentialMonitor) {
    this.spec = spec;
    this.monitor = monitor;
    this.byId = new Map(spec.cases.map((testCase) => [testCase.id, testCase]));
  }

  /** The next invocation: the rest of a dispatched case, else a new case if the monitor says continue. */
  take(): Job | undefined {
    if (this.queued.length === 0 && !this.paused && this.dispatched < this.spec.order.length) {
      const step = this.monitor.next(this.spec.name);
      if (step.action === 'stop') this.paused = true;
      else this.dispatch(step.repeat);
    }
    return this.queued.shift();
  }

  private dispatch(repeat: number | undefined): void {
    const testCase = this.byId.get(this.spec.order[this.dispatched] as string) as Case;
    const samples = Math.max(1, repeat ?? this.spec.repeat);
    this.dispatched += 1;
    this.samples.set(testCase.id, new Array<SampleRun>(samples));
    for (let slot = 0; slot < samples; slot += 1) this.queued.push({ suite: this, testCase, slot });
    this.spec.onDispatch?.(samples);
  }

  record(result: CaseResult): void {
    this.results.set(result.id, result);
    this.paused = false;
    this.monitor.record(this.spec.name, result);
  }
}

/**
 * Runs the monitored suites of a pull request through the run's one pool. `lanes` workers each
 * take a slot first, then the next invocation of any suite (suites in turn): a suite the monitor
 * has stopped gives its slots to the others at once, nothing of it starts after the stop, and
 * what is in flight finishes, is recorded, and may make the monitor continue. Scoring runs
 * outside the slot, so the pool stays full. A suite is done when the monitor says stop and none
 * of its cases is open.
 */
export async function runMonitored(suites: readonly MonitoredSuite[], monitor: SequentialMonitor, schedule: Schedule, lanes: number): Promise<Map<string, MonitoredResult>> {
  const states = suites.map((spec) => new SuiteState(spec, monitor));
  let turn = 0;
  let busy = 0;
  let failure: unknown;
  let wake: () => void = () => undefined;
  let changed = new Promise<void>((resolvePromise) => (wake = resolvePromise));
  const notify = () => {
    const previous = wake;
    changed = new Promise<void>((resolvePromise) => (wake = resolvePromise));
    previous();
  };

  const take = (): Job | undefined => {
    for (let tried = 0; tried < states.length; tried += 1) {
      const state = states[(turn + tried) % states.length] as SuiteState;
      const job = state.take();
      if (job) {
        turn = (turn + tried + 1) % states.length;
        return job;
      }
    }
    return undefined;
  };

  const finish = async ({ suite: state, testCase, slot }: Job, sample: SampleRun) => {
    const samples = state.samples.get(testCase.id) as SampleRun[];
    samples[slot] = sample;
    if (samples.filter(Boolean).length < samples.length) return;
    state.samples.delete(testCase.id);
    state.record(await state.spec.score({ case: testCase, samples }));
  };

  const lane = async (): Promise<void> => {
    for (;;) {
      const ran = await schedule(async () => {
        const job = failure ? undefined : take();
        if (!job) return undefined;
        busy += 1;
        return { job, sample: await job.suite.spec.sample(job.testCase) };
      });
      if (ran) {
        finish(ran.job, ran.sample)
          .catch((error: unknown) => (failure ??= error))
          .finally(() => {
            busy -= 1;
            notify();
          });
        continue;
      }
      if (busy === 0) return notify();
      await changed;
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  if (failure) throw failure;
  return new Map(
    states.map((state) => [state.spec.name, { cases: state.spec.cases.flatMap((testCase) => state.results.get(testCase.id) ?? []), record: monitor.outcome(state.spec.name) }]),
  );
}
