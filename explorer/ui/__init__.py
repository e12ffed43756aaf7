"""Qt: the main window, its widgets, session controllers and i18n.

The only package (with `explorer/app.py`) that imports PySide6 or qasync. Widgets never parse
frames: they hand frames to the codec and client objects and show what those return.
"""
