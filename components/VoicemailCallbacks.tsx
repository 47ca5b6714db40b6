import type { VoicemailVsCallback } from '@/lib/insights';
import { plural, rateWithCount } from './insight-format';

/** Voicemail length against how often the prospect was reached soon after. */
export function VoicemailCallbacks({ stats }: { stats: VoicemailVsCallback }) {
  return (
    <section aria-labelledby="voicemail-heading" className="insight">
      <h2 id="voicemail-heading">Voicemail length and callbacks</h2>
      <table>
        <caption>Callback rate by voicemail length</caption>
        <thead>
          <tr>
            <th scope="col">Length</th>
            <th scope="col">Voicemails</th>
            <th scope="col">Called back (reached within 7 days)</th>
          </tr>
        </thead>
        <tbody>
          {stats.buckets.map((bucket) => (
            <tr key={bucket.label}>
              <th scope="row">{bucket.label}</th>
              <td>{bucket.voicemails}</td>
              <td>{rateWithCount(bucket.callbackRate, bucket.callbacks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        A voicemail counts as called back when the contact&apos;s next attempt, within 7 days, was a
        call they answered — whoever dialled.
        {stats.withoutLength > 0 &&
          ` ${plural(stats.withoutLength, 'voicemail')} logged without a length (no timer) ${stats.withoutLength === 1 ? 'is' : 'are'} left out.`}
      </p>
    </section>
  );
}
