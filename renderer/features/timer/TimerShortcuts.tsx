import { useEffect, useRef } from 'react';
import { getPlatform } from '../../platform';
import { useTimerActions } from './useTimerActions';

/** Alt+P pauses or resumes, Alt+S stops, from any screen; the tray menu does the same. */
export function TimerShortcuts() {
  const timer = useTimerActions();
  const ref = useRef(timer);
  useEffect(() => {
    ref.current = timer;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      if (key === 'p') {
        event.preventDefault();
        void ref.current.toggle();
      } else if (key === 's') {
        event.preventDefault();
        void ref.current.stop();
      }
    };
    window.addEventListener('keydown', onKey);
    const offTray = getPlatform().onTrayCommand((command) => {
      if (command === 'pause-timer' || command === 'resume-timer') void ref.current.toggle();
      if (command === 'stop-timer') void ref.current.stop();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offTray();
    };
  }, []);
  return null;
}
