"""What each mode is called on screen (no pygame, no rules engine: the title needs it)."""

from game.rules.mode_names import MODE_CAMPAIGN, MODE_CHRONOLOGY, MODE_MIXED, MODE_SORT, MODE_WHOSE_VIEW

MODE_TITLES = {
    MODE_CHRONOLOGY: "Chronology",
    MODE_SORT: "Sort the hand",
    MODE_WHOSE_VIEW: "Whose view?",
    MODE_CAMPAIGN: "Campaign",
    MODE_MIXED: "Mixed review",
    "review": "Review what you missed",
}
