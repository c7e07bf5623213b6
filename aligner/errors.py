"""Errors a user can cause and fix; the CLI prints them as one line, exit code 2."""


class AlignerError(Exception):
    """Base class for expected, user-facing failures."""


class InputError(AlignerError):
    """An input file is missing, empty, binary, undecodable or otherwise unusable."""


class UsageError(AlignerError):
    """An option or combination of options makes no sense."""
