/** The extension's database name, spelled here so the bare floor page need not import the
 *  schema (and its migrations); the harness checks it still equals lib/db/schema's DB_NAME. */
export const BARE_DB_NAME = 'second-call';
