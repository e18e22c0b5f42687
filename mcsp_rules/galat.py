"""The project's own errors: one clear sentence for a person, in Indonesian and English."""

from __future__ import annotations


class MCSPError(Exception):
    """An input or configuration problem a user can act on. ``pesan`` is Indonesian, ``message`` English."""

    def __init__(self, pesan: str, message: str | None = None, *, file: str | None = None):
        self.pesan = pesan
        self.message = message or pesan
        self.file = file
        super().__init__(pesan)

    def teks(self, bahasa: str = "id") -> str:
        teks = self.pesan if bahasa == "id" else self.message
        return f"{self.file}: {teks}" if self.file else teks


class FileTidakTerbaca(MCSPError):
    """The file cannot be read at all (wrong format, over a limit, corrupt, encrypted)."""
