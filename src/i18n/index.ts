import { sv } from './sv';
import { en } from './en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof sv>;
export type Locale = 'sv' | 'en';
export type IssueKey = keyof Messages['issue'];

export const messages: Record<Locale, Messages> = { sv, en };

export function fill(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** An issue (from the core or the workbook reader) worded for people, with its place when it has one. */
export interface Wordable {
  readonly code: string;
  readonly question?: number | string;
  /** Set on issues of a catalog of statements (issue 12): worded from `statementIssue` first. */
  readonly statement?: string;
  readonly option?: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export function describeIssue(issue: Wordable, locale: Locale = 'sv'): string {
  const m = messages[locale];
  const ownTable = issue.statement !== undefined ? (m.statementIssue as Record<string, string>)[issue.code] : undefined;
  const template = ownTable ?? (m.issue as Record<string, string>)[issue.code] ?? issue.code;
  const kind = issue.params?.kind;
  const kindWord = typeof kind === 'string' ? (m.objectKind as Record<string, string>)[kind] : undefined;
  const text = fill(template, {
    question: issue.question,
    statement: issue.statement,
    option: issue.option,
    sheet: issue.sheet,
    ...issue.params,
    ...(kindWord ? { kind: kindWord } : {}),
  });
  return issue.sheet && issue.cell ? `${fill(m.where, { sheet: issue.sheet, cell: issue.cell })}: ${text}` : text;
}
