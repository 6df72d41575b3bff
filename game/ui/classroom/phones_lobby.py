"""The phone lobby on the projector: where to go, the QR code, the room code, who is in.

The teacher picks the address phones can reach (Left/Right), locks the lobby (L), kicks
(K) or renames (R, type, Enter) the selected player (Up/Down or a click), opens the
network check (N) and starts (Enter). Everything also has a button for a mouse or a
touch board. Starting the server can fail (no free port, no network): the screen says
so and how to fix it, and the single-screen classroom is still one Esc away.
"""

from __future__ import annotations

import random
from typing import Optional

import pygame

from game.lan.addresses import join_url, local_addresses
from game.lan.host import PhoneHost
from game.lan.nicknames import NicknameError
from game.lan.quiz import PhoneQuiz
from game.lan.room import TEAM_PADS, Room, new_room_code
from game.ui.classroom.draw import team_colour
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.registry import make_scene
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.qr_code import draw_qr, qr_for, qr_side
from game.ui.widgets.shapes import draw_panel

CODE_STYLE = ("sans-bold", 64)
URL_STYLE = ("sans-bold", 30)
NAME_STYLE = ("sans", 24)


class PhonesLobbyScene(Scene):
    name = "classroom-phones"

    def __init__(self, ctx, *, quiz: PhoneQuiz, mode: str, host: Optional[PhoneHost] = None,
                 **_options) -> None:
        super().__init__(ctx)
        self.quiz = quiz
        teams = tuple(quiz.setup.teams)
        self.host = host or PhoneHost(Room(
            new_room_code(random.Random(ctx.new_seed())), teams=teams, mode=mode,
            show_question=quiz.setup.phone_question, speed_bonus=quiz.setup.speed_bonus))
        self.addresses = local_addresses()
        self.address_index = 0
        self.problem = ""
        self.selected = 0
        self.renaming: Optional[str] = None          # the name being typed, when renaming
        self.lock_button = Button("Lock the lobby", self.toggle_lock, hint="L")
        self.buttons = [
            self.lock_button,
            Button("Kick", self.kick_selected, hint="K"),
            Button("Rename", self.start_rename, hint="R"),
            Button("Network check", self.network_check, hint="N"),
            Button("Back", self.back, hint="Esc"),
            Button("Start", self.start, primary=True, hint="Enter"),
        ]
        self.focus = FocusRing(self.buttons, arrows=False)
        self.focus.index = len(self.buttons) - 1

    # -- life -----------------------------------------------------------------------
    def enter(self) -> None:
        self.problem = self.host.ensure_started()

    def update(self, dt: float) -> None:
        self.host.pump_if_running()
        players = self.players
        self.selected = min(self.selected, max(0, len(players) - 1))

    @property
    def players(self):
        return list(self.host.room.players.values())

    @property
    def url(self) -> str:
        port = self.host.server.port or 0
        return join_url(self.addresses[self.address_index], port, self.host.room.code)

    # -- teacher moves ------------------------------------------------------------------
    def toggle_lock(self) -> None:
        room = self.host.room
        room.lock(not room.locked)
        self.lock_button.label = "Unlock the lobby" if room.locked else "Lock the lobby"

    def network_check(self) -> None:
        self.ctx.push(make_scene("network-check", self.ctx, host=self.host))

    def back(self) -> None:
        self.host.stop()
        self.ctx.pop()

    def start(self) -> None:
        if not self.host.server.running:
            return
        if not self.host.room.connected:
            self.problem = "No phone has joined yet: ask the class to open the address above."
            return
        self.host.room.lock(True)       # late arrivals ask the teacher, who can unlock
        self.ctx.replace(make_scene("classroom-phones-play", self.ctx, host=self.host, quiz=self.quiz))

    def kick_selected(self) -> None:
        players = self.players
        if players:
            self.host.kick(players[self.selected].token)
            self.host.flush()

    def start_rename(self) -> None:
        if self.players:
            self.renaming = ""

    def rename_selected(self, name: str) -> None:
        players = self.players
        if not players:
            return
        try:
            self.host.rename(players[self.selected].token, name)
            self.problem = ""
        except NicknameError as error:
            self.problem = str(error)

    # -- input ------------------------------------------------------------------------------
    BINDINGS = (
        Binding((ANY,), "rename_key", "Type the new name   Enter: rename   Esc: cancel",
                when="renaming_now"),
        Binding((keys.LEFT, keys.RIGHT), "address", "Left/Right: address", when="lobby"),
        Binding((keys.UP, keys.DOWN), "select", "Up/Down: select", when="lobby"),
        Binding(("k",), "kick", "K: kick", when="lobby"),
        Binding(("r",), "rename", "R: rename", when="lobby"),
        Binding(("l",), "lock", "L: lock", when="lobby"),
        Binding(("n",), "network", "N: network check", when="lobby"),
        Binding((keys.CONFIRM,), "press", "Enter: start", when="lobby"),
        Binding((keys.POINTER_UP,), "click_player", when="lobby"),
        Binding((ANY,), "widgets", when="lobby"),
        Binding((keys.BACK,), "back", "Esc: back", when="lobby"),
    )

    def renaming_now(self) -> bool:
        return self.renaming is not None

    def lobby(self) -> bool:
        return self.renaming is None

    def action_back(self, action) -> None:
        self.back()

    def action_press(self, action) -> bool:
        if self.focus.focused is None:
            return False
        self.focus.focused.press()
        return True

    def action_address(self, action) -> None:
        step = -1 if action.kind == keys.LEFT else 1
        self.address_index = (self.address_index + step) % len(self.addresses)

    def action_select(self, action) -> bool:
        if not self.players:
            return False
        step = -1 if action.kind == keys.UP else 1
        self.selected = (self.selected + step) % len(self.players)
        return True

    def action_kick(self, action) -> None:
        self.kick_selected()

    def action_rename(self, action) -> None:
        self.start_rename()

    def action_lock(self, action) -> None:
        self.toggle_lock()

    def action_network(self, action) -> None:
        self.network_check()

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def action_rename_key(self, action) -> None:
        kind = action.kind
        if kind == keys.TEXT:
            self.renaming = (self.renaming or "") + action.text
        elif kind == keys.ERASE:
            self.renaming = (self.renaming or "")[:-1]
        elif kind == keys.CONFIRM:
            self.rename_selected(self.renaming or "")
            self.renaming = None
        elif kind == keys.BACK:
            self.renaming = None

    def action_click_player(self, action) -> bool:
        for index, (rect, _token) in enumerate(self._player_cells()[1]):
            if rect.collidepoint(action.pos):
                self.selected = index
                return True
        return False

    # -- drawing ----------------------------------------------------------------------------------
    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = fr = frame(size, text)
        body = fr.body
        gap = fr.gap
        button_h = text.px(64)
        self.left = pygame.Rect(body.x, body.y, body.width * 11 // 20, body.height - button_h - gap)
        self.right = pygame.Rect(self.left.right + gap, body.y, body.right - self.left.right - gap,
                                 self.left.height)
        bw = (body.width - (len(self.buttons) - 1) * gap) // len(self.buttons)
        for i, b in enumerate(self.buttons):
            b.rect = pygame.Rect(body.x + i * (bw + gap), body.bottom - button_h, bw, button_h)

    def draw(self, surface) -> None:
        ctx = self.ctx
        room = self.host.room
        draw_header(surface, ctx, self.fr, "Phones join",
                    f"{len(room.connected)} connected" + ("  ·  locked" if room.locked else ""))
        self._draw_join_panel(surface)
        self._draw_players(surface)
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))

    def _draw_join_panel(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        rect = self.left
        draw_panel(surface, rect, palette, text.px(10))
        pad = text.px(18)
        x, y, inner = rect.x + pad, rect.y + pad, rect.width - 2 * pad
        if self.problem and not self.host.server.running:
            block = text.block(self.problem, "body", palette.bad, inner)
            surface.blit(block, (x, y))
            return
        label = text.render("On a phone or laptop, open:", "body", palette.muted)
        surface.blit(label, (x, y))
        y += label.get_height() + text.px(6)
        url = self.url.split("?")[0].replace("http://", "")
        arrows = len(self.addresses) > 1
        shown = ("‹ " if arrows else "") + url + (" ›" if arrows else "")
        image = text.render(text.fit(shown, URL_STYLE, inner), URL_STYLE, palette.ink)
        surface.blit(image, (x, y))
        y += image.get_height() + text.px(10)
        code_label = text.render("Room code", "body", palette.muted)
        surface.blit(code_label, (x, y))
        y += code_label.get_height()
        code = text.render(" ".join(self.host.room.code), CODE_STYLE, palette.accent)
        surface.blit(code, (x, y))
        y += code.get_height() + text.px(10)
        modules = qr_for(self.url)
        side = qr_side(modules, min(inner, rect.bottom - pad - y))
        if side > 0:
            draw_qr(surface, (x, y), modules, side)
            note_x = x + side + pad
            if rect.right - pad - note_x > text.px(160):
                note = text.block("Scan to join. No account, no app: the page comes from this "
                                  "computer and nothing leaves the room.\n\n" + self.rules_note,
                                  "small", palette.muted, rect.right - pad - note_x)
                surface.blit(note, (note_x, y), pygame.Rect(0, 0, note.get_width(),
                                                            max(0, rect.bottom - pad - y)))

    @property
    def rules_note(self) -> str:
        """What the set-up chose for the phones, so the teacher sees it before starting."""
        room = self.host.room
        shown = ("Phones show the question and its choices." if room.show_question
                 else "Phones show only the choices: read the question here.")
        scored = ("Speed bonus on: a quick right answer earns up to +5." if room.speed_bonus
                  else "Scored on accuracy alone.")
        return f"{shown} {scored}"

    def _player_cells(self):
        """(top of the list, [(cell, token)], players left out): where each player's name
        goes. Worked out from the state, for drawing and for clicks alike."""
        text, rect = self.ctx.text, self.right
        pad = text.px(14)
        x, y = rect.x + pad, rect.y + pad
        y += text.line_height("subheading") + text.px(6)
        if self.problem and self.host.server.running:
            y += text.block_size(self.problem, "small", rect.width - 2 * pad)[1] + text.px(6)
        players = self.players
        if not players:
            return y, [], 0
        row_h = text.line_height(NAME_STYLE) + text.px(6)
        columns = max(1, min(3, (rect.width - 2 * pad) // max(1, text.px(220))))
        col_w = (rect.width - 2 * pad) // columns
        per_column = max(1, (rect.bottom - pad - y) // row_h)
        cells = []
        for index, player in enumerate(players[:per_column * columns]):
            column, row = divmod(index, per_column)
            cells.append((pygame.Rect(x + column * col_w, y + row * row_h, col_w - text.px(8),
                                      row_h - text.px(4)), player.token))
        return y, cells, len(players) - len(cells)

    def _draw_players(self, surface) -> None:
        text, palette = self.ctx.text, self.ctx.palette
        rect = self.right
        draw_panel(surface, rect, palette, text.px(10))
        pad = text.px(14)
        x, y = rect.x + pad, rect.y + pad
        heading = text.render("In the room", "subheading", palette.ink)
        surface.blit(heading, (x, y))
        y += heading.get_height() + text.px(6)
        if self.problem and self.host.server.running:
            block = text.block(self.problem, "small", palette.bad, rect.width - 2 * pad)
            surface.blit(block, (x, y))
            y += block.get_height() + text.px(6)
        players = self.players
        if not players:
            waiting = text.render("Waiting for the first phone…", "body", palette.muted)
            surface.blit(waiting, (x, y))
            return
        _top, cells, hidden = self._player_cells()
        for index, ((cell, _token), player) in enumerate(zip(cells, players)):
            if index == self.selected:
                pygame.draw.rect(surface, palette.highlight, cell, border_radius=text.px(6))
            chip = text.px(12)
            colour = team_colour(player.team) if player.team is not None else palette.muted
            pygame.draw.circle(surface, colour, (cell.x + chip, cell.centery), chip // 2)
            name = self.renaming if (self.renaming is not None and index == self.selected) else player.name
            ink = palette.ink if player.conn is not None else palette.muted
            image = text.render(text.fit(name or " ", NAME_STYLE, cell.width - 3 * chip), NAME_STYLE, ink)
            surface.blit(image, (cell.x + 2 * chip, cell.centery - image.get_height() // 2))
        if hidden > 0:
            more = text.render(f"and {hidden} more", "small", palette.muted)
            surface.blit(more, (x, rect.bottom - pad - more.get_height()))


def phones_mode_label(mode: str) -> str:
    return "One device per team" if mode == TEAM_PADS else "One device per student"
