import { todayInShanghai } from '../i18n';

/** For a date picker's disabled-date: no day after today (in the city's calendar) is offered. */
export function afterToday(day: Date): boolean {
  const local = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return local > todayInShanghai();
}
