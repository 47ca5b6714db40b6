import {
  SOMETHING_NEW_KINDS,
  type CallPlan as Plan,
  type Note,
  type SomethingNewKind,
} from '@/lib/model';
import type { CallCoach } from '@/lib/coach/call-coach';
import { usePlanDraft } from '@/lib/stores/plan-draft';
import { activePick, referenceAfterUnpick } from '@/lib/coach/reference-match';
import { secondsToSay, wordCount } from '@/lib/coach/text';
import { BestTimeBadge } from './BestTimeBadge';
import { Checklist } from './Checklist';
import { FoldableSection } from './FoldableSection';
import { GrowingTextarea } from './GrowingTextarea';
import { ReferencePicker } from './ReferencePicker';
import { ScriptCard } from './ScriptCard';
import { SuggestedAsk } from './SuggestedAsk';
import { WriteError } from './WriteError';
import { TEXT_LIMITS } from '@/lib/model/limits';

/** The rep's plan for the next call, checked by the coach as it is typed. */
export function CallPlan({
  plan,
  notes,
  view,
}: {
  plan: Plan;
  notes: readonly Note[];
  view: CallCoach;
}) {
  const saveError = usePlanDraft((s) => s.saveError);
  const update = usePlanDraft((s) => s.update);
  const openerWords = wordCount(plan.opener);
  // A pick counts only while the reference text still points at the note.
  const picked = activePick(plan, notes);

  return (
    <FoldableSection
      part="plan"
      title="Call plan"
      className="call-plan"
      headingId="plan-heading"
      aside={<BestTimeBadge verdict={view.bestTime} />}
    >
      <label className="field">
        Goal of this call
        <GrowingTextarea
          maxLength={TEXT_LIMITS.plan}
          value={plan.goal}
          placeholder="One goal, e.g. book a 15-minute walk-through"
          onChange={(e) => update({ goal: e.target.value })}
        />
      </label>
      <fieldset>
        <legend>Specific reference</legend>
        <ReferencePicker
          notes={notes}
          pickedId={picked?.id}
          onPick={(note) => update({ referenceNoteId: note.id, reference: note.text })}
          onUnpick={() => update(referenceAfterUnpick(plan, notes))}
        />
        {picked && (
          <button
            type="button"
            className="link"
            onClick={() => update(referenceAfterUnpick(plan, notes))}
          >
            Un-pick note
          </button>
        )}
        <label className="field">
          Reference
          <textarea
            maxLength={TEXT_LIMITS.plan}
            value={plan.reference}
            placeholder="Something they said: a pain, a number, a deadline"
            onChange={(e) => update({ reference: e.target.value })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Something new</legend>
        <label className="field">
          Kind of new value
          <select
            value={plan.newValueKind ?? ''}
            onChange={(e) =>
              update({
                newValueKind: (e.target.value || undefined) as SomethingNewKind | undefined,
              })
            }
          >
            <option value="">Choose…</option>
            {SOMETHING_NEW_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          New value
          <textarea
            maxLength={TEXT_LIMITS.plan}
            value={plan.newValue}
            placeholder="A case study, an answer to their question, an insight, a proposal"
            onChange={(e) => update({ newValue: e.target.value })}
          />
        </label>
      </fieldset>
      <label className="field">
        Ask
        <GrowingTextarea
          maxLength={TEXT_LIMITS.plan}
          value={plan.ask}
          placeholder="A day, a time and a length"
          onChange={(e) => update({ ask: e.target.value })}
        />
      </label>
      <SuggestedAsk
        ask={view.ask}
        zoneNote={view.zoneNote}
        onUse={(text) => update({ ask: text })}
      />
      <label className="field">
        Opener
        <textarea
          maxLength={TEXT_LIMITS.plan}
          value={plan.opener}
          placeholder="Who you are, what they said, why you call — under 15 seconds"
          onChange={(e) => update({ opener: e.target.value })}
        />
      </label>
      <p className="hint">
        {openerWords} words, about {Math.round(secondsToSay(plan.opener))} s spoken.{' '}
        <button
          type="button"
          className="link"
          onClick={() => update({ opener: view.scripts.opener })}
        >
          Use the script’s opener
        </button>
      </p>
      <Checklist result={view.checklist} />
      <WriteError message={saveError} />
      <ScriptCard situation={view.situation} scripts={view.scripts} />
    </FoldableSection>
  );
}
