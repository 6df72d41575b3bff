"""The classroom's projector screens: setup, turn, scoreboard, review, phones, and their drawing."""
