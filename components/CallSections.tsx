import { useDeferredValue, useEffect, useMemo, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Attempt, Contact, Note, Task } from '@/lib/model';
import { hasShowableDates } from '@/lib/model/showable-dates';
import { coachCall } from '@/lib/coach/call-coach';
import { pivotAdvice } from '@/lib/coach/cadence';
import { browserZone, useNow } from '@/lib/hooks/now';
import { useContactRecords, useRepSettings } from '@/lib/hooks/contact-records';
import { useBestTimesModel } from '@/lib/hooks/insights-data';
import { usePlanDraft } from '@/lib/stores/plan-draft';
import { useTabCall } from '@/lib/hooks/tab-call';
import { useVoicemailTimer } from '@/lib/hooks/voicemail-timer';
import { CallHistory } from './CallHistory';
import { CallPrompt } from './CallPrompt';
import { CallPlan } from './CallPlan';
import { NextFollowUp } from './NextFollowUp';
import { OutcomeBar } from './OutcomeBar';
import { PivotPrompt } from './PivotPrompt';
import { RepDetailsHint } from './RepDetailsHint';
import { VoicemailTimer } from './VoicemailTimer';
import { PartBoundary } from './PartBoundary';
import { possessive } from './part-names';

/** The call itself: the plan, the voicemail, what comes next and the outcome (last, its
 *  buttons pinned to the bottom of the panel). During a call (the dialer's, or a voicemail
 *  timer however started) the call prompt and the voicemail go to `duringCall`, the top of
 *  the panel. Loaded after the contact and their notes show (ContactView), with the coach. */
export default function CallSections({
  contact,
  tabId,
  duringCall,
}: {
  contact: Contact;
  tabId: number | undefined;
  /** Where the call in progress is shown: the top of the panel. */
  duringCall: HTMLElement | null;
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
  const call = useTabCall(tabId);
  const timer = useVoicemailTimer(tabId);
  const onCall = call?.state === 'ringing' || call?.state === 'active' || timer !== undefined;
  const onTop = (children: ReactNode) =>
    duringCall ? createPortal(children, duringCall) : children;
  const ready = records && rep !== undefined && plan?.contactId === contact.id;
  // The coach and the outcome buttons reckon only with records a clock can show: one with a
  // date out of range shows its failure in the part that lists it (history, next follow-up),
  // with the way to remove it, instead of taking the plan and the buttons down too.
  const showable = useMemo(() => records && showableOf(records), [records]);
  // The coach reads the records a render later than History: a click's own frame shows the
  // attempt, the advice follows (a deferred value, so the click never waits for the coach).
  const coached = useDeferredValue(showable);
  const view = useMemo(
    () =>
      ready && coached
        ? coachCall({
            contact,
            notes: coached.notes,
            attempts: coached.attempts,
            tasks: coached.openTasks,
            plan,
            rep: rep ?? undefined,
            now,
            repZone,
            bestTimes,
          })
        : undefined,
    [ready, coached, contact, plan, rep, now, repZone, bestTimes],
  );

  const whose = possessive(contact.name);
  const part = (what: string, children: ReactNode) => (
    <PartBoundary what={what} contactId={contact.id}>
      {children}
    </PartBoundary>
  );
  const voicemail = view
    ? part(
        'the voicemail timer and script',
        <VoicemailTimer
          tabId={tabId}
          script={view.scripts.voicemail}
          tryAgain={view.tryAgain}
          repZone={repZone}
        />,
      )
    : null;

  return (
    <>
      {rep === null && <RepDetailsHint />}
      {!ready || !showable || !view ? (
        <p className="loading">Loading plan…</p>
      ) : (
        <>
          {/* Rendered with the outcome buttons, which it focuses when a call ends. */}
          {onTop(part('the call in progress', <CallPrompt tabId={tabId} name={contact.name} />))}
          {part(`${whose} call plan`, <CallPlan plan={plan} notes={showable.notes} view={view} />)}
          {onCall ? onTop(voicemail) : voicemail}
          {part(
            `the advice on reaching ${contact.name} another way`,
            <PivotPrompt
              contact={contact}
              advice={pivotAdvice(showable.attempts, now)}
              repZone={repZone}
            />,
          )}
          {part(
            `${whose} next follow-up`,
            <NextFollowUp
              task={records.openTasks[0]}
              repZone={repZone}
              theirZone={view.zone.source === 'rep' ? undefined : view.prospectZone}
            />,
          )}
          {part(
            `${whose} call history`,
            <CallHistory attempts={records.attempts} repZone={repZone} />,
          )}
          {part(
            `the outcome buttons for ${contact.name}`,
            <OutcomeBar
              contact={contact}
              tabId={tabId}
              notes={showable.notes}
              attempts={showable.attempts}
              repZone={repZone}
              tryAgainAt={view.tryAgain.channel === 'call' ? view.tryAgain.at : undefined}
              suggestedAt={view.ask.slots[0].at}
              nextTask={showable.openTasks.find((task) => task.kind !== 'meeting')}
              openTasks={showable.openTasks}
            />,
          )}
        </>
      )}
    </>
  );
}

function showableOf(records: { notes: Note[]; attempts: Attempt[]; openTasks: Task[] }) {
  return {
    notes: records.notes.filter((n) => hasShowableDates('notes', n)),
    attempts: records.attempts.filter((a) => hasShowableDates('attempts', a)),
    openTasks: records.openTasks.filter((t) => hasShowableDates('tasks', t)),
  };
}
