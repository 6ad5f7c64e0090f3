/** A person's calendar feed secret (see migrations/0006_calendar_feeds.ts). */
export interface CalendarFeedRow {
  person_id: string;
  token: string;
  created_at: string;
}
