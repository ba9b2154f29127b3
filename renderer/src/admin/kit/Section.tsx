import type { ReactNode } from 'react';

/** One admin screen's body: its title (focused when the screen opens), then its content. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="admin-section" aria-labelledby="admin-section-title">
      <h2 id="admin-section-title" className="admin-section__title" tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
