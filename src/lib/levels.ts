/** Requirement levels of checklist items. No zod: browser code uses it. */

/**
 * Requirement levels, as the checklist states them: `mandatory` items must be met (in the 4.x
 * scoring a mandatory item carries a −200 marker), `recommended` items should be, `bonus` items
 * (4.x scoring) add points.
 */
export const LEVELS = ['mandatory', 'recommended', 'bonus'] as const;
export type Level = (typeof LEVELS)[number];
/** An item's `level`: one of `LEVELS`, or `unstated` when its source does not say. */
export const LEVEL_VALUES = [...LEVELS, 'unstated'] as const;
export type LevelValue = (typeof LEVEL_VALUES)[number];
