"""Read files of a fetched repository: a bare git mirror (read at its HEAD) or a plain folder.

The extra-corpus builder takes its sources from repository snapshots; recording the commit
each file came from is what makes the provenance reproducible.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mirror:
    """A repository on disk: `root` is a bare git dir, a checkout, or a folder of files."""

    root: Path
    repo: str               # owner/name, for the provenance record

    def _git(self, *args: str) -> bytes:
        return subprocess.run(["git", "-C", str(self.root), "-c", "core.quotepath=off", *args],
                              capture_output=True, check=True).stdout

    @property
    def is_git(self) -> bool:
        return (self.root / "HEAD").is_file() or (self.root / ".git").exists()

    def commit(self) -> str | None:
        if not self.is_git:
            return None
        return self._git("rev-parse", "HEAD").decode().strip()

    def commit_date(self) -> str | None:
        if not self.is_git:
            return None
        return self._git("log", "-1", "--format=%cI", "HEAD").decode().strip()

    def read(self, path: str) -> str:
        """The text of `path`: from the folder when it is there, else from git's HEAD."""
        plain = self.root / path
        if plain.is_file():
            return plain.read_text(encoding="utf-8")
        if not self.is_git:
            raise FileNotFoundError(f"{self.repo}: {path} not found under {self.root}")
        try:
            return self._git("show", f"HEAD:{path}").decode("utf-8")
        except subprocess.CalledProcessError as exc:
            raise FileNotFoundError(f"{self.repo}: {path} not in HEAD of {self.root}") from exc

    def exists(self, path: str) -> bool:
        try:
            self.read(path)
        except FileNotFoundError:
            return False
        return True

    def list(self, folder: str) -> list[str]:
        """Paths of the files under `folder` (recursive), sorted."""
        plain = self.root / folder
        if plain.is_dir():
            return sorted(str(p.relative_to(self.root)) for p in plain.rglob("*") if p.is_file())
        if not self.is_git:
            return []
        out = self._git("ls-tree", "-r", "--name-only", "HEAD", "--", folder).decode()
        return sorted(line for line in out.splitlines() if line)
