/**
 * The renderer's API as a store test sees it: requests answered by `answers` (and recorded in
 * `calls`), events pushed with `emit`. A test installs it with
 *   const api = await vi.hoisted(async () => (await import('../../helpers/fake-api')).fakeApi());
 *   vi.mock('../../../renderer/src/api/binding', () => ({ api: api.binding }));
 */
export function fakeApi() {
  const listeners = new Map<string, ((p: unknown) => void)[]>();
  const answers: Record<string, (payload: unknown) => unknown> = {};
  const calls: { name: string; payload: unknown }[] = [];
  return {
    listeners,
    answers,
    calls,
    emit(name: string, payload: unknown) {
      for (const l of listeners.get(name) ?? []) l(payload);
    },
    binding: {
      async request(name: string, payload: unknown) {
        calls.push({ name, payload });
        const answer = answers[name];
        if (!answer) throw new Error('internal error');
        return answer(payload);
      },
      on(name: string, listener: (p: unknown) => void) {
        listeners.set(name, [...(listeners.get(name) ?? []), listener]);
        return () => undefined;
      },
      onDisconnect: () => () => undefined,
    },
  };
}
