/**
 * The action badge as the error log uses it (`browser.action`'s setBadgeText and
 * setBadgeBackgroundColor), keeping what was shown: the last text is what the toolbar shows.
 */
export function recordingBadge() {
  const texts: string[] = [];
  const colors: string[] = [];
  return {
    texts,
    colors,
    get shown() {
      return texts.at(-1);
    },
    setBadgeText: async ({ text }: { text: string }) => void texts.push(text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void colors.push(color),
  };
}
