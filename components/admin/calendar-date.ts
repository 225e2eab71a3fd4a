// Dates far enough away to need their year ("Feb 20, 2027"), such as expiries months out;
// the short list format leaves the year off and would read as this year.
const calendarDate = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });

export const formatCalendarDate = (date: Date | string) => calendarDate.format(new Date(date));
