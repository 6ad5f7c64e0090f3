import { ApprovalRoute } from '../../domain/approval';

/** A deployment's school approval settings (CLPL_APPROVAL_HOLD_HOURS, CLPL_APPROVAL_BY). */
export interface ApprovalSettings {
  /** How long a seat is held for the school's answer before it is released to the waitlist. */
  holdMs: number;
  /** Who is asked: the school's SLT, or the person's line manager (SLT when the school's map knows none). */
  route: ApprovalRoute;
}

export const defaultApprovalSettings: ApprovalSettings = { holdMs: 72 * 3_600_000, route: 'slt' };
