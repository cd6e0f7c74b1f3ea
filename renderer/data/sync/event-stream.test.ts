import { describe, expect, it } from 'vitest';
import { createSseParser } from './event-stream';

describe('SSE parsing', () => {
  it('yields each event once complete, across chunk boundaries, skipping heartbeats', () => {
    const events: string[] = [];
    const parse = createSseParser((data) => events.push(data));
    parse('data: "RESYNC"\n\n: heartbeat\n\ndata: {"collection":"ti');
    expect(events).toEqual(['"RESYNC"']);
    parse('ckets"}\r\n\r\n');
    expect(events).toEqual(['"RESYNC"', '{"collection":"tickets"}']);
  });

  it('joins multi-line data', () => {
    const events: string[] = [];
    createSseParser((d) => events.push(d))('data: a\ndata: b\n\n');
    expect(events).toEqual(['a\nb']);
  });
});
