// Names the coach tests build dates with: date-fns months count from 0, and the zones cover
// several continents and both hemispheres' daylight-saving changes.
export const JAN = 0;
export const FEB = 1;
export const MAR = 2;
export const APR = 3;
export const MAY = 4;
export const JUN = 5;
export const JUL = 6;
export const AUG = 7;
export const SEP = 8;
export const OCT = 9;
export const NOV = 10;
export const DEC = 11;

export const NY = 'America/New_York';
export const LA = 'America/Los_Angeles';
export const LONDON = 'Europe/London';
export const BERLIN = 'Europe/Berlin';
export const KOLKATA = 'Asia/Kolkata';
export const TOKYO = 'Asia/Tokyo';
export const SYDNEY = 'Australia/Sydney';
