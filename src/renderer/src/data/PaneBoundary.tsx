import { Component, type ErrorInfo, type ReactNode } from 'react';
import styles from './PaneBoundary.module.css';

interface Props {
  /** What the pane shows, in the words of the message: "the film list", "the score player". */
  pane: string;
  /** Drawn in place of the pane, so the layout keeps its shape. */
  className: string;
  label: string;
  children: ReactNode;
}

/**
 * One pane that failed to draw says so, with what failed and a way to try again, while the other
 * panes keep working: a fault in the score player must not take the person's notes off the screen.
 */
export class PaneBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Could not show ${this.props.pane}:`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className={`${this.props.className} ${styles.failed}`} aria-label={this.props.label} role="alert">
        <p>
          Reelnotes could not show {this.props.pane}: {error.message}
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
