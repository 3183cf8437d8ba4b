"""PlanAlign's exception tree.

Every error the core raises on purpose derives from :class:`AlignmentError` and carries a message
in Chinese that a user can act on, plus an English one for the CLI's stderr::

    AlignmentError
    ├── UnsupportedFormatError   the file's suffix has no reader
    ├── DocumentReadError        missing, empty, corrupt, encrypted, too large, no text
    │   └── DocumentTooLargeError
    │       └── DocumentTooComplexError   over the time or memory budget for one document
    ├── PlanError                a reference plan has no recognisable structure
    ├── RuleFileError            a rule file is malformed (names file and line)
    ├── ProfileError             an office profile (TOML) or report template is unusable
    ├── ReviewFileError          a saved review (JSON) is unreadable or for another document
    ├── OutputError              an output cannot be written (locked, read-only, same as input)
    └── Cancelled                the caller cancelled a long operation
"""

from __future__ import annotations


class AlignmentError(Exception):
    """Base of every error PlanAlign raises on purpose.

    Parameters
    ----------
    message:
        The message in Chinese, shown to users.
    english:
        The same message in English, for the CLI's stderr.
    """

    def __init__(self, message: str, english: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.english = english or message

    def __str__(self) -> str:
        return self.message


class UnsupportedFormatError(AlignmentError):
    """The file's type has no reader."""


class DocumentReadError(AlignmentError):
    """A document could not be read: missing, empty, corrupt, encrypted or without text."""


class DocumentTooLargeError(DocumentReadError):
    """A document exceeds a size limit; refused before it is read."""


class DocumentTooComplexError(DocumentTooLargeError):
    """Reading or analysing a document ran over its time or memory budget."""


class PlanError(AlignmentError):
    """A reference plan could not be parsed into chapters, sections and measures."""


class RuleFileError(AlignmentError):
    """A rule file is malformed; the message names the file and the line."""


class ProfileError(AlignmentError):
    """An office profile (who signs, to whom) or the office's report template is unusable."""


class ReviewFileError(AlignmentError):
    """A saved review cannot be read, or belongs to another document."""


class OutputError(AlignmentError):
    """An output file could not be written."""


class Cancelled(AlignmentError):
    """A long operation was cancelled by its caller."""

    def __init__(self) -> None:
        super().__init__("操作已取消。", "The operation was cancelled.")
