import { describe, expect, it } from 'vitest';
import { createCalendar, dayHours, holidayName, isWorkableDay, isWorkingDay } from './index';
import { frenchRegions, publicHolidays } from './holidays';

const france = createCalendar();
const moselle = createCalendar({ region: '57' });

describe('jours ouvrés and jours ouvrables', () => {
  it.each([
    ['2026-11-27', 'a Friday', true, true],
    ['2026-11-28', 'a Saturday', false, true],
    ['2026-11-29', 'a Sunday', false, false],
    ['2026-01-01', 'Nouvel An', false, false],
    ['2026-04-06', 'Lundi de Pâques', false, false],
    ['2026-05-01', 'Fête du travail', false, false],
    ['2026-05-08', 'Victoire 1945', false, false],
    ['2026-05-14', 'Ascension', false, false],
    ['2026-05-25', 'Lundi de Pentecôte', false, false],
    ['2026-07-14', 'Fête nationale', false, false],
    ['2026-08-15', 'Assomption, a Saturday', false, false],
    ['2026-11-11', 'Armistice', false, false],
    ['2026-12-25', 'Noël', false, false],
    ['2026-04-03', 'Vendredi saint, worked outside Alsace-Moselle', true, true],
    ['2026-12-26', 'the 26 December, a Saturday outside Alsace-Moselle', false, true],
  ])('classifies %s (%s) in mainland France', (day, _label, working, workable) => {
    expect(isWorkingDay(france, day)).toBe(working);
    expect(isWorkableDay(france, day)).toBe(workable);
  });

  it.each(['57', '67', '68'])('closes Vendredi saint and 26 December in département %s', (region) => {
    const calendar = createCalendar({ region });
    expect(isWorkingDay(calendar, '2026-04-03')).toBe(false);
    expect(isWorkableDay(calendar, '2026-12-26')).toBe(false);
    expect(isWorkingDay(calendar, '2025-12-26')).toBe(false); // a Friday in 2025
    expect(isWorkingDay(france, '2025-12-26')).toBe(true);
  });

  it('does not count Pentecost Sunday or Mother’s Day, which date-holidays lists as observances', () => {
    expect([...publicHolidays(2026, undefined).keys()]).not.toContain('2026-05-24');
    expect([...publicHolidays(2026, undefined).keys()]).not.toContain('2026-05-31');
    expect(publicHolidays(2026, undefined).size).toBe(11);
    expect(publicHolidays(2026, '57').size).toBe(13);
  });

  it('keeps holidays as Paris days, not as the UTC day before', () => {
    expect(holidayName(france, '2026-12-25')).toBe('Noël');
    expect(holidayName(france, '2026-12-24')).toBeUndefined();
    expect(holidayName(moselle, '2026-04-03')).toBe('Vendredi saint');
  });

  it('works a holiday listed in workedHolidays (journée de solidarité)', () => {
    const calendar = createCalendar({ workedHolidays: ['2026-05-25'] });
    expect(isWorkingDay(calendar, '2026-05-25')).toBe(true);
    expect(holidayName(calendar, '2026-05-25')).toBe('Lundi de Pentecôte');
  });

  it('closes the extra closed dates of a contract, on both kinds of day', () => {
    const calendar = createCalendar({ closedDates: ['2026-11-27', '2026-11-28'] });
    expect(isWorkingDay(calendar, '2026-11-27')).toBe(false);
    expect(isWorkableDay(calendar, '2026-11-28')).toBe(false);
  });

  it('keeps a day closed when it is both a closed date and a worked holiday', () => {
    const calendar = createCalendar({ closedDates: ['2026-05-25'], workedHolidays: ['2026-05-25'] });
    expect(isWorkingDay(calendar, '2026-05-25')).toBe(false);
  });

  it('does not make a Saturday holiday a working day when it is worked', () => {
    const calendar = createCalendar({ workedHolidays: ['2026-08-15'] });
    expect(isWorkingDay(calendar, '2026-08-15')).toBe(false);
    expect(isWorkableDay(calendar, '2026-08-15')).toBe(true);
  });

  it('uses the holidays of the year of each day, across year ends', () => {
    expect(isWorkingDay(france, '2027-01-01')).toBe(false);
    expect(isWorkingDay(france, '2027-05-06')).toBe(false); // Ascension 2027
    expect(isWorkingDay(france, '2026-12-31')).toBe(true);
  });
});

describe('opening hours', () => {
  it('gives heures ouvrées on a jour ouvré and none on a Saturday', () => {
    expect(dayHours(france, '2026-11-27')).toEqual([
      { from: '08:30', to: '12:00' },
      { from: '14:00', to: '18:00' },
    ]);
    expect(dayHours(france, '2026-11-28')).toEqual([]);
  });

  it('gives heures ouvrables 08:30–18:00 on a Saturday and none on a holiday', () => {
    expect(dayHours(france, '2026-11-28', 'ouvrables')).toEqual([{ from: '08:30', to: '18:00' }]);
    expect(dayHours(france, '2026-07-14', 'ouvrables')).toEqual([]);
  });
});

describe('calendar options', () => {
  it('accepts a region written in lower case or as an ISO subdivision', () => {
    expect(createCalendar({ region: 'fr-67' }).region).toBe('67');
    expect(createCalendar({ region: ' re ' }).region).toBe('RE');
    expect(createCalendar({ region: '' }).region).toBeUndefined();
  });

  it('lists the regions date-holidays knows for France', () => {
    expect(Object.keys(frenchRegions())).toEqual(expect.arrayContaining(['57', '67', '68']));
  });

  it.each([
    [{ region: '99' }, /^region: unknown French region "99"/],
    [{ region: 'Alsace' }, /^region: unknown French region/],
    [{ timeZone: 'Europe/Pariss' }, /^timeZone: unknown time zone "Europe\/Pariss"/],
    [{ closedDates: ['2026-01-02', '2026-02-30'] }, /^closedDates\[1\]: no such day "2026-02-30"/],
    [{ workedHolidays: ['25/05/2026'] }, /^workedHolidays\[0\]: expected a day "YYYY-MM-DD"/],
  ])('refuses %o with an error naming the option', (options, message) => {
    expect(() => createCalendar(options)).toThrow(RangeError);
    expect(() => createCalendar(options)).toThrow(message);
  });

  it('names the day argument when it is not a day', () => {
    expect(() => isWorkingDay(france, '2026-13-01')).toThrow(/^day: expected a day|^day: no such day/);
    expect(() => isWorkingDay(france, 20261127 as unknown as string)).toThrow(TypeError);
  });

  it('refuses an object that was not made by createCalendar', () => {
    const fake = {
      timeZone: 'Europe/Paris',
      region: undefined,
      closedDates: new Set<string>(),
      workedHolidays: new Set<string>(),
    };
    expect(() => isWorkingDay(fake, '2026-11-27')).toThrow(/calendar: expected a calendar made by createCalendar/);
  });
});
