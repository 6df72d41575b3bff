"""The classroom set-up screen: teams and their names, packs and levels, rounds, round
types, the timer, steal, and the seed. Remembered from the last time (the store's
classroom settings). Keyboard alone (Tab/arrows to move, Left/Right to change, typing for
names and the seed, Enter to toggle or start) or mouse alone (click < > or the value)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional

import pygame

from game.classroom import setup as cs
from game.classroom.resume import ResumeError
from game.classroom.resume import resume as resume_session
from game.classroom.session import Classroom, ClassroomError, open_writer
from game.store.results import ResultsWriter
from game.lan.quiz import PhoneQuiz, QuizError
from game.lan.room import STUDENTS, TEAM_PADS
from game.ui.classroom.draw import team_colour
from game.ui.core import input as keys
from game.ui.core.bindings import Binding, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.shapes import draw_focus, draw_panel

FIELD = ("sans-bold", 24)
FIELD_LABEL = ("sans", 22)
TIMER_LABELS = {0: "Off", 20: "20 s", 30: "30 s", 60: "60 s"}
PHONE_MODES = (None, STUDENTS, TEAM_PADS)
PHONE_LABELS = {None: "Off: one screen", STUDENTS: "One per student", TEAM_PADS: "One per team"}
TYPE_LABELS = {cs.TIMELINE: "Timeline (sort the hand)", cs.WHOSE_VIEW: "Whose view?",
               cs.CHOICE: "Questions (choice, source work)"}


class Field:
    """One row of the form. kind: step (< value >), text, toggle or button."""

    def __init__(self, kind: str, label: str, value: Callable[[], str], *,
                 step: Optional[Callable[[int], None]] = None,
                 press: Optional[Callable[[], None]] = None,
                 typed: Optional[Callable[[str], None]] = None,
                 erase: Optional[Callable[[], None]] = None, colour=None,
                 note: Callable[[], str] = lambda: "") -> None:
        self.kind, self.label, self.value = kind, label, value
        self.step, self.press_, self.typed, self.erase = step, press, typed, erase
        self.colour = colour
        self.note = note          # a toggle's word of warning, shown after its label
        self.rect = pygame.Rect(0, 0, 0, 0)

    def press(self) -> None:
        if self.press_:
            self.press_()
        elif self.step:
            self.step(+1)


class ClassroomSetupScene(Scene):
    name = "classroom"

    def __init__(self, ctx, **_options) -> None:
        super().__init__(ctx)
        remembered = ctx.settings.classroom if ctx.settings is not None else None
        seed = ctx.new_seed()
        self.setup = (cs.ClassroomSetup.from_settings(remembered, seed) if remembered
                      else cs.ClassroomSetup(seed=seed))
        try:
            self.packs = tuple(ctx.library.packs)
        except Exception:  # noqa: BLE001 - a broken install still shows the screen
            self.packs = ()
        self.pack_choice = 0      # 0 = all packs, else packs[i-1]
        self.level_choice = 0     # 0 = whole packs, else levels()[i-1]
        self._restore_choices()
        self.seed_text = str(self.setup.seed)
        self.problems: list[str] = []
        self.unfinished = _find_unfinished()
        self.phones = None        # None: the single-screen review; else a game.lan.room mode
        self.focus = 0
        self.build()

    def _restore_choices(self) -> None:
        """Last time's pack and level, when they are still loaded."""
        ids = [p.id for p in self.packs]
        if len(self.setup.pack_ids) == 1 and self.setup.pack_ids[0] in ids:
            self.pack_choice = ids.index(self.setup.pack_ids[0]) + 1
        level_ids = [level.id for level in self.levels()]
        if len(self.setup.level_ids) == 1 and self.setup.level_ids[0] in level_ids:
            self.level_choice = level_ids.index(self.setup.level_ids[0]) + 1

    # --- the form --------------------------------------------------------------------------
    def levels(self) -> list:
        chosen = self.packs if self.pack_choice == 0 else (self.packs[self.pack_choice - 1],)
        return [level for pack in chosen for level in pack.levels]

    def build(self) -> None:
        s = self.setup
        fields = [Field("step", "Teams", lambda: str(len(self.setup.teams)),
                        step=self.change_team_count)]
        for i in range(len(s.teams)):
            fields.append(Field("text", f"Team {i + 1}", lambda i=i: self.setup.teams[i],
                                typed=lambda t, i=i: self.type_name(i, t),
                                erase=lambda i=i: self.erase_name(i), colour=team_colour(i)))
        # Who answers where sits with the teams; its two options exist only with phones.
        fields.append(Field("step", "Phones", lambda: PHONE_LABELS[self.phones],
                            step=self.change_phones))
        if self.phones is not None:
            fields += [
                Field("toggle", "Question text on the phones",
                      lambda: "on" if self.setup.phone_question else "",
                      press=lambda: self.set(phone_question=not self.setup.phone_question)),
                Field("toggle", "Speed bonus (up to +5 for a quick right answer)",
                      lambda: "on" if self.setup.speed_bonus else "",
                      press=lambda: self.set(speed_bonus=not self.setup.speed_bonus),
                      note=self.speed_bonus_note),
            ]
        self.left_count = len(fields)
        fields += [
            Field("step", "Packs", self.pack_label, step=self.change_pack),
            Field("step", "Levels", self.level_label, step=self.change_level),
            Field("step", "Rounds", lambda: str(self.setup.rounds), step=self.change_rounds),
        ]
        for kind in cs.ROUND_TYPES:
            fields.append(Field("toggle", TYPE_LABELS[kind],
                                lambda kind=kind: "on" if kind in self.setup.round_types else "",
                                press=lambda kind=kind: self.toggle_type(kind)))
        fields += [
            Field("step", "Timer per turn", lambda: TIMER_LABELS[self.setup.timer],
                  step=self.change_timer),
            Field("toggle", "Steal (next team answers a miss for half points)",
                  lambda: "on" if self.setup.steal else "",
                  press=lambda: self.set(steal=not self.setup.steal)),
            Field("text", "Seed", lambda: self.seed_text,
                  typed=self.type_seed, erase=self.erase_seed),
            Field("button", "Network check", lambda: "", press=self.network_check),
            Field("button", "Start the session", lambda: "", press=self.start),
            Field("button", "Back", lambda: "", press=self.ctx.pop),
        ]
        if self.unfinished is not None:   # a session a crash interrupted
            fields.append(Field("button", self.resume_label(), lambda: "",
                                press=self.resume_crashed))
        self.fields = fields
        self.focus = min(self.focus, len(fields) - 1)
        self.invalidate_layout()
        if self.size != (0, 0):   # new rows get their places now, before the next click
            self.ensure_layout(self.size)

    def set(self, **changes) -> None:
        self.setup = replace(self.setup, **changes)
        self.problems = []

    def pack_label(self) -> str:
        return "All packs" if self.pack_choice == 0 else self.packs[self.pack_choice - 1].title

    def level_label(self) -> str:
        levels = self.levels()
        if self.level_choice == 0 or self.level_choice > len(levels):
            return "All levels"
        return levels[self.level_choice - 1].title

    def change_team_count(self, step: int) -> None:
        teams = list(self.setup.teams)
        if step > 0 and len(teams) < cs.MAX_TEAMS:
            teams.append(cs.default_team_name(len(teams), teams))
        elif step < 0 and len(teams) > cs.MIN_TEAMS:
            teams.pop()
        self.set(teams=tuple(teams))
        self.build()

    def type_name(self, index: int, typed: str) -> None:
        teams = list(self.setup.teams)
        teams[index] = (teams[index] + typed)[:cs.MAX_TEAM_NAME]
        self.set(teams=tuple(teams))

    def erase_name(self, index: int) -> None:
        teams = list(self.setup.teams)
        teams[index] = teams[index][:-1]
        self.set(teams=tuple(teams))

    def change_pack(self, step: int) -> None:
        self.pack_choice = (self.pack_choice + step) % (len(self.packs) + 1)
        self.level_choice = 0

    def change_level(self, step: int) -> None:
        self.level_choice = (self.level_choice + step) % (len(self.levels()) + 1)

    def change_rounds(self, step: int) -> None:
        self.set(rounds=max(1, min(cs.MAX_ROUNDS, self.setup.rounds + step)))

    def change_timer(self, step: int) -> None:
        options = cs.TIMER_CHOICES
        index = options.index(self.setup.timer) if self.setup.timer in options else 0
        self.set(timer=options[(index + step) % len(options)])

    def toggle_type(self, kind: str) -> None:
        types = [t for t in cs.ROUND_TYPES
                 if (t in self.setup.round_types) != (t == kind)]
        self.set(round_types=tuple(types))

    def change_phones(self, step: int) -> None:
        index = PHONE_MODES.index(self.phones)
        self.phones = PHONE_MODES[(index + step) % len(PHONE_MODES)]
        self.build()              # the phone options appear or go

    def speed_bonus_note(self) -> str:
        # The bonus shrinks as the turn's time runs out: with no timer there is none.
        return "needs the timer" if self.setup.speed_bonus and not self.setup.timer else ""

    def network_check(self) -> None:
        self.ctx.push(make_scene("network-check", self.ctx))

    def type_seed(self, typed: str) -> None:
        digits = "".join(ch for ch in typed if ch.isdigit())
        self.seed_text = (self.seed_text + digits)[:18]
        self.problems = []

    def erase_seed(self) -> None:
        self.seed_text = self.seed_text[:-1]

    # --- starting ----------------------------------------------------------------------------
    def chosen(self) -> cs.ClassroomSetup:
        packs = () if self.pack_choice == 0 else (self.packs[self.pack_choice - 1].id,)
        levels = self.levels()
        level_ids = (() if self.level_choice == 0 or self.level_choice > len(levels)
                     else (levels[self.level_choice - 1].id,))
        seed = cs.optional_seed(self.seed_text)
        return replace(self.setup, pack_ids=packs, level_ids=level_ids,
                       seed=seed if seed is not None else -1)

    def start(self) -> Optional[Classroom]:
        setup = self.chosen()
        if setup.seed < 0:
            self.problems = ["the seed is a whole number (digits only)"]
            return None
        if self.phones is not None:
            return self.start_phones(setup)
        try:
            packs = cs.choose_packs(self.ctx.library, setup.pack_ids)
            content = cs.select_content(packs, setup.level_ids)
            room = Classroom(setup, content, writer=open_writer(setup))
        except (ClassroomError, KeyError, ValueError) as error:
            self.problems = [str(error)]
            return None
        if self.unfinished is not None:   # a new session instead: stop offering that one
            ResultsWriter.resume(self.unfinished).abandon()
        if self.ctx.settings is not None:
            self.ctx.change_settings(classroom=setup.to_settings(self.ctx.settings.classroom))
        self.ctx.replace(make_scene("classroom-play", self.ctx, room=room))
        return room

    def resume_label(self) -> str:
        found = self.unfinished
        started = found.started[11:16] if len(found.started) >= 16 else "the last"
        return f"Resume {started} session"

    def resume_crashed(self) -> Optional[Classroom]:
        """Go on with the session a crash interrupted: same teams, scores and files."""
        try:
            room = resume_session(self.unfinished, self.ctx.library)
        except ResumeError as error:
            self.problems = [f"that session cannot be resumed: {error}"]
            return None
        self.ctx.replace(make_scene("classroom-play", self.ctx, room=room))
        return room

    def start_phones(self, setup: cs.ClassroomSetup) -> None:
        """Every student on a phone: the lobby opens; the review starts from there."""
        try:
            packs = cs.choose_packs(self.ctx.library, setup.pack_ids)
            quiz = PhoneQuiz(setup, cs.select_content(packs, setup.level_ids))
        except (QuizError, KeyError, ValueError) as error:
            self.problems = [str(error)]
            return None
        if self.ctx.settings is not None:
            self.ctx.change_settings(classroom=setup.to_settings(self.ctx.settings.classroom))
        self.ctx.push(make_scene("classroom-phones", self.ctx, quiz=quiz, mode=self.phones))
        return None

    # --- input --------------------------------------------------------------------------------
    BINDINGS = (
        Binding((keys.NEXT, keys.DOWN), "next_field", "Tab/arrows: move"),
        Binding((keys.PREV, keys.UP), "previous_field"),
        Binding((keys.LEFT, keys.RIGHT), "change", "Left/Right or click: change"),
        Binding((keys.TEXT,), "type", "type: names and seed"),
        Binding((keys.ERASE,), "erase"),
        Binding((keys.CONFIRM,), "press", "Enter: toggle / start"),
        Binding((keys.POINTER_UP,), "click"),
        Binding((keys.BACK,), "back", "Esc: back"),
    )

    @property
    def field(self) -> Field:
        return self.fields[self.focus]

    def action_back(self, action) -> None:
        self.ctx.pop()

    def action_next_field(self, action) -> None:
        self.focus = (self.focus + 1) % len(self.fields)

    def action_previous_field(self, action) -> None:
        self.focus = (self.focus - 1) % len(self.fields)

    def action_change(self, action) -> None:
        if self.field.step:
            self.field.step(-1 if action.kind == keys.LEFT else 1)

    def action_type(self, action) -> None:
        if self.field.typed:
            self.field.typed(action.text)

    def action_erase(self, action) -> None:
        if self.field.erase:
            self.field.erase()

    def action_press(self, action) -> None:
        if self.field.kind != "text":
            self.field.press()

    def action_click(self, action) -> None:
        self.click(action.pos)

    def click(self, pos) -> None:
        for index, field in enumerate(self.fields):
            if not field.rect.collidepoint(pos):
                continue
            self.focus = index
            if field.kind == "step":
                value_x = field.rect.x + field.rect.width // 2
                field.step(-1 if pos[0] < value_x + self.ctx.text.px(60) else 1)
            elif field.kind in ("toggle", "button"):
                field.press()
            return

    # --- layout and drawing ----------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = frame(size, text)
        body = self.fr.body
        gap = text.px(10)
        col_gap = text.px(28)
        col_w = (body.width - col_gap) // 2
        problems_h = text.line_height("body") + gap
        buttons = [f for f in self.fields if f.kind == "button"]
        right = [f for f in self.fields[self.left_count:] if f.kind != "button"]
        left = self.fields[:self.left_count]
        rows = max(len(left), len(right))
        button_h = text.px(56)
        room = body.height - button_h - problems_h - 2 * gap
        row_h = min(text.px(54), (room - gap * (rows - 1)) // rows)
        for column, items in ((0, left), (1, right)):
            x = body.x + column * (col_w + col_gap)
            for i, field in enumerate(items):
                field.rect = pygame.Rect(x, body.y + i * (row_h + gap), col_w, row_h)
        by = body.bottom - button_h
        bw = min(text.px(320), (body.width - col_gap) // 2)
        # Bottom row, right to left: Start, Back, then the rest (Network check).
        by_label = sorted(buttons, key=lambda f: {"Start the session": 0, "Back": 1}.get(f.label, 2))
        bw = min(bw, (body.width - col_gap * (len(buttons) - 1)) // len(buttons))
        for i, field in enumerate(by_label):
            field.rect = pygame.Rect(body.right - (i + 1) * bw - i * col_gap, by, bw, button_h)
        self.problem_y = by - problems_h

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, "Classroom review", "set up the teams")
        for index, field in enumerate(self.fields):
            self._draw_field(surface, field, index == self.focus)
        if self.problems:
            message = "Cannot start: " + "; ".join(self.problems)
            image = text.render(text.fit(message, "body", self.fr.body.width), "body",
                                palette.bad)
            surface.blit(image, (self.fr.body.x, self.problem_y))
        draw_footer(surface, ctx, self.fr, footer(self))

    def _draw_field(self, surface, field: Field, focused: bool) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        rect = field.rect
        radius = text.px(8)
        if focused:
            draw_focus(surface, rect, palette, radius, gap=max(3, text.px(4)))
        primary = field.kind == "button" and field.label.startswith("Start")
        draw_panel(surface, rect, palette, radius, fill=palette.accent if primary else palette.card,
                   shadow=False)
        pad = text.px(14)
        midy = rect.centery
        if field.kind == "button":
            label = text.render(text.fit(field.label, FIELD, rect.width - 2 * text.px(8)), FIELD,
                                palette.accent_ink if primary else palette.ink)
            surface.blit(label, (rect.centerx - label.get_width() // 2, midy - label.get_height() // 2))
            return
        x = rect.x + pad
        if field.colour:
            pygame.draw.rect(surface, field.colour, (rect.x, rect.y, text.px(10), rect.height),
                             border_top_left_radius=radius, border_bottom_left_radius=radius)
            x += text.px(6)
        if field.kind == "toggle":
            box = text.px(24)
            by = midy - box // 2
            pygame.draw.rect(surface, palette.ink, (x, by, box, box), max(2, text.px(2)),
                             border_radius=text.px(3))
            if field.value():
                pygame.draw.lines(surface, palette.accent, False,
                                  [(x + box * .2, by + box * .5), (x + box * .42, by + box * .75),
                                   (x + box * .82, by + box * .25)], max(2, text.px(4)))
            room = max(1, rect.right - x - box - 2 * pad)
            note = field.note()
            words = f"{field.label}: {note}" if note else field.label
            if text.width(words, FIELD) <= room:
                label = text.render(words, FIELD, palette.ink)
            else:       # a long label wraps in smaller type, never cut off (review m9)
                label = text.block(words, "small", palette.ink, room)
            surface.blit(label, (x + box + pad, midy - label.get_height() // 2),
                         pygame.Rect(0, 0, label.get_width(), rect.height))
            return
        label_w = rect.width * 2 // 5 if field.kind == "step" else rect.width // 4
        label = text.render(text.fit(field.label, FIELD_LABEL, label_w - pad), FIELD_LABEL,
                            palette.muted)
        surface.blit(label, (x, midy - label.get_height() // 2))
        vx = rect.x + label_w
        vw = rect.right - pad - vx
        value = field.value()
        if field.kind == "step":
            left = text.render("<", FIELD, palette.accent)
            right = text.render(">", FIELD, palette.accent)
            surface.blit(left, (vx, midy - left.get_height() // 2))
            surface.blit(right, (rect.right - pad - right.get_width(), midy - right.get_height() // 2))
            inner = vw - left.get_width() - right.get_width() - 2 * pad
            image = text.render(text.fit(value, FIELD, inner), FIELD, palette.ink)
            surface.blit(image, (vx + left.get_width() + pad + (inner - image.get_width()) // 2,
                                 midy - image.get_height() // 2))
        else:
            shown = text.fit(value, FIELD, vw - text.px(8))
            image = text.render(shown or " ", FIELD, palette.ink)
            surface.blit(image, (vx, midy - image.get_height() // 2))
            if focused:   # the caret: typing goes here
                cx = vx + (image.get_width() if shown else 0) + text.px(2)
                pygame.draw.line(surface, palette.focus, (cx, midy - image.get_height() // 2),
                                 (cx, midy + image.get_height() // 2), max(2, text.px(2)))


def _find_unfinished():
    """The newest session a crash left in progress, if any (never an error here)."""
    try:
        from game.paths import results_dir
        from game.store.results import find_unfinished
        return find_unfinished(results_dir())
    except Exception:  # noqa: BLE001 - an unreadable results folder: nothing to offer
        return None
