export type CopyText = (text: string) => Promise<void>;

/** The page's clipboard; views get it as the `copy` capability, so tests can hand them their own. */
export const copyText: CopyText = (text) => navigator.clipboard.writeText(text);
