// web-ext ships no types; these cover the calls this project makes.
declare module 'web-ext' {
  type Runner = { exit(): Promise<void>; registerCleanup(fn: () => void): void };
  const webExt: {
    cmd: {
      run(
        options: {
          sourceDir: string;
          firefox?: string;
          pref?: Record<string, string | number | boolean>;
          startUrl?: string[];
          args?: string[];
          noReload?: boolean;
        },
        settings?: { shouldExitProgram?: boolean },
      ): Promise<Runner>;
      build(
        options: { sourceDir: string; artifactsDir: string; filename?: string; overwriteDest?: boolean },
        settings?: { shouldExitProgram?: boolean },
      ): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
