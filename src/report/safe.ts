// Text that came from the build or the container (logs, versions, tracebacks) is untrusted: a
// pull request controls it. Everything such text passes through here before it reaches a
// comment or a summary, so that it stays inert: it cannot mention anyone, open or close HTML,
// leave its code block, or fake the marker that identifies our comment.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** Drops terminal colour codes and control characters; keeps newlines and tabs. */
export function stripControl(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '').replace(/\r\n?/g, '\n')
}

/**
 * Text for an inline position (a table cell, a list item): one line, no HTML, no mentions, no
 * markdown that could link, format or break the table.
 */
export function inline(text: string, max = 300): string {
  let s = stripControl(text).replace(/\s+/g, ' ').trim()
  if (s.length > max) s = s.slice(0, max - 1) + '…'
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]()#!|~])/g, '\\$1')
    .replace(/@/g, '@\u200b')
}

/**
 * A code span: `text`. Inside one GitHub renders no HTML, links no mentions and ignores markdown
 * escapes (they would show), so only backticks and line breaks need to go.
 */
export function codeSpan(text: string, max = 200): string {
  let s = stripControl(text).replace(/\s+/g, ' ').replace(/`/g, "'").trim()
  if (s.length > max) s = s.slice(0, max - 1) + '…'
  return `\`${s}\``
}

/**
 * A fenced code block that the text cannot close early: the fence is longer than any run of
 * backticks or tildes in the text. Inside it GitHub renders no HTML and links no mentions; the
 * marker's `<!--` is broken up as well, so that a search for our marker never matches log text.
 */
export function codeBlock(text: string, language = 'text'): string {
  const body = stripControl(text).replace(/<!--/g, '<!\u200b--')
  const f = fence(body)
  return `${f}${language}\n${body}\n${f}`
}

/** A code fence the text cannot close: longer than any run of backticks in it (3 at least). */
export function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length))
  return '`'.repeat(Math.max(3, longest + 1))
}
