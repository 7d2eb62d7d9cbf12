// Streaming: see README.md
