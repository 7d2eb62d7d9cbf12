// TUI: see README.md
