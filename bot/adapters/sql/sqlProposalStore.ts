import { Kysely } from 'kysely';
import { OfferProposal, ProposalDecision } from '../../domain/proposal';
import { NewNotice } from '../../ports/outbox';
import { ProposalStore, ProposalTransaction } from '../../ports/proposalStore';
import { proposalFromRow, proposalToRow } from './proposalRows';
import { Database, Dialect } from './schema';
import { hotQueries, HotQueries, kyselyTarget, SqlOfferTransaction } from './sqlOfferStore';
import { inWriteTransaction } from './transactions';

class SqlProposalTransaction extends SqlOfferTransaction implements ProposalTransaction {
  constructor(
    private readonly trx: Kysely<Database>,
    queries: HotQueries,
    dialect: Dialect,
  ) {
    super(kyselyTarget(trx), queries, dialect);
  }

  /** SQLite is already write-locked by BEGIN IMMEDIATE; PostgreSQL locks this row. */
  async lockProposal(proposalId: string): Promise<OfferProposal | undefined> {
    const query = this.trx.selectFrom('offer_proposals').selectAll().where('id', '=', proposalId);
    const row = await (this.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    return row && proposalFromRow(row);
  }

  async insertProposal(proposal: OfferProposal): Promise<void> {
    await this.trx.insertInto('offer_proposals').values(proposalToRow(proposal)).execute();
  }

  async saveDecision(proposalId: string, decision: ProposalDecision): Promise<void> {
    await this.trx
      .updateTable('offer_proposals')
      .set({
        status: decision.outcome,
        decided_by_id: decision.by.id,
        decided_by_name: decision.by.name,
        decided_at: decision.at.toISOString(),
        reason: decision.reason,
        offer_id: decision.offerId,
      })
      .where('id', '=', proposalId)
      .execute();
  }
}

export class SqlProposalStore implements ProposalStore {
  private readonly queries: HotQueries;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {
    this.queries = hotQueries(dialect);
  }

  transaction<T>(work: (tx: ProposalTransaction) => Promise<T>): Promise<T> {
    return inWriteTransaction(this.db, this.dialect, (trx) => work(new SqlProposalTransaction(trx, this.queries, this.dialect)));
  }

  async propose(proposal: OfferProposal, notices: readonly NewNotice[], now: Date): Promise<void> {
    await this.transaction(async (tx) => {
      await (tx as SqlProposalTransaction).insertProposal(proposal);
      for (const notice of notices) await tx.enqueueNotice(notice, now);
    });
  }

  async findProposal(proposalId: string): Promise<OfferProposal | undefined> {
    const row = await this.db.selectFrom('offer_proposals').selectAll().where('id', '=', proposalId).executeTakeFirst();
    return row && proposalFromRow(row);
  }

  async pendingProposalsOf(schoolId: string): Promise<OfferProposal[]> {
    const rows = await this.db
      .selectFrom('offer_proposals')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('status', '=', 'pending')
      .orderBy('created_at')
      .execute();
    return rows.map(proposalFromRow);
  }
}
