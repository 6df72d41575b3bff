"""Reusable drawing for every screen: one widget (or family of shapes) per file."""
