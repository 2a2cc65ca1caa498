#pragma once

#include <QColor>
#include <QPalette>

// Colours for the strips that carry a notice (demo mode, errors, deletion warnings): the window
// background tinted towards an accent, the text colour kept. Fixed light colours would turn into
// pale boxes with dark text on a dark desktop; a tint keeps the contrast of the user's palette.
namespace BannerPalette {

enum class Kind { Notice, Error };

QPalette forKind(const QPalette &base, Kind kind);

// For checking the look only (WORKSPACE_ADMIN_DARK=1): a dark palette close to the dark themes'.
QPalette darkPalette();

} // namespace BannerPalette
