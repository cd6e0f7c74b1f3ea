/** What a form or an action says once it ran: a confirmation (read politely) or an error (at once). */
export type FormMessage = { kind: 'ok' | 'error'; text: string };

export function FormStatus({ message, as: Element = 'span' }: { message: FormMessage | null; as?: 'span' | 'p' }) {
  if (!message) return null;
  return (
    <Element
      className={message.kind === 'ok' ? 'notice notice-ok' : 'form-error'}
      role={message.kind === 'ok' ? 'status' : 'alert'}
    >
      {message.text}
    </Element>
  );
}
