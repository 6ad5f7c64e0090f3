import { ChildProcess, fork } from 'node:child_process';
import { startFloorServer } from './floorServer';

/**
 * The floor runs in a process of its own, as the bot runs in the bench's: each has its own heap and JIT, so neither
 * pays for the other's garbage collection (with both in one process, a floor pass right after sign-ups collected the
 * bot's garbage and looked slower than it is) and each one's CPU time is its own.
 */
export class FloorProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<FloorProcess> {
    // fork reuses this process's execArgv, so the child is loaded by tsx as well.
    const child = fork(__filename, ['--serve-floor'], { stdio: 'inherit' });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the floor process exited (code ${code}) before it listened`)));
      child.once('message', (message) => resolve((message as { url: string }).url));
    });
    return new FloorProcess(child, url);
  }

  /** The floor process's CPU time so far (user and system), in ms. */
  cpuMs(): Promise<number> {
    return new Promise((resolve) => {
      this.child.once('message', (message) => resolve((message as { cpuMs: number }).cpuMs));
      this.child.send('cpu');
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

async function serveFloor(): Promise<void> {
  const floor = await startFloorServer();
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMs: (user + system) / 1000 });
  });
  process.on('disconnect', () => {
    void floor.close().finally(() => process.exit(0));
  });
  process.send?.({ url: floor.url });
}

if (process.argv.includes('--serve-floor')) void serveFloor();
