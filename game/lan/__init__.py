"""Phones join the classroom review: a local server, the room logic and the phone page."""
