"""The engine of the ui: scene stack, input, context, registry, text, theme, sound."""
