/** The admin's UI kit: the pieces every screen is built from, and their styles. */
import './kit.css';

export { Choice } from './Choice';
export { Confirm } from './Confirm';
export { Outcome, Problem } from './messages';
export { SaveBar } from './SaveBar';
export { Section } from './Section';
export { TextField } from './TextField';
export { UndoBar, useUndo, type UndoOffer } from './UndoBar';
export { withCurrent } from './withCurrent';
