"""Trainer child processes for the wizard (QProcess: the GUI never blocks on them).

`TrainerProcess` runs a training command and turns its stdout into events and log lines;
`JsonQuery` runs a short command that prints one JSON object (inspect-corpus, devices).
Cancel is SIGTERM (the trainer checkpoints and exits 130); Pause is SIGSTOP/SIGCONT to the
child's process group on POSIX (torchrun's workers stop too); elsewhere pausing is unsupported.
"""
from __future__ import annotations

import json
import logging
import os
import signal

from desktop.qt import QObject, QtCore, Signal
from desktop.wizard.commands import Command
from desktop.wizard.events import parse_line

log = logging.getLogger(__name__)

QProcess = QtCore.QProcess
QProcessEnvironment = QtCore.QProcessEnvironment
CAN_PAUSE = os.name == "posix"
CANCEL_EXIT_CODE = 130


def _environment(command: Command) -> QtCore.QProcessEnvironment:
    env = QProcessEnvironment.systemEnvironment()
    env.insert("PYTHONUNBUFFERED", "1")        # events as they happen, not in 8 KB lumps
    env.insert("PYTHONIOENCODING", "utf-8")
    for key, value in command.env.items():
        env.insert(key, value)
    return env


def _new_process(parent: QObject, command: Command) -> QtCore.QProcess:
    process = QProcess(parent)
    process.setProgram(command.argv[0])
    process.setArguments(list(command.argv[1:]))
    process.setProcessEnvironment(_environment(command))
    if CAN_PAUSE and hasattr(process, "setUnixProcessParameters"):
        # Its own process group, so Pause stops torchrun's workers as well.
        flags = QProcess.UnixProcessFlag
        if hasattr(flags, "CreateNewSession"):
            process.setUnixProcessParameters(flags.CreateNewSession)
    return process


class _LineSplitter:
    """Bytes in, complete UTF-8 lines out (a line may arrive in several reads)."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[str]:
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        return [line.decode("utf-8", "replace").rstrip("\r") for line in lines]

    def flush(self) -> list[str]:
        rest, self._buffer = self._buffer, b""
        return [rest.decode("utf-8", "replace").rstrip("\r")] if rest.strip() else []


class TrainerProcess(QObject):
    """One training run as a child process."""

    eventReceived = Signal(object)        # events.Event
    logLine = Signal(str, bool)           # text, from stderr
    finished = Signal(int, bool)          # exit code, crashed (killed by a signal)
    failedToStart = Signal(str)           # what the OS said

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QtCore.QProcess | None = None
        self._out = _LineSplitter()
        self._err = _LineSplitter()
        self.paused = False
        self.cancelling = False
        self.stderr_tail: list[str] = []

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning

    @property
    def pid(self) -> int:
        return int(self._process.processId()) if self._process is not None else 0

    def start(self, command: Command) -> None:
        if self.running:
            raise RuntimeError("a training run is already going")
        self._out, self._err = _LineSplitter(), _LineSplitter()
        self.paused = self.cancelling = False
        self.stderr_tail = []
        if self._process is not None:
            self._process.deleteLater()      # the previous run's, finished
        process = _new_process(self, command)
        process.readyReadStandardOutput.connect(self._on_stdout)
        process.readyReadStandardError.connect(self._on_stderr)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        log.info("starting %s", command.describe())
        process.start()

    # -- control ----------------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the trainer to stop at a checkpoint (SIGTERM; a paused run is woken to hear it)."""
        if not self.running:
            return
        self.cancelling = True
        self._process.terminate()
        if self.paused:
            self._signal_group(signal.SIGCONT)
            self.paused = False

    def kill(self) -> None:
        if self.running:
            if self.paused:
                self._signal_group(signal.SIGCONT)
            self._process.kill()

    def pause(self) -> bool:
        if not (CAN_PAUSE and self.running) or self.paused:
            return False
        self._signal_group(signal.SIGSTOP)
        self.paused = True
        return True

    def resume(self) -> bool:
        if not (CAN_PAUSE and self.running and self.paused):
            return False
        self._signal_group(signal.SIGCONT)
        self.paused = False
        return True

    def wait(self, msecs: int) -> bool:
        """Block until the child exits (closing the wizard only); True when it did."""
        if self._process is None:
            return True
        return self._process.waitForFinished(msecs) or not self.running

    def _signal_group(self, sig: int) -> None:
        pid = self.pid
        if pid <= 0:
            return
        try:
            os.killpg(pid, sig)          # the child leads its own group (CreateNewSession)
        except (OSError, AttributeError):
            try:
                os.kill(pid, sig)
            except OSError as exc:
                log.warning("could not signal the trainer (%s): %s", pid, exc)

    # -- output -----------------------------------------------------------------------------
    def _on_stdout(self) -> None:
        self._emit_lines(self._out.feed(bytes(self._process.readAllStandardOutput())), False)

    def _on_stderr(self) -> None:
        self._emit_lines(self._err.feed(bytes(self._process.readAllStandardError())), True)

    def _emit_lines(self, lines: list[str], stderr: bool) -> None:
        for line in lines:
            event = None if stderr else parse_line(line)
            if event is not None:
                self.eventReceived.emit(event)
            elif line.strip():
                if stderr:
                    self.stderr_tail = (self.stderr_tail + [line])[-40:]
                self.logLine.emit(line, stderr)

    def _on_finished(self, code: int, status) -> None:
        self._on_stdout()
        self._on_stderr()
        self._emit_lines(self._out.flush(), False)
        self._emit_lines(self._err.flush(), True)
        self.paused = False
        crashed = status == QProcess.ExitStatus.CrashExit
        self.finished.emit(int(code), crashed)

    def _on_error(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            message = self._process.errorString()
            self._process = None
            self.failedToStart.emit(message)


class JsonQuery(QObject):
    """A short child that prints one JSON object; the newest request wins (older ones killed)."""

    answered = Signal(object)            # the parsed object
    failed = Signal(str, str)            # code ("start" | "exit" | "json" | "unknown"), detail

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QtCore.QProcess | None = None

    @property
    def busy(self) -> bool:
        return self._process is not None

    def run(self, command: Command) -> None:
        self.stop()
        process = _new_process(self, command)
        process.finished.connect(lambda code, status, p=process: self._on_finished(p, code))
        process.errorOccurred.connect(lambda error, p=process: self._on_error(p, error))
        self._process = process
        process.start()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(2000)
        if process is not None:
            process.deleteLater()

    def _on_error(self, process, error) -> None:
        if process is self._process and error == QProcess.ProcessError.FailedToStart:
            self._process = None
            self.failed.emit("start", process.errorString())

    def _on_finished(self, process, code: int) -> None:
        if process is not self._process:
            return   # superseded by a newer request
        self._process = None
        out = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError()).decode("utf-8", "replace").strip()
        process.deleteLater()
        try:
            data = json.loads(_last_json_object(out))
        except ValueError as exc:
            data, problem = None, f"{exc}: {out[-500:]}"
        else:
            problem = out[-500:]
        # A report is a report whatever the exit code: inspect-corpus exits 2 when the files
        # hold no usable Chinese text, and its JSON says why.
        if isinstance(data, dict):
            self.answered.emit(data)
        elif code != 0:
            from desktop.wizard.commands import unknown_command

            self.failed.emit("unknown" if unknown_command(err) else "exit",
                             err[-2000:] or f"exit code {code}")
        else:
            self.failed.emit("json", problem)


def _last_json_object(text: str) -> str:
    """The JSON object of the output, even after stray log lines: from the first line that
    starts with '{' and parses to its end."""
    stripped = text.strip()
    lines = stripped.splitlines()
    for i, line in enumerate(lines):
        if line.lstrip().startswith("{"):
            candidate = "\n".join(lines[i:])
            try:
                json.loads(candidate)
            except ValueError:
                continue
            return candidate
    return stripped

