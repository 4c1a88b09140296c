import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * A data table; wide tables scroll sideways inside their container rather than the page.
 * `relative`: absolutely positioned descendants (sr-only labels, copy buttons' notes) are laid
 * out inside the scroll box; otherwise they sit at their place in the wide table but count
 * against the page, which then scrolls sideways at 320 px.
 */
export function Table({ caption, className, children, ...props }: ComponentProps<"table"> & { caption?: ReactNode }) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table {...props} className={cn("ui-table w-full border-collapse text-left text-sm text-slate-800", className)}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead {...props} className={cn("border-b border-slate-200 bg-slate-50", className)} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody {...props} className={cn("divide-y divide-slate-100", className)} />;
}

/** A row; rows align their cells to the top (.ui-table tr, app/globals.css), without a class on each. */
export function Tr(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

/** A header cell; numeric columns align right so digits line up. */
export function Th({ numeric = false, className, ...props }: ComponentProps<"th"> & { numeric?: boolean }) {
  return <th {...props} className={cn("ui-th", numeric && "ui-num", className)} />;
}

/** A data cell. Its looks are one short class (app/globals.css): a long table repeats it on every cell. */
export function Td({ numeric = false, className, ...props }: ComponentProps<"td"> & { numeric?: boolean }) {
  return <td {...props} className={cn("ui-td", numeric && "ui-num", className)} />;
}
