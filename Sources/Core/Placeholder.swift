// Core: see README.md
