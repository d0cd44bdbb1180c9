import { describe, expect, it } from 'vitest';
import { EVENTS, REQUESTS } from '../../shared/api/contract';
import { EVENT_NAMES, REQUEST_NAMES } from '../../shared/api/names';

describe('the API contract', () => {
  it('lists exactly the same request and event names the preload exposes', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...REQUEST_NAMES].sort());
    expect(Object.keys(EVENTS).sort()).toEqual([...EVENT_NAMES].sort());
  });
});
