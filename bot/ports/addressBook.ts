/**
 * Where the bot can reach a person or a channel later, on its own initiative. The address is opaque to the core
 * (for Teams it is a serialised conversation reference); only the messaging adapter reads it.
 */
export interface AddressBook {
  save(key: AddressKey, address: string): Promise<void>;
  /** Keeps an address only where none is known yet (a better one, from a 1:1 chat, is never replaced). */
  saveIfAbsent(key: AddressKey, address: string): Promise<void>;
  /** Several at once, in one write; for a key listed twice the first address is kept. */
  saveAllIfAbsent(entries: ReadonlyArray<{ key: AddressKey; address: string }>): Promise<void>;
  find(key: AddressKey): Promise<string | undefined>;
}

export type AddressKey = { kind: 'person'; personId: string } | { kind: 'channel'; channelId: string };
