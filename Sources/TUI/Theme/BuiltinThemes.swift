/// The themes shipped with VTrack, embedded so the binary needs no files at run time.
/// Each text is the exact content of `Themes/<name>.theme` (a test checks they match).
enum BuiltinThemes {
    static let texts: [(name: String, text: String)] = [
        ("default", #"""
# VTrack theme: default (dark or light terminals; keeps the terminal's own background).
# key = [FG] [on BG] [bold] [dim] [underline] [reverse]
# Colours are #RRGGBB or "default" (the terminal's own colour); an empty value is the
# terminal's default look. Keys missing from a file take the "text" style.
text             =
muted            = #8a8a8a
border           = #5f6f87
border_focus     = #5fafff bold
title            = #87d7ff bold
header           = #d0d0d0 on #303a4a
tab_active       = #ffffff on #005f87 bold
selected         = #ffffff on #264f78
checkbox_on      = #87d787 bold
checkbox_off     = #8a8a8a
progress_done    = #5fd787
progress_todo    = #4e4e4e
error            = #ff5f5f bold
warning          = #ffaf5f
ok               = #87d787
info             = #5fd7ff
status_bar       = #d0d0d0 on #303a4a
help_key         = #ffd75f bold
help_text        = #bcbcbc
help_disabled    = #626262
input            = default on #303030
input_focus      = #ffffff on #2f4f6f
button           = #d0d0d0 on #3a3a3a
button_focus     = #ffffff on #005f87 bold
modal            = default on #1c1c1c
calendar_today   = #ffd75f bold underline
calendar_range   = #ffffff on #3a5f87
coverage_full    = #5fd787
coverage_partial = #ffaf5f
coverage_none    = #585858
"""#),
        ("light", #"""
# VTrack theme: light (dark text for terminals with a white background).
# key = [FG] [on BG] [bold] [dim] [underline] [reverse]; empty = terminal default.
text             = #1c1c1c
muted            = #6c6c6c
border           = #8a9ab0
border_focus     = #005faf bold
title            = #005f87 bold
header           = #1c1c1c on #d0dbe8
tab_active       = #ffffff on #005faf bold
selected         = #000000 on #bcd7f5
checkbox_on      = #008700 bold
checkbox_off     = #8a8a8a
progress_done    = #00875f
progress_todo    = #d0d0d0
error            = #c00000 bold
warning          = #af5f00
ok               = #008700
info             = #005f87
status_bar       = #1c1c1c on #d0dbe8
help_key         = #875f00 bold
help_text        = #3a3a3a
help_disabled    = #a8a8a8
input            = #1c1c1c on #eeeeee
input_focus      = #000000 on #d7e8ff
button           = #1c1c1c on #dadada
button_focus     = #ffffff on #005faf bold
modal            = #1c1c1c on #f5f5f5
calendar_today   = #af5f00 bold underline
calendar_range   = #000000 on #bcd7f5
coverage_full    = #00875f
coverage_partial = #d75f00
coverage_none    = #bcbcbc
"""#),
        ("high-contrast", #"""
# VTrack theme: high-contrast (pure colours on black, for bright rooms and weak eyes).
# key = [FG] [on BG] [bold] [dim] [underline] [reverse]; empty = terminal default.
text             = #ffffff on #000000
muted            = #d0d0d0 on #000000
border           = #ffffff on #000000
border_focus     = #ffff00 on #000000 bold
title            = #ffff00 on #000000 bold
header           = #000000 on #ffffff bold
tab_active       = #000000 on #ffff00 bold
selected         = #000000 on #00ffff bold
checkbox_on      = #00ff00 on #000000 bold
checkbox_off     = #ffffff on #000000
progress_done    = #00ff00 on #000000
progress_todo    = #808080 on #000000
error            = #ff0000 on #000000 bold
warning          = #ffff00 on #000000 bold
ok               = #00ff00 on #000000 bold
info             = #00ffff on #000000
status_bar       = #000000 on #ffffff bold
help_key         = #ffff00 on #000000 bold
help_text        = #ffffff on #000000
help_disabled    = #808080 on #000000
input            = #ffffff on #000000 underline
input_focus      = #000000 on #ffff00
button           = #ffffff on #000000 reverse
button_focus     = #000000 on #ffff00 bold
modal            = #ffffff on #000000
calendar_today   = #ffff00 on #000000 bold underline
calendar_range   = #000000 on #00ffff
coverage_full    = #00ff00 on #000000 bold
coverage_partial = #ffff00 on #000000
coverage_none    = #808080 on #000000
"""#),
        ("monochrome", #"""
# VTrack theme: monochrome (no colours at all: only bold, dim, underline and reverse).
# Used when NO_COLOR is set, and on terminals without colour.
# key = [bold] [dim] [underline] [reverse]; empty = terminal default.
text             =
muted            = dim
border           =
border_focus     = bold
title            = bold
header           = reverse
tab_active       = bold underline
selected         = reverse
checkbox_on      = bold
checkbox_off     = dim
progress_done    = bold
progress_todo    = dim
error            = bold underline
warning          = bold
ok               = bold
info             =
status_bar       = reverse
help_key         = bold
help_text        =
help_disabled    = dim
input            = underline
input_focus      = reverse
button           =
button_focus     = reverse bold
modal            =
calendar_today   = bold underline
calendar_range   = reverse
coverage_full    = bold
coverage_partial =
coverage_none    = dim
"""#),
    ]
}
