import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { InstanceListening } from './instanceProcess';

const repoRoot = resolve(__dirname, '../..');
const script = resolve(__dirname, 'instanceProcess.ts');

/** A real server running in a child process (tests/support/instanceProcess.ts). */
export interface Instance {
  url: string;
  pid: number;
  store: string;
  /** Everything the process wrote to stderr so far (its logs). */
  stderr(): string;
  /** Stops it (SIGTERM, then SIGKILL if it is still there after `graceMs`); safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** Sends the process a signal, as a platform stopping it would. */
  signal(name: NodeJS.Signals): void;
  /** Settles when the process has exited, with its exit code (or the signal that ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts an instance with exactly the given settings: the environment is built from scratch (plus what Node needs to
 * run), so a developer's own DATABASE_URL, MicrosoftAppId and the like never leak into a test.
 */
export async function startInstance(settings: Record<string, string>, options: { startTimeoutMs?: number } = {}): Promise<Instance> {
  const env: Record<string, string> = { NODE_ENV: 'test', ...settings };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SystemRoot']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, env, stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit({ code: child.exitCode, signal: child.signalCode });
    // 'close', not 'exit': it comes once stderr is drained too, so the last log lines are in `stderr()` when this settles.
    else child.once('close', (code, signal) => resolveExit({ code, signal }));
  });

  const stop = async (graceMs = 5_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    }
    child.stdin.destroy();
  };

  try {
    const listening = await waitForListening(child, options.startTimeoutMs ?? 30_000, () => stderr);
    return { url: listening.url, pid: listening.pid, store: listening.store, stderr: () => stderr, stop, signal: (name) => child.kill(name), exited };
  } catch (error) {
    await stop(1_000);
    throw error;
  }
}

function waitForListening(child: ChildProcessWithoutNullStreams, timeoutMs: number, stderr: () => string): Promise<InstanceListening> {
  return new Promise((resolveListening, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`instance did not start within ${timeoutMs} ms:\n${stderr()}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((l) => l.startsWith('{') && l.includes('"listening"'));
      if (!line) return;
      cleanUp();
      resolveListening(JSON.parse(line) as InstanceListening);
    };
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`instance exited before listening (${code ?? signal}):\n${stderr()}`));
    const fail = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}
