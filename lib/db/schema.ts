import Dexie, { type EntityTable } from 'dexie';
import type { Attempt, CallPlan, Contact, Note, RepSettings, Task } from '../model';
import { declareVersions } from './migrations';

/** The rep's answer to "who is this?" for one record or thread: it sticks (schema v6+). */
interface IdentityChoice {
  /** `${site}:${record}`: the adapter's record of the URL, else the snapshot's record id. */
  record: string;
  contactId: string;
  /** When the rep chose (epoch ms). */
  at: number;
}

export type SecondCallDb = Dexie & {
  contacts: EntityTable<Contact, 'id'>;
  notes: EntityTable<Note, 'id'>;
  attempts: EntityTable<Attempt, 'id'>;
  tasks: EntityTable<Task, 'id'>;
  settings: EntityTable<RepSettings, 'id'>;
  plans: EntityTable<CallPlan, 'contactId'>;
  identityChoices: EntityTable<IdentityChoice, 'record'>;
};

export const DB_NAME = 'second-call';

export function openDb(name = DB_NAME): SecondCallDb {
  // Strict durability: a logged outcome is on disk before the click is acknowledged.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SecondCallDb;
  declareVersions(db);
  return db;
}

let shared: SecondCallDb | undefined;

/** The one database every page of the extension shares. */
export function database(): SecondCallDb {
  shared ??= openDb();
  return shared;
}

/** Tests start each case on a fresh database. */
export function resetDatabaseForTests(): void {
  shared?.close();
  shared = undefined;
}
