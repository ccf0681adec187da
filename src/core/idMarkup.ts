/**
 * How an ID is marked wherever it is drawn (the editor's decorations, Reading view's links): the
 * classes styles.css selects on and the attribute naming the ID, so every surface looks alike.
 */
export const ID_CLASS = 'principle-chain-id';
/** An ID owned by several notes. */
export const AMBIGUOUS_CLASS = 'principle-chain-ambiguous';
export const ID_ATTRIBUTE = 'data-principle-chain-id';
