export type CopyText = (text: string) => Promise<void>;

/** The popup's one way to the clipboard; components take it as a prop so tests can pass their own. */
export const clipboard: CopyText = (text) => navigator.clipboard.writeText(text);
