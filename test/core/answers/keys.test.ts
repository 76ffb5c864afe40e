import { findCatalog } from '../../../src/core/catalog/registry';
import { normalizeAnswers } from '../../../src/core/answers/normalize';

const catalog = findCatalog('infosakkollen-2023-v1')!;

describe('answer keys and certainty on empty answers', () => {
  it('rejects a non-canonical question key such as "01" instead of merging it with "1"', () => {
    const n = normalizeAnswers(catalog, {
      catalog: catalog.id,
      answers: { '1': { selected: ['a'], certainty: 'säker' }, '01': { selected: ['a', 'b', 'c', 'd', 'e'], certainty: 'säker' } },
    });
    expect(n.errors).toEqual([expect.objectContaining({ code: 'unknown-question', question: '01' })]);
    expect(n.byNumber.get(1)!.selected).toEqual(['a']);
  });

  it('reports a bad certainty even when nothing is ticked', () => {
    const n = normalizeAnswers(catalog, { catalog: catalog.id, answers: { '2': { selected: [], certainty: 'kanske' } } });
    expect(n.errors).toEqual([expect.objectContaining({ code: 'bad-certainty', question: 2 })]);
    expect(n.byNumber.get(2)!.state).toBe('error');
  });
});
