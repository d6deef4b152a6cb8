/**
 * `text` without the run of characters at its end that `trailing` matches (tested one UTF-16
 * code unit at a time). A loop, not `replace(/=+$/, '')`: such a regex starts again at every
 * character of a long run that stops short of the end, so a megabyte of "=" before one letter
 * took minutes.
 */
export function withoutTrailing(text: string, trailing: RegExp): string {
  let end = text.length;
  while (end > 0 && trailing.test(text[end - 1]!)) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
