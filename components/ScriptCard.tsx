import type { Scripts } from '@/lib/coach/scripts';
import type { Situation } from '@/lib/coach/situation';
import { CopyButton } from './CopyButton';
import { ScriptText } from './ScriptText';

/** What to say: the situation's opener, value line and close, and the lines always at hand. */
export function ScriptCard({ situation, scripts }: { situation: Situation; scripts: Scripts }) {
  const callScript = [scripts.opener, scripts.value, scripts.close].join('\n\n');
  return (
    <section className="script" aria-labelledby="script-heading">
      <div className="row spread">
        <h3 id="script-heading">Script</h3>
        <CopyButton text={callScript} label="Copy script" />
      </div>
      <p className="situation">
        <strong>{situation.label}</strong> — {situation.why}
      </p>
      <ScriptText text={scripts.opener} />
      <ScriptText text={scripts.value} />
      <ScriptText text={scripts.close} />
      <AtHand
        title="Voicemail (under 30 seconds)"
        text={scripts.voicemail}
        copyLabel="Copy voicemail"
      />
      <AtHand title="Gatekeeper" text={scripts.gatekeeper} copyLabel="Copy gatekeeper line" />
      <AtHand title="Brush-off" text={scripts.brushOff} copyLabel="Copy brush-off pivot" />
    </section>
  );
}

function AtHand({ title, text, copyLabel }: { title: string; text: string; copyLabel: string }) {
  return (
    <details className="at-hand">
      <summary>{title}</summary>
      <ScriptText text={text} />
      <CopyButton text={text} label={copyLabel} />
    </details>
  );
}
