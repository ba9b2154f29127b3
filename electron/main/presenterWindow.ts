import { screen, type BrowserWindow } from 'electron';
import { chooseDisplay, choosePresenterDisplay } from './displayFit';

export interface PresenterWindowOptions {
  createWindow: (url: string) => BrowserWindow;
  presenterUrl: string;
  audienceDisplayId: () => number | null;
  presenterDisplayId: () => number | null;
}

/**
 * Presenting with two screens: the presenter view fills the clinician's display while the
 * slides fill the patient's. Unplugging the clinician's screen closes the view (the slides go
 * on; P toggles the presenter view on the remaining screen); plugging one in brings it back.
 */
export function managePresenterWindow(options: PresenterWindowOptions): void {
  let window: BrowserWindow | null = null;

  function place(): void {
    const displays = screen.getAllDisplays();
    const audience = chooseDisplay(
      displays,
      screen.getPrimaryDisplay(),
      options.audienceDisplayId(),
    );
    const target = choosePresenterDisplay(displays, audience, options.presenterDisplayId());
    if (!target) {
      if (window && !window.isDestroyed()) window.destroy();
      window = null;
      return;
    }
    if (!window || window.isDestroyed()) {
      window = options.createWindow(options.presenterUrl);
      window.on('closed', () => {
        window = null;
      });
    }
    window.setBounds(target.bounds);
    window.setFullScreen(true);
  }

  place();
  for (const event of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    screen.on(event as 'display-added', place);
  }
}
