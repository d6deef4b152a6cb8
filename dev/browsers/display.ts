import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The screen size of every display the harness starts. */
export const SCREEN = { width: 1280, height: 1024 };

/** One capture of the whole screen: 8-bit RGB, row after row. */
export type Screenshot = { width: number; height: number; rgb: Buffer };

/** A window on the display: its X id and where it is. */
export type ScreenWindow = { id: string; x: number; y: number; width: number; height: number };

/**
 * A virtual X display (Xvfb) of the harness's own, for a headful browser whose prompts a test
 * answers as a person would: with keys (xdotool) sent to this display and nowhere else, so a
 * developer's own desktop never gets them.
 */
export interface Display {
  /** The value for DISPLAY, e.g. ":3". */
  name: string;
  /** Presses keys, one after the other (xdotool names: "Tab", "Return", "alt+a"). */
  key(...keys: string[]): Promise<void>;
  /** Moves the pointer to a point of the screen and clicks its left button there. */
  clickAt(x: number, y: number): Promise<void>;
  /** The whole screen as it is now (ImageMagick's import: 0.15–0.5 s, depending on the machine's load). */
  screenshot(): Promise<Screenshot>;
  /** Writes the whole screen as a PNG, for a person to look at when a test fails. */
  savePng(path: string): Promise<void>;
  /**
   * The visible windows whose WM_CLASS matches: `classname` the instance part (a regular
   * expression, as xdotool takes it), `className` the class part.
   */
  windows(match: { classname?: string; className?: string }): Promise<ScreenWindow[]>;
  /** Stops the window manager and the X server. */
  close(): Promise<void>;
}

export type DisplayOptions = {
  /**
   * Also runs openbox. Firefox needs a window manager: without one, its popups and doorhangers
   * close as soon as the pointer enters them. Chromium does without.
   */
  windowManager?: boolean;
};

/** Starts Xvfb on a display number it finds free itself (-displayfd), and openbox if asked. */
export async function startDisplay({ windowManager = false }: DisplayOptions = {}): Promise<Display> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const processes: ChildProcess[] = [xvfb];
  const close = async () => {
    for (const child of processes) await stop(child);
  };
  try {
    const name = `:${await displayNumber(xvfb)}`;
    const env = { ...process.env, DISPLAY: name };
    const x = (command: string, args: string[]) => run(command, args, { env });
    if (windowManager) {
      const openbox = spawn('openbox', ['--sm-disable'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      processes.unshift(openbox);
      let said = '';
      openbox.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
      const failed = new Promise<never>((_, reject) => {
        openbox.once('error', (error) => reject(new Error(`openbox did not start (apt-get install openbox): ${error.message}`)));
        openbox.once('exit', (code) => reject(new Error(`openbox exited (${code}) before managing the display: ${said.trim()}`)));
      });
      // openbox announces itself on the root window (EWMH) once it manages windows. A loaded
      // two-core machine running the whole suite has been seen to take more than 10 s.
      const managing = waitUntil(async () => (await x('xprop', ['-root', '_NET_SUPPORTING_WM_CHECK'])).stdout.includes('window id'), 'openbox to start', 30_000);
      await Promise.race([failed, managing.catch((error: Error) => Promise.reject(new Error(`${error.message} (openbox said: ${said.trim() || 'nothing'})`)))]);
    }
    return {
      name,
      async key(...keys) {
        for (const key of keys) await x('xdotool', ['key', '--clearmodifiers', key]);
      },
      async clickAt(left, top) {
        await x('xdotool', ['mousemove', '--sync', String(Math.round(left)), String(Math.round(top)), 'click', '1']);
      },
      async screenshot() {
        const { stdout } = await run('import', ['-silent', '-window', 'root', '-depth', '8', 'rgb:-'], {
          env,
          encoding: 'buffer',
          maxBuffer: SCREEN.width * SCREEN.height * 3 + 1024,
        });
        return { ...SCREEN, rgb: stdout };
      },
      async savePng(path) {
        await x('import', ['-silent', '-window', 'root', path]);
      },
      async windows({ classname, className }) {
        const by = classname !== undefined ? ['--classname', classname] : ['--class', className ?? '.'];
        // xdotool search exits 1 when nothing matches.
        const ids = (await x('xdotool', ['search', '--onlyvisible', ...by]).catch(() => ({ stdout: '' }))).stdout.split('\n').filter(Boolean);
        const found = await Promise.all(ids.map((id) => geometry(id, x).catch(() => undefined)));
        return found.filter((w): w is ScreenWindow => w !== undefined);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function geometry(id: string, x: (command: string, args: string[]) => Promise<{ stdout: string }>): Promise<ScreenWindow> {
  const { stdout } = await x('xdotool', ['getwindowgeometry', '--shell', id]);
  const value = (key: string) => Number(new RegExp(`^${key}=(-?\\d+)$`, 'm').exec(stdout)?.[1]);
  return { id, x: value('X'), y: value('Y'), width: value('WIDTH'), height: value('HEIGHT') };
}

/** Xvfb writes the display number it chose to the descriptor given by -displayfd, once it accepts clients. */
async function displayNumber(xvfb: ChildProcess): Promise<number> {
  let errors = '';
  xvfb.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const pipe = xvfb.stdio[3] as NodeJS.ReadableStream;
  return new Promise((resolve, reject) => {
    let written = '';
    pipe.on('data', (chunk: Buffer) => {
      written += chunk.toString();
      if (written.includes('\n')) resolve(Number(written.trim()));
    });
    xvfb.once('error', (error) => reject(new Error(`Xvfb did not start (apt-get install xvfb): ${error.message}`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${errors.trim()}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}
