/**
 * Control characters that came from the data (an escape sequence in a risk title) must not reach a terminal, a
 * CI log or an XML parser as such: they are shown as `\uXXXX`, as the stylish format shows them. Tabs and line
 * breaks are left to each format, which has its own way with them.
 */
export const showControls = (text: string) =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
