"""The classroom's projector screens: setup, turn, scoreboard, review, and their drawing."""
