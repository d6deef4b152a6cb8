import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Opens the Inspect tab with this text pasted: a token of a run, say. App provides it. */
export const OpenInInspect = createContext<((text: string) => void) | undefined>(undefined);

export const useOpenInInspect = () => useContext(OpenInInspect);
