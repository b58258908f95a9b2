"""The review application (Textual): work through findings with the keyboard, keep every decision."""
