"""The waiting-room tablet: idle reset, Hide my screen, activity from the browser."""
