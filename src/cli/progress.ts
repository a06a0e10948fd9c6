import { escapeTerminal } from '../report/escape.js';

/** A single self-overwriting progress line for a TTY: `contoso-faq  12/40`. */
export function progressLine(write: (text: string) => void) {
  let shown = false;
  return {
    update(suite: string, done: number, total: number): void {
      write(`\r\x1b[2K${escapeTerminal(suite, 60)}  ${done}/${total}`);
      shown = true;
    },
    clear(): void {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}
