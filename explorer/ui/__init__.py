"""Qt: the window as panes (see the module map in docs/architecture.md), the Qt models, the
session adapter, settings and i18n.

The only package (with `explorer/app.py`) that imports PySide6 or qasync. Widgets never parse
frames: they hand frames to the codec and client objects and show what those return. Every
coroutine a slot starts runs through a `tasks.TaskRunner`.
"""
