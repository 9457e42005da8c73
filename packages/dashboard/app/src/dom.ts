type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children: the pages are built from plain DOM nodes,
 * and text is always set as text, never parsed as HTML.
 */
export const h = (
  tag: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElement => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, value);
  for (const child of children.flat())
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
};
