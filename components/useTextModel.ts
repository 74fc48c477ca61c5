/**
 * Loads the learned text model (issue #11) in an extension page and re-renders when it is ready, so a
 * list first analysed by the lexicon alone is analysed again by the model. The model is a separate chunk
 * (lib/text/model/load.ts): it never weighs on a page's initial JS.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadTextModel, textModelStatus, type TextModelStatus } from '@/lib/text/model/load';

export function useTextModel(): TextModelStatus {
  const [status, setStatus] = useState<TextModelStatus>(textModelStatus());
  useEffect(() => {
    let live = true;
    void loadTextModel().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  return status;
}
