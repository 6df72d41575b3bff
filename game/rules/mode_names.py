"""The modes' ids, alone (no rules engine behind them): the title screen and the command
line need the names before anything is dealt. game.rules.modes is the full table."""

MODE_CHRONOLOGY = "chronology"
MODE_SORT = "sort"
MODE_WHOSE_VIEW = "whose-view"
MODE_CAMPAIGN = "campaign"
MODE_MIXED = "mixed"
MODES = (MODE_CHRONOLOGY, MODE_SORT, MODE_WHOSE_VIEW, MODE_CAMPAIGN, MODE_MIXED)
