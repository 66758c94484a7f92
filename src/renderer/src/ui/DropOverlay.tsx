/** What dropping the dragged file where it is now will do, or why it will not be taken. */
export function DropOverlay({ text, acts }: { text: string; acts: boolean }) {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className={`drop-card${acts ? '' : ' refused'}`} data-testid="drop-overlay">
        {text}
      </div>
    </div>
  );
}
