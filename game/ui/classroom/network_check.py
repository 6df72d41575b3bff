"""The network check: can the class's phones reach this computer?

It shows this machine's addresses, a test page (address and QR code) that a phone opens
to see "Connected", how many devices got through, and plain advice for the usual reasons
they do not: guest Wi-Fi that keeps devices apart, a firewall prompt, a laptop hotspot.
It starts a server of its own when opened from the set-up, and stops it on the way out.
"""

from __future__ import annotations

from typing import Optional

import pygame

from game.lan.addresses import base_url, local_addresses
from game.lan.host import PhoneHost
from game.lan.room import Room
from game.ui.core import input as keys
from game.ui.core.bindings import ANY, Binding, footer
from game.ui.core.scene import Scene
from game.ui.widgets.button import Button
from game.ui.widgets.focus import FocusRing
from game.ui.widgets.frame import draw_footer, draw_header, frame
from game.ui.widgets.qr_code import draw_qr, qr_for, qr_side
from game.ui.widgets.shapes import draw_panel

ADVICE = (
    ("Nothing happens on the phone", "The phone and this computer must be on the same network. "
     "Guest and school “isolated” Wi-Fi keeps devices apart: use the staff network, or turn on "
     "this computer's hotspot and let the phones join it."),
    ("The computer asked about a firewall", "Allow Thaw (or Python) on private networks. On a "
     "school laptop you may need IT to allow ports 8000–8009."),
    ("Several addresses are listed", "Try each one with Left/Right: the one that starts like "
     "the phone's own Wi-Fi address (often 192.168… or 10…) is usually right."),
    ("Privacy", "The page comes from this computer. No account, nothing sent to the internet; "
     "nicknames and answers stay in this room and in the results file on this computer."),
)


class NetworkCheckScene(Scene):
    name = "network-check"

    def __init__(self, ctx, *, host: Optional[PhoneHost] = None, **_options) -> None:
        super().__init__(ctx)
        self.own_server = host is None
        self.host = host or PhoneHost(Room("CHCK"))
        self.addresses = local_addresses()
        self.address_index = 0
        self.problem = ""
        self.back_button = Button("Back", self.back, primary=True, hint="Esc")
        self.focus = FocusRing([self.back_button], arrows=False)

    def enter(self) -> None:
        self.problem = self.host.ensure_started()

    def update(self, dt: float) -> None:
        self.host.pump_if_running()

    def back(self) -> None:
        if self.own_server:
            self.host.stop()
        self.ctx.pop()

    @property
    def url(self) -> str:
        return f"{base_url(self.addresses[self.address_index], self.host.server.port or 0)}/check"

    BINDINGS = (Binding((keys.LEFT, keys.RIGHT), "address", "Left/Right: another address"),
                Binding((ANY,), "widgets"),
                Binding((keys.BACK,), "back", "Esc: back"))

    def action_back(self, action) -> None:
        self.back()

    def action_address(self, action) -> None:
        step = -1 if action.kind == keys.LEFT else 1
        self.address_index = (self.address_index + step) % len(self.addresses)

    def action_widgets(self, action) -> None:
        self.focus.handle(action)

    def layout(self, size) -> None:
        text = self.ctx.text
        self.fr = fr = frame(size, text)
        body, gap = fr.body, fr.gap
        button_h = text.px(60)
        self.back_button.rect = pygame.Rect(body.right - text.px(220), body.bottom - button_h,
                                            text.px(220), button_h)
        top = body.height - button_h - gap
        self.left = pygame.Rect(body.x, body.y, body.width * 2 // 5, top)
        self.right = pygame.Rect(self.left.right + gap, body.y, body.right - self.left.right - gap, top)

    def draw(self, surface) -> None:
        ctx, text, palette = self.ctx, self.ctx.text, self.ctx.palette
        draw_header(surface, ctx, self.fr, "Network check", f"{self.host.checks} device(s) connected")
        pad = text.px(16)
        left = self.left
        draw_panel(surface, left, palette, text.px(10))
        x, y, inner = left.x + pad, left.y + pad, left.width - 2 * pad
        if self.problem:
            surface.blit(text.block(self.problem, "body", palette.bad, inner), (x, y))
        else:
            label = text.render("On a phone, open:", "body", palette.muted)
            surface.blit(label, (x, y))
            y += label.get_height()
            url = self.url.replace("http://", "")
            image = text.render(text.fit(url, ("sans-bold", 28), inner), ("sans-bold", 28), palette.ink)
            surface.blit(image, (x, y))
            y += image.get_height() + text.px(8)
            status = (f"{self.host.checks} device(s) reached this computer" if self.host.checks
                      else "Waiting for a device…")
            surface.blit(text.render(text.fit(status, "subheading", inner), "subheading",
                                     palette.good if self.host.checks else palette.muted), (x, y))
            y += text.line_height("subheading") + text.px(8)
            modules = qr_for(self.url)
            side = qr_side(modules, min(inner, left.bottom - pad - y))
            if side:
                draw_qr(surface, (x, y), modules, side)
        right = self.right
        draw_panel(surface, right, palette, text.px(10))
        x, y, inner = right.x + pad, right.y + pad, right.width - 2 * pad
        surface.blit(text.render(text.fit("This computer: " + ", ".join(self.addresses), "body", inner),
                                 "body", palette.muted), (x, y))
        y += text.line_height("body") + pad
        for title, advice in ADVICE:
            heading = text.render(text.fit(title, "subheading", inner), "subheading", palette.ink)
            block = text.block(advice, "body", palette.ink, inner)
            if y + heading.get_height() + block.get_height() > right.bottom - pad:
                break
            surface.blit(heading, (x, y))
            y += heading.get_height()
            surface.blit(block, (x, y))
            y += block.get_height() + pad
        self.focus.draw(surface, ctx)
        draw_footer(surface, ctx, self.fr, footer(self))
