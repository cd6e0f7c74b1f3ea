import { useMemo, useState, type ReactNode } from 'react';
import './lead-ui.css';

export type SortDirection = 'ascending' | 'descending';

export type Column<R> = {
  id: string;
  header: string;
  cell(row: R): ReactNode;
  /** What the column sorts by; absent: not sortable. */
  sortValue?(row: R): number | string;
  /** Numbers align right so digits line up. */
  numeric?: boolean;
};

type Props<R> = {
  /** Accessible name of the table (shown as its caption unless `hideCaption`). */
  caption: string;
  hideCaption?: boolean;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string;
  initialSort?: { id: string; direction: SortDirection };
  /** A last row of totals, under the sorted rows. */
  footer?: ReactNode;
  empty?: ReactNode;
  /** Marks a row as the current one (e.g. the selected client). */
  isCurrent?(row: R): boolean;
};

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/**
 * A table whose sortable column headers are buttons: click or Enter/Space sorts by that column,
 * again reverses. `aria-sort` tells screen readers which column sorts and which way. Sorting is
 * memoised on (rows, column, direction): re-renders do not re-sort.
 */
export function SortableTable<R>({
  caption,
  hideCaption,
  columns,
  rows,
  rowKey,
  initialSort,
  footer,
  empty,
  isCurrent,
}: Props<R>) {
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.id === sort?.id);
    if (!column?.sortValue || !sort) return rows;
    const value = column.sortValue;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sign * order;
    });
  }, [rows, columns, sort]);

  const toggle = (id: string) =>
    setSort((current) =>
      current?.id === id
        ? { id, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { id, direction: columns.find((c) => c.id === id)?.numeric ? 'descending' : 'ascending' },
    );

  return (
    <div className="table-scroll">
      <table className="table sortable-table">
        <caption className={hideCaption ? 'visually-hidden' : 'table-caption'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort?.id === column.id;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={column.numeric ? 'num' : undefined}
                  aria-sort={active ? sort.direction : column.sortValue ? 'none' : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="sort-button" onClick={() => toggle(column.id)}>
                      {column.header}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          ) : (
            sorted.map((row) => (
              <tr key={rowKey(row)} className={isCurrent?.(row) ? 'current-row' : undefined}>
                {columns.map((column) => (
                  <td key={column.id} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}
