// Simulator: see README.md
