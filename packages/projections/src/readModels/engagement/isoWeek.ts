/**
 * The ISO 8601 week of a UTC instant or date, `2026-W10`: weeks start on Monday and week 1 holds
 * the year's first Thursday, so the last days of December can belong to week 1 of the next year.
 */
export const isoWeekOf = (instant: string): string => {
  const date = new Date(Date.parse(instant));
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  // The Thursday of this week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year.toString()}-W${week.toString().padStart(2, '0')}`;
};
