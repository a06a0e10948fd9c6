import type { RunProgress } from '../engine/progress.js';

/** At most this many redraws per second; the final count is always drawn. */
const MAX_UPDATES_PER_SECOND = 10;

const PHASE_WORD: Record<RunProgress['phase'], string> = { flows: 'running', scoring: 'scoring' };

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** `running  120/1000 · 2 retries · 1 hedged · 40 cached · ETA 12s` (ETA from the phase's own pace). */
export function progressText(progress: RunProgress, phaseElapsedMs: number): string {
  const parts = [`${PHASE_WORD[progress.phase]}  ${progress.done}/${progress.total}`];
  if (progress.retries > 0) parts.push(`${progress.retries} ${progress.retries === 1 ? 'retry' : 'retries'}`);
  if (progress.hedges > 0) parts.push(`${progress.hedges} hedged`);
  if (progress.cacheHits > 0) parts.push(`${progress.cacheHits} cached`);
  if (progress.done > 0 && progress.done < progress.total) {
    parts.push(`ETA ${formatSeconds(((progress.total - progress.done) * phaseElapsedMs) / progress.done / 1000)}`);
  }
  return parts.join(' · ');
}

/** A single self-overwriting progress line for a TTY, redrawn at most 10 times a second. */
export function progressLine(write: (text: string) => void, now: () => number = () => performance.now()) {
  let shown = false;
  let lastDrawn = -Infinity;
  let phase: RunProgress['phase'] | undefined;
  let phaseStarted = now();
  return {
    update(progress: RunProgress): void {
      const time = now();
      if (progress.phase !== phase) {
        phase = progress.phase;
        phaseStarted = time;
      }
      const final = progress.done === progress.total;
      if (!final && time - lastDrawn < 1000 / MAX_UPDATES_PER_SECOND) return;
      lastDrawn = time;
      write(`\r\x1b[2K${progressText(progress, time - phaseStarted)}`);
      shown = true;
    },
    clear(): void {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}
