import { describe, expect, it } from 'vitest';
import { isDeadEndStage, stageMovedForward } from '@/lib/model/stages';

// Stage names as each CRM ships them (default picklists, lifecycle stages and pipelines).
const DEAD_ENDS: readonly [crm: string, stage: string][] = [
  ['HubSpot lead status', 'Unqualified'],
  ['HubSpot deal stage', 'Closed Lost'],
  ['HubSpot deal stage (internal id)', 'closedlost'],
  ['Salesforce lead status', 'Closed - Not Converted'],
  ['Salesforce lead status', 'Unqualified'],
  ['Salesforce opportunity stage', 'Closed Lost'],
  ['Pipedrive deal status', 'Lost'],
  ['Close lead status', 'Bad Fit'],
  ['Close lead status', 'Not Interested'],
  ['Close opportunity status', 'Lost'],
  ['Zoho lead status', 'Junk Lead'],
  ['Zoho lead status', 'Lost Lead'],
  ['Zoho lead status', 'Not Qualified'],
  ['Zoho deal stage', 'Closed (Lost)'],
  ['Zoho deal stage', 'Closed-Lost to Competition'],
  ['custom', 'Disqualified'],
  ['custom', 'DISQUALIFIED!'],
  ['custom', 'Non-qualified'],
  ['custom', 'Churned'],
  ['custom', 'Former customer'],
  ['custom', 'Not a fit'],
  ['custom', 'Poor fit'],
  ['custom', 'not_interested'],
  ['custom', 'Dead'],
  ['custom', 'Junk'],
];

const FORWARD: readonly [crm: string, stage: string][] = [
  ['HubSpot lifecycle stage', 'Subscriber'],
  ['HubSpot lifecycle stage', 'Lead'],
  ['HubSpot lifecycle stage', 'Marketing Qualified Lead'],
  ['HubSpot lifecycle stage', 'Sales Qualified Lead'],
  ['HubSpot lifecycle stage', 'Opportunity'],
  ['HubSpot lifecycle stage', 'Customer'],
  ['HubSpot lifecycle stage', 'Evangelist'],
  ['HubSpot lead status', 'Attempted to contact'],
  ['HubSpot lead status', 'Connected'],
  ['HubSpot lead status', 'Open Deal'],
  ['HubSpot deal stage', 'Appointment Scheduled'],
  ['HubSpot deal stage', 'Qualified To Buy'],
  ['HubSpot deal stage', 'Decision Maker Bought-In'],
  ['HubSpot deal stage', 'Contract Sent'],
  ['HubSpot deal stage', 'Closed Won'],
  ['Salesforce lead status', 'Working - Contacted'],
  ['Salesforce lead status', 'Closed - Converted'],
  ['Salesforce lead status', 'Qualified'],
  ['Salesforce opportunity stage', 'Needs Analysis'],
  ['Salesforce opportunity stage', 'Id. Decision Makers'],
  ['Salesforce opportunity stage', 'Proposal/Price Quote'],
  ['Salesforce opportunity stage', 'Negotiation/Review'],
  ['Salesforce opportunity stage', 'Closed Won'],
  ['Pipedrive deal stage', 'Contact Made'],
  ['Pipedrive deal stage', 'Proposal Made'],
  ['Pipedrive deal stage', 'Negotiations Started'],
  ['Pipedrive deal status', 'Won'],
  ['Close lead status', 'Qualified'],
  ['Close lead status', 'Customer'],
  ['Zoho lead status', 'Pre-Qualified'],
  ['Zoho lead status', 'Contacted'],
  ['Zoho lead status', 'Not Contacted'],
  ['Zoho deal stage', 'Closed Won'],
  ['custom', 'Deadline agreed'],
];

describe('stageMovedForward', () => {
  it.each(DEAD_ENDS)('never counts a move to %s “%s”', (_crm, stage) => {
    expect(isDeadEndStage(stage)).toBe(true);
    expect(stageMovedForward('Potential', stage)).toBe(false);
    expect(stageMovedForward('Qualified', stage)).toBe(false);
  });

  it.each(FORWARD)('counts a move to %s “%s”', (_crm, stage) => {
    expect(isDeadEndStage(stage)).toBe(false);
    expect(stageMovedForward('Potential', stage)).toBe(true);
  });

  it.each([
    ['Customer', 'Opportunity'],
    ['customer', 'salesqualifiedlead'],
    ['Contract Sent', 'Qualified To Buy'],
    ['Negotiation/Review', 'Needs Analysis'],
    ['Working - Contacted', 'Open - Not Contacted'],
    ['Proposal Made', 'Contact Made'],
    ['Customer', 'Potential'],
  ])('does not count a step back, %s → %s', (from, to) => {
    expect(stageMovedForward(from, to)).toBe(false);
    expect(stageMovedForward(to, from)).toBe(true);
  });

  it('counts a move between stages of no known ladder (a team’s own stages)', () => {
    expect(stageMovedForward('Discovery call', 'Customer')).toBe(true);
    expect(stageMovedForward('Customer', 'Renewal talks')).toBe(true);
  });

  it('counts a lost deal reopened into the pipeline', () => {
    expect(stageMovedForward('Closed Lost', 'Qualification')).toBe(true);
  });

  it('sees no move without both stages or when only the spelling changed', () => {
    expect(stageMovedForward(undefined, 'Opportunity')).toBe(false);
    expect(stageMovedForward('Lead', undefined)).toBe(false);
    expect(stageMovedForward('Lead', '')).toBe(false);
    expect(stageMovedForward('Sales Qualified Lead', 'sales-qualified  lead')).toBe(false);
    expect(stageMovedForward('Marketing Qualified Lead', 'marketingqualifiedlead')).toBe(false);
  });
});
