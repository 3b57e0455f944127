import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { ChartTable } from "@/lib/dashboard/charts";
import { cellKind, figureText } from "@/lib/dashboard/figures";
import type { OrgFormatter } from "@/lib/format/org-format";

/**
 * A chart's data as a table (the accessible form of the chart, and what its CSV holds),
 * scrolling sideways on narrow screens instead of squeezing the columns.
 */
export function ChartTableCard({
  table,
  format,
  csvHref,
  children,
}: {
  table: ChartTable;
  format: OrgFormatter;
  csvHref?: string;
  children?: React.ReactNode;
}) {
  return (
    <Card data-chart={table.id} className="min-w-0">
      <CardHeader
        title={table.title}
        description={table.description}
        actions={
          csvHref && (
            <a
              href={csvHref}
              className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
              aria-label={`Download ${table.title} as CSV`}
            >
              CSV
            </a>
          )
        }
      />
      <CardBody className="space-y-4">
        {children}
        {table.rows.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing in this period.</p>
        ) : (
          // headers wrap and figures never do: a narrow card scrolls the table sideways
          <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={`${table.title}, scrolls sideways`}>
            <table className="w-full text-sm">
              <caption className="sr-only">{table.title}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-600">
                  {table.columns.map((column) => (
                    <th
                      key={column.key}
                      scope="col"
                      className={`px-2 py-1.5 align-bottom font-medium ${column.kind === "text" ? "" : "text-right"}`}
                    >
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, index) => (
                  <tr key={index} className="border-b border-slate-100 last:border-0">
                    {table.columns.map((column, columnIndex) => {
                      const text = figureText(row[column.key], cellKind(column, row), format);
                      const numeric = column.kind !== "text" || typeof row[column.key] === "number";
                      // A long partner name is cut with its full text on hover, so the figures
                      // beside it stay in view in a narrow card.
                      const cell = numeric ? text : <span className="block max-w-48 truncate">{text}</span>;
                      return columnIndex === 0 ? (
                        <th
                          key={column.key}
                          scope="row"
                          title={numeric ? undefined : text}
                          className="px-2 py-1.5 text-left font-normal whitespace-nowrap text-slate-900"
                        >
                          {cell}
                        </th>
                      ) : (
                        <td
                          key={column.key}
                          title={numeric ? undefined : text}
                          className={`px-2 py-1.5 whitespace-nowrap text-slate-800 tabular-nums ${numeric ? "text-right" : ""}`}
                        >
                          {cell}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
