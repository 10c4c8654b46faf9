"""The main window: the editor, the candidate bar, the status bar, menus and docks.

It wires core objects (engine, user lexicon) to the widgets and owns file handling and the
autosave; the key logic lives in `ImeController`, the popup in `CandidateBar`.
"""
from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop import i18n
from desktop.autosave import AutosaveStore
from desktop.background import BackgroundRunner, SerialWorker
from desktop.editor import ImeTextEdit
from desktop.ime_controller import ImeController
from desktop.model_loader import find_model, load_scorer
from desktop.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDockWidget,
    QEvent,
    QFileDialog,
    QFont,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QToolButton,
    QWidget,
    Signal,
)
from desktop.settings import DEFAULT_MODEL, MAX_ZOOM, NGRAM_MODEL, AppSettings, SettingsStore

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1500
ANALYSIS_DELAY_MS = 400
# The app's name as window titles end with it. Qt appends the application display name to a
# title that does not already end with it, so this must equal app.py's display name.
APP_DISPLAY_NAME = "音字 Yinzi"
MIN_FONT, MAX_FONT = 6, 72


def app_version() -> str:
    """The version the About box shows: core.version, else the installed package's."""
    try:
        from core.version import __version__
        return __version__
    except ImportError:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("yinzi")
        except PackageNotFoundError:
            return "?"


def documents_dir() -> str:
    """Where file dialogs start before the user has picked a folder."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def centre_over(window: QWidget, anchor: QWidget) -> None:
    """Place a top-level `window` centred over `anchor`'s window, inside the anchor's screen."""
    frame = anchor.window().frameGeometry()
    size = window.frameGeometry().size() if window.isVisible() else window.size()
    x = frame.center().x() - size.width() // 2
    y = frame.center().y() - size.height() // 2
    screen = anchor.screen()
    if screen is not None:
        area = screen.availableGeometry()
        x = max(area.left(), min(x, area.right() - size.width()))
        y = max(area.top(), min(y, area.bottom() - size.height()))
    window.move(x, y)


def create_engine(settings: AppSettings):
    """The n-gram engine with the user's lexicon; the neural scorer is attached later.

    Returns (engine, user_lexicon).
    """
    from core import paths
    from core.engine import ImeEngine
    from core.lexicon.custom_phrases import CustomPhrases
    from core.lexicon.user import UserLexicon

    lexicon = UserLexicon(paths.user_data_dir() / "user_lexicon.sqlite")
    engine = ImeEngine(config=settings.engine_config(), user_lexicon=lexicon, scorer=None)
    # shown first when the whole input is their key (dz -> an address, sj -> the time)
    engine.custom_phrases = CustomPhrases(paths.user_data_dir() / CustomPhrases.FILENAME)
    return engine, lexicon


class MainWindow(QMainWindow):
    """Yinzi's typing window."""

    modelLoaded = Signal(str)        # decoder name, after a model load finished (or failed)
    settingsApplied = Signal()

    def __init__(self, *, engine=None, user_lexicon=None, store: SettingsStore | None = None,
                 autosave: AutosaveStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store or SettingsStore()
        self.settings = self.store.load()
        self.lexicon_error = ""   # set when the system lexicon is missing or damaged
        if engine is None:
            from core.lexicon.system import LexiconError

            try:
                engine, user_lexicon = create_engine(self.settings)
            except LexiconError as exc:
                # plain text keeps working; Chinese input waits for a reinstall or `make lexicon`
                from core.engine.no_lexicon import NoLexiconEngine

                self.lexicon_error = str(exc)
                engine, user_lexicon = NoLexiconEngine(self.lexicon_error), None
        self.engine = engine
        self.user_lexicon = user_lexicon
        self.autosave = autosave or AutosaveStore()
        self.current_path: str | None = None
        self.model_loading = False
        self.model_error = ""
        # Hooks so tests can answer questions without modal dialogs.
        self.ask_restore: Callable[[str], bool] = self._ask_restore_dialog
        self.ask_save_changes: Callable[[], str] = self._ask_save_dialog  # "save"/"discard"/"cancel"
        self._loader = BackgroundRunner(self)
        self._writer = SerialWorker(self)   # file saves and autosaves, in order
        self._load_generation = 0

        self.controller = ImeController(
            self.engine, self,
            chinese=self.settings.start_in_chinese,
            punctuation=self.settings.chinese_punctuation,
        )
        self.controller.page_size = self.settings.page_size
        self._apply_typing_settings()
        self.editor = ImeTextEdit(self.controller, self)
        self.setCentralWidget(self.editor)
        self._build_status_bar()
        self._build_actions()
        self._build_menus()
        self._build_analysis_dock()
        self._apply_editor_font()

        self.controller.chineseModeChanged.connect(self._on_mode_changed)
        self.controller.punctuationChanged.connect(self._on_punctuation_changed)
        self.controller.latencyMeasured.connect(self._on_latency_measured)
        self.editor.document().modificationChanged.connect(self.setWindowModified)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.selectionChanged.connect(self._on_selection_changed)
        self._analysing_selection = False  # what the panel was last given: a selection or all

        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self._write_autosave)
        self._analysis_timer = QTimer(self, singleShot=True, interval=ANALYSIS_DELAY_MS)
        self._analysis_timer.timeout.connect(self._push_analysis_text)
        self.editor.viewport().installEventFilter(self)   # Ctrl+wheel zooms through our setting
        self._find_dialog = None
        self._apply_theme()
        self._watch_learning()
        if self.lexicon_error:
            self._without_chinese_input()

        self.resize(960, 640)
        self._retranslate()
        self._update_status()

    # -- construction ------------------------------------------------------------------------
    def _watch_learning(self) -> None:
        """Learning never blocks typing: a dictionary that cannot be written is said once in the
        status bar, its words wait in memory and are retried every 30 s."""
        self.controller.learningFailed.connect(self._on_learning_failed)
        lex = self.user_lexicon
        self._flush_timer = QTimer(self, interval=30_000)
        self._flush_timer.timeout.connect(self._flush_learned)
        if lex is None:
            return
        lex.on_write_error = self._on_learning_failed
        if lex.write_error:
            self._on_learning_failed(lex.write_error)
        if lex.recovered_from:
            self.statusBar().showMessage(self.tr(
                "The user dictionary was damaged: {0} words were recovered; the old file is {1}"
            ).format(lex.salvaged, lex.recovered_from), 15000)
        self._flush_timer.start()

    def _without_chinese_input(self) -> None:
        """A damaged or missing lexicon: English mode only, said in the status bar for good."""
        self.controller.set_chinese(False)
        self.actions_by_name["chinese"].setEnabled(False)
        self.mode_button.setEnabled(False)
        self.lexicon_label = QLabel(self.tr("Chinese input is unavailable: {0}").format(
            self.lexicon_error), self)
        self.lexicon_label.setWordWrap(True)
        self.statusBar().addWidget(self.lexicon_label, 1)

    def _on_learning_failed(self, reason: str) -> None:
        self.statusBar().showMessage(
            self.tr("Learned words are not being saved: {0}").format(reason), 15000)

    def _flush_learned(self) -> None:
        lex = self.user_lexicon
        if lex is not None and lex.pending:
            lex.flush()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.mode_button = QToolButton(self)
        self.mode_button.setAutoRaise(True)
        self.mode_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mode_button.clicked.connect(lambda: self.controller.set_chinese(not self.controller.chinese))
        self.punct_button = QToolButton(self)
        self.punct_button.setAutoRaise(True)
        self.punct_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.punct_button.clicked.connect(
            lambda: self.controller.set_punctuation(not self.controller.punctuation))
        self.model_label = QLabel(self)
        self.latency_label = QLabel(self)
        self.latency_label.setMinimumWidth(90)
        bar.addPermanentWidget(self.model_label)
        bar.addPermanentWidget(self.latency_label)
        bar.addPermanentWidget(self.punct_button)
        bar.addPermanentWidget(self.mode_button)

    def _build_actions(self) -> None:
        a = {}
        a["new"] = QAction(self, shortcut=QKeySequence.StandardKey.New, triggered=self.new_document)
        a["open"] = QAction(self, shortcut=QKeySequence.StandardKey.Open, triggered=self._on_open)
        a["save"] = QAction(self, shortcut=QKeySequence.StandardKey.Save, triggered=self.save)
        a["save_as"] = QAction(self, shortcut=QKeySequence.StandardKey.SaveAs, triggered=self.save_as)
        a["quit"] = QAction(self, shortcut=QKeySequence.StandardKey.Quit, triggered=self.close)
        a["chinese"] = QAction(self, checkable=True, checked=self.controller.chinese,
                               triggered=self.controller.set_chinese)
        a["punct"] = QAction(self, checkable=True, checked=self.controller.punctuation,
                             triggered=self.controller.set_punctuation)
        a["settings"] = QAction(self, shortcut=QKeySequence.StandardKey.Preferences,
                                triggered=self.open_settings)
        a["dictionary"] = QAction(self, triggered=self.open_user_dictionary)
        a["batch"] = QAction(self, triggered=self.open_batch_window)
        a["train"] = QAction(self, triggered=self.open_wizard)
        a["models"] = QAction(self, triggered=self.open_model_manager)
        a["about"] = QAction(self, triggered=self._on_about)
        a["shortcuts"] = QAction(self, shortcut=QKeySequence.StandardKey.HelpContents,
                                 triggered=self.show_shortcuts)
        ed = lambda name: lambda: getattr(self.editor, name)()  # noqa: E731 - the editor is built later
        a["undo"] = QAction(self, shortcut=QKeySequence.StandardKey.Undo, triggered=ed("undo"))
        a["redo"] = QAction(self, shortcut=QKeySequence.StandardKey.Redo, triggered=ed("redo"))
        a["cut"] = QAction(self, shortcut=QKeySequence.StandardKey.Cut, triggered=ed("cut"))
        a["copy"] = QAction(self, shortcut=QKeySequence.StandardKey.Copy, triggered=ed("copy"))
        a["paste"] = QAction(self, shortcut=QKeySequence.StandardKey.Paste, triggered=ed("paste"))
        a["select_all"] = QAction(self, shortcut=QKeySequence.StandardKey.SelectAll,
                                  triggered=ed("selectAll"))
        a["find"] = QAction(self, triggered=self.open_find)
        a["find"].setShortcuts([QKeySequence(QKeySequence.StandardKey.Find),
                                QKeySequence(QKeySequence.StandardKey.Replace)])
        a["zoom_in"] = QAction(self, triggered=lambda: self.zoom_by(1))
        # Ctrl+= is what the key shows on a US keyboard; Ctrl++ is the platform's Zoom In.
        a["zoom_in"].setShortcuts([QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)])
        a["zoom_out"] = QAction(self, shortcut=QKeySequence.StandardKey.ZoomOut,
                                triggered=lambda: self.zoom_by(-1))
        a["zoom_reset"] = QAction(self, shortcut=QKeySequence("Ctrl+0"), triggered=lambda: self.set_zoom(0))
        for name in ("undo", "redo", "cut", "copy", "paste", "select_all", "find",
                     "zoom_in", "zoom_out", "zoom_reset"):
            # Shortcuts stay with this window, so the editor's own keys are never shadowed
            # in the batch or dictionary windows.
            a[name].setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a["save_as"].setShortcut(QKeySequence("Ctrl+Shift+S"))
        a["settings"].setShortcut(QKeySequence("Ctrl+,"))
        self.actions_by_name = a

    def _build_menus(self) -> None:
        mb = self.menuBar()
        a = self.actions_by_name
        self.file_menu = mb.addMenu("")
        self.file_menu.addActions([a["new"], a["open"]])
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addActions([a["save"], a["save_as"]])
        self.file_menu.addSeparator()
        self.file_menu.addAction(a["quit"])
        self.edit_menu = mb.addMenu("")
        self.edit_menu.addActions([a["undo"], a["redo"]])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([a["cut"], a["copy"], a["paste"], a["select_all"]])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(a["find"])
        self.input_menu = mb.addMenu("")
        self.input_menu.addActions([a["chinese"], a["punct"]])
        self.input_menu.addSeparator()
        self.input_menu.addAction(a["settings"])
        self.tools_menu = mb.addMenu("")
        self.tools_menu.addActions([a["dictionary"], a["batch"]])
        self.tools_menu.addSeparator()
        self.tools_menu.addActions([a["train"], a["models"]])
        self.view_menu = mb.addMenu("")
        self.view_menu.addActions([a["zoom_in"], a["zoom_out"], a["zoom_reset"]])
        self.view_menu.addSeparator()
        self.help_menu = mb.addMenu("")
        self.help_menu.addActions([a["shortcuts"], a["about"]])
        self._rebuild_recent_menu()

    def _build_analysis_dock(self) -> None:
        self.analysis_dock = QDockWidget(self)
        self.analysis_dock.setObjectName("AnalysisDock")
        try:
            from desktop.analysis_panel import AnalysisPanel
        except ImportError as exc:
            log.info("analysis panel unavailable: %s", exc)
            self.analysis_panel = None
            self.analyzer = None
            placeholder = QLabel(self)
            placeholder.setWordWrap(True)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._analysis_placeholder = placeholder
            self.analysis_dock.setWidget(placeholder)
        else:
            from core.analysis.process import AnalyzerProcess

            self._analysis_placeholder = None
            # One analysis child process for the panel and the batch window (started on first use).
            self.analyzer = AnalyzerProcess()
            self.analysis_panel = AnalysisPanel(self, analyzer=self.analyzer)
            self.analysis_dock.setWidget(self.analysis_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.analysis_dock)
        self.analysis_dock.visibilityChanged.connect(self._on_dock_visibility)
        self.analysis_dock.setVisible(self.settings.show_analysis)
        toggle = self.analysis_dock.toggleViewAction()
        toggle.triggered.connect(self._on_analysis_toggled)
        self.view_menu.addAction(toggle)

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # LanguageChange can arrive while __init__ is still building the widgets.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "help_menu"):
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        a = self.actions_by_name
        a["new"].setText(self.tr("&New"))
        a["open"].setText(self.tr("&Open…"))
        a["save"].setText(self.tr("&Save"))
        a["save_as"].setText(self.tr("Save &As…"))
        a["quit"].setText(self.tr("&Quit"))
        a["chinese"].setText(self.tr("Chinese mode\tShift"))
        a["punct"].setText(self.tr("Chinese punctuation\tCtrl+."))
        a["settings"].setText(self.tr("&Settings…"))
        a["dictionary"].setText(self.tr("User &dictionary…"))
        a["batch"].setText(self.tr("&Batch analysis…"))
        a["train"].setText(self.tr("&Train on my text…"))
        a["models"].setText(self.tr("&Models…"))
        a["about"].setText(self.tr("&About Yinzi"))
        a["shortcuts"].setText(self.tr("&Keyboard shortcuts"))
        a["undo"].setText(self.tr("&Undo"))
        a["redo"].setText(self.tr("&Redo"))
        a["cut"].setText(self.tr("Cu&t"))
        a["copy"].setText(self.tr("&Copy"))
        a["paste"].setText(self.tr("&Paste"))
        a["select_all"].setText(self.tr("Select &All"))
        a["find"].setText(self.tr("&Find and replace…"))
        a["zoom_in"].setText(self.tr("Zoom &in"))
        a["zoom_out"].setText(self.tr("Zoom &out"))
        a["zoom_reset"].setText(self.tr("&Reset zoom"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.input_menu.setTitle(self.tr("&Input"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.analysis_dock.setWindowTitle(self.tr("Analysis"))
        if self._analysis_placeholder is not None:
            self._analysis_placeholder.setText(
                self.tr("Text analysis is not available in this build."))
        self.mode_button.setToolTip(self.tr("Input mode (Shift toggles)"))
        self._rebuild_recent_menu()
        self._update_title()
        self._update_status()
        # Windows built in the old language are rebuilt the next time they are opened.
        window = getattr(self, "_dict_window", None)
        if window is not None and not window.isVisible():
            window.deleteLater()
            self._dict_window = None

    # -- status ------------------------------------------------------------------------------
    def _update_status(self) -> None:
        chinese = self.controller.chinese
        self.mode_button.setText("中" if chinese else "英")
        # What a key types now: English mode types ASCII marks whatever the punctuation switch.
        self.punct_button.setText("，。" if chinese and self.controller.punctuation else ",.")
        self.punct_button.setToolTip(
            self.tr("Chinese punctuation (Ctrl+. toggles)") if chinese
            else self.tr("English mode types ASCII punctuation; Chinese punctuation (Ctrl+. toggles) "
                         "applies in Chinese mode"))
        self.actions_by_name["chinese"].setChecked(self.controller.chinese)
        self.actions_by_name["punct"].setChecked(self.controller.punctuation)
        name = self.engine.decoder_name
        if self.model_loading:
            text = self.tr("Model: {0} (loading {1}…)").format(name, self.settings.model)
        elif self.model_error:
            text = self.tr("Model: {0} (neural model unavailable)").format(name)
        else:
            text = self.tr("Model: {0}").format(name)
        self.model_label.setText(text)
        self.model_label.setToolTip(self.model_error)
        ms = self.controller.last_latency_ms
        self.latency_label.setText(self.tr("{0:.1f} ms").format(ms) if ms else "")
        self.latency_label.setToolTip(self.tr("Last keystroke-to-candidates time"))

    def _on_mode_changed(self, chinese: bool) -> None:
        if chinese and self.lexicon_error:   # Shift cannot switch to a mode with no lexicon
            self.controller.set_chinese(False)
            return
        self._update_status()

    def _on_punctuation_changed(self, on: bool) -> None:
        self._update_status()

    def _on_latency_measured(self, ms: float) -> None:
        self.latency_label.setText(self.tr("{0:.1f} ms").format(ms))

    # -- model -------------------------------------------------------------------------------
    def start_model_load(self) -> None:
        """Load the chosen neural model in the background; the n-gram decoder serves meanwhile."""
        if self.lexicon_error:   # the model rescores the lexicon's sentences: nothing to rescore
            return
        self._load_generation += 1
        generation = self._load_generation
        name, prefer_cuda = self.settings.model, self.settings.prefer_cuda
        self.model_error = ""
        if name == DEFAULT_MODEL and find_model(name) is None:
            name = NGRAM_MODEL  # no model shipped in this build: the n-gram decoder, no error
        if name == NGRAM_MODEL:
            self.engine.set_scorer(None)
            self.model_loading = False
            self._update_status()
            self.modelLoaded.emit(self.engine.decoder_name)
            return
        self.model_loading = True
        self._update_status()
        started = time.perf_counter()

        def done(scorer) -> None:
            if generation != self._load_generation:
                return  # the user chose another model meanwhile
            self.model_loading = False
            self.engine.set_scorer(scorer)
            log.info("model %s loaded in %.2f s", name, time.perf_counter() - started)
            self._update_status()
            self.statusBar().showMessage(self.tr("Model loaded: {0}").format(self.engine.decoder_name), 5000)
            self.modelLoaded.emit(self.engine.decoder_name)

        def failed(exc: BaseException) -> None:
            if generation != self._load_generation:
                return
            self.model_loading = False
            self.model_error = str(exc)
            log.warning("model %s could not be loaded: %s", name, exc)
            self.engine.set_scorer(None)
            self._update_status()
            self.statusBar().showMessage(
                self.tr("Neural model not loaded ({0}); using the n-gram decoder").format(exc), 8000)
            self.modelLoaded.emit(self.engine.decoder_name)

        self._loader.run(lambda: load_scorer(name, prefer_cuda=prefer_cuda),
                         on_success=done, on_failure=failed)

    def warm_up_engine(self) -> None:
        """Build the lexicon tables and the user dictionary's index off the UI thread, then
        one decode here, so the first keystroke does not pay for them. The decoder itself is
        only ever used on this thread."""
        lexicon = getattr(self.engine, "_lex", None)
        if self.lexicon_error or lexicon is None or not hasattr(lexicon, "warm_up"):
            return
        user = self.user_lexicon

        def warm_up() -> None:
            lexicon.warm_up()
            if user is not None:
                user.warm_up()

        def decode_once(_: object) -> None:
            if not self.controller.composing and hasattr(self.engine, "decoder"):
                self.engine.decoder.decode("nihao")
            # The lexicon's tables now live as long as the app. A full garbage collection
            # walked their million entries (20 to 60 ms) wherever it fell, on a keystroke or
            # a commit; frozen, the collector skips them.
            gc.freeze()

        self._loader.run(warm_up, on_success=decode_once,
                         on_failure=lambda exc: self.statusBar().showMessage(str(exc), 10000))

    # -- settings and windows ----------------------------------------------------------------
    def apply_settings(self, settings: AppSettings) -> None:
        old = self.settings
        self.settings = settings
        self._save_settings()
        self.engine.set_config(settings.engine_config())
        self.controller.page_size = settings.page_size
        self.controller.set_punctuation(settings.chinese_punctuation)
        self._apply_typing_settings()
        self._apply_editor_font()
        self._apply_theme()
        if (settings.model, settings.prefer_cuda) != (old.model, old.prefer_cuda):
            self.start_model_load()
        if settings.language != old.language:
            i18n.switch_language(QApplication.instance(), settings.language)
        self._update_status()
        self.settingsApplied.emit()

    def _save_settings(self) -> None:
        """Persist `self.settings`; a config folder that refuses is said once, and the
        settings stay in effect for this session."""
        said = bool(self.store.save_error)
        if not self.store.save(self.settings) and not said:
            self.statusBar().showMessage(
                self.tr("Settings are not saved (the config folder refused them); "
                        "they apply until you quit."), 10000)

    def open_settings(self) -> None:
        from desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.apply_settings(dialog.result_settings())

    def open_user_dictionary(self):
        from desktop.user_dict_window import UserDictWindow

        window = getattr(self, "_dict_window", None)
        if window is None:
            window = UserDictWindow(self.user_lexicon, self,
                                    custom_phrases=getattr(self.engine, "custom_phrases", None))
            self.controller.attach(window.search)   # Chinese input in the search field too
            self._dict_window = window
            centre_over(window, self)
        window.refresh()
        window.show()
        window.raise_()
        return window

    def open_batch_window(self):
        window = getattr(self, "_batch_window", None)
        if window is None:
            try:
                from desktop.batch_window import BatchWindow
            except ImportError as exc:
                QMessageBox.information(self, self.tr("Batch analysis"),
                                        self.tr("Batch analysis is not available: {0}").format(exc))
                return None
            window = BatchWindow(self, analyzer=self.analyzer,  # a window of its own, owned here
                                 start_dir=self.start_dir, remember_dir=self.remember_dir)
            window.setWindowFlag(Qt.WindowType.Window)
            self._batch_window = window
            centre_over(window, self)
        window.show()
        window.raise_()
        return window

    def _model_store(self):
        """Model switches from the wizard or the model manager go through apply_settings, so
        the running app loads the new model at once."""
        from desktop.wizard.model_store import ModelStore

        return ModelStore(read_settings=lambda: self.settings, write_settings=self.apply_settings)

    def open_wizard(self):
        """The fine-tune wizard in a window of its own; training runs in its child process."""
        window = getattr(self, "_wizard", None)
        if window is not None:
            window.raise_()
            window.activateWindow()
            return window
        from desktop.wizard.window import FineTuneWizard

        window = FineTuneWizard(self, store=self._model_store(), open_manager=self.open_model_manager)
        # Deleted when it closes (it may hold a finished run's charts); the next open is fresh.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.finished.connect(self._forget_wizard)
        self._wizard = window
        window.show()
        QTimer.singleShot(0, window.offer_resume)
        return window

    def _forget_wizard(self, _result: int = 0) -> None:
        self._wizard = None

    def open_model_manager(self):
        window = getattr(self, "_model_manager", None)
        if window is None:
            from desktop.model_manager import ModelManagerWindow

            window = ModelManagerWindow(self._model_store(), self)
            window.setWindowFlag(Qt.WindowType.Window)
            self._model_manager = window
            centre_over(window, self)
        window.refresh()
        window.show()
        window.raise_()
        return window

    def _on_about(self) -> None:
        QMessageBox.about(self, self.tr("About Yinzi"), self.about_text())

    def about_text(self) -> str:
        return self.tr(
            "<b>Yinzi (音字)</b> {0}<br>An offline pinyin input method with its own neural "
            "pinyin-to-hanzi model, and Chinese text analysis.<br>Decoder: {1}"
        ).format(app_version(), self.engine.decoder_name)

    def shortcuts_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the Help menu's table: typing keys, then the menus'."""
        native = QKeySequence.SequenceFormat.NativeText
        rows = [
            ("Shift", self.tr("Switch between Chinese and English mode")),
            ("Ctrl+.", self.tr("Chinese or ASCII punctuation")),
            (self.tr("Space / 1-9"), self.tr("Commit the first / a numbered candidate")),
            ("Enter", self.tr("Commit the letters as typed")),
            ("Esc", self.tr("Cancel the composition")),
            ("PgUp / PgDn, [ / ]", self.tr("Previous / next page of candidates")),
            (self.tr("Ctrl+wheel"), self.tr("Zoom the editor")),
        ]
        for name in ("new", "open", "save", "save_as", "undo", "redo", "cut", "copy", "paste",
                     "select_all", "find", "zoom_in", "zoom_out", "zoom_reset", "settings", "quit"):
            action = self.actions_by_name[name]
            keys = " / ".join(k.toString(native) for k in action.shortcuts() if not k.isEmpty())
            if keys:
                rows.append((keys, action.text().replace("&", "").replace("…", "")))
        return rows

    def show_shortcuts(self) -> None:
        import html

        table = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>&nbsp;&nbsp;{html.escape(v)}</td></tr>"
                        for k, v in self.shortcuts_rows())
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{table}</table>")
        box.exec()

    def open_find(self):
        from desktop.find_dialog import FindReplaceDialog

        if self._find_dialog is None:
            self._find_dialog = FindReplaceDialog(self.editor, self)
            self.controller.attach(self._find_dialog.find_edit)
            self.controller.attach(self._find_dialog.replace_edit)
            centre_over(self._find_dialog, self)
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self._find_dialog.find_edit.setText(selected)
        self._find_dialog.show()
        self._find_dialog.raise_()
        self._find_dialog.activateWindow()
        self._find_dialog.find_edit.setFocus()
        return self._find_dialog

    def _apply_typing_settings(self) -> None:
        self.controller.punct_pages = self.settings.punct_pages
        self.controller.prediction = self.settings.prediction

    def _apply_theme(self) -> None:
        from desktop import theme

        app = QApplication.instance()
        if app is not None:
            theme.for_app(app).apply(self.settings.theme)

    # -- zoom --------------------------------------------------------------------------------
    def font_points(self) -> int:
        """The editor's font size: the setting plus the zoom steps, within Qt's sane range."""
        return max(MIN_FONT, min(MAX_FONT, self.settings.font_size + self.settings.zoom))

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self.settings.zoom + steps)

    def set_zoom(self, zoom: int) -> None:
        """Zoom the editor (one point a step) and remember it for the next start."""
        zoom = max(-MAX_ZOOM, min(MAX_ZOOM, zoom))
        # Steps beyond the font limits would change nothing now and have to be undone later.
        zoom = max(MIN_FONT - self.settings.font_size, min(MAX_FONT - self.settings.font_size, zoom))
        if zoom == self.settings.zoom:
            return
        self.settings = replace(self.settings, zoom=zoom)
        self._save_settings()
        self._apply_editor_font()
        self.statusBar().showMessage(self.tr("Zoom: {0} pt").format(self.font_points()), 2000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Ctrl+wheel over the editor zooms through the setting (QPlainTextEdit's own zoom
        # would be lost at the next font change and never remembered).
        if (event.type() == QEvent.Type.Wheel and watched is self.editor.viewport()
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            delta = event.angleDelta().y()
            if delta:
                self.zoom_by(1 if delta > 0 else -1)
            return True
        return super().eventFilter(watched, event)

    def _apply_editor_font(self) -> None:
        font = QFont(self.editor.font())
        if self.settings.font_family:
            font.setFamily(self.settings.font_family)
        font.setPointSize(self.font_points())
        self.editor.setFont(font)
        self.editor.candidate_bar.set_font_size(max(11, self.settings.font_size - 1))

    # -- analysis dock -----------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self._autosave_timer.start()
        if self.analysis_panel is not None and self.analysis_dock.isVisible():
            # Said now; the text follows after the debounce (a paste of a long text, a
            # restored session: the panel must not read "type or paste" meanwhile).
            self.analysis_panel.show_pending(not self.editor.document().isEmpty())
            self._analysis_timer.start()

    def _on_selection_changed(self) -> None:
        # Debounced like typing (dragging a selection emits on every pixel). A cursor that
        # merely moves, with no selection before or after, changes nothing to analyse.
        if (self.analysis_panel is not None and self.analysis_dock.isVisible()
                and (self.editor.textCursor().hasSelection() or self._analysing_selection)):
            self._analysis_timer.start()

    def _on_analysis_toggled(self, shown: bool) -> None:
        self.settings = replace(self.settings, show_analysis=shown)
        self._save_settings()
        if shown:
            self._push_analysis_text()

    def _push_analysis_text(self) -> None:
        """Give the panel the selection if there is one, else the whole text."""
        if self.analysis_panel is not None:
            cursor = self.editor.textCursor()
            selection = cursor.hasSelection()
            text = cursor.selectedText() if selection else self.editor.toPlainText()
            self._analysing_selection = selection
            self.analysis_panel.set_text(text.replace("\u2029", "\n"), selection=selection)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_dock()

    def _on_dock_visibility(self, _shown: bool) -> None:
        QTimer.singleShot(0, self, self._fit_dock)   # after the dock has its size

    def _fit_dock(self) -> None:
        """The editor keeps at least half the window: a narrow window shrinks the dock."""
        dock = self.analysis_dock
        if dock.isVisible() and not dock.isFloating():
            short = self.width() // 2 - self.editor.width()
            if short > 0:
                self.resizeDocks([dock], [max(0, dock.width() - short)], Qt.Orientation.Horizontal)

    # -- files -------------------------------------------------------------------------------
    def text(self) -> str:
        return self.editor.toPlainText()

    def new_document(self) -> None:
        if not self._maybe_keep_changes():
            return
        self.editor.clear()
        self.current_path = None
        self.editor.document().setModified(False)
        self._update_title()

    def _on_open(self) -> None:
        if not self._maybe_keep_changes():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open text"), self.start_dir(),
                                              self.tr("Text files (*.txt);;All files (*)"))
        if path:
            self.remember_dir(path)
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            QMessageBox.warning(self, self.tr("Open text"),
                                self.tr("{0} is not UTF-8 text.").format(path))
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Open text"),
                                self.tr("Could not open {0}: {1}").format(path, exc.strerror))
            return False
        self.controller.cancel()
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.current_path = path
        self._remember_recent(path)
        self._update_title()
        return True

    def save(self) -> bool:
        if self.current_path is None:
            return self.save_as()
        return self.save_to(self.current_path)

    def save_as(self) -> bool:
        start = self.start_dir()
        if self.current_path:
            start = str(Path(start) / Path(self.current_path).name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save text"), start,
                                              self.tr("Text files (*.txt);;All files (*)"))
        if not path:
            return False
        self.remember_dir(path)
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        self.controller.commit_raw()   # a pending composition is part of what the user sees
        try:
            Path(path).write_text(self.text(), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save text"),
                                self.tr("Could not save {0}: {1}").format(path, exc.strerror))
            return False
        self.current_path = path
        self.editor.document().setModified(False)
        self.autosave.clear()
        self._remember_recent(path)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 3000)
        return True

    def start_dir(self) -> str:
        """Where a file dialog starts: the open file's folder, else the last folder a dialog
        ended in (kept across starts), else the documents folder; never the launch folder."""
        for candidate in (str(Path(self.current_path).parent) if self.current_path else "",
                          self.settings.last_folder):
            if candidate and Path(candidate).is_dir():
                return candidate
        return documents_dir()

    def remember_dir(self, path: str) -> None:
        """Keep the folder of a file the user picked in a dialog, for the next dialog."""
        folder = str(Path(path).resolve().parent)
        if folder != self.settings.last_folder:
            self.settings = replace(self.settings, last_folder=folder)
            self._save_settings()

    def _remember_recent(self, path: str) -> None:
        self.settings = self.settings.with_recent(str(Path(path).resolve()))
        self._save_settings()
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    def _open_recent(self, path: str) -> None:
        if self._maybe_keep_changes():
            self.open_path(path)

    def _update_title(self) -> None:
        name = Path(self.current_path).name if self.current_path else self.tr("Untitled")
        self.setWindowTitle(f"{name}[*] — {APP_DISPLAY_NAME}")

    def _maybe_keep_changes(self) -> bool:
        """False when the user cancels; True when it is fine to drop or after saving."""
        if not self.editor.document().isModified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _ask_save_dialog(self) -> str:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), self.tr("Save the changes to this text?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(answer, "cancel")

    # -- autosave ----------------------------------------------------------------------------
    def _write_autosave(self) -> None:
        if not self.editor.document().isModified():
            return
        text, path, store = self.text(), self.current_path, self.autosave
        self._writer.run(lambda: store.write(text, path),
                         on_failure=lambda exc: log.warning("autosave failed: %s", exc))

    def offer_recovery(self) -> bool:
        """At launch: give back the text of a session that ended without saving."""
        recovered = self.autosave.read()
        if recovered is None:
            return False
        if not self.ask_restore(recovered.text):
            self.autosave.clear()
            return False
        self.editor.setPlainText(recovered.text)
        self.current_path = recovered.original_path
        self.editor.document().setModified(True)
        self._update_title()
        return True

    def _ask_restore_dialog(self, text: str) -> bool:
        preview = text[:200] + ("…" if len(text) > 200 else "")
        answer = QMessageBox.question(
            self, self.tr("Restore unsaved text"),
            self.tr("The last session ended without saving. Restore its text?\n\n{0}").format(preview),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- closing -----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.controller.commit_raw()
        if not self._maybe_keep_changes():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop timers and background work; clean exit means no autosave is left behind."""
        self._autosave_timer.stop()
        self._analysis_timer.stop()
        if getattr(self, "analyzer", None) is not None:
            # The analysis child first: a request in flight then ends at once, so neither the
            # batch window nor the panel below waits out a long analysis before the app exits.
            self.analyzer.close()
        batch = getattr(self, "_batch_window", None)
        if batch is not None:
            batch.close()   # cancels and waits for a running batch
        if self.analysis_panel is not None and hasattr(self.analysis_panel, "shutdown"):
            self.analysis_panel.shutdown()
        self._loader.shutdown(10000)
        self._writer.shutdown(5000)
        self.autosave.clear()
        self.editor.candidate_bar.hide()
        self._flush_timer.stop()
        custom = getattr(self.engine, "custom_phrases", None)
        if custom is not None and hasattr(custom, "close"):
            custom.close()
        if self.user_lexicon is not None:
            self.user_lexicon.close()
            self.user_lexicon = None
