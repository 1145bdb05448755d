import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_LENGTH, shortenText, truncateText } from '../../src/util/quote.js';
import { messageProblem, renderMessage } from '../rule-messages.js';

describe('shortenText', () => {
  it('puts source text on one line and keeps short text whole', () => {
    expect(shortenText('conn\n  .rollback()')).toBe('conn .rollback()');
    expect(shortenText('x'.repeat(MAX_QUOTED_LENGTH))).toBe('x'.repeat(MAX_QUOTED_LENGTH));
  });

  it('cuts longer text to the limit, the last character an ellipsis', () => {
    const long = 'error.response.data.errors.primary.code === "QUOTA"';
    expect(shortenText(long)).toBe('error.response.data.errors.primary.code…');
    expect(shortenText(long)).toHaveLength(MAX_QUOTED_LENGTH);
    expect(shortenText('for (let attempt = 0; ; attempt++)', 12)).toBe('for (let at…');
  });
});

describe('truncateText', () => {
  it('cuts without touching whitespace, which matters in a regular expression', () => {
    expect(truncateText('^ignore:  ', 24)).toBe('^ignore:  ');
    expect(truncateText('^(?:ignore|intentional|expected): \\w+', 12)).toBe('^(?:ignore|…');
  });
});

describe('the message check of the rule tests', () => {
  it('fills placeholders as ESLint does, leaving unknown ones as written', () => {
    expect(renderMessage('`{{ name }}` is {{what}}.', { name: 'p' })).toBe('`p` is {{what}}.');
  });

  it('accepts one sentence of at most 160 characters, quoted code aside', () => {
    expect(messageProblem('`e.message` is logged instead of `e`; pass `e` itself too.')).toBeUndefined();
    expect(messageProblem('`a. B` is fine: quoted code may hold a full stop.')).toBeUndefined();
  });

  it('rejects a long message, a second sentence, a missing full stop and an unfilled placeholder', () => {
    expect(messageProblem(`${'x'.repeat(160)}.`)).toBe('161 characters, more than 160');
    expect(messageProblem('This is lost. Do that.')).toBe('more than one sentence');
    expect(messageProblem('No full stop')).toBe('no full stop at the end');
    expect(messageProblem('`{{name}}` is lost.')).toBe('a placeholder is left unfilled');
  });
});
