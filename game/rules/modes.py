"""The game's modes by name (their own module: the title screen needs the names, not the rules)."""

MODE_CHRONOLOGY = "chronology"
MODE_SORT = "sort"
MODE_WHOSE_VIEW = "whose-view"
MODE_CAMPAIGN = "campaign"
MODE_MIXED = "mixed"
MODES = (MODE_CHRONOLOGY, MODE_SORT, MODE_WHOSE_VIEW, MODE_CAMPAIGN, MODE_MIXED)
