/**
 * The kiosk's rules that main, the renderer and the build all run: pure functions over the
 * contract's types (what the schedule plays, what a playlist shows and for how long, what staff
 * must review, what the first screen is, when the wall clock jumped). The contract (../contract)
 * says what may cross between the processes; this says what to make of it.
 */
export * from './calendar';
export * from './schedule';
export * from './playlist';
export * from './readingTime';
export * from './contentReview';
export * from './firstScreen';
export * from './clockWatch';
export * from './wordCut';
export * from './weekPlan';
export * from './deckExtras';
