"""Shared parts every screen uses: words, settings, state, style, icons, reading aloud."""
