/**
 * The Excel host against Microsoft's own mock (office-addin-mock), where its object model reaches: calls
 * that need no collection loads. Everything that loads `items/…` (the grid read, names, settings) runs
 * against the recording fake instead: office-addin-mock's navigational load throws on arrays.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelWorkbookHost } from '../../src/excel/excel-host';
import type { ExcelRunner } from '../../src/excel/runner';
import { ALL_FEATURES } from '../../src/excel/features';

interface SelectionRecord {
  sheet?: string;
  activated?: boolean;
  address?: string;
  selected?: boolean;
}

function mockedExcel(record: SelectionRecord): OfficeMockObject {
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet: {
            range: {
              select(): void {
                record.selected = true;
              },
            },
            activate(): void {
              record.activated = true;
            },
            getRange(address: string): unknown {
              record.address = address;
              return (this as unknown as { range: unknown }).range;
            },
          },
          getItem(name: string): unknown {
            record.sheet = name;
            return (this as unknown as { sheet: unknown }).sheet;
          },
        },
      },
    },
  });
}

function runnerOn(mock: OfficeMockObject, syncs: { count: number }): ExcelRunner {
  const context = (mock as unknown as { context: Excel.RequestContext & OfficeMockObject }).context;
  const counted = Object.assign(context, {
    sync: async (): Promise<void> => {
      syncs.count += 1;
    },
  });
  return {
    run: (batch) => batch(counted),
    runWith: (_context, batch) => batch(counted),
  };
}

describe('selecting a data issue’s cell (office-addin-mock)', () => {
  test('activates the KPI sheet and selects the address, in one sync', async () => {
    const record: SelectionRecord = {};
    const syncs = { count: 0 };
    const host = new ExcelWorkbookHost({
      runner: runnerOn(mockedExcel(record), syncs),
      features: ALL_FEATURES,
      language: 'ja',
    });
    await host.selectCell('KPI一覧', 'D16');
    expect(record).toEqual({ sheet: 'KPI一覧', activated: true, address: 'D16', selected: true });
    expect(syncs.count).toBe(1);
  });
});
