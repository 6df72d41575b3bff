"""Menus and the reading room: title, settings, packs, notice, choose, explore."""
