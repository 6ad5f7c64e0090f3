import template from './myHoursCard.json';
import { MyHours } from '../../../app/attendance/myHours';
import { hoursText } from './hoursText';
import { instantText } from './format';
import { AdaptiveCardJson, renderTemplate } from './render';

export interface MyHoursCardData {
  yearLabel: string;
  progressText: string;
  progressColor: 'Good' | 'Default';
  sessions: Array<{ when: string; value: string }>;
}

export function myHoursCardData(hours: MyHours): MyHoursCardData {
  const { progress } = hours;
  return {
    yearLabel: hours.yearLabel,
    progressText: `${progress.hours} of ${progress.targetHours} hours (${progress.percent}%)`,
    progressColor: progress.percent >= 100 ? 'Good' : 'Default',
    sessions: [
      ...hours.sessions.map(({ offer, record }) => ({ when: instantText(offer.startsAt, offer.timeZone), value: `${offer.title} · ${hoursText(record.minutes)}` })),
      ...hours.observations.map(({ observation, minutes }) => ({ when: instantText(observation.startsAt, observation.timeZone), value: `Peer observation: ${observation.focus.label} · ${hoursText(minutes)}` })),
    ],
  };
}

export function renderMyHoursCard(data: MyHoursCardData): AdaptiveCardJson {
  return renderTemplate(template, data);
}
