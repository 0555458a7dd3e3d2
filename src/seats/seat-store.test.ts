import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeEachBackend } from '../db/test-backends.ts';
import { addSeat, getSeat, listSeats, seatIdFromName, validateSeatInput } from './seat-store.ts';

const ws = 'default';

describeEachBackend('seat store', (getStore) => {
  it('adds a paid and a free seat and reads them back with every field', async () => {
    const store = getStore();
    const lite = await addSeat(store, ws, {
      name: 'Alice Recruiter',
      plan: 'recruiter-lite',
      timeZone: 'Europe/London',
      employers: ['Acme'],
      schools: ['UCL'],
      workingHours: { start: '08:30', end: '17:00', days: [1, 2, 3, 4] },
    }, '2026-01-01T00:00:00.000Z');
    const free = await addSeat(store, ws, { name: 'Bob Free', timeZone: 'America/New_York', weeklyInviteCap: 80 }, '2026-01-02T00:00:00.000Z');

    expect(lite).toMatchObject({ id: 'alice-recruiter', plan: 'recruiter-lite', paid: true, timeZone: 'Europe/London', weeklyInviteCap: 100 });
    expect(free).toMatchObject({ id: 'bob-free', plan: null, paid: false, timeZone: 'America/New_York', weeklyInviteCap: 80, contractId: null });

    expect(await getSeat(store, ws, 'alice-recruiter')).toEqual(lite);
    expect(await getSeat(store, ws, 'bob-free')).toEqual(free);
    const all = await listSeats(store, ws);
    expect(all.map((s) => s.id)).toEqual(['alice-recruiter', 'bob-free']);
    expect(all[0].workingHours).toEqual({ start: '08:30', end: '17:00', days: [1, 2, 3, 4] });
    expect(all[0].employers).toEqual(['Acme']);
  });

  it('derives a free id from the name when it is taken, and refuses a taken explicit id', async () => {
    const store = getStore();
    const a = await addSeat(store, ws, { name: 'Same Name' });
    const b = await addSeat(store, ws, { name: 'Same Name' });
    expect(a.id).toBe('same-name');
    expect(b.id).toBe('same-name-2');
    await expect(addSeat(store, ws, { id: 'same-name', name: 'Other' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('reports an unknown seat as not_found and a bad time zone as invalid_input', async () => {
    const store = getStore();
    await expect(getSeat(store, ws, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    await expect(addSeat(store, ws, { name: 'X', timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(addSeat(store, ws, { name: '' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('keeps seats of other workspaces apart', async () => {
    const store = getStore();
    await store.db.insertInto('workspaces').values({ id: 'other', name: 'Other', settings: '{}', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    await addSeat(store, 'other', { name: 'Elsewhere' });
    expect((await listSeats(store, ws)).some((s) => s.id === 'elsewhere')).toBe(false);
    expect((await listSeats(store, 'other')).map((s) => s.id)).toEqual(['elsewhere']);
    await expect(getSeat(store, ws, 'elsewhere')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('seat input rules', () => {
  it('a plan implies a paid seat; no plan keeps what was said', () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom('recruiter-lite', 'premium-career', 'sales-navigator-core'), { nil: null }), fc.boolean(), (plan, paid) => {
        const s = validateSeatInput({ name: 'S', plan, paid });
        expect(s.paid).toBe(plan !== null || paid);
      }),
    );
  });

  it('rejects working hours that end before they start', () => {
    expect(() => validateSeatInput({ name: 'S', workingHours: { start: '18:00', end: '09:00' } })).toThrow(/working hours/);
  });

  it('derives ids that are always valid seat ids', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        expect(seatIdFromName(name)).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
      }),
    );
  });
});
