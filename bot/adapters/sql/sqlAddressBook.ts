import { Kysely } from 'kysely';
import { AddressBook, AddressKey } from '../../ports/addressBook';
import { Database } from './schema';
import { writeRidingAlong, WriteTransactions } from './transactions';

export class SqlAddressBook implements AddressBook {
  /** `ridingWith`: write transactions that people's first addresses can ride along with (see SqlStoreOptions.ridingWrites). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ridingWith?: WriteTransactions,
  ) {}

  async save(key: AddressKey, address: string): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.db
      .insertInto('addresses')
      .values({ address_key: keyText(key), address, updated_at: updatedAt })
      .onConflict((oc) => oc.column('address_key').doUpdateSet({ address, updated_at: updatedAt }))
      .execute();
  }

  saveIfAbsent(key: AddressKey, address: string): Promise<void> {
    return this.saveAllIfAbsent([{ key, address }]);
  }

  async saveAllIfAbsent(entries: ReadonlyArray<{ key: AddressKey; address: string }>): Promise<void> {
    if (entries.length === 0) return;
    const updatedAt = new Date().toISOString();
    const insert = this.db
      .insertInto('addresses')
      .values(entries.map(({ key, address }) => ({ address_key: keyText(key), address, updated_at: updatedAt })))
      .onConflict((oc) => oc.column('address_key').doNothing());
    // Called with everyone first seen in a burst of sign-ups: on PostgreSQL written in the same database transaction as
    // sign-ups waiting with it, so it costs no round trip or commit of its own.
    await writeRidingAlong(insert, this.ridingWith, 'addresses:first seen');
  }

  async find(key: AddressKey): Promise<string | undefined> {
    const row = await this.db.selectFrom('addresses').select('address').where('address_key', '=', keyText(key)).executeTakeFirst();
    return row?.address;
  }
}

function keyText(key: AddressKey): string {
  return key.kind === 'person' ? `person:${key.personId}` : `channel:${key.channelId}`;
}
