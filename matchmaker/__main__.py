"""`python -m matchmaker`: the same as the `matchmaker` console script."""

from matchmaker.cli import main

main(prog_name="matchmaker")
