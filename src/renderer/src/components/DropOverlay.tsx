export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">Drop the film page to add it to your library</div>
    </div>
  );
}
