import { StatementTarget } from '../sql/prepared';

/** One write transaction waiting to run, alone or in a group; settled through resolve or reject. */
export interface Member {
  /** The one row it locks; members of one group have distinct keys. Undefined: it runs alone. */
  key?: string;
  work(target: StatementTarget): Promise<unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/**
 * The groups of keyed write transactions waiting for a connection. A transaction joins the oldest group that has room
 * and no member with its key (two members locking the same row in one transaction would not exclude each other);
 * otherwise it opens a new group, which asks for a connection at once (`start`). A group takes no more members once
 * it has its connection (`start` calls `closed` then). Nothing waits to fill a group: a lone transaction finds a free
 * connection and runs at once, and a group is simply whatever queued while the connections were busy.
 */
export class FormingGroups {
  private readonly open: Member[][] = [];

  constructor(
    private readonly maxGroup: number,
    private readonly start: (group: Member[], closed: () => void) => void,
  ) {}

  join(member: Member): void {
    const group = this.open.find((g) => g.length < this.maxGroup && !g.some((m) => m.key === member.key));
    if (group) {
      group.push(member);
      return;
    }
    const opened = [member];
    this.open.push(opened);
    this.start(opened, () => {
      const index = this.open.indexOf(opened);
      if (index >= 0) this.open.splice(index, 1);
    });
  }
}
