/** The longest stretch of `secret` that is still in `text` (what a scrubber let through). */
export function longestFragment(text: string, secret: string): number {
  let longest = 0;
  for (let start = 0; start < secret.length; start += 1) {
    for (let end = start + longest + 1; end <= secret.length && text.includes(secret.slice(start, end)); end += 1) longest = end - start;
  }
  return longest;
}
