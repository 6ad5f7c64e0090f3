import type { AppDependencies } from '../dependencies';

/**
 * The line-management imports under way in this instance, by school: a second import for a school is refused rather
 * than racing the first to replace the map. Each stores nothing until it has finished (see importLineManagement).
 */
export class LineManagementImports {
  private readonly running = new Map<string, Promise<void>>();

  /** Runs `work` as the school's import and returns its outcome; null, and nothing run, when one is under way. */
  run<T>(schoolId: string, work: () => Promise<T>): Promise<T> | null {
    if (this.running.has(schoolId)) return null;
    const outcome = work();
    this.running.set(
      schoolId,
      outcome.then(
        () => void this.running.delete(schoolId),
        () => void this.running.delete(schoolId),
      ),
    );
    return outcome;
  }

  /** Resolves when every import under way has finished: for tests and a graceful shutdown. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }
}

const bySchoolOf = new WeakMap<AppDependencies, LineManagementImports>();

/** The imports of one running app (a server's AppDependencies). */
export function lineManagementImports(app: AppDependencies): LineManagementImports {
  let imports = bySchoolOf.get(app);
  if (!imports) bySchoolOf.set(app, (imports = new LineManagementImports()));
  return imports;
}
