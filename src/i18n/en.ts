import type { Messages } from './index';

/** English texts (second locale). Keys must match sv.ts (a test checks parity). */
export const en: Messages = {
  issue: {
    'unknown-question': 'Question {question} is not in the catalog.',
    'bad-shape': 'Question {question}: the answer has the wrong shape – expected {"selected": [...], "certainty": "säker"/"osäker"}.',
    'unknown-option': 'Question {question}: answer option "{option}" does not exist (valid: {valid}).',
    'exclusive-with-scoring': 'Question {question}: "{option}" cannot be combined with scoring options ({options}).',
    'several-exclusive': 'Question {question}: at most one of the options y, u and n may be ticked ({options}).',
    'non-adjacent-bands': 'Question {question}: several bands may only be ticked when they are adjacent ({options}).',
    'bad-certainty': 'Question {question}: the assessment "{value}" must be Säker (certain) or Osäker (uncertain).',
    'missing-certainty': 'Question {question}: Säker/Osäker is missing – counted as uncertain.',
    'certain-without-evidence': 'Question {question}: assessed as certain but no evidence (link or document) is given.',
    'bad-validation-value': 'Validation question {question}: "{value}" must be a whole number 0 or more.',
    'validation-share-over-total': 'Validation question {question}: {part} cannot be larger than {total}.',
    'unknown-validation-question': 'Validation question {question} is not in the catalog.',
    'bad-tick': 'Invalid mark "{value}": type x (or ja, 1, ✓) to tick, leave empty otherwise.',
    'bad-certainty-cell': 'Invalid assessment "{value}": choose Säker or Osäker.',
    'bad-number': 'Invalid value "{value}": expected a whole number 0 or more.',
    'bad-org-type': 'Invalid organisation type "{value}": choose kommun, region, myndighet or annan.',
    'bad-yes-no': 'Invalid value "{value}": choose Ja (yes), Nej (no) or Vet ej (don\'t know).',
    'bad-date': 'Invalid date "{value}": write the date as YYYY-MM-DD.',
    'missing-sheet': 'The sheet "{sheet}" is missing. Insert the questionnaire again or restore the sheet.',
    'missing-row': 'The row for {id} is missing in column {column}. Do not move or delete rows with ids.',
    'duplicate-row': 'Id {id} occurs more than once (also in {other}).',
    'unknown-row': 'Unknown id "{id}" in column {column}: the row does not belong to the catalog.',
    'foreign-workbook': 'The workbook contains no Infosäkkollen questionnaire (the Start sheet with the catalog id is missing).',
    'unknown-catalog': 'The catalog "{catalog}" is unknown. Known catalogs: {known}.',
  },
  where: '{sheet}!{cell}',
  errorPrefix: 'Error',
  warningPrefix: 'Warning',
};
