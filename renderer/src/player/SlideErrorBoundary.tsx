import { Component, type ReactNode } from 'react';
import type { Slide } from '../../../contract';

interface Props {
  slide: Slide;
  onError: (slide: Slide, error: unknown) => void;
  children: ReactNode;
}

/** Keeps one slide's rendering error from blanking the whole player. */
export class SlideErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(this.props.slide, error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
