/** The two lists offers are tagged from; both are configurable per deployment. */
export interface TagCatalogue {
  standards: readonly string[];
  priorities: readonly string[];
}

export const gtcsStandardAreas: readonly string[] = [
  'Professional values and personal commitment',
  'Professional knowledge and understanding',
  'Professional skills and abilities',
];

/** The National Improvement Framework priorities; schools add their own through configuration. */
export const nifPriorities: readonly string[] = [
  'Placing the human rights and needs of every child and young person at the centre of education',
  "Improvement in children and young people's health and wellbeing",
  'Closing the attainment gap between the most and least disadvantaged children and young people',
  'Improvement in skills and sustained, positive school-leaver destinations for all young people',
  'Improvement in attainment, particularly in literacy and numeracy',
];

export const defaultTagCatalogue: TagCatalogue = { standards: gtcsStandardAreas, priorities: nifPriorities };
