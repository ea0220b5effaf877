import type { ComponentProps, ReactNode } from "react";

export type DataColumn = {
  label: ReactNode;
  /** Right-aligned, like the numbers in its cells. */
  numeric?: boolean;
  className?: string;
};

/** Either a caption read by screen readers, or the id of a visible heading that already names the table. */
type TableName = { caption: ReactNode; labelledBy?: never } | { caption?: never; labelledBy: string };

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ") || undefined;

/**
 * A data table as the studio draws them: full width, a rule under the header and under every row,
 * column headers with `scope="col"`. Rows go in as children (`DataRow`); cell padding is the caller's
 * (`className`), since dense and airy tables both exist. On a narrow screen the table scrolls sideways
 * inside its own box instead of widening the page. No hooks: renders on the server.
 */
export function DataTable({
  columns,
  className,
  headClassName,
  children,
  ...name
}: TableName & { columns: DataColumn[]; className?: string; headClassName?: string; children: ReactNode }) {
  return (
    // relative: screen-reader-only labels (absolutely positioned) must scroll with the table, not widen the page.
    <div className="relative overflow-x-auto">
      <table className={classes("w-full border-collapse text-sm", className)} aria-labelledby={name.labelledBy}>
        {name.caption !== undefined && <caption className="sr-only">{name.caption}</caption>}
        <thead>
          <tr className={classes("border-b border-line text-left text-muted", headClassName)}>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={classes(column.numeric && "text-right", column.className)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A body row of a `DataTable`, ruled like the others. */
export function DataRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={classes("border-b border-line", className)} {...props} />;
}
