/**
 * The pane's icons, inline: importing @fluentui/react-icons pulls the whole icon set
 * (18 MB of source) into development builds, which do not tree-shake. Path from Fluent UI System
 * Icons (ArrowClockwise20Regular, MIT). Decorative: the button carries the name.
 */
export function RefreshIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="currentColor" aria-hidden focusable="false">
      <path d="M4 10a6 6 0 0 1 10.47-4H12.5a.5.5 0 0 0 0 1h3a.5.5 0 0 0 .5-.5v-3a.5.5 0 0 0-1 0v1.6a7 7 0 1 0 1.98 4.36.5.5 0 1 0-1 .08L16 10a6 6 0 0 1-12 0" />
    </svg>
  );
}

/** A cross for closing a message: two strokes, drawn rather than copied. */
export function DismissIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.25" strokeLinecap="round" aria-hidden focusable="false">
      <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" />
    </svg>
  );
}
