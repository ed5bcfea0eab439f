#pragma once
// lilo init's programme: which one, how portfolio.yaml names it, and the file
// copied into the new portfolio when it comes from outside. Internal to lib/scaffold/.
#include <filesystem>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "programme/programme.hpp"
#include "scaffold/scaffold.hpp"

namespace lilo::scaffold {

struct Source {
    Programme programme;
    std::string manifest_ref;            // what portfolio.yaml names
    std::optional<ScaffoldFile> copy;    // a programme file copied into the portfolio
};

// `folder`: where the portfolio will be, when known; a programme file already
// inside it is named in place.
Source resolve_programme(const ScaffoldOptions& o, const std::filesystem::path* folder);

// The same day a year later (29 February: 28 February).
Date one_year_later(const Date& d);

} // namespace lilo::scaffold
