/** A session's day and times, in the offer's own time zone (not the reader's), as the offer card shows them. */
export function when(startsAt: string, endsAt: string, timeZone: string): string {
  const day = new Date(startsAt).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone });
  const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  return `${day}, ${time(startsAt)}–${time(endsAt)}`;
}

export function day(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
}

export function standingText(standing: string): string {
  if (standing === 'confirmed') return 'Place confirmed';
  if (standing === 'awaiting_approval') return "Place held, awaiting your school's approval";
  if (standing.startsWith('waitlisted:')) return `Waitlist, number ${standing.split(':')[1]}`;
  return standing;
}
