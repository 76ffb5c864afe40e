/**
 * "Exportera" (issue 13): the computed result as a file the browser downloads (a Blob behind an
 * object URL and an <a download>). Nothing is sent anywhere: the file goes from the pane's memory to
 * the user's downloads folder.
 */
import type { Computed, ExportFormat } from './model';

export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/** The file of an export: infosakkollen-<org>-<date>.json|csv (the export's texts come from src/workbook/export.ts). */
export async function exportFileOf(computed: Computed, format: ExportFormat, date: string): Promise<ExportFile> {
  if (computed.model !== 'leveled-points-v1') throw new Error(`Export is not available for ${computed.catalog.id} yet.`);
  const { exportCsv, exportJson } = await import(/* webpackChunkName: "write" */ '../workbook/export');
  const org = (computed.answers.organisation?.name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  const name = `infosakkollen${org ? `-${org}` : ''}-${date}.${format}`;
  return format === 'json'
    ? { name, type: 'application/json;charset=utf-8', text: exportJson(computed.catalog, computed.answers, computed.result, date) }
    : { name, type: 'text/csv;charset=utf-8', text: exportCsv(computed.catalog, computed.answers, computed.result) };
}

/** Hands the file to the browser as a download. */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; the URL is released after it (a revoke right away cancels it in some browsers).
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
