import { decideGroupChange, GroupDefinition, GroupGraph, groupProblems } from '../../bot/domain/schoolGroups';

const group = (id: string, fields: Partial<GroupDefinition> = {}): GroupDefinition => ({ id, name: `Group ${id}`, kind: 'cluster', schools: [], groups: [], leads: [], ...fields });

/** A collaborative of two authorities; one authority has two clusters, and a school sits in two clusters. */
const region = [
  group('ric', { kind: 'collaborative', groups: ['falkirk', 'stirling'], leads: ['ric-lead'] }),
  group('falkirk', { kind: 'authority', groups: ['falkirk-north', 'falkirk-south'], leads: ['fk-lead'] }),
  group('stirling', { kind: 'authority', schools: ['wallace-high'], leads: ['st-lead'] }),
  group('falkirk-north', { schools: ['larbert-high', 'carron-primary', 'shared-primary'], leads: ['north-lead'] }),
  group('falkirk-south', { schools: ['braes-high', 'shared-primary'] }),
];

describe('the group graph', () => {
  const graph = new GroupGraph(region);

  it('expands a group to its schools through nesting, each once, in a stable order', () => {
    expect(graph.schoolsIn('falkirk')).toEqual(['braes-high', 'carron-primary', 'larbert-high', 'shared-primary']);
    expect(graph.schoolsIn('ric')).toEqual(['braes-high', 'carron-primary', 'larbert-high', 'shared-primary', 'wallace-high']);
    expect(graph.schoolsIn('nowhere')).toEqual([]);
  });

  it('a lead of a group leads the groups it contains, never the groups above or beside it', () => {
    expect(graph.isLead('falkirk-south', 'fk-lead')).toBe(true);
    expect(graph.isLead('falkirk-south', 'ric-lead')).toBe(true);
    expect(graph.isLead('falkirk-south', 'north-lead')).toBe(false);
    expect(graph.isLead('falkirk', 'north-lead')).toBe(false);
    expect(graph.isLead('stirling', 'fk-lead')).toBe(false);
    expect(graph.isLead('nowhere', 'ric-lead')).toBe(false);
  });

  it('lists the groups a person leads, those inherited included', () => {
    expect(graph.groupsLedBy('fk-lead').map((g) => g.id)).toEqual(['falkirk', 'falkirk-north', 'falkirk-south']);
    expect(graph.groupsLedBy('north-lead').map((g) => g.id)).toEqual(['falkirk-north']);
    expect(graph.groupsLedBy('nobody')).toEqual([]);
  });

  it('lists the groups a school is in, directly or through nesting', () => {
    expect(graph.groupsOfSchool('shared-primary').map((g) => g.id)).toEqual(['falkirk', 'falkirk-north', 'falkirk-south', 'ric']);
    expect(graph.groupsOfSchool('wallace-high').map((g) => g.id)).toEqual(['ric', 'stirling']);
  });

  it('stops at a loop that reached the database instead of running forever', () => {
    const looped = new GroupGraph([group('a', { groups: ['b'], schools: ['s1'], leads: ['x'] }), group('b', { groups: ['a'], schools: ['s2'] })]);
    expect(looped.schoolsIn('a')).toEqual(['s1', 's2']);
    expect(looped.isLead('b', 'x')).toBe(true);
  });
});

describe('checking a definition', () => {
  it('accepts a well-formed region', () => {
    expect(groupProblems(region)).toEqual([]);
  });

  it('lists every problem at once, each naming its group', () => {
    const problems = groupProblems([
      group('ric', { groups: ['falkirk', 'ghost'], leads: ['ailsa@school.org'] }),
      group('falkirk', { name: '  ', groups: ['ric'] }),
      group('Bad Id'),
      group('dup', { schools: ['s1', 's1'] }),
      group('dup'),
      group('self', { groups: ['self'] }),
    ]);
    expect(problems).toEqual([
      expect.stringContaining('group "ric": the lead "ailsa@school.org" is not a person\'s id'),
      'group "falkirk": the name is empty.',
      expect.stringContaining('group "Bad Id": the id must be'),
      'group "dup": the school "s1" is listed more than once.',
      'group "dup": the id is used by more than one group.',
      'group "ric": contains the group "ghost", which is not defined.',
      'group "self": contains itself.',
      'groups contain one another in a cycle: falkirk → ric → falkirk.',
    ]);
  });

  it('finds a longer cycle once, however it is entered', () => {
    const problems = groupProblems([group('c', { groups: ['a'] }), group('a', { groups: ['b'] }), group('b', { groups: ['c'] }), group('top', { groups: ['a'] })]);
    expect(problems).toEqual(['groups contain one another in a cycle: a → b → c → a.']);
  });
});

describe('a lead changing a group', () => {
  const graph = new GroupGraph(region);

  it('a lead of the group, or of a group containing it, may add and remove schools and leads', () => {
    expect(decideGroupChange(graph, 'falkirk-south', 'fk-lead', { kind: 'add_school', schoolId: 'grange-primary' })).toEqual({
      outcome: 'changed',
      group: expect.objectContaining({ schools: ['braes-high', 'shared-primary', 'grange-primary'] }),
    });
    expect(decideGroupChange(graph, 'falkirk-north', 'north-lead', { kind: 'add_lead', personId: 'deputy' })).toMatchObject({ outcome: 'changed', group: { leads: ['north-lead', 'deputy'] } });
    expect(decideGroupChange(graph, 'falkirk-north', 'ric-lead', { kind: 'remove_school', schoolId: 'carron-primary' })).toMatchObject({
      outcome: 'changed',
      group: { schools: ['larbert-high', 'shared-primary'] },
    });
  });

  it('refuses anyone else, and says when a group does not exist', () => {
    expect(decideGroupChange(graph, 'falkirk-south', 'north-lead', { kind: 'add_school', schoolId: 'x' })).toEqual({ outcome: 'refused', reason: 'not_group_lead' });
    expect(decideGroupChange(graph, 'stirling', 'fk-lead', { kind: 'add_lead', personId: 'fk-lead' })).toEqual({ outcome: 'refused', reason: 'not_group_lead' });
    expect(decideGroupChange(graph, 'nowhere', 'ric-lead', { kind: 'add_school', schoolId: 'x' })).toEqual({ outcome: 'refused', reason: 'group_not_found' });
  });

  it('changes nothing when the group is already so', () => {
    expect(decideGroupChange(graph, 'falkirk-north', 'north-lead', { kind: 'add_school', schoolId: 'larbert-high' })).toMatchObject({ outcome: 'unchanged' });
    expect(decideGroupChange(graph, 'falkirk-north', 'north-lead', { kind: 'remove_lead', personId: 'fk-lead' })).toMatchObject({ outcome: 'unchanged' });
  });

  it('keeps at least one person able to lead the group', () => {
    const alone = new GroupGraph([group('solo', { leads: ['only'] })]);
    expect(decideGroupChange(alone, 'solo', 'only', { kind: 'remove_lead', personId: 'only' })).toEqual({ outcome: 'refused', reason: 'group_needs_a_lead' });
    // The authority's lead still leads the cluster when its own lead steps down.
    expect(decideGroupChange(graph, 'falkirk-north', 'north-lead', { kind: 'remove_lead', personId: 'north-lead' })).toMatchObject({ outcome: 'changed', group: { leads: [] } });
  });
});
