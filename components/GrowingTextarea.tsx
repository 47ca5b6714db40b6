import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

/** A one-sentence field that shows all of its text: it starts one line tall and grows with
 *  what is typed or suggested, so a long ask is never cut off in a narrow panel. Enter adds no
 *  line break (the text is one sentence). */
export function GrowingTextarea(
  props: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'rows'> & { value: string },
) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = () => {
      box.style.height = 'auto';
      // The border is outside scrollHeight; without it the last line would scroll.
      const border = box.offsetHeight - box.clientHeight;
      if (box.scrollHeight > 0) box.style.height = `${box.scrollHeight + border}px`;
    };
    fit();
    // A narrower panel wraps the text onto more lines.
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [props.value]);
  return (
    <textarea
      {...props}
      ref={ref}
      rows={1}
      className={`growing ${props.className ?? ''}`.trim()}
      onKeyDown={(e) => {
        // Not while an input method composes: there Enter confirms the word.
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) e.preventDefault();
        props.onKeyDown?.(e);
      }}
    />
  );
}
