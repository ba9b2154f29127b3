/**
 * The Reports screen's charts: plain HTML bars sized by CSS, readable by touch at arm's length.
 * The drawing is hidden from screen readers; each chart carries the same numbers as a table
 * they read instead (a chart library would add more to the admin than these three shapes need).
 */
import type { ReactNode } from 'react';

export interface Column {
  key: string;
  /** Under the column (may be left empty to thin the axis). */
  axis: string;
  /** The row's heading in the screen-reader table. */
  label: string;
  value: number;
}

/** The largest value, at least 1, so empty charts draw flat instead of dividing by zero. */
function peakOf(values: readonly number[]): number {
  return Math.max(1, ...values);
}

function percent(value: number, peak: number): string {
  return `${Math.round((value / peak) * 1000) / 10}%`;
}

function ScreenReaderTable({
  caption,
  headings,
  rows,
}: {
  caption: string;
  headings: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}) {
  return (
    // A table ignores a 1-pixel width: the wrapper is what stays out of sight (and of the layout).
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface StackedColumn {
  key: string;
  axis: string;
  label: string;
  /** One value per part, in the order of `parts`. */
  values: readonly number[];
}

/** Upright columns, one per day or hour: stacked columns of one part, with no legend. */
export function ColumnChart({
  title,
  columns,
  headings,
  format,
}: {
  title: string;
  columns: readonly Column[];
  /** The table's two headings: what a column is, what its value is. */
  headings: readonly [string, string];
  format: (value: number) => string;
}) {
  return (
    <StackedColumnChart
      title={title}
      parts={[{ key: 'value', label: headings[1] }]}
      legend={false}
      columns={columns.map((column) => ({ ...column, values: [column.value] }))}
      heading={headings[0]}
      format={format}
    />
  );
}

/** Columns split into parts (the hours a day spent playing, closed, dark …), with a legend. */
export function StackedColumnChart({
  title,
  parts,
  legend = true,
  columns,
  heading,
  format,
}: {
  title: string;
  parts: readonly { key: string; label: string }[];
  legend?: boolean;
  columns: readonly StackedColumn[];
  heading: string;
  format: (value: number) => string;
}) {
  const peak = peakOf(columns.map((column) => column.values.reduce((sum, v) => sum + v, 0)));
  return (
    <figure className="report-chart">
      <figcaption className="report-chart__title">{title}</figcaption>
      {legend ? (
        <ul className="report-legend" aria-hidden="true">
          {parts.map((part) => (
            <li key={part.key}>
              <span className={`report-swatch report-part--${part.key}`} />
              {part.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="report-columns" aria-hidden="true">
        <span className="report-columns__peak">{format(peak)}</span>
        <div className="report-columns__plot">
          {columns.map((column) => (
            <div key={column.key} className="report-columns__slot">
              {column.values.map((value, index) => (
                <div
                  key={parts[index]!.key}
                  className={`report-columns__part report-part--${parts[index]!.key}`}
                  style={{ height: percent(value, peak) }}
                />
              ))}
            </div>
          ))}
        </div>
        <div className="report-columns__axis">
          {columns.map((column) => (
            <span key={column.key}>{column.axis}</span>
          ))}
        </div>
      </div>
      <ScreenReaderTable
        caption={title}
        headings={[heading, ...parts.map((part) => part.label)]}
        rows={columns.map((column) => ({
          key: column.key,
          cells: [column.label, ...column.values.map(format)],
        }))}
      />
    </figure>
  );
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** The number beside the bar, as staff read it. */
  text: string;
}

/** Bars across, longest first: per slide. The numbers stay in the text, so no table is needed. */
export function BarList({
  title,
  bars,
  empty,
}: {
  title: string;
  bars: readonly Bar[];
  empty: string;
}) {
  const peak = peakOf(bars.map((bar) => bar.value));
  return (
    <figure className="report-chart">
      <figcaption className="report-chart__title">{title}</figcaption>
      {bars.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ol className="report-bars">
          {bars.map((bar) => (
            <li key={bar.key} className="report-bars__row">
              <span className="report-bars__label">{bar.label}</span>
              <span className="report-bars__track" aria-hidden="true">
                <span className="report-bars__bar" style={{ width: percent(bar.value, peak) }} />
              </span>
              <span className="report-bars__value">{bar.text}</span>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}
