// NcursesBackend: see README.md
