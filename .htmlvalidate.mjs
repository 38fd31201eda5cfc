/**
 * html-validate configuration for the built site (test/browser/html.test.ts). A module rather
 * than `.htmlvalidate.json` so each departure from the recommended preset can say why: JSON has
 * no comments and the config schema rejects extra keys.
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // Ids carry control and section numbers, which contain dots (`#section-8.0`,
    // `#change-8.1.10`): the anchors are part of the public URL contract. HTML allows any id
    // without whitespace; the strict mode only warns that such ids need escaping in CSS.
    'valid-id': ['error', { relaxed: true }],
    // Titles are "<number> <item title> (<version>) · <site name>" so that tabs, bookmarks and
    // search results name the control and the version; 70 characters is a search-snippet
    // heuristic, not a validity rule. The limit still catches a runaway title.
    'long-title': ['error', { maxlength: 120 }],
    // The search boxes are ARIA comboboxes whose suggestions are a `role="listbox"` popup (the
    // WAI-ARIA combobox pattern); a native <select> cannot be a text field's popup. Every
    // other role keeps the preference for native elements.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
    // WCAG technique H32 asks forms that submit to have a submit button. The forms here (compare
    // filters, self-check answers, self-check filters) are never submitted: each control takes
    // effect as it changes, without a change of context (WCAG 3.2.2), and they are hidden when
    // JavaScript is off. The search forms, which do submit, have real submit buttons.
    'wcag/h32': 'off',
    // A group of checkboxes that share a name is how HTML sends a field with several values
    // (the compare filters' kinds and labels, an item's evidence): FormData.getAll reads it.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};
