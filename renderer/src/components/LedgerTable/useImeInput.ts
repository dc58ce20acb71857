import { useEffect, useRef, useState, type ChangeEvent, type CompositionEvent } from 'react';

/**
 * Props for a text box whose value drives a search or filter: every keystroke is applied at once
 * (no fixed typing delay — the search itself is fast), except while an IME composition is open,
 * when the box shows the pinyin being typed ("chen'si") but the ledger waits for the chosen
 * characters (compositionend).
 */
export function useImeInput(applied: string, apply: (text: string) => void) {
  const [text, setText] = useState(applied);
  const composing = useRef(false);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // A value changed from outside (清除全部筛选) replaces what the box shows.
  useEffect(() => {
    if (!composing.current) setText(applied);
  }, [applied]);

  return {
    value: text,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setText(e.target.value);
      // A clear button click has no composition; neither has ordinary typing.
      if (!composing.current || (e.nativeEvent as InputEvent).isComposing === false) {
        composing.current = false;
        applyRef.current(e.target.value);
      }
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: CompositionEvent<HTMLInputElement>) => {
      composing.current = false;
      applyRef.current(e.currentTarget.value);
    },
  };
}
