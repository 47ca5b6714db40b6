/** Three people of one company on its switchboard, and Dana again from another list (no
 *  record id) with her mobile: 3 contacts, one merge by email. */
export const SWITCHBOARD_CSV = [
  'Record ID,First Name,Last Name,Email,Phone Number',
  '101,Dana,Kim,dana@acme.example,+1 415 555 0100',
  '102,Eli,Park,eli@acme.example,+1 415 555 0100',
  '103,Fay,Ruiz,fay@acme.example,+1 415 555 0100',
  ',Dana,Kim,dana@acme.example,+1 415 555 0199',
].join('\r\n');
