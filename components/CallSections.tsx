import { useEffect } from 'react';
import type { Contact } from '@/lib/model';
import { coachCall } from '@/lib/coach/call-coach';
import { pivotAdvice } from '@/lib/coach/cadence';
import { browserZone, useNow } from '@/lib/stores/now';
import { useContactRecords, useRepSettings } from '@/lib/stores/contact-records';
import { useBestTimesModel } from '@/lib/stores/insights-data';
import { usePlanDraft } from '@/lib/stores/plan-draft';
import { CallHistory } from './CallHistory';
import { CallPrompt } from './CallPrompt';
import { CallPlan } from './CallPlan';
import { NextFollowUp } from './NextFollowUp';
import { OutcomeBar } from './OutcomeBar';
import { PivotPrompt } from './PivotPrompt';
import { RepDetailsHint } from './RepDetailsHint';
import { VoicemailTimer } from './VoicemailTimer';

/** The call itself, below the notes: the plan, the voicemail, the outcome and what comes
 *  next. Loaded after the contact and their notes show (ContactView), with the coach. */
export default function CallSections({
  contact,
  tabId,
}: {
  contact: Contact;
  tabId: number | undefined;
}) {
  const records = useContactRecords(contact.id);
  const rep = useRepSettings();
  const now = useNow();
  const plan = usePlanDraft((s) => s.plan);
  const loadPlan = usePlanDraft((s) => s.load);
  useEffect(() => void loadPlan(contact.id), [contact.id, loadPlan]);

  const repZone = rep?.timeZone || browserZone();
  // The rep's connect rates over all their dials; until loaded, the general advice speaks.
  const bestTimes = useBestTimesModel(repZone);
  const ready = records && rep !== undefined && plan?.contactId === contact.id;
  const view = ready
    ? coachCall({
        contact,
        notes: records.notes,
        attempts: records.attempts,
        tasks: records.openTasks,
        plan,
        rep: rep ?? undefined,
        now,
        repZone,
        bestTimes,
      })
    : undefined;

  return (
    <>
      {rep === null && <RepDetailsHint />}
      {!ready || !view ? (
        <p className="loading">Loading plan…</p>
      ) : (
        <>
          {/* Rendered with the outcome buttons, which it focuses when a call ends. */}
          <CallPrompt tabId={tabId} name={contact.name} />
          <CallPlan plan={plan} notes={records.notes} view={view} />
          <VoicemailTimer tabId={tabId} script={view.scripts.voicemail} />
          <OutcomeBar
            contact={contact}
            tabId={tabId}
            notes={records.notes}
            attempts={records.attempts}
            repZone={repZone}
            tryAgainAt={view.tryAgain.at}
            suggestedAt={view.ask.slots[0].at}
            nextTask={records.openTasks.find((task) => task.kind !== 'meeting')}
            openTasks={records.openTasks}
          />
          <PivotPrompt
            contact={contact}
            advice={pivotAdvice(records.attempts, now)}
            repZone={repZone}
          />
          <NextFollowUp task={records.openTasks[0]} />
          <CallHistory attempts={records.attempts} />
        </>
      )}
    </>
  );
}
